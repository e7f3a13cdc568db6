import GameTheory
import LabKit

// MARK: - Candidate to move to GameTheory (Repeated): discounted values and best responses of
// deterministic finite machines in the infinitely repeated game. Written here because GameTheory's
// repeated games play finite matches only.

/// The infinitely repeated 2 × 2 game with discount factor δ, for deterministic
/// ``FiniteMemoryStrategy`` machines: payoffs are normalised discounted sums (1 − δ) Σₜ δᵗ uₜ, so they
/// are on the scale of the stage game.
///
/// Two deterministic machines eventually cycle, which gives their discounted payoffs exactly. A player's
/// best response to a deterministic machine is a Markov decision problem over the machine's states,
/// solved here by value iteration to 1e-13; it ranges over *all* strategies of the repeated game, so
/// "no player gains by deviating" is a Nash-equilibrium test in the infinitely repeated game.
/// Used for the introduction's motivating example (the repeated prisoner's dilemma has many equilibria).
struct DiscountedRepeatedGame: Sendable {
  let stage: StageGame
  let discount: Double

  /// - Throws: ``LabError/invalidInput(place:problem:)`` unless 0 < δ < 1.
  init(stage: StageGame, discount: Double) throws {
    guard discount > 0, discount < 1 else {
      throw LabError.invalidInput(place: "discounted repeated game", problem: "the discount factor must be in (0, 1), got \(discount)")
    }
    self.stage = stage
    self.discount = discount
  }

  /// The long-run behaviour of a pair of deterministic machines.
  struct Play: Sendable, Equatable {
    /// Normalised discounted payoffs of the two players.
    let payoffs: (Double, Double)
    /// The rounds before the cycle and the cycle's length.
    let prefixLength: Int
    let cycleLength: Int
    /// Over the cycle: how often each player plays C, and how often both do.
    let cooperation: (Double, Double)
    let mutualCooperation: Double
    /// The first rounds, as "CC DC …" pairs (first player's move first), up to 12.
    let opening: String

    static func == (a: Play, b: Play) -> Bool {
      a.payoffs == b.payoffs && a.prefixLength == b.prefixLength && a.cycleLength == b.cycleLength && a.cooperation == b.cooperation
        && a.mutualCooperation == b.mutualCooperation && a.opening == b.opening
    }
  }

  static func requireDeterministic(_ machine: FiniteMemoryStrategy) throws {
    guard machine.isDeterministic else {
      throw LabError.invalidInput(place: "strategy \(machine.name)", problem: "the discounted analysis needs a deterministic machine")
    }
  }

  static func move(_ machine: FiniteMemoryStrategy, _ state: Int) -> StageGame.Move {
    machine.cooperationProbabilities[state] == 1 ? .cooperate : .defect
  }

  /// Plays the two machines against each other (the first as the row player) until their joint state
  /// repeats, and returns the exact discounted payoffs and the cycle's statistics.
  func play(_ first: FiniteMemoryStrategy, _ second: FiniteMemoryStrategy) throws -> Play {
    try Self.requireDeterministic(first)
    try Self.requireDeterministic(second)
    var seen: [Int: Int] = [:]
    var outcomes: [Int] = []
    var (s1, s2) = (first.initialState, second.initialState)
    while seen[s1 * second.stateCount + s2] == nil {
      seen[s1 * second.stateCount + s2] = outcomes.count
      let (m1, m2) = (Self.move(first, s1), Self.move(second, s2))
      outcomes.append(Int(m1.rawValue) << 1 | Int(m2.rawValue))
      (s1, s2) = (first.nextState(after: s1, own: m1, opponent: m2), second.nextState(after: s2, own: m2, opponent: m1))
    }
    let start = seen[s1 * second.stateCount + s2]!
    let cycle = Array(outcomes[start...])
    func value(_ table: SIMD4<Double>) -> Double {
      var prefix = 0.0
      var weight = 1.0
      for o in outcomes[..<start] {
        prefix += weight * table[o]
        weight *= discount
      }
      var cycleSum = 0.0
      var inner = 1.0
      for o in cycle {
        cycleSum += inner * table[o]
        inner *= discount
      }
      return (1 - discount) * (prefix + weight * cycleSum / (1 - inner))
    }
    let length = Double(cycle.count)
    let letters = ["CC", "CD", "DC", "DD"]
    var opening: [String] = []
    var index = 0
    while opening.count < 12 {
      opening.append(letters[index < outcomes.count ? outcomes[index] : cycle[(index - start) % cycle.count]])
      index += 1
    }
    return Play(
      payoffs: (value(stage.firstPayoffs), value(stage.secondPayoffs)), prefixLength: start, cycleLength: cycle.count,
      cooperation: (Double(cycle.filter { $0 < 2 }.count) / length, Double(cycle.filter { $0 % 2 == 0 }.count) / length),
      mutualCooperation: Double(cycle.filter { $0 == 0 }.count) / length, opening: opening.joined(separator: " "))
  }

  /// The best normalised discounted payoff player `player` (0 = row, 1 = column) can get against the
  /// deterministic machine `opponent`, over all strategies of the repeated game (value iteration on the
  /// opponent's states, stopped when an update changes no value by more than 1e-13).
  func bestResponseValue(_ player: Int, against opponent: FiniteMemoryStrategy) throws -> Double {
    try Self.requireDeterministic(opponent)
    let table = player == 0 ? stage.firstPayoffs : stage.secondPayoffs
    var value = [Double](repeating: 0, count: opponent.stateCount)
    for _ in 0..<1_000_000 {
      var change = 0.0
      var next = value
      for s in 0..<opponent.stateCount {
        let theirs = Self.move(opponent, s)
        var best = -Double.infinity
        for mine in StageGame.Move.allCases {
          let outcome = player == 0 ? Int(mine.rawValue) << 1 | Int(theirs.rawValue) : Int(theirs.rawValue) << 1 | Int(mine.rawValue)
          let t = opponent.nextState(after: s, own: theirs, opponent: mine)
          best = max(best, (1 - discount) * table[outcome] + discount * value[t])
        }
        change = max(change, abs(best - value[s]))
        next[s] = best
      }
      value = next
      if change < 1e-13 { break }
    }
    return value[opponent.initialState]
  }

  /// Each player's gain from its best deviation from the profile (negative when every deviation loses).
  func deviationGains(_ first: FiniteMemoryStrategy, _ second: FiniteMemoryStrategy) throws -> (Double, Double) {
    let onPath = try play(first, second).payoffs
    return (try bestResponseValue(0, against: second) - onPath.0, try bestResponseValue(1, against: first) - onPath.1)
  }

  /// Whether the profile is a Nash equilibrium of the repeated game (no gain above `tolerance`).
  func isNashEquilibrium(_ first: FiniteMemoryStrategy, _ second: FiniteMemoryStrategy, tolerance: Double = 1e-9) throws -> Bool {
    let gains = try deviationGains(first, second)
    return gains.0 <= tolerance && gains.1 <= tolerance
  }
}

extension FiniteMemoryStrategy {
  /// The machine that follows a cyclic path of its own moves while the opponent follows its expected
  /// cyclic path, and defects for ever after the first departure from either (grim-trigger
  /// punishment): states 0 ..< L walk the cycle, state L punishes.
  ///
  /// - Throws: ``LabError/invalidInput(place:problem:)`` unless both paths are non-empty and equally long.
  static func pathWithGrimPunishment(name: String, own: [StageGame.Move], expected: [StageGame.Move]) throws -> FiniteMemoryStrategy {
    guard !own.isEmpty, own.count == expected.count else {
      throw LabError.invalidInput(place: "path strategy \(name)", problem: "the two cyclic paths must be non-empty and equally long")
    }
    let length = own.count
    let probabilities = own.map { $0 == .cooperate ? 1.0 : 0.0 } + [0]
    var transitions: [[Int]] = []
    for s in 0..<length {
      transitions.append(
        (0..<4).map { outcome in
          let (mine, theirs) = (outcome >> 1, outcome & 1)
          return mine == Int(own[s].rawValue) && theirs == Int(expected[s].rawValue) ? (s + 1) % length : length
        })
    }
    transitions.append([length, length, length, length])
    return try FiniteMemoryStrategy(name: name, cooperationProbabilities: probabilities, transitions: transitions)
  }
}
