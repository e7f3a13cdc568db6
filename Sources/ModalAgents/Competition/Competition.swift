/// The finite system of equations of one matchup: one variable per ordered pair of agents
/// "X(Y)" = [X(Y) = C] reached from the two players through third-party references.
///
/// Robust Cooperation §4 and LaVictoire 2015 §7.1: X(Y) ↔ φ_X with me(them) read as X(Y), them(me)
/// as Y(X) and them(Z) as Y(Z); each new pair brings its own equation. References go to agents of
/// strictly lower rank, so the closure is finite (the agents involved are the two players and
/// their references). The reference implementation's `competition` builds the same map.
public struct Competition: Sendable {
  /// Every agent involved: the two players and everything they refer to.
  public let agents: [ModalAgent]
  /// The ordered pairs, one per variable: variable v is [agents[pairs[v].0](agents[pairs[v].1]) = C].
  public let pairs: [(Int, Int)]
  let circuit: ModalCircuit

  /// The system for `first` against `second`.
  ///
  /// - Throws: ``ModalDefinitionError`` when two different agents involved share a name, or when the
  ///   system would take more than ``ModalCircuit/largestCost`` node evaluations to solve (so that
  ///   ``solve()`` always finishes quickly).
  public init(_ first: ModalAgent, _ second: ModalAgent) throws(ModalDefinitionError) {
    var builder = Builder()
    _ = try builder.variable(try builder.agent(first), try builder.agent(second))
    if first != second { _ = try builder.variable(try builder.agent(second), try builder.agent(first)) }
    try builder.run()
    agents = builder.agents
    pairs = builder.pairs
    circuit = builder.circuit
    do { try circuit.checkCost() } catch {
      throw ModalDefinitionError(place: "\(first.name) vs \(second.name)", problem: error.description)
    }
  }

  /// "X(Y)" for each variable.
  public var variableNames: [String] { pairs.map { "\(agents[$0.0].name)(\(agents[$0.1].name))" } }

  /// The equations, for display: X(Y) ↔ φ_X with the atoms replaced by the pairs' variables.
  public var equations: [(String, ModalFormula)] {
    pairs.map { p, q in
      let me = agents[p]
      let them = agents[q]
      let formula = me.formula.substituting { atom in
        switch atom {
        case .iCooperateWithOpponent: return .variable("\(me.name)(\(them.name))")
        case .opponentCooperatesWithMe: return .variable("\(them.name)(\(me.name))")
        case .opponentCooperatesWith(let z): return .variable("\(them.name)(\(z))")
        case .variable(let v): return .variable(v)
        }
      }
      return ("\(me.name)(\(them.name))", formula)
    }
  }

  /// Solves the system on the chain: the moves, the trace and the stabilisation world.
  public func solve() -> Matchup {
    let names = variableNames
    // Agents are fully modalized and init checked the cost, so the solve cannot fail.
    let solution = try! circuit.solve(names: { names[$0] })
    return Matchup(competition: self, solution: solution)
  }

  /// Builds the system by a worklist over ordered pairs.
  private struct Builder {
    var agents: [ModalAgent] = []
    var agentIndex: [String: Int] = [:]
    var pairs: [(Int, Int)] = []
    var pairIndex: [Int: Int] = [:]
    var circuit = ModalCircuit()
    var next = 0

    mutating func agent(_ agent: ModalAgent) throws(ModalDefinitionError) -> Int {
      if let index = agentIndex[agent.name] {
        guard agents[index] == agent else {
          throw ModalDefinitionError(
            place: agent.name,
            problem: "two different agents named \(agent.name) take part in one matchup: \(agents[index].formula) and \(agent.formula)")
        }
        return index
      }
      agents.append(agent)
      agentIndex[agent.name] = agents.count - 1
      return agents.count - 1
    }

    /// The variable of pair (p, q), created (and queued) when new.
    mutating func variable(_ p: Int, _ q: Int) throws(ModalDefinitionError) -> Int {
      let key = p << 32 | q
      if let v = pairIndex[key] { return v }
      let v = circuit.addVariable()
      pairIndex[key] = v
      pairs.append((p, q))
      return v
    }

    /// Compiles the equation of every queued pair until no new pair appears.
    mutating func run() throws(ModalDefinitionError) {
      while next < pairs.count {
        let (p, q) = pairs[next]
        let v = next
        next += 1
        let me = agents[p]
        var map = [Int](repeating: 0, count: me.template.nodes.count)
        for (i, node) in me.template.nodes.enumerated() {
          switch node {
          case .constant(let b): map[i] = circuit.append(.constant(b))
          case .me: map[i] = circuit.variableNodes[v]
          case .them:
            let w = try variable(q, p)
            map[i] = circuit.variableNodes[w]
          case .themVersus(let r):
            let w = try variable(q, try agent(me.references[r]))
            map[i] = circuit.variableNodes[w]
          case .not(let a): map[i] = circuit.append(.not(map[a]))
          case .and(let a, let b): map[i] = circuit.append(.and(map[a], map[b]))
          case .or(let a, let b): map[i] = circuit.append(.or(map[a], map[b]))
          case .implies(let a, let b): map[i] = circuit.append(.implies(map[a], map[b]))
          case .iff(let a, let b): map[i] = circuit.append(.iff(map[a], map[b]))
          case .box(let a, let k): map[i] = circuit.append(.box(map[a], grade: k))
          }
        }
        circuit.define(v, as: map[map.count - 1])
      }
    }
  }
}

/// The solved matchup of two agents.
public struct Matchup: Sendable {
  /// The system that was solved.
  public let competition: Competition
  /// Its solution on the chain.
  public let solution: ModalSolution

  /// The first player.
  public var first: ModalAgent { competition.agents[competition.pairs[0].0] }
  /// The second player.
  public var second: ModalAgent { competition.agents[competition.pairs[0].1] }
  /// The variable of [first(second) = C] (0).
  public var firstVariable: Int { 0 }
  /// The variable of [second(first) = C] (0 too when an agent plays itself).
  public var secondVariable: Int { competition.pairs.count > 1 && competition.pairs[1] == (competition.pairs[0].1, competition.pairs[0].0) ? 1 : 0 }

  /// The first player's move in the standard model.
  public var firstMove: Move { Move(cooperates: solution.value(firstVariable)) }
  /// The second player's move in the standard model.
  public var secondMove: Move { Move(cooperates: solution.value(secondVariable)) }
  /// "C/D"-style outcome: the first player's move, then the second's.
  public var outcome: String { firstMove.letter + "/" + secondMove.letter }
  /// The first world from which the whole system is constant.
  public var stabilisationWorld: Int { solution.stabilisationWorld }

  /// The index of the variable of `x` against `y`, by names, if the system has one.
  public func variable(_ x: String, _ y: String) -> Int? {
    competition.pairs.firstIndex { competition.agents[$0.0].name == x && competition.agents[$0.1].name == y }
  }

  /// The per-world table of every variable (1 = cooperates), world 0 first, one row per world
  /// through the stopping world, then the standard-model values and what PA proves.
  /// At most this many worlds are listed in ``traceTable()``.
  public static let tracedWorlds = 1000

  public func traceTable() -> String {
    let names = competition.variableNames
    let worldWidth = max(5, String(solution.lastWorld).count)
    var lines: [String] = []
    func row(_ first: String, _ cells: [String]) -> String {
      ([first.padding(toLength: worldWidth, withPad: " ", startingAt: 0)]
        + zip(cells, names).map { cell, name in cell.padding(toLength: max(name.count, 1), withPad: " ", startingAt: 0) })
        .joined(separator: "  ").trailingWhitespaceRemoved
    }
    lines.append(row("world", names))
    // A formula such as [700006]⊥ stops at a far world; beyond `Self.tracedWorlds` rows the table
    // shows the first ones and the stopping world, and says how many it leaves out.
    let shown = solution.lastWorld < Self.tracedWorlds ? Array(0...solution.lastWorld) : Array(0..<(Self.tracedWorlds - 1)) + [solution.lastWorld]
    for world in shown {
      if world == solution.lastWorld && shown.count > 1 && shown[shown.count - 2] != world - 1 {
        lines.append("… worlds \(shown[shown.count - 2] + 1) to \(world - 1) left out (\(world - shown[shown.count - 2] - 1) rows)")
      }
      lines.append(row(String(world), names.indices.map { solution.value($0, atWorld: world) ? "1" : "0" }))
    }
    lines.append(row("ℕ", names.indices.map { solution.value($0) ? "C" : "D" }))
    lines.append(row("PA ⊢", names.indices.map { solution.isProvable($0) ? "C" : solution.isRefutable($0) ? "D" : "-" }))
    return lines.joined(separator: "\n") + "\n"
  }
}

extension String {
  /// The string without its trailing spaces, in time linear in their number (`dropLast()` in a loop
  /// counted the whole string each time: quadratic, found by the formula fuzz target).
  var trailingWhitespaceRemoved: String {
    guard let last = lastIndex(where: { $0 != " " }) else { return "" }
    return String(self[...last])
  }
}
