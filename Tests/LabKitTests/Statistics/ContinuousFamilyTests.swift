import Foundation
import Testing

@testable import LabKit

/// GSL's families against their closed forms (written out here, independently of GSL) and against
/// the textbook quantile 1.959963984540054 of the standard normal (`scipy.stats.norm.ppf(0.975)`).
@Suite("ContinuousFamily (GSL CDFs, densities, quantiles, samplers)")
struct ContinuousFamilyTests {
  static let points: [Double] = [-3, -0.7, 0, 0.4, 2.5]

  @Test func closedFormCDFs() {
    for x in Self.points {
      StatisticsTestSupport.expectClose(
        ContinuousFamily.laplace(scale: 2).cumulative(x), x < 0 ? 0.5 * exp(x / 2) : 1 - 0.5 * exp(-x / 2), tolerance: 1e-14)
      StatisticsTestSupport.expectClose(ContinuousFamily.logistic(scale: 0.5).cumulative(x), 1 / (1 + exp(-x / 0.5)), tolerance: 1e-14)
      StatisticsTestSupport.expectClose(ContinuousFamily.cauchy(scale: 1.5).cumulative(x), 0.5 + atan(x / 1.5) / Double.pi, tolerance: 1e-14)
      StatisticsTestSupport.expectClose(ContinuousFamily.exponential(mean: 2).cumulative(x), x <= 0 ? 0 : 1 - exp(-x / 2), tolerance: 1e-14)
      StatisticsTestSupport.expectClose(ContinuousFamily.uniform(lower: -1, upper: 1).cumulative(x), min(1, max(0, (x + 1) / 2)), tolerance: 1e-15)
      StatisticsTestSupport.expectClose(
        ContinuousFamily.gaussian(standardDeviation: 1).cumulative(x), 0.5 * erfc(-x / 2.0.squareRoot()), tolerance: 1e-14)
    }
  }

  @Test func densitiesAndSurvival() {
    let families: [ContinuousFamily] = [
      .uniform(lower: 0, upper: 4), .gaussian(standardDeviation: 0.3), .laplace(scale: 1), .logistic(scale: 2), .cauchy(scale: 0.2),
      .exponential(mean: 3),
    ]
    for family in families {
      for x in Self.points where x != 0 {
        StatisticsTestSupport.expectClose(family.cumulative(x) + family.survival(x), 1, tolerance: 1e-14)
        // The density is the derivative of the CDF (central difference).
        let h = 1e-5
        StatisticsTestSupport.expectClose(family.density(x), (family.cumulative(x + h) - family.cumulative(x - h)) / (2 * h), tolerance: 1e-6)
      }
    }
    StatisticsTestSupport.expectClose(
      ContinuousFamily.gaussian(standardDeviation: 2).density(0), 1 / (2 * (2 * Double.pi).squareRoot()), tolerance: 1e-15)
  }

  @Test func quantilesInvertTheCDF() {
    StatisticsTestSupport.expectClose(ContinuousFamily.gaussian(standardDeviation: 1).quantile(0.975), 1.959963984540054, tolerance: 1e-12)
    let families: [ContinuousFamily] = [
      .gaussian(standardDeviation: 2), .laplace(scale: 1), .logistic(scale: 1), .cauchy(scale: 1), .exponential(mean: 1),
    ]
    for family in families {
      for p in [1e-9, 0.01, 0.3, 0.5, 0.8, 1 - 1e-9] {
        StatisticsTestSupport.expectClose(family.cumulative(family.quantile(p)), p, tolerance: 1e-9)
      }
    }
  }

  @Test func samplesFollowTheCDF() throws {
    let random = Random(seed: 7)
    let family = ContinuousFamily.laplace(scale: 1)
    let draws = (0..<20_000).map { _ in family.sample(random) }
    // The empirical CDF at the quartiles ±ln 2 is within 4 binomial standard errors of 1/4 and 3/4.
    for (x, p) in [(-log(2.0), 0.25), (log(2.0), 0.75)] {
      let fraction = Double(draws.filter { $0 <= x }.count) / Double(draws.count)
      #expect(abs(fraction - p) < 4 * (p * (1 - p) / Double(draws.count)).squareRoot())
    }
  }

  @Test func badParametersAreNamed() {
    #expect(ContinuousFamily.uniform(lower: 1, upper: 1).parameterProblem != nil)
    #expect(ContinuousFamily.gaussian(standardDeviation: 0).parameterProblem != nil)
    #expect(ContinuousFamily.cauchy(scale: .nan).parameterProblem != nil)
    #expect(ContinuousFamily.exponential(mean: 1).parameterProblem == nil)
  }
}
