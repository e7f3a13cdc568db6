import Foundation

@testable import GameTheory

/// Fixtures and helpers shared by the LinearProgramming and Geometry tests.
enum LPTestSupport {
  /// `Tests/` of the package, found from this file. The test folders of a scratch package may be
  /// symlinks into the real package, so symlinks are resolved first.
  static let testsFolder = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  struct BimatrixGame {
    let id: String
    let game: NormalFormGame
  }

  /// The 50 random bimatrix games of `Tests/Fixtures/games/random_games.json`.
  static func randomBimatrixGames() throws -> [BimatrixGame] {
    let url = testsFolder.appendingPathComponent("Fixtures/games/random_games.json")
    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
    return (json["games"] as! [[String: Any]]).map { entry in
      let rowPayoffs = (entry["row_payoffs"] as! [[NSNumber]]).map { $0.map(\.doubleValue) }
      let columnPayoffs = (entry["column_payoffs"] as! [[NSNumber]]).map { $0.map(\.doubleValue) }
      let game = NormalFormGame(
        actions: [rowPayoffs.indices.map { "r\($0)" }, rowPayoffs[0].indices.map { "c\($0)" }]
      ) { profile in [rowPayoffs[profile[0]][profile[1]], columnPayoffs[profile[0]][profile[1]]] }
      return BimatrixGame(id: entry["id"] as! String, game: game)
    }
  }

  struct MaxminRecord {
    let maxmin: Double
    let strategy: [Double]?
    let minimax: Double
    let pureMaxmin: Double
  }

  /// `Tests/Fixtures/scipy/maxmin.json` by game id: one record per player.
  static func scipyMaxmin() throws -> [String: [MaxminRecord]] {
    let url = testsFolder.appendingPathComponent("Fixtures/scipy/maxmin.json")
    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
    var result: [String: [MaxminRecord]] = [:]
    for entry in json["games"] as! [[String: Any]] {
      result[entry["id"] as! String] = (entry["players"] as! [[String: Any]]).map { player in
        MaxminRecord(
          maxmin: (player["maxmin"] as! NSNumber).doubleValue,
          strategy: (player["strategy"] as? [NSNumber])?.map(\.doubleValue),
          minimax: (player["minimax"] as! NSNumber).doubleValue,
          pureMaxmin: (player["pure_maxmin"] as! NSNumber).doubleValue)
      }
    }
    return result
  }

  /// Matching pennies: player 0 wins 1 on a match, loses 1 otherwise.
  static let matchingPennies = NormalFormGame(actions: [["heads", "tails"], ["heads", "tails"]]) { profile in
    profile[0] == profile[1] ? [1, -1] : [-1, 1]
  }

  /// SplitMix64, so the random games of the property tests are the same on every run.
  struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE5_E9B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  /// A game with `players` players of 2 or 3 actions each and integer payoffs in 0...9 (small integers
  /// make ties and degenerate programs common, which is the point).
  static func randomGame(players: Int, using generator: inout SplitMix) -> NormalFormGame {
    let actions = (0..<players).map { player in (0..<Int.random(in: 2...3, using: &generator)).map { "p\(player)a\($0)" } }
    var table: [[Int]: [Double]] = [:]
    for profile in NormalFormGame(actions: actions, payoff: { _ in Array(repeating: 0, count: players) }).profiles {
      table[profile] = (0..<players).map { _ in Double(Int.random(in: 0...9, using: &generator)) }
    }
    return NormalFormGame(actions: actions) { table[$0]! }
  }

  /// Player `player`'s worst expected payoff, over the others' pure profiles, from mixed strategy `sigma`.
  static func worstCase(of sigma: [Double], for player: Int, in game: NormalFormGame) -> Double {
    var worst = Double.infinity
    for profile in game.profiles where profile[player] == 0 {
      var total = 0.0
      for (action, probability) in sigma.enumerated() {
        var full = profile
        full[player] = action
        total += probability * game.payoff(player, full)
      }
      worst = min(worst, total)
    }
    return worst
  }

  static func isDistribution(_ probabilities: [Double], tolerance: Double = 1e-9) -> Bool {
    probabilities.allSatisfy { $0 >= -tolerance } && abs(probabilities.reduce(0, +) - 1) <= tolerance
  }
}
