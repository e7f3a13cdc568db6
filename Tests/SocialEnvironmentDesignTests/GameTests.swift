import LabKit
import Testing

@testable import SocialEnvironmentDesign

func types(_ sigma: Double, _ beta: Double, count: Int = 7) throws -> [PlayerType] {
  try (0..<count).map { _ in try PlayerType(selfishness: sigma, trust: beta) }
}

@Test func roundsConserveApplesThroughTaxes() throws {
  let game = try ApplePickingGame(configuration: AppleGameConfiguration(), types: PlayerType.uniform(7, Random(seed: 1)))
  let random = Random(seed: 2)
  let o = game.playRound(restraint: [0, 1, 2, 3, 4, 5, 0], random) { p in p % 2 == 0 ? [0.5, 0.7, 1] : [0.1, 0.25, 0.37] }
  #expect(o.periodRates.count == 20)
  #expect(abs(o.budgetResidual) < 1e-9)
  #expect(abs(o.wealth.reduce(0, +) - o.apples.reduce(0, +)) < 1e-9)
  #expect(o.apples.reduce(0, +) > 0)
  #expect(o.taxCollected > 0)
}

@Test func fullTrustMakesTheReturnTheExtrinsicReward() throws {
  let game = try ApplePickingGame(configuration: AppleGameConfiguration(), types: try types(0.3, 1))
  let o = game.playRound(restraint: Array(repeating: 0, count: 7), Random(seed: 3)) { _ in [1, 1, 1] }
  for i in 0..<7 { #expect(abs(o.mixedReturn[i] - o.wealth[i]) < 1e-9) }
  // With every rate at 1 each player's extrinsic reward is the mean harvest of each period.
  let mean = o.apples.reduce(0, +) / 7
  for i in 0..<7 { #expect(abs(o.wealth[i] - mean) < 1e-9) }
}

@Test func zeroTrustSelfishPlayersEarnTheirApples() throws {
  let game = try ApplePickingGame(configuration: AppleGameConfiguration(), types: try types(1, 0))
  let o = game.playRound(restraint: Array(repeating: 0, count: 7), Random(seed: 4)) { _ in [1, 1, 1] }
  for i in 0..<7 { #expect(abs(o.mixedReturn[i] - o.apples[i]) < 1e-9) }
}

@Test func theIntrinsicTermCanBeSwitchedOff() throws {
  var configuration = AppleGameConfiguration()
  configuration.intrinsic = .off
  let game = try ApplePickingGame(configuration: configuration, types: try types(0, 0))
  let o = game.playRound(restraint: Array(repeating: 0, count: 7), Random(seed: 5)) { _ in [0, 0, 0] }
  #expect(o.mixedReturn.allSatisfy { $0 == 0 })
}

@Test func paperContinuityCarriesTheStateAndCodeResets() throws {
  for mode in Continuity.allCases {
    var configuration = AppleGameConfiguration()
    configuration.continuity = mode
    let game = try ApplePickingGame(configuration: configuration, types: PlayerType.uniform(7, Random(seed: 1)))
    let random = Random(seed: 6)
    _ = game.playRound(restraint: Array(repeating: 0, count: 7), random) { _ in [0, 0, 0] }
    let end = game.world.state
    var start: HarvestState?
    _ = game.playRound(restraint: Array(repeating: 0, count: 7), random, onStart: { start = $0.state }) { _ in [0, 0, 0] }
    #expect((start == end) == (mode == .paper))
  }
}

@Test func badGameInputIsRejected() {
  #expect(throws: LabError.self) { try PlayerType(selfishness: 1.5, trust: 0) }
  #expect(throws: LabError.self) { try ApplePickingGame(configuration: AppleGameConfiguration(), types: []) }
  var configuration = AppleGameConfiguration()
  configuration.taxPeriod = 0
  #expect(throws: LabError.self) { try configuration.validated() }
  #expect(throws: LabError.self) { try HarvestWorld(agentCount: 100) }
}

@Test func restraintPlayersNeverEatProtectedApples() throws {
  // With k = 12 no apple ever qualifies (at most 12 neighbours, and eating one leaves fewer), so a
  // restrained population with k above every count eats nothing.
  let game = try ApplePickingGame(configuration: AppleGameConfiguration(), types: PlayerType.uniform(7, Random(seed: 1)))
  let o = game.playRound(restraint: Array(repeating: 13, count: 7), Random(seed: 7)) { _ in [0, 0, 0] }
  #expect(o.apples.reduce(0, +) == 0)
  #expect(o.liveAtEnd == 64)
}
