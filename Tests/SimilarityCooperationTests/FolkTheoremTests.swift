import GameTheory
import LabKit
import Testing

@testable import SimilarityCooperation

@Suite struct FolkTheoremTests {
  static let pd = NormalFormGame.prisonersDilemma(donation: 3)

  @Test func mutualCooperationIsSustainedByPunishingWithDefection() throws {
    let construction = try FolkTheoremConstruction(game: Self.pd, target: [.pure(0, count: 2), .pure(0, count: 2)])
    #expect(construction.minimaxValues.map { abs($0 - 1) < 1e-9 } == [true, true])
    #expect(construction.punishments.map { $0.pureAction } == [1, 1])  // defect punishes
    #expect(construction.targetPayoffs == [3, 3])
    #expect(construction.bestDeviationPayoffs.map { abs($0 - 1) < 1e-9 } == [true, true])
    #expect(construction.deviationGains.map { abs($0 + 2) < 1e-9 } == [true, true])
    #expect(construction.isIndividuallyRational() && construction.isEquilibrium())
    // On the path both observe 0; any other policy makes both observe 1.
    let onPath = try construction.metaGame.outcome(construction.policies.0, construction.policies.1)
    #expect(onPath.probabilities == [[1, 0], [0, 0]])
    let deviation = StepPolicy.constant(.pure(1, count: 2))
    #expect(try construction.metaGame.utilities(deviation, construction.policies.1) == [1, 1])
  }

  @Test func theUnfairProfileSeventyPercentIsSustainableButNotBelowTheMinimax() throws {
    // Player 1 cooperates with probability 0.3, player 2 always: payoffs (3·1 + 1 − 0.3, 3·0.3 + 1 − 1) = (3.7, 0.9).
    let unfair = try FolkTheoremConstruction(game: Self.pd, target: [try MixedStrategy([0.3, 0.7]), .pure(0, count: 2)])
    #expect(abs(unfair.targetPayoffs[0] - 3.7) < 1e-12 && abs(unfair.targetPayoffs[1] - 0.9) < 1e-12)
    #expect(!unfair.isIndividuallyRational() && !unfair.isEquilibrium())
    #expect(abs(unfair.deviationGains[1] - 0.1) < 1e-9)
    // At p₁ = 0.7 player 2 gets 3·0.7 = 2.1 ≥ 1: an equilibrium outcome.
    let fair = try FolkTheoremConstruction(game: Self.pd, target: [try MixedStrategy([0.7, 0.3]), .pure(0, count: 2)])
    #expect(fair.isIndividuallyRational() && fair.isEquilibrium())
    // Sampled step-policy deviations through the generic code never gain either.
    let random = Random(seed: 8)
    let onPath = try fair.metaGame.utilities(fair.policies.0, fair.policies.1)
    let sampled = fair.sampledDeviations(count: 50, random: random)
    for deviation in sampled[0] { #expect(try fair.metaGame.utilities(deviation, fair.policies.1)[0] <= onPath[0] + 1e-12) }
    for deviation in sampled[1] { #expect(try fair.metaGame.utilities(fair.policies.0, deviation)[1] <= onPath[1] + 1e-12) }
  }

  @Test func randomGamesFollowTheTheoremAndItsConverse() throws {
    let random = Random(seed: 17)
    var rational = 0
    var irrational = 0
    for _ in 0..<40 {
      let game = NormalFormGame.random(actionCounts: [2 + random.index(below: 3), 2 + random.index(below: 3)], integerPayoffs: 0...9, using: random)
      let target = (0..<2).map { FolkTheoremConstruction.randomMixedStrategy(game.actions[$0].count, random: random) }
      let construction = try FolkTheoremConstruction(game: game, target: target)
      #expect(construction.isEquilibrium() == construction.isIndividuallyRational())
      if construction.isIndividuallyRational() { rational += 1 } else { irrational += 1 }
      // The deviation gain is exactly vᵢ − uᵢ(σ): the best reply to the punishment earns the minimax value.
      for player in 0..<2 {
        #expect(abs(construction.deviationGains[player] - (construction.minimaxValues[player] - construction.targetPayoffs[player])) < 1e-7)
      }
      let guarantee = try FolkTheoremConverse.maxminGuarantee(
        game: game, player: 0, opponent: .constant(FolkTheoremConstruction.randomMixedStrategy(game.actions[1].count, random: random)),
        observation: .point(0.3, 0.7))
      #expect(guarantee.guarantee >= guarantee.maxmin - 1e-9)
    }
    #expect(rational > 0 && irrational > 0)
  }

  @Test func badTargetsAreRefused() {
    #expect(throws: LabError.self) { try FolkTheoremConstruction(game: Self.pd, target: [.pure(0, count: 2)]) }
    #expect(throws: LabError.self) { try FolkTheoremConstruction(game: Self.pd, target: [.pure(0, count: 3), .pure(0, count: 2)]) }
  }
}
