import CGSL

/// A two-sided confidence interval [lower, upper] around a point estimate, at a confidence level.
///
/// Make one with `mean(of:level:)` (Student t interval for a mean, from data or from a
/// ``RunningStatistics``) or ``wilson(successes:trials:level:)`` (Wilson score interval for a
/// proportion). The estimate need not be the midpoint (it is not for Wilson intervals).
public struct ConfidenceInterval: Sendable, Equatable {
  /// The point estimate (the sample mean, or the observed proportion k / n).
  public var estimate: Double
  /// The lower confidence limit.
  public var lower: Double
  /// The upper confidence limit.
  public var upper: Double
  /// The confidence level in (0, 1), for example 0.95.
  public var level: Double

  /// An interval from its parts (no checks; the factory methods below are the usual way in).
  public init(estimate: Double, lower: Double, upper: Double, level: Double) {
    self.estimate = estimate
    self.lower = lower
    self.upper = upper
    self.level = level
  }

  /// Half the interval's width, (upper − lower) / 2. For a t interval this is the margin of error
  /// t · s / √n; for an asymmetric (Wilson) interval it is still half the width.
  public var halfWidth: Double { (upper - lower) / 2 }

  /// Whether `x` lies in the closed interval [lower, upper].
  public func contains(_ x: Double) -> Bool { lower <= x && x <= upper }
}

// MARK: - Student t interval for a mean

extension ConfidenceInterval {
  /// The Student t confidence interval for the mean of a population from an i.i.d. sample:
  ///
  ///     x̄ ± t_{(1+level)/2, n−1} · s / √n
  ///
  /// where x̄ is the sample mean, s the sample standard deviation (n − 1 denominator) and
  /// t_{q, ν} the q-quantile of Student's t distribution with ν degrees of freedom (Student 1908;
  /// any statistics text, e.g. Casella and Berger, *Statistical Inference*, 2nd ed., §9.2.2).
  /// The quantile comes from GSL: t_{(1+level)/2, ν} = `gsl_cdf_tdist_Qinv((1 − level)/2, ν)`,
  /// the upper-tail inverse, which equals `gsl_cdf_tdist_Pinv((1 + level)/2, ν)` but does not lose
  /// digits forming 1 − (1 − level)/2 when the level is close to 1.
  ///
  /// Exact for normal data, and asymptotically right for any finite-variance data (central limit
  /// theorem). Identical values give a zero-width interval.
  ///
  /// - Throws: ``LabError/invalidInput(place:problem:)`` for fewer than 2 values, a NaN, a
  ///   non-finite mean or variance, or a level outside (0, 1).
  public static func mean(of values: [Double], level: Double = 0.95) throws -> ConfidenceInterval {
    try Statistics.validate(values, minimumCount: 2, place: "ConfidenceInterval.mean")
    let (mean, sd) = values.withUnsafeBufferPointer { buffer -> (Double, Double) in
      let mean = gsl_stats_mean(buffer.baseAddress, 1, buffer.count)
      return (mean, gsl_stats_sd_m(buffer.baseAddress, 1, buffer.count, mean))
    }
    return try studentT(mean: mean, standardDeviation: sd, count: values.count, level: level)
  }

  /// The t-interval of the mean (``mean(of:level:)``) when the values vary; otherwise, for one value
  /// or values that are all equal (or none), the point interval at their mean, Σx/n. Experiments
  /// with a single replicate, or a difference that is exactly 0 in every seed, report through this.
  ///
  /// - Throws: what ``mean(of:level:)`` throws for varying values.
  public static func meanOrPoint(of values: [Double], level: Double = 0.95) throws -> ConfidenceInterval {
    if values.count >= 2, let first = values.first, values.contains(where: { $0 != first }) {
      return try mean(of: values, level: level)
    }
    let m = values.isEmpty ? 0 : try Statistics.mean(values)
    return ConfidenceInterval(estimate: m, lower: m, upper: m, level: level)
  }

  /// The Student t interval for the mean (same formula as `mean(of:level:)`) from a
  /// streaming accumulator's count, mean and sample standard deviation.
  ///
  /// - Throws: ``LabError/invalidInput(place:problem:)`` for fewer than 2 values, a NaN or
  ///   infinite mean or variance (as after adding a NaN or an infinity), or a level outside (0, 1).
  public static func mean(of statistics: RunningStatistics, level: Double = 0.95) throws -> ConfidenceInterval {
    guard statistics.count >= 2 else {
      throw LabError.invalidInput(
        place: "ConfidenceInterval.mean", problem: "needs at least 2 values, got \(statistics.count)")
    }
    return try studentT(
      mean: statistics.mean, standardDeviation: statistics.standardDeviation, count: statistics.count, level: level)
  }

  private static func studentT(
    mean: Double, standardDeviation: Double, count: Int, level: Double
  ) throws
    -> ConfidenceInterval
  {
    let place = "ConfidenceInterval.mean"
    try validateLevel(level, place: place)
    guard mean.isFinite, standardDeviation.isFinite else {
      throw LabError.invalidInput(
        place: place, problem: "mean \(mean) and standard deviation \(standardDeviation) must be finite")
    }
    let t = try studentQuantile(level: level, degreesOfFreedom: count - 1)
    let margin = t * standardDeviation / Double(count).squareRoot()
    return ConfidenceInterval(estimate: mean, lower: mean - margin, upper: mean + margin, level: level)
  }
}

// MARK: - Wilson score interval for a proportion

extension ConfidenceInterval {
  /// The Wilson score interval for a binomial proportion (Wilson 1927, "Probable inference, the law
  /// of succession, and statistical inference", JASA 22:209–212; method 3 of Newcombe 1998,
  /// "Two-sided confidence intervals for the single proportion: comparison of seven methods",
  /// Statistics in Medicine 17:857–872). With p̂ = k / n and z = z_{(1+level)/2}:
  ///
  ///     centre    = (p̂ + z² / 2n) / (1 + z² / n)
  ///     halfWidth = z / (1 + z² / n) · √(p̂ (1 − p̂) / n + z² / 4n²)
  ///     [lower, upper] = centre ∓ halfWidth
  ///
  /// z is the standard normal quantile `gsl_cdf_ugaussian_Qinv((1 − level)/2)` (equal to
  /// `gsl_cdf_ugaussian_Pinv((1 + level)/2)`, computed from the upper tail for accuracy). The
  /// estimate is p̂, not the centre. The interval always lies in [0, 1]; for k = 0 the lower limit
  /// is exactly 0 and for k = n the upper limit is exactly 1 (the formula gives these up to rounding).
  ///
  /// - Throws: ``LabError/invalidInput(place:problem:)`` unless 0 ≤ successes ≤ trials, trials > 0
  ///   and 0 < level < 1.
  public static func wilson(successes: Int, trials: Int, level: Double = 0.95) throws -> ConfidenceInterval {
    let place = "ConfidenceInterval.wilson"
    try validateLevel(level, place: place)
    guard trials > 0 else {
      throw LabError.invalidInput(place: place, problem: "trials must be positive, got \(trials)")
    }
    guard successes >= 0, successes <= trials else {
      throw LabError.invalidInput(place: place, problem: "successes \(successes) not in 0...\(trials)")
    }
    let z = gsl_cdf_ugaussian_Qinv((1 - level) / 2)
    guard z.isFinite, z > 0 else {
      throw LabError.numerical(routine: "gsl_cdf_ugaussian_Qinv", problem: "no finite z quantile for level \(level)")
    }
    let n = Double(trials)
    let p = Double(successes) / n
    let z2 = z * z
    let denominator = 1 + z2 / n
    let centre = (p + z2 / (2 * n)) / denominator
    let half = z / denominator * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot()
    let lower = successes == 0 ? 0 : max(0, centre - half)
    let upper = successes == trials ? 1 : min(1, centre + half)
    return ConfidenceInterval(estimate: p, lower: lower, upper: upper, level: level)
  }
}

// MARK: - Shared checks

extension ConfidenceInterval {
  static func validateLevel(_ level: Double, place: String) throws {
    guard level > 0, level < 1 else {
      throw LabError.invalidInput(place: place, problem: "confidence level \(level) is not in (0, 1)")
    }
  }
}

// MARK: - Text

extension ConfidenceInterval: CustomStringConvertible {
  /// "estimate [lower, upper] (level%)" with `digits` decimal places, for example
  /// `"0.503 [0.497, 0.509] (95%)"`. Numbers are rounded exactly (ties to even) by a
  /// locale-independent formatter, so the text is the same on every platform; the level is printed
  /// as a percentage with at most 4 decimals and no trailing zeros ("95%", "99.9%").
  public func formatted(digits: Int) -> String {
    "\(summary(digits: digits)) (\(DecimalFormat.compact(level * 100, significant: 6))%)"
  }

  /// "estimate [lower, upper]" with `digits` decimals: ``formatted(digits:)`` without the level.
  public func summary(digits: Int) -> String {
    "\(DecimalFormat.fixed(estimate, digits: digits)) \(bracket(digits: digits))"
  }

  /// "[lower, upper]" with `digits` decimals.
  public func bracket(digits: Int) -> String {
    "[\(DecimalFormat.fixed(lower, digits: digits)), \(DecimalFormat.fixed(upper, digits: digits))]"
  }

  /// ``formatted(digits:)`` with as many decimals as it takes to show the first significant digit
  /// of ``halfWidth`` (0.006 → 3 decimals), between 0 and 17; 3 decimals for a zero or non-finite
  /// width.
  public var description: String { formatted(digits: suggestedDigits) }

  /// The number of decimals ``description`` uses: the smallest d ≥ 0 with halfWidth · 10^d ≥ 1.
  var suggestedDigits: Int {
    let width = halfWidth
    guard width.isFinite, width > 0 else { return 3 }
    var digits = 0
    var power = 1.0
    while width * power < 1, digits < 15 {
      digits += 1
      power *= 10
    }
    return digits
  }
}

// MARK: - Student t quantile

extension ConfidenceInterval {
  /// The two-sided Student t quantile t_{(1+level)/2, ν}: the half-width, in standard errors, of a
  /// `level` interval with ν degrees of freedom, `gsl_cdf_tdist_Qinv((1 − level)/2, ν)`.
  ///
  /// - Throws: ``LabError`` when `level` is not in (0, 1), ν < 1, or GSL has no finite quantile.
  public static func studentQuantile(level: Double, degreesOfFreedom: Int) throws -> Double {
    try validateLevel(level, place: "ConfidenceInterval.studentQuantile")
    guard degreesOfFreedom >= 1 else {
      throw LabError.invalidInput(
        place: "ConfidenceInterval.studentQuantile", problem: "degrees of freedom must be at least 1, got \(degreesOfFreedom)")
    }
    let t = gsl_cdf_tdist_Qinv((1 - level) / 2, Double(degreesOfFreedom))
    guard t.isFinite, t > 0 else {
      throw LabError.numerical(routine: "gsl_cdf_tdist_Qinv", problem: "no finite t quantile for level \(level)")
    }
    return t
  }
}
