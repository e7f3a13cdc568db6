/// A finite game in normal form: players, each with a finite set of named actions, and a payoff
/// vector for every pure profile (one action per player).
///
/// Profiles are arrays of action indices, one per player; payoffs are stored flat, profile-major in
/// mixed radix (player 0's action varies slowest).
public struct NormalFormGame: Sendable, Equatable {
  /// The action names of each player.
  public let actions: [[String]]
  private let payoffTable: [Double]

  /// A game whose payoff vector at each profile is `payoff(profile)`.
  ///
  /// - Precondition: at least one player, every player has at least one action, and `payoff` returns
  ///   one finite number per player.
  public init(actions: [[String]], payoff: ([Int]) -> [Double]) {
    precondition(!actions.isEmpty && actions.allSatisfy { !$0.isEmpty }, "NormalFormGame: every player needs an action")
    self.actions = actions
    var table: [Double] = []
    for profile in NormalFormGame.profiles(actions.map(\.count)) {
      let vector = payoff(profile)
      precondition(vector.count == actions.count && vector.allSatisfy(\.isFinite), "NormalFormGame: bad payoff vector at \(profile)")
      table += vector
    }
    self.payoffTable = table
  }

  public var playerCount: Int { actions.count }

  /// Every pure profile, player 0's action varying slowest.
  public var profiles: [[Int]] { NormalFormGame.profiles(actions.map(\.count)) }

  /// The payoff vector at a pure profile.
  public func payoffs(_ profile: [Int]) -> [Double] {
    let start = index(of: profile) * playerCount
    return Array(payoffTable[start..<start + playerCount])
  }

  /// Player `player`'s payoff at a pure profile.
  public func payoff(_ player: Int, _ profile: [Int]) -> Double {
    payoffTable[index(of: profile) * playerCount + player]
  }

  /// Whether no player gains by changing only its own action.
  public func isPureNashEquilibrium(_ profile: [Int]) -> Bool {
    (0..<playerCount).allSatisfy { player in
      let current = payoff(player, profile)
      return actions[player].indices.allSatisfy { action in
        var deviation = profile
        deviation[player] = action
        return payoff(player, deviation) <= current
      }
    }
  }

  /// Every pure Nash equilibrium, in profile order.
  public func pureNashEquilibria() -> [[Int]] { profiles.filter(isPureNashEquilibrium) }

  /// Whether `action` strictly dominates every other action of `player`: it pays strictly more
  /// against every profile of the others.
  public func isStrictlyDominant(_ action: Int, for player: Int) -> Bool {
    profiles.allSatisfy { profile in
      var mine = profile
      mine[player] = action
      return profile[player] == action || payoff(player, mine) > payoff(player, profile)
    }
  }

  private func index(of profile: [Int]) -> Int {
    precondition(profile.count == playerCount, "NormalFormGame: profile has \(profile.count) actions for \(playerCount) players")
    var index = 0
    for (player, action) in profile.enumerated() {
      precondition(actions[player].indices.contains(action), "NormalFormGame: player \(player) has no action \(action)")
      index = index * actions[player].count + action
    }
    return index
  }

  private static func profiles(_ counts: [Int]) -> [[Int]] {
    var result: [[Int]] = [[]]
    for count in counts {
      result = result.flatMap { prefix in (0..<count).map { prefix + [$0] } }
    }
    return result
  }
}
