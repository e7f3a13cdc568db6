import Testing

@testable import LabKit

@Suite("ConfidenceInterval (Student t, Wilson)")
struct ConfidenceIntervalTests {
  // MARK: Student t

  /// With two values −1 and 1: mean 0, s = √2, s/√n = 1, so the half-width is t_{(1+level)/2, 1} itself.
  /// Tables (e.g. NIST/SEMATECH e-Handbook §1.3.6.7.2): t_{0.975,1} = 12.706, t_{0.995,1} = 63.657.
  /// Full precision from `python3 -c "from scipy import stats; print(stats.t.ppf(0.975, 1), stats.t.ppf(0.995, 1))"`:
  /// 12.706204736174694 and 63.65674116287399 (the exact value is cot(π/40) = 12.7062047361747…).
  @Test func tQuantileOneDegreeOfFreedom() throws {
    let interval = try ConfidenceInterval.mean(of: [-1, 1])
    #expect(interval.estimate == 0)
    StatisticsTestSupport.expectClose(interval.halfWidth, 12.706204736174694, tolerance: 1e-9)
    StatisticsTestSupport.expectClose(interval.upper, 12.706204736174694, tolerance: 1e-9)
    StatisticsTestSupport.expectClose(interval.lower, -12.706204736174694, tolerance: 1e-9)
    let wide = try ConfidenceInterval.mean(of: [-1, 1], level: 0.99)
    StatisticsTestSupport.expectClose(wide.halfWidth, 63.65674116287399, tolerance: 1e-8)
  }

  /// Student's sleep data (Cushny and Peebles 1905, used by "Student" 1908; R's `sleep` data set):
  /// extra hours of sleep under drug 2 minus drug 1 for 10 patients.
  static let sleepDifferences: [Double] = [1.2, 2.4, 1.3, 1.3, 0.0, 1.0, 1.8, 0.8, 4.6, 1.4]

  /// Worked by hand: Σd = 15.8, mean = 1.58; deviations −0.38, 0.82, −0.28, −0.28, −1.58, −0.58, 0.22,
  /// −0.78, 3.02, −0.18 with Σ squares = 13.616; s² = 13.616/9 = 1.512889; s = 1.2299955;
  /// s/√10 = 0.3889587; t_{0.975,9} = 2.262157 (tables: 2.262); margin = 2.262157 × 0.3889587 = 0.8798858;
  /// interval 1.58 ∓ 0.8798858 = [0.7001142, 2.4598858].
  /// Published: R's `t.test(extra ~ group, data = sleep, paired = TRUE)` (the example in R's `?sleep`
  /// help page) prints the 95% interval −2.4598858 −0.7001142 for drug 1 − drug 2, the mirror image.
  /// Full precision from `python3 -c "from scipy import stats; import numpy as np;
  /// print(stats.ttest_1samp(np.array([1.2,2.4,1.3,1.3,0.0,1.0,1.8,0.8,4.6,1.4]), 0).confidence_interval(0.95))"`:
  /// (0.7001142367230174, 2.4598857632769824), and stats.t.ppf(0.975, 9) = 2.262157162798205.
  @Test func studentSleepData() throws {
    let interval = try ConfidenceInterval.mean(of: Self.sleepDifferences)
    StatisticsTestSupport.expectClose(interval.estimate, 1.58, tolerance: 1e-14)
    StatisticsTestSupport.expectClose(interval.lower, 0.7001142, tolerance: 5e-8, "R's printed value")
    StatisticsTestSupport.expectClose(interval.upper, 2.4598858, tolerance: 5e-8, "R's printed value")
    StatisticsTestSupport.expectClose(interval.lower, 0.7001142367230174, tolerance: 1e-10, "scipy")
    StatisticsTestSupport.expectClose(interval.upper, 2.4598857632769824, tolerance: 1e-10, "scipy")
    #expect(interval.level == 0.95)

    // The t quantile on its own: half-width / (s/√n) = t_{0.975, 9}.
    let standardError = try Statistics.standardDeviation(Self.sleepDifferences) / 10.0.squareRoot()
    StatisticsTestSupport.expectClose(interval.halfWidth / standardError, 2.262157162798205, tolerance: 1e-9)
    StatisticsTestSupport.expectClose(interval.halfWidth / standardError, 2.262157, tolerance: 5e-7, "tables")

    // At 99.9%: t_{0.9995, 9} = 4.781 (tables); scipy stats.t.ppf(0.9995, 9) = 4.780912585931217.
    let strict = try ConfidenceInterval.mean(of: Self.sleepDifferences, level: 0.999)
    StatisticsTestSupport.expectClose(strict.halfWidth / standardError, 4.780912585931217, tolerance: 1e-8)
  }

  @Test func fromRunningStatisticsMatchesBatch() throws {
    let random = Random(seed: 2024)
    let values = (0..<5_000).map { _ in random.beta(2, 3) }
    let batch = try ConfidenceInterval.mean(of: values, level: 0.99)
    let streamed = try ConfidenceInterval.mean(of: RunningStatistics(values), level: 0.99)
    StatisticsTestSupport.expectRelativelyClose(streamed.estimate, batch.estimate, tolerance: 1e-12)
    StatisticsTestSupport.expectRelativelyClose(streamed.lower, batch.lower, tolerance: 1e-12)
    StatisticsTestSupport.expectRelativelyClose(streamed.upper, batch.upper, tolerance: 1e-12)
    #expect(streamed.level == 0.99)
    let sleep = try ConfidenceInterval.mean(of: RunningStatistics(Self.sleepDifferences))
    StatisticsTestSupport.expectClose(sleep.lower, 0.7001142367230174, tolerance: 1e-10)
    StatisticsTestSupport.expectClose(sleep.upper, 2.4598857632769824, tolerance: 1e-10)
  }

  @Test func constantDataGiveZeroWidth() throws {
    let interval = try ConfidenceInterval.mean(of: [3, 3, 3, 3])
    #expect(interval.lower == 3)
    #expect(interval.upper == 3)
    #expect(interval.halfWidth == 0)
  }

  @Test func meanIntervalRejectsBadInput() {
    #expect(throws: LabError.self) { try ConfidenceInterval.mean(of: []) }
    #expect(throws: LabError.self) { try ConfidenceInterval.mean(of: [1]) }
    #expect(throws: LabError.self) { try ConfidenceInterval.mean(of: [1, .nan, 2]) }
    #expect(throws: LabError.self) { try ConfidenceInterval.mean(of: [1, .infinity, 2]) }
    #expect(throws: LabError.self) { try ConfidenceInterval.mean(of: RunningStatistics([1])) }
    #expect(throws: LabError.self) { try ConfidenceInterval.mean(of: RunningStatistics([1, .nan, 3])) }
    for level in [0, 1, -0.5, 1.5, Double.nan] {
      #expect(throws: LabError.self) { try ConfidenceInterval.mean(of: [1, 2, 3], level: level) }
      #expect(throws: LabError.self) { try ConfidenceInterval.mean(of: RunningStatistics([1, 2, 3]), level: level) }
      #expect(throws: LabError.self) { try ConfidenceInterval.wilson(successes: 1, trials: 2, level: level) }
    }
  }

  // MARK: Wilson

  /// Newcombe (1998), "Two-sided confidence intervals for the single proportion: comparison of seven
  /// methods", Statistics in Medicine 17:857–872, Table II, method 3 (Wilson score interval without
  /// continuity correction), 95% limits to 4 decimals:
  ///   81/263 → 0.2553–0.3662;  15/148 → 0.0624–0.1605;  0/20 → 0.0000–0.1611;  1/29 → 0.0061–0.1718.
  /// Full precision from `python3 -c "from scipy import stats; print(stats.binomtest(81, 263).proportion_ci(0.95, method='wilson'))"`
  /// (and likewise for the other rows; scipy 1.x):
  ///   81/263 → (0.2552885198782742, 0.36620957698280004)
  ///   15/148 → (0.06238639953073629, 0.16048724172330803)
  ///   0/20   → (0.0, 0.16112515805281935)
  ///   1/29   → (0.006113214292762667, 0.17175521879320282)
  ///   20/20  → (0.8388748419471808, 1.0)
  static let newcombe: [(k: Int, n: Int, published: (Double, Double), scipy: (Double, Double))] = [
    (81, 263, (0.2553, 0.3662), (0.2552885198782742, 0.36620957698280004)),
    (15, 148, (0.0624, 0.1605), (0.06238639953073629, 0.16048724172330803)),
    (0, 20, (0.0000, 0.1611), (0.0, 0.16112515805281935)),
    (1, 29, (0.0061, 0.1718), (0.006113214292762667, 0.17175521879320282)),
  ]

  @Test func wilsonMatchesNewcombeTable() throws {
    for row in Self.newcombe {
      let interval = try ConfidenceInterval.wilson(successes: row.k, trials: row.n)
      let label: Comment = "\(row.k)/\(row.n)"
      StatisticsTestSupport.expectClose(interval.lower, row.published.0, tolerance: 5e-5, label)
      StatisticsTestSupport.expectClose(interval.upper, row.published.1, tolerance: 5e-5, label)
      StatisticsTestSupport.expectClose(interval.lower, row.scipy.0, tolerance: 1e-12, label)
      StatisticsTestSupport.expectClose(interval.upper, row.scipy.1, tolerance: 1e-12, label)
      #expect(interval.estimate == Double(row.k) / Double(row.n))
    }
  }

  @Test func wilsonEdgeCases() throws {
    let none = try ConfidenceInterval.wilson(successes: 0, trials: 20)
    #expect(none.lower == 0)
    #expect(none.estimate == 0)
    StatisticsTestSupport.expectClose(none.upper, 0.16112515805281935, tolerance: 1e-12)

    let all = try ConfidenceInterval.wilson(successes: 20, trials: 20)
    #expect(all.upper == 1)
    #expect(all.estimate == 1)
    StatisticsTestSupport.expectClose(all.lower, 0.8388748419471808, tolerance: 1e-12)
    // Symmetry: the interval for n of n mirrors the one for 0 of n.
    StatisticsTestSupport.expectClose(all.lower, 1 - none.upper, tolerance: 1e-14)

    let single = try ConfidenceInterval.wilson(successes: 1, trials: 1)
    #expect(single.upper == 1)
    #expect(single.lower > 0 && single.lower < 1)
  }

  @Test func wilsonRejectsBadCounts() {
    #expect(throws: LabError.self) { try ConfidenceInterval.wilson(successes: 0, trials: 0) }
    #expect(throws: LabError.self) { try ConfidenceInterval.wilson(successes: -1, trials: 10) }
    #expect(throws: LabError.self) { try ConfidenceInterval.wilson(successes: 11, trials: 10) }
  }

  // MARK: Shape and text

  @Test func halfWidthAndContains() {
    let interval = ConfidenceInterval(estimate: 0.3, lower: 0.25, upper: 0.4, level: 0.95)
    StatisticsTestSupport.expectClose(interval.halfWidth, 0.075, tolerance: 1e-15)
    #expect(interval.contains(0.25))
    #expect(interval.contains(0.4))
    #expect(interval.contains(0.3))
    #expect(!interval.contains(0.2499))
    #expect(!interval.contains(0.4001))
    #expect(!interval.contains(.nan))
  }

  @Test func description() throws {
    let interval = ConfidenceInterval(estimate: 0.503, lower: 0.497, upper: 0.509, level: 0.95)
    #expect(interval.description == "0.503 [0.497, 0.509] (95%)")
    #expect(interval.formatted(digits: 2) == "0.50 [0.50, 0.51] (95%)")
    #expect(interval.formatted(digits: 0) == "1 [0, 1] (95%)")

    // 81/263: p̂ = 0.30798…, limits 0.25529… and 0.36621…; the half-width 0.0555 gets 2 decimals.
    let wilson = try ConfidenceInterval.wilson(successes: 81, trials: 263)
    #expect(wilson.description == "0.31 [0.26, 0.37] (95%)")
    #expect(wilson.formatted(digits: 4) == "0.3080 [0.2553, 0.3662] (95%)")

    let sleep = try ConfidenceInterval.mean(of: Self.sleepDifferences, level: 0.999)
    #expect(sleep.formatted(digits: 3).hasSuffix("(99.9%)"))
    #expect("\(try ConfidenceInterval.mean(of: Self.sleepDifferences))" == "1.6 [0.7, 2.5] (95%)")

    let negative = ConfidenceInterval(estimate: -1.25, lower: -2.5, upper: -0.0001, level: 0.9)
    #expect(negative.formatted(digits: 3) == "-1.250 [-2.500, 0.000] (90%)")
  }
}
