import CGSL

/// Holm's step-down procedure (Holm 1979, "A simple sequentially rejective multiple test procedure"),
/// which controls the family-wise error rate at α for any dependence among the m tests.
///
/// Sort the p-values p₍₁₎ ≤ … ≤ p₍ₘ₎; reject H₍₁₎ … H₍ₖ₎ for the largest k with p₍ⱼ₎ ≤ α / (m − j + 1)
/// for every j ≤ k. Equivalently, the adjusted p-values p̃₍ᵢ₎ = max_{j ≤ i} min(1, (m − j + 1) p₍ⱼ₎)
/// are compared with α. Ties keep their input order.
public enum HolmCorrection {
  /// The Holm-adjusted p-values, in the input's order.
  ///
  /// - Throws: ``LabError/invalidInput(place:problem:)`` for a p-value outside [0, 1] or NaN.
  public static func adjusted(_ pValues: [Double]) throws -> [Double] {
    guard pValues.allSatisfy({ $0 >= 0 && $0 <= 1 }) else {
      throw LabError.invalidInput(place: "HolmCorrection", problem: "p-values must lie in [0, 1], got \(pValues)")
    }
    let m = pValues.count
    let order = pValues.indices.sorted { (pValues[$0], $0) < (pValues[$1], $1) }
    var out = [Double](repeating: 0, count: m)
    var running = 0.0
    for (j, index) in order.enumerated() {
      running = max(running, min(1, Double(m - j) * pValues[index]))
      out[index] = running
    }
    return out
  }

  /// Which hypotheses Holm's procedure rejects at family-wise level `alpha`, in the input's order.
  public static func rejected(_ pValues: [Double], alpha: Double) throws -> [Bool] {
    guard alpha > 0, alpha < 1 else {
      throw LabError.invalidInput(place: "HolmCorrection", problem: "the level α must lie in (0, 1), got \(alpha)")
    }
    return try adjusted(pValues).map { $0 <= alpha }
  }

  /// The one-sided p-value of Student's t test of H₀: mean ≤ `threshold` against mean > `threshold`,
  /// from an i.i.d. sample (at least two values): P(T_{n−1} ≥ (x̄ − threshold) / (s / √n)), by GSL's
  /// `gsl_cdf_tdist_Q`. A sample with s = 0 gives 0 or 1 by the sign of x̄ − threshold (1 when equal).
  public static func oneSidedTTest(_ sample: [Double], above threshold: Double) throws -> Double {
    let mean = try Statistics.mean(sample)
    guard sample.count >= 2 else {
      throw LabError.invalidInput(place: "HolmCorrection.oneSidedTTest", problem: "need at least two values, got \(sample.count)")
    }
    let sd = try Statistics.standardDeviation(sample)
    guard sd > 0 else { return mean > threshold ? 0 : 1 }
    let t = (mean - threshold) / (sd / Double(sample.count).squareRoot())
    return gsl_cdf_tdist_Q(t, Double(sample.count - 1))
  }
}
