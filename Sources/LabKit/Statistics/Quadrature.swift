import CGSL

/// Numerical integration of a real function over a finite interval with GSL's QAGS routine
/// (`gsl_integration_qags`: adaptive Gauss–Kronrod 21-point bisection with Wynn's epsilon-algorithm
/// extrapolation, which copes with integrable end-point singularities; Piessens et al., *QUADPACK*,
/// 1983, and the GSL manual, "Numerical Integration").
///
/// ```swift
/// let area = try Quadrature.integrate(over: 0...1) { x in x * x }   // 1/3
/// ```
public enum Quadrature {
  /// The integral and GSL's estimate of its absolute error.
  public struct Result: Sendable, Equatable {
    public let value: Double
    public let absoluteError: Double
  }

  /// ∫ f(x) dx over `interval` by QAGS, to within max(`absoluteTolerance`, `relativeTolerance` · |∫ f|).
  ///
  /// - Parameters:
  ///   - limit: the most subintervals the adaptive bisection may use (GSL's workspace size).
  /// - Throws: ``LabError/invalidInput(place:problem:)`` for an interval with a non-finite end, for
  ///   negative tolerances, or both tolerances zero; ``LabError/numerical(routine:problem:)`` when GSL
  ///   cannot reach the tolerance (its error message is quoted).
  public static func integrate(
    over interval: ClosedRange<Double>, absoluteTolerance: Double = 0, relativeTolerance: Double = 1e-12, limit: Int = 1000,
    _ f: (Double) -> Double
  ) throws -> Result {
    let place = "Quadrature.integrate"
    guard interval.lowerBound.isFinite, interval.upperBound.isFinite else {
      throw LabError.invalidInput(place: place, problem: "the interval \(interval) has a non-finite end")
    }
    guard absoluteTolerance >= 0, relativeTolerance >= 0, absoluteTolerance > 0 || relativeTolerance > 0 else {
      throw LabError.invalidInput(
        place: place, problem: "tolerances must be non-negative and not both zero, got \(absoluteTolerance) and \(relativeTolerance)")
    }
    guard limit >= 1 else { throw LabError.invalidInput(place: place, problem: "limit must be at least 1, got \(limit)") }
    if interval.lowerBound == interval.upperBound { return Result(value: 0, absoluteError: 0) }
    GSLRuntime.prepare()
    guard let workspace = gsl_integration_workspace_alloc(limit) else {
      throw LabError.numerical(routine: "gsl_integration_workspace_alloc", problem: "out of memory")
    }
    defer { gsl_integration_workspace_free(workspace) }
    var value = 0.0
    var error = 0.0
    let status = withoutActuallyEscaping(f) { escapable -> Int32 in
      var closure = escapable
      return withUnsafeMutablePointer(to: &closure) { pointer -> Int32 in
        var function = gsl_function(
          function: { x, parameters in parameters!.assumingMemoryBound(to: ((Double) -> Double).self).pointee(x) },
          params: UnsafeMutableRawPointer(pointer))
        return gsl_integration_qags(
          &function, interval.lowerBound, interval.upperBound, absoluteTolerance, relativeTolerance,
          limit, workspace, &value, &error)
      }
    }
    guard status == GSL_SUCCESS else {
      throw LabError.numerical(routine: "gsl_integration_qags", problem: "\(String(cString: gsl_strerror(status))) on \(interval)")
    }
    return Result(value: value, absoluteError: error)
  }
}
