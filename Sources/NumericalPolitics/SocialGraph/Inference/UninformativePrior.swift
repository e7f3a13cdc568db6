import Foundation
import LabKit

/// §3.1.2 of Numerical Politics: the deviants' prior P_u must be such that "observing the behaviour of a
/// single encounter with a policy drawn from the prior up to time t gives no information about the
/// behaviour at time t+1", i.e. P_u(a | H) = ∫ π(a | H) P_u(π | H) dπ = 1/|A| for every history H.
///
/// The toolkit's P_u (``Kind/independentNodes``): an independent uniform Dirichlet(1, …, 1) row at every
/// ``HistoryCode`` node. P_u(π | H) ∝ Π_{own moves i} π(a_i | c_i) P_u(π) touches only the rows of the
/// nodes c_i the player moved at; the next node c* = (|H|, last) has a larger position than all of them
/// (no encounter visits a node twice), so its row keeps its Dirichlet(1) prior and the predictive is its
/// mean, 1/|A|, exactly.
///
/// The control (``Kind/stationary``): one Dirichlet(1) row shared by all of a player's nodes (a random
/// stationary policy). Then the predictive is the Dirichlet–multinomial (1 + n_a)/(|A| + n) with n_a the
/// player's own earlier moves a among n, which is not 1/|A| once the player has moved: the property fails.
public enum UninformativePrior {
  /// Which prior over policies.
  public enum Kind: String, Sendable, CaseIterable {
    /// Independent Dirichlet(1, …, 1) at every node: the toolkit's P_u.
    case independentNodes = "independent Dirichlet(1) per node"
    /// One Dirichlet(1, …, 1) row shared by all nodes of a player: the control.
    case stationary = "one shared Dirichlet(1) row (stationary)"
  }

  /// The cells (node index · 7 + move) of the moves in `history` made by the player who moves next.
  static func ownCells(_ history: [EncounterMove]) -> [Int] {
    var cells: [Int] = []
    var position = history.count % 2
    while position < history.count {
      cells.append(
        HistoryCode.index(position: position, last: position > 0 ? history[position - 1] : nil) * EncounterMove.count + history[position].rawValue)
      position += 2
    }
    return cells
  }

  /// The exact P(a | H) of the next mover under `kind`, by Dirichlet conjugacy: the posterior of the
  /// row that decides the next move is Dirichlet(1 + counts of the player's own earlier moves made with
  /// that row), and the predictive is its mean.
  public static func exactPredictive(_ history: [EncounterMove], kind: Kind) -> [Double] {
    let moves = EncounterMove.count
    let next = HistoryCode(after: history).index
    var counts = [Double](repeating: 0, count: moves)
    for cell in ownCells(history) where kind == .stationary || cell / moves == next { counts[cell % moves] += 1 }
    let total = counts.reduce(0, +)
    return counts.map { (1 + $0) / (Double(moves) + total) }
  }

  /// Every history of at most `length` moves that has not ended under the rules (so a next move exists).
  public static func openHistories(upTo length: Int, maximumMoves: Int) -> [[EncounterMove]] {
    var result: [[EncounterMove]] = [[]]
    var frontier: [[EncounterMove]] = [[]]
    for _ in 0..<min(length, maximumMoves - 1) {
      var next: [[EncounterMove]] = []
      for history in frontier {
        for move in EncounterMove.allCases
        where !EncounterRules.ends(after: move, previous: history.last, position: history.count, maximumMoves: maximumMoves) {
          next.append(history + [move])
        }
      }
      result += next
      frontier = next
    }
    return result
  }

  /// A policy drawn from the prior: every row a Dirichlet(1) draw (`independentNodes`), or one draw
  /// copied to every row (`stationary`).
  public static func draw(_ kind: Kind, maximumMoves: Int, random: Random) -> TabularPolicy {
    var policy = TabularPolicy(uniformWithMaximumMoves: maximumMoves)
    let ones = [Double](repeating: 1, count: EncounterMove.count)
    let shared = kind == .stationary ? random.dirichlet(ones) : []
    let moves = EncounterMove.count
    for row in 0..<HistoryCode.count(maximumMoves: maximumMoves) {
      let distribution = kind == .stationary ? shared : random.dirichlet(ones)
      for k in 0..<moves { policy.probabilities[row * moves + k] = distribution[k] }
    }
    return policy
  }

  /// A Monte Carlo estimate of P(a | H) for each history: draw policies from the prior, weight each by
  /// P(H | π) = Π_{own moves i} π(a_i | c_i) (the text's P(H | π, π'') for the player who moves next),
  /// and average π(a | c*) with those weights (self-normalised importance sampling: the prior is the
  /// proposal, so the weights are the likelihoods).
  public struct Estimate: Sendable {
    public var history: [EncounterMove]
    /// The estimate of P(a | H) per move.
    public var predictive: [Double]
    /// Delta-method standard errors of the ratio estimator, √(Σ w² (π_a − P̂_a)²) / Σ w.
    public var standardErrors: [Double]
    /// (Σ w)² / Σ w².
    public var effectiveSampleSize: Double
  }

  /// Accumulates the weighted sums for `histories` over `samples` policies drawn with `random`.
  public static func monteCarlo(
    _ histories: [[EncounterMove]], kind: Kind, samples: Int, maximumMoves: Int, random: Random
  ) -> [Estimate] {
    let moves = EncounterMove.count
    let own = histories.map(ownCells)
    let next = histories.map { HistoryCode(after: $0).index }
    var weightSums = [Double](repeating: 0, count: histories.count)
    var squareSums = [Double](repeating: 0, count: histories.count)
    var draws: [[Double]] = histories.map { _ in [] }  // (w, π(·|c*)) per sample, kept for the error
    for i in histories.indices { draws[i].reserveCapacity(samples * (moves + 1)) }
    for _ in 0..<samples {
      let policy = draw(kind, maximumMoves: maximumMoves, random: random)
      for i in histories.indices {
        var w = 1.0
        for cell in own[i] { w *= policy.probabilities[cell] }
        weightSums[i] += w
        squareSums[i] += w * w
        draws[i].append(w)
        for k in 0..<moves { draws[i].append(policy.probabilities[next[i] * moves + k]) }
      }
    }
    return histories.indices.map { i in
      var predictive = [Double](repeating: 0, count: moves)
      for s in 0..<samples {
        let w = draws[i][s * (moves + 1)]
        for k in 0..<moves { predictive[k] += w * draws[i][s * (moves + 1) + 1 + k] }
      }
      predictive = predictive.map { $0 / weightSums[i] }
      var squaredErrors = [Double](repeating: 0, count: moves)
      for s in 0..<samples {
        let w = draws[i][s * (moves + 1)]
        for k in 0..<moves {
          let d = draws[i][s * (moves + 1) + 1 + k] - predictive[k]
          squaredErrors[k] += w * w * d * d
        }
      }
      return Estimate(
        history: histories[i], predictive: predictive,
        standardErrors: squaredErrors.map { $0.squareRoot() / weightSums[i] },
        effectiveSampleSize: weightSums[i] * weightSums[i] / squareSums[i])
    }
  }

  /// The two-sided normal quantile for a family of `comparisons` tests at family-wise level `level`
  /// (Bonferroni): z with P(|Z| > z) = (1 − level) / comparisons.
  public static func bonferroniQuantile(level: Double, comparisons: Int) -> Double {
    NormalQuantile.bonferroni(level: level, comparisons: comparisons)
  }
}
