import Foundation

/// The Adam optimiser (Kingma and Ba 2015, Algorithm 1) over one contiguous parameter buffer, with PyTorch's
/// defaults β₁ = 0.9, β₂ = 0.999, ε = 1e-8. ``descend(_:gradient:)`` minimises, ``ascend(_:gradient:)``
/// maximises (the update with the gradient's sign flipped).
public struct Adam: Sendable {
  /// The step size α (a `var`, so that a schedule such as PPO's linear annealing can change it).
  public var learningRate: Double
  public let beta1: Double
  public let beta2: Double
  public let epsilon: Double
  private var firstMoment: [Double]
  private var secondMoment: [Double]
  /// Updates so far (t of the bias corrections).
  public private(set) var steps = 0

  public init(parameterCount: Int, learningRate: Double, beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8) {
    self.learningRate = learningRate
    self.beta1 = beta1
    self.beta2 = beta2
    self.epsilon = epsilon
    firstMoment = [Double](repeating: 0, count: parameterCount)
    secondMoment = [Double](repeating: 0, count: parameterCount)
  }

  /// One update against the gradient: m ← β₁m + (1 − β₁)g, v ← β₂v + (1 − β₂)g², θ ← θ − α m̂ / (√v̂ + ε),
  /// with the bias-corrected moments m̂ = m / (1 − β₁ᵗ), v̂ = v / (1 − β₂ᵗ).
  public mutating func descend(_ parameters: inout [Double], gradient: [Double]) {
    update(&parameters, gradient: gradient, sign: 1)
  }

  /// One update along the gradient (Adam on −g).
  public mutating func ascend(_ parameters: inout [Double], gradient: [Double]) {
    update(&parameters, gradient: gradient, sign: -1)
  }

  private static func load(_ p: UnsafePointer<Double>) -> SIMD4<Double> {
    UnsafeRawPointer(p).loadUnaligned(as: SIMD4<Double>.self)
  }

  private static func store(_ x: SIMD4<Double>, _ p: UnsafeMutablePointer<Double>) {
    UnsafeMutableRawPointer(p).storeBytes(of: x, as: SIMD4<Double>.self)
  }

  private mutating func update(_ parameters: inout [Double], gradient: [Double], sign: Double) {
    precondition(parameters.count == gradient.count && gradient.count == firstMoment.count, "Adam: size mismatch")
    steps += 1
    let c1 = 1 - pow(beta1, Double(steps))
    let c2 = 1 - pow(beta2, Double(steps))
    let (b1, b2, rate, eps) = (beta1, beta2, learningRate, epsilon)
    parameters.withUnsafeMutableBufferPointer { theta in
      firstMoment.withUnsafeMutableBufferPointer { m in
        secondMoment.withUnsafeMutableBufferPointer { v in
          gradient.withUnsafeBufferPointer { g in
            // Four parameters at a time in SIMD registers (the compiler left the loop scalar), then the
            // rest one by one: every operation is elementwise IEEE arithmetic in the same order, so
            // the bytes are those of the scalar loop.
            let count = theta.count, whole = count / 4 * 4
            var k = 0
            let (gs, ms, vs, ts) = (g.baseAddress!, m.baseAddress!, v.baseAddress!, theta.baseAddress!)
            while k < whole {
              let gk = sign * Self.load(gs + k)
              let mk = b1 * Self.load(ms + k) + (1 - b1) * gk
              let vk = b2 * Self.load(vs + k) + (1 - b2) * gk * gk
              Self.store(mk, ms + k)
              Self.store(vk, vs + k)
              Self.store(Self.load(ts + k) - rate * (mk / c1) / ((vk / c2).squareRoot() + eps), ts + k)
              k += 4
            }
            for k in whole..<count {
              let gk = sign * g[k]
              m[k] = b1 * m[k] + (1 - b1) * gk
              v[k] = b2 * v[k] + (1 - b2) * gk * gk
              theta[k] -= rate * (m[k] / c1) / ((v[k] / c2).squareRoot() + eps)
            }
          }
        }
      }
    }
  }
}
