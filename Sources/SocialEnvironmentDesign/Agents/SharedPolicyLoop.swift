import LabKit

/// What one run of ``SharedPolicyLoop`` cost, counted (not timed), and what it harvested.
public struct SharedPolicyCost: Sendable, Equatable {
  public var players = 0
  /// Player-steps learned from: players × horizon × updates.
  public var playerSteps = 0
  /// The world's counted work (``HarvestWorld/operations``: player updates and apple cells scanned).
  public var environment = 0
  /// Window cells read to encode the players' observations (121 per player-step).
  public var encoding = 0
  /// Cells holding something (a wall, a live apple or another player) in the windows observed: the ones
  /// of the one-hot input, which set the first layer's cost.
  public var ones = 0
  /// Multiply-adds of the shared network when acting (one forward pass per player-step).
  public var acting = 0
  /// Multiply-adds of the PPO updates (``PPOLearner/multiplyAdds``).
  public var learning = 0
  /// Per-player bookkeeping: advantages (one per player-step) and tax transfers (one per player and period).
  public var bookkeeping = 0
  /// Bytes held at the peak of an update: the world, the rollout, the acting buffers, the learner.
  public var worldBytes = 0, rolloutBytes = 0, actingBytes = 0, learnerBytes = 0
  /// Apples eaten and taxes collected over the run.
  public var apples = 0.0, taxes = 0.0

  public var work: Int { environment + encoding + acting + learning + bookkeeping }
  public var bytes: Int { worldBytes + rolloutBytes + actingBytes + learnerBytes }
}

/// §5 of Social Environment Design, the design loop at scale: `copies` copies of the paper's map, 7
/// players each (the paper's density), every player acting by one shared actor-critic (parameter
/// sharing, Appendix A) on its egocentric window (``WindowEncoding``), learning by PPO from rollouts
/// of `horizon` steps (a fresh orchard each, the released code's reset), under a principal with a
/// fixed schedule of marginal rates: every `taxPeriod` steps each player's apples of the period are
/// taxed by §4's brackets and the taxes redistributed evenly over all players (one economy, one
/// principal), the net transfer added to that step's reward.
///
/// Rollouts keep the windows as one-hot codes (``ObservationStorage/oneHot(cells:channels:)``, 121
/// bytes per player-step instead of 2 904), which is what lets thousands of players fit in memory, and
/// the network reads them as ``BinaryRows`` (the first layer adds the weight columns of the ones).
/// The learner's products run on `threads` threads with the same bytes whatever that is.
public enum SharedPolicyLoop {
  public struct Settings: Sendable, Equatable {
    public var copies = 1
    public var horizon = 200
    public var updates = 1
    /// The principal's fixed marginal rates, one per bracket of ``TaxBrackets/paper``.
    public var rates = [0.1, 0.25, 0.37]
    public var taxPeriod = 50
    public var regrowth: RegrowthRule = .paper
    public var hidden = [32]
    public var hyperparameters = ProximalPolicyOptimisation.Hyperparameters()
    public var threads = 1
    public init() {}
  }

  /// Runs `settings.updates` rollouts and PPO updates; returns the learner and the counted cost.
  public static func run(_ settings: Settings, random: Random) throws -> (learner: PPOLearner, cost: SharedPolicyCost) {
    guard settings.copies >= 1, settings.horizon >= 1, settings.updates >= 0, settings.taxPeriod >= 1,
      settings.rates.count == TaxBrackets.paper.count
    else {
      throw LabError.invalidInput(place: "SharedPolicyLoop", problem: "need copies, horizon and tax period ≥ 1 and one rate per bracket")
    }
    let layout = ScaleExperiment.layout(settings.copies)
    let n = 7 * settings.copies
    let world = try HarvestWorld(
      map: HarvestMap.commonsHarvestOpen.tiled(across: layout.across, down: layout.down), agentCount: n, regrowth: settings.regrowth)
    let policy = try ActorCritic(
      observationSize: WindowEncoding.size, hidden: settings.hidden, actionCount: HarvestAction.allCases.count, random: random)
    var learner = PPOLearner(policy: policy, hyperparameters: settings.hyperparameters, plannedUpdates: settings.updates)
    learner.threads = settings.threads
    var cost = SharedPolicyCost()
    cost.players = n
    cost.worldBytes = world.bytes
    for _ in 0..<settings.updates {
      world.reset(random)
      let operations = world.operations
      let rollout = try collect(world, policy: learner.policy, settings: settings, cost: &cost, random: random)
      cost.environment += world.operations - operations
      cost.rolloutBytes = rollout.bytes
      learner.update(rollout, random: random)
      cost.bookkeeping += rollout.count
    }
    cost.learning = learner.multiplyAdds
    cost.playerSteps = n * settings.horizon * settings.updates
    cost.learnerBytes = learner.bytes(rows: n * settings.horizon)
    // Codes, at most 121 one-positions (4 bytes) and a row start (8) per player, its action, and five
    // numbers (action, log-probability, value, reward, income): a bound, reached when every cell holds something.
    cost.actingBytes = n * (HarvestWorld.viewCells * 5 + 8 + 1 + 8 * 5)
    return (learner, cost)
  }

  /// One rollout of `settings.horizon` steps from the world's current state, rewards after tax.
  static func collect(
    _ world: HarvestWorld, policy: ActorCritic, settings: Settings, cost: inout SharedPolicyCost, random: Random
  ) throws -> Rollout {
    let n = world.agentCount, cells = HarvestWorld.viewCells
    var rollout = Rollout(steps: settings.horizon, players: n, observationSize: WindowEncoding.size, storage: WindowEncoding.storage)
    var codes = [UInt8](repeating: 0, count: n * cells)
    var actions = [UInt8](repeating: 0, count: n)
    var rewards = [Double](repeating: 0, count: n)
    var income = [Double](repeating: 0, count: n)
    let sizes = policy.network.layerSizes
    let rest = DenseNetwork.forwardMultiplyAdds(sizes) - sizes[0] * sizes[1]
    for t in 0..<settings.horizon {
      codes.withUnsafeMutableBufferPointer { c in for i in 0..<n { world.observe(i, into: c.baseAddress! + i * cells) } }
      let chosen = rollout.act(step: t, codes: codes, policy: policy, random: random, threads: settings.threads)
      cost.encoding += n * cells
      // The first layer adds one weight column per one (``BinaryRows``); the others are dense.
      let ones = codes.reduce(0) { $0 + ($1 == 0 ? 0 : 1) }
      cost.ones += ones
      cost.acting += ones * sizes[1] + n * rest
      for i in 0..<n { actions[i] = UInt8(chosen[i]) }
      _ = actions.withUnsafeBufferPointer { world.step($0, random) }
      for i in 0..<n {
        rewards[i] = Double(world.eaten(i))
        income[i] += rewards[i]
      }
      cost.apples += rewards.reduce(0, +)
      if (t + 1) % settings.taxPeriod == 0 || t + 1 == settings.horizon {
        let transfers = Redistribution.netTransfers(incomes: income, rates: settings.rates, brackets: .paper)
        for i in 0..<n {
          cost.taxes += TaxBrackets.paper.tax(income[i], rates: settings.rates)
          rewards[i] -= transfers[i]
          income[i] = 0
        }
        cost.bookkeeping += n
      }
      rollout.reward(step: t, rewards, terminal: t == settings.horizon - 1)
    }
    return rollout
  }
}
