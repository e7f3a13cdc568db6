/// A finite system of equations p_i ↔ φ_i(p_1, …, p_N) of provability logic, solved on the linear
/// Kripke chain of GL.
///
/// Robust Cooperation, §4 (Thms 4.2 and 4.3, after Lindström 1996 Thms 11–12): when every variable
/// occurrence lies under a box, the system has letterless solutions ψ_i, unique up to
/// GL-equivalence; their truth values at the worlds of the chain are the values computed here.
public struct ModalSystem: Sendable, Equatable {
  /// The variables, in order.
  public let variables: [String]
  /// The right-hand side of each variable's equation; its atoms are variables of the system.
  public let definitions: [ModalFormula]

  /// The system p_i ↔ φ_i for the given (name, φ) pairs.
  ///
  /// - Throws: ``ModalDefinitionError`` when a name repeats or a formula mentions an atom that is
  ///   not a variable of the system.
  public init(_ equations: [(String, ModalFormula)]) throws(ModalDefinitionError) {
    var seen = Set<String>()
    for (name, formula) in equations {
      guard seen.insert(name).inserted else { throw ModalDefinitionError(place: name, problem: "the variable \(name) has two equations") }
      for atom in formula.atoms {
        guard case .variable(let v) = atom, equations.contains(where: { $0.0 == v }) else {
          throw ModalDefinitionError(place: name, problem: "\(atom.text) in \(name)'s equation is not a variable of the system")
        }
      }
    }
    variables = equations.map(\.0)
    definitions = equations.map(\.1)
  }

  /// Whether every variable occurrence lies under a box.
  public var isFullyModalized: Bool { definitions.allSatisfy(\.isFullyModalized) }

  /// The equations, one a line: `p ↔ ¬□p`.
  public var description: String {
    zip(variables, definitions).map { "\($0) ↔ \($1)" }.joined(separator: "\n")
  }

  /// Compiles the system.
  func circuit() -> ModalCircuit {
    var circuit = ModalCircuit()
    let indices = variables.map { _ in circuit.addVariable() }
    let nodes = indices.map { circuit.variableNodes[$0] }
    for (i, formula) in definitions.enumerated() {
      let node = circuit.add(formula) { atom in
        guard case .variable(let name) = atom, let j = variables.firstIndex(of: name) else { preconditionFailure("checked in init") }
        return nodes[j]
      }
      circuit.define(indices[i], as: node)
    }
    return circuit
  }

  /// Solves the system on the chain.
  ///
  /// A fully modalized system always has exactly one solution. Otherwise (`allowSearch`), every
  /// assignment is tried world by world, and a world with no consistent assignment (p ↔ ¬p) or
  /// several (p ↔ p) is an error.
  public func solve(allowSearch: Bool = false) throws(ModalSystemError) -> ModalSolution {
    try circuit().solve(names: { variables[$0] }, allowSearch: allowSearch)
  }
}

/// A definition that cannot be accepted: an agent or system that is not well formed.
public struct ModalDefinitionError: Error, Equatable, Sendable, CustomStringConvertible {
  /// What is being defined (an agent's name, a variable, a file position).
  public let place: String
  public let problem: String

  public init(place: String, problem: String) {
    self.place = place
    self.problem = problem
  }

  public var description: String { "\(place): \(problem)" }
}
