import Testing

@testable import LabKit

/// Each sampler is checked against its distribution's known mean and variance: n = 100,000 draws from a
/// fixed seed, the true mean must lie in the sample's 99.9% Student t interval and the true variance in
/// the 99.9% asymptotic interval for s² (see `StatisticsTestSupport.expectMoments`); proportions use
/// the 99.9% Wilson interval. A sampler with the wrong mean or spread by more than a fraction of a
/// percent fails; a correct one would fail for about 1 seed in 1,000 per check, and the seeds are fixed.
@Suite("Random: distribution moments")
struct DistributionMomentTests {
  static let n = 100_000

  @Test(arguments: Random.Algorithm.allCases)
  func uniform(algorithm: Random.Algorithm) throws {
    // U[0, 1): mean 1/2, variance 1/12.
    let random = Random(seed: 101, algorithm: algorithm)
    let draws = (0..<Self.n).map { _ in random.uniform() }
    #expect(draws.allSatisfy { $0 >= 0 && $0 < 1 })
    try StatisticsTestSupport.expectMoments(draws, mean: 0.5, variance: 1.0 / 12.0, "uniform \(algorithm)")
  }

  @Test func uniformInRange() throws {
    // U[−2, 6): mean 2, variance (6 − (−2))² / 12 = 64/12.
    let random = Random(seed: 102)
    let draws = (0..<Self.n).map { _ in random.uniform(in: -2..<6) }
    try StatisticsTestSupport.expectMoments(draws, mean: 2, variance: 64.0 / 12.0, "uniform(in: -2..<6)")
  }

  @Test func integerDie() throws {
    // Uniform on {1, …, 6}: mean 3.5, variance (6² − 1)/12 = 35/12.
    let random = Random(seed: 103)
    let draws = (0..<Self.n).map { _ in Double(random.integer(in: 1...6)) }
    try StatisticsTestSupport.expectMoments(draws, mean: 3.5, variance: 35.0 / 12.0, "integer(in: 1...6)")
  }

  @Test(arguments: Random.Algorithm.allCases)
  func gaussian(algorithm: Random.Algorithm) throws {
    // N(μ = 3, σ = 2): mean 3, variance 4.
    let random = Random(seed: 104, algorithm: algorithm)
    let draws = (0..<Self.n).map { _ in random.gaussian(mean: 3, standardDeviation: 2) }
    try StatisticsTestSupport.expectMoments(draws, mean: 3, variance: 4, "gaussian \(algorithm)")
    // Tail check: P(|X − μ| > 2σ) = 2 Φ(−2) = 0.04550026 (standard normal table).
    let outside = draws.filter { abs($0 - 3) > 4 }.count
    try StatisticsTestSupport.expectProportion(outside, of: Self.n, probability: 0.0455002638963584, "2σ tails")
  }

  @Test func standardGaussian() throws {
    let random = Random(seed: 105)
    let draws = (0..<Self.n).map { _ in random.gaussian() }
    try StatisticsTestSupport.expectMoments(draws, mean: 0, variance: 1, "gaussian()")
  }

  @Test func beta() throws {
    // Beta(a = 2, b = 5): mean a/(a + b) = 2/7, variance ab / ((a + b)² (a + b + 1)) = 10/392.
    let random = Random(seed: 106)
    let draws = (0..<Self.n).map { _ in random.beta(2, 5) }
    #expect(draws.allSatisfy { $0 >= 0 && $0 <= 1 })
    try StatisticsTestSupport.expectMoments(draws, mean: 2.0 / 7.0, variance: 10.0 / 392.0, "beta(2, 5)")
  }

  @Test func geometric() throws {
    // Trials up to the first success, p = 0.3: support {1, 2, …}, mean 1/p, variance (1 − p)/p².
    let random = Random(seed: 107)
    let draws = (0..<Self.n).map { _ in random.geometric(0.3) }
    #expect(draws.min() == 1)
    try StatisticsTestSupport.expectMoments(draws.map(Double.init), mean: 1 / 0.3, variance: 0.7 / 0.09, "geometric(0.3)")
    // P(K = 1) = p.
    try StatisticsTestSupport.expectProportion(draws.filter { $0 == 1 }.count, of: Self.n, probability: 0.3, "P(K = 1)")
  }

  @Test func bernoulli() throws {
    let random = Random(seed: 108)
    for p in [0.3, 0.01, 0.5] {
      let successes = (0..<Self.n).filter { _ in random.bernoulli(p) }.count
      try StatisticsTestSupport.expectProportion(successes, of: Self.n, probability: p, "bernoulli(\(p))")
    }
    #expect((0..<1_000).allSatisfy { _ in random.bernoulli(1) })
    #expect((0..<1_000).allSatisfy { _ in !random.bernoulli(0) })
  }

  /// Weights [1, 2, 3, 4] → probabilities 0.1, 0.2, 0.3, 0.4; the index has mean Σ i pᵢ = 0.2 + 0.6 + 1.2
  /// = 2 and variance Σ i² pᵢ − 2² = (0.2 + 1.2 + 3.6) − 4 = 1.
  static let weights: [Double] = [1, 2, 3, 4]
  static let probabilities: [Double] = [0.1, 0.2, 0.3, 0.4]

  static func checkCategorical(_ draws: [Int], _ label: String) throws {
    #expect(draws.allSatisfy { (0..<4).contains($0) })
    for (index, p) in probabilities.enumerated() {
      try StatisticsTestSupport.expectProportion(draws.filter { $0 == index }.count, of: draws.count, probability: p, "\(label) P(\(index))")
    }
    try StatisticsTestSupport.expectMoments(draws.map(Double.init), mean: 2, variance: 1, label)
  }

  @Test func categoricalLinearScan() throws {
    let random = Random(seed: 109)
    try Self.checkCategorical((0..<Self.n).map { _ in random.categorical(Self.weights) }, "Random.categorical")
  }

  @Test func categoricalAliasTable() throws {
    let random = Random(seed: 110)
    let distribution = try Categorical(weights: Self.weights)
    for (p, expected) in zip(distribution.probabilities, Self.probabilities) {
      StatisticsTestSupport.expectClose(p, expected, tolerance: 1e-15)
    }
    try Self.checkCategorical((0..<Self.n).map { _ in distribution.sample(random) }, "Categorical")
  }

  @Test func categoricalNeverDrawsZeroWeights() throws {
    let random = Random(seed: 111)
    let weights: [Double] = [0, 1, 0, 3, 0]
    let alias = try Categorical(weights: weights)
    for _ in 0..<10_000 {
      #expect([1, 3].contains(random.categorical(weights)))
      #expect([1, 3].contains(alias.sample(random)))
    }
  }

  @Test func categoricalRejectsBadWeights() {
    #expect(throws: LabError.self) { try Categorical(weights: []) }
    #expect(throws: LabError.self) { try Categorical(weights: [0, 0]) }
    #expect(throws: LabError.self) { try Categorical(weights: [1, -1]) }
    #expect(throws: LabError.self) { try Categorical(weights: [1, .nan]) }
    #expect(throws: LabError.self) { try Categorical(weights: [1, .infinity]) }
  }
}
