import Foundation
import GameTheory
import LabKit

extension NoiseExperiment {
  func simulate(in context: RunContext) throws -> Outcome {
    let p = context.parameters
    let (points, critical, scanStep) = (p[Self.deviationGridPoints], p[Self.criticalGain], p[Self.scanStep])
    let family = NoiseFamily(rawValue: p[Self.meanZeroFamily].rawValue)!
    let meanZero = try Self.meanZero(
      family, critical: critical, points: points, scanStep: scanStep, profileStep: p[Self.profileStep], context: context)
    guard context.isBaseCell else {
      return Outcome(critical: critical, full: [], meanZero: meanZero, control: nil, compared: [], mapValues: [], sweep: [], sweepValues: [])
    }
    let control = try Self.meanZero(
      .centredExponential, critical: critical, points: points, scanStep: scanStep, profileStep: p[Self.profileStep], context: context)
    let compared = try context.map(Self.comparedFamilies, stream: "compared", label: "\(id): other noise") { _, family, _ in
      try Self.frontier(try NoiseDistribution.named(family, scale: 1), label: family.rawValue, critical: critical, points: points, scanStep: scanStep)
    }
    let step = p[Self.gainStep]
    let sweep = (0...Int((4.5 / step).rounded())).map { 1.5 + Double($0) * step }
    return Outcome(
      critical: critical, full: try Self.fullCooperation(points: points, context: context), meanZero: meanZero, control: control, compared: compared,
      mapValues: try Self.mapValues(points: points, scanStep: scanStep, context: context), sweep: sweep,
      sweepValues: try Self.sweepValues(sweep, points: points, scanStep: scanStep, context: context))
  }

  /// Uniform noise: is (X, X) an equilibrium at every checked (G, X), and the best deviation.
  static func fullCooperation(points: Int, context: RunContext) throws -> [FullCooperation] {
    let cases = checkedGains.flatMap { g in checkedWidths.map { (g, $0) } }
    return try context.map(cases, stream: "uniform", label: "sbc.noise: uniform noise") { _, item, _ -> FullCooperation in
      let game = try ThresholdGame.prisonersDilemma(gain: item.0, noise: .uniform(width: item.1), gridPoints: points)
      let gains = game.deviationGains(item.1, item.1)
      let worst = gains[0].gain >= gains[1].gain ? gains[0] : gains[1]
      return FullCooperation(
        gain: item.0, width: item.1, equilibrium: gains.allSatisfy { $0.gain <= 1e-9 }, gain1: worst.gain, deviation: worst.deviation)
    }
  }

  /// The thresholds scanned for symmetric equilibria: around the median, in units of the scale.
  static func scanGrid(_ noise: NoiseDistribution, step: Double) -> [Double] {
    var (low, high) = (-4.0, 6.0)
    if case .uniform = noise.family { (low, high) = (-1.0, 1.0) }  // around the median X/2: [−X/2, 3X/2]
    let count = Int(((high - low) / step).rounded())
    return (0...count).map { noise.median + (low + Double($0) * step) * noise.scale }
  }

  // Numerically only ε-equilibria can be recognised (no deviation gains more than ε). At G = 2 with
  // Gaussian noise a threshold θ > 0 gains about 0.06 (θ/σ)³ by its best deviation, so the largest
  // ε-equilibrium sits near (ε / 0.06)^(1/3) σ: the check is that it shrinks towards 0 as ε does.
  static func frontier(_ noise: NoiseDistribution, label: String, critical: Double, points: Int, scanStep: Double) throws -> Frontier {
    let game = try ThresholdGame.prisonersDilemma(gain: critical, noise: noise, gridPoints: points)
    let best = game.symmetricEquilibriumFrontier(grid: scanGrid(noise, step: scanStep), tolerances: tolerances)
    return Frontier(
      label: label, noise: noise.description, thetas: best.map { $0?.theta }, cooperation: best.map { $0?.cooperation ?? 0 },
      scale: noise.scale, mode: noise.mode, mean: noise.mean)
  }

  /// The mean-zero check's inputs for one family.
  static func meanZero(
    _ family: NoiseFamily, critical: Double, points: Int, scanStep: Double, profileStep: Double, context: RunContext
  ) throws -> MeanZero {
    let frontiers = try context.map(checkedDeviations, stream: "mean-zero", label: "sbc.noise: \(family.rawValue) noise") { _, scale, _ in
      let noise = try NoiseDistribution.named(family, scale: scale)
      let game = try ThresholdGame.prisonersDilemma(gain: critical, noise: noise, gridPoints: points)
      return (
        try frontier(noise, label: family.rawValue, critical: critical, points: points, scanStep: scanStep),
        game.isEquilibrium(0, 0, tolerance: 1e-12)
      )
    }
    // Every profile of a grid, asymmetric ones included (scale 1; the other scales are the same up to scale).
    let grid = (0...Int((4 / profileStep).rounded())).map { -2 + Double($0) * profileStep }
    let game = try ThresholdGame.prisonersDilemma(gain: critical, noise: try NoiseDistribution.named(family, scale: 1), gridPoints: points)
    let rows = try context.map(grid, stream: "profiles", label: "sbc.noise: \(family.rawValue) profiles") { _, theta1, _ in
      grid.map { theta2 -> (Double, Double, Bool) in (theta1, theta2, game.isEquilibrium(theta1, theta2, tolerance: 1e-12)) }
    }
    let equilibria = rows.flatMap { $0 }.filter(\.2)
    let most = equilibria.map { max(game.cooperationProbabilities($0.0, $0.1).0, game.cooperationProbabilities($0.0, $0.1).1) }.max() ?? 0
    return MeanZero(
      family: family.rawValue, frontiers: frontiers.map(\.0), zeroIsEquilibrium: frontiers.allSatisfy(\.1), profiles: grid.count * grid.count,
      profileEquilibria: equilibria.count, asymmetricProfiles: equilibria.filter { $0.0 != $0.1 }.count, mostCooperativeProfile: most)
  }

  static let mapGains: [Double] = [1.5, 1.75, 2, 2.25, 2.5, 3, 3.5, 4, 5, 6]
  static let mapNoises: [(NoiseFamily, Double)] = [
    (.uniform, 0.01), (.uniform, 1.0), (.uniform, 100.0), (.gaussian, 0.01), (.gaussian, 1.0), (.gaussian, 100.0),
  ]

  /// The most cooperative symmetric equilibrium against G and the noise scale.
  static func mapValues(points: Int, scanStep: Double, context: RunContext) throws -> [Double] {
    let cells = mapNoises.flatMap { noise in mapGains.map { (noise.0, noise.1, $0) } }
    return try context.map(cells, stream: "region", label: "sbc.noise: equilibrium region") { _, cell, _ -> Double in
      let noise = try NoiseDistribution.named(cell.0, scale: cell.1)
      let game = try ThresholdGame.prisonersDilemma(gain: cell.2, noise: noise, gridPoints: max(100, points / 4))
      return game.mostCooperativeSymmetricEquilibrium(grid: scanGrid(noise, step: scanStep), refinementSteps: 20, tolerance: 1e-12)?.cooperation ?? 0
    }
  }

  /// Against G: the Gaussian (σ = 1) cooperation and threshold, and the uniform (X = 1) cooperation.
  static func sweepValues(_ sweep: [Double], points: Int, scanStep: Double, context: RunContext) throws -> [(Double, Double, Double)] {
    try context.map(sweep, stream: "sweep", label: "sbc.noise: G sweep") { _, g, _ -> (Double, Double, Double) in
      let gaussianNoise = try NoiseDistribution.gaussian(standardDeviation: 1)
      let gaussianGame = try ThresholdGame.prisonersDilemma(gain: g, noise: gaussianNoise, gridPoints: max(100, points / 4))
      let uniformNoise = try NoiseDistribution.uniform(width: 1)
      let uniformGame = try ThresholdGame.prisonersDilemma(gain: g, noise: uniformNoise, gridPoints: max(100, points / 4))
      let gaussianBest = gaussianGame.mostCooperativeSymmetricEquilibrium(
        grid: scanGrid(gaussianNoise, step: scanStep), refinementSteps: 20, tolerance: 1e-12)
      let uniformBest = uniformGame.mostCooperativeSymmetricEquilibrium(
        grid: scanGrid(uniformNoise, step: scanStep), refinementSteps: 20, tolerance: 1e-12)
      return (gaussianBest?.cooperation ?? 0, gaussianBest?.theta ?? .nan, uniformBest?.cooperation ?? 0)
    }
  }
}
