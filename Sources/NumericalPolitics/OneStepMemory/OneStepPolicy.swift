import GameTheory
import LabKit

/// §2.2 of Numerical Politics: a deterministic policy of a one-step-memory agent, the move it makes
/// after each outcome of the previous round (my last move, your last move).
///
/// Numbered as in the book-era code: bit s of the id is the move (0 trade, 1 steal) in state s, with
/// s = 2 · mine + yours, so bit 0 = after TT, bit 1 = after TS, bit 2 = after ST, bit 3 = after SS.
/// A society of two such agents is numbered 16 · policy(agent 0) + policy(agent 1), written in hex
/// (Table 2.2 played by both is 0x66).
public struct OneStepPolicy: Hashable, Sendable, CustomStringConvertible {
  /// The id, 0 ... 15.
  public let id: Int

  public init(_ id: Int) {
    precondition((0..<16).contains(id), "OneStepPolicy: id \(id) is not in 0...15")
    self.id = id
  }

  /// Table 2.2: trade after TT, steal after TS, steal after ST, trade after SS (id 6).
  public static let tableTwoTwo = OneStepPolicy(0b0110)
  /// Tit-for-tat: do what you did last time (trade after TT and ST, steal after TS and SS; id 10).
  public static let titForTat = OneStepPolicy(0b1010)
  /// Always trade (id 0) and always steal (id 15).
  public static let alwaysTrade = OneStepPolicy(0)
  public static let alwaysSteal = OneStepPolicy(15)

  /// The move (0 trade, 1 steal) in state `state` = 2 · mine + yours.
  public func move(_ state: Int) -> Int { id >> state & 1 }

  /// The hex digit of the id.
  public var hex: String { String(id, radix: 16, uppercase: false) }

  /// The four moves as letters, after TT, TS, ST, SS: "TSST" for Table 2.2.
  public var moves: String { (0..<4).map { move($0) == 0 ? "T" : "S" }.joined() }

  public var description: String { "policy \(hex) (\(moves))" }

  /// The policy that plays like `strategy` (a GameTheory finite machine) whatever state the machine
  /// is in, if there is one: each state's move must be the same from every machine state that can
  /// follow that outcome. `nil` when the machine's next move is not a function of the last outcome.
  public init?(_ strategy: FiniteMemoryStrategy) {
    var id = 0
    for outcome in 0..<4 {
      let own = StageGame.Move(rawValue: UInt8(outcome >> 1))!
      let other = StageGame.Move(rawValue: UInt8(outcome & 1))!
      let moves = Set(
        (0..<strategy.stateCount).map { state -> Double in
          strategy.cooperationProbabilities[strategy.nextState(after: state, own: own, opponent: other)]
        })
      guard moves.count == 1, let p = moves.first, p == 0 || p == 1 else { return nil }
      id |= (p == 1 ? 0 : 1) << outcome
    }
    self.init(id)
  }
}

/// A society of two one-step-memory agents, by its id 16 · policy(agent 0) + policy(agent 1).
public struct OneStepSociety: Hashable, Sendable, Comparable, CustomStringConvertible {
  public let id: Int

  public init(_ id: Int) {
    precondition((0..<256).contains(id), "OneStepSociety: id \(id) is not in 0...255")
    self.id = id
  }

  public init(_ first: OneStepPolicy, _ second: OneStepPolicy) { self.init(16 * first.id + second.id) }

  public var first: OneStepPolicy { OneStepPolicy(id >> 4) }
  public var second: OneStepPolicy { OneStepPolicy(id & 15) }

  /// "0x66".
  public var hex: String { "0x" + first.hex + second.hex }
  public var description: String { hex }

  public static func < (a: OneStepSociety, b: OneStepSociety) -> Bool { a.id < b.id }

  /// Table 2.2 played by both agents.
  public static let tableTwoTwo = OneStepSociety(.tableTwoTwo, .tableTwoTwo)
  /// Tit-for-tat played by both.
  public static let titForTat = OneStepSociety(.titForTat, .titForTat)

  // MARK: Deterministic play (no exploration)

  /// A joint state: the outcome of the last round from agent 0's side, 2 · move0 + move1.
  /// Agent 1 sees the mirror, 2 · move1 + move0.
  public static func mirror(_ joint: Int) -> Int { (joint & 1) << 1 | joint >> 1 }

  /// The joint state after one round played without exploration from `joint`.
  public func next(_ joint: Int) -> Int {
    first.move(joint) << 1 | second.move(Self.mirror(joint))
  }

  /// The attractors of deterministic play: the cycles of ``next(_:)`` over the four joint states, each
  /// as its states in order of play, starting from its smallest state; sorted.
  public var attractors: [[Int]] {
    var cycles = Set<[Int]>()
    for start in 0..<4 {
      var seen: [Int] = []
      var state = start
      while !seen.contains(state) {
        seen.append(state)
        state = next(state)
      }
      let cycle = Array(seen[seen.firstIndex(of: state)!...])
      let smallest = cycle.firstIndex(of: cycle.min()!)!
      cycles.insert(Array(cycle[smallest...] + cycle[..<smallest]))
    }
    return cycles.sorted { $0.lexicographicallyPrecedes($1) }
  }

  /// The long-run average Table 2.1 wellbeing of (agent 0, agent 1) in deterministic play from `joint`.
  public func longRunWellbeing(from joint: Int) -> (first: Double, second: Double) {
    var seen: [Int] = []
    var state = joint
    while !seen.contains(state) {
      seen.append(state)
      state = next(state)
    }
    let cycle = seen[seen.firstIndex(of: state)!...]
    let table = SugarAndSpiceWorld.wellbeingTable
    let first = cycle.reduce(0.0) { $0 + table[$1] } / Double(cycle.count)
    let second = cycle.reduce(0.0) { $0 + table[Self.mirror($1)] } / Double(cycle.count)
    return (first, second)
  }

  /// Agent 0's discounted Table 2.1 wellbeing Σ_k γ^k r_k of deterministic play, counting the round
  /// played from `joint` as k = 0: exact, from the path into the cycle and the cycle's geometric sum.
  public func discountedWellbeing(from joint: Int, discount: Double) -> Double {
    var path: [Int] = []
    var state = joint
    while !path.contains(state) {
      path.append(state)
      state = next(state)
    }
    let table = SugarAndSpiceWorld.wellbeingTable
    // Rewards of the rounds played from each state of the path: round from state s yields next(s).
    let rewards = path.map { table[next($0)] }
    let loopStart = path.firstIndex(of: state)!
    var value = 0.0
    var factor = 1.0
    for k in 0..<loopStart {
      value += factor * rewards[k]
      factor *= discount
    }
    var loop = 0.0
    var loopFactor = 1.0
    for k in loopStart..<path.count {
      loop += loopFactor * rewards[k]
      loopFactor *= discount
    }
    return value + factor * loop / (1 - loopFactor)
  }

  // MARK: Play with exploration

  /// The stationary distribution of the joint state when each agent plays its policy but, exploring
  /// with probability ε, picks uniformly among both moves (so deviates with probability ε / 2);
  /// solved exactly from the 4 × 4 chain. Requires 0 < ε ≤ 1 for both agents.
  public func stationaryDistribution(exploration first: Double, _ second: Double) -> [Double] {
    precondition(first > 0 && second > 0 && first <= 1 && second <= 1, "stationary distribution needs 0 < ε ≤ 1")
    var p = [[Double]](repeating: [Double](repeating: 0, count: 4), count: 4)
    for joint in 0..<4 {
      let a = first.isZero ? 0 : first / 2
      let b = second.isZero ? 0 : second / 2
      let m0 = self.first.move(joint)
      let m1 = self.second.move(Self.mirror(joint))
      for n0 in 0..<2 {
        for n1 in 0..<2 {
          let p0 = n0 == m0 ? 1 - a : a
          let p1 = n1 == m1 ? 1 - b : b
          p[joint][n0 << 1 | n1] += p0 * p1
        }
      }
    }
    // π (P − I) = 0 with Σ π = 1: transpose, replace the last equation by the normalisation.
    var a = [[Double]](repeating: [Double](repeating: 0, count: 5), count: 4)
    for i in 0..<4 {
      for j in 0..<4 { a[i][j] = p[j][i] - (i == j ? 1 : 0) }
    }
    a[3] = [1, 1, 1, 1, 1]
    return Self.solve(a)
  }

  /// The average Table 2.1 wellbeing per agent per round in the stationary state with exploration ε
  /// for both agents.
  public func averageWellbeing(exploration: Double) -> Double {
    let pi = stationaryDistribution(exploration: exploration, exploration)
    let table = SugarAndSpiceWorld.wellbeingTable
    return (0..<4).reduce(0) { $0 + pi[$1] * (table[$1] + table[Self.mirror($1)]) / 2 }
  }

  /// Gaussian elimination with partial pivoting on a 4 × 5 augmented matrix.
  static func solve(_ matrix: [[Double]]) -> [Double] {
    var a = matrix
    let n = a.count
    for column in 0..<n {
      let pivot = (column..<n).max { abs(a[$0][column]) < abs(a[$1][column]) }!
      a.swapAt(column, pivot)
      for row in 0..<n where row != column {
        let factor = a[row][column] / a[column][column]
        if factor != 0 { for k in column...n { a[row][k] -= factor * a[column][k] } }
      }
    }
    return (0..<n).map { a[$0][n] / a[$0][$0] }
  }
}
