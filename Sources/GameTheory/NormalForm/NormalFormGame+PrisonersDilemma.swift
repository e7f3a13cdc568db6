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

  /// The prisoner's dilemma in donation form with gain G: cooperating costs the cooperator 1 and
  /// gives the other player G, on top of a base payoff of 1.
  ///
  ///                 cooperate   defect
  ///     cooperate   G, G        0, G+1
  ///     defect      G+1, 0      1, 1
  ///
  /// This is Table 1 of Oesterheld, Treutlein, Grosse, Conitzer and Foerster, "Similarity-based
  /// cooperative equilibrium" (NeurIPS 2023), whose introduction uses G = 3. In (R, S, T, P) terms
  /// it is (G, 0, G + 1, 1): a strict prisoner's dilemma, 2R > T + S included, exactly when G > 1.
  /// Because it is additive, a player's expected payoff is G · P(other cooperates) + 1 −
  /// P(self cooperates) under any independent or correlated randomisation.
  ///
  /// - Precondition: `gain` is finite.
  public static func prisonersDilemma(donation gain: Double, actions: [String] = ["cooperate", "defect"]) -> NormalFormGame {
    precondition(gain.isFinite, "prisonersDilemma(donation:): the gain must be finite")
    return prisonersDilemma(reward: gain, sucker: 0, temptation: gain + 1, punishment: 1, actions: actions)
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
