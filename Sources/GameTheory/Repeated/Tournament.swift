import Foundation
import LabKit

/// A round-robin tournament of repeated matches, as in Axelrod (1980) and axelrod's
/// `Tournament(players, game, turns, repetitions, noise, seed)`.
///
/// Every unordered pair of strategies plays, self-play included: the pairs are (i, j) with
/// i ≤ j, in axelrod's order (`match_generator.complete_graph`: i ascending, then j from i), the
/// strategy with the lower index in the first seat. Each pair plays `repetitions` independent
/// matches of `turns` rounds. Self-play is scored but, as in axelrod's `ResultSet`, left out of the
/// per-player summaries (``TournamentResult``).
///
/// Every match is simulated round by round; deterministic pairs are replayed in every repetition
/// (axelrod answers repeated deterministic matches from its `DeterministicCache` instead).
///
/// **Seeds.** Match (pair i-j, repetition r) draws from its own mt19937 stream, seeded as
/// `Random(master: seed, stream: "game.tournament/i-j", replicate: r)` (see ``seedStream(_:_:)``), and
/// only when the match draws at all (one ``MT19937Stream`` per pair, reseeded in place per match). A
/// match's numbers therefore depend only on the seed, the pair and the repetition, never on which
/// thread plays it or in what order: ``play(jobs:)`` returns the same result for every `jobs`.
public struct Tournament: Sendable {
  /// The players, in order; the summary names them by ``FiniteMemoryStrategy/name``.
  public let strategies: [FiniteMemoryStrategy]
  /// The match every pair plays (turns, noise, game).
  public let match: RepeatedMatch
  /// How many times the whole round robin is played.
  public let repetitions: Int
  /// The master seed of the tournament's random streams.
  public let seed: UInt64

  /// The most rounds a tournament plays in all (pairs × repetitions × turns): about a minute at the
  /// engine's throughput; a request beyond it is refused rather than left running for hours.
  public static let largestTotalTurns = 10_000_000_000

  /// - Throws: ``LabError/invalidInput(place:problem:)`` for fewer than two strategies, `turns` < 1,
  ///   `repetitions` < 1, `noise` outside [0, 1], or more than ``largestTotalTurns`` rounds in all.
  public init(
    strategies: [FiniteMemoryStrategy], turns: Int = 200, repetitions: Int = 10, noise: Double = 0,
    game: StageGame = .axelrod, seed: UInt64 = 0
  ) throws {
    guard strategies.count >= 2 else {
      throw LabError.invalidInput(place: "tournament", problem: "a round robin needs at least 2 strategies, got \(strategies.count)")
    }
    guard repetitions >= 1 else {
      throw LabError.invalidInput(place: "tournament", problem: "repetitions must be at least 1, got \(repetitions)")
    }
    let pairs = strategies.count * (strategies.count + 1) / 2
    let (perPair, overflowA) = repetitions.multipliedReportingOverflow(by: max(turns, 1))
    let (total, overflowB) = perPair.multipliedReportingOverflow(by: pairs)
    guard !overflowA, !overflowB, total <= Self.largestTotalTurns else {
      throw LabError.invalidInput(
        place: "tournament",
        problem:
          "\(pairs) pairs × \(repetitions) repetitions × \(turns) turns is more than \(Self.largestTotalTurns) rounds in all; ask for fewer turns or repetitions"
      )
    }
    self.strategies = strategies
    self.match = try RepeatedMatch(turns: turns, noise: noise, game: game)
    self.repetitions = repetitions
    self.seed = seed
  }

  /// A tournament of classic strategies given by name (``FiniteMemoryStrategy/classic(named:game:)``).
  ///
  /// - Throws: ``LabError/unknownIdentifier(_:known:)`` for an unknown name, and as
  ///   ``init(strategies:turns:repetitions:noise:game:seed:)``.
  public init(
    names: [String], turns: Int = 200, repetitions: Int = 10, noise: Double = 0, game: StageGame = .axelrod, seed: UInt64 = 0
  ) throws {
    try self.init(
      strategies: names.map { try FiniteMemoryStrategy.classic(named: $0, game: game) }, turns: turns,
      repetitions: repetitions, noise: noise, game: game, seed: seed)
  }

  public var turns: Int { match.turns }
  public var noise: Double { match.noise }
  public var game: StageGame { match.game }

  /// The pairs (i, j), i ≤ j, in the order they are played and stored: n (n + 1) / 2 of them.
  public var pairs: [SIMD2<Int>] {
    let n = strategies.count
    return (0..<n).flatMap { i in (i..<n).map { SIMD2(i, $0) } }
  }

  /// The rounds played in the whole tournament: pairs × repetitions × turns.
  public var totalTurns: Int { strategies.count * (strategies.count + 1) / 2 * repetitions * turns }

  /// The name of the random stream of pair (first, second): "game.tournament/first-second".
  public static func seedStream(_ first: Int, _ second: Int) -> String { "game.tournament/\(first)-\(second)" }

  /// Plays every match, pairs spread over up to `jobs` threads (LabKit's ``Parallel/map(_:jobs:afterEach:_:)``);
  /// the result does not depend on `jobs`.
  ///
  /// - Precondition: `jobs` ≥ 1.
  public func play(jobs: Int = 1) -> TournamentResult {
    precondition(jobs >= 1, "Tournament.play: jobs must be at least 1")
    let pairs = self.pairs
    var tallies: [MatchTally] = []
    tallies.reserveCapacity(pairs.count * repetitions)
    if jobs == 1 {
      // One thread: straight into the result, without the parallel map's per-item bookkeeping.
      for pair in pairs { playPair(pair, into: &tallies) }
    } else {
      // The body never throws, so neither does the map.
      let perPair = try! Parallel.map(pairs.count, jobs: jobs) { index in
        var pairTallies: [MatchTally] = []
        pairTallies.reserveCapacity(repetitions)
        playPair(pairs[index], into: &pairTallies)
        return pairTallies
      }
      for pairTallies in perPair { tallies.append(contentsOf: pairTallies) }
    }
    return TournamentResult(tournament: self, pairs: pairs, tallies: tallies)
  }

  /// Appends all repetitions of one pair, in repetition order.
  ///
  /// A drawing pair has one ``MT19937Stream`` (GSL's mt19937 in Swift), reseeded in place for each
  /// repetition with the seed `Random(master:stream:replicate:)` would get: the same numbers as a fresh
  /// GSL generator per match, without its allocation and a C call per draw. The seeds' state blocks
  /// are made up to 16 at a time (``MT19937Stream/seedBlocks(_:into:)``, four recurrences in
  /// lockstep), as seeding one at a time costs as much as the match.
  private func playPair(_ pair: SIMD2<Int>, into tallies: inout [MatchTally]) {
    let (a, b) = (strategies[pair[0]], strategies[pair[1]])
    if match.drawsRandomNumbers(a, b) {
      let stream = Tournament.seedStream(pair[0], pair[1])
      // The seeds' 624-word blocks, made `chunk` repetitions at a time (their recurrences in lockstep).
      let chunk = min(repetitions, 16)
      let blocks = UnsafeMutablePointer<UInt32>.allocate(capacity: MT19937Stream.seedBlockWords(chunk))
      defer { blocks.deallocate() }
      var seeds = [UInt32](repeating: 0, count: chunk)
      var random: MT19937Stream? = nil
      for start in stride(from: 0, to: repetitions, by: chunk) {
        let count = min(chunk, repetitions - start)
        for k in 0..<count { seeds[k] = SeedMixing.seed(master: seed, stream: stream, replicate: start + k) }
        seeds.withUnsafeBufferPointer { MT19937Stream.seedBlocks(UnsafeBufferPointer(rebasing: $0[0..<count]), into: blocks) }
        for k in 0..<count {
          if let generator = random { generator.reseed(fromBlock: blocks + k * 624) } else { random = MT19937Stream(fromBlock: blocks + k * 624) }
          tallies.append(MatchEngine.general(a, b, turns: turns, noise: noise, random: &random, record: false).0)
        }
      }
    } else {
      let flip = noise == 1
      for _ in 0..<repetitions { tallies.append(MatchEngine.deterministic(a, b, turns: turns, flip: flip)) }
    }
  }
}
