import LabKit

/// When the orchard is fresh (64 apples) in the design loop.
public enum OrchardReset: String, Sendable, CaseIterable {
  /// The released code: the substrate resets every sampling horizon (200 steps; notes §3.5), so every
  /// PPO rollout starts from a fresh orchard and ends an episode.
  case everyHorizon
  /// Table 1's 1000-step episode played continuously: a fresh orchard at the start of each voting
  /// round only; the rollouts inside a round continue one another (GAE bootstraps on V(s_200)).
  case everyRound
}

/// The settings of ``DesignLoop``.
public struct DesignLoopSettings: Sendable {
  /// Voting rounds in all.
  public var rounds: Int
  /// Steps per voting round (Table 1: episode length 1000); a multiple of the horizon and the period.
  public var roundLength = 1000
  public var reset: OrchardReset
  public var redistribution: RedistributionMode = .equalShares
  /// The players' shared network and PPO settings; `players.horizon` is the sampling horizon (200).
  public var players = LearnedPlayerSettings()

  public init(rounds: Int, reset: OrchardReset) {
    self.rounds = rounds
    self.reset = reset
  }

  /// Checks the settings against the game's tax period.
  public func validated(taxPeriod: Int) throws -> DesignLoopSettings {
    let h = players.horizon
    guard rounds >= 1, h >= 1, roundLength >= h, roundLength % h == 0, h % taxPeriod == 0 else {
      throw LabError.invalidInput(
        place: "DesignLoopSettings",
        problem: "need rounds ≥ 1 and round length \(roundLength) a multiple of the horizon \(h), itself a multiple of the tax period \(taxPeriod)")
    }
    return self
  }

  /// Updates of the players' policy in all.
  public var playerUpdates: Int { rounds * (roundLength / players.horizon) }
}

/// One voting round of the design loop.
public struct DesignRound: Sendable, Equatable {
  /// Apples each player collected (pre-tax).
  public var apples: [Double]
  /// Each player's apples after tax and redistribution, summed over the round's periods.
  public var postTax: [Double]
  /// The mean rate of each bracket over the round's periods.
  public var meanRates: [Double]
  /// Σ tax collected.
  public var collected: Double
  /// O_η on the post-tax apples.
  public var objective: Double
}

/// The design loop of §4 and Appendix A: seven PPO players with one shared policy (parameter sharing)
/// on their egocentric windows learn under a principal that taxes the apples each collects in a tax
/// period (50 steps) by the bracket schedule and redistributes the tax (``PeriodSettlement``).
/// A player's reward at step t is the released code's (notes §3.3 item 7, its social term off):
/// r_i = β_i · e_i + (1 − β_i) · σ_i · a_i, with e_i = a_i plus, at a period's last step,
/// post-tax − pre-tax apples of the period, so the tax changes what the players learn.
public enum DesignLoop {
  /// Plays and learns `settings.rounds` voting rounds; `eta` is the voted objective's η. The players
  /// and the world draw from `random`, the principal from `principalRandom`, so runs that differ only
  /// in the principal share the players' stream.
  public static func run(
    configuration: AppleGameConfiguration, types: [PlayerType], eta: Double, settings: DesignLoopSettings,
    principal: inout any DesignPrincipal, random: Random, principalRandom: Random
  ) throws -> [DesignRound] {
    let settings = try settings.validated(taxPeriod: configuration.taxPeriod)
    let n = configuration.agentCount
    guard types.count == n else { throw LabError.invalidInput(place: "DesignLoop", problem: "\(types.count) types for \(n) players") }
    let world = try HarvestWorld(map: configuration.map, agentCount: n, regrowth: configuration.regrowth)
    let policy = try ActorCritic(
      observationSize: WindowEncoding.size, hidden: settings.players.hidden, actionCount: HarvestAction.allCases.count, random: random)
    let state = State(
      configuration: configuration, settings: settings, types: types, eta: eta, world: world,
      learner: PPOLearner(policy: policy, hyperparameters: settings.players.hyperparameters, plannedUpdates: settings.playerUpdates))
    var rounds: [DesignRound] = []
    for _ in 0..<settings.rounds {
      rounds.append(state.playRound(principal: &principal, random: random, principalRandom: principalRandom))
    }
    return rounds
  }

  /// The loop's state between steps.
  final class State {
    let configuration: AppleGameConfiguration
    let settings: DesignLoopSettings
    let types: [PlayerType]
    let eta: Double
    let world: HarvestWorld
    var learner: PPOLearner
    var observations: [Double]
    var actions: [UInt8]
    var periodApples: [Double]
    var round: DesignRound
    let codes = UnsafeMutablePointer<UInt8>.allocate(capacity: HarvestWorld.viewCells)

    init(
      configuration: AppleGameConfiguration, settings: DesignLoopSettings, types: [PlayerType], eta: Double, world: HarvestWorld,
      learner: PPOLearner
    ) {
      let n = configuration.agentCount
      self.configuration = configuration
      self.settings = settings
      self.types = types
      self.eta = eta
      self.world = world
      self.learner = learner
      observations = [Double](repeating: 0, count: n * WindowEncoding.size)
      actions = [UInt8](repeating: 0, count: n)
      periodApples = [Double](repeating: 0, count: n)
      round = DesignRound(apples: [], postTax: [], meanRates: [], collected: 0, objective: 0)
    }

    deinit { codes.deallocate() }

    /// O_η on the round's post-tax apples so far.
    var objective: Double { WelfareObjective.interpolation(eta: eta).value(round.postTax) }

    /// The principal's observation (``PPOPrincipal``): sorted cumulative post-tax apples / 50, live share, period share.
    func principalObservation(period: Int) -> [Double] {
      let periods = Double(settings.roundLength / configuration.taxPeriod)
      return round.postTax.sorted().map { $0 / 50 } + [Double(world.liveApples) / Double(world.appleCount), Double(period) / periods]
    }

    func playRound(principal: inout any DesignPrincipal, random: Random, principalRandom: Random) -> DesignRound {
      let n = configuration.agentCount
      round = DesignRound(
        apples: .init(repeating: 0, count: n), postTax: .init(repeating: 0, count: n), meanRates: [0, 0, 0], collected: 0, objective: 0)
      let horizons = settings.roundLength / settings.players.horizon
      var rates: [Double] = [0, 0, 0]
      for h in 0..<horizons {
        if h == 0 || settings.reset == .everyHorizon { world.reset(random) }
        let ends = h == horizons - 1 || settings.reset == .everyHorizon
        let rollout = playHorizon(
          start: h * settings.players.horizon, endsEpisode: ends, rates: &rates, principal: &principal, random: random,
          principalRandom: principalRandom)
        learner.update(rollout, random: random)
      }
      let periods = Double(settings.roundLength / configuration.taxPeriod)
      round.meanRates = round.meanRates.map { $0 / periods }
      round.objective = objective
      principal.finishRound(objective: round.objective, random: principalRandom)
      return round
    }

    /// One sampling horizon: act, step, settle each tax period, and collect the rollout.
    func playHorizon(
      start: Int, endsEpisode: Bool, rates: inout [Double], principal: inout any DesignPrincipal, random: Random, principalRandom: Random
    ) -> Rollout {
      let n = configuration.agentCount, steps = settings.players.horizon, period = configuration.taxPeriod
      var rollout = Rollout(steps: steps, players: n, observationSize: WindowEncoding.size)
      var rewards = [Double](repeating: 0, count: n)
      for t in 0..<steps {
        let clock = start + t
        if clock % period == 0 {
          rates = principal.decide(observation: principalObservation(period: clock / period), random: principalRandom)
          for b in rates.indices { round.meanRates[b] += rates[b] }
        }
        WindowEncoding.encodeAll(world, codes: codes, into: &observations)
        let chosen = rollout.act(step: t, observations: observations, policy: learner.policy, random: random)
        for i in 0..<n { actions[i] = UInt8(chosen[i]) }
        _ = actions.withUnsafeBufferPointer { world.step($0, random) }
        for i in 0..<n {
          let a = Double(world.eaten(i)), type = types[i]
          periodApples[i] += a
          round.apples[i] += a
          rewards[i] = type.trust * a + (1 - type.trust) * type.selfishness * a
        }
        if (clock + 1) % period == 0 { settle(rates: rates, rewards: &rewards, principal: &principal) }
        rollout.reward(step: t, rewards, terminal: endsEpisode && t == steps - 1)
      }
      if !endsEpisode {
        WindowEncoding.encodeAll(world, codes: codes, into: &observations)
        rollout.lastValues = learner.policy.values(observations, rows: n)
      }
      return rollout
    }

    /// The end of a tax period: tax, redistribution, the players' extrinsic rewards, the principal's reward.
    func settle(rates: [Double], rewards: inout [Double], principal: inout any DesignPrincipal) {
      let before = objective
      let s = PeriodSettlement(apples: periodApples, rates: rates, brackets: configuration.brackets, redistribution: settings.redistribution)
      for i in periodApples.indices {
        rewards[i] += types[i].trust * (s.postTax[i] - periodApples[i])
        round.postTax[i] += s.postTax[i]
        periodApples[i] = 0
      }
      round.collected += s.collected
      principal.reward(objective - before)
    }
  }
}
