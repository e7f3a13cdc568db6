import LabKit
import Testing

@testable import SocialEnvironmentDesign

@Test func taxMatchesTheNotesTestVectors() {
  let rates = [0.1, 0.2, 0.3]
  let brackets = TaxBrackets.paper
  #expect(brackets.cutPoints == [0, 10, 20, 10_000])
  #expect(abs(brackets.tax(5, rates: rates) - 0.5) < 1e-12)
  #expect(abs(brackets.tax(10, rates: rates) - 1.0) < 1e-12)
  #expect(abs(brackets.tax(15, rates: rates) - 2.0) < 1e-12)
  #expect(abs(brackets.tax(25, rates: rates) - 4.5) < 1e-12)
  #expect(brackets.tax(0, rates: rates) == 0)
  // Above the top cut point the tax is capped: 0.1·10 + 0.2·10 + 0.3·9980.
  #expect(abs(brackets.tax(20_000, rates: rates) - (1 + 2 + 2994)) < 1e-9)
}

@Test func releasedCodeCalculatorEqualsTheFormulaOnIntegers() {
  for rates in [[0.1, 0.2, 0.3], [1, 0, 0.5], [0.7, 0.9, 1]] {
    for w in 0...300 {
      #expect(abs(TaxBrackets.paper.tax(Double(w), rates: rates) - TaxBrackets.releasedCodeTax(w, rates: rates)) < 1e-9)
    }
  }
}

@Test func redistributionConservesApplesAndBalancesTheBudget() {
  let incomes: [Double] = [0, 3, 12, 25, 7, 40, 1]
  let rates = [0.5, 0.6, 1.0]
  let extrinsic = Redistribution.extrinsic(incomes: incomes, rates: rates, brackets: .paper)
  #expect(abs(extrinsic.reduce(0, +) - incomes.reduce(0, +)) < 1e-9)
  #expect(abs(Redistribution.netTransfers(incomes: incomes, rates: rates, brackets: .paper).reduce(0, +)) < 1e-9)
  // Hand computation for two players, flat rate 1: everyone gets the mean.
  let flat = Redistribution.extrinsic(incomes: [4, 30], rates: [1, 1, 1], brackets: .paper)
  #expect(abs(flat[0] - 17) < 1e-12 && abs(flat[1] - 17) < 1e-12)
}

@Test func badBracketsAreRejected() {
  #expect(throws: LabError.self) { try TaxBrackets(cutPoints: [0]) }
  #expect(throws: LabError.self) { try TaxBrackets(cutPoints: [0, 10, 10]) }
}

@Test func annealingRampsFromATenthToOne() {
  #expect(TaxAnnealing.ramp(0) == 0.1)
  #expect(abs(TaxAnnealing.ramp(0.5) - 0.55) < 1e-12)
  #expect(TaxAnnealing.ramp(3) == 1)
  #expect(TaxAnnealing.rateCap.limits(progress: 0) == (0.1, 1))
  #expect(TaxAnnealing.transferMultiplier.limits(progress: 0) == (1, 0.1))
  #expect(TaxAnnealing.none.limits(progress: 0) == (1, 1))
}
