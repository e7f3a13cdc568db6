import CGSL

/// The Beta(a, b) distribution on [0, 1]: density x^(a−1) (1−x)^(b−1) / B(a, b), through GSL
/// (`gsl_ran_beta_pdf`, `gsl_cdf_beta_P`), with its closed-form moments and mode.
public struct BetaDistribution: Sendable, Equatable {
  public let a: Double
  public let b: Double

  /// - Throws: ``LabError/invalidInput(place:problem:)`` unless both shapes are finite and positive.
  public init(_ a: Double, _ b: Double) throws {
    guard a > 0, b > 0, a.isFinite, b.isFinite else {
      throw LabError.invalidInput(place: "BetaDistribution", problem: "shapes must be finite and positive, got a = \(a), b = \(b)")
    }
    self.a = a
    self.b = b
  }

  /// The density at `x` (0 outside [0, 1]).
  public func density(_ x: Double) -> Double { gsl_ran_beta_pdf(x, a, b) }
  /// P(X ≤ x).
  public func cumulative(_ x: Double) -> Double { gsl_cdf_beta_P(x, a, b) }
  /// a / (a + b).
  public var mean: Double { a / (a + b) }
  /// ab / ((a + b)² (a + b + 1)).
  public var variance: Double { a * b / ((a + b) * (a + b) * (a + b + 1)) }
  /// (a − 1) / (a + b − 2) when a, b > 1 (the interior maximum of the density); nil otherwise.
  public var mode: Double? { a > 1 && b > 1 ? (a - 1) / (a + b - 2) : nil }
}
