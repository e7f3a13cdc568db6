import Testing

@testable import ModalAgents

@Suite struct CrystalBallTests {
  let L = AgentLibrary.self

  @Test func answersTheMostDesirableProvableOutput() throws {
    let fair = try CrystalBall.ask(program: L.fairBot, input: L.fairBot, outputs: [.defect, .cooperate])
    #expect(fair.output.name == "C")
    #expect(fair.statement == "FairBot(FairBot) = C")
    #expect(fair.certificate.isProvable(fair.variable))
    #expect(fair.certificateText.contains("holds at world 0 of the chain (trace 111111…)"))
    let raif = try CrystalBall.ask(program: L.raifBot, input: L.raifBot, outputs: [.cooperate, .defect])
    #expect(raif.output.name == "D")
    // PB(CB) = D is proved in PA + 2 but not in PA: the ball, which asks PA, refuses.
    do {
      _ = try CrystalBall.ask(program: L.prudentBot, input: L.cooperateBot, outputs: [.cooperate, .defect])
      Issue.record("answered")
    } catch {
      guard case .nothingProvable(let reasons) = error else { Issue.record("\(error)"); return }
      #expect(reasons[1].reason == .trueButUnprovable(failsAt: 0, holdsFrom: 2, trace: "001111…"))
    }
  }

  @Test func refusesTrueButUnprovableStatements() {
    do {
      _ = try CrystalBall.ask(program: L.contrarianBot, input: L.contrarianBot, outputs: [.cooperate, .defect])
      Issue.record("answered")
    } catch {
      guard case .nothingProvable(let reasons) = error else { Issue.record("\(error)"); return }
      #expect(reasons.map(\.output.name) == ["C", "D"])
      #expect(reasons[0].reason == .trueButUnprovable(failsAt: 0, holdsFrom: 1, trace: "011111…"))
      #expect(reasons[1].reason == .falseInStandardModel(failsFrom: 1, trace: "100000…"))
      #expect(
        error.description
          == "no permissible output is provable: C: true in the standard model but not provable (it fails at world 0 and holds from world 1 on; trace 011111…); D: false in the standard model (it fails from world 1 on; trace 100000…)"
      )
    }
    #expect(throws: CrystalBall.Refusal.self) { try CrystalBall.ask(program: L.fairBot, input: L.fairBot, outputs: []) }
  }

  @Test func unstableAndUnderdeterminedLoops() throws {
    let bits = [CrystalBall.Output(name: "1", variableValue: true), CrystalBall.Output(name: "0", variableValue: false)]
    let p = ModalFormula.variable("p")
    do {
      _ = try CrystalBall.ask(system: try ModalSystem([("p", .not(p))]), variable: "p", outputs: bits)
      Issue.record("answered p ↔ ¬p")
    } catch {
      guard let refusal = error as? CrystalBall.Refusal, case .undeterminedLoop(let inner) = refusal else { Issue.record("\(error)"); return }
      #expect(inner == .noConsistentAssignment(world: 0))
    }
    do {
      _ = try CrystalBall.ask(system: try ModalSystem([("p", p)]), variable: "p", outputs: bits)
      Issue.record("answered p ↔ p")
    } catch {
      guard let refusal = error as? CrystalBall.Refusal, case .undeterminedLoop(let inner) = refusal else { Issue.record("\(error)"); return }
      #expect(inner == .severalConsistentAssignments(world: 0, count: 2))
    }
    // Löb: p ↔ □p has the unique solution ⊤, provably.
    let loeb = try CrystalBall.ask(system: try ModalSystem([("p", .box(p))]), variable: "p", outputs: bits.reversed())
    #expect(loeb.output.name == "1")
  }

  @Test func crystalBallAgentsAreFairBotAndRaifBot() throws {
    let cooperative = CrystalBall.agent(name: "CD", preferences: [.cooperate, .defect], fallback: .defect)
    let defective = CrystalBall.agent(name: "DC", preferences: [.defect, .cooperate], fallback: .cooperate)
    #expect(cooperative.formula == L.fairBot.formula)
    #expect(defective.formula.description == "□them(me) ∧ ¬□¬them(me) ∨ ¬□¬them(me) ∧ ¬□them(me)")
    for y in L.standard {
      #expect(try Competition(defective, y).solve().outcome == Competition(L.raifBot, y).solve().outcome, "\(y.name)")
    }
    #expect(try Competition(cooperative, cooperative).solve().outcome == "C/C")
    #expect(try Competition(defective, defective).solve().outcome == "D/D")
  }

  @Test func simulatingAgentsLoopOnlyAgainstEachOther() {
    for budget in [1, 7, 1000, 123_456] {
      #expect(SimulationAgent.mirrorBot.play(against: .mirrorBot, budget: budget) == .budgetExhausted(steps: budget))
    }
    #expect(SimulationAgent.mirrorBot.play(against: .cooperateBot, budget: 10) == .finished(.cooperate, steps: 2))
    #expect(SimulationAgent.mirrorBot.play(against: .defectBot, budget: 10) == .finished(.defect, steps: 2))
    #expect(SimulationAgent.mirrorBot.play(against: .titForTatBot, budget: 10) == .finished(.cooperate, steps: 4))
    #expect(SimulationAgent.titForTatBot.play(against: .titForTatBot, budget: 10) == .finished(.cooperate, steps: 3))
    #expect(SimulationAgent.mirrorBot.play(against: .titForTatBot, budget: 3) == .budgetExhausted(steps: 3))
    #expect(SimulationAgent.cooperateBot.play(against: .mirrorBot, budget: 0) == .budgetExhausted(steps: 0))
  }
}
