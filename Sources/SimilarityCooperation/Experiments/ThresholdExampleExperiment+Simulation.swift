import GameTheory
import LabKit

extension ThresholdExampleExperiment {
  func simulate(in context: RunContext) throws -> Outcome {
    let p = context.parameters
    let (gain, width, points) = (p[Self.gain], p[Self.noiseWidth], p[Self.deviationGridPoints])
    let noise = try NoiseDistribution.named(p[Self.noiseFamily], scale: width)
    let nonnegative = p[Self.policyClass] == .nonnegative
    func game(_ g: Double, _ noise: NoiseDistribution, restricted: Bool) throws -> ThresholdGame {
      try ThresholdGame.prisonersDilemma(
        gain: g, noise: noise, coupling: p[Self.coupling], gridPoints: points, lowestThreshold: restricted ? 0 : -.infinity)
    }
    let chosen = try game(gain, noise, restricted: nonnegative)
    let realClass = try game(gain, noise, restricted: false)
    let map = try Self.equilibriumMap(
      game: try game(gain, noise, restricted: true), realClass: realClass, step: p[Self.mapStep] * width, width: width, context: context)
    guard context.isBaseCell else {
      return Outcome(
        gain: gain, width: width, uniform: p[Self.noiseFamily] == .uniform, noiseName: "\(noise)", nonnegative: nonnegative, example: nil,
        exampleControl: nil, equilibrium: nil, equilibriumControl: nil, intuition: [], intuitionControl: [], map: map, responseCurve: [],
        responseRows: [])
    }
    let low = try game(Self.controlGain, noise, restricted: nonnegative)
    let doubled = try game(gain, try NoiseDistribution.named(p[Self.noiseFamily], scale: 2 * width), restricted: nonnegative)
    let responses = try Self.bestResponses(gain: gain, noise: noise, coupling: p[Self.coupling], points: points, width: width, realClass: realClass)
    return Outcome(
      gain: gain, width: width, uniform: p[Self.noiseFamily] == .uniform, noiseName: "\(noise)", nonnegative: nonnegative,
      example: try Self.example(chosen, width: width, samples: p[Self.samples], random: context.random(stream: "example")),
      exampleControl: try Self.example(doubled, width: width, samples: nil, random: nil),
      equilibrium: Self.equilibrium(chosen, at: width), equilibriumControl: Self.equilibrium(low, at: width),
      intuition: Self.deviations(chosen, width: width), intuitionControl: Self.deviations(low, width: width),
      map: map, responseCurve: responses.curve, responseRows: responses.rows)
  }

  /// The example (X/2, 3X/4): closed form, generic meta game, and (with `samples`) simulation.
  static func example(_ game: ThresholdGame, width: Double, samples: Int?, random: Random?) throws -> Example {
    let (t1, t2) = (0.5 * width, 0.75 * width)
    let profile = (try ThresholdPolicy(t1), try ThresholdPolicy(t2))
    let generic = try game.diffMetaGame.outcome(profile.0, profile.1)
    var simulated: MonteCarloEstimate?
    if let samples, let random { simulated = try game.diffMetaGame.simulate(profile.0, profile.1, samples: samples, random: random, level: 0.99) }
    return Example(
      exact: game.cooperationProbabilities(t1, t2), exactPayoffs: game.payoffs(t1, t2), generic: (generic.marginal(0, 0), generic.marginal(1, 0)),
      genericPayoffs: generic.expectedPayoffs(in: game.game), simulated: simulated)
  }

  static func equilibrium(_ game: ThresholdGame, at full: Double) -> Equilibrium {
    let response = game.bestResponse(0, to: full)
    return Equilibrium(
      probabilities: game.cooperationProbabilities(full, full), mutualCooperation: game.outcomeProbabilities(full, full).cc,
      payoff: game.payoffs(full, full).0, gains: game.deviationGains(full, full).map(\.gain),
      responses: (response.lowest, response.highest), candidates: game.candidateThresholds(against: full).count * 2)
  }

  /// Lowering θ₁ from X by d·X (raising it for d < 0).
  static func deviations(_ game: ThresholdGame, width: Double) -> [Deviation] {
    let start = game.cooperationProbabilities(width, width)
    return [-0.5, -0.1, 0.01, 0.05, 0.1, 0.25, 0.4, 0.5].map { d in
      let deviation = width - d * width
      let (p1, p2) = game.cooperationProbabilities(deviation, width)
      return Deviation(d: d, own: start.0 - p1, opponent: start.1 - p2, change: game.payoffs(deviation, width).0 - game.payoffs(width, width).0)
    }
  }

  static func equilibriumMap(game: ThresholdGame, realClass: ThresholdGame, step: Double, width: Double, context: RunContext) throws -> EquilibriumMap
  {
    let count = Int((2 * width / step).rounded())
    let grid = (0...count).map { -width / 2 + Double($0) * step }
    let rows = try context.map(grid, stream: "map", label: "sbc.thresholds: equilibrium map") { _, theta1, _ -> [EquilibriumMap.Profile] in
      grid.map { theta2 in
        EquilibriumMap.Profile(
          real: realClass.isEquilibrium(theta1, theta2),
          restricted: theta1 >= 0 && theta2 >= 0 ? game.isEquilibrium(theta1, theta2) : nil, u1: game.payoffs(theta1, theta2).0)
      }
    }
    return EquilibriumMap(grid: grid, rows: rows)
  }

  static func bestResponses(
    gain: Double, noise: NoiseDistribution, coupling: ThresholdGame.Coupling, points: Int, width: Double, realClass: ThresholdGame
  ) throws
    -> (curve: [(x: Double, low: Double, high: Double)], rows: [(gain: Double, theta: Double, lowest: Double, highest: Double)])
  {
    // Against θ₂ ≤ 0 the other never cooperates and every threshold is a best response: the curve starts above 0.
    let curve = stride(from: 0.05, through: 3.0, by: 0.05).map { theta -> (x: Double, low: Double, high: Double) in
      let response = realClass.bestResponse(0, to: theta * width)
      return (theta, response.lowest / width, response.highest / width)
    }
    var rows: [(gain: Double, theta: Double, lowest: Double, highest: Double)] = []
    for g in [gain] + (gain == 2 ? [] : [2.0]) {
      let other = try ThresholdGame.prisonersDilemma(gain: g, noise: noise, coupling: coupling, gridPoints: points)
      for theta in [0.25, 0.5, 1, 1.5, 2, 3] {
        let response = other.bestResponse(0, to: theta * width)
        rows.append((g, theta, response.lowest / width, response.highest / width))
      }
    }
    return (curve, rows)
  }
}
