/// Expected payoffs of mixed and correlated play, pure best responses and the Nash test.
///
/// Tolerances here are absolute, in payoff units: an action is a best response when its expected
/// payoff is within `tolerance` (default 1e-9) of the best one, and a profile is a Nash equilibrium
/// when no player gains more than `tolerance` by a pure deviation. Games with payoffs far from unit
/// scale should scale the tolerance with them.
extension NormalFormGame {
  /// The expected payoff vector when the players mix independently, one strategy per player.
  ///
  /// Only profiles of positive probability are visited, so pure and small-support profiles are cheap.
  ///
  /// - Precondition: one strategy per player, each over that player's actions.
  public func expectedPayoffs(_ profile: [MixedStrategy]) -> [Double] {
    checkProfile(profile)
    var totals = [Double](repeating: 0, count: playerCount)
    forEachWeightedProfile(profile.indices.map { independentFactor(player: $0, profile[$0]) }) { index, probability in
      let start = index * playerCount
      for player in 0..<playerCount { totals[player] += probability * payoffTable[start + player] }
    }
    return totals
  }

  /// Player `player`'s expected payoff when the players mix independently.
  public func expectedPayoff(_ player: Int, _ profile: [MixedStrategy]) -> Double {
    expectedPayoffs(profile)[player]
  }

  /// The expected payoff vector of a correlated strategy; players it does not cover play the mixed
  /// strategies in `independent`, independently of it and of each other.
  ///
  /// - Precondition: every player is covered exactly once, by `correlated` or by `independent`, and
  ///   every action exists.
  public func expectedPayoffs(_ correlated: CorrelatedStrategy, independent others: [Int: MixedStrategy] = [:]) -> [Double] {
    var factors = [correlatedFactor(correlated)]
    let covered = Set(correlated.players)
    precondition(
      Set(others.keys).isDisjoint(with: covered) && covered.count + others.count == playerCount
        && others.keys.allSatisfy { (0..<playerCount).contains($0) },
      "expectedPayoffs: every player must be covered once, by the correlated strategy or an independent one")
    for player in others.keys.sorted() {
      let strategy = others[player]!
      precondition(strategy.count == actions[player].count, "expectedPayoffs: player \(player)'s strategy has the wrong number of actions")
      factors.append(independentFactor(player: player, strategy))
    }
    var totals = [Double](repeating: 0, count: playerCount)
    forEachWeightedProfile(factors) { index, probability in
      let start = index * playerCount
      for player in 0..<playerCount { totals[player] += probability * payoffTable[start + player] }
    }
    return totals
  }

  /// The expected payoff of each of `player`'s actions against the others' independent mixed
  /// strategies (`profile[player]` is ignored).
  ///
  /// - Precondition: one strategy per player, each over that player's actions.
  public func actionPayoffs(_ player: Int, against profile: [MixedStrategy]) -> [Double] {
    checkProfile(profile)
    let factors = profile.indices.filter { $0 != player }.map { independentFactor(player: $0, profile[$0]) }
    return actionPayoffs(player, factors)
  }

  /// The expected payoff of each of `player`'s actions against a correlated strategy of all the
  /// other players.
  ///
  /// - Precondition: `correlated` covers exactly the players other than `player`.
  public func actionPayoffs(_ player: Int, against correlated: CorrelatedStrategy) -> [Double] {
    precondition(
      correlated.players == (0..<playerCount).filter { $0 != player },
      "actionPayoffs: the correlated strategy must cover exactly the players other than \(player)")
    return actionPayoffs(player, [correlatedFactor(correlated)])
  }

  /// `player`'s pure best responses to the others' mixed strategies: the actions whose expected
  /// payoff is within `tolerance` of the best, ascending.
  public func pureBestResponses(_ player: Int, to profile: [MixedStrategy], tolerance: Double = 1e-9) -> [Int] {
    NormalFormGame.withinTolerance(ofMaximum: actionPayoffs(player, against: profile), tolerance)
  }

  /// `player`'s pure best responses to a correlated strategy of all the other players.
  public func pureBestResponses(_ player: Int, to correlated: CorrelatedStrategy, tolerance: Double = 1e-9) -> [Int] {
    NormalFormGame.withinTolerance(ofMaximum: actionPayoffs(player, against: correlated), tolerance)
  }

  /// For each player, how much it gains by its best pure deviation from `profile` (0 when none gains):
  /// the profile is an ε-equilibrium for ε = the largest entry.
  public func deviationGains(_ profile: [MixedStrategy]) -> [Double] {
    let current = expectedPayoffs(profile)
    return (0..<playerCount).map { player in
      max(0, (actionPayoffs(player, against: profile).max() ?? current[player]) - current[player])
    }
  }

  /// Whether `profile` is a Nash equilibrium: no player gains more than `tolerance` by switching to
  /// any pure action (checking pure deviations suffices, as expected payoffs are linear in one's own
  /// mixture).
  public func isNashEquilibrium(_ profile: [MixedStrategy], tolerance: Double = 1e-9) -> Bool {
    deviationGains(profile).allSatisfy { $0 <= tolerance }
  }

  // MARK: - Sums over weighted profiles

  /// One factor of a product distribution: (offset into the flat profile index, probability) pairs.
  typealias ProfileFactor = [(offset: Int, probability: Double)]

  /// The stride of each player's action in the flat profile index (player 0 slowest).
  var profileStrides: [Int] {
    var strides = [Int](repeating: 1, count: playerCount)
    for player in stride(from: playerCount - 2, through: 0, by: -1) {
      strides[player] = strides[player + 1] * actions[player + 1].count
    }
    return strides
  }

  private func checkProfile(_ profile: [MixedStrategy]) {
    precondition(profile.count == playerCount, "NormalFormGame: \(profile.count) strategies for \(playerCount) players")
    for (player, strategy) in profile.enumerated() {
      precondition(
        strategy.count == actions[player].count,
        "NormalFormGame: player \(player)'s strategy has \(strategy.count) entries for \(actions[player].count) actions")
    }
  }

  private func independentFactor(player: Int, _ strategy: MixedStrategy) -> ProfileFactor {
    let stride = profileStrides[player]
    return strategy.support.map { (offset: $0 * stride, probability: strategy[$0]) }
  }

  private func correlatedFactor(_ correlated: CorrelatedStrategy) -> ProfileFactor {
    let strides = profileStrides
    precondition(correlated.players.allSatisfy { $0 < playerCount }, "NormalFormGame: the correlated strategy names a missing player")
    return zip(correlated.profiles, correlated.probabilities).filter { $0.1 > 0 }.map { profile, probability in
      var offset = 0
      for (position, player) in correlated.players.enumerated() {
        precondition(profile[position] < actions[player].count, "NormalFormGame: player \(player) has no action \(profile[position])")
        offset += profile[position] * strides[player]
      }
      return (offset: offset, probability: probability)
    }
  }

  private func actionPayoffs(_ player: Int, _ others: [ProfileFactor]) -> [Double] {
    let stride = profileStrides[player]
    var totals = [Double](repeating: 0, count: actions[player].count)
    forEachWeightedProfile(others) { index, probability in
      for action in totals.indices {
        totals[action] += probability * payoffTable[(index + action * stride) * playerCount + player]
      }
    }
    return totals
  }

  /// Calls `body(flat index, probability)` for every combination of one entry per factor.
  func forEachWeightedProfile(_ factors: [ProfileFactor], _ body: (Int, Double) -> Void) {
    if factors.contains(where: \.isEmpty) { return }
    var positions = [Int](repeating: 0, count: factors.count)
    while true {
      var index = 0
      var probability = 1.0
      for (factor, position) in zip(factors, positions) {
        index += factor[position].offset
        probability *= factor[position].probability
      }
      body(index, probability)
      var level = factors.count - 1
      while level >= 0 {
        positions[level] += 1
        if positions[level] < factors[level].count { break }
        positions[level] = 0
        level -= 1
      }
      if level < 0 { return }
    }
  }

  static func withinTolerance(ofMaximum values: [Double], _ tolerance: Double) -> [Int] {
    guard let best = values.max() else { return [] }
    return values.indices.filter { values[$0] >= best - tolerance }
  }
}
