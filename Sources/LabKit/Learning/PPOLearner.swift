/// Proximal policy optimisation (Schulman et al. 2017) of one shared ``ActorCritic``, as CleanRL's
/// PPO and the released code of Social Environment Design run it (notes §3.1): after each rollout,
/// GAE advantages (``GeneralizedAdvantageEstimation``), then `epochs` passes over the rollout in
/// shuffled minibatches, each normalising its advantages, minimising
/// ``ProximalPolicyOptimisation/loss(outputs:actionCount:minibatch:hyperparameters:)`` with Adam
/// (ε = 10⁻⁵) after clipping the gradient's norm; the learning rate is annealed linearly to 0 over
/// the planned updates when asked.
///
/// ``threads`` splits every minibatch's matrix products into bands of rows on that many threads; each
/// product's elements are summed exactly as on one thread (``MatrixProduct``), so the learner's bytes
/// do not depend on it.
public struct PPOLearner: Sendable {
  public var policy: ActorCritic
  public let hyperparameters: ProximalPolicyOptimisation.Hyperparameters
  public private(set) var optimiser: Adam
  /// Updates planned (for the learning-rate annealing) and done.
  public let plannedUpdates: Int
  public private(set) var updates = 0
  /// The loss terms averaged over the last update's minibatches.
  public private(set) var lastTerms = ProximalPolicyOptimisation.Terms()
  /// Threads for the matrix products (1 = the caller's thread only); the results do not depend on it.
  public var threads = 1
  /// Multiply-adds of the network products done by ``update(_:random:)`` so far, counted per minibatch
  /// row (``DenseNetwork/forwardMultiplyAdds(_:)`` plus ``DenseNetwork/parameterGradientMultiplyAdds(_:)``;
  /// on one-hot rollouts the first layer's two products count one addition per one and output instead):
  /// a machine-independent measure of the learning work.
  public private(set) var multiplyAdds = 0

  public init(policy: ActorCritic, hyperparameters: ProximalPolicyOptimisation.Hyperparameters = .init(), plannedUpdates: Int) {
    self.policy = policy
    self.hyperparameters = hyperparameters
    self.plannedUpdates = max(1, plannedUpdates)
    optimiser = Adam(parameterCount: policy.network.parameterCount, learningRate: hyperparameters.learningRate, epsilon: hyperparameters.adamEpsilon)
  }

  /// Bytes an update on a rollout of `rows` rows holds besides the rollout: the parameters, their
  /// gradient and Adam's two moments (4 × 8 bytes each); the shuffled order, advantages and value targets
  /// (3 × 8 bytes per row); and one minibatch's input, activations and their gradients (2 × 8 bytes per
  /// number of every layer). Counted from the sizes, as the scaling experiment's memory measure.
  public func bytes(rows: Int) -> Int {
    let minibatch = min(hyperparameters.minibatchSize, rows)
    return policy.network.parameterCount * 32 + rows * 24 + minibatch * policy.network.layerSizes.reduce(0, +) * 16
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

    var batchAdvantages = rows.map { advantages[$0] }
    if hyperparameters.normaliseAdvantages { Self.normalise(&batchAdvantages) }
    let minibatch = ProximalPolicyOptimisation.Minibatch(
      actions: rows.map { rollout.actions[$0] }, oldLogProbabilities: rows.map { rollout.logProbabilities[$0] },
      oldValues: rows.map { rollout.values[$0] }, advantages: batchAdvantages, returns: rows.map { returns[$0] })
    let pass: DenseNetwork.Pass
    let sizes = policy.network.layerSizes
    if case .oneHot = rollout.storage {
      // One-hot rows: the first layer adds the weight columns of the ones (forward and ∂L/∂W).
      pass = policy.network.forward(binary: rollout.binaryRows(rows), threads: threads)
      let ones = pass.binaryInput!.ones * sizes[1]
      multiplyAdds +=
        2 * ones + rows.count
        * (DenseNetwork.forwardMultiplyAdds(sizes) + DenseNetwork.parameterGradientMultiplyAdds(sizes) - 2 * sizes[0] * sizes[1])
    } else {
      let d = rollout.observationSize
      var input = [Double](repeating: 0, count: rows.count * d)
      input.withUnsafeMutableBufferPointer { x in
        for (r, k) in rows.enumerated() { rollout.writeObservation(row: k, into: x.baseAddress! + r * d) }
      }
      pass = policy.network.forward(input, rows: rows.count, threads: threads)
      multiplyAdds += rows.count * (DenseNetwork.forwardMultiplyAdds(sizes) + DenseNetwork.parameterGradientMultiplyAdds(sizes))
    }
    let (terms, outputGradient) = ProximalPolicyOptimisation.loss(
      outputs: pass.output, actionCount: policy.actionCount, minibatch: minibatch, hyperparameters: hyperparameters)
    var gradient = [Double](repeating: 0, count: policy.network.parameterCount)
    policy.network.accumulateParameterGradient(pass, outputGradient: outputGradient, into: &gradient, threads: threads)
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
