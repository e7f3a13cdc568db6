import LabKit

/// A probability distribution over the joint pure profiles of a set of players: a correlated
/// strategy (a mediator draws one joint profile and tells each player its action).
///
/// `players` are ascending player indices, possibly a subset of the game's players; each entry of
/// `profiles` lists one action per player of `players`, in that order. Profiles are distinct and
/// probabilities are finite, non-negative and sum to 1 within `tolerance` (default 1e-9).
/// ``NormalFormGame/expectedPayoffs(_:independent:)`` lets the players it does not cover play
/// independent mixed strategies.
public struct CorrelatedStrategy: Sendable, Equatable, CustomStringConvertible {
  /// The players whose actions are correlated, ascending.
  public let players: [Int]
  /// The joint profiles, one action per player of ``players``.
  public let profiles: [[Int]]
  /// The probability of each profile.
  public let probabilities: [Double]

  /// A distribution over `profiles` of `players`.
  ///
  /// `players` may be listed in any order; the columns of `profiles` are reordered to ascending players.
  ///
  /// - Throws: ``LabError/invalidInput(place:problem:)`` when players repeat or are negative, a profile
  ///   has the wrong length, a negative action or repeats, the counts differ, or the probabilities are
  ///   not a distribution.
  public init(players: [Int], profiles: [[Int]], probabilities: [Double], tolerance: Double = MixedStrategy.defaultTolerance) throws {
    let place = "correlated strategy"
    guard Set(players).count == players.count, players.allSatisfy({ $0 >= 0 }), !players.isEmpty else {
      throw LabError.invalidInput(place: place, problem: "players \(players) must be distinct non-negative indices, at least one")
    }
    guard profiles.count == probabilities.count, !profiles.isEmpty else {
      throw LabError.invalidInput(
        place: place, problem: "\(profiles.count) profiles and \(probabilities.count) probabilities; need the same positive number")
    }
    if let bad = profiles.firstIndex(where: { $0.count != players.count || $0.contains { $0 < 0 } }) {
      throw LabError.invalidInput(
        place: place, problem: "profile \(profiles[bad]) needs one non-negative action for each of the players \(players)")
    }
    if let bad = probabilities.firstIndex(where: { !$0.isFinite || $0 < 0 }) {
      throw LabError.invalidInput(
        place: place, problem: "the probability of profile \(profiles[bad]) is \(probabilities[bad]), not a finite number ≥ 0")
    }
    let total = probabilities.reduce(0, +)
    guard abs(total - 1) <= tolerance else {
      throw LabError.invalidInput(place: place, problem: "the probabilities sum to \(total), not 1 (tolerance \(tolerance))")
    }
    let order = players.indices.sorted { players[$0] < players[$1] }
    let sorted = profiles.map { profile in order.map { profile[$0] } }
    guard Set(sorted).count == sorted.count else {
      throw LabError.invalidInput(place: place, problem: "a profile is listed twice")
    }
    self.init(unchecked: order.map { players[$0] }, profiles: sorted, probabilities: probabilities)
  }

  /// A distribution given as a dictionary from joint profiles (actions in the order of `players`)
  /// to probabilities; profiles are stored in lexicographic order.
  ///
  /// - Throws: as ``init(players:profiles:probabilities:tolerance:)``.
  public init(players: [Int], distribution: [[Int]: Double], tolerance: Double = MixedStrategy.defaultTolerance) throws {
    let profiles = distribution.keys.sorted { $0.lexicographicallyPrecedes($1) }
    try self.init(players: players, profiles: profiles, probabilities: profiles.map { distribution[$0]! }, tolerance: tolerance)
  }

  /// Stores the parts as given; callers guarantee the invariants.
  init(unchecked players: [Int], profiles: [[Int]], probabilities: [Double]) {
    self.players = players
    self.profiles = profiles
    self.probabilities = probabilities
  }

  /// The product of independent mixed strategies of `players` (default 0, 1, …): the joint profiles
  /// with positive probability, the lowest player's action varying slowest.
  ///
  /// - Precondition: one strategy per player; players distinct and non-negative.
  public static func product(_ strategies: [MixedStrategy], players: [Int]? = nil) -> CorrelatedStrategy {
    let players = players ?? Array(strategies.indices)
    precondition(
      players.count == strategies.count && Set(players).count == players.count && players.allSatisfy { $0 >= 0 },
      "CorrelatedStrategy.product: one strategy for each of distinct players")
    let order = players.indices.sorted { players[$0] < players[$1] }
    var profiles: [[Int]] = [[]]
    var probabilities: [Double] = [1]
    for position in order {
      let strategy = strategies[position]
      var nextProfiles: [[Int]] = []
      var nextProbabilities: [Double] = []
      for (profile, probability) in zip(profiles, probabilities) {
        for action in strategy.support {
          nextProfiles.append(profile + [action])
          nextProbabilities.append(probability * strategy[action])
        }
      }
      profiles = nextProfiles
      probabilities = nextProbabilities
    }
    return CorrelatedStrategy(unchecked: order.map { players[$0] }, profiles: profiles, probabilities: probabilities)
  }

  /// Probability 1 on one joint profile (actions in the order of `players`).
  ///
  /// - Throws: as ``init(players:profiles:probabilities:tolerance:)``.
  public static func pure(players: [Int], profile: [Int]) throws -> CorrelatedStrategy {
    try CorrelatedStrategy(players: players, profiles: [profile], probabilities: [1])
  }

  /// The probability of a joint profile (actions in the order of ``players``); 0 when not listed.
  public func probability(of profile: [Int]) -> Double {
    profiles.firstIndex(of: profile).map { probabilities[$0] } ?? 0
  }

  /// The marginal distribution of `player`'s action, over `actionCount` actions.
  ///
  /// - Precondition: `player` is one of ``players`` and every listed action is below `actionCount`.
  public func marginal(of player: Int, actionCount: Int) -> MixedStrategy {
    guard let position = players.firstIndex(of: player) else {
      preconditionFailure("CorrelatedStrategy.marginal: player \(player) is not one of \(players)")
    }
    var probabilities = [Double](repeating: 0, count: actionCount)
    for (profile, probability) in zip(profiles, self.probabilities) {
      precondition(profile[position] < actionCount, "CorrelatedStrategy.marginal: action \(profile[position]) out of range")
      probabilities[profile[position]] += probability
    }
    return MixedStrategy(unchecked: probabilities)
  }

  /// "players [0, 1]: [0, 0] 0.5, [1, 1] 0.5".
  public var description: String {
    "players \(players): "
      + zip(profiles, probabilities).map { "\($0.0) \(DecimalFormat.compact($0.1, significant: 6))" }
      .joined(separator: ", ")
  }
}
