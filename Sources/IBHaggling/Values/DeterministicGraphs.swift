import Foundation

/// Discounted and mean-payoff problems on finite deterministic graphs: each state has a list of
/// choices, each with a weight (the reward of the round) and a successor state. These are the inner
/// problems of hypothesis values: the agent's problem when the environment's answers do not move the
/// state, and Murphy's problem against a fixed stationary policy of the agent.
enum DeterministicGraph {
  /// Values of the stationary choice `next[s]`, `weight[s]`: V(s) = (1 − γ) w(s) + γ V(next(s)),
  /// computed exactly along each lasso (a path into a cycle) rather than iteratively, so that γ
  /// may be very close to 1.
  static func evaluate(next: [Int], weight: [Double], discount γ: Double) -> [Double] {
    let n = next.count
    var value = [Double](repeating: .nan, count: n)
    var mark = [UInt8](repeating: 0, count: n)  // 0 unseen, 1 on the current path, 2 done
    var path: [Int] = []
    let logγ = log(γ)
    for start in 0..<n where mark[start] == 0 {
      path.removeAll(keepingCapacity: true)
      var s = start
      while mark[s] == 0 {
        mark[s] = 1
        path.append(s)
        s = next[s]
      }
      var end = path.count
      if mark[s] == 1 {
        // A new cycle: path[i...] with path[i] == s.
        let i = path.firstIndex(of: s)!
        let cycle = Array(path[i...])
        var sum = 0.0
        var power = 1.0
        for c in cycle {
          sum += power * weight[c]
          power *= γ
        }
        let denominator = -expm1(Double(cycle.count) * logγ)
        value[cycle[0]] = (1 - γ) * sum / denominator
        for j in stride(from: cycle.count - 1, through: 1, by: -1) {
          value[cycle[j]] = (1 - γ) * weight[cycle[j]] + γ * value[next[cycle[j]]]
        }
        for c in cycle { mark[c] = 2 }
        end = i
      }
      for j in stride(from: end - 1, through: 0, by: -1) {
        let p = path[j]
        value[p] = (1 - γ) * weight[p] + γ * value[next[p]]
        mark[p] = 2
      }
    }
    return value
  }

  /// Optimal stationary choices by policy iteration with exact evaluation (maximising, or minimising
  /// when `maximise` is false). Returns the values and, per state, the index of the chosen option.
  /// A choice changes only when it improves by more than `tolerance`, so the iteration terminates.
  static func solve(
    choices: [[(weight: Double, next: Int)]], discount γ: Double, maximise: Bool,
    tolerance: Double, initial: [Int]? = nil
  ) -> (values: [Double], choice: [Int]) {
    let n = choices.count
    let sign: Double = maximise ? 1 : -1
    var choice =
      initial
      ?? choices.map { options in
        options.indices.max { sign * options[$0].weight < sign * options[$1].weight || (options[$0].weight == options[$1].weight && $0 > $1) }!
      }
    var next = (0..<n).map { choices[$0][choice[$0]].next }
    var weight = (0..<n).map { choices[$0][choice[$0]].weight }
    while true {
      let value = evaluate(next: next, weight: weight, discount: γ)
      var changed = false
      for s in 0..<n {
        var best = choice[s]
        var bestQ = sign * value[s]
        for (k, option) in choices[s].enumerated() {
          let q = sign * ((1 - γ) * option.weight + γ * value[option.next])
          if q > bestQ + tolerance {
            best = k
            bestQ = q
          }
        }
        if best != choice[s] {
          choice[s] = best
          next[s] = choices[s][best].next
          weight[s] = choices[s][best].weight
          changed = true
        }
      }
      if !changed { return (value, choice) }
    }
  }

  /// The minimum mean weight of a cycle reachable from `source` (Karp 1978), exactly: weights are
  /// integers, and the answer is the fraction (numerator, denominator). Edges: `edges[s]` lists
  /// (weight, successor). Every state reachable from `source` must have an edge.
  static func minimumMeanCycle(edges: [[(weight: Int64, next: Int)]], source: Int) -> Rational {
    // Restrict to the states reachable from the source.
    var index = [Int](repeating: -1, count: edges.count)
    var order = [source]
    index[source] = 0
    var head = 0
    while head < order.count {
      let s = order[head]
      head += 1
      for edge in edges[s] where index[edge.next] < 0 {
        index[edge.next] = order.count
        order.append(edge.next)
      }
    }
    let n = order.count
    let infinity = Int64.max
    // d[k][v]: least weight of a walk of exactly k edges from the source to v.
    var d = [[Int64]](repeating: [Int64](repeating: infinity, count: n), count: n + 1)
    d[0][0] = 0
    for k in 1...n {
      for (u, s) in order.enumerated() where d[k - 1][u] != infinity {
        for edge in edges[s] {
          let v = index[edge.next]
          let candidate = d[k - 1][u] + edge.weight
          if candidate < d[k][v] { d[k][v] = candidate }
        }
      }
    }
    var best: Rational?
    for v in 0..<n where d[n][v] != infinity {
      var worst: Rational?
      for k in 0..<n where d[k][v] != infinity {
        let mean = Rational(d[n][v] - d[k][v], Int64(n - k))
        if worst == nil || worst! < mean { worst = mean }
      }
      if let worst, best == nil || worst < best! { best = worst }
    }
    return best!
  }

  /// Integer weights for exact rationals: the rewards times the least common multiple of their
  /// denominators, and that multiplier.
  static func scaled(_ values: [Rational]) -> (integers: [Int64], scale: Int64) {
    var scale: Int64 = 1
    for value in values {
      let g = Int64(Rational.gcd(scale.magnitude, value.denominator.magnitude))
      scale = scale / g * value.denominator
    }
    return (values.map { $0.numerator * (scale / $0.denominator) }, scale)
  }
}
