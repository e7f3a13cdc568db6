import Foundation

/// The clipped surrogate objective of PPO (Schulman et al. 2017, eq. 7) with CleanRL's value clipping
/// and entropy bonus, the loss the released code of Social Environment Design minimises (notes §3.1).
///
/// For a minibatch of B samples with new log-probability ℓ, old log-probability ℓ₀, advantage Â,
/// new value v, old value v₀ and value target R, ratio ρ = exp(ℓ − ℓ₀) and clip ε:
/// - policy loss L_π = (1/B) Σ max(−Â ρ, −Â clip(ρ, 1 − ε, 1 + ε));
/// - value loss L_V = (1/B) Σ ½ max((v − R)², (v₀ + clip(v − v₀, −ε, ε) − R)²) (or ½ (v − R)² unclipped);
/// - entropy H̄ = (1/B) Σ H(π(·|s));
/// - total L = L_π − c_H H̄ + c_V L_V.
///
/// ``loss(outputs:…)`` returns L and ∂L/∂outputs (the logits and value of ``ActorCritic``'s output
/// rows): for the policy term ∂/∂ℓ = −Â ρ / B where the unclipped term is the maximum (0 where the
/// clipped one is strictly larger), times ∂ℓ/∂z_k = 1[k = a] − p_k; for the entropy
/// −c_H (−p_k (log p_k + H)) / B; for the value c_V (v − R) / B, or through the clipped branch
/// c_V (v_clip − R) 1[|v − v₀| < ε] / B when that branch is strictly larger.
public enum ProximalPolicyOptimisation {
  /// Hyperparameters; the defaults are the released code's `Config` (notes §3.1: CleanRL's settings).
  public struct Hyperparameters: Sendable, Equatable {
    public var learningRate = 2.5e-4
    public var annealLearningRate = true
    public var adamEpsilon = 1e-5
    public var gamma = 0.99
    public var lambda = 0.95
    public var minibatchSize = 128
    public var epochs = 4
    public var normaliseAdvantages = true
    public var clip = 0.2
    public var clipValueLoss = true
    public var entropyCoefficient = 0.01
    public var valueCoefficient = 0.5
    public var maxGradientNorm = 0.5
    public init() {}
  }

  /// One minibatch of samples for ``loss(outputs:minibatch:hyperparameters:)``.
  public struct Minibatch: Sendable {
    public var actions: [Int]
    public var oldLogProbabilities: [Double]
    public var oldValues: [Double]
    /// Advantages as used (already normalised if the hyperparameters ask for it).
    public var advantages: [Double]
    public var returns: [Double]
    public init(actions: [Int], oldLogProbabilities: [Double], oldValues: [Double], advantages: [Double], returns: [Double]) {
      self.actions = actions
      self.oldLogProbabilities = oldLogProbabilities
      self.oldValues = oldValues
      self.advantages = advantages
      self.returns = returns
    }
  }

  /// The terms of the loss on one minibatch.
  public struct Terms: Sendable, Equatable {
    public var total = 0.0
    public var policy = 0.0
    public var value = 0.0
    public var entropy = 0.0
    /// The fraction of samples where the clipped policy term was active.
    public var clipFraction = 0.0
  }

  /// L and ∂L/∂outputs for `outputs` (B rows of `actionCount` logits then a value).
  public static func loss(
    outputs: [Double], actionCount: Int, minibatch: Minibatch, hyperparameters h: Hyperparameters
  ) -> (terms: Terms, outputGradient: [Double]) {
    let b = minibatch.actions.count, width = actionCount + 1
    precondition(outputs.count == b * width, "ProximalPolicyOptimisation.loss: \(outputs.count) outputs for \(b) rows of \(width)")
    var terms = Terms()
    var gradient = [Double](repeating: 0, count: outputs.count)
    var logp = [Double](repeating: 0, count: actionCount)
    let scale = 1 / Double(b)
    outputs.withUnsafeBufferPointer { out in
      logp.withUnsafeMutableBufferPointer { lp in
        for r in 0..<b {
          CategoricalPolicy.logSoftmax(UnsafeBufferPointer(rebasing: out[(r * width)..<(r * width + actionCount)]), into: lp)
          let a = minibatch.actions[r], advantage = minibatch.advantages[r]
          let ratio = exp(lp[a] - minibatch.oldLogProbabilities[r])
          let unclipped = -advantage * ratio
          let clipped = -advantage * min(max(ratio, 1 - h.clip), 1 + h.clip)
          terms.policy += max(unclipped, clipped) * scale
          if clipped > unclipped { terms.clipFraction += scale }
          let dLogp = clipped > unclipped ? 0 : -advantage * ratio * scale
          let entropy = CategoricalPolicy.entropy(UnsafeBufferPointer(lp))
          terms.entropy += entropy * scale
          for k in 0..<actionCount {
            let p = exp(lp[k])
            let dEntropy = -p * (lp[k] + entropy)
            gradient[r * width + k] = dLogp * ((k == a ? 1 : 0) - p) - h.entropyCoefficient * dEntropy * scale
          }
          let (value, dValue) = valueLoss(
            out[r * width + actionCount], old: minibatch.oldValues[r], target: minibatch.returns[r], clip: h.clipValueLoss ? h.clip : nil)
          terms.value += value * scale
          gradient[r * width + actionCount] = h.valueCoefficient * dValue * scale
        }
      }
    }
    terms.total = terms.policy - h.entropyCoefficient * terms.entropy + h.valueCoefficient * terms.value
    return (terms, gradient)
  }

  /// ½ max((v − R)², (v_clip − R)²) with v_clip = v₀ + clip(v − v₀, −ε, ε) (or ½ (v − R)² without a
  /// clip), and its derivative in v.
  @inlinable
  static func valueLoss(_ v: Double, old: Double, target: Double, clip: Double?) -> (loss: Double, derivative: Double) {
    let u = v - target
    guard let clip else { return (0.5 * u * u, u) }
    let step = v - old
    let vClipped = old + min(max(step, -clip), clip)
    let c = vClipped - target
    if c * c > u * u { return (0.5 * c * c, abs(step) < clip ? c : 0) }
    return (0.5 * u * u, u)
  }

  /// Scales `gradient` so that its Euclidean norm is at most `maximum` (PyTorch's
  /// `clip_grad_norm_`: factor max/(‖g‖ + 10⁻⁶) when below 1); returns the norm before clipping.
  @discardableResult
  public static func clipNorm(_ gradient: inout [Double], maximum: Double) -> Double {
    var sum = 0.0
    for g in gradient { sum += g * g }
    let norm = sum.squareRoot()
    let factor = maximum / (norm + 1e-6)
    if factor < 1 { for k in gradient.indices { gradient[k] *= factor } }
    return norm
  }
}
