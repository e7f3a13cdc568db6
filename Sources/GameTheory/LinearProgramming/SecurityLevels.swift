import LabKit

/// A player's mixed security level: the most it can guarantee itself in expectation, whatever the
/// others do, and a mixed strategy that guarantees it.
public struct SecurityLevel: Sendable, Equatable {
  public let player: Int
  /// max_σ min_b Σ_a σ(a) r_i(a, b), over i's mixed strategies σ and the others' pure profiles b.
  public let value: Double
  /// A maxmin strategy: one probability per action of the player. Not unique in general; this is the
  /// basic optimal solution GLPK found.
  public let strategy: [Double]
}

/// A player's pure security level: the most it can guarantee itself with a pure action.
public struct PureSecurityLevel: Sendable, Equatable {
  public let player: Int
  /// max_a min_b r_i(a, b).
  public let value: Double
  /// Every action attaining it, ascending.
  public let actions: [Int]
}

/// The harshest punishment the other players can inflict on a player when they correlate.
public struct MinimaxPunishment: Sendable, Equatable {
  public let player: Int
  /// min_y max_a Σ_b y(b) r_i(a, b), over correlated strategies y of the others and i's actions a.
  public let value: Double
  /// A punishing correlated strategy y of the other players (ascending).
  public let punishment: CorrelatedStrategy
  /// The player's best replies to `punishment` (actions within 1e-9 of the best, relative to the
  /// payoff scale; exactly the best with `exact`), ascending.
  public let bestReplies: [Int]
}

extension NormalFormGame {
  /// Player `player`'s maxmin (security) value and a maxmin strategy: von Neumann's LP
  ///
  ///     maximise v  subject to  Σ_a σ_a r_i(a, b) ≥ v  for every pure profile b of the others,
  ///                             Σ_a σ_a = 1,  σ ≥ 0,  v free.
  ///
  /// Pure profiles b suffice: the payoff is linear in the others' (possibly correlated) mixed strategy.
  /// This is ``CoalitionSet/bestGuarantee(for:floors:exact:)`` of the one-player coalition {i} in U_C.
  /// By the minimax theorem it equals ``minimax(_:exact:)`` in every game, whatever the number of
  /// players (the others then act as one player choosing a correlated strategy).
  ///
  /// - Parameter exact: confirm with GLPK's rational simplex (e.g. so that matching pennies gives
  ///   exactly 0).
  public func maxmin(_ player: Int, exact: Bool = false) throws -> SecurityLevel {
    try checkPlayer(player, "maxmin")
    let set = try CoalitionSet(game: self, coalition: [player], outsiders: .independent)
    guard let best = try set.bestGuarantee(for: player, exact: exact) else {
      throw LabError.numerical(routine: "maxmin", problem: "GLPK found the security LP infeasible")
    }
    return SecurityLevel(player: player, value: best.value, strategy: best.strategy.probabilities)
  }

  /// Player `player`'s pure maxmin max_a min_b r_i(a, b) and the actions attaining it. This is the
  /// largest guarantee of {i} in U′_C, and the value V(⊤) of the trivial hypothesis in IB haggling.
  public func pureMaxmin(_ player: Int) throws -> PureSecurityLevel {
    try checkPlayer(player, "pureMaxmin")
    let worst = actions[player].indices.map { action in
      profiles.filter { $0[player] == action }.map { payoff(player, $0) }.min()!
    }
    let value = worst.max()!
    return PureSecurityLevel(player: player, value: value, actions: worst.indices.filter { worst[$0] == value })
  }

  /// Player `player`'s minimax punishment value with *correlated* punishers, and a punishing strategy:
  ///
  ///     minimise t  subject to  Σ_b y_b r_i(a, b) ≤ t  for every action a of player i,
  ///                             Σ_b y_b = 1,  y ≥ 0 over the others' joint profiles b,  t free.
  ///
  /// It equals ``maxmin(_:exact:)`` (minimax theorem), so with 2 players minimax = maxmin. With 3 or
  /// more players, punishers who cannot correlate must use a product of mixed strategies; the
  /// resulting min over independent mixtures of i's best reply can be strictly higher (for example
  /// ½ against ¾ in a "guess my action" game) and is a non-convex problem this LP does not solve.
  public func minimax(_ player: Int, exact: Bool = false) throws -> MinimaxPunishment {
    try checkPlayer(player, "minimax")
    let others = (0..<playerCount).filter { $0 != player }
    let otherProfiles = CorrelatedStrategy.allProfiles(of: others, in: self)
    // replyPayoff[a][b] = r_i(a, b)
    let replyPayoff = actions[player].indices.map { action in
      otherProfiles.map { b -> Double in
        var full = b
        full.insert(action, at: player)
        return payoff(player, full)
      }
    }
    var lp = LinearProgram()
    for b in otherProfiles { lp.addVariable("y\(b)") }
    let t = lp.addVariable("t", .free)
    lp.addConstraint("sum y = 1", Dictionary(uniqueKeysWithValues: otherProfiles.indices.map { ($0, 1.0) }), .equal(1))
    for (action, row) in replyPayoff.enumerated() {
      var coefficients: [Int: Double] = [t: -1]
      for (b, value) in row.enumerated() where value != 0 { coefficients[b] = value }
      lp.addConstraint("reply \(action)", coefficients, .atMost(0))
    }
    lp.minimise([t: 1])
    let solution = try lp.solve(exact: exact)
    guard solution.status == .optimal, let value = solution.objectiveValue else {
      throw LabError.numerical(routine: "minimax", problem: "GLPK: \(solution.status)")
    }
    let y = solution.values.prefix(otherProfiles.count).map { max($0, 0) }
    let expected = replyPayoff.map { row in zip(row, y).reduce(0) { $0 + $1.0 * $1.1 } }
    let best = expected.max()!
    let tolerance = exact ? 0 : 1e-9 * max(1, replyPayoff.joined().map(abs).max() ?? 1)
    return MinimaxPunishment(
      player: player, value: value,
      punishment: CorrelatedStrategy(unchecked: others, profiles: otherProfiles, probabilities: y),
      bestReplies: expected.indices.filter { expected[$0] >= best - tolerance })
  }

  private func checkPlayer(_ player: Int, _ routine: String) throws {
    guard (0..<playerCount).contains(player) else {
      throw LabError.invalidInput(place: routine, problem: "player \(player) does not exist in a \(playerCount)-player game")
    }
  }
}
