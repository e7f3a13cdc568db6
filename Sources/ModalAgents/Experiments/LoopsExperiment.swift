import LabKit

/// The post's strategic time loops: agents facing themselves, simulation that never finishes,
/// unstable loops, and the crystal ball with preferences over outputs.
public struct StrategicLoopsExperiment: Experiment {
  public init() {}

  public let id = "ma.loops"
  public let title = "Strategic time loops: self-play, simulation, unstable loops and the crystal ball"
  public let sections = ["the post: Strategic Time Loops", "the post: Crystal Ball Design"]

  public static let contrarianClaim = Claim(
    id: "ma.contrarian-self", source: "the post, Strategic Time Loops", kind: .claim,
    statement: "ContrarianBot, facing itself, finds no proof that it cooperates (such a proof would make it defect), so it cooperates: \"ContrarianBot Cooperates with itself\" is true but unprovable.")
  public static let raifClaim = Claim(
    id: "ma.raifbot-self", source: "the post, Crystal Ball Design", kind: .claim,
    statement: "RaifBot, which defects only if it can prove its counterpart will defect, ends up defecting on itself.")
  public static let simulationClaim = Claim(
    id: "ma.simulation-loops", source: "the post, Strategic Time Loops", kind: .claim,
    statement: "An agent that tries to simulate its counterpart, and then condition its output on the other agent's simulated output, will loop forever when faced with another agent that does the same thing.")
  public static let unstableClaim = Claim(
    id: "ma.unstable-loop", source: "the post, Strategic Time Loops", kind: .claim,
    statement: "For an unstable loop like \"my output is 0 if and only if my output is 1\" there are no consistent assignments of values to variables; a crystal ball must give a wrong answer or an output uncorrelated with the truth, and ours reports an error instead.")
  public static let preferencesClaim = Claim(
    id: "ma.crystal-ball-preferences", source: "the post, Crystal Ball Design", kind: .claim,
    statement: "With the preference C before D, FairBot-style reasoning through the crystal ball finds the cooperative loop; RaifBot's reversed preference (D before C) leads it to defect against itself.")

  public var claims: [Claim] { [Self.contrarianClaim, Self.raifClaim, Self.simulationClaim, Self.unstableClaim, Self.preferencesClaim] }

  public var parameters: [Parameter] {
    [Parameter("largestBudget", "Largest simulation budget (program runs) given to the simulating agents; budgets 1, 10, 100, … up to it are tried.",
               domain: .integer(1...1_000_000_000), smoke: .integer(10_000), standard: .integer(100_000_000), paper: .integer(1_000_000_000))]
  }

  /// The crystal-ball agents of the post: C preferred (FairBot-style) and D preferred (RaifBot-style).
  static let cooperativeBall = CrystalBall.agent(name: "BallBot_CD", preferences: [.cooperate, .defect], fallback: .defect)
  static let defectiveBall = CrystalBall.agent(name: "BallBot_DC", preferences: [.defect, .cooperate], fallback: .cooperate)

  public func simulate(in context: RunContext) throws -> ExperimentResult {
    let L = AgentLibrary.self
    let selfPlay = try selfPlayTable()
    let (simulationTable, simulationResult) = simulations(largestBudget: context.parameters.integer("largestBudget"))
    let (ballTable, queries) = try crystalBallTable()
    let traces = try traceFigure()

    // ma.contrarian-self
    let contrarian = try Competition(L.contrarianBot, L.contrarianBot).solve()
    let contrarianAnswer = queries.first { $0.label == "ContrarianBot on ContrarianBot, CD" }!
    var contrarianRefusal = "answered"
    var refusedAsTrueButUnprovable = false
    if case .failure(.nothingProvable(let reasons)) = contrarianAnswer.result {
      contrarianRefusal = reasons.map { "\($0.output.name): \($0.reason)" }.joined(separator: "; ")
      if case .trueButUnprovable = reasons.first(where: { $0.output.name == "C" })?.reason { refusedAsTrueButUnprovable = true }
    }
    let contrarianHolds = contrarian.firstMove == .cooperate && !contrarian.solution.isProvable(0) && refusedAsTrueButUnprovable
    let contrarianResult = ClaimResult(Self.contrarianClaim, .checking(contrarianHolds), Evidence(
      summary: "ContrarianBot(ContrarianBot) ↔ ¬□ContrarianBot(ContrarianBot) has the trace \(contrarian.solution.traceText(0, worlds: 6)): false at world 0 (where every box holds), true from world 1 on. So it cooperates with itself in the standard model (the letterless fixed point is \(contrarian.solution.normalForm(0)), the consistency of PA), and the statement is not provable, since it fails at world 0. Asked with outputs (C, D), the crystal ball refuses: \(contrarianRefusal).",
      measurements: [.init("ContrarianBot(ContrarianBot)", contrarian.firstMove.letter), .init("provable in PA", contrarian.solution.isProvable(0)),
                     .init("trace", contrarian.solution.traceText(0, worlds: 6)), .init("fixed point", contrarian.solution.normalForm(0).description)],
      tolerance: "exact", sampleSize: 1))

    // ma.raifbot-self
    let raif = try Competition(L.raifBot, L.raifBot).solve()
    let raifResult = ClaimResult(Self.raifClaim, .checking(raif.firstMove == .defect), Evidence(
      summary: "RaifBot(RaifBot) ↔ ¬□¬RaifBot(RaifBot) has the trace \(raif.solution.traceText(0, worlds: 6)): at world 0 the box holds, so it defects, and every later world sees that. It defects against itself, provably (PA ⊢ [RaifBot(RaifBot) = D]: \(raif.solution.isRefutable(0))).",
      measurements: [.init("RaifBot(RaifBot)", raif.firstMove.letter), .init("PA ⊢ [RaifBot(RaifBot) = D]", raif.solution.isRefutable(0)),
                     .init("trace", raif.solution.traceText(0, worlds: 6))],
      tolerance: "exact", sampleSize: 1))

    // ma.simulation-loops
    let simulationHolds = simulationResult.mirrorExhaustedEveryBudget && simulationResult.controlsFinish
    let simulationEvidence = Evidence(
      summary: "MirrorBot runs its opponent against itself and copies the result. Against MirrorBot every run starts another run of the same pair, so with each of the budgets \(simulationResult.budgets.map(String.init).joined(separator: ", ")) the budget is used up (steps used = budget: \(simulationResult.mirrorExhaustedEveryBudget ? "yes" : "no")) and no move is ever returned. Controls with the same machinery finish: \(simulationResult.controls).",
      measurements: [.init("budgets tried", simulationResult.budgets.count), .init("largest budget", simulationResult.budgets.last!),
                     .init("MirrorBot vs MirrorBot exhausted every budget", simulationResult.mirrorExhaustedEveryBudget),
                     .init("controls finish", simulationResult.controlsFinish)],
      tolerance: "every budget exhausted with no move returned; every control finishes", sampleSize: simulationResult.budgets.count)

    // ma.unstable-loop
    let unstable = queries.first { $0.label == "p ↔ ¬p" }!
    var unstableRefused = false
    if case .failure(.undeterminedLoop(.noConsistentAssignment)) = unstable.result { unstableRefused = true }
    let unstableResult = ClaimResult(Self.unstableClaim, .checking(unstableRefused), Evidence(
      summary: "With p = \"my output is 1\", the loop \"my output is 0 iff my output is 1\" is p ↔ ¬p, which is not fully modalized: at world 0 neither value of p satisfies it. The crystal ball, asked for outputs (1, 0), \(unstable.text). For contrast, the modalized loop p ↔ ¬□p (ContrarianBot's) has a unique solution, true but unprovable, and p ↔ p has two consistent assignments (see the table).",
      measurements: [.init("crystal ball on p ↔ ¬p", unstable.text)],
      tolerance: "the ball reports that no consistent assignment exists", sampleSize: 1))

    // ma.crystal-ball-preferences
    let ballCD = try Competition(Self.cooperativeBall, Self.cooperativeBall).solve()
    let ballDC = try Competition(Self.defectiveBall, Self.defectiveBall).solve()
    let answerCD = queries.first { $0.label == "BallBot_CD on BallBot_CD, CD" }!
    let answerDC = queries.first { $0.label == "BallBot_DC on BallBot_DC, DC" }!
    var differences: [String] = []
    for y in L.standard {
      for (ball, original) in [(Self.cooperativeBall, L.fairBot), (Self.defectiveBall, L.raifBot)] {
        let a = try Competition(ball, y).solve()
        let b = try Competition(original, y).solve()
        if a.firstMove != b.firstMove || a.secondMove != b.secondMove { differences.append("\(ball.name) vs \(y.name)") }
      }
    }
    let preferencesHold = ballCD.firstMove == .cooperate && answerCD.answer == "C" && ballDC.firstMove == .defect && answerDC.answer == "D"
      && differences.isEmpty
    let preferencesResult = ClaimResult(Self.preferencesClaim, .checking(preferencesHold), Evidence(
      summary: "BallBot_CD asks the crystal ball for its opponent's move with C preferred to D and plays the answer (D when nothing is provable); its formula \(Self.cooperativeBall.formula) is FairBot's. Against itself it plays \(ballCD.outcome), and the ball, asked about the pair, \(answerCD.text). BallBot_DC prefers D, falls back on C, and its formula \(Self.defectiveBall.formula) is equivalent to RaifBot's: against itself it plays \(ballDC.outcome), and the ball answers \(answerDC.answer ?? "nothing"). Against the \(L.standard.count) library agents the two ball agents make the same moves as FairBot and RaifBot (differences: \(differences.count)).",
      measurements: [.init("BallBot_CD vs itself", ballCD.outcome), .init("crystal ball answer for BallBot_CD, (C, D)", answerCD.answer ?? "none"),
                     .init("BallBot_DC vs itself", ballDC.outcome), .init("crystal ball answer for BallBot_DC, (D, C)", answerDC.answer ?? "none"),
                     .init("library matchups differing from FairBot / RaifBot", differences.count)],
      tolerance: "exact", sampleSize: 2 + 2 * L.standard.count,
      counterexample: differences.isEmpty ? nil : differences.joined(separator: ", ")))

    return ExperimentResult(
      tables: [selfPlay, ballTable, simulationTable],
      figures: [traces],
      claims: [contrarianResult, raifResult, ClaimResult(Self.simulationClaim, .checking(simulationHolds), simulationEvidence), unstableResult, preferencesResult])
  }

  // MARK: - Self-play

  func selfPlayTable() throws -> Table {
    let L = AgentLibrary.self
    let rows: [(ModalAgent, String)] = [
      (L.fairBot, "cooperates (the post; Thm 3.1)"), (L.contrarianBot, "cooperates, true but unprovable (the post)"),
      (L.raifBot, "defects (the post)"), (L.unfairBot, "–"), (L.prudentBot, "cooperates (Thm 3.2)"), (L.magicBot, "–"),
      (Self.cooperativeBall, "cooperative loop (the post)"), (Self.defectiveBall, "defects (the post, as RaifBot)"),
    ]
    var table = Table(id: "ma.loops.self-play", title: "Agents facing themselves: X(X) ↔ φ_X, solved on the chain",
                      columns: ["agent", "formula", "against itself", "provable in PA", "trace, worlds 0–5", "letterless fixed point", "the texts"])
    for (agent, text) in rows {
      let m = try Competition(agent, agent).solve()
      let provable = m.solution.isProvable(0) ? "yes" : m.solution.isRefutable(0) ? "its negation" : "neither"
      table.append([.text(agent.name), .text(agent.formula.description), .text(m.firstMove.letter), .text(provable),
                    .text(m.solution.traceText(0, worlds: 6)), .text(m.solution.normalForm(0).description), .text(text)])
    }
    return table
  }

  // MARK: - Simulation

  struct SimulationSummary {
    let budgets: [Int]
    let mirrorExhaustedEveryBudget: Bool
    let controlsFinish: Bool
    let controls: String
  }

  func simulations(largestBudget: Int) -> (Table, SimulationSummary) {
    var budgets: [Int] = []
    var b = 1
    while b < largestBudget {
      budgets.append(b)
      b *= 10
    }
    budgets.append(largestBudget)
    var table = Table(id: "ma.loops.simulation", title: "Simulating agents with a budget of program runs",
                      columns: ["pair", "budget", "outcome", "program runs used"])
    var exhausted = true
    for budget in budgets {
      let outcome = SimulationAgent.mirrorBot.play(against: .mirrorBot, budget: budget)
      if outcome != .budgetExhausted(steps: budget) { exhausted = false }
      table.append(Self.row("MirrorBot vs MirrorBot", budget, outcome))
    }
    let controls: [(SimulationAgent, SimulationAgent, Move)] = [
      (.mirrorBot, .cooperateBot, .cooperate), (.mirrorBot, .defectBot, .defect), (.mirrorBot, .titForTatBot, .cooperate),
      (.titForTatBot, .titForTatBot, .cooperate), (.titForTatBot, .defectBot, .defect),
    ]
    var finish = true
    var texts: [String] = []
    for (x, y, expected) in controls {
      let outcome = x.play(against: y, budget: largestBudget)
      if case .finished(let move, let steps) = outcome {
        finish = finish && move == expected
        texts.append("\(x) vs \(y) \(move.letter) after \(steps) runs")
      } else {
        finish = false
        texts.append("\(x) vs \(y) exhausted")
      }
      table.append(Self.row("\(x) vs \(y)", largestBudget, outcome))
    }
    return (table, SimulationSummary(budgets: budgets, mirrorExhaustedEveryBudget: exhausted, controlsFinish: finish,
                                     controls: texts.joined(separator: ", ")))
  }

  static func row(_ pair: String, _ budget: Int, _ outcome: SimulationAgent.Outcome) -> [Table.Cell] {
    switch outcome {
    case .finished(let move, let steps): return [.text(pair), .integer(budget), .text("returns \(move.letter)"), .integer(steps)]
    case .budgetExhausted(let steps): return [.text(pair), .integer(budget), .text("budget exhausted, no move"), .integer(steps)]
    }
  }

  // MARK: - Crystal ball

  struct Query {
    let label: String
    let result: Result<CrystalBall.Answer, CrystalBall.Refusal>
    var answer: String? { if case .success(let a) = result { return a.output.name }; return nil }
    var text: String {
      switch result {
      case .success(let a): return "answers \(a.output.name): \(a.certificateText)"
      case .failure(let refusal): return "refuses: \(refusal)"
      }
    }
  }

  func crystalBallTable() throws -> (Table, [Query]) {
    let L = AgentLibrary.self
    let C = Move.cooperate
    let D = Move.defect
    let agentQueries: [(ModalAgent, ModalAgent, [Move])] = [
      (L.fairBot, L.fairBot, [C, D]), (L.fairBot, L.fairBot, [D, C]), (L.raifBot, L.raifBot, [C, D]), (L.raifBot, L.raifBot, [D, C]),
      (L.contrarianBot, L.contrarianBot, [C, D]), (Self.cooperativeBall, Self.cooperativeBall, [C, D]),
      (Self.defectiveBall, Self.defectiveBall, [D, C]), (L.fairBot, L.defectBot, [C, D]), (L.prudentBot, L.cooperateBot, [C, D]),
    ]
    var queries: [Query] = []
    var table = Table(id: "ma.loops.crystal-ball", title: "The crystal ball: the most desirable output whose statement PA proves, or why there is none",
                      columns: ["program", "input", "outputs, most desirable first", "answer", "certificate or reason"])
    func record(_ label: String, program: String, input: String, outputs: String, _ result: Result<CrystalBall.Answer, CrystalBall.Refusal>) {
      let query = Query(label: label, result: result)
      queries.append(query)
      switch result {
      case .success(let answer):
        table.append([.text(program), .text(input), .text(outputs), .text(answer.output.name),
                      .text("\(answer.statement): holds at every world (trace \(answer.certificate.traceText(answer.variable, worlds: 6)))")])
      case .failure(let refusal):
        table.append([.text(program), .text(input), .text(outputs), .text("none"), .text("\(refusal)")])
      }
    }
    for (program, input, outputs) in agentQueries {
      let result: Result<CrystalBall.Answer, CrystalBall.Refusal>
      do { result = .success(try CrystalBall.ask(program: program, input: input, outputs: outputs)) } catch { result = .failure(error) }
      record("\(program.name) on \(input.name), \(outputs.map(\.letter).joined())",
             program: program.name, input: input.name, outputs: outputs.map(\.letter).joined(separator: ", "), result)
    }
    let bits = [CrystalBall.Output(name: "1", variableValue: true), CrystalBall.Output(name: "0", variableValue: false)]
    let systems: [(String, ModalFormula)] = [
      ("p ↔ ¬p", .not(.variable("p"))), ("p ↔ ¬□p", .not(.box(.variable("p")))), ("p ↔ p", .variable("p")), ("p ↔ □p", .box(.variable("p"))),
    ]
    for (label, formula) in systems {
      let system = try ModalSystem([("p", formula)])
      let result: Result<CrystalBall.Answer, CrystalBall.Refusal>
      do { result = .success(try CrystalBall.ask(system: system, variable: "p", outputs: bits)) } catch { result = .failure(error) }
      record(label, program: label + " (p: \"my output is 1\")", input: "–", outputs: "1, 0", result)
    }
    return (table, queries)
  }

  // MARK: - Figure

  func traceFigure() throws -> Figure {
    let L = AgentLibrary.self
    let pairs: [(ModalAgent, ModalAgent)] = [
      (L.fairBot, L.fairBot), (L.contrarianBot, L.contrarianBot), (L.raifBot, L.raifBot), (L.unfairBot, L.unfairBot),
      (L.fairBot, L.defectBot), (L.prudentBot, L.defectBot), (L.prudentBot, L.cooperateBot), (L.prudentBot(0), L.prudentBot(0)),
      (L.waitFairBot(3), L.waitFairBot(3)), (L.waitFairBot(3), L.fairBot),
    ]
    let worlds = 8
    var names: [String] = []
    var values: [[Double]] = []
    for (x, y) in pairs {
      let m = try Competition(x, y).solve()
      names.append("\(x.name)(\(y.name))")
      values.append((0..<worlds).map { m.solution.value(m.firstVariable, atWorld: $0) ? 1 : 0 })
    }
    var map = Heatmap(title: "Traces: the value of [X(Y) = C] at the worlds of GL's linear Kripke chain (1 = cooperates)",
                      rows: names, columns: (0..<worlds).map(String.init), values: values, xLabel: "world n (sees exactly the worlds m < n)",
                      cellLabelDigits: 0, width: 720, height: 440)
    map.colourScale = moveColours
    map.valueRange = 0...1
    map.colourBarLabel = "value (1 = C, 0 = D)"
    return Figure(id: "ma.traces", title: "Traces of selected matchups on the linear Kripke chain", svg: map.svg())
  }
}
