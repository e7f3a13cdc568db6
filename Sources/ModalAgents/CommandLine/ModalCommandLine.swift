import LabKit

/// What `reproduce modal compete` and `reproduce modal matrix` print: the command line only reads
/// its arguments and calls these.
public enum ModalCommandLine {
  /// The output formats of `matrix`.
  public enum Format: String, Sendable, CaseIterable {
    case text, json
  }

  /// `reproduce modal compete A B [--trace]`: the matchup of two agents, each a library name
  /// (`FairBot`, `PrudentBot_2`, ...) or a formula (`"[]them(me)"`), with the moves, the
  /// stabilisation world and what PA proves; with `trace`, the system of equations and the value of
  /// every variable at every world.
  ///
  /// - Throws: `LabError.invalidInput` naming the argument, with the column of a syntax error.
  public static func compete(_ a: String, _ b: String, trace: Bool) throws -> String {
    let first = try agent(from: a, argument: "first agent")
    let second = try agent(from: b, argument: "second agent")
    let matchup: Matchup
    do { matchup = try Competition(first, second).solve() } catch {
      throw LabError.invalidInput(place: "compete", problem: error.description)
    }
    var out = ""
    for agent in first == second ? [first] : [first, second] {
      out += "\(agent.name) = \(agent.formula)  (rank \(agent.rank))\n"
    }
    out += "\n\(first.name) vs \(second.name): \(matchup.firstMove.letter)/\(matchup.secondMove.letter)\n"
    let solution = matchup.solution
    for (agent, opponent, variable) in [(first, second, matchup.firstVariable), (second, first, matchup.secondVariable)] {
      let move = Move(cooperates: solution.value(variable))
      let status: String
      if solution.isProvable(variable) || solution.isRefutable(variable) {
        status = "PA proves it"
      } else {
        let world = move == .cooperate ? solution.firstWorldFalse(variable)! : solution.firstWorldTrue(variable)!
        status = "true but not provable in PA: the statement fails at world \(world)"
      }
      out += "  \(agent.name) \(move == .cooperate ? "cooperates with" : "defects against") \(opponent.name) (\(status))\n"
      if first == second { break }
    }
    out +=
      "  the system (\(solution.variables.count) variable\(solution.variables.count == 1 ? "" : "s")) is constant from world \(solution.stabilisationWorld) on\n"
    if trace {
      out += "\nEquations:\n"
      for (name, formula) in matchup.competition.equations { out += "  \(name) ↔ \(formula)\n" }
      out += "\nValues at the worlds of the chain (1 = cooperates; ℕ = the standard model; PA ⊢ = provable outcome, - when neither is):\n"
      out += matchup.traceTable()
    }
    return out
  }

  /// `reproduce modal matrix FILE [--format json]`: the matrix of moves of the agents defined in the
  /// file (``AgentFile``), entry = the row agent's move against the column agent, `C` or `D`. JSON:
  /// `{"agents": [...], "moves": [[...]]}`.
  ///
  /// - Throws: `LabError.invalidInput` with place `FILE:LINE:COLUMN` for a bad definition.
  public static func matrix(fileText: String, fileName: String, format: Format) throws -> String {
    let agents = try AgentFile(text: fileText, fileName: fileName).agents
    let moves = try Self.moves(agents)
    switch format {
    case .json:
      return JSONValue.object([
        ("agents", .array(agents.map { .string($0.name) })),
        ("moves", .array(moves.map { row in .array(row.map { .string($0.letter) }) })),
      ]).rendered()
    case .text:
      let nameWidth = agents.map(\.name.count).max()!
      var out = String(repeating: " ", count: nameWidth)
      for agent in agents { out += "  " + agent.name }
      out += "\n"
      for (i, agent) in agents.enumerated() {
        var line = agent.name.padding(toLength: nameWidth, withPad: " ", startingAt: 0)
        for (j, column) in agents.enumerated() {
          line += "  " + moves[i][j].letter.padding(toLength: column.name.count, withPad: " ", startingAt: 0)
        }
        out += line.trailingWhitespaceRemoved + "\n"
      }
      out += "(entry = the row agent's move against the column agent)\n"
      return out
    }
  }

  /// `moves[i][j]`: agent i's move against agent j. Rank-0 populations use the fast tournament.
  ///
  /// - Throws: `LabError.invalidInput` when two different agents involved share a name, or when the
  ///   matchups together may take more than ``ModalCircuit/largestCost`` node evaluations.
  public static func moves(_ agents: [ModalAgent]) throws -> [[Move]] {
    var moves = [[Move]](repeating: [Move](repeating: .defect, count: agents.count), count: agents.count)
    // The fast tournament, unless an agent's grades are beyond its 64-world window: such matchups
    // go to Competition below, whose cost check gives an error rather than a long run.
    if agents.allSatisfy({ $0.rank == 0 }), let tournament = try? RankZeroTournament(agents), !tournament.outsideWindow.contains(true) {
      tournament.forEachPair { i, j, a, b in
        moves[i][j] = Move(cooperates: a)
        moves[j][i] = Move(cooperates: b)
      }
      return moves
    }
    // Build every matchup first, so that a matrix whose matchups together would take too long is
    // refused before any is solved.
    var competitions: [(i: Int, j: Int, competition: Competition)] = []
    var totalCost = 0
    for i in agents.indices {
      for j in i..<agents.count {
        do { competitions.append((i, j, try Competition(agents[i], agents[j]))) } catch {
          throw LabError.invalidInput(place: "\(agents[i].name) vs \(agents[j].name)", problem: error.description)
        }
        totalCost = totalCost.addingReportingOverflow(competitions.last!.competition.circuit.worstCaseCost.cost).partialValue
        guard totalCost >= 0, totalCost <= ModalCircuit.largestCost else {
          throw LabError.invalidInput(
            place: "matrix of \(agents.count) agents",
            problem:
              "solving every matchup may take more than the limit of \(ModalCircuit.largestCost) node evaluations (a few seconds); use smaller grades [k], fewer boxes or fewer agents"
          )
        }
      }
    }
    for (i, j, competition) in competitions {
      let matchup = competition.solve()
      moves[i][j] = matchup.firstMove
      moves[j][i] = matchup.secondMove
    }
    return moves
  }

  /// A library agent by name, or an agent given by its formula (named by the formula's text).
  static func agent(from argument: String, argument role: String) throws -> ModalAgent {
    let trimmed = argument.trimmingSpaces
    if let agent = AgentLibrary.agent(named: trimmed) { return agent }
    if AgentFile.isName(trimmed), !["T", "F"].contains(trimmed) {
      throw LabError.invalidInput(
        place: "\(role) '\(argument)'",
        problem: "unknown agent; known library agents: \(AgentLibrary.knownNames); or give a formula such as \"[]them(me)\"")
    }
    do {
      return try ModalAgent.parse(name: trimmed, argument, resolve: AgentLibrary.agent(named:))
    } catch {
      throw LabError.invalidInput(place: "\(role) '\(argument)'", problem: error.description)
    }
  }
}
