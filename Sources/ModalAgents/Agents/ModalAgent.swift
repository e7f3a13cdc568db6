/// A modal agent: a fully modalized formula for "I cooperate", over `them(me)`, `me(them)` and
/// `them(X)` for agents X of lower rank.
///
/// Robust Cooperation (arXiv:1401.5577v2), §4: a modal agent of rank k is given by a fully
/// modalized formula φ(a, b, c_1, …) where a = [Me(Opp) = C], b = [Opp(Me) = C] and c_i = [Opp(Z_i) = C]
/// for agents Z_i of rank < k; rank-0 agents mention only a and b. Here a is written `me(them)`, b
/// `them(me)` and c_i `them(Z_i)` (the reference implementation's agent language spells them
/// Me(Them), Them(Me), Them(X)).
///
/// An agent is immutable; it holds the agents it refers to, so references cannot form a cycle, and
/// the initializer rejects a reference to an agent of the same name (the agent itself, or a
/// different agent reusing its name).
public final class ModalAgent: Sendable, Hashable, CustomStringConvertible {
  public let name: String
  /// The formula for [Me(Opp) = C].
  public let formula: ModalFormula
  /// The third parties `them(X)` mentions, by name, in order of first mention.
  public let references: [ModalAgent]
  /// 0 when the formula mentions no third party, otherwise 1 + the largest rank of a reference.
  public let rank: Int
  /// The formula compiled once, for competitions.
  let template: AgentTemplate

  /// An agent named `name` that cooperates when `formula` holds; `references` must contain every
  /// agent named in a `them(X)` of the formula (others are ignored).
  ///
  /// - Throws: ``ModalDefinitionError`` when the formula is not fully modalized, mentions a
  ///   variable or an agent that is not among `references`, or refers to an agent named `name`.
  public init(name: String, formula: ModalFormula, references: [ModalAgent] = []) throws(ModalDefinitionError) {
    for atom in formula.unmodalizedAtoms {
      throw ModalDefinitionError(
        place: name,
        problem: "\(atom.text) is not under a box: an agent must be fully modalized (every them(...) and me(them) inside □, ◇, [k] or ⟨k⟩)")
    }
    var used: [ModalAgent] = []
    for atom in formula.atoms {
      switch atom {
      case .opponentCooperatesWithMe, .iCooperateWithOpponent: continue
      case .variable(let v):
        throw ModalDefinitionError(place: name, problem: "'\(v)' is not an atom of an agent: use them(me), me(them) or them(X) for an agent X")
      case .opponentCooperatesWith(let other):
        guard other != name else {
          throw ModalDefinitionError(place: name, problem: "them(\(other)) refers to the agent itself: references must go to agents of lower rank")
        }
        guard let agent = references.first(where: { $0.name == other }) else {
          throw ModalDefinitionError(place: name, problem: "them(\(other)) refers to an unknown agent \(other)")
        }
        if agent.closure.contains(where: { $0.name == name }) {
          throw ModalDefinitionError(
            place: name, problem: "them(\(other)) refers to \(other), which itself refers to an agent named \(name): references must be acyclic")
        }
        used.append(agent)
      }
    }
    self.name = name
    self.formula = formula
    self.references = used
    self.rank = used.isEmpty ? 0 : 1 + used.map(\.rank).max()!
    self.template = AgentTemplate(formula: formula, references: used.map(\.name))
  }

  /// Parses `text` as the formula of an agent named `name`, resolving `them(X)` with `resolve`.
  /// Errors give the column in `text`, plus `columnOffset` (for text that starts later in a line).
  public static func parse(
    name: String, _ text: String, columnOffset: Int = 0, resolve: (String) -> ModalAgent?
  ) throws(ModalAgentParseError) -> ModalAgent {
    let parsed: ParsedFormula
    do { parsed = try ModalParser.parseWithPositions(text, columnOffset: columnOffset) } catch {
      throw ModalAgentParseError(column: error.column, message: error.message)
    }
    var references: [ModalAgent] = []
    for occurrence in parsed.occurrences {
      switch occurrence.atom {
      case .variable(let v):
        throw ModalAgentParseError(
          column: occurrence.column, message: "'\(v)' is not an atom of an agent: use them(me), me(them) or them(X) for an agent X")
      case .opponentCooperatesWith(let other):
        if other == name {
          throw ModalAgentParseError(
            column: occurrence.nameColumn, message: "them(\(other)) refers to the agent itself: references must go to agents of lower rank")
        }
        guard let agent = resolve(other) else {
          throw ModalAgentParseError(column: occurrence.nameColumn, message: "unknown agent '\(other)' (not in the library and not defined earlier)")
        }
        if !references.contains(agent) { references.append(agent) }
      default: break
      }
      if !occurrence.isModalized {
        throw ModalAgentParseError(
          column: occurrence.column,
          message:
            "\(occurrence.atom.text) is not under a box: an agent must be fully modalized (every them(...) and me(them) inside □, ◇, [k] or ⟨k⟩)")
      }
    }
    do { return try ModalAgent(name: name, formula: parsed.formula, references: references) } catch {
      throw ModalAgentParseError(column: 1 + columnOffset, message: error.problem)
    }
  }

  /// This agent and every agent it refers to, directly or not, each once, references first.
  public var closure: [ModalAgent] {
    var result: [ModalAgent] = []
    func visit(_ agent: ModalAgent) {
      guard !result.contains(where: { $0 === agent }) else { return }
      for reference in agent.references { visit(reference) }
      result.append(agent)
    }
    visit(self)
    return result
  }

  /// The same agent under another name.
  public func renamed(_ newName: String) throws(ModalDefinitionError) -> ModalAgent {
    try ModalAgent(name: newName, formula: formula, references: references)
  }

  /// `Name = formula`.
  public var description: String { "\(name) = \(formula)" }

  /// Agents are equal when they have the same name, formula and references.
  public static func == (a: ModalAgent, b: ModalAgent) -> Bool {
    a === b || (a.name == b.name && a.formula == b.formula && a.references == b.references)
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(name)
    hasher.combine(formula)
  }
}

/// An error in an agent's formula text, with its column.
public struct ModalAgentParseError: Error, Equatable, Sendable, CustomStringConvertible {
  public let column: Int
  public let message: String
  public var description: String { "column \(column): \(message)" }
}

/// An agent's formula compiled to a list of nodes (children first), with leaves for the atoms.
struct AgentTemplate: Sendable {
  enum Node: Sendable, Hashable {
    case constant(Bool)
    /// me(them)
    case me
    /// them(me)
    case them
    /// them(references[i])
    case themVersus(Int)
    case not(Int)
    case and(Int, Int)
    case or(Int, Int)
    case implies(Int, Int)
    case iff(Int, Int)
    case box(Int, grade: Int)
  }

  /// The nodes, children before parents; the last is the formula.
  let nodes: [Node]

  init(formula: ModalFormula, references: [String]) {
    var nodes: [Node] = []
    var shared: [Node: Int] = [:]
    func add(_ node: Node) -> Int {
      if let index = shared[node] { return index }
      nodes.append(node)
      shared[node] = nodes.count - 1
      return nodes.count - 1
    }
    func compile(_ f: ModalFormula) -> Int {
      switch f {
      case .top: return add(.constant(true))
      case .bottom: return add(.constant(false))
      case .atom(.iCooperateWithOpponent): return add(.me)
      case .atom(.opponentCooperatesWithMe): return add(.them)
      case .atom(.opponentCooperatesWith(let name)): return add(.themVersus(references.firstIndex(of: name)!))
      case .atom(.variable): preconditionFailure("agent formulas have no variables")
      case .not(let a): return add(.not(compile(a)))
      case .and(let a, let b): return add(.and(compile(a), compile(b)))
      case .or(let a, let b): return add(.or(compile(a), compile(b)))
      case .implies(let a, let b): return add(.implies(compile(a), compile(b)))
      case .iff(let a, let b): return add(.iff(compile(a), compile(b)))
      case .box(let a, let k): return add(.box(compile(a), grade: k))
      case .diamond(let a, let k): return add(.not(add(.box(add(.not(compile(a))), grade: k))))
      }
    }
    let root = compile(formula)
    // A formula whose root was shared earlier (e.g. φ ∧ φ) still ends at the root: re-append if needed.
    if root != nodes.count - 1 { nodes.append(nodes[root]) }
    self.nodes = nodes
  }
}
