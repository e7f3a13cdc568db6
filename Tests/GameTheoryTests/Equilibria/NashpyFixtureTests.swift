import Foundation
import LabKit
import Testing

@testable import GameTheory

/// Support enumeration against nashpy 0.0.43 (`Tests/Fixtures/nashpy/make_equilibria.py`).
@Suite struct NashpyFixtureTests {
  static let fixture = Result { try NashTestSupport.json("nashpy/equilibria.json") }

  static func entries(kind: String) throws -> [JSONValue] {
    try fixture.get()["games"]!.arrayValue!.filter { $0["kind"]?.stringValue == kind }
  }

  static func game(of entry: JSONValue) throws -> NormalFormGame {
    try NormalFormGame.bimatrix(NashTestSupport.matrix(entry["row_payoffs"]), NashTestSupport.matrix(entry["column_payoffs"]))
  }

  @Test func fixtureRecordsItsVersions() throws {
    let versions = try Self.fixture.get()["versions"]!
    #expect(versions["nashpy"]?.stringValue == "0.0.43")
    #expect(try Self.entries(kind: "random").count == 50)
  }

  /// The 50 random games: the same equilibria as nashpy's support enumeration, as sets of
  /// (row, column) strategy pairs to 1e-9, and the same degeneracy verdict as the fixture's
  /// independent LP check.
  @Test func randomGamesMatchNashpy() throws {
    let games = Dictionary(uniqueKeysWithValues: try NashTestSupport.randomGames().map { ($0.id, $0.game) })
    for entry in try Self.entries(kind: "random") {
      let id = entry["id"]!.stringValue!
      let game = try #require(games[id])
      let result = game.supportEnumeration()
      let expected = NashTestSupport.strategyPairs(entry["support_enumeration"])
      let actual = NashTestSupport.strategyPairs(result.equilibria)
      #expect(
        NashTestSupport.sameSet(actual, expected),
        "\(id): Swift \(NashTestSupport.describe(actual)); nashpy \(NashTestSupport.describe(expected))")
      #expect(result.isComplete == (entry["degenerate"]?.boolValue == false), "\(id): \(result)")
      #expect(game.isDegenerate() == (entry["degenerate"]?.boolValue == true), "\(id)")
    }
  }

  /// A degenerate game that a heuristic filter (nashpy's support and vertex enumeration agreeing on an
  /// odd number of equal-support equilibria) once let into the random fixture as "random-00": the
  /// column player's second action has two best replies of the row player (25 and 25). Its equilibria
  /// are still the three nashpy finds, and they are isolated. The fixture's generator now rejects it.
  @Test func tiedBestRepliesAreDegenerateButHaveThreeIsolatedEquilibria() throws {
    let game = try NormalFormGame.bimatrix(
      [[90, 19, 59, 38, 98], [30, 25, 89, 69, 86], [2, 25, 66, 30, 26]],
      [[76, 0, 61, 20, 6], [18, 33, 97, 65, 4], [44, 11, 9, 33, 8]])
    let result = game.supportEnumeration()
    let reason = try #require(result.degeneracy)
    #expect(reason.player == 1 && reason.strategy.pureAction == 1 && reason.bestResponses == [1, 2])
    #expect(result.equilibria.count == 3)
    #expect(result.listsEveryEquilibrium)
    #expect(result.description.hasSuffix("Each is isolated (every maximal Nash subset is a single point), so these are all the equilibria."))
    #expect(game.maximalNashSubsets().allSatisfy { $0.isSingleton })
  }

  /// The named games at the constructors' defaults: the matrices the fixture used, and the same
  /// equilibria.
  @Test(arguments: [
    ("prisoners-dilemma", NormalFormGame.prisonersDilemma(reward: 3, sucker: 0, temptation: 5, punishment: 1)),
    ("donation-pd-g3", NormalFormGame.prisonersDilemma(donation: 3)),
    ("stag-hunt", NormalFormGame.stagHunt()),
    ("battle-of-the-sexes", NormalFormGame.battleOfTheSexes()),
    ("battle-of-the-sexes", NormalFormGame.schellingPub()),
    ("chicken", NormalFormGame.chicken()),
    ("matching-pennies", NormalFormGame.matchingPennies()),
    ("coordination", NormalFormGame.coordination()),
    ("coordination-2-1", NormalFormGame.coordination(payoffs: [2, 1])),
    ("coordination-3", NormalFormGame.coordination(payoffs: [1, 1, 1])),
  ])
  func namedGamesMatchNashpy(id: String, game: NormalFormGame) throws {
    let entry = try #require(try Self.entries(kind: "named").first { $0["id"]?.stringValue == id })
    #expect(game.payoffMatrix(0) == NashTestSupport.matrix(entry["row_payoffs"]))
    #expect(game.payoffMatrix(1) == NashTestSupport.matrix(entry["column_payoffs"]))
    let result = game.supportEnumeration()
    #expect(result.isComplete, "\(id): \(result)")
    let expected = NashTestSupport.strategyPairs(entry["support_enumeration"])
    let actual = NashTestSupport.strategyPairs(result.equilibria)
    #expect(
      NashTestSupport.sameSet(actual, expected), "\(id): Swift \(NashTestSupport.describe(actual)); nashpy \(NashTestSupport.describe(expected))")
    // Nondegenerate, so nashpy's order is ours too.
    for (a, e) in zip(actual, expected) { #expect(NashTestSupport.sameSet([a], [e])) }
  }

  /// What each side reports on the degenerate games. nashpy returns what equal-size support
  /// enumeration finds, with at most a warning when the count is even; the Swift side flags the game
  /// and lists every extreme equilibrium, which includes all of nashpy's.
  @Test func degenerateGamesAreFlaggedWithASuperset() throws {
    let expectations: [String: (nashpy: Int, extreme: Int, warned: Bool)] = [
      "nashpy-docs-degenerate": (2, 2, true),
      "gambit-e02": (1, 2, false),  // nashpy misses ((1,0,0), (1/2,1/2)) silently
      "von-stengel-3x2": (2, 3, true),
      "nashpy-issue-222": (1, 2, false),  // nashpy misses the end (2/7, 5/7) × (1, 0) of the segment silently
    ]
    for entry in try Self.entries(kind: "degenerate") {
      let id = entry["id"]!.stringValue!
      let expectation = try #require(expectations[id])
      let game = try Self.game(of: entry)
      let result = game.supportEnumeration()
      #expect(!result.isComplete && entry["degenerate"]?.boolValue == true, "\(id)")
      let nashpy = NashTestSupport.strategyPairs(entry["support_enumeration"])
      let swift = NashTestSupport.strategyPairs(result.equilibria)
      #expect(nashpy.count == expectation.nashpy && swift.count == expectation.extreme, "\(id): \(result)")
      #expect(entry["even_count_warning"]?.boolValue == expectation.warned)
      #expect(
        nashpy.allSatisfy { pair in swift.contains { NashTestSupport.sameSet([$0], [pair]) } },
        "\(id): nashpy \(NashTestSupport.describe(nashpy)) not within \(NashTestSupport.describe(swift))")
      #expect(result.equilibria.allSatisfy { game.isNashEquilibrium($0.strategies) })
    }
  }
}
