import LabKit
import Testing

@testable import SimilarityCooperation

/// Gradient checks of the hand-written reverse mode against central finite differences.
@Suite struct LearningGradientTests {
  static func environment(
    _ measure: HighDimensionalPrisonersDilemma.DiffMeasure = .cooperation, seed: UInt32 = 7
  ) throws
    -> HighDimensionalPrisonersDilemma
  {
    try HighDimensionalPrisonersDilemma(
      inputDimension: 3, outputDimension: 2, targetWidth: 4, gain: 3, penalty: 0.7,
      noise: .uniform(width: 0.3), diffMeasure: measure, random: Random(seed: seed))
  }

  /// The largest |analytic − numerical| over the checked coordinates, relative to the largest |analytic|.
  static func relativeError(_ analytic: [Double], _ numerical: [Double]) -> Double {
    let scale = max(analytic.map(abs).max() ?? 0, 1e-8)
    return zip(analytic, numerical).map { abs($0 - $1) }.max()! / scale
  }

  @Test(arguments: HighDimensionalPrisonersDilemma.DiffMeasure.allCases)
  func bestResponseGradientThroughTheDiffMatchesFiniteDifferences(_ measure: HighDimensionalPrisonersDilemma.DiffMeasure) throws {
    let env = try Self.environment(measure)
    let random = Random(seed: 11)
    let trainee = try DenseNetwork(layerSizes: [4, 7, 5, 2], random: random)
    let opponent = try DenseNetwork(layerSizes: [4, 7, 5, 2], random: random)
    let batch = env.sampleBestResponseBatch(games: 16, probes: 12, random: random)
    let full = env.bestResponseObjective(trainee: trainee, opponent: opponent, batch: batch, throughDiff: true)
    let direct = env.bestResponseObjective(trainee: trainee, opponent: opponent, batch: batch, throughDiff: false)
    #expect(full.value == direct.value)
    let h = 1e-6
    var numerical: [Double] = []
    for k in 0..<trainee.parameterCount {
      var plus = trainee, minus = trainee
      plus.parameters[k] += h
      minus.parameters[k] -= h
      let up = env.bestResponseObjective(trainee: plus, opponent: opponent, batch: batch, throughDiff: false).value
      let down = env.bestResponseObjective(trainee: minus, opponent: opponent, batch: batch, throughDiff: false).value
      numerical.append((up - down) / (2 * h))
    }
    #expect(Self.relativeError(full.gradient, numerical) < 1e-5)
    // The diff path matters: dropping it changes the gradient.
    #expect(Self.relativeError(direct.gradient, numerical) > 1e-3)
    #expect(full.diff > 0)
  }

  @Test func pretrainingGradientMatchesFiniteDifferences() throws {
    let env = try Self.environment()
    let random = Random(seed: 5)
    let network = try DenseNetwork(layerSizes: [4, 6, 2], random: random)
    let opponent = try DenseNetwork(layerSizes: [4, 6, 2], random: random)
    let batch = env.samplePretrainingBatch(games: 10, probes: 8, random: random)
    let d = env.diffValue(network, opponent, probes: batch.probes)
    for weight in [1.0, 0.5, 0.0] {
      let result = env.pretrainingObjective(network: network, randomOpponent: opponent, batch: batch, copyWeight: weight, fixedDiff: d)
      let h = 1e-6
      var numerical: [Double] = []
      for k in 0..<network.parameterCount {
        var plus = network, minus = network
        plus.parameters[k] += h
        minus.parameters[k] -= h
        let up = env.pretrainingObjective(network: plus, randomOpponent: opponent, batch: batch, copyWeight: weight, fixedDiff: d).value
        let down = env.pretrainingObjective(network: minus, randomOpponent: opponent, batch: batch, copyWeight: weight, fixedDiff: d).value
        numerical.append((up - down) / (2 * h))
      }
      #expect(Self.relativeError(result.gradient, numerical) < 1e-5, "copy weight \(weight)")
    }
  }
}
