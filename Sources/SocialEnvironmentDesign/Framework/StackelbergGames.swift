import LabKit

/// Definition 2.1 of Social Environment Design: an (n+1)-player Stackelberg-Nash game
/// S = (n, m, X, Y, u) with finitely many actions. The leader commits to x; the followers then play
/// the induced Nash game G_S = (n, m, Y, u_{−0}(x, ·)). Definitions 2.3 and 2.4 read the same way with
/// policies for actions, so this finite form is also the exact test of an (ε, δ)-SSMNE when the
/// policy spaces are finite (for instance restraint thresholds and a grid of tax schedules).
public struct FiniteStackelbergGame: Sendable {
  /// |X|: the leader's actions are 0 ..< leaderActions.
  public let leaderActions: Int
  /// |Y_i| for each follower i.
  public let followerActions: [Int]
  /// u_0(x, y).
  public let leaderPayoff: @Sendable (_ x: Int, _ y: [Int]) -> Double
  /// u_i(x, y).
  public let followerPayoff: @Sendable (_ follower: Int, _ x: Int, _ y: [Int]) -> Double

  public init(
    leaderActions: Int, followerActions: [Int],
    leaderPayoff: @escaping @Sendable (_ x: Int, _ y: [Int]) -> Double,
    followerPayoff: @escaping @Sendable (_ follower: Int, _ x: Int, _ y: [Int]) -> Double
  ) throws {
    guard leaderActions >= 1, !followerActions.isEmpty, followerActions.allSatisfy({ $0 >= 1 }) else {
      throw LabError.invalidInput(place: "FiniteStackelbergGame", problem: "every player needs at least one action and there must be a follower")
    }
    self.leaderActions = leaderActions
    self.followerActions = followerActions
    self.leaderPayoff = leaderPayoff
    self.followerPayoff = followerPayoff
  }

  /// n, the number of followers.
  public var followers: Int { followerActions.count }

  /// max_{y_i'} u_i(x, (y_i', y_{−i})) − u_i(x, y): follower i's best deviation gain.
  public func deviationGain(follower i: Int, leader x: Int, profile y: [Int]) -> Double {
    let current = followerPayoff(i, x, y)
    var best = current
    var alternative = y
    for a in 0..<followerActions[i] {
      alternative[i] = a
      best = max(best, followerPayoff(i, x, alternative))
    }
    return best - current
  }

  /// Definition 2.3: y ∈ BR^δ(x, y), i.e. every follower is within δ of its best response.
  public func isDeltaBestResponse(leader x: Int, profile y: [Int], delta: Double) -> Bool {
    (0..<followers).allSatisfy { deviationGain(follower: $0, leader: x, profile: y) <= delta }
  }

  /// Every follower profile.
  public var profiles: [[Int]] {
    var out: [[Int]] = [[]]
    for count in followerActions { out = out.flatMap { p in (0..<count).map { p + [$0] } } }
    return out
  }

  /// max_x max_{y ∈ BR^δ(x)} u_0(x, y), the leader's best value when followers δ-best respond in
  /// its favour (the "strong" in strong Stackelberg); nil when no leader action has a δ-equilibrium.
  public func strongStackelbergValue(delta: Double) -> Double? {
    var best: Double?
    for x in 0..<leaderActions {
      for y in profiles where isDeltaBestResponse(leader: x, profile: y, delta: delta) {
        let v = leaderPayoff(x, y)
        if best == nil || v > best! { best = v }
      }
    }
    return best
  }

  /// Definition 2.4: (x*, y*) is an (ε, δ)-strong Stackelberg-Markov-Nash equilibrium when
  /// u_0(x*, y*) ≥ max_x max_{BR^δ} u_0(x, y) − ε and every follower is within δ of its best response.
  /// Returns the smallest ε and δ for which it holds (δ first: ε is measured with that δ).
  public func equilibriumGaps(leader x: Int, profile y: [Int]) -> (epsilon: Double, delta: Double) {
    let delta = (0..<followers).map { deviationGain(follower: $0, leader: x, profile: y) }.max() ?? 0
    let value = strongStackelbergValue(delta: delta) ?? leaderPayoff(x, y)
    return (max(0, value - leaderPayoff(x, y)), delta)
  }

  /// Whether (x, y) is an (ε, δ)-SSMNE (Definition 2.4).
  public func isStrongEquilibrium(leader x: Int, profile y: [Int], epsilon: Double, delta: Double) -> Bool {
    guard isDeltaBestResponse(leader: x, profile: y, delta: delta) else { return false }
    guard let value = strongStackelbergValue(delta: delta) else { return false }
    return leaderPayoff(x, y) >= value - epsilon
  }
}

/// Definition 2.5 of Social Environment Design: a one-shot mechanism design problem
/// P = (n, m, T, S, t, u, u_0, f) with finite type and action sets: a mechanism M = ({A_i}, g) maps
/// action profiles to outcomes; agents with types t_i play strategies s_i : T_i → A_i; the designer
/// maximises u_0(M, a*) at an equilibrium a*. Here the equilibrium is dominant-strategy and is found
/// by enumeration, which is all the framework's worked examples need.
public struct MechanismDesignProblem<Outcome: Sendable>: Sendable {
  /// |A_i| for each agent.
  public let actions: [Int]
  /// The outcome rule g.
  public let outcome: @Sendable ([Int]) -> Outcome
  /// u_i(s, t_i).
  public let utility: @Sendable (_ agent: Int, _ outcome: Outcome) -> Double
  /// u_0(M, a).
  public let principalObjective: @Sendable (_ profile: [Int], _ outcome: Outcome) -> Double

  public init(
    actions: [Int], outcome: @escaping @Sendable ([Int]) -> Outcome,
    utility: @escaping @Sendable (_ agent: Int, _ outcome: Outcome) -> Double,
    principalObjective: @escaping @Sendable (_ profile: [Int], _ outcome: Outcome) -> Double
  ) {
    self.actions = actions
    self.outcome = outcome
    self.utility = utility
    self.principalObjective = principalObjective
  }

  /// Agent i's dominant actions (best against every profile of the others), if any.
  public func dominantActions(of i: Int) -> [Int] {
    var others: [[Int]] = [[]]
    for (j, count) in actions.enumerated() where j != i { others = others.flatMap { p in (0..<count).map { p + [$0] } } }
    return (0..<actions[i]).filter { a in
      others.allSatisfy { rest in
        var profile = rest
        profile.insert(a, at: i)
        let u = utility(i, outcome(profile))
        return (0..<actions[i]).allSatisfy { b in
          var alternative = rest
          alternative.insert(b, at: i)
          return utility(i, outcome(alternative)) <= u + 1e-12
        }
      }
    }
  }

  /// u_0 at the dominant-strategy equilibrium (first dominant action of each agent), or nil.
  public func valueAtDominantStrategyEquilibrium() -> Double? {
    var profile: [Int] = []
    for i in actions.indices {
      guard let a = dominantActions(of: i).first else { return nil }
      profile.append(a)
    }
    return principalObjective(profile, outcome(profile))
  }
}
