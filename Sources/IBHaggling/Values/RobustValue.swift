import LabKit

/// The value of a hypothesis at a discount γ and an optimal stationary policy (§Learning-theoretic
/// guarantee):
///
///     V_i(h, γ) = max_{π ∈ Π^h_i} min_{π_{−i} ∈ Π^h_{−i}} u_i(π, π_{−i}, γ),   u_i = Σ_n (1 − γ) γ^n r_i(a^{(n)}),
///
/// over stationary policies π : S_h → A_i and copolicies that see the agent's current action and
/// answer with an observation of B_h(s, a_i). Stationary policies suffice (Shapley 1953; the game is
/// turn-based, so Murphy has a positional best reply too).
public struct HypothesisValue: Sendable, Equatable {
  /// V(h^s, γ) for every state s: the value of the hypothesis started in s.
  public let values: [Double]
  /// An optimal stationary policy, optimal from every state.
  public let policy: [Int]
  /// V_i(h, γ), the value from s₀.
  public let initialValue: Double
}

extension SharpInfraRDP {
  /// V(h, γ) and an optimal policy by strategy iteration: the agent's policy improves by exact
  /// Bellman steps, and each policy is evaluated against Murphy's exact best reply (itself found by
  /// policy iteration on the deterministic graph of that policy). Exact lasso evaluation makes γ
  /// close to 1 (0.99999) as cheap as γ = 0.9.
  ///
  /// Among optimal actions (Q within 10⁻¹² of the best, relative to the reward scale) the policy
  /// takes the one whose best allowed outcome pays most, then the lowest index; for ⊤ this is the
  /// notes' tie-break 14.
  ///
  /// - Parameters:
  ///   - reward: reward[a][o] = r_i(a, o).
  ///   - discount: γ in (0, 1).
  public func robustValue(reward: [[Double]], discount γ: Double) -> HypothesisValue {
    precondition(γ > 0 && γ < 1, "robustValue: the discount must be in (0, 1)")
    precondition(reward.count == actionCount && reward.allSatisfy { $0.count == observationCount }, "robustValue: reward table shape")
    let scale = max(1, reward.joined().map(\.magnitude).max() ?? 1)
    let tolerance = 1e-12 * scale
    let S = stateCount
    func q(_ s: Int, _ a: Int, _ v: [Double]) -> Double {
      var worst = Double.infinity
      let mask = allowed[s * actionCount + a]
      for o in 0..<observationCount where mask & (1 << UInt64(o)) != 0 {
        worst = min(worst, (1 - γ) * reward[a][o] + γ * v[nextState(s, a, o)])
      }
      return worst
    }
    func murphy(_ policy: [Int]) -> [Double] {
      let choices = (0..<S).map { s in
        possibleObservations(state: s, action: policy[s]).map { o in (weight: reward[policy[s]][o], next: nextState(s, policy[s], o)) }
      }
      return DeterministicGraph.solve(choices: choices, discount: γ, maximise: false, tolerance: tolerance).values
    }
    // Start from the best worst-case immediate reward.
    var policy = (0..<S).map { s in
      (0..<actionCount).max { a, b in
        let (x, y) = (
          possibleObservations(state: s, action: a).map { reward[a][$0] }.min()!,
          possibleObservations(state: s, action: b).map { reward[b][$0] }.min()!
        )
        return x < y || (x == y && a > b)
      }!
    }
    var values = murphy(policy)
    while true {
      var changed = false
      for s in 0..<S {
        var best = policy[s]
        var bestQ = values[s]
        for a in 0..<actionCount {
          let value = q(s, a, values)
          if value > bestQ + tolerance {
            best = a
            bestQ = value
          }
        }
        if best != policy[s] {
          policy[s] = best
          changed = true
        }
      }
      if !changed { break }
      values = murphy(policy)
    }
    // Tie-break among optimal actions: the best best-case outcome, then the lowest index.
    for s in 0..<S {
      let qs = (0..<actionCount).map { q(s, $0, values) }
      let top = qs.max()!
      let candidates = (0..<actionCount).filter { qs[$0] >= top - tolerance }
      policy[s] = candidates.max { a, b in
        let (x, y) = (
          possibleObservations(state: s, action: a).map { reward[a][$0] }.max()!,
          possibleObservations(state: s, action: b).map { reward[b][$0] }.max()!
        )
        return x < y || (x == y && a > b)
      }!
    }
    values = murphy(policy)
    return HypothesisValue(values: values, policy: policy, initialValue: values[initialState])
  }

  /// lim_{γ→1} V(h, γ), exactly: the value of the mean-payoff game from s₀,
  /// max over stationary policies π of Murphy's least mean reward of a cycle reachable under π
  /// (positional strategies are optimal in mean-payoff games on graphs: Ehrenfeucht and Mycielski
  /// 1979, Zwick and Paterson 1996; Murphy's part is Karp's minimum mean cycle). Enumerates the
  /// |A|^|S| policies, so it is meant for small hypotheses; ``HypothesisSpace`` uses closed forms for
  /// its families.
  public func limitValue(reward: [[Rational]]) -> Rational {
    precondition(reward.count == actionCount && reward.allSatisfy { $0.count == observationCount }, "limitValue: reward table shape")
    var policy = [Int](repeating: 0, count: stateCount)
    var best: Rational?
    while true {
      let value = limitValue(of: policy, reward: reward)
      if best == nil || best! < value { best = value }
      // Next policy in mixed radix.
      var s = 0
      while s < stateCount {
        policy[s] += 1
        if policy[s] < actionCount { break }
        policy[s] = 0
        s += 1
      }
      if s == stateCount { return best! }
    }
  }

  /// The mean-payoff value from s₀ of a stationary policy: Murphy's least mean reward over the
  /// cycles reachable when the agent plays `policy` and every observation of B may come.
  public func limitValue(of policy: [Int], reward: [[Rational]]) -> Rational {
    let (integers, scale) = DeterministicGraph.scaled(reward.flatMap { $0 })
    let edges = (0..<stateCount).map { s in
      possibleObservations(state: s, action: policy[s]).map { o in
        (weight: integers[policy[s] * observationCount + o], next: nextState(s, policy[s], o))
      }
    }
    return DeterministicGraph.minimumMeanCycle(edges: edges, source: initialState) / Rational(scale)
  }
}
