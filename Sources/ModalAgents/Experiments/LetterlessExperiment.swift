import LabKit

/// Published letterless fixed points of GL (dpiponi/provability, `fpexamples`, after de Jongh and
/// Sambin; traces from the notes' §3.2), solved with the chain evaluator.
///
/// For each equation p ↔ φ(p) the experiment checks three things: the trace of the computed
/// solution equals the trace the notes give; GL proves the published solution ψ equivalent to the
/// computed fixed point (their traces agree at every world, which for letterless formulas decides
/// GL-equivalence); and GL ⊢ ψ ↔ φ(ψ), i.e. ψ is a fixed point, checked as a letterless theorem
/// without the evaluator's system machinery.
///
/// Three published examples with a parameter q are shown too, as a partial check: every letterless
/// substitution for q whose trace is constant from world `parameterWorlds` on is tried (q is the
/// letterless formula with that trace, ``Letterless/normalForm(trace:)``), and the computed p must
/// have the trace of the published solution. Linear chains do not decide GL-validity of formulas
/// with letters, so this is evidence, not a proof; these examples are not part of the claim.
struct LetterlessExperiment: Experiment {
  init() {}

  let id = "ma.letterless"
  let title = "Published letterless fixed points of provability logic"
  let sections = ["the notes §3.2 (dpiponi/provability fpexamples)"]

  static let fixedPointsClaim = Claim(
    id: "ma.fixed-points", source: "the notes §3.2 (dpiponi/provability)", kind: .example,
    statement:
      "The letterless fixed points p ↔ ¬□p ⇒ ◇⊤, p ↔ □p ⇒ ⊤, p ↔ □¬p ⇒ □⊥, p ↔ ¬□¬p ⇒ ⊥, p ↔ ¬□□p ⇒ ◇◇⊤, p ↔ (□p → □¬p) ⇒ ◇◇⊤ ∨ □⊥, p ↔ (□(¬p → □⊥) → □(p → □⊥)) ⇒ ◇(◇(¬□⊥ ∧ ¬□⊥) ∧ ¬□⊥) ∨ □□⊥, with the traces 0111…, 1111…, 1000…, 0000…, 0011…, 1011…, 1101….",
    class: .consistency(
      because:
        "letterless formulas of GL are decided exactly by their traces on the linear Kripke chain (de Jongh–Sambin normal forms), so the computed fixed points can differ from the published ones only through a bug or a misprint"
    ),
    control: Control("every equation mutated, p ↔ ¬φ(p) in place of p ↔ φ(p): the same check against the published solutions must fail"))

  var claims: [Claim] { [Self.fixedPointsClaim] }

  static let parameterWorlds = ParameterKey<Int>("parameterWorlds")

  var parameters: [Parameter] {
    [
      Parameter(
        Self.parameterWorlds,
        "For the examples with a parameter q: every letterless q is tried whose values at worlds 0 … parameterWorlds − 1 are arbitrary and which is constant from world parameterWorlds on (2^(parameterWorlds + 1) of them).",
        domain: .integer(1...16), smoke: 6, standard: 12, paper: 14)
    ]
  }

  /// (equation's right-hand side, published solution, trace in the notes).
  static let letterless: [(String, String, String)] = [
    ("~[]p", "<>T", "0111"),
    ("[]p", "T", "1111"),
    ("[]~p", "[]F", "1000"),
    ("~[]~p", "F", "0000"),
    ("~[][]p", "<><>T", "0011"),
    ("[]p -> []~p", "<><>T | []F", "1011"),
    ("[](~p -> []F) -> [](p -> []F)", "<>(<>(~[]F & ~[]F) & ~[]F) | [][]F", "1101"),
  ]

  /// (equation's right-hand side with parameter q, published solution in q).
  static let withParameter: [(String, String)] = [
    ("[](p -> q)", "[]q"),
    ("[]p -> q", "<>~q | q"),
    ("~[](q -> p)", "<>q"),
  ]

  /// One published letterless example, solved.
  struct LetterlessRow: Sendable {
    let phi: ModalFormula
    let psi: ModalFormula
    let computed: String
    let noted: String
    let equivalent: Bool
    let isFixedPoint: Bool
    let normalForm: ModalFormula
    let traceAgrees: Bool
    var agrees: Bool { traceAgrees && equivalent && isFixedPoint }
  }

  /// One example with a parameter q: substitutions tried and agreeing.
  struct ParameterRow: Sendable {
    let phi: ModalFormula
    let psi: ModalFormula
    let tried: Int
    let agreeing: Int
  }

  struct Outcome: Sendable {
    let rows: [LetterlessRow]
    /// The same check with every equation mutated to p ↔ ¬φ(p) (the negative control).
    let mutated: [LetterlessRow]
    let withParameter: [ParameterRow]
    let worlds: Int
  }

  func simulate(in context: RunContext) throws -> Outcome {
    let rows = try Self.letterless.map { try Self.check($0.0, $0.1, $0.2, mutate: false) }
    let mutated = try Self.letterless.map { try Self.check($0.0, $0.1, $0.2, mutate: true) }
    let worlds = context.parameters[Self.parameterWorlds]
    let withParameter = try Self.withParameter.map { try Self.checkWithParameter($0.0, $0.1, worlds: worlds) }
    return Outcome(rows: rows, mutated: mutated, withParameter: withParameter, worlds: worlds)
  }

  /// Solves p ↔ φ(p) (p ↔ ¬φ(p) when `mutate`) and compares it with the published solution and trace.
  static func check(_ right: String, _ published: String, _ noted: String, mutate: Bool) throws -> LetterlessRow {
    let parsed = try ModalParser.parse(right)
    let phi = mutate ? ModalFormula.not(parsed) : parsed
    let psi = try ModalParser.parse(published)
    let solution = try ModalSystem([("p", phi)]).solve()
    let computed = solution.traceText(0, worlds: 8)
    let traceAgrees = computed.hasPrefix(noted) && computed.dropFirst(noted.count).dropLast().allSatisfy { String($0) == String(noted.last!) }
    return LetterlessRow(
      phi: phi, psi: psi, computed: computed, noted: noted, equivalent: Letterless.areEquivalent(solution.normalForm(0), psi),
      isFixedPoint: Letterless.isProvable(.iff(psi, phi.substituting { _ in psi })), normalForm: solution.normalForm(0),
      traceAgrees: traceAgrees)
  }

  /// Tries every letterless q constant from world `worlds` on.
  static func checkWithParameter(_ right: String, _ published: String, worlds: Int) throws -> ParameterRow {
    let phi = try ModalParser.parse(right)
    let psi = try ModalParser.parse(published)
    var agreeing = 0
    let count = 1 << (worlds + 1)
    for bits in 0..<count {
      let trace = (0...worlds).map { bits >> $0 & 1 == 1 }
      let q = Letterless.normalForm(trace: trace)
      let solution = try ModalSystem([("p", phi.substituting { $0 == .variable("q") ? q : .atom($0) })]).solve()
      let expected = psi.substituting { _ in q }
      let horizon = max(solution.lastWorld, expected.modalDepth) + 2
      let expectedTrace = Letterless.trace(expected, worlds: horizon)
      if (0..<horizon).allSatisfy({ solution.value(0, atWorld: $0) == expectedTrace[$0] }) { agreeing += 1 }
    }
    return ParameterRow(phi: phi, psi: psi, tried: count, agreeing: agreeing)
  }

  func judge(_ outcomes: Outcomes<Outcome>, in context: RunContext) throws -> ExperimentResult {
    let o = outcomes.base
    var table = Table(
      id: "ma.letterless.fixed-points", title: "Letterless fixed points p ↔ φ(p): computed on the chain and compared with the published solutions",
      columns: [
        "equation", "published solution ψ", "computed trace", "trace in the notes", "GL ⊢ p ↔ ψ", "GL ⊢ ψ ↔ φ(ψ)", "computed normal form", "agrees",
      ])
    for r in o.rows {
      table.append([
        .text("p ↔ \(r.phi)"), .text(r.psi.description), .text(r.computed), .text(r.noted + "…"), .text(r.equivalent ? "yes" : "no"),
        .text(r.isFixedPoint ? "yes" : "no"), .text(r.normalForm.description), .text(r.agrees ? "yes" : "no"),
      ])
    }
    var parameterTable = Table(
      id: "ma.letterless.with-parameter",
      title:
        "Fixed points with a parameter q, checked for every letterless q that is constant from world \(o.worlds) on (evidence only: substitution instances do not decide GL for formulas with letters)",
      columns: ["equation", "published solution", "substitutions tried", "agreeing"])
    for r in o.withParameter {
      parameterTable.append([.text("p ↔ \(r.phi)"), .text(r.psi.description), .integer(r.tried), .integer(r.agreeing)])
    }
    let failures = o.rows.filter { !$0.agrees }.map { "p ↔ \($0.phi)" }
    let mutatedAgreeing = o.mutated.filter(\.agrees).count
    let evidence = Evidence(
      summary:
        "\(o.rows.count - failures.count) of the \(o.rows.count) published letterless fixed points come out as stated: the computed trace is the notes' trace, GL proves the computed fixed point equivalent to the published solution ψ (their traces agree at every world), and GL ⊢ ψ ↔ φ(ψ). Control: with every equation mutated to p ↔ ¬φ(p), \(mutatedAgreeing) of them agree with the published solutions.",
      measurements: [
        .init("examples", o.rows.count), .init("agreeing", o.rows.count - failures.count), .init("agreeing after mutation", mutatedAgreeing),
      ],
      tolerance: "exact (letterless formulas are decided on the chain up to their modal depth)", sampleSize: o.rows.count,
      counterexample: failures.isEmpty ? nil : failures.joined(separator: "; "))
    let claim = ClaimResult(
      Self.fixedPointsClaim, map: .single(.checking(failures.isEmpty), estimate: Double(o.rows.count - failures.count), n: o.rows.count),
      control: ControlResult(Self.fixedPointsClaim.control!, verdict: .checking(mutatedAgreeing == o.mutated.count)), evidence: evidence)
    return ExperimentResult(tables: [table, parameterTable], claims: [claim])
  }
}
