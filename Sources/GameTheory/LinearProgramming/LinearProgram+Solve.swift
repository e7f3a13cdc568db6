import CGLPK
import LabKit

extension LinearProgram {
  /// Solves the program with GLPK's simplex method.
  ///
  /// - Parameters:
  ///   - exact: also run GLPK's rational simplex (`glp_exact`), starting from the floating-point
  ///     simplex's final basis (from the standard basis if the floating-point simplex failed). Every number of the program is a double and so an exact rational; the
  ///     answer (status, point, objective) is then exact, rounded once to doubles. Use it where a tie
  ///     or a boundary matters: a membership test that should hold with equality, a value that should
  ///     be exactly 0. It is slower, and the presolver is not used.
  ///   - presolve: use GLPK's LP presolver (only without `exact`). The programs of this toolkit are
  ///     small, so it is off by default. When the presolver reports no primal feasible solution
  ///     (GLP_ENOPFS) the status is ``LinearProgramSolution/Status/infeasible``; when it reports no dual
  ///     feasible solution (GLP_ENODFS), which means infeasible *or* unbounded, the program is solved
  ///     again without it to tell the two apart.
  /// - Returns: the status and, when a point was found, the point, objective, duals and reduced costs.
  ///   Infeasible and unbounded programs are statuses, not errors.
  /// - Throws: ``LabError/invalidInput(place:problem:)`` naming the variable, constraint or objective
  ///   term at fault, for anything GLPK would abort the process on or misread: a NaN or infinite
  ///   coefficient, a coefficient, bound or constant of magnitude above ``largestMagnitude``, a variable index out of range, a NaN bound, a lower bound above the upper bound,
  ///   a lower bound of +∞ or an upper bound of −∞.
  ///
  /// Rows and columns are scaled first (`glp_scale_prob` with geometric-mean and equilibration
  /// scaling, factors rounded to powers of 2), which changes no digit of the data and keeps badly
  /// scaled programs from fooling the simplex.
  ///
  /// GLPK prints nothing: terminal output is switched off (`glp_term_out(GLP_OFF)`) and the message
  /// level is `GLP_MSG_OFF`. The GLPK problem object is created and deleted inside this call; see
  /// ``LinearProgramming`` for thread safety.
  public func solve(exact: Bool = false, presolve: Bool = false) throws -> LinearProgramSolution {
    let checked = try validated()
    return LinearProgramming.withGLPK {
      var solution = checked.solve(exact: exact, presolve: presolve && !exact)
      // GLP_ENODFS (infeasible or unbounded) or any other presolver trouble: decide without it.
      if case .failed = solution.status, !exact, presolve {
        solution = checked.solve(exact: false, presolve: false)
      }
      return solution
    }
  }

  /// The largest magnitude of a coefficient, finite bound or objective constant GLPK is given.
  /// GLPK's tolerances are absolute (1e-7 primal, 1e-9 dual) and its LU factorisation aborts the
  /// process on some huge values (a 2×2 game with payoff −1e300 did), so larger numbers are refused
  /// with the place named rather than solved wrongly (−1e20 was reported infeasible, 1e38 unbounded).
  public static let largestMagnitude = 1e12

  /// The program with every number checked, bounds normalised and coefficients sorted by variable.
  func validated() throws -> ValidatedLinearProgram {
    func place(variable j: Int) -> String { "LinearProgram variable \(j) '\(variables[j].name)'" }
    func place(constraint i: Int) -> String { "LinearProgram constraint \(i) '\(constraints[i].name)'" }
    guard variables.count < Int(Int32.max) - 1, constraints.count < Int(Int32.max) - 1 else {
      throw LabError.invalidInput(place: "LinearProgram", problem: "too many variables or constraints for GLPK")
    }
    var columns: [ValidatedLinearProgram.Bound] = []
    for (j, variable) in variables.enumerated() {
      columns.append(try Self.checked(variable.bounds, place: place(variable: j)))
    }
    var rows: [ValidatedLinearProgram.Bound] = []
    var matrix: [[(column: Int, value: Double)]] = []
    for (i, constraint) in constraints.enumerated() {
      rows.append(try Self.checked(constraint.bounds, place: place(constraint: i)))
      var row: [(column: Int, value: Double)] = []
      for j in constraint.coefficients.keys.sorted() {
        let value = constraint.coefficients[j]!
        guard variables.indices.contains(j) else {
          throw LabError.invalidInput(
            place: place(constraint: i), problem: "coefficient on variable \(j), but there are \(variables.count) variables")
        }
        guard value.isFinite else {
          throw LabError.invalidInput(
            place: place(constraint: i), problem: "coefficient \(value) on variable \(j) '\(variables[j].name)' is not finite")
        }
        guard abs(value) <= Self.largestMagnitude else {
          throw LabError.invalidInput(
            place: place(constraint: i),
            problem: "coefficient \(value) on variable \(j) '\(variables[j].name)' exceeds ±1e12, more than GLPK solves reliably")
        }
        if value != 0 { row.append((j, value)) }
      }
      matrix.append(row)
    }
    var costs = Array(repeating: 0.0, count: variables.count)
    for (j, value) in objective.coefficients {
      guard variables.indices.contains(j) else {
        throw LabError.invalidInput(
          place: "LinearProgram objective", problem: "coefficient on variable \(j), but there are \(variables.count) variables")
      }
      guard value.isFinite, abs(value) <= Self.largestMagnitude else {
        throw LabError.invalidInput(
          place: "LinearProgram objective",
          problem: "coefficient \(value) on variable \(j) '\(variables[j].name)' is not a finite number within ±\(Self.largestMagnitude)")
      }
      costs[j] = value
    }
    guard objective.constant.isFinite, abs(objective.constant) <= Self.largestMagnitude else {
      throw LabError.invalidInput(
        place: "LinearProgram objective", problem: "constant \(objective.constant) is not a finite number within ±\(Self.largestMagnitude)")
    }
    return ValidatedLinearProgram(
      columns: columns, rows: rows, matrix: matrix, costs: costs, constant: objective.constant,
      maximise: objective.direction == .maximise)
  }

  private static func checked(_ bounds: Bounds, place: String) throws -> ValidatedLinearProgram.Bound {
    var lower = bounds.lower
    var upper = bounds.upper
    if let l = lower {
      guard !l.isNaN else { throw LabError.invalidInput(place: place, problem: "lower bound is NaN") }
      guard l != .infinity else { throw LabError.invalidInput(place: place, problem: "lower bound is +infinity") }
      if l == -.infinity { lower = nil }
    }
    if let u = upper {
      guard !u.isNaN else { throw LabError.invalidInput(place: place, problem: "upper bound is NaN") }
      guard u != -.infinity else { throw LabError.invalidInput(place: place, problem: "upper bound is -infinity") }
      if u == .infinity { upper = nil }
    }
    for (name, value) in [("lower", lower), ("upper", upper)] {
      if let value, value.isFinite, abs(value) > largestMagnitude {
        throw LabError.invalidInput(place: place, problem: "\(name) bound \(value) exceeds ±1e12, more than GLPK solves reliably")
      }
    }
    if let l = lower, let u = upper, l > u {
      throw LabError.invalidInput(place: place, problem: "lower bound \(l) exceeds upper bound \(u)")
    }
    switch (lower, upper) {
    case (nil, nil): return .init(type: GLP_FR, lower: 0, upper: 0)
    case (let l?, nil): return .init(type: GLP_LO, lower: l, upper: 0)
    case (nil, let u?): return .init(type: GLP_UP, lower: 0, upper: u)
    case (let l?, let u?): return .init(type: l == u ? GLP_FX : GLP_DB, lower: l, upper: u)
    }
  }
}

/// A checked program in GLPK's terms. Only ``LinearProgram/validated()`` makes one, so every call
/// into GLPK below receives arguments GLPK accepts.
struct ValidatedLinearProgram {
  struct Bound {
    var type: Int32
    var lower: Double
    var upper: Double
  }

  var columns: [Bound]
  var rows: [Bound]
  var matrix: [[(column: Int, value: Double)]]
  var costs: [Double]
  var constant: Double
  var maximise: Bool

  /// Builds the GLPK problem, solves it and reads the answer. Must run inside
  /// ``LinearProgramming/withGLPK(_:)``.
  func solve(exact: Bool, presolve: Bool) -> LinearProgramSolution {
    // Terminal output is a setting of the calling thread's GLPK environment, freed after every solve.
    glp_term_out(GLP_OFF)
    guard let problem = glp_create_prob() else {
      return failure("glp_create_prob returned no problem", exact: exact)
    }
    defer { glp_delete_prob(problem) }

    // GLPK's rational simplex refuses a problem without rows or columns, and glp_add_rows/cols abort
    // on a count of 0: pad with an empty free row and an empty column fixed at 0, never reported.
    let m = max(rows.count, 1)
    let n = max(columns.count, 1)
    glp_set_obj_dir(problem, maximise ? GLP_MAX : GLP_MIN)
    glp_add_rows(problem, Int32(m))
    glp_add_cols(problem, Int32(n))
    if columns.isEmpty { glp_set_col_bnds(problem, 1, GLP_FX, 0, 0) }
    if rows.isEmpty { glp_set_row_bnds(problem, 1, GLP_FR, 0, 0) }
    for (j, bound) in columns.enumerated() {
      glp_set_col_bnds(problem, Int32(j + 1), bound.type, bound.lower, bound.upper)
      glp_set_obj_coef(problem, Int32(j + 1), costs[j])
    }
    glp_set_obj_coef(problem, 0, constant)
    for (i, bound) in rows.enumerated() {
      glp_set_row_bnds(problem, Int32(i + 1), bound.type, bound.lower, bound.upper)
      let row = matrix[i]
      guard !row.isEmpty else { continue }
      // GLPK's arrays are 1-based: element 0 is ignored.
      let indices: [Int32] = [0] + row.map { Int32($0.column + 1) }
      let values: [Double] = [0] + row.map(\.value)
      glp_set_mat_row(problem, Int32(i + 1), Int32(row.count), indices, values)
    }

    // Scale rows and columns (geometric mean, then equilibration) by factors rounded to powers of 2, so
    // scaling is exact in binary floating point. (GLP_SF_AUTO does not round in GLPK 5.0.)
    glp_scale_prob(problem, GLP_SF_GM | GLP_SF_EQ | GLP_SF_2N)
    var parameters = glp_smcp()
    glp_init_smcp(&parameters)
    parameters.msg_lev = GLP_MSG_OFF
    parameters.meth = GLP_PRIMAL
    parameters.presolve = presolve ? GLP_ON : GLP_OFF
    // An iteration limit far above what a simplex needs (a few times rows + columns), so that a
    // program on which GLPK's floating-point simplex cycles (a fuzzed 2 × 2 game mixing 2e-16 with
    // 2e4 ran for minutes) goes to the rational simplex instead of hanging. Deterministic, unlike a
    // time limit; the rational simplex has the same limit and reports GLP_EITLIM as not solved.
    parameters.it_lim = Int32(clamping: Self.iterationLimit(rows: rows.count, columns: columns.count))
    let code = glp_simplex(problem, &parameters)
    if exact || code == GLP_EITLIM {
      // Also when the floating-point simplex cycled to its iteration limit: the rational simplex,
      // which cannot be misled by rounding, decides (the answer is then exact).
      // The rational simplex starts from the floating-point simplex's basis; if that failed, from the
      // standard basis (all auxiliary variables basic), which is always valid.
      if code != 0 { glp_std_basis(problem) }
      return read(problem, code: glp_exact(problem, &parameters), routine: "glp_exact", exact: true)
    }
    switch code {
    case 0:
      return read(problem, code: 0, routine: "glp_simplex", exact: false)
    case GLP_ENOPFS:
      return LinearProgramSolution(status: .infeasible, exact: false, objectiveValue: nil, values: [], duals: [], reducedCosts: [])
    case GLP_ENODFS:
      // Infeasible or unbounded: the caller solves again without the presolver.
      return failure("presolver: no dual feasible solution (GLP_ENODFS)", exact: false)
    default:
      return read(problem, code: code, routine: "glp_simplex", exact: false)
    }
  }

  /// The simplex iteration limit: 10,000 plus 100 per row and column.
  static func iterationLimit(rows: Int, columns: Int) -> Int { 10_000 + 100 * (rows + columns) }

  private func failure(_ reason: String, exact: Bool) -> LinearProgramSolution {
    LinearProgramSolution(status: .failed(reason: reason), exact: exact, objectiveValue: nil, values: [], duals: [], reducedCosts: [])
  }

  private func read(_ problem: OpaquePointer, code: Int32, routine: String, exact: Bool) -> LinearProgramSolution {
    let glpkStatus = glp_get_status(problem)
    let status: LinearProgramSolution.Status
    switch (code, glpkStatus) {
    case (0, GLP_OPT): status = .optimal
    case (0, GLP_NOFEAS): status = .infeasible
    case (0, GLP_UNBND): status = .unbounded
    case (GLP_EITLIM, GLP_FEAS), (GLP_ETMLIM, GLP_FEAS): status = .feasible
    default:
      status = .failed(reason: "\(routine) returned \(Self.codeName(code)), solution status \(Self.statusName(glpkStatus))")
    }
    guard status == .optimal || status == .feasible else {
      return LinearProgramSolution(status: status, exact: exact, objectiveValue: nil, values: [], duals: [], reducedCosts: [])
    }
    let values = columns.indices.map { glp_get_col_prim(problem, Int32($0 + 1)) }
    let reducedCosts = columns.indices.map { glp_get_col_dual(problem, Int32($0 + 1)) }
    let duals = rows.indices.map { glp_get_row_dual(problem, Int32($0 + 1)) }
    return LinearProgramSolution(
      status: status, exact: exact, objectiveValue: glp_get_obj_val(problem), values: values, duals: duals,
      reducedCosts: reducedCosts)
  }

  private static func codeName(_ code: Int32) -> String {
    let names: [Int32: String] = [
      0: "0", GLP_EBADB: "GLP_EBADB (invalid basis)", GLP_ESING: "GLP_ESING (singular matrix)",
      GLP_ECOND: "GLP_ECOND (ill-conditioned matrix)", GLP_EBOUND: "GLP_EBOUND (invalid bounds)",
      GLP_EFAIL: "GLP_EFAIL (solver failed)", GLP_EOBJLL: "GLP_EOBJLL (objective lower limit reached)",
      GLP_EOBJUL: "GLP_EOBJUL (objective upper limit reached)", GLP_EITLIM: "GLP_EITLIM (iteration limit exceeded)",
      GLP_ETMLIM: "GLP_ETMLIM (time limit exceeded)", GLP_ENOPFS: "GLP_ENOPFS (no primal feasible solution)",
      GLP_ENODFS: "GLP_ENODFS (no dual feasible solution)",
    ]
    return names[code] ?? "code \(code)"
  }

  private static func statusName(_ status: Int32) -> String {
    let names: [Int32: String] = [
      GLP_UNDEF: "GLP_UNDEF", GLP_FEAS: "GLP_FEAS", GLP_INFEAS: "GLP_INFEAS", GLP_NOFEAS: "GLP_NOFEAS",
      GLP_OPT: "GLP_OPT", GLP_UNBND: "GLP_UNBND",
    ]
    return names[status] ?? "status \(status)"
  }
}
