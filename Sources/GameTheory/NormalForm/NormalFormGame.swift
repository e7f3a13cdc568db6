import LabKit

/// A finite game in normal form: players, each with a finite set of named actions, and a payoff
/// vector for every pure profile (one action per player).
///
/// Profiles are arrays of action indices, one per player; payoffs are stored flat, profile-major in
/// mixed radix (player 0's action varies slowest). Gambit's `.nfg` files list profiles the other way
/// round (the first player's strategy varies fastest); ``GambitStrategicGame`` converts.
///
/// Players may be named (``playerNames``); unnamed players are "Player 1", "Player 2", … (Gambit's
/// default labels). Names take part in `==`.
public struct NormalFormGame: Sendable, Equatable {
  /// The action names of each player.
  public let actions: [[String]]
  /// The name of each player, "Player 1", "Player 2", … unless given.
  public let playerNames: [String]
  /// Payoff vectors, profile after profile in ``profiles`` order, one entry per player.
  let payoffTable: [Double]

  /// The largest payoff magnitude a game read from input may have. GLPK's simplex works with absolute
  /// tolerances (1e-7 on feasibility, 1e-9 on reduced costs), so payoffs many orders above them make it
  /// report valid programs infeasible (−1e20) or unbounded (1e38), or abort the process (1e300);
  /// 1e9 leaves nine digits of room either side. Rescale a game with larger numbers before reading it.
  public static let largestPayoffMagnitude = 1e9

  /// A game whose payoff vector at each profile is `payoff(profile)`; players are named "Player 1",
  /// "Player 2", ….
  ///
  /// - Precondition: at least one player, every player has at least one action, and `payoff` returns
  ///   one finite number per player.
  public init(actions: [[String]], payoff: ([Int]) -> [Double]) {
    self.init(playerNames: NormalFormGame.defaultPlayerNames(actions.count), actions: actions, payoff: payoff)
  }

  /// A game with named players whose payoff vector at each profile is `payoff(profile)`.
  ///
  /// - Precondition: at least one player, one name per player, every player has at least one
  ///   action, and `payoff` returns one finite number per player.
  public init(playerNames: [String], actions: [[String]], payoff: ([Int]) -> [Double]) {
    precondition(!actions.isEmpty && actions.allSatisfy { !$0.isEmpty }, "NormalFormGame: every player needs an action")
    precondition(playerNames.count == actions.count, "NormalFormGame: \(playerNames.count) names for \(actions.count) players")
    var table: [Double] = []
    table.reserveCapacity(actions.reduce(actions.count) { $0 * $1.count })
    for profile in NormalFormGame.mixedRadixProfiles(actions.map(\.count)) {
      let vector = payoff(profile)
      precondition(vector.count == actions.count && vector.allSatisfy(\.isFinite), "NormalFormGame: bad payoff vector at \(profile)")
      table += vector
    }
    self.init(unchecked: playerNames, actions: actions, payoffTable: table)
  }

  /// A game from payoff vectors listed in ``profiles`` order (player 0's action varying slowest),
  /// validated: for input read from files or typed by a user.
  ///
  /// - Parameters:
  ///   - playerNames: one name per player; `nil` gives "Player 1", "Player 2", ….
  ///   - actions: each player's action names (at least one each).
  ///   - payoffVectors: one vector of one finite payoff per player for each profile.
  /// - Throws: ``LabError/invalidInput(place:problem:)`` naming the first problem, including a payoff
  ///   that is not finite or whose magnitude exceeds ``largestPayoffMagnitude``.
  public init(playerNames: [String]? = nil, actions: [[String]], payoffVectors: [[Double]]) throws {
    let place = "normal-form game"
    guard !actions.isEmpty else { throw LabError.invalidInput(place: place, problem: "a game needs at least one player") }
    if let player = actions.firstIndex(where: \.isEmpty) {
      throw LabError.invalidInput(place: place, problem: "player \(player + 1) has no action")
    }
    let names = playerNames ?? NormalFormGame.defaultPlayerNames(actions.count)
    guard names.count == actions.count else {
      throw LabError.invalidInput(place: place, problem: "\(names.count) player names for \(actions.count) players")
    }
    let profiles = NormalFormGame.mixedRadixProfiles(actions.map(\.count))
    guard payoffVectors.count == profiles.count else {
      throw LabError.invalidInput(place: place, problem: "\(payoffVectors.count) payoff vectors for \(profiles.count) profiles")
    }
    for (index, vector) in payoffVectors.enumerated() {
      guard vector.count == actions.count else {
        throw LabError.invalidInput(
          place: place, problem: "the payoff vector of profile \(profiles[index]) has \(vector.count) entries for \(actions.count) players")
      }
      if let player = vector.firstIndex(where: { !$0.isFinite }) {
        throw LabError.invalidInput(
          place: place, problem: "player \(player + 1)'s payoff at profile \(profiles[index]) is \(vector[player]), not a finite number")
      }
      if let player = vector.firstIndex(where: { abs($0) > Self.largestPayoffMagnitude }) {
        throw LabError.invalidInput(
          place: place,
          problem:
            "player \(player + 1)'s payoff at profile \(profiles[index]) is \(vector[player]); payoffs must lie within ±1e9, beyond which the linear programs (GLPK, absolute tolerances near 1e-9) give wrong answers or abort"
        )
      }
    }
    self.init(unchecked: names, actions: actions, payoffTable: payoffVectors.flatMap { $0 })
  }

  /// Stores the parts as given; callers guarantee the shapes.
  init(unchecked playerNames: [String], actions: [[String]], payoffTable: [Double]) {
    self.playerNames = playerNames
    self.actions = actions
    self.payoffTable = payoffTable
  }

  public var playerCount: Int { actions.count }

  /// The number of actions of each player.
  public var actionCounts: [Int] { actions.map(\.count) }

  /// Every pure profile, player 0's action varying slowest.
  public var profiles: [[Int]] { NormalFormGame.mixedRadixProfiles(actions.map(\.count)) }

  /// The payoff vector at a pure profile.
  public func payoffs(_ profile: [Int]) -> [Double] {
    let start = profileIndex(profile) * playerCount
    return Array(payoffTable[start..<start + playerCount])
  }

  /// Player `player`'s payoff at a pure profile.
  public func payoff(_ player: Int, _ profile: [Int]) -> Double {
    payoffTable[profileIndex(profile) * playerCount + player]
  }

  /// The payoff vectors of every profile, in ``profiles`` order.
  public var payoffVectors: [[Double]] {
    stride(from: 0, to: payoffTable.count, by: playerCount).map { Array(payoffTable[$0..<$0 + playerCount]) }
  }

  /// A copy of the game with other player names.
  ///
  /// - Precondition: one name per player.
  public func renamingPlayers(_ names: [String]) -> NormalFormGame {
    precondition(names.count == playerCount, "NormalFormGame.renamingPlayers: \(names.count) names for \(playerCount) players")
    return NormalFormGame(unchecked: names, actions: actions, payoffTable: payoffTable)
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

  /// The position of `profile` in ``profiles`` order.
  func profileIndex(_ profile: [Int]) -> Int {
    precondition(profile.count == playerCount, "NormalFormGame: profile has \(profile.count) actions for \(playerCount) players")
    var index = 0
    for (player, action) in profile.enumerated() {
      precondition(actions[player].indices.contains(action), "NormalFormGame: player \(player) has no action \(action)")
      index = index * actions[player].count + action
    }
    return index
  }

  static func mixedRadixProfiles(_ counts: [Int]) -> [[Int]] {
    var result: [[Int]] = [[]]
    for count in counts {
      result = result.flatMap { prefix in (0..<count).map { prefix + [$0] } }
    }
    return result
  }

  /// "Player 1", "Player 2", …: Gambit's default labels.
  static func defaultPlayerNames(_ count: Int) -> [String] { (0..<count).map { "Player \($0 + 1)" } }

  /// "1", "2", …: Gambit's default strategy labels.
  static func defaultActionNames(_ count: Int) -> [String] { (0..<count).map { "\($0 + 1)" } }
}
