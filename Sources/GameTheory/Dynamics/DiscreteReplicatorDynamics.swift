import LabKit

/// The discrete-time replicator dynamics of one population in a symmetric game with positive
/// payoffs (Hofbauer and Sigmund 1998, *Evolutionary Games and Population Dynamics*, the
/// discrete-time replicator equation): each generation, the share of every strategy is multiplied by its
/// payoff relative to the mean,
///
///     xᵢ′ = xᵢ (A x)ᵢ / (xᵀ A x).
///
/// This is nashpy's `discrete_replicator_dynamics` with its default `type_2_discrete_step` and no
/// quantisation. The map keeps the simplex only when every payoff is positive, so other matrices
/// are refused (adding a constant to A leaves the continuous dynamics unchanged but not these).
public struct DiscreteReplicatorDynamics: Sendable {
  /// The payoff matrix A of the row player.
  public let matrix: [[Double]]

  /// - Throws: ``LabError/invalidInput(place:problem:)`` if A is not square, not finite, or has an
  ///   entry that is not positive (naming it).
  public init(matrix: [[Double]]) throws {
    _ = try Bimatrix(symmetric: matrix)
    for (i, line) in matrix.enumerated() {
      if let j = line.firstIndex(where: { $0 <= 0 }) {
        throw LabError.invalidInput(
          place: "payoff matrix, row \(i + 1), column \(j + 1)",
          problem: "\(line[j]) is not positive; the discrete replicator dynamics need positive payoffs (add a constant)")
      }
    }
    self.matrix = matrix
  }

  /// One generation from `shares`.
  public func next(_ shares: [Double]) -> [Double] {
    let payoffs = Bimatrix.times(matrix, shares)
    let mean = zip(payoffs, shares).reduce(0) { $0 + $1.0 * $1.1 }
    return zip(shares, payoffs).map { $0 * $1 / mean }
  }

  /// The shares after each of `generations` generations (not including `initial`).
  ///
  /// - Throws: ``LabError/invalidInput(place:problem:)`` unless `initial` is a distribution over the
  ///   actions and `generations` ≥ 0.
  public func trajectory(from initial: [Double], generations: Int) throws -> [[Double]] {
    try checkDistribution(initial, count: matrix.count, place: "initial population")
    guard generations >= 0 else {
      throw LabError.invalidInput(place: "discrete replicator dynamics", problem: "generations must be at least 0, got \(generations)")
    }
    var shares = initial
    var result: [[Double]] = []
    result.reserveCapacity(generations)
    for _ in 0..<generations {
      shares = next(shares)
      result.append(shares)
    }
    return result
  }
}
