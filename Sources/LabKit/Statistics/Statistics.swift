import CGSL

/// Descriptive statistics of a batch of numbers, computed by the GNU Scientific Library.
///
/// Every function throws ``LabError/invalidInput(place:problem:)`` when the data are empty or
/// contain a NaN (a NaN in a result is almost always a bug upstream, and GSL's sort and order
/// statistics are undefined on it). Infinities are accepted and follow IEEE arithmetic.
///
/// For a stream too long to keep in memory, accumulate a ``RunningStatistics`` instead.
///
/// Source: GSL 2.7 reference manual, chapter "Statistics" (`gsl_statistics_double.h`) and chapter
/// "Sorting" (`gsl_sort.h`).
public enum Statistics {
  /// The arithmetic mean x̄ = (1/n) Σ xᵢ (`gsl_stats_mean`, which accumulates a running mean
  /// x̄ₖ = x̄ₖ₋₁ + (xₖ − x̄ₖ₋₁)/k for accuracy).
  ///
  /// - Throws: ``LabError/invalidInput(place:problem:)`` if `values` is empty or holds a NaN.
  public static func mean(_ values: [Double]) throws -> Double {
    try validate(values, minimumCount: 1, place: "Statistics.mean")
    return values.withUnsafeBufferPointer { gsl_stats_mean($0.baseAddress, 1, $0.count) }
  }

  /// The sample variance s² = Σ (xᵢ − x̄)² / (n − 1), the unbiased estimator with Bessel's
  /// correction (`gsl_stats_variance`; GSL manual §"Mean, Standard Deviation and Variance").
  ///
  /// - Throws: ``LabError/invalidInput(place:problem:)`` if there are fewer than 2 values or a NaN.
  public static func variance(_ values: [Double]) throws -> Double {
    try validate(values, minimumCount: 2, place: "Statistics.variance")
    return values.withUnsafeBufferPointer { gsl_stats_variance($0.baseAddress, 1, $0.count) }
  }

  /// The sample standard deviation s = √(Σ (xᵢ − x̄)² / (n − 1)) (`gsl_stats_sd`).
  ///
  /// - Throws: ``LabError/invalidInput(place:problem:)`` if there are fewer than 2 values or a NaN.
  public static func standardDeviation(_ values: [Double]) throws -> Double {
    try validate(values, minimumCount: 2, place: "Statistics.standardDeviation")
    return values.withUnsafeBufferPointer { gsl_stats_sd($0.baseAddress, 1, $0.count) }
  }

  /// The median: the middle value of the sorted data x₍₀₎ ≤ … ≤ x₍ₙ₋₁₎ for odd n, and the mean of
  /// the two middle values (x₍ₙ/₂₋₁₎ + x₍ₙ/₂₎)/2 for even n (`gsl_sort` on a copy, then
  /// `gsl_stats_median_from_sorted_data`). This equals ``quantile(_:_:)`` at p = 0.5.
  ///
  /// - Throws: ``LabError/invalidInput(place:problem:)`` if `values` is empty or holds a NaN.
  public static func median(_ values: [Double]) throws -> Double {
    try validate(values, minimumCount: 1, place: "Statistics.median")
    return sortedCopy(values).withUnsafeBufferPointer {
      gsl_stats_median_from_sorted_data($0.baseAddress, 1, $0.count)
    }
  }

  /// The p-quantile by GSL's definition (`gsl_stats_quantile_from_sorted_data` on a sorted copy):
  /// with the sorted data x₍₀₎ ≤ … ≤ x₍ₙ₋₁₎, let h = (n − 1) p, i = ⌊h⌋ and δ = h − i; then
  ///
  ///     Q(p) = (1 − δ) x₍ᵢ₎ + δ x₍ᵢ₊₁₎     (and Q(p) = x₍ₙ₋₁₎ when i = n − 1),
  ///
  /// linear interpolation between order statistics. This is Hyndman and Fan's (1996) definition 7,
  /// the default of R's `quantile` and numpy's `quantile`, so Q(0) is the minimum, Q(1) the maximum
  /// and Q(0.5) the median.
  ///
  /// - Throws: ``LabError/invalidInput(place:problem:)`` if `values` is empty or holds a NaN, or if
  ///   `p` is not in [0, 1].
  public static func quantile(_ values: [Double], _ p: Double) throws -> Double {
    try quantiles(values, [p])[0]
  }

  /// Several quantiles (each by ``quantile(_:_:)``'s definition) of the same data, sorting it once.
  ///
  /// - Throws: as ``quantile(_:_:)``.
  public static func quantiles(_ values: [Double], _ probabilities: [Double]) throws -> [Double] {
    try validate(values, minimumCount: 1, place: "Statistics.quantile")
    if let bad = probabilities.firstIndex(where: { !($0 >= 0 && $0 <= 1) }) {
      throw LabError.invalidInput(
        place: "Statistics.quantile", problem: "probability \(probabilities[bad]) is not in [0, 1]")
    }
    return sortedCopy(values).withUnsafeBufferPointer { sorted in
      probabilities.map { gsl_stats_quantile_from_sorted_data(sorted.baseAddress, 1, sorted.count, $0) }
    }
  }

  /// The smallest value (`gsl_stats_min`).
  ///
  /// - Throws: ``LabError/invalidInput(place:problem:)`` if `values` is empty or holds a NaN.
  public static func minimum(_ values: [Double]) throws -> Double {
    try validate(values, minimumCount: 1, place: "Statistics.minimum")
    return values.withUnsafeBufferPointer { gsl_stats_min($0.baseAddress, 1, $0.count) }
  }

  /// The largest value (`gsl_stats_max`).
  ///
  /// - Throws: ``LabError/invalidInput(place:problem:)`` if `values` is empty or holds a NaN.
  public static func maximum(_ values: [Double]) throws -> Double {
    try validate(values, minimumCount: 1, place: "Statistics.maximum")
    return values.withUnsafeBufferPointer { gsl_stats_max($0.baseAddress, 1, $0.count) }
  }

  // MARK: - Helpers

  /// Checks that `values` has at least `minimumCount` elements and no NaN, and prepares GSL.
  static func validate(_ values: [Double], minimumCount: Int, place: String) throws {
    GSLRuntime.prepare()
    guard values.count >= minimumCount else {
      let needed = minimumCount == 1 ? "at least 1 value" : "at least \(minimumCount) values"
      throw LabError.invalidInput(place: place, problem: "needs \(needed), got \(values.count)")
    }
    if let bad = values.firstIndex(where: { $0.isNaN }) {
      throw LabError.invalidInput(place: place, problem: "value \(bad) is NaN")
    }
  }

  /// An ascending copy of `values` (`gsl_sort`, an in-place heapsort; NaN-free input assumed).
  static func sortedCopy(_ values: [Double]) -> [Double] {
    var copy = values
    copy.withUnsafeMutableBufferPointer { gsl_sort($0.baseAddress, 1, $0.count) }
    return copy
  }
}
