import Testing

@testable import LabKit
@testable import SocialEnvironmentDesign

/// The learned players' observation against a hand-placed scene, and PPO learning to harvest.
@Suite struct LearnedPlayersTests {
  @Test func windowEncodingShowsWallsApplesAndPlayers() throws {
    let world = try HarvestWorld(agentCount: 2)
    world.reset(Random(seed: 1))
    // Player 0 at (11, 12) facing north; player 1 two cells ahead of it. Row y = 12 − f, column x = 11 + r.
    try world.place(0, x: 11, y: 12, orientation: 0)
    try world.place(1, x: 11, y: 10, orientation: 2)
    let codes = UnsafeMutablePointer<UInt8>.allocate(capacity: HarvestWorld.viewCells)
    defer { codes.deallocate() }
    var out = [Double](repeating: 7, count: 2 * WindowEncoding.size)
    WindowEncoding.encodeAll(world, codes: codes, into: &out)
    let cells = HarvestWorld.viewCells
    func index(forward f: Int, right r: Int) -> Int { (HarvestWorld.viewForward - f) * 11 + r + HarvestWorld.viewSide }
    // Player 1, forward 2: the "other player" channel.
    #expect(out[2 * cells + index(forward: 2, right: 0)] == 1)
    // Forward 9 is row 3 of the map: column 11 is grass, column 12 ("AAAAA  AAAAA" spans x = 13 … 17) neither;
    // the map's row 3 is "WA    AAAAA  AAAAA    AW": x = 6 … 10 and 13 … 17 are apples.
    #expect(out[cells + index(forward: 9, right: 2)] == 1)  // (13, 3)
    #expect(out[cells + index(forward: 9, right: 0)] == 0)  // (11, 3) grass
    // Every entry is 0 or 1 and each cell has at most one thing.
    #expect(out.allSatisfy { $0 == 0 || $0 == 1 })
    for k in 0..<cells { #expect(out[k] + out[cells + k] + out[2 * cells + k] <= 1) }
  }

  /// One player on the map learns to harvest: after 25 PPO updates (at a learning rate raised for smoke
  /// scale) its greedy-sampled apples per 200 steps beat the untrained policy's on the same orchards.
  @Test func ppoLearnsToHarvest() throws {
    var configuration = AppleGameConfiguration()
    configuration.agentCount = 1
    configuration.regrowth = .code
    var settings = LearnedPlayerSettings()
    settings.updates = 25
    settings.hyperparameters.learningRate = 3e-3
    let untrained = try LearnedPlayers.train(
      .selfish, configuration: configuration,
      settings: {
        var s = settings; s.updates = 0; return s
      }(), random: Random(seed: 2))
    let trained = try LearnedPlayers.train(.selfish, configuration: configuration, settings: settings, random: Random(seed: 2))
    func apples(_ learner: PPOLearner) throws -> Double {
      var total = 0.0
      for r in 0..<8 {
        var c = configuration
        c.roundLength = 200
        c.intrinsic = .off
        let game = try ApplePickingGame(configuration: c, types: PlayerType.uniform(1, Random(seed: UInt32(100 + r))))
        let population = try LearnedPopulation(policies: [learner.policy], assignment: [0])
        total += game.playRound(restraint: [0], Random(seed: UInt32(200 + r)), chooser: population) { _ in [0, 0, 0] }.apples[0]
      }
      return total / 8
    }
    let before = try apples(untrained), after = try apples(trained)
    #expect(after > before + 5, "apples per 200 steps: untrained \(before), trained \(after)")
  }
}
