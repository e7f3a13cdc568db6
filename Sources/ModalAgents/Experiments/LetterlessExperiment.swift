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
public struct FixedPointExperiment: Experiment {
  public init() {}

  public let id = "ma.letterless"
  public let title = "Published letterless fixed points of provability logic"
  public let sections = ["the notes §3.2 (dpiponi/provability fpexamples)"]

  public static let fixedPointsClaim = Claim(
    id: "ma.fixed-points", source: "the notes §3.2 (dpiponi/provability)", kind: .example,
    statement: "The letterless fixed points p ↔ ¬□p ⇒ ◇⊤, p ↔ □p ⇒ ⊤, p ↔ □¬p ⇒ □⊥, p ↔ ¬□¬p ⇒ ⊥, p ↔ ¬□□p ⇒ ◇◇⊤, p ↔ (□p → □¬p) ⇒ ◇◇⊤ ∨ □⊥, p ↔ (□(¬p → □⊥) → □(p → □⊥)) ⇒ ◇(◇(¬□⊥ ∧ ¬□⊥) ∧ ¬□⊥) ∨ □□⊥, with the traces 0111…, 1111…, 1000…, 0000…, 0011…, 1011…, 1101….")

  public var claims: [Claim] { [Self.fixedPointsClaim] }

  public var parameters: [Parameter] {
    [Parameter("parameterWorlds", "For the examples with a parameter q: every letterless q is tried whose values at worlds 0 … parameterWorlds − 1 are arbitrary and which is constant from world parameterWorlds on (2^(parameterWorlds + 1) of them).",
               domain: .integer(1...16), smoke: .integer(6), standard: .integer(12), paper: .integer(14))]
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

  public func simulate(in context: RunContext) throws -> ExperimentResult {
    var table = Table(id: "ma.letterless.fixed-points", title: "Letterless fixed points p ↔ φ(p): computed on the chain and compared with the published solutions",
                      columns: ["equation", "published solution ψ", "computed trace", "trace in the notes", "GL ⊢ p ↔ ψ", "GL ⊢ ψ ↔ φ(ψ)", "computed normal form", "agrees"])
    var failures: [String] = []
    for (right, published, noted) in Self.letterless {
      let phi = try ModalParser.parse(right)
      let psi = try ModalParser.parse(published)
      let solution = try ModalSystem([("p", phi)]).solve()
      let computed = solution.traceText(0, worlds: 8)
      let traceAgrees = computed.hasPrefix(noted) && computed.dropFirst(noted.count).dropLast().allSatisfy { String($0) == String(noted.last!) }
      let equivalent = Letterless.areEquivalent(solution.normalForm(0), psi)
      let isFixedPoint = Letterless.isProvable(.iff(psi, phi.substituting { _ in psi }))
      let agrees = traceAgrees && equivalent && isFixedPoint
      if !agrees { failures.append("p ↔ \(phi)") }
      table.append([.text("p ↔ \(phi)"), .text(psi.description), .text(computed), .text(noted + "…"), .text(equivalent ? "yes" : "no"),
                    .text(isFixedPoint ? "yes" : "no"), .text(solution.normalForm(0).description), .text(agrees ? "yes" : "no")])
    }

    let worlds = context.parameters.integer("parameterWorlds")
    var parameterTable = Table(id: "ma.letterless.with-parameter",
                               title: "Fixed points with a parameter q, checked for every letterless q that is constant from world \(worlds) on (evidence only: substitution instances do not decide GL for formulas with letters)",
                               columns: ["equation", "published solution", "substitutions tried", "agreeing"])
    for (right, published) in Self.withParameter {
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
      parameterTable.append([.text("p ↔ \(phi)"), .text(psi.description), .integer(count), .integer(agreeing)])
    }

    let evidence = Evidence(
      summary: "\(Self.letterless.count - failures.count) of the \(Self.letterless.count) published letterless fixed points come out as stated: the computed trace is the notes' trace, GL proves the computed fixed point equivalent to the published solution ψ (their traces agree at every world), and GL ⊢ ψ ↔ φ(ψ).",
      measurements: [.init("examples", Self.letterless.count), .init("agreeing", Self.letterless.count - failures.count)],
      tolerance: "exact (letterless formulas are decided on the chain up to their modal depth)", sampleSize: Self.letterless.count,
      counterexample: failures.isEmpty ? nil : failures.joined(separator: "; "))
    return ExperimentResult(tables: [table, parameterTable], claims: [ClaimResult(Self.fixedPointsClaim, .checking(failures.isEmpty), evidence)])
  }
}
