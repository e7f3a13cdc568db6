import LabKit
import Testing

@testable import ModalAgents

@Suite struct KripkeChainTests {
  /// The notes' §3.2 table: letterless fixed points and their traces on the linear chain.
  @Test(arguments: [
    ("~[]p", "0111"), ("[]p", "1111"), ("[]~p", "1000"), ("~[]~p", "0000"), ("~[][]p", "0011"), ("[]p -> []~p", "1011"),
    ("[](~p -> []F) -> [](p -> []F)", "1101"),
  ])
  func publishedFixedPointTraces(right: String, trace: String) throws {
    let solution = try ModalSystem([("p", try ModalParser.parse(right))]).solve()
    let expected = trace + String(repeating: String(trace.last!), count: 6) + "…"
    #expect(solution.traceText(0, worlds: 10) == expected)
  }

  @Test func boxesAndGradedBoxesOnTheChain() {
    // □^k⊥ holds exactly at the worlds n < k; [k]⊥ holds exactly at n ≤ k; ¬□^k⊥ (Con^k) from k on.
    #expect(Letterless.trace(.boxes(3, .bottom), worlds: 6) == [true, true, true, false, false, false])
    #expect(Letterless.trace(.box(.bottom, grade: 3), worlds: 6) == [true, true, true, true, false, false])
    #expect(Letterless.trace(.consistency(2), worlds: 4) == [false, false, true, true])
    #expect(Letterless.trace(.diamond(.top, grade: 1), worlds: 4) == [false, false, true, true])
    // [k]⊤ holds everywhere (the notes' pitfall: inner boxes first).
    #expect(Letterless.isProvable(.box(.top, grade: 4)))
  }

  @Test func gradedModalitiesAgreeWithTheirExpansion() throws {
    let random = Random(seed: 11)
    func build(_ depth: Int, modal: Bool) -> ModalFormula {
      if depth == 0 { return modal && random.bernoulli(0.5) ? .variable("p") : (random.bernoulli(0.5) ? .top : .bottom) }
      switch random.index(below: 6) {
      case 0: return .not(build(depth - 1, modal: modal))
      case 1: return .and(build(depth - 1, modal: modal), build(depth - 1, modal: modal))
      case 2: return .implies(build(depth - 1, modal: modal), build(depth - 1, modal: modal))
      case 3: return .diamond(build(depth - 1, modal: true), grade: random.index(below: 4))
      default: return .box(build(depth - 1, modal: true), grade: random.index(below: 4))
      }
    }
    for _ in 0..<400 {
      let phi = build(4, modal: false)
      let direct = try ModalSystem([("p", phi)]).solve()
      let expanded = try ModalSystem([("p", phi.expandingGradedModalities)]).solve()
      let worlds = max(direct.lastWorld, expanded.lastWorld) + 3
      #expect((0..<worlds).allSatisfy { direct.value(0, atWorld: $0) == expanded.value(0, atWorld: $0) }, "\(phi)")
      #expect(phi.expandingGradedModalities.largestGrade == 0)
    }
  }

  @Test func letterlessProvabilityIsDecided() {
    // Con(PA) = ¬□⊥ is true but unprovable (Gödel's second theorem); Löb's axiom instance is provable.
    #expect(Letterless.isTrue(.consistency(1)))
    #expect(!Letterless.isProvable(.consistency(1)))
    #expect(Letterless.isProvable(.implies(.box(.implies(.box(.bottom), .bottom)), .box(.bottom))))
    #expect(!Letterless.isTrue(.box(.bottom)))
    #expect(Letterless.areEquivalent(.diamond(.top), .consistency(1)))
    #expect(!Letterless.areEquivalent(.diamond(.diamond(.top)), .consistency(1)))
  }

  @Test func normalFormsReproduceTheirTraces() {
    for bits in 0..<(1 << 7) {
      let trace = (0..<7).map { bits >> $0 & 1 == 1 }
      let form = Letterless.normalForm(trace: trace)
      #expect(form.isLetterless)
      #expect(Letterless.trace(form, worlds: 10) == trace + Array(repeating: trace.last!, count: 3), "\(form)")
    }
    #expect(Letterless.normalForm(trace: [false, true]).description == "¬□⊥")
    #expect(Letterless.normalForm(trace: [true, false]).description == "□⊥")
  }

  @Test func stabilisationWorldAndProvabilityLevels() throws {
    let L = AgentLibrary.self
    let fbfb = try Competition(L.fairBot, L.fairBot).solve()
    #expect(fbfb.stabilisationWorld == 0)
    #expect(fbfb.solution.isProvable(0))
    let fbdb = try Competition(L.fairBot, L.defectBot).solve()
    #expect(fbdb.stabilisationWorld == 1)
    #expect(!fbdb.solution.isRefutable(0) && fbdb.solution.isRefutable(0, inPAPlus: 1))
    #expect(fbdb.solution.traceText(0, worlds: 4) == "1000…")
    let pbcb = try Competition(L.prudentBot, L.cooperateBot).solve()
    #expect(pbcb.stabilisationWorld == 2)
    #expect(pbcb.solution.traceText(0, worlds: 4) == "1100…")
    let ctb = try Competition(L.contrarianBot, L.contrarianBot).solve()
    #expect(ctb.stabilisationWorld == 1)
    #expect(ctb.solution.isProvable(0, inPAPlus: 1) && !ctb.solution.isProvable(0))
  }

  @Test func systemsThatAreNotFullyModalized() throws {
    let p = ModalFormula.variable("p")
    #expect(throws: ModalSystemError.notFullyModalized(cycle: ["p"])) { try ModalSystem([("p", .not(p))]).solve() }
    #expect(throws: ModalSystemError.noConsistentAssignment(world: 0)) { try ModalSystem([("p", .not(p))]).solve(allowSearch: true) }
    #expect(throws: ModalSystemError.severalConsistentAssignments(world: 0, count: 2)) { try ModalSystem([("p", p)]).solve(allowSearch: true) }
    // p ↔ p ∧ ⊥ is not modalized but determined: p is false everywhere.
    let determined = try ModalSystem([("p", .and(p, .bottom))]).solve(allowSearch: true)
    #expect(determined.isRefutable(0))
    // Two variables through each other without a box.
    do {
      _ = try ModalSystem([("p", .variable("q")), ("q", .box(p)), ("r", .not(.variable("s"))), ("s", .variable("r"))]).solve()
      Issue.record("solved")
    } catch {
      guard let failure = error as? ModalSystemError, case .notFullyModalized(let cycle) = failure else { Issue.record("\(error)"); return }
      #expect(Set(cycle) == ["r", "s"])
    }
  }

  @Test func systemDefinitionErrors() {
    #expect(throws: ModalDefinitionError.self) { try ModalSystem([("p", .top), ("p", .bottom)]) }
    #expect(throws: ModalDefinitionError.self) { try ModalSystem([("p", .box(.variable("q")))]) }
    #expect(throws: ModalDefinitionError.self) { try ModalSystem([("p", .box(.them))]) }
  }

  /// LaVictoire 2015 §7.1: FairBot vs PrudentBot has the solution p ↔ ⊤, q ↔ ⊤, r ↔ □⊥, s ↔ ⊥.
  @Test func fairBotAgainstPrudentBotSystem() throws {
    let m = try Competition(AgentLibrary.fairBot, AgentLibrary.prudentBot).solve()
    #expect(m.competition.variableNames == ["FairBot(PrudentBot)", "PrudentBot(FairBot)", "FairBot(DefectBot)", "DefectBot(FairBot)"])
    #expect((0..<4).map { m.solution.normalForm($0).description } == ["⊤", "⊤", "□⊥", "⊥"])
    #expect(
      m.competition.equations.map { "\($0.0) ↔ \($0.1)" } == [
        "FairBot(PrudentBot) ↔ □PrudentBot(FairBot)", "PrudentBot(FairBot) ↔ □FairBot(PrudentBot) ∧ [1]¬FairBot(DefectBot)",
        "FairBot(DefectBot) ↔ □DefectBot(FairBot)", "DefectBot(FairBot) ↔ ⊥",
      ])
  }
}
