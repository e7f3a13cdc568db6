import Foundation
import LabKit
import Testing

@testable import GameTheory

/// Lemke–Howson against support enumeration (an independent algorithm) and closed forms.
@Suite struct LemkeHowsonTests {
  /// nashpy issue 83: a nondegenerate 8×2 game on which nashpy's `lemke_howson(A, B, 9)` raises.
  static let issue83 = try! NormalFormGame.bimatrix(
    [[9.5, -7.8], [-9.6, 0.3], [-7.1, -1.4], [5.9, 7.6], [9, 0.3], [7.5, 6.9], [-3.1, 3.6], [-8.4, -3.7]],
    [[0.2, 0.6], [0.4, 0.1], [0.9, 0], [0.4, 0.1], [0.1, 0.2], [0.2, 0.1], [0.8, 1], [0.2, 0.4]])

  /// Battle of the sexes has the closed-form mixed equilibrium ((2/3, 1/3), (1/3, 2/3)), payoffs (2/3, 2/3).
  @Test func exactFractionsOnBattleOfTheSexes() throws {
    let search = NormalFormGame.battleOfTheSexes().lemkeHowson(scope: .reachable, arithmetic: .exact)
    let exact = try #require(search.exactEquilibria)
    let texts = Set(exact.map(\.description))
    #expect(texts == ["(1, 0) × (1, 0), payoffs (2, 1)", "(0, 1) × (0, 1), payoffs (1, 2)", "(2/3, 1/3) × (1/3, 2/3), payoffs (2/3, 2/3)"])
    #expect(search.failures.isEmpty && !search.isPartial)
  }

  /// Every label's path ends at one of support enumeration's equilibria, in both arithmetics, on the
  /// 50 random games of the nashpy fixture; the reachable component includes every label's end.
  @Test func everyPathEndsAtAnEquilibriumOfSupportEnumeration() throws {
    for (id, game) in try NashTestSupport.randomGames() {
      let all = game.supportEnumeration().equilibria
      for arithmetic in [PivotArithmetic.floatingPoint, .exact] {
        let search = game.lemkeHowson(scope: .reachable, arithmetic: arithmetic)
        #expect(search.failures.isEmpty, "\(id): \(search.failures)")
        #expect(!search.equilibria.isEmpty)
        for equilibrium in search.equilibria {
          #expect(all.contains { $0.isClose(to: equilibrium, tolerance: 1e-9) }, "\(id) \(arithmetic): \(equilibrium)")
        }
      }
      let floating = game.lemkeHowson(arithmetic: .floatingPoint)
      let exact = game.lemkeHowson(arithmetic: .exact)
      #expect(floating.labels == exact.labels, "\(id)")
      #expect(
        NashTestSupport.sameSet(
          NashTestSupport.strategyPairs(floating.equilibria), NashTestSupport.strategyPairs(exact.equilibria)), "\(id)")
    }
  }

  /// nashpy issue 83: every label, label 9 included, reaches the unique equilibrium support
  /// enumeration finds (supports of size 2 for both players).
  @Test func issue83EveryLabelReachesTheUniqueEquilibrium() throws {
    let unique = Self.issue83.supportEnumeration()
    #expect(unique.isComplete && unique.equilibria.count == 1)
    for arithmetic in [PivotArithmetic.floatingPoint, .exact] {
      let nine = Self.issue83.lemkeHowson(scope: .label(9), arithmetic: arithmetic)
      #expect(nine.equilibria.count == 1 && nine.failures.isEmpty)
      #expect(nine.equilibria[0].isClose(to: unique.equilibria[0], tolerance: 1e-12))
      let every = Self.issue83.lemkeHowson(arithmetic: arithmetic)
      #expect(every.equilibria.count == 1 && every.labels == [Array(0..<10)])
    }
  }

  /// A time limit already passed stops every method before its first step (simplicial subdivision
  /// after labelling its start, which in matching pennies is no equilibrium), and the report says the
  /// answer is partial rather than complete.
  @Test func anExpiredTimeLimitGivesAPartialAnswerThatSaysSo() throws {
    for method in EquilibriumMethod.allCases {
      let game: NormalFormGame = method == .simplicialSubdivision ? .matchingPennies() : .battleOfTheSexes()
      let report = EquilibriumReport(game, method: method, limits: SearchLimits(timeLimit: 0))
      #expect(report.isPartial && !report.listsEveryEquilibrium && report.subsets == nil && !report.isComplete, "\(method)")
      #expect(report.notes.contains { $0.hasPrefix("Time limit reached") }, "\(method): \(report.notes)")
    }
    let unlimited = EquilibriumReport(.battleOfTheSexes(), method: .support, limits: SearchLimits(timeLimit: 1000))
    #expect(!unlimited.isPartial && unlimited.listsEveryEquilibrium && unlimited.equilibria.count == 3)
  }

  /// Exact output for support and vertex enumeration re-solves each equilibrium in rationals; the
  /// maximal Nash subsets of a nondegenerate game are its equilibria as single points.
  @Test func enumerationsRationalizeExactly() throws {
    for method in [EquilibriumMethod.support, .vertex] {
      let report = EquilibriumReport(LemkeHowsonTests.issue83, method: method, exact: true)
      #expect(report.exactEquilibria?.map { $0?.description } == ["(0, 0, 0, 0, 1/2, 1/2, 0, 0) × (22/27, 5/27), payoffs (133/18, 3/20)"])
      #expect(report.subsets?.count == 1 && report.subsets?[0].isSingleton == true && report.isComplete)
    }
  }
}
