import Testing

@testable import LabKit
@testable import SocialEnvironmentDesign

/// The design loop at scale: its counted cost against hand formulas, the same bytes whatever the
/// threads, taxes that balance, and the scaling claim at smoke scale with its control flipping.
@Suite struct ScaleExperimentTests {
  static func settings(copies: Int, threads: Int) -> SharedPolicyLoop.Settings {
    var s = SharedPolicyLoop.Settings()
    s.copies = copies
    s.horizon = 30
    s.updates = 2
    s.taxPeriod = 10
    s.threads = threads
    return s
  }

  @Test func countedCostFollowsItsFormulas() throws {
    let (_, cost) = try SharedPolicyLoop.run(Self.settings(copies: 3, threads: 1), random: Random(seed: 4))
    let rows = 21 * 30, steps = rows * 2
    #expect(cost.players == 21 && cost.playerSteps == steps)
    // The world: 21 player updates and 3 × 64 apple cells scanned per step.
    #expect(cost.environment == 60 * (21 + 3 * 64))
    #expect(cost.encoding == 121 * steps)
    // The first layer adds 32 weights per one of the window; the second layer is 32 · 8 multiply-adds.
    #expect(cost.ones > 0 && cost.ones < 363 * steps)
    #expect(cost.acting == 32 * cost.ones + 256 * steps)
    // Every row is learned from in 4 epochs: forward and ∂L/∂W of the first layer 32 per one each, then
    // 256 forward and 2 · 256 back for the second.
    #expect(cost.learning == 4 * (64 * cost.ones + 768 * steps))
    // Advantages (one per row) and 3 tax periods of 21 transfers per update.
    #expect(cost.bookkeeping == 2 * (rows + 3 * 21))
    #expect(cost.rolloutBytes == rows * (121 + 33) + 21 * 8)
    #expect(cost.actingBytes == 21 * (121 * 5 + 8 + 1 + 40))
    let world = try HarvestWorld(map: HarvestMap.commonsHarvestOpen.tiled(across: 3, down: 1), agentCount: 21)
    #expect(cost.worldBytes == world.bytes)
    #expect(cost.apples > 0 && cost.taxes >= 0)
  }

  @Test func theLoopGivesTheSameBytesWhateverTheThreads() throws {
    let (one, costOne) = try SharedPolicyLoop.run(Self.settings(copies: 3, threads: 1), random: Random(seed: 6))
    let (two, costTwo) = try SharedPolicyLoop.run(Self.settings(copies: 3, threads: 2), random: Random(seed: 6))
    #expect(one.policy == two.policy && one.lastTerms == two.lastTerms && costOne == costTwo)
  }

  @Test func taxesAreRedistributedSoRewardsSumToTheApples() throws {
    let world = try HarvestWorld(map: HarvestMap.commonsHarvestOpen.tiled(across: 2, down: 1), agentCount: 14)
    let random = Random(seed: 8)
    world.reset(random)
    let policy = try ActorCritic(observationSize: WindowEncoding.size, hidden: [8], actionCount: 7, random: random)
    var settings = Self.settings(copies: 2, threads: 1)
    settings.rates = [0.5, 0.5, 0.5]
    settings.regrowth = .code
    var cost = SharedPolicyCost()
    let rollout = try SharedPolicyLoop.collect(world, policy: policy, settings: settings, cost: &cost, random: random)
    #expect(abs(rollout.rewards.reduce(0, +) - cost.apples) < 1e-9)
    #expect(cost.apples > 0 && cost.taxes > 0)
  }

  @Test func scalingHoldsAtSmokeScaleAndTheControlFlipsIt() throws {
    let result = try ScaleExperiment().run(scale: .smoke, seed: 1, jobs: 2, overrides: [:])
    let claim = result.claims[0]
    #expect(claim.headline == .holds)
    #expect(claim.control?.verdict == .fails && claim.control?.flipped == true)
    #expect(claim.map.trends.count == 2 && claim.map.trends.allSatisfy { $0.upper <= 1.1 && $0.sizes.count == 5 })
    // Work per player-step stays between what an input of no ones and a dense input (363 ones) would cost:
    // 121 cells encoded, 256 multiply-adds acting and 4 × 768 learning at least; 11 872 and 4 × 24 000 at most, plus the world.
    let perStep = (result.tables[0].column("work per player-step") ?? []).compactMap(Double.init)
    #expect(perStep.count == 5 && perStep.allSatisfy { $0 > 121 + 256 + 4 * 768 && $0 < 121 + 11_872 + 4 * 24_000 + 20 })
  }
}
