import LabKit

/// §4 of Social Environment Design: the bracket tax T(a, φ) and even redistribution, checked on the
/// notes' test vectors, against the released code's integer calculator, and for conservation.
///
/// Standard fixed in advance: every test vector exact to 1e-12; the code calculator equal to the
/// formula (to 1e-9) on every integer income 0 … 200 for every sampled rate vector; and for every
/// sampled income vector Σ_i extrinsic_i = Σ_i a_i to 1e-9 relative (redistribution conserves apples).
/// Control: the same check run on a wrong formula (the whole income taxed at its top bracket's rate)
/// must fail.
struct EconomyExperiment: Experiment {
  /// What the check measured for one tax formula.
  struct Check: Sendable {
    var vectors: [(income: Double, tax: Double, code: Double)]
    var vectorsExact: Bool
    var largestCodeGap: Double
    var largestResidual: Double
    var largestTaxShare: Double

    var headline: Headline { .checking(vectorsExact && largestCodeGap < 1e-9 && largestResidual < 1e-9) }
  }

  struct Outcome: Sendable {
    var formula: Check
    var wrongFormula: Check
    var samples: Int
  }

  static let samples = ParameterKey<Int>("samples")

  let id = "sed.economy"
  let title = "The bracket tax and its even redistribution"
  let sections = ["§4", "Appendix A, Table 1"]

  static let taxClaim = Claim(
    id: "sed.tax-formula", source: "§4", kind: .definition,
    statement:
      "T(a, φ) = Σ_b φ_b((τ_{b+1} − τ_b)1[a > τ_{b+1}] + (a − τ_b)1[τ_b < a ≤ τ_{b+1}]) with brackets [(1,10), (11,20), (21,10000)]; taxes are evenly redistributed, so total apples are conserved.",
    class: .consistency(
      because:
        "it is the definition of the tax and of even redistribution in §4; the check compares the implementation with the formula, so it can fail only through a bug"
    ),
    control: Control("a wrong formula: the whole income taxed at the rate of its top bracket (T = φ_{b(a)} · a)"))

  var claims: [Claim] { [Self.taxClaim] }

  var parameters: [Parameter] {
    [
      Parameter(
        Self.samples, "Random rate vectors and income vectors checked.", domain: .integer(1...10_000_000),
        smoke: 200, standard: 20_000, paper: 1_000_000)
    ]
  }

  /// The notes' test vectors for rates (0.1, 0.2, 0.3) (notes §3.3 item 6).
  static let testVectors: [(income: Double, tax: Double)] = [(5, 0.5), (10, 1.0), (15, 2.0), (25, 4.5)]
  static let vectorRates = [0.1, 0.2, 0.3]

  /// The wrong formula of the control: the whole income at the rate of the bracket it ends in.
  static func wrongTax(_ a: Double, rates: [Double]) -> Double {
    let cuts = TaxBrackets.paper.cutPoints
    guard a > cuts[0] else { return 0 }
    let bracket = (0..<rates.count).first { a <= cuts[$0 + 1] } ?? rates.count - 1
    return rates[bracket] * a
  }

  /// Runs the whole check on `tax`, with the same random rate and income vectors for every formula.
  static func check(_ tax: (Double, [Double]) -> Double, samples: Int, _ random: Random) -> Check {
    let vectors = testVectors.map { v in
      (income: v.income, tax: tax(v.income, vectorRates), code: TaxBrackets.releasedCodeTax(Int(v.income), rates: vectorRates))
    }
    let exact = zip(vectors, testVectors).allSatisfy { abs($0.tax - $1.tax) < 1e-12 && abs($0.code - $1.tax) < 1e-12 }
    var gap = 0.0, residual = 0.0, share = 0.0
    for _ in 0..<samples {
      let phi = (0..<3).map { _ in RateGrid.levels[random.index(below: 11)] }
      for w in 0...200 { gap = max(gap, abs(tax(Double(w), phi) - TaxBrackets.releasedCodeTax(w, rates: phi))) }
      let incomes = (0..<7).map { _ in Double(random.index(below: 60)) }
      let taxes = incomes.map { tax($0, phi) }
      let pot = taxes.reduce(0, +)
      let extrinsic = zip(incomes, taxes).map { $0 - $1 + pot / Double(incomes.count) }
      let total = incomes.reduce(0, +)
      residual = max(residual, abs(extrinsic.reduce(0, +) - total) / max(1, total))
      share = max(share, pot / max(1, total))
    }
    return Check(vectors: vectors, vectorsExact: exact, largestCodeGap: gap, largestResidual: residual, largestTaxShare: share)
  }

  func simulate(in context: RunContext) throws -> Outcome {
    let samples = context.parameters[Self.samples]
    let brackets = TaxBrackets.paper
    // The implementation's own redistribution must agree with the check's even split.
    let formula = Self.check({ brackets.tax($0, rates: $1) }, samples: samples, context.random(stream: "vectors"))
    let wrong = Self.check(Self.wrongTax, samples: samples, context.random(stream: "vectors"))
    let random = context.random(stream: "redistribution")
    var largest = formula.largestResidual
    for _ in 0..<samples {
      let phi = (0..<3).map { _ in RateGrid.levels[random.index(below: 11)] }
      let incomes = (0..<7).map { _ in Double(random.index(below: 60)) }
      let total = incomes.reduce(0, +)
      largest = max(largest, abs(Redistribution.extrinsic(incomes: incomes, rates: phi, brackets: brackets).reduce(0, +) - total) / max(1, total))
    }
    var checked = formula
    checked.largestResidual = largest
    return Outcome(formula: checked, wrongFormula: wrong, samples: samples)
  }

  func judge(_ outcomes: Outcomes<Outcome>, in context: RunContext) throws -> ExperimentResult {
    let o = outcomes.base
    var vectors = Table(
      id: "sed.economy.vectors", title: "T(a, φ) for φ = (0.1, 0.2, 0.3): formula, released code, expected",
      columns: ["a", "T (formula)", "T (released code)", "expected", "T (wrong formula of the control)"])
    for (i, v) in o.formula.vectors.enumerated() {
      vectors.append([
        .real(v.income, digits: 0), .real(v.tax, digits: 4), .real(v.code, digits: 4), .real(Self.testVectors[i].tax, digits: 4),
        .real(o.wrongFormula.vectors[i].tax, digits: 4),
      ])
    }
    var summary = Table(
      id: "sed.economy.conservation", title: "Random checks of the formula and of redistribution",
      columns: ["check", "samples", "largest deviation", "wrong formula"])
    summary.append([
      .text("formula vs released code, integer incomes 0 … 200"), .integer(o.samples * 201), .real(o.formula.largestCodeGap, digits: 12),
      .real(o.wrongFormula.largestCodeGap, digits: 4),
    ])
    summary.append([
      .text("|Σ extrinsic − Σ apples| / Σ apples, 7 players"), .integer(o.samples), .real(o.formula.largestResidual, digits: 12),
      .real(o.wrongFormula.largestResidual, digits: 12),
    ])
    summary.append([
      .text("largest share of apples taxed"), .integer(o.samples), .real(o.formula.largestTaxShare, digits: 4),
      .real(o.wrongFormula.largestTaxShare, digits: 4),
    ])
    let f = o.formula
    let evidence = Evidence(
      summary:
        "T(5) = 0.5, T(10) = 1, T(15) = 2, T(25) = 4.5 for φ = (0.1, 0.2, 0.3): \(f.vectorsExact ? "exact" : "NOT exact"); the released code's calculator matches the formula on integer incomes (largest gap \(DecimalFormat.compact(f.largestCodeGap))); redistribution conserves apples (largest relative residual \(DecimalFormat.compact(f.largestResidual))). The wrong formula of the control differs from the released code by up to \(DecimalFormat.compact(o.wrongFormula.largestCodeGap)).",
      measurements: [
        .init("test vectors exact", f.vectorsExact), .init("largest code gap", f.largestCodeGap),
        .init("largest conservation residual", f.largestResidual),
        .init("wrong formula: largest code gap", o.wrongFormula.largestCodeGap),
      ],
      tolerance: "exact test vectors (1e-12); code gap and conservation residual below 1e-9", sampleSize: o.samples)
    let claim = ClaimResult(
      Self.taxClaim, map: .single(f.headline, estimate: f.largestCodeGap, n: o.samples),
      control: ControlResult(Self.taxClaim.control!, verdict: o.wrongFormula.headline), evidence: evidence)
    return ExperimentResult(tables: [vectors, summary], claims: [claim])
  }
}
