import Foundation
import LabKit

/// §3.1.2 of Numerical Politics: the prior on the fraction of deviants,
/// "P(Δ) = (n+1)(n+2)Δ(1−Δ)^n for 0 ≤ Δ ≤ 1".
///
/// It is the Beta(2, n + 1) density: B(2, n + 1) = Γ(2)Γ(n+1)/Γ(n+3) = 1/((n+1)(n+2)). So its mean is
/// 2/(n+3), its variance 2(n+1)/((n+3)²(n+4)) and its mode 1/(n+1); larger n puts more weight on few
/// deviants. `shape` is the text's n (any real n ≥ 0 gives a proper density).
public struct DeviantPrior: Sendable, Equatable {
  /// The text's n.
  public let shape: Double

  /// - Throws: ``LabError/invalidInput(place:problem:)`` unless n is finite and n ≥ 0.
  public init(shape: Double) throws {
    guard shape >= 0, shape.isFinite else {
      throw LabError.invalidInput(place: "DeviantPrior", problem: "the prior shape n must be finite and at least 0, got \(shape)")
    }
    self.shape = shape
  }

  /// (n+1)(n+2) Δ (1−Δ)^n on [0, 1], 0 outside; the text's formula, evaluated as written.
  public func density(_ deviantFraction: Double) -> Double {
    guard deviantFraction >= 0, deviantFraction <= 1 else { return 0 }
    return (shape + 1) * (shape + 2) * deviantFraction * pow(1 - deviantFraction, shape)
  }

  /// log P(Δ) (−∞ at Δ = 0, and at Δ = 1 when n > 0).
  public func logDensity(_ deviantFraction: Double) -> Double {
    guard deviantFraction >= 0, deviantFraction <= 1 else { return -.infinity }
    let tail = shape == 0 ? 0 : shape * log1p(-deviantFraction)
    return log((shape + 1) * (shape + 2)) + log(deviantFraction) + tail
  }

  /// The same density as a Beta(2, n + 1) distribution.
  public var beta: BetaDistribution { try! BetaDistribution(2, shape + 1) }
  /// 2 / (n + 3).
  public var mean: Double { 2 / (shape + 3) }
  /// 2(n + 1) / ((n + 3)² (n + 4)).
  public var variance: Double { 2 * (shape + 1) / ((shape + 3) * (shape + 3) * (shape + 4)) }
  /// 1 / (n + 1): the Δ that maximises the density.
  public var mode: Double { 1 / (shape + 1) }

  /// The mode of the posterior Beta(D + 2, N − D + n + 1) after D deviants among N players:
  /// (D + 1)/(N + n + 1), the M-step of ``NormInference`` (D may be an expected, fractional count).
  public func posteriorMode(deviants: Double, players: Double) -> Double { (deviants + 1) / (players + shape + 1) }
}
