import Foundation
import Testing

@testable import LabKit

/// GAE and the clipped PPO loss against hand computations, the loss's gradient against central finite
/// differences, and a contextual bandit that PPO must solve.
@Suite struct PPOTests {
  @Test func advantagesMatchTheHandComputation() {
    // r = (1, 0, 2), V = (0.5, 1, 0.5), V(s₃) = 1, γ = 0.9, λ = 0.8 (γλ = 0.72):
    // δ₂ = 2 + 0.9 − 0.5 = 2.4, δ₁ = 0.45 − 1 = −0.55, δ₀ = 1 + 0.9 − 0.5 = 1.4;
    // Â₂ = 2.4, Â₁ = −0.55 + 0.72·2.4 = 1.178, Â₀ = 1.4 + 0.72·1.178 = 2.24816.
    // With the episode ending at step 1: δ₁ = −1, Â₁ = −1, Â₀ = 1.4 − 0.72 = 0.68.
    let rewards = [1.0, 0, 2], values = [0.5, 1, 0.5]
    let open = GeneralizedAdvantageEstimation.estimate(
      rewards: rewards, values: values, terminal: [false, false, false], lastValues: [1], steps: 3, players: 1, gamma: 0.9, lambda: 0.8)
    for (x, y) in zip(open.advantages, [2.24816, 1.178, 2.4]) { #expect(abs(x - y) < 1e-12) }
    for (x, y) in zip(open.returns, [2.74816, 2.178, 2.9]) { #expect(abs(x - y) < 1e-12) }
    let ended = GeneralizedAdvantageEstimation.estimate(
      rewards: rewards, values: values, terminal: [false, true, false], lastValues: [1], steps: 3, players: 1, gamma: 0.9, lambda: 0.8)
    for (x, y) in zip(ended.advantages, [0.68, -1, 2.4]) { #expect(abs(x - y) < 1e-12) }
    // Two interleaved players: each stream is estimated on its own.
    let two = GeneralizedAdvantageEstimation.estimate(
      rewards: [1, 5, 0, 5, 2, 5], values: [0.5, 0, 1, 0, 0.5, 0], terminal: Array(repeating: false, count: 6), lastValues: [1, 0], steps: 3,
      players: 2, gamma: 0.9, lambda: 0.8)
    #expect(abs(two.advantages[0] - 2.24816) < 1e-12 && abs(two.advantages[4] - 2.4) < 1e-12)
    #expect(abs(two.advantages[5] - 5) < 1e-12)
  }

  @Test func clippedLossMatchesTheHandComputation() {
    // Two actions, logits (0, 0): p = (½, ½). Sample 1: a = 0, ℓ₀ = log 0.4 (ρ = 1.25), Â = 1: max(−1.25, −1.2) = −1.2
    // (clipped, no gradient). Sample 2: a = 1, ℓ₀ = log 0.5 (ρ = 1), Â = −1: 1. L_π = −0.1.
    // Values v = 0: sample 1 v₀ = 0.5, R = 1: max(1, 0.49)/2 = 0.5; sample 2 v₀ = 0, R = −0.5: 0.125. L_V = 0.3125.
    // H = log 2. L = −0.1 − 0.01 log 2 + 0.5·0.3125.
    // ∂L/∂z, sample 2: (−Â ρ / 2)(1[k = 1] − ½) = (−0.25, 0.25); entropy gradient 0 at the uniform policy.
    // ∂L/∂v: sample 1 0.5·(−1)/2 = −0.25, sample 2 0.5·0.5/2 = 0.125.
    let minibatch = ProximalPolicyOptimisation.Minibatch(
      actions: [0, 1], oldLogProbabilities: [log(0.4), log(0.5)], oldValues: [0.5, 0], advantages: [1, -1], returns: [1, -0.5])
    let (terms, gradient) = ProximalPolicyOptimisation.loss(
      outputs: [0, 0, 0, 0, 0, 0], actionCount: 2, minibatch: minibatch, hyperparameters: .init())
    #expect(abs(terms.policy - -0.1) < 1e-12)
    #expect(abs(terms.value - 0.3125) < 1e-12)
    #expect(abs(terms.entropy - log(2)) < 1e-12)
    #expect(abs(terms.total - (-0.1 - 0.01 * log(2) + 0.15625)) < 1e-12)
    #expect(abs(terms.clipFraction - 0.5) < 1e-12)
    for (x, y) in zip(gradient, [0, 0, -0.25, -0.25, 0.25, 0.125]) { #expect(abs(x - y) < 1e-12) }
  }

  @Test func lossGradientMatchesFiniteDifferences() throws {
    let random = Random(seed: 5)
    let policy = try ActorCritic(observationSize: 6, hidden: [8], actionCount: 4, random: random)
    let rows = 12
    let input = (0..<(rows * 6)).map { _ in random.gaussian() }
    // Old log-probabilities and values near the new ones, so that some samples sit on each branch but none on a kink.
    let base = policy.network.forward(input, rows: rows).output
    let actions = (0..<rows).map { _ in random.index(below: 4) }
    let old = (0..<rows).map { r in CategoricalPolicy.logProbabilities(Array(base[(r * 5)..<(r * 5 + 4)]))[actions[r]] + random.gaussian() * 0.3 }
    let minibatch = ProximalPolicyOptimisation.Minibatch(
      actions: actions, oldLogProbabilities: old, oldValues: (0..<rows).map { base[$0 * 5 + 4] + random.gaussian() * 0.3 },
      advantages: (0..<rows).map { _ in random.gaussian() }, returns: (0..<rows).map { _ in random.gaussian() })
    var h = ProximalPolicyOptimisation.Hyperparameters()
    h.entropyCoefficient = 0.1
    func loss(_ network: DenseNetwork) -> Double {
      ProximalPolicyOptimisation.loss(outputs: network.forward(input, rows: rows).output, actionCount: 4, minibatch: minibatch, hyperparameters: h)
        .terms.total
    }
    let pass = policy.network.forward(input, rows: rows)
    let (_, outputGradient) = ProximalPolicyOptimisation.loss(outputs: pass.output, actionCount: 4, minibatch: minibatch, hyperparameters: h)
    var gradient = [Double](repeating: 0, count: policy.network.parameterCount)
    policy.network.backward(pass, outputGradient: outputGradient, accumulatingInto: &gradient)
    let step = 1e-6
    var worst = 0.0
    for k in 0..<gradient.count {
      var plus = policy.network, minus = policy.network
      plus.parameters[k] += step
      minus.parameters[k] -= step
      worst = max(worst, abs((loss(plus) - loss(minus)) / (2 * step) - gradient[k]))
    }
    #expect(worst < 1e-6 * max(1, gradient.map(abs).max()!))
    #expect(gradient.contains { abs($0) > 1e-3 })
  }

  @Test func clipNormScalesToTheMaximum() {
    var g = [3.0, 4.0]
    let norm = ProximalPolicyOptimisation.clipNorm(&g, maximum: 0.5)
    #expect(norm == 5)
    #expect(abs(g[0] - 0.3) < 1e-6 && abs(g[1] - 0.4) < 1e-6)
  }

  /// Sanity task: a two-armed contextual bandit (context one-hot in {0, 1}, reward 1 for the arm equal
  /// to the context, each step its own episode) with 16 players sharing one policy. From a near-uniform
  /// start PPO must reach a greedy policy that is right in both contexts, with probability ≥ 0.9 on the
  /// right arm, within 40 updates of 128 samples.
  @Test func solvesAContextualBandit() throws {
    let random = Random(seed: 11)
    var h = ProximalPolicyOptimisation.Hyperparameters()
    h.learningRate = 0.01
    h.minibatchSize = 32
    var learner = PPOLearner(
      policy: try ActorCritic(observationSize: 2, hidden: [16], actionCount: 2, random: random), hyperparameters: h, plannedUpdates: 40)
    let players = 16, steps = 8
    for _ in 0..<40 {
      var rollout = Rollout(steps: steps, players: players, observationSize: 2)
      for t in 0..<steps {
        let contexts = (0..<players).map { _ in random.index(below: 2) }
        let observations: [Double] = contexts.flatMap { c -> [Double] in c == 0 ? [1, 0] : [0, 1] }
        let actions = rollout.act(step: t, observations: observations, policy: learner.policy, random: random)
        rollout.reward(step: t, zip(actions, contexts).map { $0 == $1 ? 1 : 0 }, terminal: true)
      }
      learner.update(rollout, random: random)
    }
    #expect(learner.updates == 40)
    #expect(learner.policy.greedyActions([1, 0, 0, 1], rows: 2) == [0, 1])
    let output = learner.policy.network.forward([1, 0, 0, 1], rows: 2).output
    let right0 = exp(CategoricalPolicy.logProbabilities(Array(output[0..<2]))[0])
    let right1 = exp(CategoricalPolicy.logProbabilities(Array(output[3..<5]))[1])
    #expect(right0 >= 0.9 && right1 >= 0.9)
  }
}

/// The parameter-only reverse mode equals the full one's parameter part.
@Suite struct ParameterGradientTests {
  @Test func parameterOnlyGradientEqualsTheFullOne() throws {
    let random = Random(seed: 9)
    let network = try DenseNetwork(layerSizes: [5, 7, 3], random: random)
    let input = (0..<20).map { _ in random.gaussian() }
    let upstream = (0..<12).map { _ in random.gaussian() }
    let pass = network.forward(input, rows: 4)
    var full = [Double](repeating: 0, count: network.parameterCount), only = full
    network.backward(pass, outputGradient: upstream, accumulatingInto: &full)
    network.accumulateParameterGradient(pass, outputGradient: upstream, into: &only)
    #expect(full == only)
    #expect(full.contains { $0 != 0 })
  }
}
