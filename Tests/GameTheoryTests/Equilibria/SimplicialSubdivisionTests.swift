import Foundation
import LabKit
import Testing

@testable import GameTheory

/// Simplicial subdivision against Gambit's `simpdiv` (pygambit 16.7.0, exact rationals) on the 3- and
/// 4-player games of `Tests/Fixtures/pygambit/make_simpdiv.py`, and against `enumpoly`'s list of every
/// equilibrium where the games have two strategies per player.
@Suite struct SimplicialSubdivisionTests {
  struct Case {
    let name: String
    let game: NormalFormGame
    let entry: JSONValue
  }

  static func cases() throws -> [Case] {
    let games = try NashTestSupport.json("pygambit/simpdiv.json")["games"]!.arrayValue!
    return try games.map { entry in
      let text = try NashTestSupport.fixtureText("pygambit/" + entry["file"]!.stringValue!)
      return Case(name: entry["name"]!.stringValue!, game: try GambitStrategicGame(nfg: text).game, entry: entry)
    }
  }

  static func profiles(_ value: JSONValue?) -> [[[Double]]] {
    (value?.arrayValue ?? []).map { NashTestSupport.matrix($0) }
  }

  /// The largest regret at `profile`, computed independently of the solver.
  static func regret(_ game: NormalFormGame, _ profile: [[Double]]) -> Double {
    let strategies = profile.map { MixedStrategy(unchecked: $0) }
    return game.deviationGains(strategies).max()!
  }

  /// Every fixture game solved once, with the default settings.
  static func solved() throws -> [(Case, SimplicialSubdivisionResult)] {
    try cases().map { ($0, $0.game.simplicialSubdivision()) }
  }

  @Test func everyAnswerIsAnEpsilonEquilibriumWithinTheStatedTarget() throws {
    let solved = try Self.solved()
    #expect(solved.count == 10 && solved.contains { $0.0.game.playerCount == 4 })
    for (item, result) in solved {
      let range = item.entry["payoffRange"]!.numberValue!
      #expect(result.targetRegret == 1e-7 * range, "\(item.name)")
      #expect(result.reachedTarget && !result.isPartial, "\(item.name): regret \(result.regret)")
      let independent = Self.regret(item.game, result.equilibrium.strategies.map(\.probabilities))
      #expect(abs(independent - result.regret) <= 1e-12 * max(1, range), "\(item.name)")
      #expect(independent <= 1e-7 * range, "\(item.name): regret \(independent)")
    }
  }

  @Test func followsGambitsPathToTheSameProfile() throws {
    for (item, result) in try Self.solved() {
      let gambit = NashTestSupport.matrix(item.entry["simpdiv"]!["strategies"])
      let ours = result.equilibrium.strategies.map(\.probabilities)
      let distance = zip(ours, gambit).map { zip($0, $1).map { abs($0 - $1) }.max()! }.max()!
      #expect(distance == 0, "\(item.name): ours \(ours), Gambit \(gambit)")
      #expect(abs(result.regret - item.entry["simpdiv"]!["regret"]!.numberValue!) <= 1e-12, "\(item.name)")
    }
  }

  /// Where enumpoly lists a single equilibrium (Jordan's game and the 4-player game), the answer is it,
  /// within 1e-4 (an ε-equilibrium with ε = 1e-7 of the range lies that close to an isolated one here).
  /// Elsewhere enumpoly's list can miss what simpdiv finds: on random-2x2x2-seed4 both end at
  /// ((1/2, 1/2), (1, 0), (0, 1)), an exact equilibrium inside a segment of equilibria (player 1 is
  /// indifferent) of which enumpoly lists only the end points.
  @Test func findsTheOnlyEquilibriumWhereEnumpolyListsOne() throws {
    var unique: [String] = []
    for (item, result) in try Self.solved() {
      guard let all = item.entry["allEquilibria"], Self.profiles(all).count == 1 else { continue }
      let only = Self.profiles(all)[0]
      let ours = result.equilibrium.strategies.map(\.probabilities)
      let distance = zip(ours, only).map { zip($0, $1).map { abs($0 - $1) }.max()! }.max()!
      #expect(distance <= 1e-4, "\(item.name): ours \(ours), the only one \(only)")
      unique.append(item.name)
    }
    #expect(unique == ["random-2x2x2x2-seed8", "jordan-3-player"])
  }

  @Test func jordansGameEndsAtItsOnlyEquilibrium() throws {
    let game = try #require(try Self.cases().first { $0.name == "jordan-3-player" }).game
    let result = game.simplicialSubdivision()
    #expect(result.equilibrium.strategies.map(\.probabilities) == [[0.5, 0.5], [0.5, 0.5], [0.5, 0.5]])
    #expect(result.regret == 0)
  }

  @Test func anExpiredTimeLimitReturnsTheBestPointSoFarMarkedPartial() throws {
    let game = try #require(try Self.cases().first { $0.name == "random-3x3x3-seed5" }).game
    let result = game.simplicialSubdivision(limits: SearchLimits(timeLimit: 0))
    #expect(result.isPartial && !result.reachedTarget)
    #expect(result.regret == Self.regret(game, result.equilibrium.strategies.map(\.probabilities)))
  }
}
