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
    let x = xs.map { log10($0) }
    let y = ys.map { log10($0) }
    let n = Double(x.count)
    let mx = x.reduce(0, +) / n
    let my = y.reduce(0, +) / n
    let sxx = x.reduce(0) { $0 + ($1 - mx) * ($1 - mx) }
    guard sxx > 0 else { throw LabError.invalidInput(place: place, problem: "all x are equal, so no slope can be fitted") }
    let sxy = zip(x, y).reduce(0) { $0 + ($1.0 - mx) * ($1.1 - my) }
    let b = sxy / sxx
    let a = my - b * mx
    let residual = zip(x, y).reduce(0) { $0 + ($1.1 - a - b * $1.0) * ($1.1 - a - b * $1.0) }
    let standardError = (residual / (n - 2) / sxx).squareRoot()
    let t = try ConfidenceInterval.studentQuantile(level: level, degreesOfFreedom: x.count - 2)
    exponent = b
    intercept = a
    exponentInterval = ConfidenceInterval(estimate: b, lower: b - t * standardError, upper: b + t * standardError, level: level)
    points = x.count
  }
}
