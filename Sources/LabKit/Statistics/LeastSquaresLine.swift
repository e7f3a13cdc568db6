import CGSL

/// The ordinary least-squares line y = c₀ + c₁·x through points (x, y), with the Student t
/// intervals of both coefficients from n − 2 degrees of freedom (any regression text, e.g. Weisberg,
/// *Applied Linear Regression*, 4th ed., §2.4). The fit and the coefficients' covariance come from GSL's
/// `gsl_fit_linear`, whose covariance is σ̂²·(XᵀX)⁻¹ with σ̂² = RSS / (n − 2).
///
/// Used by ``Trend`` (a claim's trend over sizes) and ``PowerLawFit`` (the same line on log–log axes).
public struct LeastSquaresLine: Sendable, Equatable {
  /// c₀, the value at x = 0.
  public let intercept: Double
  /// c₁, the change of y per unit of x.
  public let slope: Double
  /// Half-widths of the t intervals of the intercept and the slope.
  public let interceptHalfWidth: Double
  public let slopeHalfWidth: Double
  /// The number of points fitted.
  public let points: Int

  /// Fits the line.
  ///
  /// - Throws: ``LabError/invalidInput(place:problem:)`` for fewer than 3 points, counts that differ, a
  ///   value that is not finite, all x equal, or a level outside (0, 1).
  public init(x: [Double], y: [Double], level: Double = 0.95, place: String = "LeastSquaresLine") throws {
    guard x.count == y.count, x.count >= 3 else {
      throw LabError.invalidInput(place: place, problem: "need at least 3 points and as many x as y, got \(x.count) and \(y.count)")
    }
    guard (x + y).allSatisfy(\.isFinite) else { throw LabError.invalidInput(place: place, problem: "every value must be finite") }
    guard x.contains(where: { $0 != x[0] }) else { throw LabError.invalidInput(place: place, problem: "all x are equal, so no slope can be fitted") }
    var c0 = 0.0, c1 = 0.0, cov00 = 0.0, cov01 = 0.0, cov11 = 0.0, sumsq = 0.0
    let status = x.withUnsafeBufferPointer { xs in
      y.withUnsafeBufferPointer { ys in
        gsl_fit_linear(xs.baseAddress, 1, ys.baseAddress, 1, x.count, &c0, &c1, &cov00, &cov01, &cov11, &sumsq)
      }
    }
    guard status == GSL_SUCCESS else { throw LabError.numerical(routine: "gsl_fit_linear", problem: "status \(status)") }
    let t = try ConfidenceInterval.studentQuantile(level: level, degreesOfFreedom: x.count - 2)
    intercept = c0
    slope = c1
    interceptHalfWidth = t * max(cov00, 0).squareRoot()
    slopeHalfWidth = t * max(cov11, 0).squareRoot()
    points = x.count
  }
}
