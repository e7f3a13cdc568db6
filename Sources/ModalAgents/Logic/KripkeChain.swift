/// A system of fully modalized equations compiled to a circuit, and its evaluation world by world on
/// the linear Kripke chain 0 < 1 < 2 < … of GL.
///
/// The semantics (the notes' §4.2, used by every implementation since the 2013 reference code):
/// world n sees exactly the worlds m < n, so □φ holds at n iff φ holds at every m < n (every box is
/// true at world 0) and [k]φ holds at n iff φ holds at every m with k ≤ m < n. Because every
/// variable lies under a box, the values at world n depend only on worlds before n, so the system
/// has exactly one solution sequence and it is computed world by world.
///
/// Stopping rule (the notes' §4.3, "precise version"): let S_n be the values at world n of the
/// boxes of the circuit. Every other node's value at world n is a function of S_n, and
/// S_{n+1} = S_n ∧ G_n(S_n), where G_n(S)_j is the value at world n of the j-th box's argument when
/// n ≥ k_j and true otherwise. For n ≥ K, the largest grade, G_n is one fixed map, so S_{n+1} = S_n
/// at such an n means the valuation is constant from n on. S is monotone non-increasing and starts
/// all true, so this happens by world K + B for B boxes. The stabilisation world is the first n
/// with S_n equal to the final state; from it on every value is constant, and (Boolos 1993, the
/// letterless normal form; Robust Cooperation Thm 4.7 and the uniqueness of fixed points, Thm 4.3)
/// that constant value is the truth value in the standard model ℕ.
struct ModalCircuit: Sendable {
  /// The most node evaluations (worlds × circuit nodes) an evaluation may need: a fraction of a
  /// second (about 1.5 s under the fuzzer's instrumentation). The paper-scale cost experiment
  /// (WaitFairBot_2048) stays well below it.
  /// Graded boxes [k] with k up to 10^6 are allowed, so one box can demand a million worlds; a file
  /// of many such boxes would otherwise run for minutes.
  static let largestCost = 50_000_000

  /// One node of the circuit; children are node indices.
  enum Operation: Hashable, Sendable {
    case constant(Bool)
    /// The value of variable i (its definition's value at the same world).
    case variable(Int)
    case not(Int)
    case and(Int, Int)
    case or(Int, Int)
    case implies(Int, Int)
    case iff(Int, Int)
    /// [k] of the node: a running conjunction of its values at worlds k ... n − 1.
    case box(Int, grade: Int)
  }

  private(set) var operations: [Operation] = []
  /// The node of each variable's `.variable` leaf.
  private(set) var variableNodes: [Int] = []
  /// The node each variable is defined by (set once its definition is compiled).
  private(set) var definitions: [Int?] = []
  private var shared: [Operation: Int] = [:]

  init() {}

  /// Adds a new variable (its definition is given later) and returns its index.
  mutating func addVariable() -> Int {
    let index = variableNodes.count
    variableNodes.append(append(.variable(index)))
    definitions.append(nil)
    return index
  }

  /// Sets the definition of variable `index` to node `node`.
  mutating func define(_ index: Int, as node: Int) {
    precondition(definitions[index] == nil, "variable \(index) defined twice")
    definitions[index] = node
  }

  /// Appends a node (no sharing) and returns its index.
  @discardableResult
  mutating func append(_ operation: Operation) -> Int {
    operations.append(operation)
    return operations.count - 1
  }

  /// Adds a node, reusing an identical existing node (hash-consing).
  mutating func add(_ operation: Operation) -> Int {
    if let existing = shared[operation] { return existing }
    let index = append(operation)
    shared[operation] = index
    return index
  }

  /// Compiles `formula`, with atoms mapped to nodes by `atomNode`, sharing identical subformulas.
  mutating func add(_ formula: ModalFormula, atomNode: (ModalAtom) throws -> Int) rethrows -> Int {
    switch formula {
    case .top: return add(.constant(true))
    case .bottom: return add(.constant(false))
    case .atom(let atom): return try atomNode(atom)
    case .not(let a): return add(.not(try add(a, atomNode: atomNode)))
    case .and(let a, let b): return add(.and(try add(a, atomNode: atomNode), try add(b, atomNode: atomNode)))
    case .or(let a, let b): return add(.or(try add(a, atomNode: atomNode), try add(b, atomNode: atomNode)))
    case .implies(let a, let b): return add(.implies(try add(a, atomNode: atomNode), try add(b, atomNode: atomNode)))
    case .iff(let a, let b): return add(.iff(try add(a, atomNode: atomNode), try add(b, atomNode: atomNode)))
    case .box(let a, let k): return add(.box(try add(a, atomNode: atomNode), grade: k))
    case .diamond(let a, let k):
      return add(.not(add(.box(add(.not(try add(a, atomNode: atomNode))), grade: k))))
    }
  }

  /// The number of nodes: the size of the compiled system.
  var size: Int { operations.count }
  /// The number of box nodes (B in the stopping bound).
  var boxCount: Int {
    operations.reduce(0) {
      if case .box = $1 { return $0 + 1 }; return $0
    }
  }
  /// The largest grade of a box (K in the stopping rule).
  var largestGrade: Int {
    operations.reduce(0) {
      if case .box(_, let k) = $1 { return max($0, k) }; return $0
    }
  }
}

/// Why a system could not be solved.
public enum ModalSystemError: Error, Equatable, Sendable, CustomStringConvertible {
  /// A variable's value at a world depends on itself at the same world, outside every box.
  case notFullyModalized(cycle: [String])
  /// At `world`, no assignment of the variables satisfies every equation (an unstable loop such as
  /// p ↔ ¬p).
  case noConsistentAssignment(world: Int)
  /// At `world`, several assignments satisfy every equation, so the loop does not determine the
  /// values (such as p ↔ p).
  case severalConsistentAssignments(world: Int, count: Int)
  /// More variables than the exhaustive search for systems that are not fully modalized handles.
  case tooManyVariables(count: Int, limit: Int)
  /// The evaluation would take more than ``ModalCircuit/largestCost`` node evaluations: `worlds`
  /// worlds (at most the largest grade plus the number of boxes, plus 2) times `nodes` circuit nodes.
  case tooCostly(worlds: Int, nodes: Int, limit: Int)

  public var description: String {
    switch self {
    case .notFullyModalized(let cycle):
      return "not fully modalized: " + (cycle + [cycle[0]]).joined(separator: " → ")
        + " depends on itself at the same world, outside every box"
    case .noConsistentAssignment(let world):
      return "no consistent assignment: at world \(world) no values of the variables satisfy every equation (an unstable loop)"
    case .severalConsistentAssignments(let world, let count):
      return "\(count) consistent assignments at world \(world): the loop does not determine the values"
    case .tooManyVariables(let count, let limit):
      return "\(count) variables in a system that is not fully modalized; the exhaustive search handles at most \(limit)"
    case .tooCostly(let worlds, let nodes, let limit):
      return
        "evaluating may take up to \(worlds) worlds × \(nodes) circuit nodes, more than the limit of \(limit) node evaluations (a few seconds); use smaller grades [k] or fewer boxes"
    }
  }
}

/// The solution of a system on the linear chain: the value of every variable at worlds
/// 0 ... ``lastWorld`` (the values are constant from ``stabilisationWorld`` on).
public struct ModalSolution: Sendable, Equatable {
  /// The names of the variables, in system order.
  public let variables: [String]
  /// `trace[world][variable]` for worlds 0 ... lastWorld.
  public let trace: [[Bool]]
  /// The first world from which every value (of every box, hence of every variable) is constant.
  public let stabilisationWorld: Int
  /// Nodes evaluated in all: (worlds evaluated) × (size of the circuit). The cost measure of
  /// `ma.polynomial-time`: deterministic, unlike seconds.
  public let cost: Int
  /// The size of the compiled circuit (distinct subformulas of the whole system).
  public let circuitSize: Int
  /// The number of boxes in the compiled circuit.
  public let boxCount: Int

  /// The last world evaluated (the stopping rule's world, at or after the stabilisation world).
  public var lastWorld: Int { trace.count - 1 }

  /// The index of the variable named `name`.
  public func index(of name: String) -> Int? { variables.firstIndex(of: name) }

  /// The truth value in the standard model: the value at the stabilisation world and every later one.
  public func value(_ variable: Int) -> Bool { trace[lastWorld][variable] }

  /// The value at `world` (any world; constant from the stabilisation world on).
  public func value(_ variable: Int, atWorld world: Int) -> Bool { trace[min(world, lastWorld)][variable] }

  /// Whether PA (equivalently GL, for the letterless fixed point) proves the variable's statement:
  /// it holds at every world of the chain (Boolos 1993: a letterless sentence is a theorem of GL
  /// iff its trace is all of ω).
  public func isProvable(_ variable: Int) -> Bool { firstWorldFalse(variable) == nil }

  /// Whether PA proves the negation of the statement: it fails at every world.
  public func isRefutable(_ variable: Int) -> Bool { firstWorldTrue(variable) == nil }

  /// Whether PA + k (PA with ¬□^k⊥ added) proves the statement: it holds at every world n ≥ k
  /// (notes §4.2: "PA + k ⊢ φ" shows on the chain as φ holding at every world ≥ k).
  public func isProvable(_ variable: Int, inPAPlus k: Int) -> Bool {
    (k...max(k, lastWorld)).allSatisfy { value(variable, atWorld: $0) }
  }

  /// Whether PA + k proves the negation of the statement: it fails at every world n ≥ k.
  public func isRefutable(_ variable: Int, inPAPlus k: Int) -> Bool {
    (k...max(k, lastWorld)).allSatisfy { !value(variable, atWorld: $0) }
  }

  /// The first world where the statement fails, or nil when it holds everywhere.
  public func firstWorldFalse(_ variable: Int) -> Int? { trace.firstIndex { !$0[variable] } }

  /// The first world where the statement holds, or nil when it fails everywhere.
  public func firstWorldTrue(_ variable: Int) -> Int? { trace.firstIndex { $0[variable] } }

  /// The variable's values as a string of 1s and 0s, world 0 first, through world `worlds − 1`
  /// (past the last world evaluated the value is repeated), followed by "…".
  public func traceText(_ variable: Int, worlds: Int? = nil) -> String {
    let count = worlds ?? (lastWorld + 1)
    return (0..<count).map { value(variable, atWorld: $0) ? "1" : "0" }.joined() + "…"
  }

  /// The letterless normal form of the variable's fixed point, read off its trace: a Boolean
  /// combination of the sentences □^n⊥ (Boolos 1993, the normal form of letterless sentences;
  /// □^{n+1}⊥ ∧ ¬□^n⊥ holds exactly at world n, LaVictoire 2015 Lemma 6.1).
  public func normalForm(_ variable: Int) -> ModalFormula {
    Letterless.normalForm(trace: (0...lastWorld).map { value(variable, atWorld: $0) })
  }
}

extension ModalCircuit {
  /// The order in which to evaluate the nodes at one world: children before parents, a variable
  /// after its definition, boxes as leaves (their value at a world is the state).
  func evaluationOrder(names: (Int) -> String) throws(ModalSystemError) -> [Int] {
    var order: [Int] = []
    order.reserveCapacity(operations.count)
    var mark = [UInt8](repeating: 0, count: operations.count)  // 0 new, 1 on stack, 2 done
    var stack: [(node: Int, expanded: Bool)] = []
    for start in operations.indices where mark[start] == 0 {
      stack.append((start, false))
      while let (node, expanded) = stack.popLast() {
        if expanded {
          mark[node] = 2
          order.append(node)
          continue
        }
        if mark[node] != 0 { continue }
        mark[node] = 1
        stack.append((node, true))
        var dependencies: [Int] = []
        switch operations[node] {
        case .constant, .box: break
        case .variable(let i): if let d = definitions[i] { dependencies = [d] }
        case .not(let a): dependencies = [a]
        case .and(let a, let b), .or(let a, let b), .implies(let a, let b), .iff(let a, let b): dependencies = [a, b]
        }
        for d in dependencies.reversed() {
          if mark[d] == 1 {
            throw .notFullyModalized(cycle: cycleVariables(from: d, stack: stack.filter(\.expanded).map(\.node), names: names))
          }
          if mark[d] == 0 { stack.append((d, false)) }
        }
      }
    }
    return order
  }

  /// The variables on a same-world dependency cycle through `node`, for the error message.
  private func cycleVariables(from node: Int, stack: [Int], names: (Int) -> String) -> [String] {
    let path = stack.drop { $0 != node }
    var seen = Set<Int>()
    var variables: [String] = []
    for n in path where seen.insert(n).inserted {
      if case .variable(let i) = operations[n] { variables.append(names(i)) }
    }
    if variables.isEmpty, case .variable(let i) = operations[node] { variables = [names(i)] }
    return variables.isEmpty ? ["?"] : variables
  }

  /// Evaluates the circuit world by world until the stopping rule fires, returning the values of
  /// the variables at every world evaluated.
  ///
  /// When a variable depends on itself outside every box the world's values are not a function of
  /// the box state alone; with `allowSearch`, every assignment of the variables is then tried at
  /// each world and the unique consistent one is kept (``ModalSystemError`` otherwise).
  func solve(names: (Int) -> String, allowSearch: Bool = false) throws(ModalSystemError) -> ModalSolution {
    let order: [Int]
    var search = false
    do {
      order = try evaluationOrder(names: names)
    } catch {
      guard allowSearch else { throw error }
      guard variableNodes.count <= 16 else { throw .tooManyVariables(count: variableNodes.count, limit: 16) }
      order = Array(operations.indices)  // children precede parents; variables are read from the guess
      search = true
    }
    let boxes: [(node: Int, child: Int, grade: Int)] = operations.indices.compactMap { node in
      if case .box(let child, let grade) = operations[node] { return (node, child, grade) }
      return nil
    }
    let largestGrade = boxes.map(\.grade).max() ?? 0
    let limit = largestGrade + boxes.count + 2
    try checkCost()
    var values = [Bool](repeating: false, count: operations.count)
    var state = [Bool](repeating: true, count: boxes.count)
    var next = state
    var liveCounts: [Int] = []
    var trace: [[Bool]] = []
    var world = 0
    while true {
      precondition(world <= limit, "the stopping bound K + B was passed: the circuit is not fully modalized")
      for (j, box) in boxes.enumerated() { values[box.node] = state[j] }
      if search {
        try searchAssignment(order: order, values: &values, world: world)
      } else {
        evaluate(order: order, values: &values)
      }
      trace.append(variableNodes.map { values[$0] })
      liveCounts.append(state.reduce(0) { $0 + ($1 ? 1 : 0) })
      var changed = false
      for (j, box) in boxes.enumerated() {
        let value = state[j] && (world < box.grade || values[box.child])
        next[j] = value
        changed = changed || value != state[j]
      }
      if !changed && world >= largestGrade { break }
      swap(&state, &next)
      world += 1
    }
    let finalCount = liveCounts.last!
    let stabilisation = liveCounts.firstIndex(of: finalCount)!
    return ModalSolution(
      variables: variableNodes.indices.map(names), trace: trace, stabilisationWorld: stabilisation,
      cost: trace.count * operations.count, circuitSize: operations.count, boxCount: boxes.count)
  }

  /// Refuses a circuit whose evaluation may pass ``largestCost`` node evaluations: at most K + B + 2
  /// worlds (K the largest grade, B the number of boxes) of one pass over the nodes each.
  func checkCost() throws(ModalSystemError) {
    let (worlds, cost) = worstCaseCost
    guard cost <= Self.largestCost else {
      throw .tooCostly(worlds: worlds, nodes: operations.count, limit: Self.largestCost)
    }
  }

  /// The most worlds an evaluation visits, K + B + 2, and that many passes over the nodes (capped
  /// at `Int.max`).
  var worstCaseCost: (worlds: Int, cost: Int) {
    var largestGrade = 0
    var boxCount = 0
    for operation in operations {
      if case .box(_, let grade) = operation {
        largestGrade = max(largestGrade, grade)
        boxCount += 1
      }
    }
    let worlds = largestGrade + boxCount + 2
    let (cost, overflow) = worlds.multipliedReportingOverflow(by: operations.count)
    return (worlds, overflow ? Int.max : cost)
  }

  /// Evaluates every non-box node in `order` at one world (box values already set).
  private func evaluate(order: [Int], values: inout [Bool]) {
    for node in order {
      switch operations[node] {
      case .constant(let b): values[node] = b
      case .variable(let i): values[node] = values[definitions[i]!]
      case .not(let a): values[node] = !values[a]
      case .and(let a, let b): values[node] = values[a] && values[b]
      case .or(let a, let b): values[node] = values[a] || values[b]
      case .implies(let a, let b): values[node] = !values[a] || values[b]
      case .iff(let a, let b): values[node] = values[a] == values[b]
      case .box: break
      }
    }
  }

  /// Tries every assignment of the variables at one world and keeps the unique consistent one.
  private func searchAssignment(order: [Int], values: inout [Bool], world: Int) throws(ModalSystemError) {
    var found: [Bool]?
    var count = 0
    for guess in 0..<(1 << variableNodes.count) {
      for (i, node) in variableNodes.enumerated() { values[node] = guess >> i & 1 == 1 }
      for node in order {
        switch operations[node] {
        case .constant(let b): values[node] = b
        case .variable, .box: break
        case .not(let a): values[node] = !values[a]
        case .and(let a, let b): values[node] = values[a] && values[b]
        case .or(let a, let b): values[node] = values[a] || values[b]
        case .implies(let a, let b): values[node] = !values[a] || values[b]
        case .iff(let a, let b): values[node] = values[a] == values[b]
        }
      }
      let consistent = variableNodes.indices.allSatisfy { values[definitions[$0]!] == values[variableNodes[$0]] }
      if consistent {
        count += 1
        if found == nil { found = values }
      }
    }
    guard let solution = found else { throw .noConsistentAssignment(world: world) }
    guard count == 1 else { throw .severalConsistentAssignments(world: world, count: count) }
    values = solution
  }
}
