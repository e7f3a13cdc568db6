/// Generalised advantage estimation (Schulman et al. 2016, eq. 16), as in CleanRL's PPO:
/// δ_t = r_t + γ (1 − d_t) V(s_{t+1}) − V(s_t), Â_t = δ_t + γλ (1 − d_t) Â_{t+1}, and the value
/// targets R_t = Â_t + V(s_t), where d_t = 1 when the episode ended with step t (no bootstrap past it)
/// and V(s_T) is the bootstrap value after the last step.
///
/// Arrays are time-major over `players` parallel streams: entry t·players + i is player i at step t.
public enum GeneralizedAdvantageEstimation {
  /// The advantages Â and value targets R of a rollout of `steps` steps.
  public static func estimate(
    rewards: [Double], values: [Double], terminal: [Bool], lastValues: [Double], steps: Int, players: Int, gamma: Double, lambda: Double
  ) -> (advantages: [Double], returns: [Double]) {
    precondition(
      rewards.count == steps * players && values.count == rewards.count && terminal.count == rewards.count && lastValues.count == players,
      "GeneralizedAdvantageEstimation: sizes do not match \(steps) steps × \(players) players")
    var advantages = [Double](repeating: 0, count: rewards.count)
    for i in 0..<players {
      var next = 0.0
      var nextValue = lastValues[i]
      for t in stride(from: steps - 1, through: 0, by: -1) {
        let k = t * players + i
        let live = terminal[k] ? 0.0 : 1.0
        let delta = rewards[k] + gamma * live * nextValue - values[k]
        next = delta + gamma * lambda * live * next
        advantages[k] = next
        nextValue = values[k]
      }
    }
    return (advantages, zip(advantages, values).map { $0 + $1 })
  }
}
