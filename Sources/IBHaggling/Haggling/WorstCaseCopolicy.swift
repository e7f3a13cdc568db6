import Foundation
import LabKit

/// The exact worst case of Proposition 1's min over copolicies: the least expected utility
/// E[u_i] = E[Σ_n (1 − γ) γⁿ r_i(a⁽ⁿ⁾)] of an agent following the algorithm (ranking by V(h, γ)) against
/// an environment that satisfies h*, minimised over the environment's choices.
///
/// The game is solved on the agent's reachable internal states: the state of every hypothesis (or
/// falsified), its current hypothesis and value group, and the state of h*. At each round the
/// environment sees the agent's action and picks an observation in B_{h*}(s*, a) (a copolicy of h*
/// sees the current action); when the current hypothesis is falsified the agent draws its next one
/// from the prior conditioned on C_opt, a chance node. This environment also sees the agent's draws,
/// so it is at least as strong as any copolicy, which sees only the history: the value computed is a
/// lower bound on min over copolicies, and a guarantee that holds against it holds against every
/// copolicy (robust dynamic programming, Iyengar 2005; Shapley 1953).
///
/// Solved by policy iteration: each environment policy is evaluated exactly by solving
/// (I − γ P) V = (1 − γ) r (Gaussian elimination with partial pivoting), then improved greedily,
/// until no node improves by more than 10⁻¹² × R.
enum WorstCaseCopolicy {
  /// One agent state at which it is about to act (current hypothesis chosen), with h*'s state.
  private struct Node {
    let agent: HagglerState
    let truthState: Int
    /// For each observation h* allows: the reward and the next nodes with their probabilities.
    var moves: [(reward: Double, next: [(probability: Double, node: Int)])] = []
  }

  /// The least expected utility, and the number of reachable agent states.
  static func value(
    agent spec: HagglerSpec, truth: SharpInfraRDP, discount γ: Double, maximumNodes: Int = 4000
  ) throws -> (
    utility: Double, nodes: Int
  ) {
    var nodes: [Node] = []
    var index: [[UInt8]: Int] = [:]
    var queue: [Int] = []
    func key(_ agent: HagglerState, _ s: Int) -> [UInt8] {
      agent.state + [UInt8(agent.current), UInt8(agent.topGroup), UInt8(s)]
    }
    // The chance node of a selection: the hypotheses of C_opt with their prior probabilities.
    func select(_ agent: HagglerState, _ s: Int) throws -> [(probability: Double, node: Int)] {
      var base = agent
      base.catchUpAll()
      var group = base.topGroup
      let groups = spec.groupStarts.count - 1
      var alive: [Int] = []
      while group < groups {
        alive = (Int(spec.groupStarts[group])..<Int(spec.groupStarts[group + 1])).filter { base.state[$0] != HagglerState.dead }
        if !alive.isEmpty { break }
        group += 1
      }
      let total = alive.reduce(0) { $0 + spec.weights[$1] }
      return try alive.map { k in
        var chosen = base
        chosen.topGroup = group
        chosen.current = k
        return (spec.weights[k] / total, try node(chosen, s))
      }
    }
    func node(_ agent: HagglerState, _ s: Int) throws -> Int {
      let k = key(agent, s)
      if let known = index[k] { return known }
      guard nodes.count < maximumNodes else {
        throw LabError.numerical(routine: "WorstCaseCopolicy", problem: "more than \(maximumNodes) reachable agent states")
      }
      nodes.append(Node(agent: agent, truthState: s))
      index[k] = nodes.count - 1
      queue.append(nodes.count - 1)
      return nodes.count - 1
    }
    let start = try select(HagglerState(spec: spec, capacity: 64), truth.initialState)
    while let n = queue.popLast() {
      let agent = nodes[n].agent, s = nodes[n].truthState
      let a = agent.action
      var moves: [(reward: Double, next: [(probability: Double, node: Int)])] = []
      for o in truth.possibleObservations(state: s, action: a) {
        var next = agent
        let survives = next.observe(action: a, observation: o)
        next.catchUpAll()
        let s2 = truth.nextState(s, a, o)
        if survives {
          moves.append((spec.view.reward[a][o], [(1, try node(next, s2))]))
        } else {
          next.current = -1
          moves.append((spec.view.reward[a][o], try select(next, s2)))
        }
      }
      nodes[n].moves = moves
    }
    let values = try solve(nodes.map(\.moves), discount: γ, scale: spec.view.reward.joined().map(\.magnitude).max() ?? 1)
    return (start.reduce(0) { $0 + $1.probability * values[$1.node] }, nodes.count)
  }

  /// Policy iteration for the minimising environment.
  static func solve(_ moves: [[(reward: Double, next: [(probability: Double, node: Int)])]], discount γ: Double, scale: Double) throws -> [Double] {
    let n = moves.count
    var policy = moves.map { options in options.indices.min { options[$0].reward < options[$1].reward }! }
    for _ in 0..<200 {
      // Evaluate: (I − γ P) V = (1 − γ) r.
      var matrix = [Double](repeating: 0, count: n * n)
      var rhs = [Double](repeating: 0, count: n)
      for i in 0..<n {
        let move = moves[i][policy[i]]
        matrix[i * n + i] += 1
        for (p, j) in move.next { matrix[i * n + j] -= γ * p }
        rhs[i] = (1 - γ) * move.reward
      }
      let values = try gaussianElimination(matrix, rhs, size: n)
      var changed = false
      for i in 0..<n {
        let q = moves[i].map { move in (1 - γ) * move.reward + γ * move.next.reduce(0) { $0 + $1.probability * values[$1.node] } }
        let best = q.indices.min { q[$0] < q[$1] }!
        if q[best] < q[policy[i]] - 1e-12 * max(1, scale) {
          policy[i] = best
          changed = true
        }
      }
      if !changed { return values }
    }
    throw LabError.numerical(routine: "WorstCaseCopolicy", problem: "policy iteration did not converge in 200 steps")
  }

  /// Solves A x = b (A row-major, size × size) with partial pivoting.
  static func gaussianElimination(_ a: [Double], _ b: [Double], size n: Int) throws -> [Double] {
    var a = a, b = b
    for column in 0..<n {
      let pivot = (column..<n).max { abs(a[$0 * n + column]) < abs(a[$1 * n + column]) }!
      guard abs(a[pivot * n + column]) > 1e-300 else {
        throw LabError.numerical(routine: "WorstCaseCopolicy", problem: "singular policy evaluation")
      }
      if pivot != column {
        for k in 0..<n { a.swapAt(pivot * n + k, column * n + k) }
        b.swapAt(pivot, column)
      }
      let diagonal = a[column * n + column]
      for row in (column + 1)..<n where a[row * n + column] != 0 {
        let factor = a[row * n + column] / diagonal
        for k in column..<n { a[row * n + k] -= factor * a[column * n + k] }
        b[row] -= factor * b[column]
      }
    }
    var x = [Double](repeating: 0, count: n)
    for row in stride(from: n - 1, through: 0, by: -1) {
      var sum = b[row]
      for k in (row + 1)..<n { sum -= a[row * n + k] * x[k] }
      x[row] = sum / a[row * n + row]
    }
    return x
  }
}
