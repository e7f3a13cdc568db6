import Testing

@testable import LabKit

/// Holm's procedure on the textbook example and the one-sided t test against GSL's tables.
@Suite struct HolmCorrectionTests {
  /// The standard example (e.g. Wikipedia, "Holm–Bonferroni method"): p = (0.01, 0.04, 0.03, 0.005), α = 0.05.
  /// Sorted 0.005, 0.01, 0.03, 0.04 against α/4 = 0.0125, α/3 ≈ 0.0167, α/2 = 0.025, α: the first two are
  /// rejected, 0.03 > 0.025 stops. Adjusted: 4·0.005 = 0.02, 3·0.01 = 0.03, 2·0.03 = 0.06, max(0.06, 0.04) = 0.06.
  @Test func textbookExample() throws {
    let p = [0.01, 0.04, 0.03, 0.005]
    let adjusted = try HolmCorrection.adjusted(p)
    for (x, y) in zip(adjusted, [0.03, 0.06, 0.06, 0.02]) { #expect(abs(x - y) < 1e-15) }
    #expect(try HolmCorrection.rejected(p, alpha: 0.05) == [true, false, false, true])
    // At α = 0.035 the thresholds are 0.00875, 0.0117, 0.0175: the same two; at α = 0.025 only 0.005 (0.01 > 0.00833).
    #expect(try HolmCorrection.rejected(p, alpha: 0.035) == [true, false, false, true])
    #expect(try HolmCorrection.rejected(p, alpha: 0.025) == [false, false, false, true])
  }

  @Test func adjustedValuesAreCappedAtOne() throws {
    #expect(try HolmCorrection.adjusted([0.6, 0.9]) == [1, 1])
    #expect(throws: LabError.self) { try HolmCorrection.adjusted([1.5]) }
  }

  @Test func oneSidedTTestMatchesTheTTable() throws {
    // x = (1, 2, 3, 4, 5): x̄ = 3, s = √2.5, t = 3/(√2.5/√5) = 3√2 ≈ 4.2426 with 4 degrees of freedom:
    // P(T₄ ≥ 4.2426) ≈ 0.006618 (t tables: t₀.₀₁,₄ = 3.747, t₀.₀₀₅,₄ = 4.604).
    let p = try HolmCorrection.oneSidedTTest([1, 2, 3, 4, 5], above: 0)
    #expect(p > 0.005 && p < 0.01)
    #expect(abs(p - 0.0066178) < 1e-6)
    #expect(abs(try HolmCorrection.oneSidedTTest([1, 2, 3, 4, 5], above: 3) - 0.5) < 1e-12)
  }
}
