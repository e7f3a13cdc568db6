/// A fully connected network: hidden layers with biases and Leaky ReLU, a linear output layer, evaluated
/// and differentiated (reverse mode by hand) on a whole minibatch at once through matrix products.
///
/// - **Parameters** are one contiguous buffer, layer after layer: each layer's weight matrix W (rows =
///   outputs, row-major, PyTorch's `nn.Linear` layout) followed by its biases b; an optimiser such as
///   ``Adam`` sees one vector.
/// - **Initialisation** is PyTorch's default for `nn.Linear`: weights and biases uniform on
///   [−1/√fan_in, 1/√fan_in], drawn in buffer order.
/// - **Minibatches** are row-major `rows × width` matrices, one example per row. Layer l computes
///   Z = A·Wᵀ + 1·bᵀ, then A' = LeakyReLU(Z) = max(Z, s·Z) for hidden layers (s = the slope).
/// - **Reverse mode:** from G = ∂L/∂A' of a layer, ∂L/∂Z = G ⊙ (Z > 0 ? 1 : s), ∂L/∂W = (∂L/∂Z)ᵀ·A,
///   ∂L/∂b = the column sums of ∂L/∂Z, and ∂L/∂A = (∂L/∂Z)·W.
///
/// The three products per layer go through ``MatrixProduct`` (OpenBLAS, single-threaded).
public struct DenseNetwork: Sendable, Equatable {
  /// Input size, hidden sizes, output size.
  public let layerSizes: [Int]
  /// The slope of Leaky ReLU for negative inputs (PyTorch's default 0.01).
  public let leakySlope: Double
  /// All weights and biases, contiguous (see the type's documentation for the layout).
  public var parameters: [Double]
  /// Where each layer's weights and biases start in ``parameters``.
  let weightOffsets: [Int]
  let biasOffsets: [Int]

  public var inputSize: Int { layerSizes[0] }
  public var outputSize: Int { layerSizes[layerSizes.count - 1] }
  public var parameterCount: Int { parameters.count }

  /// The number of parameters of a network with these layer sizes: Σ (nₗ + 1)·nₗ₊₁.
  public static func parameterCount(_ layerSizes: [Int]) -> Int {
    zip(layerSizes, layerSizes.dropFirst()).reduce(0) { $0 + ($1.0 + 1) * $1.1 }
  }

  /// Multiply-adds of one forward pass per input row: Σ nₗ·nₗ₊₁ (the matrix products; biases and
  /// activations are linear in the outputs and left out). The scaling experiment's counted work.
  public static func forwardMultiplyAdds(_ layerSizes: [Int]) -> Int {
    zip(layerSizes, layerSizes.dropFirst()).reduce(0) { $0 + $1.0 * $1.1 }
  }

  /// Multiply-adds of ``accumulateParameterGradient(_:outputGradient:into:threads:)`` per input row: one
  /// nₗ·nₗ₊₁ product for every layer's ∂L/∂W, and one more for ∂L/∂A of every layer but the first.
  public static func parameterGradientMultiplyAdds(_ layerSizes: [Int]) -> Int {
    2 * forwardMultiplyAdds(layerSizes) - layerSizes[0] * layerSizes[1]
  }

  /// A freshly initialised network.
  ///
  /// - Throws: ``LabError/invalidInput(place:problem:)`` unless there are at least two sizes, all positive,
  ///   and the slope is finite and non-negative.
  public init(layerSizes: [Int], leakySlope: Double = 0.01, random: Random) throws {
    try self.init(layerSizes: layerSizes, leakySlope: leakySlope, parameters: nil)
    for l in 0..<(layerSizes.count - 1) {
      let bound = 1 / Double(layerSizes[l]).squareRoot()
      let end = biasOffsets[l] + layerSizes[l + 1]
      for k in weightOffsets[l]..<end { parameters[k] = random.uniform(in: -bound..<bound) }
    }
  }

  /// A network with the given parameters (in the layout of ``parameters``).
  ///
  /// - Throws: ``LabError/invalidInput(place:problem:)`` for bad sizes or slope, or a parameter count that
  ///   does not match the sizes.
  public init(layerSizes: [Int], leakySlope: Double = 0.01, parameters: [Double]?) throws {
    guard layerSizes.count >= 2, layerSizes.allSatisfy({ $0 > 0 }) else {
      throw LabError.invalidInput(place: "network", problem: "layer sizes \(layerSizes) need an input and an output size, all positive")
    }
    guard leakySlope.isFinite, leakySlope >= 0 else {
      throw LabError.invalidInput(place: "network", problem: "the Leaky ReLU slope must be finite and non-negative, got \(leakySlope)")
    }
    let count = Self.parameterCount(layerSizes)
    if let parameters, parameters.count != count {
      throw LabError.invalidInput(place: "network", problem: "layer sizes \(layerSizes) need \(count) parameters, got \(parameters.count)")
    }
    self.layerSizes = layerSizes
    self.leakySlope = leakySlope
    var weights: [Int] = []
    var biases: [Int] = []
    var offset = 0
    for l in 0..<(layerSizes.count - 1) {
      weights.append(offset)
      biases.append(offset + layerSizes[l] * layerSizes[l + 1])
      offset += (layerSizes[l] + 1) * layerSizes[l + 1]
    }
    weightOffsets = weights
    biasOffsets = biases
    self.parameters = parameters ?? [Double](repeating: 0, count: count)
  }

  /// The activations of one forward pass over a minibatch: `activations[0]` is the input, `activations[l]`
  /// the output of layer l (after Leaky ReLU for hidden layers); the last is the network's output.
  public struct Pass: Sendable {
    public let rows: Int
    public let activations: [[Double]]
    /// The input when it was given as ``BinaryRows`` (`activations[0]` is then empty).
    public var binaryInput: BinaryRows? = nil
    /// The network's outputs, `rows × outputSize`, row-major.
    public var output: [Double] { activations[activations.count - 1] }
  }

  /// The network on a minibatch of `rows` inputs (row-major, `rows × inputSize`); `threads` splits
  /// the products' rows (the bytes do not depend on it, ``MatrixProduct``).
  public func forward(_ input: [Double], rows: Int, threads: Int = 1) -> Pass {
    precondition(input.count == rows * inputSize, "DenseNetwork.forward: \(input.count) numbers for \(rows) inputs of \(inputSize)")
    var activations = [input]
    activations.reserveCapacity(layerSizes.count)
    forwardLayers(from: 0, &activations, rows: rows, threads: threads)
    return Pass(rows: rows, activations: activations)
  }

  /// Layers `first` … last on `activations[first]`, appending their outputs to `activations`.
  func forwardLayers(from first: Int, _ activations: inout [[Double]], rows: Int, threads: Int) {
    let last = layerSizes.count - 2
    guard first <= last else { return }
    for l in first...last {
      let (n, m) = (layerSizes[l], layerSizes[l + 1])
      var out = [Double](repeating: 0, count: rows * m)
      parameters.withUnsafeBufferPointer { p in
        activations[l].withUnsafeBufferPointer { a in
          out.withUnsafeMutableBufferPointer { z in
            for r in 0..<rows { (z.baseAddress! + r * m).update(from: p.baseAddress! + biasOffsets[l], count: m) }
            MatrixProduct.multiply(
              transposeA: false, transposeB: true, rows: rows, columns: m, inner: n, a.baseAddress!, lda: n,
              p.baseAddress! + weightOffsets[l], ldb: n, beta: 1, z.baseAddress!, ldc: m, threads: threads)
            if l < last {
              // A select, not a branch: the signs are random, and a branch per element mispredicts half
              // the time (it cost more than the products at the paper's sizes, issue 15).
              let slope = leakySlope
              for k in 0..<(rows * m) {
                let v = z[k]
                z[k] = v < 0 ? v * slope : v
              }
            }
          }
        }
      }
      activations.append(out)
    }
  }

  /// Reverse mode: given ∂L/∂output (`rows × outputSize`) for `pass`, adds ∂L/∂parameters to `gradient`
  /// (the layout of ``parameters``) and returns ∂L/∂input (`rows × inputSize`).
  @discardableResult
  public func backward(_ pass: Pass, outputGradient: [Double], accumulatingInto gradient: inout [Double]) -> [Double] {
    precondition(gradient.count == parameterCount, "DenseNetwork.backward: the gradient buffer has the wrong size")
    return gradient.withUnsafeMutableBufferPointer { g in backward(pass, outputGradient: outputGradient, parameterGradient: g.baseAddress) }
  }

  /// Reverse mode to the parameters only: adds ∂L/∂parameters to `gradient`, skipping the first layer's
  /// product for ∂L/∂input (a third of that layer's backward cost; the learners' common case).
  public func accumulateParameterGradient(_ pass: Pass, outputGradient: [Double], into gradient: inout [Double], threads: Int = 1) {
    precondition(gradient.count == parameterCount, "DenseNetwork.backward: the gradient buffer has the wrong size")
    gradient.withUnsafeMutableBufferPointer { g in
      _ = backward(pass, outputGradient: outputGradient, parameterGradient: g.baseAddress, inputGradient: false, threads: threads)
    }
  }

  /// Reverse mode to the input only: ∂L/∂input for ∂L/∂output, the parameters held fixed.
  public func inputGradient(_ pass: Pass, outputGradient: [Double]) -> [Double] {
    backward(pass, outputGradient: outputGradient, parameterGradient: nil)
  }

  private func backward(
    _ pass: Pass, outputGradient: [Double], parameterGradient: UnsafeMutablePointer<Double>?, inputGradient: Bool = true, threads: Int = 1
  ) -> [Double] {
    let rows = pass.rows
    precondition(
      outputGradient.count == rows * outputSize, "DenseNetwork.backward: \(outputGradient.count) numbers for \(rows) outputs of \(outputSize)")
    var upstream = outputGradient
    let last = layerSizes.count - 2
    for l in stride(from: last, through: 0, by: -1) {
      let (n, m) = (layerSizes[l], layerSizes[l + 1])
      if l < last {
        // Through Leaky ReLU: its output has the sign of its input (slope ≥ 0).
        let slope = leakySlope
        pass.activations[l + 1].withUnsafeBufferPointer { z in
          upstream.withUnsafeMutableBufferPointer { u in
            for k in 0..<(rows * m) {
              let v = u[k]
              u[k] = z[k] > 0 ? v : v * slope
            }
          }
        }
      }
      let skipInput = l == 0 && (!inputGradient || pass.binaryInput != nil)
      var downstream = [Double](repeating: 0, count: skipInput ? 0 : rows * n)
      parameters.withUnsafeBufferPointer { p in
        pass.activations[l].withUnsafeBufferPointer { a in
          upstream.withUnsafeBufferPointer { u in
            if let grad = parameterGradient, l == 0, let binary = pass.binaryInput {
              Self.accumulateBinaryWeightGradient(binary, upstream: u.baseAddress!, outputs: m, into: grad + weightOffsets[l], threads: threads)
              let biases = grad + biasOffsets[l]
              for r in 0..<rows { for o in 0..<m { biases[o] += u[r * m + o] } }
            } else if let grad = parameterGradient {
              MatrixProduct.multiply(
                transposeA: true, transposeB: false, rows: m, columns: n, inner: rows, u.baseAddress!, lda: m, a.baseAddress!, ldb: n,
                beta: 1, grad + weightOffsets[l], ldc: n, threads: threads)
              let biases = grad + biasOffsets[l]
              for r in 0..<rows { for o in 0..<m { biases[o] += u[r * m + o] } }
            }
            if !skipInput {
              downstream.withUnsafeMutableBufferPointer { d in
                MatrixProduct.multiply(
                  transposeA: false, transposeB: false, rows: rows, columns: n, inner: m, u.baseAddress!, lda: m,
                  p.baseAddress! + weightOffsets[l], ldb: n, beta: 0, d.baseAddress!, ldc: n, threads: threads)
              }
            }
          }
        }
      }
      upstream = downstream
    }
    return upstream
  }
}
