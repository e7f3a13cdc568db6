import Foundation
import LabKit
import Testing

@testable import SimilarityCooperation

/// The HDPD reconstruction and the training procedures (gradients are in LearningGradientTests).
@Suite struct LearningTests {
  static func environment(penalty: Double = 0.5) throws -> HighDimensionalPrisonersDilemma {
    try HighDimensionalPrisonersDilemma(
      inputDimension: 3, outputDimension: 4, targetWidth: 5, gain: 3, penalty: penalty,
      noise: .uniform(width: 0.1), random: Random(seed: 31))
  }

  @Test func situationsFollowTheFeatureMapsTermByTerm() throws {
    // f_D = g − (L/2)·u and Δ = L·u with u = v/‖v‖ (the type's documentation), g and v = W₂·tanh(W₁x + b₁),
    // each sum written here in its textbook order: the sampled situations must match bit for bit (the
    // sampler sums input by input over all units at once, through transposed weights).
    let env = try Self.environment()
    let (n, m) = (env.inputDimension, env.outputDimension)
    let situations = env.sampleSituations(9, random: Random(seed: 4))
    func map(_ f: RandomFeatureMap, _ x: ArraySlice<Double>) -> [Double] {
      let x = Array(x)
      let hidden = (0..<f.width).map { h in
        var s = f.bias[h]
        for i in 0..<f.inputs { s += f.first[h * f.inputs + i] * x[i] }
        return tanh(s)
      }
      return (0..<f.outputs).map { o in
        var s = 0.0
        for h in 0..<f.width { s += f.second[o * f.width + h] * hidden[h] }
        return s
      }
    }
    let half = env.segmentLength / 2
    for r in 0..<situations.count {
      let x = situations.inputs[(r * n)..<((r + 1) * n)]
      let (g, v) = (map(env.base, x), map(env.direction, x))
      #expect(env.base.apply(Array(x)) == g)
      let norm = max(v.reduce(0) { $0 + $1 * $1 }.squareRoot(), 1e-12)
      #expect((0..<m).map { g[$0] - half * (v[$0] / norm) } == Array(situations.defect[(r * m)..<((r + 1) * m)]))
      #expect((0..<m).map { 2 * half * (v[$0] / norm) } == Array(situations.difference[(r * m)..<((r + 1) * m)]))
      // Negative control: the other map's outputs differ.
      #expect(map(env.direction, x) != g)
    }
  }

  @Test func outputsOnTheSegmentReadAsTheirCooperationLevel() throws {
    let env = try Self.environment()
    let situations = env.sampleSituations(20, random: Random(seed: 1))
    let m = env.outputDimension
    for c in [0.0, 0.3, 1.0] {
      let outputs = (0..<(20 * m)).map { situations.defect[$0] + c * situations.difference[$0] }
      let readout = env.readout(outputs, situations)
      #expect(readout.level.allSatisfy { abs($0 - c) < 1e-12 })
      #expect(readout.offSegment.allSatisfy { $0 < 1e-24 })
    }
    // The segment has length √m: ‖Δ(x)‖² = m for every x.
    for r in 0..<20 {
      let norm = (0..<m).map { situations.difference[r * m + $0] * situations.difference[r * m + $0] }.reduce(0, +)
      #expect(abs(norm - Double(m)) < 1e-12)
    }
    // Beyond the ends the level is clipped and the distance counts the overshoot: c = 1.5 is 0.5·√m away.
    let beyond = (0..<(20 * m)).map { situations.defect[$0] + 1.5 * situations.difference[$0] }
    let readout = env.readout(beyond, situations)
    #expect(readout.level.allSatisfy { $0 == 1 })
    #expect(readout.offSegment.allSatisfy { abs($0 - 0.25 * Double(m)) < 1e-12 })
  }

  @Test func evaluationFollowsTheTableOnePayoffs() throws {
    let env = try Self.environment()
    let random = Random(seed: 2)
    let settings = LearningSettings(
      hiddenSizes: [6], learningRate: 0.01, batchSize: 8, probeCount: 8, pretrainingSteps: 3, copyWeight: 0.5,
      randomOpponentCount: 2, rounds: 1, stepsPerResponse: 3, evaluationInterval: 2, evaluationGames: 50, evaluationProbes: 20)
    let a = try LearningProcedures.network(env, settings, random: random)
    let b = try LearningProcedures.network(env, settings, random: random)
    let set = LearningProcedures.EvaluationSet(environment: env, games: 50, probes: 20, random: random)
    let metrics = LearningProcedures.evaluate(a, b, environment: env, on: set)
    for i in 0..<2 {
      let expected = env.gain * metrics.cooperation[1 - i] + 1 - metrics.cooperation[i] - env.penalty * metrics.offSegment[i]
      #expect(abs(metrics.payoffs[i] - expected) < 1e-12)
    }
    // A network is at diff 0 from itself, and its play against itself is symmetric in distribution.
    #expect(env.diffValue(a, a, probes: set.probes) == 0)
    #expect(LearningProcedures.evaluate(a, a, environment: env, on: set).diff == 0)
    #expect(metrics.diff > 0)
  }

  @Test func runsAreDeterministicAndRecordTheCurve() throws {
    let env = try Self.environment()
    let settings = LearningSettings(
      hiddenSizes: [6, 6], learningRate: 0.01, batchSize: 8, probeCount: 8, pretrainingSteps: 5, copyWeight: 0.5,
      randomOpponentCount: 2, rounds: 2, stepsPerResponse: 4, evaluationInterval: 3, evaluationGames: 40, evaluationProbes: 16)
    let first = try LearningProcedures.runSeed(0, environment: env, settings: settings, random: Random(seed: 5))
    let second = try LearningProcedures.runSeed(0, environment: env, settings: settings, random: Random(seed: 5))
    #expect(first == second)
    #expect(first.runs.map(\.method) == LearningMethod.allCases)
    // Checkpoints: the start, then steps 3 and 4 of every best response (4 best responses).
    #expect(first.runs[0].curve.map(\.step) == [0, 3, 4, 7, 8, 11, 12, 15, 16])
    #expect(settings.abrSteps == 16)
    // The two pretrained runs start from the same pair.
    #expect(first.runs[1].initial == first.runs[2].initial)
    #expect(first.pretrainedCurves.count == 2 && first.pretrainedCurves[0].count == LearningProcedures.curveObservations.count)
  }

  @Test func pretrainingTeachesCooperationWithCopiesAndDefectionAgainstRandomNetworks() throws {
    // A short pretraining on a small problem: against a copy the level rises, against random networks it falls.
    let env = try Self.environment(penalty: 0.2)
    let random = Random(seed: 6)
    let settings = LearningSettings(
      hiddenSizes: [16, 16], learningRate: 0.003, batchSize: 32, probeCount: 16, pretrainingSteps: 400, copyWeight: 0.5,
      randomOpponentCount: 4, rounds: 1, stepsPerResponse: 1, evaluationInterval: 1, evaluationGames: 200, evaluationProbes: 64)
    let set = LearningProcedures.EvaluationSet(environment: env, games: 200, probes: 64, random: random)
    let opponents = try (0..<4).map { _ in try LearningProcedures.network(env, settings, random: random) }
    let start = try LearningProcedures.network(env, settings, random: random)
    let trained = LearningProcedures.pretrain(start, environment: env, settings: settings, randomOpponents: opponents, random: random)
    let beforeCopy = LearningProcedures.evaluate(start, start, environment: env, on: set).cooperation[0]
    let afterCopy = LearningProcedures.evaluate(trained, trained, environment: env, on: set).cooperation[0]
    let afterRandom = LearningProcedures.evaluate(trained, opponents[0], environment: env, on: set).cooperation[0]
    #expect(afterCopy > 0.9 && afterCopy > beforeCopy)
    #expect(afterRandom < 0.2)
  }

  @Test func badNetworksAndEnvironmentsAreRefused() {
    #expect(throws: LabError.self) {
      try HighDimensionalPrisonersDilemma(
        inputDimension: 0, outputDimension: 2, targetWidth: 3, gain: 3, penalty: 1, noise: .uniform(width: 1), random: Random(seed: 1))
    }
    #expect(throws: LabError.self) {
      try HighDimensionalPrisonersDilemma(
        inputDimension: 2, outputDimension: 2, targetWidth: 3, gain: 3, penalty: -1, noise: .uniform(width: 1), random: Random(seed: 1))
    }
  }
}
