/// Chapter 3 of Numerical Politics: exact visit probabilities of the ``HistoryCode`` nodes.
///
/// Because every chapter-3 policy conditions on (position, last move) only, and the rules' stopping
/// test depends on the move and the move before it (the code's `last`), the probability that an
/// encounter reaches each node is a forward recursion over positions: reach(p + 1, a) = Σ_last
/// reach(p, last) · π_mover(a | p, last) · [the move a does not end the encounter].
public enum NodeVisits {
  /// reach[code.index]: the probability that an encounter between `first` (even positions) and `second`
  /// (odd positions) reaches `code`. The sum over codes is the expected number of moves.
  public static func reach(_ first: TabularPolicy, _ second: TabularPolicy, maximumMoves: Int) -> [Double] {
    precondition(first.maximumMoves >= maximumMoves && second.maximumMoves >= maximumMoves, "NodeVisits: policy tables too small")
    let moves = EncounterMove.count
    var reach = [Double](repeating: 0, count: HistoryCode.count(maximumMoves: maximumMoves))
    reach[HistoryCode.index(position: 0, last: nil)] = 1
    for position in 0..<maximumMoves {
      let policy = position % 2 == 0 ? first : second
      let lasts: [EncounterMove?] = position == 0 ? [nil] : EncounterMove.allCases.map { $0 }
      for last in lasts {
        let index = HistoryCode.index(position: position, last: last)
        let mass = reach[index]
        if mass == 0 { continue }
        for k in 0..<moves {
          let move = EncounterMove(rawValue: k)!
          if EncounterRules.ends(after: move, previous: last, position: position, maximumMoves: maximumMoves) { continue }
          reach[HistoryCode.index(position: position + 1, last: move)] += mass * policy.probabilities[index * moves + k]
        }
      }
    }
    return reach
  }

  /// The population's behaviour at every node, for buffers whose encounters pair two policies drawn
  /// independently from `population` (weights need not be normalised): the probability of each move
  /// given that the node is reached, Σ_{x,y} w_x w_y reach_{xy}(c) π_mover(a | c) / Σ_{x,y} w_x w_y reach_{xy}(c).
  ///
  /// This is the §3.1.2 posterior predictive P(a | H) = Σ_π P(π) P(H | π) π(a | H) / Σ_π P(π) P(H | π)
  /// averaged over the histories H that share the node, each weighted by its probability (the
  /// quantity a frequency table over nodes estimates). Also returns the node weights Σ w_x w_y reach_{xy}
  /// (expected visits per encounter). Unreached nodes get the uniform distribution and weight 0.
  public static func populationBehaviour(
    _ population: [TabularPolicy], weights: [Double], maximumMoves: Int
  ) -> (behaviour: TabularPolicy, visits: [Double]) {
    precondition(population.count == weights.count && !population.isEmpty, "NodeVisits: one weight per policy")
    let total = weights.reduce(0, +)
    let moves = EncounterMove.count
    let codes = HistoryCode.count(maximumMoves: maximumMoves)
    var numerator = [Double](repeating: 0, count: codes * moves)
    var visits = [Double](repeating: 0, count: codes)
    for (x, first) in population.enumerated() {
      for (y, second) in population.enumerated() {
        let w = weights[x] * weights[y] / (total * total)
        let reached = reach(first, second, maximumMoves: maximumMoves)
        for code in 0..<codes where reached[code] > 0 {
          let mover = (code / HistoryCode.perPosition) % 2 == 0 ? first : second
          visits[code] += w * reached[code]
          for k in 0..<moves { numerator[code * moves + k] += w * reached[code] * mover.probabilities[code * moves + k] }
        }
      }
    }
    var behaviour = TabularPolicy(uniformWithMaximumMoves: maximumMoves)
    for code in 0..<codes where visits[code] > 0 {
      for k in 0..<moves { behaviour.probabilities[code * moves + k] = numerator[code * moves + k] / visits[code] }
    }
    return (behaviour, visits)
  }

  /// Σ_c weight(c) · TV(p(· | c), q(· | c)) / Σ_c weight(c), with TV = ½ Σ_a |p(a | c) − q(a | c)|: the
  /// visit-weighted total-variation distance between two policies.
  public static func weightedTotalVariation(_ p: TabularPolicy, _ q: TabularPolicy, weights: [Double]) -> Double {
    let moves = EncounterMove.count
    var sum = 0.0
    var total = 0.0
    for code in weights.indices where weights[code] > 0 {
      var tv = 0.0
      for k in 0..<moves { tv += abs(p.probabilities[code * moves + k] - q.probabilities[code * moves + k]) }
      sum += weights[code] * tv / 2
      total += weights[code]
    }
    return total > 0 ? sum / total : 0
  }
}
