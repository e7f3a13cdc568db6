import Foundation
import LabKit
import Testing

@testable import GameTheory

/// Extreme equilibria against Gambit's `enummixed` (pygambit 16.7.0, exact rationals), which finds
/// every extreme equilibrium of degenerate games too (`Tests/Fixtures/gambit/make_gambit_fixtures.py`).
@Suite struct GambitEnumMixedTests {
  @Test func extremeEquilibriaMatchGambitOnEveryFixtureGame() throws {
    let gambit = try NashTestSupport.json("gambit/enummixed.json")["games"]!.arrayValue!
    let nashpy = try NashTestSupport.json("nashpy/equilibria.json")["games"]!.arrayValue!
    let random = Dictionary(uniqueKeysWithValues: try NashTestSupport.randomGames().map { ($0.id, $0.game) })
    #expect(gambit.count == nashpy.count && gambit.count == 63)
    for entry in gambit {
      let id = entry["id"]!.stringValue!
      let game: NormalFormGame
      if let known = random[id] {
        game = known
      } else {
        let source = try #require(nashpy.first { $0["id"]?.stringValue == id })
        game = try NormalFormGame.bimatrix(NashTestSupport.matrix(source["row_payoffs"]), NashTestSupport.matrix(source["column_payoffs"]))
      }
      let expected = NashTestSupport.strategyPairs(entry["extreme_equilibria"])
      let extreme = NashTestSupport.strategyPairs(game.extremeEquilibria())
      #expect(
        NashTestSupport.sameSet(extreme, expected), "\(id): Swift \(NashTestSupport.describe(extreme)); Gambit \(NashTestSupport.describe(expected))")
      // supportEnumeration lists the same, complete or flagged.
      let listed = NashTestSupport.strategyPairs(game.supportEnumeration().equilibria)
      #expect(NashTestSupport.sameSet(listed, expected), "\(id)")
    }
  }
}
