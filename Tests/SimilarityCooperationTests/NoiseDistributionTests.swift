import Foundation
import LabKit
import Testing

@testable import SimilarityCooperation

@Suite struct NoiseDistributionTests {
  @Test func uniformNoiseHasTheIntroductionsCDF() throws {
    let noise = try NoiseDistribution.uniform(width: 1)
    #expect(noise.cdf(-0.1) == 0)
    #expect(noise.cdf(0.25) == 0.25)
    #expect(noise.cdf(0.5) == 0.5)
    #expect(noise.cdf(1.5) == 1)
    #expect(noise.cdf(-.infinity) == 0 && noise.cdf(.infinity) == 1)
    #expect(noise.support == 0...1)
    #expect(noise.kinks == [0, 1])
    #expect(noise.density(0.3) == 1 && noise.density(1.2) == 0)
    #expect(noise.description == "U[0, 1]")
    let wide = try NoiseDistribution.uniform(width: 4)
    #expect(wide.cdf(1) == 0.25 && wide.scale == 4 && wide.mean == 2)
  }

  @Test func gaussianNoiseMatchesTheStandardNormal() throws {
    let noise = try NoiseDistribution.gaussian(standardDeviation: 2)
    // Φ(0.5) = 0.6914624612740131 (scipy.stats.norm.cdf(0.5)).
    #expect(abs(noise.cdf(1) - 0.6914624612740131) < 1e-15)
    #expect(noise.cdf(0) == 0.5)
    #expect(abs(noise.density(0) - 1 / (2 * (2 * Double.pi).squareRoot())) < 1e-15)
    #expect(abs(noise.quantile(0.975) - 2 * 1.959963984540054) < 1e-12)
    #expect(noise.mean == 0 && noise.mode == 0 && noise.median == 0 && noise.isSymmetric)
  }

  @Test func shiftedAndReflectedExponentialsAreMeanZeroButSkewed() throws {
    let right = try NoiseDistribution.named("centred-exponential", scale: 1)
    let left = try NoiseDistribution.named("reflected-exponential", scale: 1)
    #expect(right.mean == 0 && left.mean == 0)
    #expect(right.mode == -1 && left.mode == 1)
    #expect(right.support.lowerBound == -1 && left.support.upperBound == 1)
    // P(E − 1 ≤ 0) = 1 − e^{-1}; P(1 − E ≤ 0) = P(E ≥ 1) = e^{-1}.
    #expect(abs(right.cdf(0) - (1 - exp(-1.0))) < 1e-15)
    #expect(abs(left.cdf(0) - exp(-1.0)) < 1e-15)
    #expect(left.cdf(1) == 1 && left.cdf(1.5) == 1)
    #expect(abs(left.density(0.5) - exp(-0.5)) < 1e-15)
    #expect(left.description == "1 − Exp(mean 1)" && right.description == "Exp(mean 1) − 1")
  }

  @Test func samplesFollowTheCDF() throws {
    let random = Random(seed: 9)
    for noise in [
      try NoiseDistribution.uniform(width: 1), try .gaussian(standardDeviation: 0.5), try .named("reflected-exponential", scale: 1),
      try .named("laplace", scale: 1), try .named("logistic", scale: 2),
    ] {
      let n = 200_000
      let below = (0..<n).filter { _ in noise.sample(random) <= noise.quantile(0.3) }.count
      let interval = try ConfidenceInterval.wilson(successes: below, trials: n, level: 0.999)
      #expect(interval.contains(0.3), "\(noise): \(interval)")
    }
  }

  @Test func badNoiseIsRefusedWithItsPlace() {
    #expect(throws: LabError.self) { try NoiseDistribution.uniform(width: 0) }
    #expect(throws: LabError.self) { try NoiseDistribution.gaussian(standardDeviation: -1) }
    #expect(throws: LabError.self) { try NoiseDistribution.named("poisson", scale: 1) }
    do {
      _ = try NoiseDistribution(.uniform(lower: 1, upper: 1))
      Issue.record("an empty range was accepted")
    } catch let error as LabError {
      #expect(error.description.contains("noise distribution"))
    } catch {
      Issue.record("unexpected error \(error)")
    }
  }
}
