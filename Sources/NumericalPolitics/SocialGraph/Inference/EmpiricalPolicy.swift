/// §3.1 of Numerical Politics: the empirical policy P(a | H) trained on the public buffer B, "a decision
/// tree with frequencies of behaviour at each node".
///
/// The tree is the chapter's ``HistoryCode`` tree (position, last move), so a node is reached at most
/// once per encounter and every move of every recorded encounter is one observation at its node (both
/// players: even positions are first-mover nodes, odd positions initiator nodes).
///
/// Smoothing rule (additive, "add-s"): with c_a moves a observed at a node and N = Σ_a c_a,
/// P(a | node) = (c_a + s) / (N + |A| s), s = `smoothing` ≥ 0. It is the posterior mean under a
/// symmetric Dirichlet(s) prior at every node (s = 0.5 is Jeffreys' prior, the default). A node never
/// observed gives the uniform distribution 1/|A| (also when s = 0). There is no back-off to shallower
/// nodes: the tree has depth 2 already.
public struct EmpiricalPolicy: Sendable {
  public let maximumMoves: Int
  /// The pseudo-count per move, s.
  public let smoothing: Double
  /// Move counts, row `code.index`, column `move.rawValue`.
  private var counts: [Int]
  /// Moves observed per node.
  private var nodeCounts: [Int]
  public private(set) var historyCount = 0

  /// An empty tree for encounters of at most `maximumMoves` moves.
  public init(maximumMoves: Int, smoothing: Double = 0.5) {
    precondition(maximumMoves >= 1, "EmpiricalPolicy: maximumMoves must be at least 1, got \(maximumMoves)")
    precondition(smoothing >= 0 && smoothing.isFinite, "EmpiricalPolicy: smoothing must be finite and non-negative, got \(smoothing)")
    self.maximumMoves = maximumMoves
    self.smoothing = smoothing
    counts = [Int](repeating: 0, count: HistoryCode.count(maximumMoves: maximumMoves) * EncounterMove.count)
    nodeCounts = [Int](repeating: 0, count: HistoryCode.count(maximumMoves: maximumMoves))
  }

  /// Adds all moves of one encounter (at most `maximumMoves` of them).
  public mutating func record(_ history: [EncounterMove]) { record(history[...]) }

  /// Adds all moves of one encounter (at most `maximumMoves` of them); the slice's first element is move 0.
  public mutating func record(_ history: ArraySlice<EncounterMove>) {
    precondition(history.count <= maximumMoves, "EmpiricalPolicy.record: \(history.count) moves, more than maximumMoves = \(maximumMoves)")
    var last: EncounterMove? = nil
    var position = 0
    for move in history {
      let code = HistoryCode.index(position: position, last: last)
      counts[code &* EncounterMove.count &+ move.rawValue] &+= 1
      nodeCounts[code] &+= 1
      last = move
      position += 1
    }
    historyCount += 1
  }

  /// Forgets every recorded encounter.
  public mutating func removeAll() {
    for i in counts.indices { counts[i] = 0 }
    for i in nodeCounts.indices { nodeCounts[i] = 0 }
    historyCount = 0
  }

  /// The number of moves observed at `code`.
  public func count(at code: HistoryCode) -> Int {
    code.position < maximumMoves ? nodeCounts[code.index] : 0
  }

  /// The number of times `move` was observed at `code`.
  public func count(of move: EncounterMove, at code: HistoryCode) -> Int {
    code.position < maximumMoves ? counts[code.index * EncounterMove.count + move.rawValue] : 0
  }

  /// The smoothed frequency P(a | code) = (c_a + s) / (N + |A| s); 1/|A| at a node never observed.
  public func probability(of move: EncounterMove, at code: HistoryCode) -> Double {
    let n = count(at: code)
    if n == 0 { return 1 / Double(EncounterMove.count) }
    return (Double(count(of: move, at: code)) + smoothing) / (Double(n) + Double(EncounterMove.count) * smoothing)
  }

  /// The smoothed frequencies at every node as a policy.
  public func policy() -> TabularPolicy {
    var policy = TabularPolicy(uniformWithMaximumMoves: maximumMoves)
    let moves = EncounterMove.count
    for code in nodeCounts.indices where nodeCounts[code] > 0 {
      let denominator = Double(nodeCounts[code]) + Double(moves) * smoothing
      for k in 0..<moves { policy.probabilities[code * moves + k] = (Double(counts[code * moves + k]) + smoothing) / denominator }
    }
    return policy
  }
}
