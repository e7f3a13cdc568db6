/// A linear program: real variables with bounds, linear constraints with bounds, and a linear
/// objective to maximise or minimise.
///
///     optimise  c₀ + Σⱼ cⱼ xⱼ
///     subject to  lᵢ ≤ Σⱼ aᵢⱼ xⱼ ≤ uᵢ   for every constraint i
///                 lⱼ ≤ xⱼ ≤ uⱼ          for every variable j
///
/// Any bound may be absent (`nil`), so a variable can be free and a constraint one-sided or an
/// equality. Variables and constraints are referred to by their index, in the order they were added;
/// their names only serve the error messages.
///
/// The value type holds no GLPK state: ``solve(exact:presolve:)`` validates it, builds a GLPK problem,
/// solves it and deletes the problem before it returns.
///
///     var lp = LinearProgram()
///     let x = lp.addVariable("x")                              // x ≥ 0
///     let y = lp.addVariable("y")                              // y ≥ 0
///     lp.addConstraint("capacity", [x: 1, y: 1], .atMost(4))  // x + y ≤ 4
///     lp.maximise([x: 3, y: 2])
///     let solution = try lp.solve()                           // .optimal, 12 at (4, 0)
public struct LinearProgram: Sendable, Equatable {
  /// Whether the objective is maximised or minimised.
  public enum Direction: String, Sendable, Equatable {
    case maximise, minimise
  }

  /// Bounds `lower ≤ value ≤ upper` on a variable or on a constraint's left-hand side. `nil` means
  /// no bound on that side (an infinite bound of the right sign means the same).
  public struct Bounds: Sendable, Equatable, CustomStringConvertible {
    public var lower: Double?
    public var upper: Double?

    public init(lower: Double?, upper: Double?) {
      self.lower = lower
      self.upper = upper
    }

    /// No bound: −∞ < value < ∞.
    public static let free = Bounds(lower: nil, upper: nil)
    /// value ≥ 0, the default for a variable.
    public static let nonNegative = Bounds(lower: 0, upper: nil)
    /// value ≥ `lower`.
    public static func atLeast(_ lower: Double) -> Bounds { Bounds(lower: lower, upper: nil) }
    /// value ≤ `upper`.
    public static func atMost(_ upper: Double) -> Bounds { Bounds(lower: nil, upper: upper) }
    /// `lower` ≤ value ≤ `upper`.
    public static func between(_ lower: Double, _ upper: Double) -> Bounds { Bounds(lower: lower, upper: upper) }
    /// value = `value` (an equality constraint, or a fixed variable).
    public static func equal(_ value: Double) -> Bounds { Bounds(lower: value, upper: value) }

    public var description: String {
      switch (lower, upper) {
      case (nil, nil): return "free"
      case (let l?, nil): return "≥ \(l)"
      case (nil, let u?): return "≤ \(u)"
      case (let l?, let u?): return l == u ? "= \(l)" : "in [\(l), \(u)]"
      }
    }
  }

  /// A variable: a name (for messages) and its bounds.
  public struct Variable: Sendable, Equatable {
    public var name: String
    public var bounds: Bounds

    public init(_ name: String, _ bounds: Bounds = .nonNegative) {
      self.name = name
      self.bounds = bounds
    }
  }

  /// A constraint `bounds.lower ≤ Σⱼ coefficients[j]·xⱼ ≤ bounds.upper`; keys are variable indices.
  public struct Constraint: Sendable, Equatable {
    public var name: String
    public var coefficients: [Int: Double]
    public var bounds: Bounds

    public init(_ name: String, _ coefficients: [Int: Double], _ bounds: Bounds) {
      self.name = name
      self.coefficients = coefficients
      self.bounds = bounds
    }
  }

  /// The objective `constant + Σⱼ coefficients[j]·xⱼ` and its direction; keys are variable indices.
  public struct Objective: Sendable, Equatable {
    public var direction: Direction
    public var coefficients: [Int: Double]
    public var constant: Double

    public init(_ direction: Direction, _ coefficients: [Int: Double] = [:], constant: Double = 0) {
      self.direction = direction
      self.coefficients = coefficients
      self.constant = constant
    }
  }

  /// The variables, in index order.
  public var variables: [Variable]
  /// The constraints, in index order.
  public var constraints: [Constraint]
  /// The objective; by default minimise 0 (a pure feasibility problem).
  public var objective: Objective

  /// An empty program; add variables, constraints and the objective next.
  public init(variables: [Variable] = [], constraints: [Constraint] = [], objective: Objective = Objective(.minimise)) {
    self.variables = variables
    self.constraints = constraints
    self.objective = objective
  }

  /// Adds a variable (non-negative unless told otherwise) and returns its index.
  @discardableResult
  public mutating func addVariable(_ name: String, _ bounds: Bounds = .nonNegative) -> Int {
    variables.append(Variable(name, bounds))
    return variables.count - 1
  }

  /// Adds the constraint `bounds.lower ≤ Σⱼ coefficients[j]·xⱼ ≤ bounds.upper` and returns its index.
  @discardableResult
  public mutating func addConstraint(_ name: String, _ coefficients: [Int: Double], _ bounds: Bounds) -> Int {
    constraints.append(Constraint(name, coefficients, bounds))
    return constraints.count - 1
  }

  /// Sets the objective to maximise `constant + Σⱼ coefficients[j]·xⱼ`.
  public mutating func maximise(_ coefficients: [Int: Double], constant: Double = 0) {
    objective = Objective(.maximise, coefficients, constant: constant)
  }

  /// Sets the objective to minimise `constant + Σⱼ coefficients[j]·xⱼ`.
  public mutating func minimise(_ coefficients: [Int: Double], constant: Double = 0) {
    objective = Objective(.minimise, coefficients, constant: constant)
  }

  /// The value of constraint `index`'s left-hand side at `values` (one value per variable).
  public func activity(of index: Int, at values: [Double]) -> Double {
    constraints[index].coefficients.keys.sorted().reduce(0) { $0 + constraints[index].coefficients[$1]! * values[$1] }
  }
}
