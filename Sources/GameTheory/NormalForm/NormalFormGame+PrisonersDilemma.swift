extension NormalFormGame {
  /// The symmetric 2-player prisoner's dilemma with payoffs (R, S, T, P) to the row player for
  /// (cooperate, cooperate), (cooperate, defect), (defect, cooperate), (defect, defect).
  ///
  /// It is a prisoner's dilemma in the strict sense when T > R > P > S (Rapoport and Chammah 1965),
  /// and the repeated-game convention adds 2R > T + S; ``isPrisonersDilemma`` tests both.
  public static func prisonersDilemma(
    reward: Double, sucker: Double, temptation: Double, punishment: Double,
    actions: [String] = ["cooperate", "defect"]
  ) -> NormalFormGame {
    precondition(actions.count == 2, "prisonersDilemma: two actions, cooperate first")
    let row = [[reward, sucker], [temptation, punishment]]
    return NormalFormGame(actions: [actions, actions]) { profile in
      [row[profile[0]][profile[1]], row[profile[1]][profile[0]]]
    }
  }

  /// For a symmetric 2-player, 2-action game with action 0 = cooperate: whether T > R > P > S and
  /// 2R > T + S.
  public var isPrisonersDilemma: Bool {
    guard playerCount == 2, actions.allSatisfy({ $0.count == 2 }) else { return false }
    let (r, s, t, p) = (payoff(0, [0, 0]), payoff(0, [0, 1]), payoff(0, [1, 0]), payoff(0, [1, 1]))
    let symmetric = profiles.allSatisfy { payoff(0, $0) == payoff(1, [$0[1], $0[0]]) }
    return symmetric && t > r && r > p && p > s && 2 * r > t + s
  }
}
