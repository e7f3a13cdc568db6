/// The samples one PPO update learns from: `steps` steps of `players` parallel players (time-major:
/// row t·players + i is player i at step t), each with its observation, action, the log-probability
/// and value the policy gave when acting, the reward and whether the episode ended with that step;
/// plus the bootstrap values V(s_T) after the last step.
public struct Rollout: Sendable {
  public let steps: Int
  public let players: Int
  public let observationSize: Int
  public var observations: [Double]
  public var actions: [Int]
  public var logProbabilities: [Double]
  public var values: [Double]
  public var rewards: [Double]
  public var terminal: [Bool]
  public var lastValues: [Double]

  public var count: Int { steps * players }

  public init(steps: Int, players: Int, observationSize: Int) {
    self.steps = steps
    self.players = players
    self.observationSize = observationSize
    let n = steps * players
    observations = [Double](repeating: 0, count: n * observationSize)
    actions = [Int](repeating: 0, count: n)
    logProbabilities = [Double](repeating: 0, count: n)
    values = [Double](repeating: 0, count: n)
    rewards = [Double](repeating: 0, count: n)
    terminal = [Bool](repeating: false, count: n)
    lastValues = [Double](repeating: 0, count: players)
  }

  /// Records step t's observations (`players × observationSize`) and the policy's decisions on them,
  /// by acting with `policy`; returns the sampled actions.
  public mutating func act(step t: Int, observations batch: [Double], policy: ActorCritic, random: Random) -> [Int] {
    precondition(batch.count == players * observationSize, "Rollout.act: \(batch.count) numbers for \(players) observations")
    var a = [Int](repeating: 0, count: players)
    var lp = [Double](repeating: 0, count: players)
    var v = [Double](repeating: 0, count: players)
    policy.act(batch, rows: players, random: random, actions: &a, logProbabilities: &lp, values: &v)
    let base = t * players
    observations.replaceSubrange((base * observationSize)..<((base + players) * observationSize), with: batch)
    for i in 0..<players {
      actions[base + i] = a[i]
      logProbabilities[base + i] = lp[i]
      values[base + i] = v[i]
    }
    return a
  }

  /// Records step t's rewards and episode ends.
  public mutating func reward(step t: Int, _ r: [Double], terminal done: Bool) {
    for i in 0..<players {
      rewards[t * players + i] = r[i]
      terminal[t * players + i] = done
    }
  }
}
