import Testing

@testable import LabKit

@Suite struct PowerLawFitTests {
  @Test func exactPowerLawHasItsExponentAndAZeroWidthInterval() throws {
    // y = 3 x² exactly: b = 2, a = log10 3, no residual.
    let xs = [1.0, 2, 4, 8, 16]
    let fit = try PowerLawFit(xs: xs, ys: xs.map { 3 * $0 * $0 })
    #expect(abs(fit.exponent - 2) < 1e-12)
    #expect(abs(fit.intercept - 0.47712125471966244) < 1e-12)
    #expect(fit.exponentInterval.halfWidth < 1e-9)
    #expect(fit.points == 5)
  }

  @Test func intervalMatchesTheTextbookFormula() throws {
    // log10 x = 0, 1, 2; log10 y = 0, 1, 3: b = 1.5, a = −1/6, residuals 1/6, −1/3, 1/6; SSE = 1/6,
    // s² = SSE / (n − 2) = 1/6, Sxx = 2, se(b) = √(1/12); t_{0.975, 1} = 12.706204736174694 (scipy).
    let fit = try PowerLawFit(xs: [1, 10, 100], ys: [1, 10, 1000])
    #expect(abs(fit.exponent - 1.5) < 1e-12)
    #expect(abs(fit.intercept + 1.0 / 6.0) < 1e-12)
    #expect(abs(fit.exponentInterval.halfWidth - 12.706204736174694 * (1.0 / 12.0).squareRoot()) < 1e-9)
  }

  @Test func badInputIsAnError() {
    #expect(throws: LabError.self) { try PowerLawFit(xs: [1, 2], ys: [1, 2]) }
    #expect(throws: LabError.self) { try PowerLawFit(xs: [1, 2, 0], ys: [1, 2, 3]) }
    #expect(throws: LabError.self) { try PowerLawFit(xs: [2, 2, 2], ys: [1, 2, 3]) }
    #expect(throws: LabError.self) { try ConfidenceInterval.studentQuantile(level: 0.95, degreesOfFreedom: 0) }
  }

  @Test func studentQuantileIsThePublishedValue() throws {
    // t_{0.975, 9} = 2.262157162798205 (scipy.stats.t.ppf(0.975, 9)).
    #expect(abs(try ConfidenceInterval.studentQuantile(level: 0.95, degreesOfFreedom: 9) - 2.262157162798205) < 1e-12)
  }
}
