import Foundation
import Testing

@testable import LabKit

/// The dense network's forward pass against a hand computation, and its reverse mode against the hand
/// computation and against central finite differences.
@Suite struct DenseNetworkTests {
  /// The 2-2-1 network W₁ = [[1, −2], [0.5, 1]], b₁ = (0, −1), W₂ = [[2, 3]], b₂ = 0.5, Leaky ReLU slope 0.1.
  static func handNetwork() throws -> DenseNetwork {
    try DenseNetwork(layerSizes: [2, 2, 1], leakySlope: 0.1, parameters: [1, -2, 0.5, 1, 0, -1, 2, 3, 0.5])
  }

  @Test func forwardMatchesTheHandComputation() throws {
    // x = (1, 1): Z₁ = (−1, 0.5), A₁ = (−0.1, 0.5), output 2·(−0.1) + 3·0.5 + 0.5 = 1.8.
    // x = (2, 0): Z₁ = (2, 0), A₁ = (2, 0), output 4 + 0 + 0.5 = 4.5.
    let pass = try Self.handNetwork().forward([1, 1, 2, 0], rows: 2)
    #expect(abs(pass.output[0] - 1.8) < 1e-15)
    #expect(abs(pass.output[1] - 4.5) < 1e-15)
    #expect(pass.activations[1] == [-0.1, 0.5, 2, 0])
  }

  @Test func backwardMatchesTheHandComputation() throws {
    // At x = (1, 1) with ∂L/∂output = 1: ∂L/∂W₂ = A₁ = (−0.1, 0.5), ∂L/∂b₂ = 1, ∂L/∂A₁ = (2, 3),
    // ∂L/∂Z₁ = (0.2, 3), ∂L/∂W₁ = [[0.2, 0.2], [3, 3]], ∂L/∂b₁ = (0.2, 3), ∂L/∂x = 0.2·(1, −2) + 3·(0.5, 1) = (1.7, 2.6).
    let network = try Self.handNetwork()
    var gradient = [Double](repeating: 0, count: network.parameterCount)
    let inputGradient = network.backward(network.forward([1, 1], rows: 1), outputGradient: [1], accumulatingInto: &gradient)
    let expected = [0.2, 0.2, 3, 3, 0.2, 3, -0.1, 0.5, 1]
    #expect(zip(gradient, expected).allSatisfy { abs($0 - $1) < 1e-14 })
    #expect(abs(inputGradient[0] - 1.7) < 1e-14 && abs(inputGradient[1] - 2.6) < 1e-14)
    #expect(network.inputGradient(network.forward([1, 1], rows: 1), outputGradient: [1]) == inputGradient)
  }

  /// The largest |analytic − numerical| relative to the largest |analytic|.
  static func relativeError(_ analytic: [Double], _ numerical: [Double]) -> Double {
    let scale = max(analytic.map(abs).max() ?? 0, 1e-8)
    return zip(analytic, numerical).map { abs($0 - $1) }.max()! / scale
  }

  @Test(arguments: [[4, 6, 5, 3], [11, 100, 50, 50, 10]])
  func gradientsMatchFiniteDifferences(_ sizes: [Int]) throws {
    let random = Random(seed: 3)
    let network = try DenseNetwork(layerSizes: sizes, leakySlope: 0.1, random: random)
    let rows = 5
    let input = (0..<(rows * sizes[0])).map { _ in random.gaussian() }
    let weights = (0..<(rows * sizes[sizes.count - 1])).map { _ in random.gaussian() }
    // L = Σ weights ⊙ output.
    func loss(_ net: DenseNetwork, _ x: [Double]) -> Double {
      zip(net.forward(x, rows: rows).output, weights).reduce(0) { $0 + $1.0 * $1.1 }
    }
    var gradient = [Double](repeating: 0, count: network.parameterCount)
    let inputGradient = network.backward(network.forward(input, rows: rows), outputGradient: weights, accumulatingInto: &gradient)
    let h = 1e-6
    // Every parameter of the small network; every 37th of the paper-size one.
    let checked = stride(from: 0, to: network.parameterCount, by: network.parameterCount > 1000 ? 37 : 1).map { $0 }
    let numerical = checked.map { k -> Double in
      var plus = network, minus = network
      plus.parameters[k] += h
      minus.parameters[k] -= h
      return (loss(plus, input) - loss(minus, input)) / (2 * h)
    }
    #expect(Self.relativeError(checked.map { gradient[$0] }, numerical) < 1e-6)
    let numericalInput = input.indices.map { k -> Double in
      var plus = input, minus = input
      plus[k] += h
      minus[k] -= h
      return (loss(network, plus) - loss(network, minus)) / (2 * h)
    }
    #expect(Self.relativeError(inputGradient, numericalInput) < 1e-6)
    #expect(network.parameterCount == DenseNetwork.parameterCount(sizes))
  }

  @Test func aMinibatchEqualsItsRowsOneByOne() throws {
    let random = Random(seed: 5)
    let network = try DenseNetwork(layerSizes: [3, 8, 2], random: random)
    let input = (0..<12).map { _ in random.gaussian() }
    let batched = network.forward(input, rows: 4).output
    let single = (0..<4).flatMap { r in network.forward(Array(input[(r * 3)..<(r * 3 + 3)]), rows: 1).output }
    #expect(zip(batched, single).allSatisfy { abs($0 - $1) < 1e-14 })
  }

  @Test func badShapesAreRefused() {
    #expect(throws: LabError.self) { try DenseNetwork(layerSizes: [3], random: Random(seed: 1)) }
    #expect(throws: LabError.self) { try DenseNetwork(layerSizes: [3, 0, 2], random: Random(seed: 1)) }
    #expect(throws: LabError.self) { try DenseNetwork(layerSizes: [3, 2], leakySlope: -1, random: Random(seed: 1)) }
    #expect(throws: LabError.self) { try DenseNetwork(layerSizes: [3, 2], parameters: [1, 2]) }
  }
}

/// Adam against its closed form.
@Suite struct AdamTests {
  @Test func theFirstStepMovesEachParameterByTheLearningRateAgainstItsGradientSign() {
    // t = 1: m̂ = g, v̂ = g², so θ ← θ − α·g/(|g| + ε).
    var adam = Adam(parameterCount: 3, learningRate: 0.01)
    var theta = [1.0, 2.0, 3.0]
    let g = [0.5, -4.0, 0.0]
    adam.descend(&theta, gradient: g)
    #expect(abs(theta[0] - (1 - 0.01 * 0.5 / (0.5 + 1e-8))) < 1e-15)
    #expect(abs(theta[1] - (2 + 0.01 * 4 / (4 + 1e-8))) < 1e-15)
    #expect(theta[2] == 3)
    var up = Adam(parameterCount: 3, learningRate: 0.01)
    var thetaUp = [1.0, 2.0, 3.0]
    up.ascend(&thetaUp, gradient: g.map { -$0 })
    #expect(thetaUp == theta)
  }

  @Test func theVectorLoopGivesTheBytesOfTheScalarUpdate() {
    // 11 parameters: two groups of four through the vector loop and a tail of three through the scalar
    // one; every parameter must match the textbook update computed here one by one, for 6 steps with
    // gradients of mixed signs and sizes (and a zero), in both directions.
    let random = Random(seed: 17)
    let count = 11
    for sign in [1.0, -1.0] {
      var adam = Adam(parameterCount: count, learningRate: 0.003)
      var theta = (0..<count).map { _ in random.uniform(in: -1..<1) }
      var (m, v) = ([Double](repeating: 0, count: count), [Double](repeating: 0, count: count))
      var expected = theta
      var uncorrected = theta
      for t in 1...6 {
        var g = (0..<count).map { k in random.gaussian() * Double(k + 1) }
        g[t] = 0
        if sign > 0 { adam.descend(&theta, gradient: g) } else { adam.ascend(&theta, gradient: g) }
        let c1 = 1 - pow(0.9, Double(t)), c2 = 1 - pow(0.999, Double(t))
        for k in 0..<count {
          let gk = sign * g[k]
          m[k] = 0.9 * m[k] + (1 - 0.9) * gk
          v[k] = 0.999 * v[k] + (1 - 0.999) * gk * gk
          expected[k] -= 0.003 * (m[k] / c1) / ((v[k] / c2).squareRoot() + 1e-8)
          uncorrected[k] -= 0.003 * m[k] / (v[k].squareRoot() + 1e-8)
        }
        #expect(theta == expected, "step \(t), sign \(sign)")
      }
      // Negative control: the same reference without the bias corrections disagrees.
      #expect(theta != uncorrected)
    }
  }

  @Test func aConstantGradientKeepsTheStepAtTheLearningRate() {
    // With g constant, m̂ = g and v̂ = g² at every t (the bias corrections are exact), so each step is α·sign(g).
    var adam = Adam(parameterCount: 1, learningRate: 0.1, epsilon: 0)
    var theta = [0.0]
    for _ in 0..<10 { adam.descend(&theta, gradient: [2]) }
    #expect(abs(theta[0] - -1.0) < 1e-12)
    #expect(adam.steps == 10)
  }
}
