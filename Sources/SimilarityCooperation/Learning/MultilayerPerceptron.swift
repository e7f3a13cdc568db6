import Foundation
import LabKit

// MARK: - Candidate to move to LabKit (a small numerical-learning toolbox): a dense network with
// hand-written reverse mode and the Adam optimiser. Written here, in plain Swift, because the package
// may take no new dependency and the networks are small (thousands of parameters), so simple loops
// over contiguous arrays are fast enough; GSL's BLAS is not exposed by the CGSL module map (its shim
// includes no BLAS header), and its reference CBLAS would not be faster at these sizes.

/// A fully connected network: hidden layers with biases and Leaky ReLU, a linear output layer. The
/// notes (§5.1) quote the paper's policies as "three fully connected hidden layers of dimensions 100,
/// 50 and 50 with biases and Leaky ReLU"; the output layer is not stated and is linear here.
///
/// Parameters are one flat array, layer after layer, each layer's weight matrix (rows = outputs,
/// row-major) followed by its biases, so the optimiser sees one vector. Initialisation is PyTorch's
/// default for `nn.Linear`: weights and biases uniform on [−1/√fan_in, 1/√fan_in].
///
/// Batches are row-major matrices (one row per example). ``forward(_:batch:)`` keeps every layer's
/// activations; ``backward(_:outputGradient:parameterGradient:)`` then accumulates the parameter
/// gradient and returns the gradient with respect to the input (reverse mode by hand).
struct MultilayerPerceptron: Sendable, Equatable {
  /// Input size, hidden sizes, output size.
  let layerSizes: [Int]
  /// The slope of Leaky ReLU for negative inputs (PyTorch's default 0.01).
  let leakySlope: Double
  /// All weights and biases, flat.
  var parameters: [Double]
  /// Where each layer's weights and biases start in ``parameters``.
  let offsets: [(weights: Int, biases: Int)]

  var inputSize: Int { layerSizes[0] }
  var outputSize: Int { layerSizes[layerSizes.count - 1] }
  var parameterCount: Int { parameters.count }

  /// A freshly initialised network.
  ///
  /// - Throws: ``LabError/invalidInput(place:problem:)`` unless there are at least two sizes, all positive,
  ///   and the slope is finite and non-negative.
  init(layerSizes: [Int], leakySlope: Double = 0.01, random: Random) throws {
    guard layerSizes.count >= 2, layerSizes.allSatisfy({ $0 > 0 }) else {
      throw LabError.invalidInput(place: "network", problem: "layer sizes \(layerSizes) need an input and an output size, all positive")
    }
    guard leakySlope.isFinite, leakySlope >= 0 else {
      throw LabError.invalidInput(place: "network", problem: "the Leaky ReLU slope must be finite and non-negative, got \(leakySlope)")
    }
    self.layerSizes = layerSizes
    self.leakySlope = leakySlope
    var offsets: [(Int, Int)] = []
    var count = 0
    for l in 0..<(layerSizes.count - 1) {
      offsets.append((count, count + layerSizes[l] * layerSizes[l + 1]))
      count += (layerSizes[l] + 1) * layerSizes[l + 1]
    }
    self.offsets = offsets
    var parameters = [Double](repeating: 0, count: count)
    for l in 0..<(layerSizes.count - 1) {
      let bound = 1 / Double(layerSizes[l]).squareRoot()
      let end = l + 1 < offsets.count ? offsets[l + 1].0 : count
      for k in offsets[l].0..<end { parameters[k] = random.uniform(in: -bound..<bound) }
    }
    self.parameters = parameters
  }

  static func == (a: MultilayerPerceptron, b: MultilayerPerceptron) -> Bool {
    a.layerSizes == b.layerSizes && a.leakySlope == b.leakySlope && a.parameters == b.parameters
  }

  /// The activations of one forward pass: `values[0]` is the input, `values[l]` the output of layer l
  /// (after Leaky ReLU for hidden layers); the last is the network's output.
  struct ForwardPass: Sendable {
    let batch: Int
    var values: [[Double]]
    var output: [Double] { values[values.count - 1] }
  }

  /// The network on a batch of `batch` inputs (row-major, `batch × inputSize`).
  func forward(_ input: [Double], batch: Int) -> ForwardPass {
    precondition(input.count == batch * inputSize, "MultilayerPerceptron.forward: \(input.count) numbers for \(batch) inputs of \(inputSize)")
    var values = [input]
    values.reserveCapacity(layerSizes.count)
    let last = layerSizes.count - 2
    parameters.withUnsafeBufferPointer { p in
      for l in 0...last {
        let (n, m) = (layerSizes[l], layerSizes[l + 1])
        var out = [Double](repeating: 0, count: batch * m)
        let (w0, b0) = offsets[l]
        values[l].withUnsafeBufferPointer { a in
          out.withUnsafeMutableBufferPointer { z in
            for r in 0..<batch {
              let row = a.baseAddress! + r * n
              for o in 0..<m {
                let weights = p.baseAddress! + w0 + o * n
                var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
                var i = 0
                while i + 4 <= n {
                  s0 += row[i] * weights[i]
                  s1 += row[i + 1] * weights[i + 1]
                  s2 += row[i + 2] * weights[i + 2]
                  s3 += row[i + 3] * weights[i + 3]
                  i += 4
                }
                while i < n {
                  s0 += row[i] * weights[i]
                  i += 1
                }
                var v = p[b0 + o] + ((s0 + s1) + (s2 + s3))
                if l < last && v < 0 { v *= leakySlope }
                z[r * m + o] = v
              }
            }
          }
        }
        values.append(out)
      }
    }
    return ForwardPass(batch: batch, values: values)
  }

  /// Reverse mode: given ∂L/∂output (`batch × outputSize`) for the pass, adds ∂L/∂parameters to
  /// `parameterGradient` (when given; same layout as ``parameters``) and returns ∂L/∂input.
  @discardableResult
  func backward(_ pass: ForwardPass, outputGradient: [Double], parameterGradient: UnsafeMutablePointer<Double>?) -> [Double] {
    let batch = pass.batch
    precondition(outputGradient.count == batch * outputSize, "MultilayerPerceptron.backward: gradient has the wrong size")
    var upstream = outputGradient
    let last = layerSizes.count - 2
    parameters.withUnsafeBufferPointer { p in
      for l in stride(from: last, through: 0, by: -1) {
        let (n, m) = (layerSizes[l], layerSizes[l + 1])
        let (w0, b0) = offsets[l]
        // Through the activation of a hidden layer: its output has the sign of its input (slope ≥ 0).
        if l < last {
          pass.values[l + 1].withUnsafeBufferPointer { z in
            upstream.withUnsafeMutableBufferPointer { g in
              for k in 0..<(batch * m) where !(z[k] > 0) { g[k] *= leakySlope }
            }
          }
        }
        var downstream = [Double](repeating: 0, count: batch * n)
        pass.values[l].withUnsafeBufferPointer { a in
          upstream.withUnsafeBufferPointer { g in
            downstream.withUnsafeMutableBufferPointer { d in
              for r in 0..<batch {
                let row = a.baseAddress! + r * n
                let back = d.baseAddress! + r * n
                for o in 0..<m {
                  let go = g[r * m + o]
                  if go == 0 { continue }
                  let weights = p.baseAddress! + w0 + o * n
                  if let grad = parameterGradient {
                    let gw = grad + w0 + o * n
                    for i in 0..<n { gw[i] += go * row[i] }
                    grad[b0 + o] += go
                  }
                  for i in 0..<n { back[i] += go * weights[i] }
                }
              }
            }
          }
        }
        upstream = downstream
      }
    }
    return upstream
  }
}

/// The Adam optimiser (Kingma and Ba 2015, Algorithm 1) with PyTorch's defaults β₁ = 0.9, β₂ = 0.999,
/// ε = 1e-8, minimising: ``step(_:gradient:)`` moves the parameters against the gradient.
struct AdamOptimiser: Sendable {
  let learningRate: Double
  let beta1: Double
  let beta2: Double
  let epsilon: Double
  var firstMoment: [Double]
  var secondMoment: [Double]
  private(set) var steps = 0

  init(parameterCount: Int, learningRate: Double, beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8) {
    self.learningRate = learningRate
    self.beta1 = beta1
    self.beta2 = beta2
    self.epsilon = epsilon
    firstMoment = [Double](repeating: 0, count: parameterCount)
    secondMoment = [Double](repeating: 0, count: parameterCount)
  }

  /// One update: m ← β₁m + (1 − β₁)g, v ← β₂v + (1 − β₂)g², θ ← θ − α m̂ / (√v̂ + ε) with the bias-corrected
  /// moments m̂ = m / (1 − β₁ᵗ), v̂ = v / (1 − β₂ᵗ).
  mutating func step(_ parameters: inout [Double], gradient: [Double]) {
    precondition(parameters.count == gradient.count && gradient.count == firstMoment.count, "AdamOptimiser: size mismatch")
    steps += 1
    let c1 = 1 - pow(beta1, Double(steps))
    let c2 = 1 - pow(beta2, Double(steps))
    for k in parameters.indices {
      let g = gradient[k]
      firstMoment[k] = beta1 * firstMoment[k] + (1 - beta1) * g
      secondMoment[k] = beta2 * secondMoment[k] + (1 - beta2) * g * g
      parameters[k] -= learningRate * (firstMoment[k] / c1) / ((secondMoment[k] / c2).squareRoot() + epsilon)
    }
  }
}
