import GameTheory
import LabKit
import Testing

@testable import SimilarityCooperation

@Suite struct RepeatedGameTests {
  static let stage = try! StageGame(reward: 3, sucker: 0, temptation: 4, punishment: 1)

  @Test func discountedValuesByHand() throws {
    let game = try DiscountedRepeatedGame(stage: Self.stage, discount: 0.9)
    #expect(try game.play(.grudger, .grudger).payoffs == (3, 3))
    // TFT against always-defect: (0, 4) once, then (1, 1): (1 − δ)·0 + δ·1 = 0.9 and 0.1·4 + 0.9 = 1.3.
    let p = try game.play(.titForTat, .defector)
    #expect(abs(p.payoffs.0 - 0.9) < 1e-12 && abs(p.payoffs.1 - 1.3) < 1e-12)
    #expect(p.prefixLength == 1 && p.cycleLength == 1 && p.mutualCooperation == 0 && p.opening.hasPrefix("CD DD DD"))
    // Against grim trigger the best response is to cooperate for ever (3) rather than defect once (0.1·4 + 0.9·1 = 1.3).
    #expect(abs(try game.bestResponseValue(0, against: .grudger) - 3) < 1e-9)
    // Against always-cooperate, always defect: 4.
    #expect(abs(try game.bestResponseValue(1, against: .cooperator) - 4) < 1e-9)
    #expect(try game.isNashEquilibrium(.grudger, .grudger))
    #expect(try game.isNashEquilibrium(.defector, .defector))
    #expect(!(try game.isNashEquilibrium(.cooperator, .cooperator)))
  }

  @Test func gainAtTheGrimThresholdDiscount() throws {
    // Grim / grim is an equilibrium iff 3 ≥ (1 − δ)·4 + δ·1, i.e. δ ≥ 1/3.
    let low = try DiscountedRepeatedGame(stage: Self.stage, discount: 0.3)
    let high = try DiscountedRepeatedGame(stage: Self.stage, discount: 0.34)
    #expect(!(try low.isNashEquilibrium(.grudger, .grudger)))
    #expect(try high.isNashEquilibrium(.grudger, .grudger))
    #expect(abs(try low.deviationGains(.grudger, .grudger).0 - (0.7 * 4 + 0.3 - 3)) < 1e-9)
  }

  @Test func cyclicPathsMatchTheNumpyFixture() throws {
    let fixture = FixtureSupport.threshold.repeated
    let game = try DiscountedRepeatedGame(
      stage: try StageGame(reward: fixture.gain, sucker: 0, temptation: fixture.gain + 1, punishment: 1),
      discount: fixture.discount)
    let profiles = try RepeatedPrisonersDilemmaExperiment.profiles(.all)
    #expect(profiles.map(\.name) == fixture.profiles.map(\.profile))
    for (profile, row) in zip(profiles, fixture.profiles) {
      let play = try game.play(profile.first, profile.second)
      #expect(abs(play.payoffs.0 - row.payoffs[0]) < 1e-12 && abs(play.payoffs.1 - row.payoffs[1]) < 1e-12, "\(profile.name)")
      let gains = try game.deviationGains(profile.first, profile.second)
      #expect(abs(gains.0 - row.deviationGains[0]) < 1e-9 && abs(gains.1 - row.deviationGains[1]) < 1e-9, "\(profile.name)")
    }
  }

  @Test func pathMachinesFollowTheirCycleAndPunish() throws {
    let c = StageGame.Move.cooperate, d = StageGame.Move.defect
    let machine = try FiniteMemoryStrategy.pathWithGrimPunishment(name: "CD", own: [c, d], expected: [c, c])
    #expect(machine.stateCount == 3 && machine.cooperationProbabilities == [1, 0, 0])
    #expect(machine.nextState(after: 0, own: c, opponent: c) == 1 && machine.nextState(after: 1, own: d, opponent: c) == 0)
    #expect(machine.nextState(after: 0, own: c, opponent: d) == 2 && machine.nextState(after: 2, own: d, opponent: c) == 2)
    #expect(throws: LabError.self) { try FiniteMemoryStrategy.pathWithGrimPunishment(name: "x", own: [c], expected: [c, d]) }
    #expect(throws: LabError.self) { try DiscountedRepeatedGame(stage: Self.stage, discount: 1) }
    #expect(throws: LabError.self) { try DiscountedRepeatedGame(stage: Self.stage, discount: 0.9).play(.random, .grudger) }
  }
}
