import Foundation
import LabKit

/// The High-Dimensional Prisoner's Dilemma (HDPD) of the paper's experiments, reconstructed. Publicly
/// known (notes §5.1): it is built from "fixed functions f_C and f_D, an input distribution µ, and a noisy
/// diff mapping"; cooperating and defecting are functions to compute, not buttons. Everything else is
/// this toolkit's choice, stated in the literate document and exposed as parameters:
///
/// - **Inputs.** Each player privately draws x ~ µ = N(0, Iₙ).
/// - **Action functions.** f_D(x) = g(x) − (L/2)·u(x) and f_C(x) = g(x) + (L/2)·u(x) in ℝᵐ, where g and
///   v are fixed random one-hidden-layer tanh networks (``RandomFeatureMap``), u = v/‖v‖ and L = √m, so
///   the segment from f_D(x) to f_C(x) always has length √m (one unit per output coordinate).
/// - **Reading an output.** A policy's output o is projected on that segment: the *cooperation level*
///   c̄ = clip(⟨o − f_D, Δ⟩ / L², 0, 1), with Δ = f_C − f_D, is its probability of cooperating, and the
///   squared distance d² from o to the segment measures how far the output is from any valid action.
/// - **Payoffs** generalise Table 1 (donation form): uᵢ = G·c̄₋ᵢ + 1 − c̄ᵢ − β·dᵢ². At the segment's ends
///   they are exactly Table 1; the penalty β·d² makes "defecting" mean computing f_D, not any output.
/// - **Diff.** On K probe situations (x_k ~ µ, y_k ~ U[0, y_max]) both policies are run; the diff is the
///   root mean square difference of their cooperation levels (``DiffMeasure/cooperation``, default) or
///   of their raw outputs per coordinate (``DiffMeasure/output``). Each player observes diff + Nᵢ with
///   its own noise draw.
/// - **Policies** are ``DenseNetwork``s from (x, y) ∈ ℝⁿ⁺¹ to ℝᵐ.
struct HighDimensionalPrisonersDilemma: Sendable {
  /// What the diff compares between the two policies on the probes.
  enum DiffMeasure: String, Sendable, CaseIterable {
    /// Root mean square difference of the cooperation levels c̄ (what the policies *do*).
    case cooperation
    /// Root mean square difference of the raw outputs, per output coordinate.
    case output
  }

  let inputDimension: Int
  let outputDimension: Int
  /// G of Table 1.
  let gain: Double
  /// β, the price of a squared unit of distance from the action segment.
  let penalty: Double
  /// The noise added to the diff, independently for each player.
  let noise: NoiseDistribution
  let diffMeasure: DiffMeasure
  /// Probe observations are uniform on [0, y_max].
  let probeDiffMax: Double
  let base: RandomFeatureMap
  let direction: RandomFeatureMap

  /// L = √m, the length of the action segment.
  var segmentLength: Double { Double(outputDimension).squareRoot() }
  /// The policies' input size, n + 1 (the input x and the observation y).
  var policyInputSize: Int { inputDimension + 1 }

  /// - Throws: ``LabError/invalidInput(place:problem:)`` for non-positive sizes, a non-finite gain,
  ///   a negative penalty or a non-positive probe range.
  init(
    inputDimension: Int, outputDimension: Int, targetWidth: Int, gain: Double, penalty: Double, noise: NoiseDistribution,
    diffMeasure: DiffMeasure = .cooperation, probeDiffMax: Double = 1, random: Random
  ) throws {
    let place = "high-dimensional prisoner's dilemma"
    guard inputDimension > 0, outputDimension > 0, targetWidth > 0 else {
      throw LabError.invalidInput(
        place: place, problem: "dimensions must be positive (n = \(inputDimension), m = \(outputDimension), width \(targetWidth))")
    }
    guard gain.isFinite, penalty.isFinite, penalty >= 0, probeDiffMax.isFinite, probeDiffMax > 0 else {
      throw LabError.invalidInput(place: place, problem: "G = \(gain), β = \(penalty), y_max = \(probeDiffMax): need finite G, β ≥ 0, y_max > 0")
    }
    self.inputDimension = inputDimension
    self.outputDimension = outputDimension
    self.gain = gain
    self.penalty = penalty
    self.noise = noise
    self.diffMeasure = diffMeasure
    self.probeDiffMax = probeDiffMax
    base = RandomFeatureMap(inputs: inputDimension, width: targetWidth, outputs: outputDimension, random: random)
    direction = RandomFeatureMap(inputs: inputDimension, width: targetWidth, outputs: outputDimension, random: random)
  }

  // MARK: - Situations

  /// A batch of private situations: inputs x and, for each, f_D(x) and Δ(x) = f_C(x) − f_D(x).
  struct Situations: Sendable {
    let count: Int
    let inputs: [Double]
    let defect: [Double]
    let difference: [Double]
  }

  /// `count` situations with x ~ N(0, Iₙ).
  func sampleSituations(_ count: Int, random: Random) -> Situations {
    let (n, m) = (inputDimension, outputDimension)
    let inputs = (0..<(count * n)).map { _ in random.gaussian() }
    var defect = [Double](repeating: 0, count: count * m)
    var difference = [Double](repeating: 0, count: count * m)
    let half = segmentLength / 2
    // One scratch for all rows (no allocation per situation): the hidden units, then g and v.
    var scratch = [Double](repeating: 0, count: max(base.width, direction.width) + 2 * m)
    inputs.withUnsafeBufferPointer { xs in
      scratch.withUnsafeMutableBufferPointer { buffer in
        let hidden = buffer.baseAddress!, g = hidden + max(base.width, direction.width), v = g + m
        for r in 0..<count {
          let x = xs.baseAddress! + r * n
          base.apply(x, hidden: hidden, into: g)
          direction.apply(x, hidden: hidden, into: v)
          var squares = 0.0
          for c in 0..<m { squares = squares + v[c] * v[c] }
          let norm = max(squares.squareRoot(), 1e-12)
          for c in 0..<m {
            let u = v[c] / norm
            defect[r * m + c] = g[c] - half * u
            difference[r * m + c] = 2 * half * u
          }
        }
      }
    }
    return Situations(count: count, inputs: inputs, defect: defect, difference: difference)
  }

  /// The policy inputs (x, y), one row per situation.
  func policyInputs(_ situations: Situations, observations: [Double]) -> [Double] {
    let n = inputDimension
    var rows = [Double](repeating: 0, count: situations.count * (n + 1))
    for r in 0..<situations.count {
      for i in 0..<n { rows[r * (n + 1) + i] = situations.inputs[r * n + i] }
      rows[r * (n + 1) + n] = observations[r]
    }
    return rows
  }

  /// How outputs read as actions: for each row, the cooperation level c̄, whether the raw coordinate
  /// lies strictly inside (0, 1) (where c̄ has a gradient), and the squared distance to the segment
  /// with the residual o − proj(o).
  struct Readout: Sendable {
    let level: [Double]
    let interior: [Bool]
    let offSegment: [Double]
    let residual: [Double]
  }

  func readout(_ outputs: [Double], _ situations: Situations) -> Readout {
    let m = outputDimension
    let l2 = segmentLength * segmentLength
    var level = [Double](repeating: 0, count: situations.count)
    var interior = [Bool](repeating: false, count: situations.count)
    var offSegment = [Double](repeating: 0, count: situations.count)
    var residual = [Double](repeating: 0, count: situations.count * m)
    for r in 0..<situations.count {
      var dot = 0.0
      for c in 0..<m { dot += (outputs[r * m + c] - situations.defect[r * m + c]) * situations.difference[r * m + c] }
      let raw = dot / l2
      let clipped = min(1, max(0, raw))
      level[r] = clipped
      interior[r] = raw > 0 && raw < 1
      var d2 = 0.0
      for c in 0..<m {
        let e = outputs[r * m + c] - (situations.defect[r * m + c] + clipped * situations.difference[r * m + c])
        residual[r * m + c] = e
        d2 += e * e
      }
      offSegment[r] = d2
    }
    return Readout(level: level, interior: interior, offSegment: offSegment, residual: residual)
  }

  /// Row r of ∂c̄/∂o scaled by `weight` (0 outside the segment's interior), added into `gradient`.
  func addLevelGradient(_ readout: Readout, _ situations: Situations, row r: Int, weight: Double, into gradient: inout [Double]) {
    guard readout.interior[r], weight != 0 else { return }
    let m = outputDimension
    let scale = weight / (segmentLength * segmentLength)
    for c in 0..<m { gradient[r * m + c] += scale * situations.difference[r * m + c] }
  }

  // MARK: - The diff

  /// The diff between two policies on probe situations with probe observations, with the gradient of
  /// the diff with respect to the first policy's probe outputs (zero when the diff is zero).
  func diff(
    first: DenseNetwork.Pass, second: DenseNetwork.Pass, probes: Situations
  )
    -> (value: Double, firstGradient: [Double])
  {
    let (o1, o2) = (first.output, second.output)
    let k = probes.count
    let m = outputDimension
    var gradient = [Double](repeating: 0, count: k * m)
    switch diffMeasure {
    case .output:
      var total = 0.0
      for j in 0..<(k * m) { total += (o1[j] - o2[j]) * (o1[j] - o2[j]) }
      let value = (total / Double(k * m)).squareRoot()
      if value > 0 { for j in 0..<(k * m) { gradient[j] = (o1[j] - o2[j]) / (Double(k * m) * value) } }
      return (value, gradient)
    case .cooperation:
      let r1 = readout(o1, probes)
      let r2 = readout(o2, probes)
      var total = 0.0
      for r in 0..<k { total += (r1.level[r] - r2.level[r]) * (r1.level[r] - r2.level[r]) }
      let value = (total / Double(k)).squareRoot()
      if value > 0 {
        for r in 0..<k { addLevelGradient(r1, probes, row: r, weight: (r1.level[r] - r2.level[r]) / (Double(k) * value), into: &gradient) }
      }
      return (value, gradient)
    }
  }

  /// Probe situations and their observations y_k ~ U[0, y_max].
  struct Probes: Sendable {
    let situations: Situations
    let observations: [Double]
  }

  func sampleProbes(_ count: Int, random: Random) -> Probes {
    let situations = sampleSituations(count, random: random)
    return Probes(situations: situations, observations: (0..<count).map { _ in random.uniform() * probeDiffMax })
  }

  /// The diff value between two policies on the probes.
  func diffValue(_ first: DenseNetwork, _ second: DenseNetwork, probes: Probes) -> Double {
    let inputs = policyInputs(probes.situations, observations: probes.observations)
    return diff(
      first: first.forward(inputs, rows: probes.situations.count), second: second.forward(inputs, rows: probes.situations.count),
      probes: probes.situations
    ).value
  }
}

/// A fixed random function ℝⁿ → ℝᵐ, x ↦ W₂ tanh(W₁x + b₁), with W₁ entries N(0, 1/n), b₁ entries
/// N(0, 1/4) and W₂ entries N(0, 1/width): the HDPD's action functions are built from two of these.
struct RandomFeatureMap: Sendable {
  let inputs: Int
  let width: Int
  let outputs: Int
  let first: [Double]
  let bias: [Double]
  let second: [Double]
  /// W₁ᵀ (row i holds every unit's weight on input i) and W₂ᵀ (row h holds every output's weight on
  /// unit h), for ``apply(_:hidden:into:)``.
  let firstByInput: [Double]
  let secondByUnit: [Double]

  init(inputs: Int, width: Int, outputs: Int, random: Random) {
    self.inputs = inputs
    self.width = width
    self.outputs = outputs
    first = (0..<(width * inputs)).map { _ in random.gaussian(standardDeviation: 1 / Double(inputs).squareRoot()) }
    bias = (0..<width).map { _ in random.gaussian(standardDeviation: 0.5) }
    second = (0..<(outputs * width)).map { _ in random.gaussian(standardDeviation: 1 / Double(width).squareRoot()) }
    let (w1, w2) = (first, second)
    firstByInput = (0..<(inputs * width)).map { k in w1[(k % width) * inputs + k / width] }
    secondByUnit = (0..<(width * outputs)).map { k in w2[(k % outputs) * width + k / outputs] }
  }

  func apply(_ x: [Double]) -> [Double] {
    var hidden = [Double](repeating: 0, count: width)
    var out = [Double](repeating: 0, count: outputs)
    x.withUnsafeBufferPointer { xs in
      hidden.withUnsafeMutableBufferPointer { h in
        out.withUnsafeMutableBufferPointer { o in apply(xs.baseAddress!, hidden: h.baseAddress!, into: o.baseAddress!) }
      }
    }
    return out
  }

  /// The map at `x` (`inputs` numbers) into `out` (`outputs` numbers), with `hidden` (`width` numbers) as
  /// scratch; each sum in the order of ``apply(_:)``, so the same bytes.
  ///
  /// The loops run input by input over all units at once (through the transposed weights), which the
  /// compiler vectorises; each unit's sum still starts from its bias (from 0 for the outputs) and adds
  /// the terms in input order.
  func apply(_ x: UnsafePointer<Double>, hidden: UnsafeMutablePointer<Double>, into out: UnsafeMutablePointer<Double>) {
    firstByInput.withUnsafeBufferPointer { w1 in
      bias.withUnsafeBufferPointer { b1 in
        for h in 0..<width { hidden[h] = b1[h] }
        for i in 0..<inputs {
          let xi = x[i], row = w1.baseAddress! + i * width
          for h in 0..<width { hidden[h] = hidden[h] + row[h] * xi }
        }
        for h in 0..<width { hidden[h] = tanh(hidden[h]) }
      }
    }
    secondByUnit.withUnsafeBufferPointer { w2 in
      for o in 0..<outputs { out[o] = 0 }
      for h in 0..<width {
        let a = hidden[h], row = w2.baseAddress! + h * outputs
        for o in 0..<outputs { out[o] = out[o] + row[o] * a }
      }
    }
  }
}
