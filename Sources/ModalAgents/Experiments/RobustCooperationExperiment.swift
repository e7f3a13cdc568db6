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
public struct RobustCooperationExperiment: Experiment {
  public init() {}

  public let id = "ma.robust-cooperation"
  public let title = "FairBot, PrudentBot and JustBot: the matchups of the Robust Cooperation paper"
  public let sections = ["the post: open-source games", "Robust Cooperation §3–§5"]

  public static let fairBotSelfClaim = Claim(
    id: "ma.fairbot-self", source: "the post; Robust Cooperation Thm 3.1", kind: .theorem,
    statement: "FairBot cooperates with FairBot: each can prove that the other cooperates, a stable time loop (PA ⊢ [FairBot(FairBot) = C]).")
  public static let fairBotBasicsClaim = Claim(
    id: "ma.fairbot-basics", source: "Robust Cooperation §3", kind: .claim,
    statement: "FairBot cooperates with CooperateBot and defects against DefectBot.")
  public static let programEquilibriumClaim = Claim(
    id: "ma.program-equilibrium", source: "the post; Robust Cooperation §3", kind: .claim,
    statement: "(FairBot, FairBot) is a program equilibrium that leads to (C, C), although (C, C) is not a Nash equilibrium of the Prisoner's Dilemma: no agent exploits FairBot. (DefectBot, DefectBot) realises the PD's Nash equilibrium.")
  public static let prudentBotClaim = Claim(
    id: "ma.prudentbot", source: "Robust Cooperation Thm 3.2", kind: .theorem,
    statement: "PrudentBot cooperates with itself and with FairBot, defects against CooperateBot and DefectBot, and is unexploitable.")
  public static let rankZeroClaim = Claim(
    id: "ma.rank0-fairbot-cooperatebot", source: "Robust Cooperation Thm 4.10", kind: .theorem,
    statement: "Any rank-0 modal agent X with PA ⊢ [X(FB) = C] also has PA ⊢ [X(CB) = C]: to cooperate with FairBot and defect against CooperateBot, an agent must refer to a third party.")
  public static let justBotClaim = Claim(
    id: "ma.justbot", source: "Robust Cooperation §5 (Thm 4.8)", kind: .claim,
    statement: "JustBot behaves exactly like FairBot against every modal agent, so no modal agent can exploit it.")

  public var claims: [Claim] {
    [Self.fairBotSelfClaim, Self.fairBotBasicsClaim, Self.programEquilibriumClaim, Self.prudentBotClaim, Self.rankZeroClaim, Self.justBotClaim]
  }

  public var parameters: [Parameter] {
    [
      Parameter("enumerationSize", "Largest size (symbols of ⊤ ⊥ me(them) them(me) ¬ ∧ ∨ □) of the enumerated fully modalized rank-0 agents every universal statement is checked over: 322 agents up to size 5, 28244 up to 8, 134110 up to 9.",
                domain: .integer(1...10), smoke: .integer(5), standard: .integer(9), paper: .integer(10)),
    ] + PrisonersDilemmaPayoffs.parameters
  }

  /// What an enumerated agent X does against the agents the claims quantify with.
  struct Row: Sendable {
    /// X against FairBot, CooperateBot and DefectBot (fast tournament), X first.
    let versusFairBot: RankZeroTournament.Outcome
    let versusCooperateBot: RankZeroTournament.Outcome
    let versusDefectBot: RankZeroTournament.Outcome
    /// X(PB), PB(X).
    let versusPrudentBot: (Bool, Bool)
    /// X(JB), JB(X).
    let versusJustBot: (Bool, Bool)
    /// Whether the world-by-world evaluator agrees with the fast tournament on the three rank-0 matchups.
    let evaluatorsAgree: Bool
  }

  public func simulate(in context: RunContext) throws -> ExperimentResult {
    let L = AgentLibrary.self
    let game = PrisonersDilemmaPayoffs.game(context.parameters)
    let size = context.parameters.integer("enumerationSize")

    // 1. The library's matchups.
    let library = L.standard
    var matchups: [String: Matchup] = [:]
    for (i, x) in library.enumerated() {
      for y in library[i...] {
        let m = try Competition(x, y).solve()
        matchups["\(x.name)|\(y.name)"] = m
      }
    }
    func moves(_ x: ModalAgent, _ y: ModalAgent) -> (Move, Move) {
      if let m = matchups["\(x.name)|\(y.name)"] { return (m.firstMove, m.secondMove) }
      let m = matchups["\(y.name)|\(x.name)"]!
      return (m.secondMove, m.firstMove)
    }

    // 2. The enumerated rank-0 agents against FB, CB, DB (fast), PB and JB (world by world).
    let formulas = RankZeroEnumerator.formulas(upTo: size)
    let enumerated = RankZeroEnumerator.agents(formulas)
    let tournament = try RankZeroTournament([L.fairBot, L.cooperateBot, L.defectBot] + enumerated)
    let chunk = 512
    let chunks = stride(from: 0, to: enumerated.count, by: chunk).map { $0..<min($0 + chunk, enumerated.count) }
    let rows = try context.map(chunks, stream: "enumeration", label: "\(id): \(enumerated.count) rank-0 agents") { _, range, _ in
      try range.map { k -> Row in
        let x = enumerated[k]
        let outcomes = [0, 1, 2].map { tournament.outcome(3 + k, $0) }
        var agree = true
        for (opponent, outcome) in zip([L.fairBot, L.cooperateBot, L.defectBot], outcomes) {
          let m = try Competition(x, opponent).solve()
          agree = agree && m.solution.value(m.firstVariable) == outcome.first && m.solution.value(m.secondVariable) == outcome.second
            && m.solution.isProvable(m.firstVariable) == outcome.firstProvable
        }
        let pb = try Competition(x, L.prudentBot).solve()
        let jb = try Competition(x, L.justBot).solve()
        return Row(versusFairBot: outcomes[0], versusCooperateBot: outcomes[1], versusDefectBot: outcomes[2],
                   versusPrudentBot: (pb.firstMove == .cooperate, pb.secondMove == .cooperate),
                   versusJustBot: (jb.firstMove == .cooperate, jb.secondMove == .cooperate), evaluatorsAgree: agree)
      }
    }.flatMap { $0 }

    // 3. Facts with their provability, from the text.
    let facts = try factTable()

    let (matrixTable, heatmap) = libraryMatrix(library, moves: moves)
    var enumerationTable = Table(
      id: "ma.robust-cooperation.enumeration",
      title: "Fully modalized rank-0 agents by size (symbols of ⊤ ⊥ me(them) them(me) ¬ ∧ ∨ □): what they do against the library's pivots",
      columns: ["size", "agents", "X(FB) = C", "PA ⊢ X(FB) = C", "PA ⊢ X(CB) = C", "exploit FB", "exploit PB", "JB ≠ FB", "X(FB) = C but X(CB) = D"])
    let bySize = RankZeroEnumerator.formulasBySize(upTo: size).map(\.count)
    var start = 0
    for (s, count) in bySize.enumerated() {
      let slice = rows[start..<start + count]
      start += count
      enumerationTable.append([
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

    let checked = library.count + enumerated.count
    let evaluatorMismatches = rows.filter { !$0.evaluatorsAgree }.count
    let claims = [
      fairBotSelfVerdict(matchups["FairBot|FairBot"]!),
      fairBotBasicsVerdict(moves: moves),
      programEquilibriumVerdict(game: game, library: library, moves: moves, rows: rows, size: size, checked: checked),
      prudentBotVerdict(library: library, moves: moves, rows: rows, facts: facts.rows, size: size, checked: checked),
      rankZeroVerdict(library: library, rows: rows, enumerated: enumerated, size: size, mismatches: evaluatorMismatches),
      justBotVerdict(library: library, moves: moves, rows: rows, enumerated: enumerated, size: size, checked: checked),
    ]
    return ExperimentResult(
      tables: [Self.agentTable(library), matrixTable, facts.table, enumerationTable],
      figures: [Figure(id: "ma.library-matrix", title: "The library's matchups: the row agent's move against the column agent", svg: heatmap.svg())],
      claims: claims)
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
    var table = Table(id: "ma.library.agents", title: "The agent library: [Me(Opp) = C] as a modal formula",
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
      table.append([.text(agent.name), .text(AgentLibrary.abbreviation(agent.name)), .text(agent.formula.description), .integer(agent.rank), .text(source)])
    }
    return table
  }

  func libraryMatrix(_ library: [ModalAgent], moves: (ModalAgent, ModalAgent) -> (Move, Move)) -> (Table, Heatmap) {
    let short = library.map { AgentLibrary.abbreviation($0.name) }
    var table = Table(id: "ma.library.matrix", title: "The library's matchups: the row agent's move against the column agent (C cooperate, D defect)",
                      columns: ["agent"] + short)
    var values: [[Double]] = []
    for x in library {
      let row = library.map { moves(x, $0).0 }
      table.append([.text(x.name)] + row.map { .text($0.letter) })
      values.append(row.map { $0 == .cooperate ? 1 : 0 })
    }
    var map = Heatmap(title: "Modal agents: the row agent's move against the column agent (1 = cooperates, 0 = defects)",
                      rows: library.map(\.name), columns: short, values: values, xLabel: "opponent", yLabel: "",
                      cellLabelDigits: 0, width: 720, height: 560)
    map.colourScale = moveColours
    map.valueRange = 0...1
    map.colourBarLabel = "move (1 = C, 0 = D)"
    return (table, map)
  }

  /// A statement of the texts about one matchup, with the provability they state.
  struct Fact {
    let x: ModalAgent
    let y: ModalAgent
    let move: Move
    /// The k with PA + k ⊢ the statement that the text states (nil: the text states no level).
    let statedLevel: Int?
    let source: String
  }

  /// One checked fact.
  struct FactRow {
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
    var table = Table(id: "ma.robust-cooperation.facts",
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

  func fairBotSelfVerdict(_ m: Matchup) -> ClaimResult {
    let cooperates = m.firstMove == .cooperate
    let provable = m.solution.isProvable(m.firstVariable)
    return ClaimResult(Self.fairBotSelfClaim, .checking(cooperates && provable), Evidence(
      summary: "FairBot(FairBot) ↔ □FairBot(FairBot): the value is \(m.solution.traceText(0, worlds: 4)) at worlds 0, 1, 2, … (constant from world \(m.stabilisationWorld)), so FairBot cooperates with itself and, holding at every world, the statement is provable (text: cooperates, and PA ⊢ it).",
      measurements: [.init("FairBot(FairBot)", m.firstMove.letter), .init("PA ⊢ [FairBot(FairBot) = C]", provable),
                     .init("stabilisation world", m.stabilisationWorld)],
      tolerance: "exact", sampleSize: 1))
  }

  func fairBotBasicsVerdict(moves: (ModalAgent, ModalAgent) -> (Move, Move)) -> ClaimResult {
    let L = AgentLibrary.self
    let cb = moves(L.fairBot, L.cooperateBot)
    let db = moves(L.fairBot, L.defectBot)
    let holds = cb.0 == .cooperate && db.0 == .defect
    return ClaimResult(Self.fairBotBasicsClaim, .checking(holds), Evidence(
      summary: "FairBot against CooperateBot: \(cb.0.letter)/\(cb.1.letter); against DefectBot: \(db.0.letter)/\(db.1.letter) (text: FairBot cooperates with CooperateBot, defects against DefectBot).",
      measurements: [.init("FairBot(CooperateBot)", cb.0.letter), .init("FairBot(DefectBot)", db.0.letter)],
      tolerance: "exact", sampleSize: 2))
  }

  func programEquilibriumVerdict(game: NormalFormGame, library: [ModalAgent], moves: (ModalAgent, ModalAgent) -> (Move, Move),
                                 rows: [Row], size: Int, checked: Int) -> ClaimResult {
    let L = AgentLibrary.self
    let fbfb = moves(L.fairBot, L.fairBot)
    let dbdb = moves(L.defectBot, L.defectBot)
    let ccIsNash = game.isNashEquilibrium([0, 0])
    let ddIsNash = game.isNashEquilibrium([1, 1])
    // A deviation from FairBot to Y earns Y's payoff against FairBot; likewise against DefectBot.
    var bestAgainstFairBot = (payoff: -Double.infinity, who: "")
    var bestAgainstDefectBot = (payoff: -Double.infinity, who: "")
    for y in library {
      let f = moves(y, L.fairBot)
      let d = moves(y, L.defectBot)
      if game.payoff(of: f.0, against: f.1) > bestAgainstFairBot.payoff { bestAgainstFairBot = (game.payoff(of: f.0, against: f.1), y.name) }
      if game.payoff(of: d.0, against: d.1) > bestAgainstDefectBot.payoff { bestAgainstDefectBot = (game.payoff(of: d.0, against: d.1), y.name) }
    }
    var exploiters = 0
    for (k, row) in rows.enumerated() {
      let f = (Move(cooperates: row.versusFairBot.first), Move(cooperates: row.versusFairBot.second))
      let d = (Move(cooperates: row.versusDefectBot.first), Move(cooperates: row.versusDefectBot.second))
      if game.payoff(of: f.0, against: f.1) > bestAgainstFairBot.payoff { bestAgainstFairBot = (game.payoff(of: f.0, against: f.1), "E\(k + 1)") }
      if game.payoff(of: d.0, against: d.1) > bestAgainstDefectBot.payoff { bestAgainstDefectBot = (game.payoff(of: d.0, against: d.1), "E\(k + 1)") }
      if f.0 == .defect && f.1 == .cooperate { exploiters += 1 }
    }
    for y in library where moves(y, L.fairBot) == (.defect, .cooperate) { exploiters += 1 }
    let fbPayoff = game.payoff(of: fbfb.0, against: fbfb.1)
    let dbPayoff = game.payoff(of: dbdb.0, against: dbdb.1)
    let fairBotEquilibrium = fbfb == (.cooperate, .cooperate) && bestAgainstFairBot.payoff <= fbPayoff
    let defectBotEquilibrium = dbdb == (.defect, .defect) && ddIsNash && bestAgainstDefectBot.payoff <= dbPayoff
    let holds = fairBotEquilibrium && !ccIsNash && defectBotEquilibrium && exploiters == 0
    let payoffs = "T = \(DecimalFormat.compact(game.payoff(of: .defect, against: .cooperate))), R = \(DecimalFormat.compact(game.payoff(of: .cooperate, against: .cooperate))), P = \(DecimalFormat.compact(game.payoff(of: .defect, against: .defect))), S = \(DecimalFormat.compact(game.payoff(of: .cooperate, against: .defect)))"
    return ClaimResult(Self.programEquilibriumClaim, .checking(holds), Evidence(
      summary: "With \(payoffs): FairBot vs FairBot plays \(fbfb.0.letter)/\(fbfb.1.letter), payoff \(DecimalFormat.compact(fbPayoff)) each; (C, C) is \(ccIsNash ? "" : "not ")a Nash equilibrium of the PD. Over the \(library.count) library agents and the \(rows.count) rank-0 agents up to size \(size), the best payoff of a deviation against FairBot is \(DecimalFormat.compact(bestAgainstFairBot.payoff)) (first reached by \(bestAgainstFairBot.who)) and \(exploiters) agents exploit FairBot, so no checked program does better against FairBot than FairBot itself. DefectBot vs DefectBot plays \(dbdb.0.letter)/\(dbdb.1.letter), the PD's \(ddIsNash ? "" : "non-")Nash equilibrium, and the best deviation against DefectBot earns \(DecimalFormat.compact(bestAgainstDefectBot.payoff)) ≤ \(DecimalFormat.compact(dbPayoff)).",
      measurements: [
        .init("FairBot vs FairBot", "\(fbfb.0.letter)/\(fbfb.1.letter)"), .init("(C, C) is a Nash equilibrium of the PD", ccIsNash),
        .init("best payoff of a deviation against FairBot", bestAgainstFairBot.payoff), .init("agents exploiting FairBot", exploiters),
        .init("DefectBot vs DefectBot", "\(dbdb.0.letter)/\(dbdb.1.letter)"), .init("(D, D) is a Nash equilibrium of the PD", ddIsNash),
        .init("best payoff of a deviation against DefectBot", bestAgainstDefectBot.payoff),
      ],
      tolerance: "exact; the deviations checked are the library and every rank-0 agent up to size \(size)", sampleSize: checked))
  }

  func prudentBotVerdict(library: [ModalAgent], moves: (ModalAgent, ModalAgent) -> (Move, Move), rows: [Row], facts: [FactRow],
                         size: Int, checked: Int) -> ClaimResult {
    let L = AgentLibrary.self
    let pbpb = moves(L.prudentBot, L.prudentBot)
    let pbfb = moves(L.prudentBot, L.fairBot)
    let pbcb = moves(L.prudentBot, L.cooperateBot)
    let pbdb = moves(L.prudentBot, L.defectBot)
    var exploiters = library.filter { moves($0, L.prudentBot) == (.defect, .cooperate) }.map(\.name)
    exploiters += rows.enumerated().filter { !$0.element.versusPrudentBot.0 && $0.element.versusPrudentBot.1 }.map { "E\($0.offset + 1)" }
    let holds = pbpb == (.cooperate, .cooperate) && pbfb == (.cooperate, .cooperate) && pbcb.0 == .defect && pbdb.0 == .defect && exploiters.isEmpty
    func level(_ statement: String) -> String {
      guard let row = facts.first(where: { $0.statement == statement }) else { return "?" }
      return row.level.map { $0 == 0 ? "PA" : "PA+\($0)" } ?? "none"
    }
    return ClaimResult(Self.prudentBotClaim, .checking(holds), Evidence(
      summary: "PrudentBot vs PrudentBot \(pbpb.0.letter)/\(pbpb.1.letter), vs FairBot \(pbfb.0.letter)/\(pbfb.1.letter), vs CooperateBot \(pbcb.0.letter)/\(pbcb.1.letter), vs DefectBot \(pbdb.0.letter)/\(pbdb.1.letter); \(exploiters.count) of the \(checked) agents checked (the library and every rank-0 agent up to size \(size)) exploit it. The proof's facts: PB(DB) = D is proved in \(level("PrudentBot(DefectBot) = D")) (text PA+1), PB(CB) = D in \(level("PrudentBot(CooperateBot) = D")) (text PA+2), FB(DB) = D in \(level("FairBot(DefectBot) = D")) (text PA+1).",
      measurements: [
        .init("PrudentBot vs PrudentBot", "\(pbpb.0.letter)/\(pbpb.1.letter)"), .init("PrudentBot vs FairBot", "\(pbfb.0.letter)/\(pbfb.1.letter)"),
        .init("PrudentBot vs CooperateBot", "\(pbcb.0.letter)/\(pbcb.1.letter)"), .init("PrudentBot vs DefectBot", "\(pbdb.0.letter)/\(pbdb.1.letter)"),
        .init("agents exploiting PrudentBot", exploiters.count),
        .init("weakest PA + k proving PB(DB) = D", level("PrudentBot(DefectBot) = D")),
        .init("weakest PA + k proving PB(CB) = D", level("PrudentBot(CooperateBot) = D")),
      ],
      tolerance: "exact; unexploitability checked over the library and every rank-0 agent up to size \(size)", sampleSize: checked,
      counterexample: exploiters.isEmpty ? nil : exploiters.prefix(5).joined(separator: ", ")))
  }

  func rankZeroVerdict(library: [ModalAgent], rows: [Row], enumerated: [ModalAgent], size: Int, mismatches: Int) -> ClaimResult {
    let provableWithFairBot = rows.filter { $0.versusFairBot.firstProvable }.count
    let counterexamples = rows.indices.filter { rows[$0].versusFairBot.firstProvable && !rows[$0].versusCooperateBot.firstProvable }
    // The statement without "PA ⊢" (cooperation in the standard model) is a different one.
    let truthCounterexamples = rows.indices.filter { rows[$0].versusFairBot.first && !rows[$0].versusCooperateBot.first }
    let smallest = truthCounterexamples.first.map { "\(enumerated[$0].formula) (E\($0 + 1))" } ?? "none"
    let holds = counterexamples.isEmpty && mismatches == 0
    return ClaimResult(Self.rankZeroClaim, .checking(holds), Evidence(
      summary: "Of the \(rows.count) fully modalized rank-0 agents up to size \(size), \(provableWithFairBot) have PA ⊢ [X(FB) = C], and \(counterexamples.count) of them lack PA ⊢ [X(CB) = C] (text: none). The theorem needs \"PA ⊢\": read as cooperation in the standard model it fails for \(truthCounterexamples.count) agents, the first being \(smallest), which cooperates with FairBot (true but unprovable) and defects against CooperateBot. The fast tournament and the world-by-world evaluator disagree on \(mismatches) of the \(3 * rows.count) matchups against FairBot, CooperateBot and DefectBot.",
      measurements: [
        .init("rank-0 agents checked", rows.count), .init("with PA ⊢ [X(FB) = C]", provableWithFairBot),
        .init("of those without PA ⊢ [X(CB) = C]", counterexamples.count),
        .init("agents with X(FB) = C but X(CB) = D (standard model)", truthCounterexamples.count),
        .init("first such agent", smallest), .init("evaluator disagreements", mismatches),
      ],
      tolerance: "exact, over every fully modalized rank-0 agent up to size \(size)", sampleSize: rows.count,
      counterexample: counterexamples.first.map { "\(enumerated[$0].formula)" }))
  }

  func justBotVerdict(library: [ModalAgent], moves: (ModalAgent, ModalAgent) -> (Move, Move), rows: [Row], enumerated: [ModalAgent],
                      size: Int, checked: Int) -> ClaimResult {
    let L = AgentLibrary.self
    var differences: [String] = []
    for y in library where moves(L.justBot, y).0 != moves(L.fairBot, y).0 || moves(y, L.justBot).0 != moves(y, L.fairBot).0 {
      differences.append(y.name)
    }
    for (k, row) in rows.enumerated()
    where row.versusJustBot.1 != row.versusFairBot.second || row.versusJustBot.0 != row.versusFairBot.first {
      differences.append("E\(k + 1) = \(enumerated[k].formula)")
    }
    let exploiters = library.filter { moves($0, L.justBot) == (.defect, .cooperate) }.count
      + rows.filter { !$0.versusJustBot.0 && $0.versusJustBot.1 }.count
    return ClaimResult(Self.justBotClaim, .checking(differences.isEmpty && exploiters == 0), Evidence(
      summary: "For \(checked - differences.count) of the \(checked) agents checked (the library and every rank-0 agent up to size \(size)), JustBot makes the same move against the agent as FairBot does, and the agent answers JustBot as it answers FairBot (text: all). \(exploiters) agents exploit JustBot.",
      measurements: [.init("agents where JustBot and FairBot differ", differences.count), .init("agents exploiting JustBot", exploiters)],
      tolerance: "exact, both directions of every matchup", sampleSize: checked,
      counterexample: differences.isEmpty ? nil : differences.prefix(5).joined(separator: "; ")))
  }
}
