import CGSL

extension Statistics {
  /// The Gini coefficient of non-negative amounts x₁ … xₙ (land, corn, returns):
  ///
  ///     G = Σᵢ Σⱼ |xᵢ − xⱼ| / (2 n Σᵢ xᵢ) = Σₖ (2k − n − 1) x₍ₖ₎ / (n Σᵢ xᵢ),
  ///
  /// the second form over the sorted amounts x₍₁₎ ≤ … ≤ x₍ₙ₎ (k from 1), computed in O(n log n).
  /// 0 when everyone holds the same, (n − 1)/n when one holds everything; 0 by convention when the
  /// total is 0. (Gini 1912; the pairwise form is the one Perolat et al. 2017 and the AI Economist use.)
  ///
  /// - Throws: ``LabError/invalidInput(place:problem:)`` if `values` is empty or holds a NaN or a
  ///   negative amount.
  public static func gini(_ values: [Double]) throws -> Double {
    try validate(values, minimumCount: 1, place: "Statistics.gini")
    guard values.allSatisfy({ $0 >= 0 }) else {
      throw LabError.invalidInput(place: "Statistics.gini", problem: "amounts must be non-negative")
    }
    let sorted = sortedCopy(values)
    let total = sorted.reduce(0, +)
    guard total > 0 else { return 0 }
    let n = Double(sorted.count)
    var weighted = 0.0
    for (k, x) in sorted.enumerated() { weighted += (2 * Double(k + 1) - n - 1) * x }
    return weighted / (n * total)
  }

  /// Pearson's correlation coefficient r = Σ (xᵢ − x̄)(yᵢ − ȳ) / √(Σ (xᵢ − x̄)² Σ (yᵢ − ȳ)²)
  /// (`gsl_stats_correlation`). 0 when either variable is constant.
  ///
  /// - Throws: ``LabError/invalidInput(place:problem:)`` if the lengths differ, there are fewer than 2
  ///   pairs, or a NaN.
  public static func correlation(_ x: [Double], _ y: [Double]) throws -> Double {
    guard x.count == y.count else {
      throw LabError.invalidInput(place: "Statistics.correlation", problem: "the two samples have different lengths (\(x.count) and \(y.count))")
    }
    try validate(x, minimumCount: 2, place: "Statistics.correlation")
    try validate(y, minimumCount: 2, place: "Statistics.correlation")
    let meanX = try mean(x), meanY = try mean(y)
    var sxx = 0.0, syy = 0.0
    for k in x.indices { sxx += (x[k] - meanX) * (x[k] - meanX); syy += (y[k] - meanY) * (y[k] - meanY) }
    guard sxx > 0 && syy > 0 else { return 0 }
    return x.withUnsafeBufferPointer { xs in
      y.withUnsafeBufferPointer { ys in
        gsl_stats_correlation(xs.baseAddress, 1, ys.baseAddress, 1, x.count)
      }
    }
  }
}
