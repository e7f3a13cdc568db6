import Foundation

/// A categorical (softmax) distribution over actions given by a row of logits z:
/// p_k = exp(z_k − m) / Σ_j exp(z_j − m) with m = max_j z_j (the usual shift, for overflow),
/// log p_k = z_k − m − log Σ_j exp(z_j − m), entropy H = −Σ_k p_k log p_k.
///
/// Derivatives with respect to the logits (used by ``ProximalPolicyOptimisation``):
/// ∂ log p_a / ∂z_k = 1[k = a] − p_k, and ∂H / ∂z_k = −p_k (log p_k + H).
public enum CategoricalPolicy {
  /// Writes log p into `logProbabilities` (same count as `logits`).
  @inlinable
  public static func logSoftmax(_ logits: UnsafeBufferPointer<Double>, into logProbabilities: UnsafeMutableBufferPointer<Double>) {
    var m = -Double.infinity
    for z in logits where z > m { m = z }
    var sum = 0.0
    for z in logits { sum += exp(z - m) }
    let shift = m + log(sum)
    for k in 0..<logits.count { logProbabilities[k] = logits[k] - shift }
  }

  /// log p of every action, for a row of logits.
  public static func logProbabilities(_ logits: [Double]) -> [Double] {
    var out = [Double](repeating: 0, count: logits.count)
    logits.withUnsafeBufferPointer { z in out.withUnsafeMutableBufferPointer { logSoftmax(z, into: $0) } }
    return out
  }

  /// The entropy −Σ p log p from log-probabilities.
  @inlinable
  public static func entropy(_ logProbabilities: UnsafeBufferPointer<Double>) -> Double {
    var h = 0.0
    for l in logProbabilities { h -= exp(l) * l }
    return h
  }

  /// An action drawn with probabilities exp(log p) by inversion of one uniform draw u ∈ [0, 1).
  @inlinable
  public static func sample(_ logProbabilities: UnsafeBufferPointer<Double>, uniform u: Double) -> Int {
    var cumulative = 0.0
    for k in 0..<logProbabilities.count {
      cumulative += exp(logProbabilities[k])
      if u < cumulative { return k }
    }
    return logProbabilities.count - 1
  }
}
