import Foundation

/// A power law y ∝ x^b fitted by least squares on log–log axes: log₁₀ y = a + b log₁₀ x, with a
/// Student t confidence interval for the exponent b (n − 2 degrees of freedom), as in any
/// regression text (e.g. Draper and Smith, *Applied Regression Analysis*, §1.4).
///
/// Used where a text claims how a cost grows ("polynomial time", "linear in the number of players").
public struct PowerLawFit: Sendable, Equatable {
  /// The fitted exponent b.
  public let exponent: Double
  /// The fitted intercept a, in log₁₀ units: the fit is y = 10^a · x^b.
  public let intercept: Double
  /// The exponent's confidence interval.
  public let exponentInterval: ConfidenceInterval
  /// The number of points fitted.
  public let points: Int

  /// Fits `ys` against `xs`.
  ///
  /// - Throws: ``LabError`` for fewer than 3 points, counts that differ, a value that is not finite and
  ///   positive, all x equal, or a level outside (0, 1).
  public init(xs: [Double], ys: [Double], level: Double = 0.95) throws {
    let place = "PowerLawFit"
    guard xs.count == ys.count, xs.count >= 3 else {
      throw LabError.invalidInput(place: place, problem: "need at least 3 points and as many x as y, got \(xs.count) and \(ys.count)")
    }
    guard (xs + ys).allSatisfy({ $0.isFinite && $0 > 0 }) else {
      throw LabError.invalidInput(place: place, problem: "every value must be finite and positive to take its logarithm")
    }
    let line = try LeastSquaresLine(x: xs.map { log10($0) }, y: ys.map { log10($0) }, level: level, place: place)
    exponent = line.slope
    intercept = line.intercept
    exponentInterval = ConfidenceInterval(
      estimate: line.slope, lower: line.slope - line.slopeHalfWidth, upper: line.slope + line.slopeHalfWidth, level: level)
    points = line.points
  }
}
