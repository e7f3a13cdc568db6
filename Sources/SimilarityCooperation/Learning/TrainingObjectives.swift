import LabKit

/// The training objectives of the learning experiment and their gradients, by hand (reverse mode through
/// the networks, the payoff readout and the diff).
extension HighDimensionalPrisonersDilemma {
  /// The random draws of one best-response step: probes for the diff, and a batch of games, each with
  /// both players' private situations and noise draws.
  struct BestResponseBatch: Sendable {
    let probes: Probes
    let own: Situations
    let ownNoise: [Double]
    let other: Situations
    let otherNoise: [Double]
  }

  func sampleBestResponseBatch(games: Int, probes: Int, random: Random) -> BestResponseBatch {
    let p = sampleProbes(probes, random: random)
    let own = sampleSituations(games, random: random)
    let other = sampleSituations(games, random: random)
    let ownNoise = (0..<games).map { _ in noise.sample(random) }
    let otherNoise = (0..<games).map { _ in noise.sample(random) }
    return BestResponseBatch(probes: p, own: own, ownNoise: ownNoise, other: other, otherNoise: otherNoise)
  }

  /// The trainee's mean payoff J = mean_b [G·c̄₋ᵢ + 1 − c̄ᵢ − β·dᵢ²] against the frozen opponent on the
  /// batch, and its gradient with respect to the trainee's parameters.
  ///
  /// The gradient has the direct part (the trainee's output at its own observation) and, when
  /// `throughDiff`, the part through the diff value: the diff moves both observations yᵢ = D + Nᵢ, so
  /// ∂J/∂D = Σ_b (∂J/∂y_own,b + ∂J/∂y_other,b), the second term through the frozen opponent's input
  /// gradient; then ∂J/∂θ gains ∂J/∂D · ∂D/∂θ, back-propagated through the trainee on the probes (the
  /// three paths of the notes §5.3). Without `throughDiff` the observations are treated as constants.
  func bestResponseObjective(
    trainee: DenseNetwork, opponent: DenseNetwork, batch: BestResponseBatch,
    throughDiff: Bool
  ) -> (value: Double, gradient: [Double], diff: Double) {
    let k = batch.probes.situations.count
    let b = batch.own.count
    let n = inputDimension
    let m = outputDimension
    let probeInputs = policyInputs(batch.probes.situations, observations: batch.probes.observations)
    let traineeProbes = trainee.forward(probeInputs, rows: k)
    let opponentProbes = opponent.forward(probeInputs, rows: k)
    let (d, diffGradient) = diff(first: traineeProbes, second: opponentProbes, probes: batch.probes.situations)

    let ownPass = trainee.forward(policyInputs(batch.own, observations: batch.ownNoise.map { d + $0 }), rows: b)
    let otherPass = opponent.forward(policyInputs(batch.other, observations: batch.otherNoise.map { d + $0 }), rows: b)
    let own = readout(ownPass.output, batch.own)
    let other = readout(otherPass.output, batch.other)
    var value = 0.0
    for r in 0..<b { value += gain * other.level[r] + 1 - own.level[r] - penalty * own.offSegment[r] }
    value /= Double(b)

    var gradient = [Double](repeating: 0, count: trainee.parameterCount)
    // Direct part: ∂J/∂o_own = (−∂c̄/∂o − 2β·residual) / B.
    var ownOutputGradient = [Double](repeating: 0, count: b * m)
    for r in 0..<b {
      addLevelGradient(own, batch.own, row: r, weight: -1 / Double(b), into: &ownOutputGradient)
      for c in 0..<m { ownOutputGradient[r * m + c] -= 2 * penalty * own.residual[r * m + c] / Double(b) }
    }
    let ownInputGradient = trainee.backward(ownPass, outputGradient: ownOutputGradient, accumulatingInto: &gradient)
    if throughDiff {
      var slope = 0.0
      for r in 0..<b { slope += ownInputGradient[r * (n + 1) + n] }
      var otherOutputGradient = [Double](repeating: 0, count: b * m)
      for r in 0..<b { addLevelGradient(other, batch.other, row: r, weight: gain / Double(b), into: &otherOutputGradient) }
      let otherInputGradient = opponent.inputGradient(otherPass, outputGradient: otherOutputGradient)
      for r in 0..<b { slope += otherInputGradient[r * (n + 1) + n] }
      if slope != 0 {
        let probeGradient = diffGradient.map { $0 * slope }
        trainee.backward(traineeProbes, outputGradient: probeGradient, accumulatingInto: &gradient)
      }
    }
    return (value, gradient, d)
  }

  /// The random draws of one CCDR pretraining step: pairs of situations for play against a copy, probes,
  /// and situations for play against a random opponent.
  struct PretrainingBatch: Sendable {
    let copies: Situations
    let copyNoise: [Double]
    let probes: Probes
    let againstRandom: Situations
    let randomNoise: [Double]
  }

  func samplePretrainingBatch(games: Int, probes: Int, random: Random) -> PretrainingBatch {
    let copies = sampleSituations(2 * games, random: random)
    let copyNoise = (0..<(2 * games)).map { _ in noise.sample(random) }
    let p = sampleProbes(probes, random: random)
    let againstRandom = sampleSituations(games, random: random)
    let randomNoise = (0..<games).map { _ in noise.sample(random) }
    return PretrainingBatch(copies: copies, copyNoise: copyNoise, probes: p, againstRandom: againstRandom, randomNoise: randomNoise)
  }

  /// CCDR pretraining ("cooperate against copies, defect against random", notes §5.1) for one network:
  /// J = w·J_copy + (1 − w)·J_random, with its gradient.
  ///
  /// - J_copy: the mean payoff of a player facing an exact copy of itself, the gradient taken through
  ///   both copies. The diff between copies is 0, so each observes only its noise. With the pairs
  ///   (2b, 2b + 1) of `copies`, the two players' mean payoff is mean_rows[(G − 1)·c̄ + 1 − β·d²].
  /// - J_random: the payoff against `randomOpponent` (a freshly initialised network) at the observation
  ///   diff + N, the diff held fixed (no gradient through it, nor through the opponent): mean[1 − c̄ − β·d²]
  ///   plus a term in the opponent's cooperation that does not depend on the trained network.
  ///
  /// `fixedDiff` replaces the diff to the random opponent (for gradient checks, where the value must be
  /// the function the gradient differentiates).
  func pretrainingObjective(
    network: DenseNetwork, randomOpponent: DenseNetwork, batch: PretrainingBatch,
    copyWeight: Double, fixedDiff: Double? = nil
  ) -> (
    value: Double, gradient: [Double], copyCooperation: Double,
    randomCooperation: Double, diffToRandom: Double
  ) {
    let m = outputDimension
    var gradient = [Double](repeating: 0, count: network.parameterCount)

    let rows = batch.copies.count
    let copyPass = network.forward(policyInputs(batch.copies, observations: batch.copyNoise), rows: rows)
    let copy = readout(copyPass.output, batch.copies)
    var copyValue = 0.0
    var copyGradient = [Double](repeating: 0, count: rows * m)
    for r in 0..<rows {
      copyValue += (gain - 1) * copy.level[r] + 1 - penalty * copy.offSegment[r]
      addLevelGradient(copy, batch.copies, row: r, weight: copyWeight * (gain - 1) / Double(rows), into: &copyGradient)
      for c in 0..<m { copyGradient[r * m + c] -= copyWeight * 2 * penalty * copy.residual[r * m + c] / Double(rows) }
    }
    copyValue /= Double(rows)
    network.backward(copyPass, outputGradient: copyGradient, accumulatingInto: &gradient)

    let d = fixedDiff ?? diffValue(network, randomOpponent, probes: batch.probes)
    let games = batch.againstRandom.count
    let randomPass = network.forward(policyInputs(batch.againstRandom, observations: batch.randomNoise.map { d + $0 }), rows: games)
    let versusRandom = readout(randomPass.output, batch.againstRandom)
    var randomValue = 0.0
    var randomGradient = [Double](repeating: 0, count: games * m)
    for r in 0..<games {
      randomValue += 1 - versusRandom.level[r] - penalty * versusRandom.offSegment[r]
      addLevelGradient(versusRandom, batch.againstRandom, row: r, weight: -(1 - copyWeight) / Double(games), into: &randomGradient)
      for c in 0..<m { randomGradient[r * m + c] -= (1 - copyWeight) * 2 * penalty * versusRandom.residual[r * m + c] / Double(games) }
    }
    randomValue /= Double(games)
    network.backward(randomPass, outputGradient: randomGradient, accumulatingInto: &gradient)
    let mean = { (values: [Double]) in values.reduce(0, +) / Double(max(values.count, 1)) }
    return (copyWeight * copyValue + (1 - copyWeight) * randomValue, gradient, mean(copy.level), mean(versusRandom.level), d)
  }
}
