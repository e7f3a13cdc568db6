import LabKit

// MARK: - Joint strategies of coalitions

/// The operations the coalition linear programs need: empirical distributions of cycles, supports,
/// marginals on sub-coalitions, and validation against a game.
extension CorrelatedStrategy {
  /// The empirical distribution of a sequence of joint profiles, such as the locked players' joint
  /// actions over one period of a deterministic cycle. Profiles appear in order of first occurrence.
  public static func empirical(players: [Int], sequence: [[Int]]) throws -> CorrelatedStrategy {
    var profiles: [[Int]] = []
    var counts: [[Int]: Int] = [:]
    for profile in sequence {
      if counts[profile] == nil { profiles.append(profile) }
      counts[profile, default: 0] += 1
    }
    return try CorrelatedStrategy(
      players: players, profiles: profiles,
      probabilities: profiles.map { Double(counts[$0]!) / Double(sequence.count) })
  }

  /// The profiles with positive probability, with their probabilities, in listed order.
  public var support: [(profile: [Int], probability: Double)] {
    zip(profiles, probabilities).filter { $0.1 > 0 }.map { (profile: $0.0, probability: $0.1) }
  }

  /// The marginal distribution on a subset of ``players`` (profiles in order of first occurrence).
  public func marginal(on subset: [Int]) throws -> CorrelatedStrategy {
    let positions = try subset.sorted().map { player in
      guard let position = players.firstIndex(of: player) else {
        throw LabError.invalidInput(place: "CorrelatedStrategy.marginal", problem: "player \(player) is not one of \(players)")
      }
      return position
    }
    var order: [[Int]] = []
    var mass: [[Int]: Double] = [:]
    for (profile, probability) in zip(profiles, probabilities) {
      let part = positions.map { profile[$0] }
      if mass[part] == nil { order.append(part) }
      mass[part, default: 0] += probability
    }
    return CorrelatedStrategy(unchecked: subset.sorted(), profiles: order, probabilities: order.map { mass[$0]! })
  }

  /// Checks that the players and actions exist in `game`.
  func validate(in game: NormalFormGame, place: String) throws {
    for player in players where player >= game.playerCount {
      throw LabError.invalidInput(place: place, problem: "player \(player) does not exist in a \(game.playerCount)-player game")
    }
    for profile in profiles {
      for (position, player) in players.enumerated() where !game.actions[player].indices.contains(profile[position]) {
        throw LabError.invalidInput(place: place, problem: "player \(player) has no action \(profile[position])")
      }
    }
  }

  /// Every joint profile of `players` (ascending) in `game`, the lowest player's action varying
  /// slowest; `[[]]` for no players.
  static func allProfiles(of players: [Int], in game: NormalFormGame) -> [[Int]] {
    var result: [[Int]] = [[]]
    for player in players {
      result = result.flatMap { prefix in game.actions[player].indices.map { prefix + [$0] } }
    }
    return result
  }
}
