import LabKit

/// What a learned policy is rewarded with (eq. 2's intrinsic reward at its two ends, without taxes).
public enum LearnedMotive: String, Sendable, CaseIterable {
  /// σ = 1: a player's own apples (the "greedy", untrained-to-care player).
  case selfish
  /// σ = 0 with the all-agent mean (the refactor's reading of the social term, repository D): every player
  /// is rewarded with the mean apples of all players, so restraint that keeps the orchard alive pays.
  case collective
}

/// Settings of the learned players: PPO with parameter sharing (Appendix A) on ``WindowEncoding``.
public struct LearnedPlayerSettings: Sendable, Equatable {
  /// Hidden layers of the shared actor-critic (the released code's CNN is out of reach on a CPU budget
  /// of seconds; an assumption stated in the document).
  public var hidden = [32]
  /// PPO updates, one per sampling horizon.
  public var updates = 40
  /// Table 1: sampling horizon 200; the released code resets the substrate every horizon (notes §3.5),
  /// so each rollout is one episode from a fresh orchard.
  public var horizon = 200
  public var hyperparameters = ProximalPolicyOptimisation.Hyperparameters()
  public init() {}
}

/// §4 and Appendix A of Social Environment Design: players that learn, by PPO with GAE and parameter
/// sharing, from their egocentric window; actions are the substrate's seven (``HarvestAction``).
public enum LearnedPlayers {
  /// Trains one shared policy for `configuration.agentCount` players on `configuration`'s map and
  /// regrowth, every player rewarded by `motive`, from fresh orchards of `settings.horizon` steps.
  public static func train(
    _ motive: LearnedMotive, configuration: AppleGameConfiguration, settings: LearnedPlayerSettings, random: Random
  ) throws -> PPOLearner {
    let n = configuration.agentCount
    let world = try HarvestWorld(map: configuration.map, agentCount: n, regrowth: configuration.regrowth)
    let policy = try ActorCritic(
      observationSize: WindowEncoding.size, hidden: settings.hidden, actionCount: HarvestAction.allCases.count, random: random)
    var learner = PPOLearner(policy: policy, hyperparameters: settings.hyperparameters, plannedUpdates: settings.updates)
    let codes = UnsafeMutablePointer<UInt8>.allocate(capacity: HarvestWorld.viewCells)
    defer { codes.deallocate() }
    var observations = [Double](repeating: 0, count: n * WindowEncoding.size)
    var actions = [UInt8](repeating: 0, count: n)
    var rewards = [Double](repeating: 0, count: n)
    for _ in 0..<settings.updates {
      world.reset(random)
      var rollout = Rollout(steps: settings.horizon, players: n, observationSize: WindowEncoding.size)
      for t in 0..<settings.horizon {
        WindowEncoding.encodeAll(world, codes: codes, into: &observations)
        let chosen = rollout.act(step: t, observations: observations, policy: learner.policy, random: random)
        for i in 0..<n { actions[i] = UInt8(chosen[i]) }
        let eaten = actions.withUnsafeBufferPointer { world.step($0, random) }
        for i in 0..<n { rewards[i] = motive == .selfish ? Double(world.eaten(i)) : Double(eaten) / Double(n) }
        rollout.reward(step: t, rewards, terminal: t == settings.horizon - 1)
      }
      learner.update(rollout, random: random)
    }
    return learner
  }
}

/// A population of learned players for ``ApplePickingGame/playRound(restraint:multiplier:recordTrace:_:onStart:onStep:chooser:rates:)``:
/// player i acts by `policies[assignment[i]]`, sampling from its policy on its window.
public final class LearnedPopulation {
  public let policies: [ActorCritic]
  public let assignment: [Int]
  let codes = UnsafeMutablePointer<UInt8>.allocate(capacity: HarvestWorld.viewCells)
  var observations: [Double]
  let members: [[Int]]

  public init(policies: [ActorCritic], assignment: [Int]) throws {
    guard assignment.allSatisfy({ $0 >= 0 && $0 < policies.count }) else {
      throw LabError.invalidInput(place: "LearnedPopulation", problem: "assignment \(assignment) names a policy outside 0 ..< \(policies.count)")
    }
    self.policies = policies
    self.assignment = assignment
    observations = [Double](repeating: 0, count: assignment.count * WindowEncoding.size)
    members = policies.indices.map { p in assignment.indices.filter { assignment[$0] == p } }
  }

  deinit { codes.deallocate() }

  /// Every player's action this step, into `actions`; one uniform per player, policy by policy.
  public func choose(_ world: HarvestWorld, into actions: UnsafeMutableBufferPointer<UInt8>, _ random: Random) {
    WindowEncoding.encodeAll(world, codes: codes, into: &observations)
    let d = WindowEncoding.size
    for (p, rows) in members.enumerated() where !rows.isEmpty {
      var batch = [Double](repeating: 0, count: rows.count * d)
      for (r, i) in rows.enumerated() { batch.replaceSubrange((r * d)..<((r + 1) * d), with: observations[(i * d)..<((i + 1) * d)]) }
      var a = [Int](repeating: 0, count: rows.count)
      var lp = [Double](repeating: 0, count: rows.count), v = lp
      policies[p].act(batch, rows: rows.count, random: random, actions: &a, logProbabilities: &lp, values: &v)
      for (r, i) in rows.enumerated() { actions[i] = UInt8(a[r]) }
    }
  }
}
