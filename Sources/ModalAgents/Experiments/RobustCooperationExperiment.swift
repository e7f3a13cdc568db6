import GameTheory
import LabKit

/// FairBot, PrudentBot and JustBot: the matchups of the Robust Cooperation paper (arXiv:1401.5577v2,
/// §3–§5) that the post builds on, over the agent library and over every fully modalized rank-0
/// agent up to a size (``RankZeroEnumerator``).
///
/// "Cooperates" means cooperates in the standard model (the value from the stabilisation world on);
/// "PA ⊢" means the statement holds at every world of the chain. Rank-0 matchups against FairBot,
/// CooperateBot and DefectBot use the fast tournament and are checked against the world-by-world
/// evaluator; matchups against PrudentBot and JustBot (rank 1) use the world-by-world evaluator.
struct RobustCooperationExperiment: Experiment {
  init() {}

  let id = "ma.robust-cooperation"
  let title = "FairBot, PrudentBot and JustBot: the matchups of the Robust Cooperation paper"
  let sections = ["the post: open-source games", "Robust Cooperation §3–§5"]

  static let exact = "the evaluator solves each matchup exactly on GL's linear Kripke chain"

  static let fairBotSelfClaim = Claim(
    id: "ma.fairbot-self", source: "the post; Robust Cooperation Thm 3.1", kind: .theorem,
    statement: "FairBot cooperates with FairBot: each can prove that the other cooperates, a stable time loop (PA ⊢ [FairBot(FairBot) = C]).",
    class: .consistency(because: exact + ", and p ↔ □p has the fixed point ⊤ by Löb's theorem"),
    control: Control("FairBot with its box negated (ContrarianBot, p ↔ ¬□p): the same check must find no provable cooperation"))
  static let fairBotBasicsClaim = Claim(
    id: "ma.fairbot-basics", source: "Robust Cooperation §3", kind: .claim,
    statement: "FairBot cooperates with CooperateBot and defects against DefectBot.",
    class: .consistency(because: exact + ": □⊤ is ⊤ and □⊥ is false in the standard model"),
    control: Control("UnfairBot (□¬them(me)) in FairBot's place: the same check must fail"))
  static let programEquilibriumClaim = Claim(
    id: "ma.program-equilibrium", source: "the post; Robust Cooperation §3", kind: .claim,
    statement:
      "(FairBot, FairBot) is a program equilibrium that leads to (C, C), although (C, C) is not a Nash equilibrium of the Prisoner's Dilemma: no agent exploits FairBot. (DefectBot, DefectBot) realises the PD's Nash equilibrium.",
    class: .empirical,
    control: Control(
      "an exploitable FairBot, □them(me) ∨ ¬□⊥ (it also cooperates whenever PA is consistent), in FairBot's place over the same agents: the check must find a profitable deviation"
    ),
    readings: [OpponentSpace.key.erased])
  static let prudentBotClaim = Claim(
    id: "ma.prudentbot", source: "Robust Cooperation Thm 3.2", kind: .theorem,
    statement: "PrudentBot cooperates with itself and with FairBot, defects against CooperateBot and DefectBot, and is unexploitable.",
    class: .empirical,
    control: Control(
      "PrudentBot without its first clause, [1]¬them(DefectBot), in PrudentBot's place, checked over the library: DefectBot exploits it and the check must fail"
    ),
    readings: [OpponentSpace.key.erased])
  static let rankZeroClaim = Claim(
    id: "ma.rank0-fairbot-cooperatebot", source: "Robust Cooperation Thm 4.10", kind: .theorem,
    statement:
      "Any rank-0 modal agent X with PA ⊢ [X(FB) = C] also has PA ⊢ [X(CB) = C]: to cooperate with FairBot and defect against CooperateBot, an agent must refer to a third party.",
    class: .consistency(
      because:
        "a proved theorem (Thm 4.10) checked exactly over every fully modalized rank-0 agent up to the enumeration size, with two independent evaluators; a counterexample could come only from a bug"
    ),
    control: Control(
      "the statement without \"PA ⊢\" (cooperation in the standard model): the same check over the same agents must find counterexamples"))
  static let justBotClaim = Claim(
    id: "ma.justbot", source: "Robust Cooperation §5 (Thm 4.8)", kind: .claim,
    statement: "JustBot behaves exactly like FairBot against every modal agent, so no modal agent can exploit it.",
    class: .empirical,
    control: Control(
      "CooperateBot as JustBot's third party in place of FairBot (NiceBot, □them(CooperateBot)), checked over the library: the check must find an agent it treats differently from FairBot"
    ),
    readings: [OpponentSpace.key.erased])

  var claims: [Claim] {
    [Self.fairBotSelfClaim, Self.fairBotBasicsClaim, Self.programEquilibriumClaim, Self.prudentBotClaim, Self.rankZeroClaim, Self.justBotClaim]
  }

  static let enumerationSize = ParameterKey<Int>("enumerationSize")

  var parameters: [Parameter] {
    [
      Parameter(
        Self.enumerationSize,
        "Largest size (symbols of ⊤ ⊥ me(them) them(me) ¬ ∧ ∨ □) of the enumerated fully modalized rank-0 agents every universal statement is checked over: 322 agents up to size 5, 28244 up to 8, 134110 up to 9.",
        domain: .integer(1...10), smoke: 5, standard: 9, paper: 10),
      OpponentSpace.parameter,
    ] + PrisonersDilemmaPayoffs.parameters
  }

  var readings: [Reading] { [OpponentSpace.reading] }

  /// The mutated agents of the negative controls.
  enum Mutant {
    /// □them(me) ∨ ¬□⊥: FairBot that also cooperates whenever PA is consistent (rank 0).
    static let fairBot = try! ModalAgent(name: "FairBot∨Con", formula: .or(.box(.them), .not(.box(.bottom))))
    /// [1]¬them(DefectBot): PrudentBot without its first clause.
    static let prudentBot = try! ModalAgent(
      name: "PrudentBot−", formula: .box(.not(.them("DefectBot")), grade: 1), references: [AgentLibrary.defectBot])
  }

  /// What an enumerated agent X does against the agents the claims quantify with.
  struct Row: Sendable {
    /// X against FairBot, CooperateBot, DefectBot and the mutated FairBot (fast tournament), X first.
    let versusFairBot: RankZeroTournament.Outcome
    let versusCooperateBot: RankZeroTournament.Outcome
    let versusDefectBot: RankZeroTournament.Outcome
    let versusMutatedFairBot: RankZeroTournament.Outcome
    /// X(PB), PB(X).
    let versusPrudentBot: (Bool, Bool)
    /// X(JB), JB(X).
    let versusJustBot: (Bool, Bool)
    /// Whether the world-by-world evaluator agrees with the fast tournament on the three rank-0 matchups.
    let evaluatorsAgree: Bool
  }

  /// Moves of library matchups, (x's move, y's move), by "x|y" in either order.
  struct Moves: Sendable {
    let table: [String: (Move, Move)]
    func callAsFunction(_ x: ModalAgent, _ y: ModalAgent) -> (Move, Move) {
      if let m = table["\(x.name)|\(y.name)"] { return m }
      let m = table["\(y.name)|\(x.name)"]!
      return (m.1, m.0)
    }
  }

  struct Outcome: Sendable {
    let space: OpponentSpace
    let size: Int
    let game: NormalFormGame
    let library: [ModalAgent]
    /// The library, the control agents (mutated FairBot and PrudentBot, UnfairBot, NiceBot) among themselves and against it.
    let moves: Moves
    let fairBotSelf: Matchup
    let contrarianSelf: Matchup
    /// Empty unless the space is rank 0.
    let rows: [Row]
    let formulas: [String]
    let bySize: [Int]
    let facts: [FactRow]
    let factTable: Table
  }

  func simulate(in context: RunContext) throws -> Outcome {
    let L = AgentLibrary.self
    let size = context.parameters[Self.enumerationSize]
    let space = context.parameters[OpponentSpace.key]
    let library = L.standard
    let everyone = library + [Mutant.fairBot, Mutant.prudentBot]
    var table: [String: (Move, Move)] = [:]
    for (i, x) in everyone.enumerated() {
      for y in everyone[i...] {
        let m = try Competition(x, y).solve()
        table["\(x.name)|\(y.name)"] = (m.firstMove, m.secondMove)
      }
    }
    let (rows, formulas, bySize) = space == .rankZero ? try enumeratedRows(size: size, in: context) : ([], [], [])
    let facts = try factTable()
    return Outcome(
      space: space, size: size, game: PrisonersDilemmaPayoffs.game(context.parameters), library: library, moves: Moves(table: table),
      fairBotSelf: try Competition(L.fairBot, L.fairBot).solve(), contrarianSelf: try Competition(L.contrarianBot, L.contrarianBot).solve(),
      rows: rows, formulas: formulas, bySize: bySize, facts: facts.rows, factTable: facts.table)
  }

  /// The enumerated rank-0 agents against FB, CB, DB and the mutated FB (fast), PB and JB (world by world).
  func enumeratedRows(size: Int, in context: RunContext) throws -> ([Row], [String], [Int]) {
    let L = AgentLibrary.self
    let formulas = RankZeroEnumerator.formulas(upTo: size)
    let enumerated = RankZeroEnumerator.agents(formulas)
    let pivots = [L.fairBot, L.cooperateBot, L.defectBot, Mutant.fairBot]
    let tournament = try RankZeroTournament(pivots + enumerated)
    let chunk = 512
    let chunks = stride(from: 0, to: enumerated.count, by: chunk).map { $0..<min($0 + chunk, enumerated.count) }
    let rows = try context.map(chunks, stream: "enumeration", label: "\(id): \(enumerated.count) rank-0 agents") { _, range, _ in
      try range.map { k -> Row in
        let x = enumerated[k]
        let outcomes = pivots.indices.map { tournament.outcome(pivots.count + k, $0) }
        var agree = true
        for (opponent, outcome) in zip(pivots.prefix(3), outcomes) {
          let m = try Competition(x, opponent).solve()
          agree =
            agree && m.solution.value(m.firstVariable) == outcome.first && m.solution.value(m.secondVariable) == outcome.second
            && m.solution.isProvable(m.firstVariable) == outcome.firstProvable
        }
        let pb = try Competition(x, L.prudentBot).solve()
        let jb = try Competition(x, L.justBot).solve()
        return Row(
          versusFairBot: outcomes[0], versusCooperateBot: outcomes[1], versusDefectBot: outcomes[2], versusMutatedFairBot: outcomes[3],
          versusPrudentBot: (pb.firstMove == .cooperate, pb.secondMove == .cooperate),
          versusJustBot: (jb.firstMove == .cooperate, jb.secondMove == .cooperate), evaluatorsAgree: agree)
      }
    }.flatMap { $0 }
    return (rows, enumerated.map { $0.formula.description }, RankZeroEnumerator.formulasBySize(upTo: size).map(\.count))
  }

  func judge(_ outcomes: Outcomes<Outcome>, in context: RunContext) throws -> ExperimentResult {
    let o = outcomes.base
    let (matrixTable, heatmap) = libraryMatrix(o.library, moves: { o.moves($0, $1) })
    var tables = [Self.agentTable(o.library), matrixTable, o.factTable]
    if !o.rows.isEmpty { tables.append(enumerationTable(o)) }
    let claims = [
      fairBotSelfVerdict(o),
      fairBotBasicsVerdict(o),
      programEquilibriumVerdict(outcomes),
      prudentBotVerdict(outcomes),
      rankZeroVerdict(o),
      justBotVerdict(outcomes),
    ]
    return ExperimentResult(
      tables: tables,
      figures: [
        Figure(id: "ma.library-matrix", title: "The library's matchups: the row agent's move against the column agent", drawing: heatmap).captioned(
          "Columns abbreviate the row names: CB CooperateBot, DB DefectBot, FB FairBot, FB1 and FB2 FairBot_1 and FairBot_2, PB PrudentBot, PB2 PrudentBot_2, TB TrollBot, JB JustBot, NB NiceBot, WFB1 and WFB2 WaitFairBot_1 and WaitFairBot_2, MB MagicBot, CtB ContrarianBot, RB RaifBot, UB UnfairBot. A suffix k is the agent's parameter (`reproduce modal agents` defines each agent). C: cooperates, D: defects."
        )
      ],
      claims: claims)
  }

  func enumerationTable(_ o: Outcome) -> Table {
    var table = Table(
      id: "ma.robust-cooperation.enumeration",
      title: "Fully modalized rank-0 agents by size (symbols of ⊤ ⊥ me(them) them(me) ¬ ∧ ∨ □): what they do against the library's pivots",
      columns: ["size", "agents", "X(FB) = C", "PA ⊢ X(FB) = C", "PA ⊢ X(CB) = C", "exploit FB", "exploit PB", "JB ≠ FB", "X(FB) = C but X(CB) = D"])
    var start = 0
    for (s, count) in o.bySize.enumerated() {
      let slice = o.rows[start..<start + count]
      start += count
      table.append([
        .integer(s + 1), .integer(count),
        .integer(slice.filter { $0.versusFairBot.first }.count),
        .integer(slice.filter { $0.versusFairBot.firstProvable }.count),
        .integer(slice.filter { $0.versusCooperateBot.firstProvable }.count),
        .integer(slice.filter { !$0.versusFairBot.first && $0.versusFairBot.second }.count),
        .integer(slice.filter { !$0.versusPrudentBot.0 && $0.versusPrudentBot.1 }.count),
        .integer(slice.filter { $0.versusJustBot.1 != $0.versusFairBot.second || $0.versusJustBot.0 != $0.versusFairBot.first }.count),
        .integer(slice.filter { $0.versusFairBot.first && !$0.versusCooperateBot.first }.count),
      ])
    }
    return table
  }

  // MARK: - Tables and figure

  /// The library: name, abbreviation, formula, rank and source.
  static func agentTable(_ library: [ModalAgent]) -> Table {
    let sources = [
      "CooperateBot": "Robust Cooperation Alg. 1", "DefectBot": "Robust Cooperation Alg. 2", "FairBot": "Robust Cooperation Alg. 4",
      "PrudentBot": "Robust Cooperation Alg. 5", "TrollBot": "Robust Cooperation §5", "JustBot": "Robust Cooperation Alg. 6",
      "NiceBot": "modal.hs (2013) niceBot", "MagicBot": "modal.hs (2013) magicBot", "ContrarianBot": "the post",
      "RaifBot": "the post", "UnfairBot": "LessWrong comment pvNXkvuKGrPZpfcqq",
    ]
    var table = Table(
      id: "ma.library.agents", title: "The agent library: [Me(Opp) = C] as a modal formula",
      columns: ["agent", "short", "formula", "rank", "source"])
    for agent in library {
      let source: String
      if let fixed = sources[agent.name] {
        source = fixed
      } else if agent.name.hasPrefix("FairBot_") {
        source = "modal.hs (2013) fairBot1…5"
      } else if agent.name.hasPrefix("PrudentBot_") {
        source = "Robust Cooperation §3 Remark"
      } else {
        source = "Robust Cooperation §5"
      }
      table.append([
        .text(agent.name), .text(AgentLibrary.abbreviation(agent.name)), .text(agent.formula.description), .integer(agent.rank), .text(source),
      ])
    }
    return table
  }

  func libraryMatrix(_ library: [ModalAgent], moves: (ModalAgent, ModalAgent) -> (Move, Move)) -> (Table, Heatmap) {
    let short = library.map { AgentLibrary.abbreviation($0.name) }
    var table = Table(
      id: "ma.library.matrix", title: "The library's matchups: the row agent's move against the column agent (C cooperate, D defect)",
      columns: ["agent"] + short)
    var values: [[Double]] = []
    for x in library {
      let row = library.map { moves(x, $0).0 }
      table.append([.text(x.name)] + row.map { .text($0.letter) })
      values.append(row.map { $0 == .cooperate ? 1 : 0 })
    }
    var map = Heatmap(
      title: "Modal agents: the row agent's move against the column agent",
      rows: library.map(\.name), columns: short, values: values, xLabel: "opponent", yLabel: "",
      cellLabelDigits: 0, width: 720, height: 560)
    map.categories = moveCategories
    map.colourBarLabel = "move"
    return (table, map)
  }

  /// A statement of the texts about one matchup, with the provability they state.
  struct Fact: Sendable {
    let x: ModalAgent
    let y: ModalAgent
    let move: Move
    /// The k with PA + k ⊢ the statement that the text states (nil: the text states no level).
    let statedLevel: Int?
    let source: String
  }

  /// One checked fact.
  struct FactRow: Sendable {
    let fact: Fact
    let move: Move
    /// The least k with PA + k ⊢ [X(Y) = move] (nil when the statement is false).
    let level: Int?
    let trace: String

    var holds: Bool { move == fact.move && (fact.statedLevel == nil || level == fact.statedLevel) }
    var statement: String { "\(fact.x.name)(\(fact.y.name)) = \(fact.move.letter)" }
  }

  func factTable() throws -> (table: Table, rows: [FactRow]) {
    let L = AgentLibrary.self
    let prudentInPA = L.prudentBot(0)
    let facts = [
      Fact(x: L.fairBot, y: L.fairBot, move: .cooperate, statedLevel: 0, source: "Thm 3.1: PA ⊢ [FB(FB) = C]"),
      Fact(x: L.fairBot, y: L.cooperateBot, move: .cooperate, statedLevel: nil, source: "§3"),
      Fact(x: L.fairBot, y: L.defectBot, move: .defect, statedLevel: 1, source: "Thm 3.2 proof: PA+1 ⊢ [FB(DB) = D]"),
      Fact(x: L.prudentBot, y: L.prudentBot, move: .cooperate, statedLevel: nil, source: "Thm 3.2"),
      Fact(x: L.prudentBot, y: L.fairBot, move: .cooperate, statedLevel: 0, source: "Thm 3.2; LaVictoire 2015 §7.1: q ↔ ⊤"),
      Fact(x: L.fairBot, y: L.prudentBot, move: .cooperate, statedLevel: 0, source: "Thm 3.2; LaVictoire 2015 §7.1: p ↔ ⊤"),
      Fact(x: L.prudentBot, y: L.cooperateBot, move: .defect, statedLevel: 2, source: "Thm 3.2 proof: PA+2 ⊢ [PB(CB) = D]"),
      Fact(x: L.prudentBot, y: L.defectBot, move: .defect, statedLevel: 1, source: "Thm 3.2 proof: PA+1 ⊢ [PB(DB) = D]"),
      Fact(x: prudentInPA, y: prudentInPA, move: .defect, statedLevel: nil, source: "§3 Remark: the DefectBot check in PA loses self-cooperation"),
      Fact(x: prudentInPA, y: L.fairBot, move: .defect, statedLevel: nil, source: "notes §5: in plain PA it loses cooperation with FairBot"),
      Fact(x: L.unfairBot, y: L.prudentBot, move: .defect, statedLevel: nil, source: "LessWrong comment: UnfairBot defects against PrudentBot"),
    ]
    var table = Table(
      id: "ma.robust-cooperation.facts",
      title: "Statements of the texts about single matchups: the move in the standard model and the weakest PA + k that proves it",
      columns: ["statement", "text", "computed move", "proved in", "trace of [X(Y) = C], worlds 0–5", "agrees"])
    var rows: [FactRow] = []
    for fact in facts {
      let m = try Competition(fact.x, fact.y).solve()
      let v = m.firstVariable
      let move = Move(cooperates: m.solution.value(v))
      let statementTrace = (0...m.solution.lastWorld).map { m.solution.value(v, atWorld: $0) == (fact.move == .cooperate) }
      let level: Int? = statementTrace.last! ? (statementTrace.lastIndex(of: false).map { $0 + 1 } ?? 0) : nil
      let row = FactRow(fact: fact, move: move, level: level, trace: m.solution.traceText(v, worlds: 6))
      rows.append(row)
      table.append([
        .text(row.statement), .text(fact.source), .text(move.letter),
        .text(level.map { $0 == 0 ? "PA" : "PA+\($0)" } ?? "none (false)"), .text(row.trace), .text(row.holds ? "yes" : "no"),
      ])
    }
    return (table, rows)
  }

  // MARK: - Verdicts

  func fairBotSelfVerdict(_ o: Outcome) -> ClaimResult {
    let m = o.fairBotSelf
    func check(_ m: Matchup) -> Bool { m.firstMove == .cooperate && m.solution.isProvable(m.firstVariable) }
    let provable = m.solution.isProvable(m.firstVariable)
    return ClaimResult(
      Self.fairBotSelfClaim, map: .single(.checking(check(m)), n: 1),
      control: ControlResult(Self.fairBotSelfClaim.control!, verdict: .checking(check(o.contrarianSelf))),
      evidence: Evidence(
        summary:
          "FairBot(FairBot) ↔ □FairBot(FairBot): the value is \(m.solution.traceText(0, worlds: 4)) at worlds 0, 1, 2, … (constant from world \(m.stabilisationWorld)), so FairBot cooperates with itself and, holding at every world, the statement is provable (text: cooperates, and PA ⊢ it). Control, ContrarianBot facing itself: \(o.contrarianSelf.firstMove.letter), provable: \(o.contrarianSelf.solution.isProvable(0)).",
        measurements: [
          .init("FairBot(FairBot)", m.firstMove.letter), .init("PA ⊢ [FairBot(FairBot) = C]", provable),
          .init("stabilisation world", m.stabilisationWorld),
        ],
        tolerance: "exact", sampleSize: 1))
  }

  func fairBotBasicsVerdict(_ o: Outcome) -> ClaimResult {
    let L = AgentLibrary.self
    func check(_ x: ModalAgent) -> Bool { o.moves(x, L.cooperateBot).0 == .cooperate && o.moves(x, L.defectBot).0 == .defect }
    let cb = o.moves(L.fairBot, L.cooperateBot)
    let db = o.moves(L.fairBot, L.defectBot)
    return ClaimResult(
      Self.fairBotBasicsClaim, map: .single(.checking(check(L.fairBot)), n: 2),
      control: ControlResult(Self.fairBotBasicsClaim.control!, verdict: .checking(check(L.unfairBot))),
      evidence: Evidence(
        summary:
          "FairBot against CooperateBot: \(cb.0.letter)/\(cb.1.letter); against DefectBot: \(db.0.letter)/\(db.1.letter) (text: FairBot cooperates with CooperateBot, defects against DefectBot). Control, UnfairBot: \(o.moves(L.unfairBot, L.cooperateBot).0.letter) against CooperateBot, \(o.moves(L.unfairBot, L.defectBot).0.letter) against DefectBot.",
        measurements: [.init("FairBot(CooperateBot)", cb.0.letter), .init("FairBot(DefectBot)", db.0.letter)],
        tolerance: "exact", sampleSize: 2))
  }

  static func move(_ cooperates: Bool) -> Move { Move(cooperates: cooperates) }

  /// The deviations of the outcome's space: name, (its move, the target's move) against the target
  /// (FairBot, or the mutated FairBot), and against DefectBot.
  static func deviations(_ o: Outcome, mutated: Bool) -> [(name: String, target: (Move, Move), defectBot: (Move, Move))] {
    let L = AgentLibrary.self
    let target = mutated ? Mutant.fairBot : L.fairBot
    switch o.space {
    case .library:
      return o.library.map { (name: $0.name, target: o.moves($0, target), defectBot: o.moves($0, L.defectBot)) }
    case .rankZero:
      return o.rows.enumerated().map { k, row in
        let t = mutated ? row.versusMutatedFairBot : row.versusFairBot
        return (
          name: "E\(k + 1)", target: (move(t.first), move(t.second)), defectBot: (move(row.versusDefectBot.first), move(row.versusDefectBot.second))
        )
      }
    }
  }

  /// Whether (target, target) and (DefectBot, DefectBot) are program equilibria over the outcome's space.
  struct EquilibriumCheck {
    let selfPlay: (Move, Move)
    let defectBots: (Move, Move)
    let best: (payoff: Double, who: String)
    let bestAgainstDefectBot: (payoff: Double, who: String)
    let exploiters: Int
    let deviations: Int
    let ccIsNash: Bool
    let ddIsNash: Bool
    let holds: Bool
  }

  static func equilibriumCheck(_ o: Outcome, mutated: Bool) -> EquilibriumCheck {
    let L = AgentLibrary.self
    let game = o.game
    let target = mutated ? Mutant.fairBot : L.fairBot
    let selfPlay = o.moves(target, target)
    let dbdb = o.moves(L.defectBot, L.defectBot)
    var best = (payoff: -Double.infinity, who: "")
    var bestDB = (payoff: -Double.infinity, who: "")
    var exploiters = 0
    let deviations = Self.deviations(o, mutated: mutated)
    for d in deviations {
      let p = game.payoff(of: d.target.0, against: d.target.1)
      let q = game.payoff(of: d.defectBot.0, against: d.defectBot.1)
      if p > best.payoff { best = (p, d.name) }
      if q > bestDB.payoff { bestDB = (q, d.name) }
      if d.target == (.defect, .cooperate) { exploiters += 1 }
    }
    let ccIsNash = game.isNashEquilibrium([0, 0])
    let ddIsNash = game.isNashEquilibrium([1, 1])
    let targetEquilibrium = selfPlay == (.cooperate, .cooperate) && best.payoff <= game.payoff(of: selfPlay.0, against: selfPlay.1)
    let defectEquilibrium = dbdb == (.defect, .defect) && ddIsNash && bestDB.payoff <= game.payoff(of: dbdb.0, against: dbdb.1)
    return EquilibriumCheck(
      selfPlay: selfPlay, defectBots: dbdb, best: best, bestAgainstDefectBot: bestDB, exploiters: exploiters,
      deviations: deviations.count, ccIsNash: ccIsNash, ddIsNash: ddIsNash,
      holds: targetEquilibrium && !ccIsNash && defectEquilibrium && exploiters == 0)
  }

  func programEquilibriumVerdict(_ outcomes: Outcomes<Outcome>) -> ClaimResult {
    let o = outcomes.base
    let cells = outcomes.cells(of: Self.programEquilibriumClaim).map { cell, outcome -> VerdictMap.Cell in
      let c = Self.equilibriumCheck(outcome, mutated: false)
      return VerdictMap.Cell(
        reading: cell.readingSetting, verdict: c.deviations == 0 ? .inconclusive : .checking(c.holds), estimate: c.best.payoff, n: c.deviations)
    }
    let c = Self.equilibriumCheck(o, mutated: false)
    let control = Self.equilibriumCheck(o, mutated: true)
    let game = o.game
    let payoffs =
      "T = \(DecimalFormat.compact(game.payoff(of: .defect, against: .cooperate))), R = \(DecimalFormat.compact(game.payoff(of: .cooperate, against: .cooperate))), P = \(DecimalFormat.compact(game.payoff(of: .defect, against: .defect))), S = \(DecimalFormat.compact(game.payoff(of: .cooperate, against: .defect)))"
    let fbPayoff = game.payoff(of: c.selfPlay.0, against: c.selfPlay.1)
    let dbPayoff = game.payoff(of: c.defectBots.0, against: c.defectBots.1)
    let evidence = Evidence(
      summary:
        "With \(payoffs): FairBot vs FairBot plays \(c.selfPlay.0.letter)/\(c.selfPlay.1.letter), payoff \(DecimalFormat.compact(fbPayoff)) each; (C, C) is \(c.ccIsNash ? "" : "not ")a Nash equilibrium of the PD. Over the \(c.deviations) agents of the base space (\(Self.spaceText(o))), the best payoff of a deviation against FairBot is \(DecimalFormat.compact(c.best.payoff)) (first reached by \(c.best.who)) and \(c.exploiters) agents exploit FairBot. DefectBot vs DefectBot plays \(c.defectBots.0.letter)/\(c.defectBots.1.letter), the PD's \(c.ddIsNash ? "" : "non-")Nash equilibrium, and the best deviation against DefectBot earns \(DecimalFormat.compact(c.bestAgainstDefectBot.payoff)) ≤ \(DecimalFormat.compact(dbPayoff)). Control, FairBot∨Con in FairBot's place: best deviation \(DecimalFormat.compact(control.best.payoff)) (\(control.best.who)), \(control.exploiters) exploiters.",
      measurements: [
        .init("FairBot vs FairBot", "\(c.selfPlay.0.letter)/\(c.selfPlay.1.letter)"), .init("(C, C) is a Nash equilibrium of the PD", c.ccIsNash),
        .init("best payoff of a deviation against FairBot", c.best.payoff), .init("agents exploiting FairBot", c.exploiters),
        .init("DefectBot vs DefectBot", "\(c.defectBots.0.letter)/\(c.defectBots.1.letter)"),
        .init("(D, D) is a Nash equilibrium of the PD", c.ddIsNash),
        .init("best payoff of a deviation against DefectBot", c.bestAgainstDefectBot.payoff),
        .init("control: agents exploiting FairBot∨Con", control.exploiters),
      ],
      tolerance: "exact in each cell; the deviations are the agents of the cell's space", sampleSize: c.deviations)
    return ClaimResult(
      Self.programEquilibriumClaim, map: VerdictMap(design: Self.programEquilibriumClaim.design, cells: cells),
      control: ControlResult(Self.programEquilibriumClaim.control!, verdict: .checking(control.holds)), evidence: evidence)
  }

  static func spaceText(_ o: Outcome) -> String {
    o.space == .library ? "the library of named agents" : "every fully modalized rank-0 agent up to size \(o.size)"
  }

  /// PrudentBot's (or a mutant's) moves and exploiters; `space` nil: the outcome's space.
  struct PrudentCheck {
    let selfPlay: (Move, Move)
    let fairBot: (Move, Move)
    let cooperateBot: (Move, Move)
    let defectBot: (Move, Move)
    let exploiters: [String]
    let checked: Int
    var holds: Bool {
      selfPlay == (.cooperate, .cooperate) && fairBot == (.cooperate, .cooperate) && cooperateBot.0 == .defect && defectBot.0 == .defect
        && exploiters.isEmpty
    }
  }

  static func prudentCheck(_ o: Outcome, target: ModalAgent, libraryOnly: Bool) -> PrudentCheck {
    let L = AgentLibrary.self
    let exploiters: [String]
    let checked: Int
    if libraryOnly || o.space == .library {
      exploiters = o.library.filter { o.moves($0, target) == (.defect, .cooperate) }.map(\.name)
      checked = o.library.count
    } else {
      exploiters = o.rows.enumerated().filter { !$0.element.versusPrudentBot.0 && $0.element.versusPrudentBot.1 }.map { "E\($0.offset + 1)" }
      checked = o.rows.count
    }
    return PrudentCheck(
      selfPlay: o.moves(target, target), fairBot: o.moves(target, L.fairBot), cooperateBot: o.moves(target, L.cooperateBot),
      defectBot: o.moves(target, L.defectBot), exploiters: exploiters, checked: checked)
  }

  func prudentBotVerdict(_ outcomes: Outcomes<Outcome>) -> ClaimResult {
    let o = outcomes.base
    let L = AgentLibrary.self
    let cells = outcomes.cells(of: Self.prudentBotClaim).map { cell, outcome -> VerdictMap.Cell in
      let c = Self.prudentCheck(outcome, target: L.prudentBot, libraryOnly: false)
      return VerdictMap.Cell(
        reading: cell.readingSetting, verdict: c.checked == 0 ? .inconclusive : .checking(c.holds), estimate: Double(c.exploiters.count), n: c.checked
      )
    }
    let c = Self.prudentCheck(o, target: L.prudentBot, libraryOnly: false)
    let control = Self.prudentCheck(o, target: Mutant.prudentBot, libraryOnly: true)
    func level(_ statement: String) -> String {
      guard let row = o.facts.first(where: { $0.statement == statement }) else { return "?" }
      return row.level.map { $0 == 0 ? "PA" : "PA+\($0)" } ?? "none"
    }
    func text(_ m: (Move, Move)) -> String { "\(m.0.letter)/\(m.1.letter)" }
    let evidence = Evidence(
      summary:
        "PrudentBot vs PrudentBot \(text(c.selfPlay)), vs FairBot \(text(c.fairBot)), vs CooperateBot \(text(c.cooperateBot)), vs DefectBot \(text(c.defectBot)); \(c.exploiters.count) of the \(c.checked) agents of the base space (\(Self.spaceText(o))) exploit it. The proof's facts: PB(DB) = D is proved in \(level("PrudentBot(DefectBot) = D")) (text PA+1), PB(CB) = D in \(level("PrudentBot(CooperateBot) = D")) (text PA+2), FB(DB) = D in \(level("FairBot(DefectBot) = D")) (text PA+1). Control, PrudentBot without its first clause, over the library: exploited by \(control.exploiters.joined(separator: ", ")).",
      measurements: [
        .init("PrudentBot vs PrudentBot", text(c.selfPlay)), .init("PrudentBot vs FairBot", text(c.fairBot)),
        .init("PrudentBot vs CooperateBot", text(c.cooperateBot)), .init("PrudentBot vs DefectBot", text(c.defectBot)),
        .init("agents exploiting PrudentBot", c.exploiters.count),
        .init("weakest PA + k proving PB(DB) = D", level("PrudentBot(DefectBot) = D")),
        .init("weakest PA + k proving PB(CB) = D", level("PrudentBot(CooperateBot) = D")),
      ],
      tolerance: "exact in each cell; unexploitability checked over the cell's space", sampleSize: c.checked,
      counterexample: c.exploiters.isEmpty ? nil : c.exploiters.prefix(5).joined(separator: ", "))
    return ClaimResult(
      Self.prudentBotClaim, map: VerdictMap(design: Self.prudentBotClaim.design, cells: cells),
      control: ControlResult(Self.prudentBotClaim.control!, verdict: .checking(control.holds)), evidence: evidence)
  }

  func rankZeroVerdict(_ o: Outcome) -> ClaimResult {
    let rows = o.rows
    let provableWithFairBot = rows.filter { $0.versusFairBot.firstProvable }.count
    let counterexamples = rows.indices.filter { rows[$0].versusFairBot.firstProvable && !rows[$0].versusCooperateBot.firstProvable }
    // The statement without "PA ⊢" (cooperation in the standard model) is the control.
    let truthCounterexamples = rows.indices.filter { rows[$0].versusFairBot.first && !rows[$0].versusCooperateBot.first }
    let mismatches = rows.filter { !$0.evaluatorsAgree }.count
    let smallest = truthCounterexamples.first.map { "\(o.formulas[$0]) (E\($0 + 1))" } ?? "none"
    let verdict: Headline = rows.isEmpty ? .inconclusive : .checking(counterexamples.isEmpty && mismatches == 0)
    let controlVerdict: Headline = rows.isEmpty ? .inconclusive : .checking(truthCounterexamples.isEmpty && mismatches == 0)
    return ClaimResult(
      Self.rankZeroClaim, map: .single(verdict, estimate: Double(counterexamples.count), n: rows.count),
      control: ControlResult(Self.rankZeroClaim.control!, verdict: controlVerdict),
      evidence: Evidence(
        summary:
          "Of the \(rows.count) fully modalized rank-0 agents up to size \(o.size), \(provableWithFairBot) have PA ⊢ [X(FB) = C], and \(counterexamples.count) of them lack PA ⊢ [X(CB) = C] (text: none). The theorem needs \"PA ⊢\": read as cooperation in the standard model (the control) it fails for \(truthCounterexamples.count) agents, the first being \(smallest), which cooperates with FairBot (true but unprovable) and defects against CooperateBot. The fast tournament and the world-by-world evaluator disagree on \(mismatches) of the \(3 * rows.count) matchups against FairBot, CooperateBot and DefectBot.",
        measurements: [
          .init("rank-0 agents checked", rows.count), .init("with PA ⊢ [X(FB) = C]", provableWithFairBot),
          .init("of those without PA ⊢ [X(CB) = C]", counterexamples.count),
          .init("agents with X(FB) = C but X(CB) = D (standard model)", truthCounterexamples.count),
          .init("first such agent", smallest), .init("evaluator disagreements", mismatches),
        ],
        tolerance: "exact, over every fully modalized rank-0 agent up to size \(o.size)", sampleSize: rows.count,
        counterexample: counterexamples.first.map { o.formulas[$0] }))
  }

  /// Agents of the space that `target` treats differently from FairBot (or that treat it differently), and its exploiters.
  static func justCheck(_ o: Outcome, target: ModalAgent, libraryOnly: Bool) -> (differences: [String], exploiters: Int, checked: Int) {
    let L = AgentLibrary.self
    if libraryOnly || o.space == .library {
      let differences = o.library.filter { o.moves(target, $0).0 != o.moves(L.fairBot, $0).0 || o.moves($0, target).0 != o.moves($0, L.fairBot).0 }
        .map(\.name)
      return (differences, o.library.filter { o.moves($0, target) == (.defect, .cooperate) }.count, o.library.count)
    }
    var differences: [String] = []
    for (k, row) in o.rows.enumerated() where row.versusJustBot.1 != row.versusFairBot.second || row.versusJustBot.0 != row.versusFairBot.first {
      differences.append("E\(k + 1) = \(o.formulas[k])")
    }
    return (differences, o.rows.filter { !$0.versusJustBot.0 && $0.versusJustBot.1 }.count, o.rows.count)
  }

  func justBotVerdict(_ outcomes: Outcomes<Outcome>) -> ClaimResult {
    let o = outcomes.base
    let L = AgentLibrary.self
    let cells = outcomes.cells(of: Self.justBotClaim).map { cell, outcome -> VerdictMap.Cell in
      let c = Self.justCheck(outcome, target: L.justBot, libraryOnly: false)
      return VerdictMap.Cell(
        reading: cell.readingSetting, verdict: c.checked == 0 ? .inconclusive : .checking(c.differences.isEmpty && c.exploiters == 0),
        estimate: Double(c.differences.count), n: c.checked)
    }
    let c = Self.justCheck(o, target: L.justBot, libraryOnly: false)
    let control = Self.justCheck(o, target: L.niceBot, libraryOnly: true)
    return ClaimResult(
      Self.justBotClaim, map: VerdictMap(design: Self.justBotClaim.design, cells: cells),
      control: ControlResult(Self.justBotClaim.control!, verdict: .checking(control.differences.isEmpty && control.exploiters == 0)),
      evidence: Evidence(
        summary:
          "For \(c.checked - c.differences.count) of the \(c.checked) agents of the base space (\(Self.spaceText(o))), JustBot makes the same move against the agent as FairBot does, and the agent answers JustBot as it answers FairBot (text: all). \(c.exploiters) agents exploit JustBot. Control, NiceBot in JustBot's place over the library: \(control.differences.count) agents treated differently from FairBot (\(control.differences.joined(separator: ", "))).",
        measurements: [.init("agents where JustBot and FairBot differ", c.differences.count), .init("agents exploiting JustBot", c.exploiters)],
        tolerance: "exact, both directions of every matchup", sampleSize: c.checked,
        counterexample: c.differences.isEmpty ? nil : c.differences.prefix(5).joined(separator: "; ")))
  }
}
