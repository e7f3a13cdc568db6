import LabKit
import Testing

@testable import GameTheory

/// The degeneracy policy on games whose equilibrium sets are known by hand.
@Suite struct DegenerateGameTests {
  static func strategy(_ values: [Double]) -> MixedStrategy { try! MixedStrategy(values) }

  /// Gambit's e02.nfg (Selten 1975): row 1 is a best response to both columns, so the column
  /// player's whole segment against it is an equilibrium component.
  @Test func seltenE02() throws {
    let game = try NormalFormGame(gambitNFG: NashTestSupport.fixtureText("gambit/e02.nfg"))
    let result = game.supportEnumeration()
    let reason = try #require(result.degeneracy)
    // Row 1 against pure column 1 and column 2 ties (1, 1): a pure strategy with two best responses.
    #expect(reason.player == 0 && reason.strategy.pureAction == 0 && reason.bestResponses == [0, 1])
    #expect(
      reason.description == "Player 1's pure strategy {1} (1 action) has 2 pure best responses of Player 2 {1, 2}; "
        + "a nondegenerate game allows at most 1")
    #expect(
      NashTestSupport.sameSet(
        NashTestSupport.strategyPairs(result.equilibria),
        [[[1, 0, 0], [1, 0]], [[1, 0, 0], [0.5, 0.5]]]))
    let subsets = game.maximalNashSubsets()
    #expect(subsets.count == 1)
    #expect(subsets[0].rowStrategies == [Self.strategy([1, 0, 0])])
    #expect(subsets[0].columnStrategies.map(\.probabilities) == [[1, 0], [0.5, 0.5]])
    #expect(subsets[0].description == "conv{(1, 0, 0)} × conv{(1, 0), (0.5, 0.5)}")
    // Every point of the segment is an equilibrium; just beyond it is not.
    for t in stride(from: 0.0, through: 1.0, by: 0.125) {
      #expect(game.isNashEquilibrium([Self.strategy([1, 0, 0]), Self.strategy([1 - t / 2, t / 2])]))
    }
    #expect(!game.isNashEquilibrium([Self.strategy([1, 0, 0]), Self.strategy([0.4, 0.6])]))
  }

  /// von Stengel's 3×2 example: an isolated mixed equilibrium and a segment.
  @Test func vonStengelThreeByTwo() throws {
    let game = try NormalFormGame.bimatrix([[3, 3], [2, 5], [0, 6]], [[3, 3], [2, 6], [3, 1]])
    let result = game.supportEnumeration()
    #expect(!result.isComplete)
    #expect(result.equilibria.count == 3)
    let subsets = game.maximalNashSubsets()
    #expect(subsets.count == 2)
    let segment = try #require(subsets.first { !$0.isSingleton })
    #expect(segment.rowStrategies == [Self.strategy([1, 0, 0])])
    #expect(segment.columnStrategies.count == 2)
    let isolated = try #require(subsets.first { $0.isSingleton })
    #expect(isolated.rowStrategies[0].isClose(to: Self.strategy([0, 1.0 / 3, 2.0 / 3]), tolerance: 1e-12))
    #expect(isolated.columnStrategies[0].isClose(to: Self.strategy([1.0 / 3, 2.0 / 3]), tolerance: 1e-12))
  }

  /// nashpy's documentation example: rows 2 and 3 are identical, so the row player can mix them
  /// freely; support enumeration (nashpy's as ours) finds only the two ends.
  @Test func nashpyDocumentationExample() throws {
    let a: [[Double]] = [[0, -1, 1], [-1, 0, 1], [-1, 0, 1]]
    let game = try NormalFormGame.bimatrix(a, a.map { $0.map { -$0 } })
    let result = game.supportEnumeration()
    #expect(result.degeneracy?.player == 1)
    let subsets = game.maximalNashSubsets()
    #expect(subsets.count == 1)
    #expect(subsets[0].rowStrategies.count == 2 && subsets[0].columnStrategies.count == 1)
    // The middle of the segment is an equilibrium too.
    #expect(game.isNashEquilibrium([Self.strategy([0.5, 0.25, 0.25]), Self.strategy([0.5, 0.5, 0])]))
    #expect(!result.listsEveryEquilibrium)
    #expect(
      result.description == """
        degenerate game: Player 2's pure strategy {3} (1 action) has 3 pure best responses of Player 1 {1, 2, 3}; a nondegenerate \
        game allows at most 1. Equal-size support enumeration can miss equilibria here, so these are the 2 extreme equilibria \
        (vertex enumeration)
          (0.5, 0.5, 0) × (0.5, 0.5, 0), payoffs (-0.5, 0.5)
          (0.5, 0, 0.5) × (0.5, 0.5, 0), payoffs (-0.5, 0.5)
        The equilibria are every point of these maximal Nash subsets (infinitely many):
          conv{(0.5, 0.5, 0), (0.5, 0, 0.5)} × conv{(0.5, 0.5, 0)}
        """)
  }

  /// A player indifferent everywhere makes every opponent strategy degenerate.
  @Test func constantPayoffs() {
    let game = NormalFormGame(actions: [["a", "b"], ["x", "y", "z"]]) { profile in [Double(profile[0]), 7] }
    let result = game.supportEnumeration()
    #expect(result.degeneracy?.bestResponses == [0, 1, 2])
    #expect(!result.listsEveryEquilibrium)
    // The row player's dominant action b against any column strategy: the column side is the whole simplex.
    let subsets = game.maximalNashSubsets()
    #expect(subsets.count == 1 && subsets[0].rowStrategies == [.pure(1, count: 2)] && subsets[0].columnStrategies.count == 3)
  }

  /// A 1×1 game is nondegenerate; a 1×2 game with a tie is not.
  @Test func tinyGames() {
    let single = NormalFormGame(actions: [["only"], ["only"]]) { _ in [1, 2] }
    #expect(single.supportEnumeration() == .complete([NashEquilibrium(strategies: [.pure(0, count: 1), .pure(0, count: 1)], payoffs: [1, 2])]))
    let tie = NormalFormGame(actions: [["only"], ["x", "y"]]) { _ in [0, 5] }
    #expect(tie.isDegenerate())
    #expect(tie.supportEnumeration().equilibria.count == 2)
  }

  /// The policy's wording, for a nondegenerate game.
  @Test func completeDescription() {
    let result = NormalFormGame.matchingPennies().supportEnumeration()
    #expect(result.isComplete && result.degeneracy == nil)
    #expect(result.description == "nondegenerate game: all 1 Nash equilibria\n  (0.5, 0.5) × (0.5, 0.5), payoffs (0, 0)")
  }

  /// Near-ties within the tolerance count as ties; a looser tolerance flags more.
  @Test func toleranceDecidesNearTies() throws {
    let game = try NormalFormGame.bimatrix([[1, 0], [0, 1]], [[1, 1 - 1e-11], [0, 1]])
    #expect(game.isDegenerate())  // 1e-11 < 1e-9: a tie
    #expect(!game.isDegenerate(tolerance: 1e-13))  // resolved at a finer tolerance
  }
}
