/// Proximal policy optimisation (Schulman et al. 2017) of one shared ``ActorCritic``, as CleanRL's
/// PPO and the released code of Social Environment Design run it (notes §3.1): after each rollout,
/// GAE advantages (``GeneralizedAdvantageEstimation``), then `epochs` passes over the rollout in
/// shuffled minibatches, each normalising its advantages, minimising
/// ``ProximalPolicyOptimisation/loss(outputs:actionCount:minibatch:hyperparameters:)`` with Adam
/// (ε = 10⁻⁵) after clipping the gradient's norm; the learning rate is annealed linearly to 0 over
/// the planned updates when asked.
public struct PPOLearner: Sendable {
  public var policy: ActorCritic
  public let hyperparameters: ProximalPolicyOptimisation.Hyperparameters
  public private(set) var optimiser: Adam
  /// Updates planned (for the learning-rate annealing) and done.
  public let plannedUpdates: Int
  public private(set) var updates = 0
  /// The loss terms averaged over the last update's minibatches.
  public private(set) var lastTerms = ProximalPolicyOptimisation.Terms()

  public init(policy: ActorCritic, hyperparameters: ProximalPolicyOptimisation.Hyperparameters = .init(), plannedUpdates: Int) {
    self.policy = policy
    self.hyperparameters = hyperparameters
    self.plannedUpdates = max(1, plannedUpdates)
    optimiser = Adam(parameterCount: policy.network.parameterCount, learningRate: hyperparameters.learningRate, epsilon: hyperparameters.adamEpsilon)
  }

  /// One PPO update on `rollout`; `random` shuffles the minibatches.
  public mutating func update(_ rollout: Rollout, random: Random) {
    let h = hyperparameters
    if h.annealLearningRate {
      optimiser.learningRate = h.learningRate * (1 - Double(min(updates, plannedUpdates)) / Double(plannedUpdates))
    }
    let (advantages, returns) = GeneralizedAdvantageEstimation.estimate(
      rewards: rollout.rewards, values: rollout.values, terminal: rollout.terminal, lastValues: rollout.lastValues, steps: rollout.steps,
      players: rollout.players, gamma: h.gamma, lambda: h.lambda)
    var order = Array(0..<rollout.count)
    let size = min(h.minibatchSize, rollout.count)
    var total = ProximalPolicyOptimisation.Terms()
    var batches = 0
    for _ in 0..<h.epochs {
      random.shuffle(&order)
      var start = 0
      while start < order.count {
        let rows = Array(order[start..<min(start + size, order.count)])
        start += size
        total = Self.add(total, step(rows: rows, rollout: rollout, advantages: advantages, returns: returns))
        batches += 1
      }
    }
    lastTerms = Self.scale(total, 1 / Double(max(1, batches)))
    updates += 1
  }

  /// One gradient step on the given rollout rows.
  private mutating func step(rows: [Int], rollout: Rollout, advantages: [Double], returns: [Double]) -> ProximalPolicyOptimisation.Terms {
    let d = rollout.observationSize
    var input = [Double](repeating: 0, count: rows.count * d)
    input.withUnsafeMutableBufferPointer { x in
      rollout.observations.withUnsafeBufferPointer { o in
        for (r, k) in rows.enumerated() { (x.baseAddress! + r * d).update(from: o.baseAddress! + k * d, count: d) }
      }
    }
    var batchAdvantages = rows.map { advantages[$0] }
    if hyperparameters.normaliseAdvantages { Self.normalise(&batchAdvantages) }
    let minibatch = ProximalPolicyOptimisation.Minibatch(
      actions: rows.map { rollout.actions[$0] }, oldLogProbabilities: rows.map { rollout.logProbabilities[$0] },
      oldValues: rows.map { rollout.values[$0] }, advantages: batchAdvantages, returns: rows.map { returns[$0] })
    let pass = policy.network.forward(input, rows: rows.count)
    let (terms, outputGradient) = ProximalPolicyOptimisation.loss(
      outputs: pass.output, actionCount: policy.actionCount, minibatch: minibatch, hyperparameters: hyperparameters)
    var gradient = [Double](repeating: 0, count: policy.network.parameterCount)
    policy.network.accumulateParameterGradient(pass, outputGradient: outputGradient, into: &gradient)
    ProximalPolicyOptimisation.clipNorm(&gradient, maximum: hyperparameters.maxGradientNorm)
    optimiser.descend(&policy.network.parameters, gradient: gradient)
    return terms
  }

  /// (x − mean) / (sample standard deviation + 10⁻⁸), as CleanRL (PyTorch's `std` is the n − 1 form).
  static func normalise(_ x: inout [Double]) {
    guard x.count > 1 else { return }
    let mean = x.reduce(0, +) / Double(x.count)
    let variance = x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(x.count - 1)
    let sd = variance.squareRoot() + 1e-8
    for k in x.indices { x[k] = (x[k] - mean) / sd }
  }

  private static func add(_ a: ProximalPolicyOptimisation.Terms, _ b: ProximalPolicyOptimisation.Terms) -> ProximalPolicyOptimisation.Terms {
    .init(
      total: a.total + b.total, policy: a.policy + b.policy, value: a.value + b.value, entropy: a.entropy + b.entropy,
      clipFraction: a.clipFraction + b.clipFraction)
  }

  private static func scale(_ a: ProximalPolicyOptimisation.Terms, _ s: Double) -> ProximalPolicyOptimisation.Terms {
    .init(total: a.total * s, policy: a.policy * s, value: a.value * s, entropy: a.entropy * s, clipFraction: a.clipFraction * s)
  }
}
