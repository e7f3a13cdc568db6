import LabKit

/// What a coalition C of players can guarantee each of its members with a correlated strategy,
/// whatever the players outside it do: the sets U_C and U′_C of *Infra-Bayesian haggling* (2024), and
/// their sequential versions U_{C,α} and U′_{C,α} after other players have committed to α. Every
/// question about the set is one linear program, solved by GLPK.
///
/// Notation. P is the set of players, C = ``members``, K = the committed players (``committed``'s
/// players, disjoint from C), O = P ∖ (C ∪ K) = ``outsiderPlayers``. The coalition chooses
/// x ∈ Δ(A_{K∪C}), a distribution over joint profiles of K ∪ C (``strategyPlayers``); with a
/// commitment α ∈ Δ(A_K) its marginal on K must equal α:
///
///     Σ_{a_C} x(a_K, a_C) = α(a_K)  for every a_K          (without K:  Σ_a x_a = 1)
///
/// so the coalition may correlate its actions with the committed players' (publicly known, e.g.
/// cycling) actions, but cannot change their distribution. For a joint profile a of K ∪ C and an
/// outsider profile b ∈ A_O, r_i(a,b) is member i's payoff. The guarantee of x to member i is
///
/// - ``Outsiders/independent`` (U_C): the outsiders may correlate among themselves, but their
///   randomness is independent of the coalition's. The expected payoff is linear in their mixed
///   strategy, so pure outsider profiles suffice:  g_i(x) = min_b Σ_a x_a r_i(a,b).
/// - ``Outsiders/synchronised`` (U′_C): the outsiders see the coalition's realised profile (as when
///   deterministic agents play a cycle) and answer each a, separately for each member. With
///   w_i(a) = min_b r_i(a,b):  g_i(x) = Σ_a x_a w_i(a).
///
/// The set is { v ∈ ℝ^C : ∃x with g_i(x) ≥ v_i for every i ∈ C }. It is convex, closed and
/// comprehensive (downward closed); U′_C ⊆ U_C because Σ_a x_a min_b r_i(a,b) ≤ min_b Σ_a x_a r_i(a,b).
/// For C = {i} without commitments, the largest guarantee is i's mixed maxmin in U_C and i's pure
/// maxmin (max_a min_b r_i) in U′_C. Vectors indexed by members follow ascending player order.
///
/// The LPs (variables x_a ≥ 0 over A_{K∪C}, the distribution constraints above, and for each member i
/// the rows "Σ_a x_a r_i(a,b) ≥ …" for every b ∈ A_O, or the single row "Σ_a x_a w_i(a) ≥ …"):
///
/// | question | LP |
/// |---|---|
/// | ``contains(_:exact:)`` | feasibility of g_i(x) ≥ v_i for all i |
/// | ``largestUniformGuarantee(above:exact:)`` | max t (free) s.t. g_i(x) ≥ v_i + t |
/// | ``bestGuarantee(for:floors:exact:)`` | max u (free) s.t. g_k(x) ≥ u, g_j(x) ≥ floor_j for other members j with a floor |
/// | ``frontierPoint(weights:exact:)`` | max Σ λ_i v_i (v free) s.t. g_i(x) ≥ v_i |
///
/// Each answer carries the strategy x found and the guarantees g(x) it gives. Pass `exact: true` where
/// a tie matters (membership of a vector on the boundary, a value that should be exactly 0): GLPK's
/// rational simplex then confirms the answer. Floating-point GLPK accepts constraint violations up to
/// about 1e-7 (relative), so without `exact` a vector a hair outside the set can be reported inside.
public struct CoalitionSet: Sendable {
  /// How the outsiders' randomness relates to the coalition's.
  public enum Outsiders: String, Sendable, Equatable {
    /// U_C: outsiders independent of the coalition's randomness; guarantee min_b Σ_a x_a r_i(a,b).
    case independent
    /// U′_C: outsiders synchronised with the coalition's randomness; guarantee Σ_a x_a min_b r_i(a,b).
    case synchronised
  }

  public let game: NormalFormGame
  /// The coalition C, ascending.
  public let members: [Int]
  public let outsiders: Outsiders
  /// The committed players' distribution α, if any.
  public let committed: CorrelatedStrategy?
  /// O: the players neither in the coalition nor committed, ascending.
  public let outsiderPlayers: [Int]
  /// K ∪ C, ascending: the players of the strategies this set returns.
  public let strategyPlayers: [Int]
  /// The joint profiles of ``strategyPlayers`` the coalition's strategy ranges over (with a commitment,
  /// only those whose committed part has positive probability under α).
  public let strategyProfiles: [[Int]]
  /// payoffRows[k][c][p]: member k's payoff at strategy profile p against outsider column c: the
  /// outsider profiles for `.independent`, a single column min_b for `.synchronised`.
  let payoffRows: [[[Double]]]
  /// Groups of strategy profiles sharing one committed profile, with that profile's probability α.
  let marginals: [(profiles: [Int], probability: Double)]

  /// The set U_C (`.independent`) or U′_C (`.synchronised`) of `coalition` in `game`, after the
  /// players of `committed` have committed to it (U_{C,α}, U′_{C,α}).
  ///
  /// - Throws: ``LabError/invalidInput(place:problem:)`` when the coalition is empty, repeats a player
  ///   or names one that does not exist, or when `committed` names a coalition member, a player or an
  ///   action that does not exist.
  public init(game: NormalFormGame, coalition: [Int], outsiders: Outsiders, committed: CorrelatedStrategy? = nil) throws {
    let place = "CoalitionSet"
    guard !coalition.isEmpty, Set(coalition).count == coalition.count,
      coalition.allSatisfy({ (0..<game.playerCount).contains($0) })
    else {
      throw LabError.invalidInput(
        place: place, problem: "coalition \(coalition) must be distinct players of a \(game.playerCount)-player game, at least one")
    }
    let members = coalition.sorted()
    let committedPlayers = committed?.players ?? []
    if let committed {
      try committed.validate(in: game, place: "\(place) commitment")
      if let shared = committed.players.first(where: members.contains) {
        throw LabError.invalidInput(place: "\(place) commitment", problem: "player \(shared) is both committed and in the coalition")
      }
    }
    self.game = game
    self.members = members
    self.outsiders = outsiders
    self.committed = committed
    let strategyPlayers = (members + committedPlayers).sorted()
    self.strategyPlayers = strategyPlayers
    let outsiderPlayers = (0..<game.playerCount).filter { !strategyPlayers.contains($0) }
    self.outsiderPlayers = outsiderPlayers

    // The strategy profiles, grouped by their committed part when there is a commitment.
    let committedPositions = committedPlayers.map { strategyPlayers.firstIndex(of: $0)! }
    var profiles: [[Int]] = []
    var marginals: [(profiles: [Int], probability: Double)] = []
    if let committed {
      var groupOf: [[Int]: Int] = [:]
      for (profile, probability) in zip(committed.profiles, committed.probabilities) where probability > 0 {
        groupOf[profile] = marginals.count
        marginals.append((profiles: [], probability: probability))
      }
      for profile in CorrelatedStrategy.allProfiles(of: strategyPlayers, in: game) {
        guard let group = groupOf[committedPositions.map { profile[$0] }] else { continue }
        marginals[group].profiles.append(profiles.count)
        profiles.append(profile)
      }
    } else {
      profiles = CorrelatedStrategy.allProfiles(of: strategyPlayers, in: game)
    }
    self.strategyProfiles = profiles
    self.marginals = marginals

    let outsiderProfiles = CorrelatedStrategy.allProfiles(of: outsiderPlayers, in: game)
    var full = Array(repeating: 0, count: game.playerCount)
    var table: [[[Double]]] = Array(
      repeating: Array(repeating: Array(repeating: 0, count: profiles.count), count: outsiderProfiles.count),
      count: members.count)
    for (p, profile) in profiles.enumerated() {
      for (position, player) in strategyPlayers.enumerated() { full[player] = profile[position] }
      for (c, outsiderProfile) in outsiderProfiles.enumerated() {
        for (position, player) in outsiderPlayers.enumerated() { full[player] = outsiderProfile[position] }
        for (k, member) in members.enumerated() { table[k][c][p] = game.payoff(member, full) }
      }
    }
    if outsiders == .synchronised {
      table = table.map { columns in [profiles.indices.map { p in columns.map { $0[p] }.min()! }] }
    }
    self.payoffRows = table
  }

  /// The guarantee g_i(x) to each member (ascending) of a strategy over ``strategyProfiles``.
  public func guarantees(_ probabilities: [Double]) -> [Double] {
    payoffRows.map { columns in
      columns.map { column in zip(column, probabilities).reduce(0) { $0 + $1.0 * $1.1 } }.min()!
    }
  }

  /// Whether the coalition can guarantee every member i at least `demand[i]`: v ∈ U_C (or U′_C).
  ///
  /// - Returns: a strategy achieving it and its guarantees, or `nil` when the demand is outside the set.
  public func contains(_ demand: [Double], exact: Bool = false) throws -> CoalitionGuarantee? {
    try checkMemberVector(demand, "demand")
    var lp = baseProgram()
    addGuaranteeRows(to: &lp) { k in (extra: [:], lower: demand[k]) }
    return try answer(lp, exact: exact, question: "membership")
  }

  /// The largest t such that every member i can be guaranteed `demand[i] + t`; t ≥ 0 exactly when
  /// `demand` is in the set, and t > 0 means the coalition can strictly improve on it for every member
  /// (it α-blocks `demand`).
  ///
  /// The answer's ``CoalitionGuarantee/value`` is t.
  public func largestUniformGuarantee(above demand: [Double], exact: Bool = false) throws -> CoalitionGuarantee {
    try checkMemberVector(demand, "demand")
    var lp = baseProgram()
    let t = lp.addVariable("t", .free)
    addGuaranteeRows(to: &lp) { k in (extra: [t: -1], lower: demand[k]) }
    lp.maximise([t: 1])
    guard let result = try answer(lp, exact: exact, question: "largest uniform guarantee") else {
      throw LabError.numerical(routine: "CoalitionSet.largestUniformGuarantee", problem: "GLPK found the program infeasible")
    }
    return result
  }

  /// The most `member` can be guaranteed while every other member j listed in `floors` is still
  /// guaranteed at least `floors[j]` (members not listed are unconstrained).
  ///
  /// The answer's ``CoalitionGuarantee/value`` is that guarantee.
  ///
  /// - Returns: `nil` when the floors cannot all be met.
  public func bestGuarantee(for member: Int, floors: [Int: Double] = [:], exact: Bool = false) throws -> CoalitionGuarantee? {
    guard let target = members.firstIndex(of: member) else {
      throw LabError.invalidInput(place: "CoalitionSet.bestGuarantee", problem: "player \(member) is not in the coalition \(members)")
    }
    for (player, floor) in floors {
      guard members.contains(player), floor.isFinite else {
        throw LabError.invalidInput(
          place: "CoalitionSet.bestGuarantee", problem: "floor \(floor) for player \(player): need a finite floor for a coalition member")
      }
    }
    var lp = baseProgram()
    let u = lp.addVariable("guarantee", .free)
    addGuaranteeRows(to: &lp) { k in
      if k == target { return (extra: [u: -1], lower: 0) }
      if let floor = floors[members[k]] { return (extra: [:], lower: floor) }
      return nil
    }
    lp.maximise([u: 1])
    return try answer(lp, exact: exact, question: "best guarantee")
  }

  /// A point of the set's Pareto frontier: the strategy maximising Σ_i λ_i g_i(x) for weights λ ≥ 0
  /// (not all 0), one per member. With every λ_i > 0 the point is Pareto optimal in the set; with some
  /// λ_i = 0 it is only weakly so.
  ///
  /// The answer's ``CoalitionGuarantee/value`` is Σ_i λ_i g_i at the optimum.
  public func frontierPoint(weights: [Double], exact: Bool = false) throws -> CoalitionGuarantee {
    try checkMemberVector(weights, "weights")
    guard weights.allSatisfy({ $0 >= 0 }), weights.contains(where: { $0 > 0 }) else {
      throw LabError.invalidInput(place: "CoalitionSet.frontierPoint", problem: "weights \(weights) must be non-negative, not all 0")
    }
    var lp = baseProgram()
    let v = members.map { lp.addVariable("v\($0)", .free) }
    addGuaranteeRows(to: &lp) { k in (extra: [v[k]: -1], lower: 0) }
    lp.maximise(Dictionary(uniqueKeysWithValues: zip(v, weights)))
    guard let result = try answer(lp, exact: exact, question: "frontier point") else {
      throw LabError.numerical(routine: "CoalitionSet.frontierPoint", problem: "GLPK found the program infeasible")
    }
    return result
  }

  // MARK: - The programs

  private func checkMemberVector(_ vector: [Double], _ name: String) throws {
    guard vector.count == members.count, vector.allSatisfy(\.isFinite) else {
      throw LabError.invalidInput(
        place: "CoalitionSet", problem: "\(name) \(vector) needs one finite number per member of \(members)")
    }
  }

  /// Variables x_p ≥ 0 (indices 0..<strategyProfiles.count) and the distribution constraints.
  private func baseProgram() -> LinearProgram {
    var lp = LinearProgram()
    for profile in strategyProfiles { lp.addVariable("x\(profile)") }
    if marginals.isEmpty {
      lp.addConstraint("sum x = 1", Dictionary(uniqueKeysWithValues: strategyProfiles.indices.map { ($0, 1.0) }), .equal(1))
    } else {
      for group in marginals {
        lp.addConstraint(
          "marginal of committed profile \(strategyProfiles[group.profiles[0]])",
          Dictionary(uniqueKeysWithValues: group.profiles.map { ($0, 1.0) }), .equal(group.probability))
      }
    }
    return lp
  }

  /// For every member k with a row spec, and every outsider column: Σ_p x_p r + extra ≥ lower.
  private func addGuaranteeRows(
    to lp: inout LinearProgram, _ spec: (Int) -> (extra: [Int: Double], lower: Double)?
  ) {
    for (k, columns) in payoffRows.enumerated() {
      guard let (extra, lower) = spec(k) else { continue }
      for (c, column) in columns.enumerated() {
        var coefficients = extra
        for (p, payoff) in column.enumerated() where payoff != 0 { coefficients[p, default: 0] += payoff }
        lp.addConstraint("member \(members[k]) column \(c)", coefficients, .atLeast(lower))
      }
    }
  }

  /// The strategy and guarantees of an optimal solution, `nil` if infeasible; other statuses throw.
  private func answer(_ lp: LinearProgram, exact: Bool, question: String) throws -> CoalitionGuarantee? {
    let solution = try lp.solve(exact: exact)
    switch solution.status {
    case .optimal:
      // Basic variables may come back a rounding error below 0.
      let x = solution.values.prefix(strategyProfiles.count).map { max($0, 0) }
      return CoalitionGuarantee(
        strategy: CorrelatedStrategy(unchecked: strategyPlayers, profiles: strategyProfiles, probabilities: x),
        guarantees: guarantees(x), value: solution.objectiveValue ?? 0)
    case .infeasible:
      return nil
    default:
      throw LabError.numerical(routine: "CoalitionSet (\(question))", problem: "GLPK: \(solution.status)")
    }
  }
}

/// A strategy of a coalition and what it guarantees: the answer to a ``CoalitionSet`` question.
public struct CoalitionGuarantee: Sendable, Equatable {
  /// The correlated strategy x of the committed players and the coalition (``CoalitionSet/strategyPlayers``).
  public let strategy: CorrelatedStrategy
  /// g_i(x) for each member, ascending: the payoff x guarantees it against every outsider behaviour.
  public let guarantees: [Double]
  /// The optimum of the question's LP: t, the member's guarantee, or Σ λ_i v_i (0 for membership).
  public let value: Double
}
