import Testing

@testable import LabKit

@Suite("Statistics (batch, GSL)")
struct StatisticsTests {
  /// The textbook data set x = [2, 4, 4, 4, 5, 5, 7, 9] (n = 8), values worked out by hand:
  ///   Σx = 40, mean = 40/8 = 5.
  ///   Deviations −3, −1, −1, −1, 0, 0, 2, 4; squares 9, 1, 1, 1, 0, 0, 4, 16; Σ = 32.
  ///   Sample variance = 32 / (n − 1) = 32/7 = 4.571428…; standard deviation = √(32/7).
  ///   Median (even n) = (x₍₃₎ + x₍₄₎)/2 = (4 + 5)/2 = 4.5.
  ///   GSL quantile: h = (n − 1) p = 7p, i = ⌊h⌋, δ = h − i, Q = (1 − δ) x₍ᵢ₎ + δ x₍ᵢ₊₁₎ on the sorted data:
  ///     p = 0    → h = 0,    Q = x₍₀₎ = 2
  ///     p = 0.25 → h = 1.75, i = 1, Q = 0.25·x₍₁₎ + 0.75·x₍₂₎ = 0.25·4 + 0.75·4 = 4
  ///     p = 0.75 → h = 5.25, i = 5, Q = 0.75·x₍₅₎ + 0.25·x₍₆₎ = 0.75·5 + 0.25·7 = 5.5
  ///     p = 0.9  → h = 6.3,  i = 6, Q = 0.7·x₍₆₎ + 0.3·x₍₇₎ = 0.7·7 + 0.3·9 = 7.6
  ///     p = 1    → h = 7,    Q = x₍₇₎ = 9
  ///   (numpy.quantile's default "linear" method agrees: [2, 4, 5.5, 7.6, 9].)
  static let data: [Double] = [2, 4, 4, 4, 5, 5, 7, 9]
  /// The same values in another order: order statistics must not depend on input order.
  static let shuffled: [Double] = [9, 5, 2, 4, 7, 4, 5, 4]

  @Test func meanVarianceAndDeviation() throws {
    #expect(try Statistics.mean(Self.data) == 5)
    StatisticsTestSupport.expectClose(try Statistics.variance(Self.data), 32.0 / 7.0, tolerance: 1e-14)
    StatisticsTestSupport.expectClose(
      try Statistics.standardDeviation(Self.data), (32.0 / 7.0).squareRoot(), tolerance: 1e-14)
  }

  @Test func medianAndExtremes() throws {
    for values in [Self.data, Self.shuffled] {
      #expect(try Statistics.median(values) == 4.5)
      #expect(try Statistics.minimum(values) == 2)
      #expect(try Statistics.maximum(values) == 9)
    }
    #expect(try Statistics.median([3, 1, 2]) == 2)  // odd n: the middle order statistic
    #expect(try Statistics.median([7]) == 7)
  }

  @Test func quantilesFollowGSLDefinition() throws {
    let expected: [(Double, Double)] = [(0, 2), (0.25, 4), (0.5, 4.5), (0.75, 5.5), (0.9, 7.6), (1, 9)]
    for values in [Self.data, Self.shuffled] {
      for (p, q) in expected {
        StatisticsTestSupport.expectClose(try Statistics.quantile(values, p), q, tolerance: 1e-14, "p = \(p)")
      }
      let batch = try Statistics.quantiles(values, expected.map(\.0))
      for (value, (_, q)) in zip(batch, expected) {
        StatisticsTestSupport.expectClose(value, q, tolerance: 1e-14)
      }
    }
    // Interpolation on a small set: [10, 20, 30, 40], p = 0.1 → h = 0.3, Q = 0.7·10 + 0.3·20 = 13.
    StatisticsTestSupport.expectClose(try Statistics.quantile([40, 10, 30, 20], 0.1), 13, tolerance: 1e-14)
  }

  @Test func inputIsNotReordered() throws {
    let values = Self.shuffled
    _ = try Statistics.median(values)
    _ = try Statistics.quantile(values, 0.3)
    #expect(values == [9, 5, 2, 4, 7, 4, 5, 4])
  }

  @Test func emptyInputThrows() {
    let empty: [Double] = []
    #expect(throws: LabError.self) { try Statistics.mean(empty) }
    #expect(throws: LabError.self) { try Statistics.variance(empty) }
    #expect(throws: LabError.self) { try Statistics.standardDeviation(empty) }
    #expect(throws: LabError.self) { try Statistics.median(empty) }
    #expect(throws: LabError.self) { try Statistics.quantile(empty, 0.5) }
    #expect(throws: LabError.self) { try Statistics.minimum(empty) }
    #expect(throws: LabError.self) { try Statistics.maximum(empty) }
  }

  @Test func errorNamesTheProblem() {
    #expect(throws: LabError.invalidInput(place: "Statistics.mean", problem: "needs at least 1 value, got 0")) {
      try Statistics.mean([])
    }
    #expect(throws: LabError.invalidInput(place: "Statistics.variance", problem: "needs at least 2 values, got 1")) {
      try Statistics.variance([1])
    }
    #expect(throws: LabError.invalidInput(place: "Statistics.median", problem: "value 1 is NaN")) {
      try Statistics.median([1, .nan, 3])
    }
  }

  @Test func varianceNeedsTwoValues() {
    #expect(throws: LabError.self) { try Statistics.variance([1]) }
    #expect(throws: LabError.self) { try Statistics.standardDeviation([1]) }
  }

  @Test func nanInputThrows() {
    let values: [Double] = [1, 2, .nan]
    #expect(throws: LabError.self) { try Statistics.mean(values) }
    #expect(throws: LabError.self) { try Statistics.variance(values) }
    #expect(throws: LabError.self) { try Statistics.median(values) }
    #expect(throws: LabError.self) { try Statistics.quantile(values, 0.5) }
    #expect(throws: LabError.self) { try Statistics.minimum(values) }
    #expect(throws: LabError.self) { try Statistics.maximum(values) }
  }

  @Test(arguments: [-0.1, 1.5, Double.nan, -Double.infinity])
  func quantileProbabilityOutsideUnitIntervalThrows(p: Double) {
    #expect(throws: LabError.self) { try Statistics.quantile(Self.data, p) }
  }

  @Test func largeOffsetVarianceIsAccurate() throws {
    // Wikipedia, "Algorithms for calculating variance": 10⁹ + {4, 7, 13, 16} has variance exactly 30
    // (deviations −6, −3, 3, 6; Σ squares = 90; 90/3 = 30); the naive Σx² − (Σx)²/n formula fails here.
    let values: [Double] = [4, 7, 13, 16].map { 1e9 + $0 }
    StatisticsTestSupport.expectClose(try Statistics.variance(values), 30, tolerance: 1e-6)
    #expect(try Statistics.mean(values) == 1e9 + 10)
  }
}
