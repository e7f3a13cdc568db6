import CGSL
import Testing

@testable import LabKit

/// Helpers shared by the Statistics and Random tests.
enum StatisticsTestSupport {
  /// Expects |actual − expected| ≤ tolerance.
  static func expectClose(
    _ actual: Double, _ expected: Double, tolerance: Double, _ comment: Comment? = nil,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let note = comment.map { " (\($0.rawValue))" } ?? ""
    #expect(
      abs(actual - expected) <= tolerance,
      "\(actual) differs from \(expected) by more than \(tolerance)\(note)", sourceLocation: sourceLocation)
  }

  /// Expects |actual − expected| ≤ tolerance · max(1, |expected|).
  static func expectRelativelyClose(
    _ actual: Double, _ expected: Double, tolerance: Double, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(
      abs(actual - expected) <= tolerance * max(1, abs(expected)),
      "\(actual) differs from \(expected) by more than \(tolerance) relative", sourceLocation: sourceLocation)
  }

  /// The two-sided standard normal quantile z_{(1+level)/2}, from GSL.
  static func z(level: Double) -> Double { gsl_cdf_ugaussian_Qinv((1 - level) / 2) }

  /// An asymptotic confidence interval for the population variance σ² from an i.i.d. sample.
  ///
  /// The sample variance has Var(s²) = (μ₄ − σ⁴ (n − 3)/(n − 1)) / n exactly, where μ₄ is the fourth
  /// central moment, and √n (s² − σ²) → N(0, μ₄ − σ⁴) (central limit theorem plus the delta
  /// method). Estimating μ₄ − σ⁴ by m₄ − s⁴ with
  /// m₄ = (1/n) Σ (xᵢ − x̄)⁴ gives s² ± z · √((m₄ − s⁴)/n). Valid for distributions with finite
  /// fourth moment (all the ones tested) and large n (≥ 10⁴ here).
  static func varianceInterval(_ values: [Double], level: Double) throws -> ConfidenceInterval {
    let n = Double(values.count)
    let mean = try Statistics.mean(values)
    let s2 = try Statistics.variance(values)
    let m4 =
      values.reduce(0) { sum, x in
        let d = (x - mean) * (x - mean)
        return sum + d * d
      } / n
    let margin = z(level: level) * ((m4 - s2 * s2) / n).squareRoot()
    return ConfidenceInterval(estimate: s2, lower: s2 - margin, upper: s2 + margin, level: level)
  }

  /// Checks that the true mean and variance of a distribution lie in the 99.9% confidence intervals
  /// computed from `values` (Student t for the mean, the asymptotic interval above for the
  /// variance). With a correct sampler each check fails for only 0.1% of seeds; the seeds are fixed,
  /// so the outcome is deterministic.
  static func expectMoments(
    _ values: [Double], mean: Double, variance: Double, _ label: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let meanInterval = try ConfidenceInterval.mean(of: values, level: 0.999)
    #expect(
      meanInterval.contains(mean), "\(label): true mean \(mean) outside \(meanInterval)",
      sourceLocation: sourceLocation)
    let varianceInterval = try varianceInterval(values, level: 0.999)
    #expect(
      varianceInterval.contains(variance), "\(label): true variance \(variance) outside \(varianceInterval)",
      sourceLocation: sourceLocation)
    // The intervals must also be tight enough to mean something: relative half-widths under 2% and 5%.
    #expect(meanInterval.halfWidth <= 0.02 * max(abs(mean), variance.squareRoot()), sourceLocation: sourceLocation)
    #expect(varianceInterval.halfWidth <= 0.05 * variance, sourceLocation: sourceLocation)
  }

  /// Checks that `count` of `trials` lies within the 99.9% Wilson interval around `probability`,
  /// i.e. that `probability` lies in the Wilson interval of the observed proportion.
  static func expectProportion(
    _ count: Int, of trials: Int, probability: Double, _ label: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let interval = try ConfidenceInterval.wilson(successes: count, trials: trials, level: 0.999)
    #expect(
      interval.contains(probability), "\(label): probability \(probability) outside \(interval)",
      sourceLocation: sourceLocation)
  }
}
