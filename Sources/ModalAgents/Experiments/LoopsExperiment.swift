import LabKit

/// The post's strategic time loops: agents facing themselves, simulation that never finishes,
/// unstable loops, and the crystal ball with preferences over outputs.
struct LoopsExperiment: Experiment {
  init() {}

  let id = "ma.loops"
  let title = "Strategic time loops: self-play, simulation, unstable loops and the crystal ball"
  let sections = ["the post: Strategic Time Loops", "the post: Crystal Ball Design"]

  static let exact =
    "the agent's formula has a unique fixed point on GL's linear Kripke chain (de Jongh–Sambin), which the evaluator computes exactly"

  static let contrarianClaim = Claim(
    id: "ma.contrarian-self", source: "the post, Strategic Time Loops", kind: .claim,
    statement:
      "ContrarianBot, facing itself, finds no proof that it cooperates (such a proof would make it defect), so it cooperates: \"ContrarianBot Cooperates with itself\" is true but unprovable.",
    class: .consistency(because: exact + ": p ↔ ¬□p is solved by ¬□⊥ (Gödel's second incompleteness theorem), true but unprovable"),
    control: Control("FairBot in ContrarianBot's place (its negation removed, p ↔ □p): the same check must find the cooperation provable and fail"))
  static let raifClaim = Claim(
    id: "ma.raifbot-self", source: "the post, Crystal Ball Design", kind: .claim,
    statement: "RaifBot, which defects only if it can prove its counterpart will defect, ends up defecting on itself.",
    class: .consistency(because: exact + ": p ↔ ¬□¬p is solved by ⊥ (Löb's theorem applied to ¬p)"),
    control: Control("RaifBot with its inner negation removed (ContrarianBot, p ↔ ¬□p): the same check must fail"))
  static let simulationClaim = Claim(
    id: "ma.simulation-loops", source: "the post, Strategic Time Loops", kind: .claim,
    statement:
      "An agent that tries to simulate its counterpart, and then condition its output on the other agent's simulated output, will loop forever when faced with another agent that does the same thing.",
    class: .consistency(
      because:
        "MirrorBot against MirrorBot runs MirrorBot against MirrorBot: the chain of nested runs is a cycle by construction, so no budget suffices"),
    control: Control(
      "MirrorBot against TitForTatBot (the counterpart simulates, but against CooperateBot, not the same thing): the same check must fail"))
  static let unstableClaim = Claim(
    id: "ma.unstable-loop", source: "the post, Strategic Time Loops", kind: .claim,
    statement:
      "For an unstable loop like \"my output is 0 if and only if my output is 1\" there are no consistent assignments of values to variables; a crystal ball must give a wrong answer or an output uncorrelated with the truth, and ours reports an error instead.",
    class: .consistency(because: "p ↔ ¬p has no solution at any world, by propositional logic; the crystal ball checks every world"),
    control: Control("the modalized loop p ↔ ¬□p in place of p ↔ ¬p (it has a solution): the same check must fail"))
  static let preferencesClaim = Claim(
    id: "ma.crystal-ball-preferences", source: "the post, Crystal Ball Design", kind: .claim,
    statement:
      "With the preference C before D, FairBot-style reasoning through the crystal ball finds the cooperative loop; RaifBot's reversed preference (D before C) leads it to defect against itself.",
    class: .consistency(
      because:
        "the ball agent with preferences (C, D) and fallback D has FairBot's formula, the one with (D, C) and fallback C RaifBot's, so the check restates Löb's theorem"
    ),
    control: Control("the two preference orders swapped between the agents: the same check must fail"))

  var claims: [Claim] { [Self.contrarianClaim, Self.raifClaim, Self.simulationClaim, Self.unstableClaim, Self.preferencesClaim] }

  static let largestBudget = ParameterKey<Int>("largestBudget")

  var parameters: [Parameter] {
    [
      Parameter(
        Self.largestBudget, "Largest simulation budget (program runs) given to the simulating agents; budgets 1, 10, 100, … up to it are tried.",
        domain: .integer(1...1_000_000_000), smoke: 10_000, standard: 100_000_000, paper: 1_000_000_000)
    ]
  }

  /// The crystal-ball agents of the post: C preferred (FairBot-style) and D preferred (RaifBot-style).
  static let cooperativeBall = CrystalBall.agent(name: "BallBot_CD", preferences: [.cooperate, .defect], fallback: .defect)
  static let defectiveBall = CrystalBall.agent(name: "BallBot_DC", preferences: [.defect, .cooperate], fallback: .cooperate)

  /// ma.contrarian-self on one agent facing itself: cooperates, not provably, and the ball refuses (C true but unprovable).
  struct SelfPlayCheck: Sendable {
    let agent: String
    let move: Move
    let provable: Bool
    let refusal: String
    let refusedAsTrueButUnprovable: Bool
    let trace: String
    let normalForm: String
    var holds: Bool { move == .cooperate && !provable && refusedAsTrueButUnprovable }
  }

  /// ma.crystal-ball-preferences for a pair of ball agents.
  struct PreferenceCheck: Sendable {
    let cooperative: Matchup
    let defective: Matchup
    let answerCD: Query
    let answerDC: Query
    let differences: [String]
    var holds: Bool {
      cooperative.firstMove == .cooperate && answerCD.answer == "C" && defective.firstMove == .defect && answerDC.answer == "D" && differences.isEmpty
    }
  }

  struct Outcome: Sendable {
    let selfPlay: Table
    let simulationTable: Table
    let ballTable: Table
    let traces: Figure
    let simulation: SimulationSummary
    /// The simulation check on MirrorBot against TitForTatBot (control).
    let simulationControl: SimulationSummary
    let contrarian: SelfPlayCheck
    let contrarianControl: SelfPlayCheck
    let raif: Matchup
    let raifControl: Matchup
    let unstable: Query
    let unstableControl: Query
    let preferences: PreferenceCheck
    let preferencesControl: PreferenceCheck
  }

  func simulate(in context: RunContext) throws -> Outcome {
    let L = AgentLibrary.self
    let largest = context.parameters[Self.largestBudget]
    let (simulationTable, simulation) = simulations(largestBudget: largest)
    let (_, simulationControl) = simulations(largestBudget: largest, pair: (.mirrorBot, .titForTatBot))
    let (ballTable, queries) = try crystalBallTable()
    let unstable = queries.first { $0.label == "p ↔ ¬p" }!
    let unstableControl = queries.first { $0.label == "p ↔ ¬□p" }!
    return Outcome(
      selfPlay: try selfPlayTable(), simulationTable: simulationTable, ballTable: ballTable, traces: try traceFigure(),
      simulation: simulation, simulationControl: simulationControl,
      contrarian: try Self.selfPlayCheck(L.contrarianBot), contrarianControl: try Self.selfPlayCheck(L.fairBot),
      raif: try Competition(L.raifBot, L.raifBot).solve(), raifControl: try Competition(L.contrarianBot, L.contrarianBot).solve(),
      unstable: unstable, unstableControl: unstableControl,
      preferences: try Self.preferenceCheck(Self.cooperativeBall, Self.defectiveBall),
      preferencesControl: try Self.preferenceCheck(Self.defectiveBall, Self.cooperativeBall))
  }

  static func ask(_ program: ModalAgent, _ input: ModalAgent, _ outputs: [Move]) -> Query {
    let result: Result<CrystalBall.Answer, CrystalBall.Refusal>
    do { result = .success(try CrystalBall.ask(program: program, input: input, outputs: outputs)) } catch { result = .failure(error) }
    return Query(label: "\(program.name) on \(input.name), \(outputs.map(\.letter).joined())", result: result)
  }

  static func selfPlayCheck(_ agent: ModalAgent) throws -> SelfPlayCheck {
    let m = try Competition(agent, agent).solve()
    let answer = ask(agent, agent, [.cooperate, .defect])
    var refusal = "answered"
    var trueButUnprovable = false
    if case .failure(.nothingProvable(let reasons)) = answer.result {
      refusal = reasons.map { "\($0.output.name): \($0.reason)" }.joined(separator: "; ")
      if case .trueButUnprovable = reasons.first(where: { $0.output.name == "C" })?.reason { trueButUnprovable = true }
    }
    return SelfPlayCheck(
      agent: agent.name, move: m.firstMove, provable: m.solution.isProvable(0), refusal: refusal,
      refusedAsTrueButUnprovable: trueButUnprovable, trace: m.solution.traceText(0, worlds: 6),
      normalForm: m.solution.normalForm(0).description)
  }

  /// `cooperative` should find the cooperative loop and act as FairBot; `defective` should defect against itself and act as RaifBot.
  static func preferenceCheck(_ cooperative: ModalAgent, _ defective: ModalAgent) throws -> PreferenceCheck {
    let L = AgentLibrary.self
    var differences: [String] = []
    for y in L.standard {
      for (ball, original) in [(cooperative, L.fairBot), (defective, L.raifBot)] {
        let a = try Competition(ball, y).solve()
        let b = try Competition(original, y).solve()
        if a.firstMove != b.firstMove || a.secondMove != b.secondMove { differences.append("\(ball.name) vs \(y.name)") }
      }
    }
    return PreferenceCheck(
      cooperative: try Competition(cooperative, cooperative).solve(), defective: try Competition(defective, defective).solve(),
      answerCD: ask(cooperative, cooperative, [.cooperate, .defect]), answerDC: ask(defective, defective, [.defect, .cooperate]),
      differences: differences)
  }

  func judge(_ outcomes: Outcomes<Outcome>, in context: RunContext) throws -> ExperimentResult {
    let o = outcomes.base
    return ExperimentResult(
      tables: [o.selfPlay, o.ballTable, o.simulationTable], figures: [o.traces],
      claims: [contrarianResult(o), raifResult(o), simulationResult(o), unstableResult(o), preferencesResult(o)])
  }

  func contrarianResult(_ o: Outcome) -> ClaimResult {
    let c = o.contrarian
    let evidence = Evidence(
      summary:
        "ContrarianBot(ContrarianBot) ↔ ¬□ContrarianBot(ContrarianBot) has the trace \(c.trace): false at world 0 (where every box holds), true from world 1 on. So it cooperates with itself in the standard model (the letterless fixed point is \(c.normalForm), the consistency of PA), and the statement is not provable, since it fails at world 0. Asked with outputs (C, D), the crystal ball refuses: \(c.refusal). Control, FairBot facing itself: plays \(o.contrarianControl.move.letter), provably: \(o.contrarianControl.provable).",
      measurements: [
        .init("ContrarianBot(ContrarianBot)", c.move.letter), .init("provable in PA", c.provable),
        .init("trace", c.trace), .init("fixed point", c.normalForm),
      ],
      tolerance: "exact", sampleSize: 1)
    return ClaimResult(
      Self.contrarianClaim, map: .single(.checking(c.holds), n: 1),
      control: ControlResult(Self.contrarianClaim.control!, verdict: .checking(o.contrarianControl.holds)), evidence: evidence)
  }

  func raifResult(_ o: Outcome) -> ClaimResult {
    let raif = o.raif
    let evidence = Evidence(
      summary:
        "RaifBot(RaifBot) ↔ ¬□¬RaifBot(RaifBot) has the trace \(raif.solution.traceText(0, worlds: 6)): at world 0 the box holds, so it defects, and every later world sees that. It defects against itself, provably (PA ⊢ [RaifBot(RaifBot) = D]: \(raif.solution.isRefutable(0))). Control, ContrarianBot facing itself: \(o.raifControl.firstMove.letter).",
      measurements: [
        .init("RaifBot(RaifBot)", raif.firstMove.letter), .init("PA ⊢ [RaifBot(RaifBot) = D]", raif.solution.isRefutable(0)),
        .init("trace", raif.solution.traceText(0, worlds: 6)),
      ],
      tolerance: "exact", sampleSize: 1)
    return ClaimResult(
      Self.raifClaim, map: .single(.checking(raif.firstMove == .defect), n: 1),
      control: ControlResult(Self.raifClaim.control!, verdict: .checking(o.raifControl.firstMove == .defect)), evidence: evidence)
  }

  func simulationResult(_ o: Outcome) -> ClaimResult {
    let s = o.simulation
    let evidence = Evidence(
      summary:
        "MirrorBot runs its opponent against itself and copies the result. Against MirrorBot every run starts another run of the same pair, so with each of the budgets \(s.budgets.map(String.init).joined(separator: ", ")) the budget is used up (steps used = budget: \(s.exhaustedEveryBudget ? "yes" : "no")) and no move is ever returned. Pairs that do not both simulate each other finish with the same machinery: \(s.controls).",
      measurements: [
        .init("budgets tried", s.budgets.count), .init("largest budget", s.budgets.last!),
        .init("MirrorBot vs MirrorBot exhausted every budget", s.exhaustedEveryBudget),
        .init("other pairs finish", s.controlsFinish),
      ],
      tolerance: "every budget exhausted with no move returned", sampleSize: s.budgets.count)
    return ClaimResult(
      Self.simulationClaim, map: .single(.checking(s.exhaustedEveryBudget && s.controlsFinish), n: s.budgets.count),
      control: ControlResult(Self.simulationClaim.control!, verdict: .checking(o.simulationControl.exhaustedEveryBudget)), evidence: evidence)
  }

  static func refusesAsInconsistent(_ query: Query) -> Bool {
    if case .failure(.undeterminedLoop(.noConsistentAssignment)) = query.result { return true }
    return false
  }

  func unstableResult(_ o: Outcome) -> ClaimResult {
    let evidence = Evidence(
      summary:
        "With p = \"my output is 1\", the loop \"my output is 0 iff my output is 1\" is p ↔ ¬p, which is not fully modalized: at world 0 neither value of p satisfies it. The crystal ball, asked for outputs (1, 0), \(o.unstable.text). For contrast (the control), the modalized loop p ↔ ¬□p (ContrarianBot's) has a unique solution, true but unprovable: the ball \(o.unstableControl.text).",
      measurements: [.init("crystal ball on p ↔ ¬p", o.unstable.text)],
      tolerance: "the ball reports that no consistent assignment exists", sampleSize: 1)
    return ClaimResult(
      Self.unstableClaim, map: .single(.checking(Self.refusesAsInconsistent(o.unstable)), n: 1),
      control: ControlResult(Self.unstableClaim.control!, verdict: .checking(Self.refusesAsInconsistent(o.unstableControl))), evidence: evidence)
  }

  func preferencesResult(_ o: Outcome) -> ClaimResult {
    let p = o.preferences
    let L = AgentLibrary.self
    let evidence = Evidence(
      summary:
        "BallBot_CD asks the crystal ball for its opponent's move with C preferred to D and plays the answer (D when nothing is provable); its formula \(Self.cooperativeBall.formula) is FairBot's. Against itself it plays \(p.cooperative.outcome), and the ball, asked about the pair, \(p.answerCD.text). BallBot_DC prefers D, falls back on C, and its formula \(Self.defectiveBall.formula) is equivalent to RaifBot's: against itself it plays \(p.defective.outcome), and the ball answers \(p.answerDC.answer ?? "nothing"). Against the \(L.standard.count) library agents the two ball agents make the same moves as FairBot and RaifBot (differences: \(p.differences.count)). Control, preferences swapped: \(o.preferencesControl.holds ? "the check still passes" : "the check fails").",
      measurements: [
        .init("BallBot_CD vs itself", p.cooperative.outcome), .init("crystal ball answer for BallBot_CD, (C, D)", p.answerCD.answer ?? "none"),
        .init("BallBot_DC vs itself", p.defective.outcome), .init("crystal ball answer for BallBot_DC, (D, C)", p.answerDC.answer ?? "none"),
        .init("library matchups differing from FairBot / RaifBot", p.differences.count),
      ],
      tolerance: "exact", sampleSize: 2 + 2 * L.standard.count,
      counterexample: p.differences.isEmpty ? nil : p.differences.joined(separator: ", "))
    return ClaimResult(
      Self.preferencesClaim, map: .single(.checking(p.holds), n: 2 + 2 * L.standard.count),
      control: ControlResult(Self.preferencesClaim.control!, verdict: .checking(o.preferencesControl.holds)), evidence: evidence)
  }

  // MARK: - Self-play

  func selfPlayTable() throws -> Table {
    let L = AgentLibrary.self
    let rows: [(ModalAgent, String)] = [
      (L.fairBot, "cooperates (the post; Thm 3.1)"), (L.contrarianBot, "cooperates, true but unprovable (the post)"),
      (L.raifBot, "defects (the post)"), (L.unfairBot, "–"), (L.prudentBot, "cooperates (Thm 3.2)"), (L.magicBot, "–"),
      (Self.cooperativeBall, "cooperative loop (the post)"), (Self.defectiveBall, "defects (the post, as RaifBot)"),
    ]
    var table = Table(
      id: "ma.loops.self-play", title: "Agents facing themselves: X(X) ↔ φ_X, solved on the chain",
      columns: ["agent", "formula", "against itself", "provable in PA", "trace, worlds 0–5", "letterless fixed point", "the texts"])
    for (agent, text) in rows {
      let m = try Competition(agent, agent).solve()
      let provable = m.solution.isProvable(0) ? "yes" : m.solution.isRefutable(0) ? "its negation" : "neither"
      table.append([
        .text(agent.name), .text(agent.formula.description), .text(m.firstMove.letter), .text(provable),
        .text(m.solution.traceText(0, worlds: 6)), .text(m.solution.normalForm(0).description), .text(text),
      ])
    }
    return table
  }

  // MARK: - Simulation

  struct SimulationSummary: Sendable {
    let budgets: [Int]
    let exhaustedEveryBudget: Bool
    let controlsFinish: Bool
    let controls: String
  }

  /// The simulating pair (MirrorBot against MirrorBot unless another `pair` is given) at budgets 1, 10, …, and pairs that must finish.
  func simulations(largestBudget: Int, pair: (SimulationAgent, SimulationAgent) = (.mirrorBot, .mirrorBot)) -> (Table, SimulationSummary) {
    var budgets: [Int] = []
    var b = 1
    while b < largestBudget {
      budgets.append(b)
      b *= 10
    }
    budgets.append(largestBudget)
    var table = Table(
      id: "ma.loops.simulation", title: "Simulating agents with a budget of program runs",
      columns: ["pair", "budget", "outcome", "program runs used"])
    var exhausted = true
    for budget in budgets {
      let outcome = pair.0.play(against: pair.1, budget: budget)
      if outcome != .budgetExhausted(steps: budget) { exhausted = false }
      table.append(Self.row("\(pair.0) vs \(pair.1)", budget, outcome))
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
    return (
      table,
      SimulationSummary(
        budgets: budgets, exhaustedEveryBudget: exhausted, controlsFinish: finish,
        controls: texts.joined(separator: ", "))
    )
  }

  static func row(_ pair: String, _ budget: Int, _ outcome: SimulationAgent.Outcome) -> [Table.Cell] {
    switch outcome {
    case .finished(let move, let steps): return [.text(pair), .integer(budget), .text("returns \(move.letter)"), .integer(steps)]
    case .budgetExhausted(let steps): return [.text(pair), .integer(budget), .text("budget exhausted, no move"), .integer(steps)]
    }
  }

  // MARK: - Crystal ball

  struct Query: Sendable {
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
    var table = Table(
      id: "ma.loops.crystal-ball", title: "The crystal ball: the most desirable output whose statement PA proves, or why there is none",
      columns: ["program", "input", "outputs, most desirable first", "answer", "certificate or reason"])
    func record(_ label: String, program: String, input: String, outputs: String, _ result: Result<CrystalBall.Answer, CrystalBall.Refusal>) {
      let query = Query(label: label, result: result)
      queries.append(query)
      switch result {
      case .success(let answer):
        table.append([
          .text(program), .text(input), .text(outputs), .text(answer.output.name),
          .text("\(answer.statement): holds at every world (trace \(answer.certificate.traceText(answer.variable, worlds: 6)))"),
        ])
      case .failure(let refusal):
        table.append([.text(program), .text(input), .text(outputs), .text("none"), .text("\(refusal)")])
      }
    }
    for (program, input, outputs) in agentQueries {
      let result: Result<CrystalBall.Answer, CrystalBall.Refusal>
      do { result = .success(try CrystalBall.ask(program: program, input: input, outputs: outputs)) } catch { result = .failure(error) }
      record(
        "\(program.name) on \(input.name), \(outputs.map(\.letter).joined())",
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
    var map = Heatmap(
      title: "Traces: the value of [X(Y) = C] at the worlds of GL's linear Kripke chain",
      rows: names, columns: (0..<worlds).map(String.init), values: values, xLabel: "world n (sees exactly the worlds m < n)",
      cellLabelDigits: 0, width: 720, height: 440)
    map.categories = moveCategories
    map.colourBarLabel = "value"
    return Figure(id: "ma.traces", title: "Traces of selected matchups on the linear Kripke chain", drawing: map).captioned(
      "[X(Y) = C] is the sentence \"agent X cooperates against agent Y\"; its value at world n of the linear Kripke chain of GL (provability logic), where world n sees exactly the worlds m < n; the value from some world on is its truth in the standard model. C: cooperates, D: defects."
    )
  }
}
