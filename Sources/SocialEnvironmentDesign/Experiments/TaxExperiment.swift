import LabKit

/// §4 of Social Environment Design: the bracket tax T(a, φ) and even redistribution, checked on the
/// notes' test vectors, against the released code's integer calculator, and for conservation.
///
/// Standard fixed in advance: every test vector exact to 1e-12; the code calculator equal to the
/// formula (to 1e-9) on every integer income 0 … 200 for every sampled rate vector; and for every
/// sampled income vector Σ_i extrinsic_i = Σ_i a_i to 1e-9 relative (redistribution conserves apples).
public struct TaxExperiment: Experiment {
  public init() {}

  public let id = "sed.economy"
  public let title = "The bracket tax and its even redistribution"
  public let sections = ["§4", "Appendix A, Table 1"]

  public static let taxClaim = Claim(
    id: "sed.tax-formula", source: "§4", kind: .definition,
    statement: "T(a, φ) = Σ_b φ_b((τ_{b+1} − τ_b)1[a > τ_{b+1}] + (a − τ_b)1[τ_b < a ≤ τ_{b+1}]) with brackets [(1,10), (11,20), (21,10000)]; taxes are evenly redistributed, so total apples are conserved.")

  public var claims: [Claim] { [Self.taxClaim] }

  public var parameters: [Parameter] {
    [Parameter("samples", "Random rate vectors and income vectors checked.", domain: .integer(1...10_000_000),
               smoke: .integer(200), standard: .integer(20_000), paper: .integer(1_000_000))]
  }

  /// The notes' test vectors for rates (0.1, 0.2, 0.3) (notes §3.3 item 6).
  public static let testVectors: [(income: Double, tax: Double)] = [(5, 0.5), (10, 1.0), (15, 2.0), (25, 4.5)]

  public func simulate(in context: RunContext) throws -> ExperimentResult {
    let samples = context.parameters.integer("samples")
    let brackets = TaxBrackets.paper
    let rates = [0.1, 0.2, 0.3]
    var vectors = Table(id: "sed.economy.vectors", title: "T(a, φ) for φ = (0.1, 0.2, 0.3): formula, released code, expected",
                        columns: ["a", "T (formula)", "T (released code)", "expected"])
    var vectorsExact = true
    for v in Self.testVectors {
      let t = brackets.tax(v.income, rates: rates)
      let code = TaxBrackets.releasedCodeTax(Int(v.income), rates: rates)
      vectorsExact = vectorsExact && abs(t - v.tax) < 1e-12 && abs(code - v.tax) < 1e-12
      vectors.append([.real(v.income, digits: 0), .real(t, digits: 4), .real(code, digits: 4), .real(v.tax, digits: 4)])
    }
    let random = context.random()
    var largestCodeGap = 0.0, largestResidual = 0.0, largestTaxShare = 0.0
    for _ in 0..<samples {
      let phi = (0..<3).map { _ in RateGrid.levels[random.index(below: 11)] }
      for w in 0...200 {
        largestCodeGap = max(largestCodeGap, abs(brackets.tax(Double(w), rates: phi) - TaxBrackets.releasedCodeTax(w, rates: phi)))
      }
      let incomes = (0..<7).map { _ in Double(random.index(below: 60)) }
      let extrinsic = Redistribution.extrinsic(incomes: incomes, rates: phi, brackets: brackets)
      let total = incomes.reduce(0, +)
      largestResidual = max(largestResidual, abs(extrinsic.reduce(0, +) - total) / max(1, total))
      largestTaxShare = max(largestTaxShare, incomes.map { brackets.tax($0, rates: phi) }.reduce(0, +) / max(1, total))
    }
    var summary = Table(id: "sed.economy.conservation", title: "Random checks of the formula and of redistribution",
                        columns: ["check", "samples", "largest deviation"])
    summary.append([.text("formula vs released code, integer incomes 0 … 200"), .integer(samples * 201), .real(largestCodeGap, digits: 12)])
    summary.append([.text("|Σ extrinsic − Σ apples| / Σ apples, 7 players"), .integer(samples), .real(largestResidual, digits: 12)])
    summary.append([.text("largest share of apples taxed"), .integer(samples), .real(largestTaxShare, digits: 4)])
    let holds = vectorsExact && largestCodeGap < 1e-9 && largestResidual < 1e-9
    let evidence = Evidence(
      summary: "T(5) = 0.5, T(10) = 1, T(15) = 2, T(25) = 4.5 for φ = (0.1, 0.2, 0.3): \(vectorsExact ? "exact" : "NOT exact"); the released code's calculator matches the formula on integer incomes (largest gap \(DecimalFormat.compact(largestCodeGap))); redistribution conserves apples (largest relative residual \(DecimalFormat.compact(largestResidual))).",
      measurements: [.init("test vectors exact", vectorsExact), .init("largest code gap", largestCodeGap), .init("largest conservation residual", largestResidual)],
      tolerance: "exact test vectors (1e-12); code gap and conservation residual below 1e-9", sampleSize: samples)
    return ExperimentResult(tables: [vectors, summary], claims: [ClaimResult(Self.taxClaim, .checking(holds), evidence)])
  }
}
