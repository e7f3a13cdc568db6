import Foundation
import LabKit

extension ReplicatorDynamics {
  /// The default absolute tolerance ε of ``taylorTrajectory(from:times:tolerance:)``: the bound on
  /// the last two terms of each step's Taylor polynomial.
  public static let defaultTolerance = 1e-10

  /// The state at each of `times`, as one flat table (row k, the state at `times[k]`, is entries
  /// k · ``dimension`` ..< (k + 1) · ``dimension``), by the Taylor series method with its own step
  /// size and its Taylor polynomials as the dense output.
  ///
  /// **Method** (Jorba and Zou 2005, "A software package for the numerical integration of ODEs by
  /// means of high-order Taylor methods", *Experimental Mathematics* 14(1), §2 and §3.2). The field is
  /// a polynomial, so the Taylor coefficients x⁽ᵏ⁾ of the solution at the start of a step follow by
  /// automatic differentiation (``TaylorCoefficients``): the payoffs y⁽ᵏ⁾ = L x⁽ᵏ⁾ (L linear), each
  /// population's mean payoff s⁽ᵏ⁾ = Σⱼ x⁽ʲ⁾ · y⁽ᵏ⁻ʲ⁾ and the velocity f⁽ᵏ⁾ = Σⱼ x⁽ʲ⁾ ∘ (y⁽ᵏ⁻ʲ⁾ − s⁽ᵏ⁻ʲ⁾)
  /// are Cauchy products, and x⁽ᵏ⁺¹⁾ = f⁽ᵏ⁾ / (k + 1). The order is Jorba and Zou's
  /// p = ⌈−½ ln ε + 1⌉ (13 at ε = 1e-10); the step is their first control,
  /// h = min((ε / ‖x⁽ᵖ⁻¹⁾‖∞)^(1/(p−1)), (ε / ‖x⁽ᵖ⁾‖∞)^(1/p)), so the last two terms of the series are
  /// at most ε (the terms decay geometrically beyond, for h within the radius of convergence). The
  /// state at a requested time inside a step is the step's Taylor polynomial there, by Horner's rule:
  /// the dense output is the integrator's own approximation, of the same order, with no extra step.
  ///
  /// On the benchmark workload (``DynamicsBenchmarks``) the largest error over the 1000 points is
  /// far below nashpy's 4.7e-8 against the DOP853 reference of
  /// `Tests/Fixtures/nashpy/replicator_accuracy.json` (the tests state the bound). One population
  /// with at most 3 strategies runs in SIMD registers (``smallTaylorTrajectory(from:times:order:tolerance:into:)``),
  /// where the last strategy's share is written as 1 minus the others'. The start is first divided
  /// by its sum (``onSimplex(_:)``).
  ///
  /// - Parameter tolerance: ε, from 1e-15 to 1e-3.
  /// - Throws: ``LabError/invalidInput(place:problem:)`` for a malformed state, times or tolerance.
  public func taylorTrajectory(from initial: [Double], times: [Double], tolerance: Double = defaultTolerance) throws -> [Double] {
    try checkInput(initial, times)
    guard tolerance >= 1e-15, tolerance <= 1e-3 else {
      throw LabError.invalidInput(place: "replicator dynamics", problem: "the tolerance must be from 1e-15 to 1e-3, got \(tolerance)")
    }
    let order = Self.taylorOrder(tolerance: tolerance)
    let n = dimension
    let start = onSimplex(initial)
    return [Double](unsafeUninitializedCapacity: times.count * n) { table, initialized in
      let output = table.baseAddress!
      times.withUnsafeBufferPointer { instants in
        if b.isEmpty && rows <= 3 {
          smallTaylorTrajectory(from: start, times: instants, order: order, tolerance: tolerance, into: output)
        } else {
          var series = TaylorCoefficients(dynamics: self, order: order)
          series.trajectory(from: start, times: instants, tolerance: tolerance, into: output)
        }
      }
      initialized = times.count * n
    }
  }

  /// `state` with each population's shares divided by their sum, which ``checkInput(_:_:)`` allows to
  /// differ from 1 by 1e-9: the dynamics keep the simplex only when they start on it, and the SIMD
  /// path writes the last share as 1 minus the others.
  func onSimplex(_ state: [Double]) -> [Double] {
    let split = rows  // one population: all of the state
    let first = state[..<split].reduce(0, +)
    let second = state[split...].reduce(0, +)
    return state.indices.map { $0 < split ? state[$0] / first : state[$0] / second }
  }

  /// Jorba and Zou's order for an absolute tolerance ε: p = ⌈−½ ln ε + 1⌉.
  static func taylorOrder(tolerance: Double) -> Int { Int((-0.5 * log(tolerance) + 1).rounded(.up)) }

  /// Jorba and Zou's step for the norms of the last two coefficients (order p − 1 and p):
  /// min((ε / ‖x⁽ᵖ⁻¹⁾‖)^(1/(p−1)), (ε / ‖x⁽ᵖ⁾‖)^(1/p)), a zero norm imposing no bound; infinite when
  /// both are zero (the caller then falls back on lower orders, see ``TaylorCoefficients``).
  @inline(__always)
  static func taylorStep(penultimate: Double, last: Double, order p: Int, tolerance: Double) -> Double {
    var h = Double.infinity
    if last > 0 { h = pow(tolerance / last, 1 / Double(p)) }
    // At this h, ‖x⁽ᵖ⁾‖ hᵖ = ε, so the penultimate term ‖x⁽ᵖ⁻¹⁾‖ hᵖ⁻¹ exceeds ε exactly when
    // ‖x⁽ᵖ⁻¹⁾‖ > ‖x⁽ᵖ⁾‖ h: only then is the second power needed.
    if penultimate > 0 && (h == .infinity || penultimate > last * h) {
      h = min(h, pow(tolerance / penultimate, 1 / Double(p - 1)))
    }
    return h
  }
}
