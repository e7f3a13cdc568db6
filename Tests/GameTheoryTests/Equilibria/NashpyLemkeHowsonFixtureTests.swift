import Foundation
import LabKit
import Testing

@testable import GameTheory

/// Lemke–Howson against nashpy 0.0.43's `lemke_howson`, label by label
/// (`Tests/Fixtures/nashpy/make_lemke_howson.py`).
@Suite struct NashpyLemkeHowsonFixtureTests {
  static let fixture = Result { try NashTestSupport.json("nashpy/lemke_howson.json") }

  static func entry(_ id: String) throws -> JSONValue {
    try #require(try fixture.get()["games"]!.arrayValue!.first { $0["id"]?.stringValue == id })
  }

  static func game(of entry: JSONValue) throws -> NormalFormGame {
    try NormalFormGame.bimatrix(NashTestSupport.matrix(entry["row_payoffs"]), NashTestSupport.matrix(entry["column_payoffs"]))
  }

  /// nashpy's answer for each label: the equilibrium as [row, column] probabilities, nil when it
  /// raised, cycled, warned or returned a point that is not an equilibrium.
  static func nashpyPaths(_ entry: JSONValue) -> [[[Double]]?] {
    entry["lemke_howson"]!.arrayValue!.map { path in
      guard path["warning"]?.boolValue == false, path["is_equilibrium"]?.boolValue == true else { return nil }
      return NashTestSupport.strategyPairs(.array([path["equilibrium"]!]))[0]
    }
  }

  static func close(_ a: [[Double]], _ b: [[Double]], _ tolerance: Double = 1e-9) -> Bool {
    NashTestSupport.sameSet([a], [b], tolerance: tolerance)
  }

  @Test func fixtureRecordsItsVersion() throws {
    #expect(try Self.fixture.get()["versions"]!["nashpy"]?.stringValue == "0.0.43")
  }

  /// The 50 random games (all nondegenerate): for every label where nashpy answers with an
  /// equilibrium, the same equilibrium, in Doubles and exactly. nashpy fails on 19 of the 408 paths:
  /// NaN on random-32 label 2, and on every label of random-38 and random-47 a point that is not an
  /// equilibrium (in random-38, ((0,0,0,0,1), (0,0,1,0)), where the row player gains 43 by
  /// deviating). Ours ends at an equilibrium there too (`everyPathEndsAtAnEquilibriumOfSupportEnumeration`).
  @Test func randomGamesMatchNashpyLabelByLabel() throws {
    var skipped = 0
    for (id, game) in try NashTestSupport.randomGames() {
      let expected = Self.nashpyPaths(try Self.entry(id))
      var compared = 0
      for (label, nashpy) in expected.enumerated() {
        guard let nashpy else { continue }
        for arithmetic in [PivotArithmetic.floatingPoint, .exact] {
          let ours = game.lemkeHowson(scope: .label(label), arithmetic: arithmetic)
          let pair = try #require(ours.equilibria.first).strategies.map(\.probabilities)
          #expect(Self.close(pair, nashpy), "\(id) label \(label) \(arithmetic): \(pair) vs nashpy \(nashpy)")
        }
        compared += 1
      }
      skipped += expected.count - compared
    }
    #expect(skipped == 19)
  }

  /// Three random 12×12 games: where nashpy answers, the same equilibrium; where it fails (6 of the
  /// 72 paths do not end within 20 s, they cycle, and 4 return NaN), ours ends at an equilibrium
  /// proved exactly.
  @Test func largerGamesMatchNashpyAndAnswerWhereItCycles() throws {
    var (cycling, notFinite) = (0, 0)
    for id in ["larger-0", "larger-1", "larger-2"] {
      let entry = try Self.entry(id)
      let game = try Self.game(of: entry)
      for (label, path) in entry["lemke_howson"]!.arrayValue!.enumerated() {
        let exact = game.lemkeHowson(scope: .label(label), arithmetic: .exact)
        let floating = game.lemkeHowson(scope: .label(label))
        let proved = try #require(exact.exactEquilibria?.first, "\(id) label \(label)")
        let pair = proved.rounded(game).strategies.map(\.probabilities)
        #expect(Self.close(floating.equilibria[0].strategies.map(\.probabilities), pair), "\(id) label \(label)")
        if let nashpy = Self.nashpyPaths(entry)[label] {
          #expect(Self.close(pair, nashpy), "\(id) label \(label): \(pair) vs nashpy \(nashpy)")
        }
        if path["error"]?.stringValue?.hasPrefix("PathTimeout") == true { cycling += 1 }
        if path["error"]?.stringValue?.hasPrefix("not finite") == true { notFinite += 1 }
      }
    }
    #expect(cycling == 6 && notFinite == 4)
  }

  /// nashpy issue 83 (8×2, nondegenerate): label 9, on which nashpy's `lemke_howson` raised when the
  /// issue was filed, gives the unique equilibrium of nashpy's support enumeration:
  /// ((0, 0, 0, 0, 1/2, 1/2, 0, 0), (22/27, 5/27)).
  @Test func issue83() throws {
    let entry = try Self.entry("nashpy-issue-83")
    let game = try Self.game(of: entry)
    let unique = NashTestSupport.strategyPairs(entry["support_enumeration"])
    #expect(unique.count == 1)
    let search = game.lemkeHowson(scope: .label(9), arithmetic: .exact)
    let exact = try #require(search.exactEquilibria?.first)
    #expect(exact.description == "(0, 0, 0, 0, 1/2, 1/2, 0, 0) × (22/27, 5/27), payoffs (133/18, 3/20)")
    #expect(Self.close(exact.rounded(game).strategies.map(\.probabilities), unique[0]))
  }

  /// nashpy issue 35 (degenerate, A = B): the row player's second action is the unique best reply to
  /// everything, and then every column strategy is a best reply, so the equilibria are the segment
  /// (0, 1, 0) × Δ³ whose vertices nashpy's vertex enumeration lists. Every label ends inside it, in
  /// both arithmetics; vertex enumeration gives the one maximal Nash subset with nashpy's vertices.
  @Test func issue35DegenerateGameEndsInsideTheEquilibriumSet() throws {
    let entry = try Self.entry("nashpy-issue-35")
    let game = try Self.game(of: entry)
    for arithmetic in [PivotArithmetic.floatingPoint, .exact] {
      let search = game.lemkeHowson(scope: .reachable, arithmetic: arithmetic)
      #expect(search.failures.isEmpty && !search.equilibria.isEmpty)
      for equilibrium in search.equilibria {
        #expect(equilibrium.strategies[0].probabilities == [0, 1, 0], "\(equilibrium)")
      }
    }
    let report = EquilibriumReport(game, method: .vertex)
    #expect(report.degeneracy != nil && !report.listsEveryEquilibrium)
    let subsets = try #require(report.subsets)
    #expect(subsets.count == 1)
    let vertices = NashTestSupport.strategyPairs(entry["vertex_enumeration"])
    #expect(subsets[0].rowStrategies.map(\.probabilities) == [[0, 1, 0]])
    #expect(
      NashTestSupport.sameSet(
        subsets[0].columnStrategies.map { [[0, 1, 0], $0.probabilities] }, vertices))
  }

  /// nashpy issue 231 (degenerate zero-sum 6×6): every label gives the unique equilibrium of nashpy's
  /// vertex enumeration, exactly (0, 0, 1/3, 0, 1/3, 1/3) for both players, value 0. The degeneracy
  /// does not show at that equilibrium, so Lemke–Howson's report names none and says it does not
  /// promise every equilibrium; support enumeration gives a witness and proves the equilibrium unique.
  @Test func issue231() throws {
    let entry = try Self.entry("nashpy-issue-231")
    let game = try Self.game(of: entry)
    let search = game.lemkeHowson(scope: .reachable, arithmetic: .exact)
    #expect(search.exactEquilibria?.map(\.description) == ["(0, 0, 1/3, 0, 1/3, 1/3) × (0, 0, 1/3, 0, 1/3, 1/3), payoffs (0, 0)"])
    let vertices = NashTestSupport.strategyPairs(entry["vertex_enumeration"])
    #expect(NashTestSupport.sameSet(NashTestSupport.strategyPairs(search.equilibria), vertices, tolerance: 1e-11))
    let lemkeHowson = EquilibriumReport(game, method: .lemkeHowson)
    #expect(lemkeHowson.degeneracy == nil && !lemkeHowson.listsEveryEquilibrium)
    #expect(lemkeHowson.notes[0].contains("it does not promise every equilibrium"))
    let support = EquilibriumReport(game, method: .support)
    let witness = try #require(support.degeneracy)
    // The witness is real: the other player's listed actions all earn the maximum against it.
    var profile = [MixedStrategy.uniform(count: 6), MixedStrategy.uniform(count: 6)]
    profile[witness.player] = witness.strategy
    let values = game.actionPayoffs(1 - witness.player, against: profile)
    #expect(witness.bestResponses.count > witness.strategy.support.count)
    #expect(witness.bestResponses.allSatisfy { abs(values[$0] - values.max()!) < 1e-12 })
    #expect(support.listsEveryEquilibrium && support.equilibria.count == 1)
  }
}
