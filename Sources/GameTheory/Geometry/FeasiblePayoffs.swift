import LabKit

/// The feasible payoff set of an n-player game, F = conv{ r(a) : a a pure profile }: the expected payoff
/// vectors of correlated strategies (or of cycles of pure profiles, in the limit). Membership and
/// Pareto optimality are linear programs over a distribution x on the pure profiles.
extension NormalFormGame {
  /// Whether `payoffs` (one per player) is in the feasible set: ∃ x ∈ Δ(A) with Σ_a x_a r(a) = payoffs.
  ///
  /// Without `exact`, GLPK accepts equality to within its feasibility tolerance (about 1e-7, relative).
  public func feasibleSetContains(_ payoffs: [Double], exact: Bool = false) throws -> Bool {
    try checkPayoffVector(payoffs, "feasibleSetContains")
    var lp = distributionProgram()
    for player in 0..<playerCount {
      lp.addConstraint("player \(player)", payoffCoefficients(player), .equal(payoffs[player]))
    }
    let solution = try lp.solve(exact: exact)
    switch solution.status {
    case .optimal: return true
    case .infeasible: return false
    default: throw LabError.numerical(routine: "feasibleSetContains", problem: "GLPK: \(solution.status)")
    }
  }

  /// Whether `payoffs` is a Pareto-optimal point of the feasible set: it is feasible and no feasible
  /// vector is at least as good for every player and better for one. The LP
  ///
  ///     maximise Σ_i s_i  subject to  Σ_a x_a r_i(a) − s_i = payoffs_i,  x ∈ Δ(A),  s ≥ 0
  ///
  /// is feasible exactly when some feasible vector weakly dominates `payoffs`, and its optimum is 0
  /// exactly when that vector is `payoffs` itself. Without `exact`, an optimum up to 1e-9 × the largest
  /// payoff magnitude (at least 1) counts as 0; with `exact` the test is exact.
  public func isParetoOptimal(_ payoffs: [Double], exact: Bool = false) throws -> Bool {
    try checkPayoffVector(payoffs, "isParetoOptimal")
    var lp = distributionProgram()
    let slack = (0..<playerCount).map { lp.addVariable("s\($0)") }
    for player in 0..<playerCount {
      var coefficients = payoffCoefficients(player)
      coefficients[slack[player]] = -1
      lp.addConstraint("player \(player)", coefficients, .equal(payoffs[player]))
    }
    lp.maximise(Dictionary(uniqueKeysWithValues: slack.map { ($0, 1.0) }))
    let solution = try lp.solve(exact: exact)
    switch solution.status {
    case .optimal: return solution.objectiveValue! <= (exact ? 0 : paretoTolerance)
    case .infeasible: return false
    default: throw LabError.numerical(routine: "isParetoOptimal", problem: "GLPK: \(solution.status)")
    }
  }

  /// The pure profiles whose payoff vector no point of the feasible set Pareto-dominates, in profile
  /// order (one ``isParetoOptimal(_:exact:)`` LP per distinct payoff vector).
  public func paretoOptimalProfiles(exact: Bool = false) throws -> [[Int]] {
    var verdict: [[Double]: Bool] = [:]
    var result: [[Int]] = []
    for profile in profiles {
      let vector = payoffs(profile)
      if verdict[vector] == nil { verdict[vector] = try isParetoOptimal(vector, exact: exact) }
      if verdict[vector]! { result.append(profile) }
    }
    return result
  }

  private var paretoTolerance: Double {
    1e-9 * max(1, profiles.flatMap { payoffs($0) }.map(abs).max() ?? 1)
  }

  /// Variables x_a ≥ 0, one per pure profile (in profile order), with Σ_a x_a = 1.
  private func distributionProgram() -> LinearProgram {
    var lp = LinearProgram()
    for profile in profiles { lp.addVariable("x\(profile)") }
    lp.addConstraint("sum x = 1", Dictionary(uniqueKeysWithValues: profiles.indices.map { ($0, 1.0) }), .equal(1))
    return lp
  }

  private func payoffCoefficients(_ player: Int) -> [Int: Double] {
    var coefficients: [Int: Double] = [:]
    for (index, profile) in profiles.enumerated() {
      let value = payoff(player, profile)
      if value != 0 { coefficients[index] = value }
    }
    return coefficients
  }

  private func checkPayoffVector(_ vector: [Double], _ routine: String) throws {
    guard vector.count == playerCount, vector.allSatisfy(\.isFinite) else {
      throw LabError.invalidInput(place: routine, problem: "\(vector) needs one finite payoff per player (\(playerCount))")
    }
  }
}
