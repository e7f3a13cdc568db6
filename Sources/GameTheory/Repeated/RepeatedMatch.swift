import LabKit

/// A match of a fixed number of rounds of a ``StageGame`` between two ``FiniteMemoryStrategy``
/// machines, with optional noise; axelrod's `Match(players, turns, game=..., noise=...)`.
///
/// Each round both machines choose a move from their current state (drawing when the state's
/// probability is strictly between 0 and 1; axelrod's `random_choice(p)` also draws only then, and
/// plays C when the draw is below p). Then, with probability `noise`, each intended move is flipped,
/// independently for the two players (axelrod's `Match.simultaneous_play` with `random_flip`, which
/// also draws only when 0 < noise < 1). Both machines then see the moves actually played, as
/// axelrod's players do (their histories hold the flipped moves), and move to their next states.
///
/// Randomness comes from one LabKit ``Random`` passed to ``play(_:_:random:transcript:)``, drawn in
/// this order each round: the first player's move, the second's, the first's noise, the second's.
/// (axelrod uses a generator per player and one for the noise; the distributions are the same.)
/// A match of deterministic strategies without noise draws nothing and needs no generator.
public struct RepeatedMatch: Sendable, Equatable {
  /// The number of rounds (axelrod's `turns`), at least 1.
  public let turns: Int
  /// The probability that each player's intended move is flipped in each round, in [0, 1].
  public let noise: Double
  /// The game played each round.
  public let game: StageGame

  /// - Throws: ``LabError/invalidInput(place:problem:)`` if `turns` < 1 or `noise` is not in [0, 1].
  public init(turns: Int = 200, noise: Double = 0, game: StageGame = .axelrod) throws {
    guard turns >= 1 else {
      throw LabError.invalidInput(place: "repeated match", problem: "turns must be at least 1, got \(turns)")
    }
    guard noise >= 0, noise <= 1 else {
      throw LabError.invalidInput(place: "repeated match", problem: "noise must be a probability in [0, 1], got \(noise)")
    }
    self.turns = turns
    self.noise = noise
    self.game = game
  }

  /// Whether a match between these strategies draws random numbers: some state of either plays C
  /// with a probability strictly between 0 and 1, or 0 < noise < 1.
  public func drawsRandomNumbers(_ first: FiniteMemoryStrategy, _ second: FiniteMemoryStrategy) -> Bool {
    (noise > 0 && noise < 1) || !first.isDeterministic || !second.isDeterministic
  }

  /// Plays the match.
  ///
  /// - Parameters:
  ///   - random: the generator; needed only when ``drawsRandomNumbers(_:_:)``.
  ///   - transcript: whether to record every round in ``Result/transcript``.
  /// - Throws: ``LabError/invalidInput(place:problem:)`` if the match draws but `random` is nil.
  public func play(
    _ first: FiniteMemoryStrategy, _ second: FiniteMemoryStrategy, random: Random? = nil, transcript: Bool = false
  )
    throws -> Result
  {
    let drawing = drawsRandomNumbers(first, second)
    if drawing && random == nil {
      let reason = noise > 0 && noise < 1 ? "noise \(noise)" : "stochastic strategy \(first.isDeterministic ? second.name : first.name)"
      throw LabError.invalidInput(place: "repeated match \(first.name) v \(second.name)", problem: "\(reason) needs a random generator")
    }
    if !drawing && !transcript {
      let tally = MatchEngine.deterministic(first, second, turns: turns, flip: noise == 1)
      return Result(tally: tally, turns: turns, game: game, transcript: nil)
    }
    var source = random
    let (tally, rounds) = MatchEngine.general(first, second, turns: turns, noise: noise, random: &source, record: transcript)
    return Result(tally: tally, turns: turns, game: game, transcript: rounds)
  }
}

// MARK: - Rounds and results

extension RepeatedMatch {
  /// One round: the moves the two players actually played (after noise).
  public struct Turn: Hashable, Sendable, CustomStringConvertible {
    public let first: StageGame.Move
    public let second: StageGame.Move

    public init(_ first: StageGame.Move, _ second: StageGame.Move) {
      self.first = first
      self.second = second
    }

    /// The outcome index 2 · first + second (CC = 0, CD = 1, DC = 2, DD = 3).
    public var outcome: Int { Int(first.rawValue) << 1 | Int(second.rawValue) }

    /// "CD" for (C, D).
    public var description: String { "\(first)\(second)" }

    /// The rounds whose first and second moves are spelled by two equally long strings of C and D;
    /// `Turn.transcript("CDDC", "CCDD")` is (C, C), (D, C), (D, D), (C, D).
    public static func transcript(_ first: String, _ second: String) throws -> [Turn] {
      let (a, b) = (try StageGame.Move.sequence(first), try StageGame.Move.sequence(second))
      guard a.count == b.count else {
        throw LabError.invalidInput(place: "transcript", problem: "\(a.count) first moves but \(b.count) second moves")
      }
      return zip(a, b).map { Turn($0, $1) }
    }
  }

  /// What a match produced: the counts of each outcome, from which scores, cooperation and the
  /// winner follow, the opening round, and optionally every round.
  public struct Result: Sendable, Equatable {
    /// The number of rounds played.
    public let turns: Int
    /// How many rounds ended CC, CD, DC, DD (the first player's move first); axelrod's
    /// `state_distribution`.
    public let outcomeCounts: SIMD4<Int>
    /// The total payoffs (first player's, second player's); axelrod's `final_score()`.
    public let scores: SIMD2<Double>
    /// The first round.
    public let opening: Turn
    /// Every round, when asked for.
    public let transcript: [Turn]?

    init(tally: MatchTally, turns: Int, game: StageGame, transcript: [Turn]?) {
      self.turns = turns
      outcomeCounts = tally.outcomes
      let counts = SIMD4<Double>(tally.outcomes)
      scores = SIMD2((counts * game.firstPayoffs).sum(), (counts * game.secondPayoffs).sum())
      opening = Turn(StageGame.Move(rawValue: tally.opening >> 1)!, StageGame.Move(rawValue: tally.opening & 1)!)
      self.transcript = transcript
    }

    /// Mean payoff per round of each player; axelrod's `final_score_per_turn()`.
    public var meanScores: SIMD2<Double> { scores / Double(turns) }

    /// How many times each player played C; axelrod's `cooperation()`.
    public var cooperations: SIMD2<Int> {
      SIMD2(outcomeCounts[0] + outcomeCounts[1], outcomeCounts[0] + outcomeCounts[2])
    }

    /// The player (0 or 1) with the higher total payoff, nil on a tie; axelrod's `winner()`.
    public var winner: Int? {
      scores[0] == scores[1] ? nil : (scores[0] > scores[1] ? 0 : 1)
    }

    /// The same match seen from the second player's seat.
    public var swapped: Result {
      Result(
        turns: turns, outcomeCounts: SIMD4(outcomeCounts[0], outcomeCounts[2], outcomeCounts[1], outcomeCounts[3]),
        scores: SIMD2(scores[1], scores[0]), opening: Turn(opening.second, opening.first),
        transcript: transcript?.map { Turn($0.second, $0.first) })
    }

    private init(turns: Int, outcomeCounts: SIMD4<Int>, scores: SIMD2<Double>, opening: Turn, transcript: [Turn]?) {
      self.turns = turns
      self.outcomeCounts = outcomeCounts
      self.scores = scores
      self.opening = opening
      self.transcript = transcript
    }
  }
}
