/// What GLPK found for a ``LinearProgram``.
///
/// The status is a value, never a crash or a thrown error: an infeasible or unbounded program is an
/// answer. Values, duals and reduced costs are filled when a point was found (``Status/optimal`` or
/// ``Status/feasible``) and are empty otherwise.
public struct LinearProgramSolution: Sendable, Equatable {
  /// The outcome of solving.
  public enum Status: Sendable, Equatable, CustomStringConvertible {
    /// An optimal basic solution was found (GLP_OPT).
    case optimal
    /// No point satisfies every bound and constraint (GLP_NOFEAS, or the presolver's GLP_ENOPFS).
    case infeasible
    /// The program is feasible and its objective improves without limit (GLP_UNBND).
    case unbounded
    /// A feasible point was found but the solver stopped before proving it optimal (GLP_FEAS after
    /// an iteration or time limit). The toolkit sets no limits, so this is not expected.
    case feasible
    /// GLPK failed: numerical trouble (singular or ill-conditioned basis), a limit reached without a
    /// feasible point, or an undefined solution. `reason` names GLPK's return code and status.
    case failed(reason: String)

    public var description: String {
      switch self {
      case .optimal: return "optimal"
      case .infeasible: return "infeasible"
      case .unbounded: return "unbounded"
      case .feasible: return "feasible (optimality not proven)"
      case .failed(let reason): return "failed: \(reason)"
      }
    }
  }

  public let status: Status
  /// Whether the answer was confirmed by GLPK's rational simplex (`glp_exact`). The numbers are then
  /// the exact rational results rounded once to the nearest double.
  public let exact: Bool
  /// The objective's value (including its constant) when a point was found.
  public let objectiveValue: Double?
  /// One value per variable, in index order, when a point was found.
  public let values: [Double]
  /// One dual value (shadow price) per constraint, in index order, when a point was found: the rate
  /// at which the optimum changes as the constraint's active bound moves.
  public let duals: [Double]
  /// One reduced cost per variable, in index order, when a point was found.
  public let reducedCosts: [Double]

  public init(
    status: Status, exact: Bool, objectiveValue: Double?, values: [Double], duals: [Double], reducedCosts: [Double]
  ) {
    self.status = status
    self.exact = exact
    self.objectiveValue = objectiveValue
    self.values = values
    self.duals = duals
    self.reducedCosts = reducedCosts
  }

  public var isOptimal: Bool { status == .optimal }

  /// The value of variable `index`.
  ///
  /// - Precondition: a point was found (``values`` is not empty).
  public subscript(variable index: Int) -> Double { values[index] }
}
