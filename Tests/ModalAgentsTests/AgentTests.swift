import Testing

@testable import ModalAgents

@Suite struct AgentTests {
  let L = AgentLibrary.self

  @Test func agentsMustBeFullyModalizedAndReferToKnownLowerAgents() {
    #expect(throws: ModalDefinitionError.self) { try ModalAgent(name: "Naked", formula: .them) }
    #expect(throws: ModalDefinitionError.self) { try ModalAgent(name: "Half", formula: .and(.box(.them), .me)) }
    #expect(throws: ModalDefinitionError.self) { try ModalAgent(name: "Letter", formula: .box(.variable("p"))) }
    #expect(throws: ModalDefinitionError.self) { try ModalAgent(name: "Lost", formula: .box(.them("Nobody"))) }
    #expect(throws: ModalDefinitionError.self) { try ModalAgent(name: "Narcissus", formula: .box(.them("Narcissus"))) }
    // A reference whose own references use this agent's name would make a cycle by name.
    let inner = try! ModalAgent(name: "A", formula: .box(.them))
    let middle = try! ModalAgent(name: "B", formula: .box(.them("A")), references: [inner])
    #expect(throws: ModalDefinitionError.self) { try ModalAgent(name: "A", formula: .box(.them("B")), references: [middle]) }
    do {
      _ = try ModalAgent(name: "Naked", formula: .or(.them, .box(.me)))
    } catch {
      #expect(
        error.description
          == "Naked: them(me) is not under a box: an agent must be fully modalized (every them(...) and me(them) inside □, ◇, [k] or ⟨k⟩)")
    }
  }

  @Test func ranksAreComputed() throws {
    #expect(L.cooperateBot.rank == 0)
    #expect(L.fairBot.rank == 0)
    #expect(L.waitFairBot(7).rank == 0)
    #expect(L.prudentBot.rank == 1)
    #expect(L.justBot.rank == 1)
    let second = try ModalAgent(name: "Second", formula: .box(.them("JustBot")), references: [L.justBot])
    #expect(second.rank == 2)
    #expect(second.closure.map(\.name) == ["FairBot", "JustBot", "Second"])
    // Only the references the formula mentions are kept.
    let spare = try ModalAgent(name: "Spare", formula: .box(.them), references: [L.defectBot])
    #expect(spare.references.isEmpty && spare.rank == 0)
  }

  @Test func parsingAnAgentPointsAtTheOffendingColumn() {
    func error(_ text: String) -> ModalAgentParseError? {
      do { _ = try ModalAgent.parse(name: "X", text, resolve: AgentLibrary.agent(named:)); return nil } catch { return error }
    }
    #expect(
      error("[]them(me) & them(FairBot)")
        == ModalAgentParseError(
          column: 14,
          message: "them(FairBot) is not under a box: an agent must be fully modalized (every them(...) and me(them) inside □, ◇, [k] or ⟨k⟩)"))
    #expect(error("[]them(Nobody)")?.column == 8)
    #expect(error("[]them(X)")?.message == "them(X) refers to the agent itself: references must go to agents of lower rank")
    #expect(error("[]p")?.column == 3)
    #expect(error("[](them(me)")?.column == 12)
    #expect(error("[]them(me) & [1]~them(DefectBot)") == nil)
  }

  @Test func libraryLookupByName() {
    #expect(AgentLibrary.agent(named: "PrudentBot") === L.prudentBot)
    #expect(AgentLibrary.agent(named: "FairBot_3")?.formula == .box(.them, grade: 3))
    #expect(AgentLibrary.agent(named: "PrudentBot_0")?.formula == .and(.box(.them), .box(.not(.them("DefectBot")))))
    #expect(AgentLibrary.agent(named: "WaitFairBot_2")?.formula.description == "¬□□⊥ ∧ □(¬□□⊥ → them(me))")
    for bad in ["FairBot_", "FairBot_01", "FairBot_x", "FairBot_99999", "Fairbot", "WaitFairBot_-1"] {
      #expect(AgentLibrary.agent(named: bad) == nil, "\(bad)")
    }
    #expect(AgentLibrary.standard.count == 16)
    #expect(Set(AgentLibrary.standard.map(\.name)).count == 16)
  }

  /// Matchups stated in the texts (Robust Cooperation §3–§5, the post, LaVictoire 2015, the LessWrong comment).
  @Test(arguments: [
    ("FairBot", "FairBot", "C/C"), ("FairBot", "CooperateBot", "C/C"), ("FairBot", "DefectBot", "D/D"),
    ("PrudentBot", "PrudentBot", "C/C"), ("PrudentBot", "FairBot", "C/C"), ("PrudentBot", "CooperateBot", "D/C"),
    ("PrudentBot", "DefectBot", "D/D"), ("PrudentBot_0", "PrudentBot_0", "D/D"), ("PrudentBot_0", "FairBot", "D/D"),
    ("JustBot", "FairBot", "C/C"), ("TrollBot", "DefectBot", "D/D"), ("TrollBot", "CooperateBot", "C/C"),
    ("ContrarianBot", "ContrarianBot", "C/C"), ("RaifBot", "RaifBot", "D/D"), ("UnfairBot", "PrudentBot", "D/D"),
    ("UnfairBot", "ContrarianBot", "C/D"), ("MagicBot", "FairBot", "C/C"), ("WaitFairBot_3", "FairBot", "D/D"),
    ("WaitFairBot_3", "WaitFairBot_3", "C/C"), ("FairBot_2", "WaitFairBot_2", "C/C"), ("FairBot_1", "WaitFairBot_2", "D/D"),
  ])
  func matchupsFromTheTexts(first: String, second: String, outcome: String) throws {
    let m = try Competition(AgentLibrary.agent(named: first)!, AgentLibrary.agent(named: second)!).solve()
    #expect(m.outcome == outcome)
  }

  @Test func twoDifferentAgentsWithOneNameCannotMeet() {
    let impostor = try! ModalAgent(name: "FairBot", formula: .box(.not(.them)))
    #expect(throws: ModalDefinitionError.self) { try Competition(impostor, AgentLibrary.justBot) }
    #expect(throws: ModalDefinitionError.self) { try Competition(impostor, AgentLibrary.fairBot) }
  }

  @Test func traceTableShowsEveryWorld() throws {
    let m = try Competition(L.contrarianBot, L.contrarianBot).solve()
    #expect(
      m.traceTable() == """
        world  ContrarianBot(ContrarianBot)
        0      0
        1      1
        ℕ      C
        PA ⊢   -

        """)
  }
}
