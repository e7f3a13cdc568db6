import CGSL

/// Quantiles of the standard normal distribution (GSL `gsl_cdf_ugaussian_Qinv`).
public enum NormalQuantile {
  /// z with P(Z > z) = `tail` for a standard normal Z (0 < tail < 1).
  public static func upper(_ tail: Double) -> Double {
    precondition(tail > 0 && tail < 1, "NormalQuantile.upper: the tail probability must be in (0, 1), got \(tail)")
    return gsl_cdf_ugaussian_Qinv(tail)
  }

  /// The two-sided quantile for `comparisons` simultaneous tests at family-wise level `level`
  /// (Bonferroni): z with P(|Z| > z) = (1 − level) / comparisons.
  public static func bonferroni(level: Double, comparisons: Int) -> Double {
    precondition(comparisons >= 1, "NormalQuantile.bonferroni: at least one comparison")
    return upper((1 - level) / Double(2 * comparisons))
  }
}
