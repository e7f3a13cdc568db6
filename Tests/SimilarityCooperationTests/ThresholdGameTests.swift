import GameTheory
import LabKit
import Testing

@testable import SimilarityCooperation

@Suite struct ThresholdGameTests {
  static func game(_ gain: Double = 3, width: Double = 1, coupling: ThresholdGame.Coupling = .independent) throws -> ThresholdGame {
    try ThresholdGame.prisonersDilemma(gain: gain, noise: .uniform(width: width), coupling: coupling)
  }

  @Test func theIntroductionsExampleHasProbabilitiesOneQuarterAndOneHalf() throws {
    let game = try Self.game()
    let (p1, p2) = game.cooperationProbabilities(0.5, 0.75)
    #expect(p1 == 0.25 && p2 == 0.5)
    let (u1, u2) = game.payoffs(0.5, 0.75)
    #expect(abs(u1 - 2.25) < 1e-15 && abs(u2 - 1.25) < 1e-15)  // notes §4 row 4
    // The generic meta game gives the same, exactly and by simulation.
    let meta = game.diffMetaGame
    let outcome = try meta.outcome(try ThresholdPolicy(0.5), try ThresholdPolicy(0.75))
    #expect(abs(outcome.marginal(0, 0) - 0.25) < 1e-15 && abs(outcome.marginal(1, 0) - 0.5) < 1e-15)
    let estimate = try meta.simulate(try ThresholdPolicy(0.5), try ThresholdPolicy(0.75), samples: 200_000, random: Random(seed: 4), level: 0.999)
    #expect(estimate.firstActionFrequencies[0].contains(0.25) && estimate.firstActionFrequencies[1].contains(0.5))
    #expect(estimate.utilities[0].contains(2.25) && estimate.utilities[1].contains(1.25))
  }

  @Test func fullCooperationIsAnEquilibriumAtGThree() throws {
    let game = try Self.game()
    #expect(game.cooperationProbabilities(1, 1) == (1, 1))
    #expect(game.isEquilibrium(1, 1))
    let response = game.bestResponse(0, to: 1)
    // The best-response set is the single threshold 1 (points within 1e-9 in payoff are within 1e-9 of it).
    #expect(response.value == 3 && abs(response.lowest - 1) < 1e-8 && abs(response.highest - 1) < 1e-8)
  }

  /// The notes' §3.2 items 1–3 and §4 rows 5–8, for several noise widths (scale invariance).
  @Test(arguments: [0.1, 1.0, 100_000.0])
  func uniformNoiseResultsOfTheNotes(width: Double) throws {
    for gain in [1.5, 1.99] {
      let game = try Self.game(gain, width: width)
      let gains = game.deviationGains(width, width)
      #expect(abs(gains[0].gain - (1 - gain / 2)) < 1e-12, "G = \(gain)")
      #expect(abs(gains[0].deviation / width - 0.5) < 1e-12)
      #expect(!game.isEquilibrium(width, width))
    }
    for gain in [2.0, 2.5, 3.0] {
      let game = try Self.game(gain, width: width)
      #expect(game.isEquilibrium(width, width), "G = \(gain)")
      for fraction in [0.0, 0.25, 0.6, 1.0] { #expect(game.isEquilibrium(fraction * width, fraction * width)) }
      // θ > X is not an equilibrium: deviating to X gains θ/X − 1 (0.2 at 1.2X, 0.5 at 1.5X).
      for (fraction, expected) in [(1.2, 0.2), (1.5, 0.5)] {
        let current = game.payoffs(fraction * width, fraction * width).0
        #expect(abs(game.payoff(0, own: width, opponent: fraction * width) - current - expected) < 1e-12)
        #expect(!game.isEquilibrium(fraction * width, fraction * width))
      }
    }
  }

  /// The notes' table of best responses (§3.2 item 4).
  @Test func bestResponsesMatchTheNotesTable() throws {
    for gain in [2.5, 3.0, 5.0] {
      let game = try Self.game(gain)
      for theta in [0.3, 0.8, 1.0, 1.7, 2.0] {
        let r = game.bestResponse(0, to: theta)
        #expect(abs(r.lowest - min(theta, 1)) < 1e-9 && abs(r.highest - min(theta, 1)) < 1e-9, "G = \(gain), θ₂ = \(theta)")
      }
      for theta in [2.5, 4.0] {
        let r = game.bestResponse(0, to: theta)
        #expect(abs(r.lowest - 1) < 1e-9 && abs(r.highest - theta / 2) < 1e-9)
        #expect(abs(r.value - (gain + 1)) < 1e-12)
      }
    }
    let critical = try Self.game(2)
    for theta in [0.4, 1.0, 1.6] {
      let r = critical.bestResponse(0, to: theta)
      #expect(abs(r.lowest - theta / 2) < 1e-9 && abs(r.highest - min(theta, 1)) < 1e-9)
      #expect(abs(r.value - (1 + theta)) < 1e-12)  // constant payoff 1 + θ₂/X on the interval (θ₂ ≤ 2X)
    }
  }

  @Test func loweringTheThresholdMakesTheOpponentDefectAtHalfTheRate() throws {
    let game = try Self.game()
    for d in [0.01, 0.2, 0.5] {
      let (p1, p2) = game.cooperationProbabilities(1 - d, 1)
      #expect(abs((1 - p1) - 2 * d) < 1e-12 && abs((1 - p2) - d) < 1e-12)
      #expect(abs(game.payoffs(1 - d, 1).0 - (3 - d)) < 1e-12)  // (G − 2)(1 − d) + 2 at G = 3
    }
  }

  @Test func commonNoiseCorrelatesTheActions() throws {
    let game = try Self.game(3, coupling: .common)
    let o = game.outcomeProbabilities(0.5, 0.75)
    #expect(o.cc == 0.25 && o.cd == 0 && o.dc == 0.25 && o.dd == 0.5)
    // Payoffs depend only on the marginals in the donation game, so they equal the independent ones.
    let independent = try Self.game()
    #expect(abs(game.payoffs(0.5, 0.75).0 - independent.payoffs(0.5, 0.75).0) < 1e-15)
    // The generic meta game merges the two players' cuts in noise space the same way.
    let outcome = try game.diffMetaGame.outcome(try ThresholdPolicy(0.5), try ThresholdPolicy(0.75))
    #expect(
      abs(outcome.probabilities[0][0] - 0.25) < 1e-15 && abs(outcome.probabilities[1][0] - 0.25) < 1e-15
        && abs(outcome.probabilities[1][1] - 0.5) < 1e-15 && outcome.probabilities[0][1] == 0)
  }

  @Test func closedFormsAgreeWithTheGenericMetaGameOnRandomProfiles() throws {
    let random = Random(seed: 21)
    for coupling in ThresholdGame.Coupling.allCases {
      for noise in [try NoiseDistribution.uniform(width: 1), try .gaussian(standardDeviation: 0.4), try .named("reflected-exponential", scale: 0.5)] {
        let game = try ThresholdGame(game: .prisonersDilemma(donation: 2.5), noise: noise, coupling: coupling)
        for _ in 0..<50 {
          let (a, b) = (random.uniform(in: -1..<2), random.uniform(in: -1..<2))
          let closed = game.payoffs(a, b)
          let generic = try game.diffMetaGame.utilities(try ThresholdPolicy(a), try ThresholdPolicy(b))
          #expect(abs(closed.0 - generic[0]) < 1e-12 && abs(closed.1 - generic[1]) < 1e-12)
        }
      }
    }
  }

  /// Equilibrium maps computed independently with numpy and scipy (the fixture's docstring says how).
  @Test func equilibriumMapsMatchTheScipyFixture() throws {
    for map in FixtureSupport.threshold.profileMaps {
      let noise = try NoiseDistribution.named(map.noise, scale: map.scale)
      // A coarser deviation grid keeps the debug-build test fast; kinks are evaluated exactly anyway.
      let game = try ThresholdGame.prisonersDilemma(gain: map.gain, noise: noise, gridPoints: 300)
      var found: [[Double]] = []
      for a in map.grid {
        for b in map.grid where game.isEquilibrium(a, b, tolerance: map.tolerance) { found.append([a, b]) }
      }
      #expect(found == map.equilibria, "\(map.noise), G = \(map.gain)")
    }
  }

  @Test func gaussianFrontierMatchesTheScipyFixture() throws {
    for point in FixtureSupport.threshold.gaussianFrontier {
      let game = try ThresholdGame.prisonersDilemma(gain: point.gain, noise: .gaussian(standardDeviation: 1), gridPoints: 1000)
      let grid = (0...40).map { Double($0) * 0.1 }
      let best = try #require(game.mostCooperativeSymmetricEquilibrium(grid: grid, tolerance: 1e-12))
      #expect(abs(best.theta - point.theta) < 1e-5, "G = \(point.gain)")
      #expect(abs(best.cooperation - point.cooperation) < 1e-6)
    }
  }

  @Test func gaussianNoiseAtTheCriticalGainCooperatesAtMostHalfTheTime() throws {
    let game = try ThresholdGame.prisonersDilemma(gain: 2, noise: .gaussian(standardDeviation: 0.01))
    #expect(game.isEquilibrium(0, 0, tolerance: 1e-12))
    #expect(game.cooperationProbabilities(0, 0).0 == 0.5)
    #expect(!game.isEquilibrium(0.001, 0.001, tolerance: 1e-12))
    #expect(game.isEquilibrium(-0.01, -0.01, tolerance: 1e-12))
    // Skewed mean-zero noise breaks the bound: 1 − Exp(mean X) allows full cooperation at θ = X.
    let skewed = try ThresholdGame.prisonersDilemma(gain: 2, noise: .named("reflected-exponential", scale: 0.01))
    #expect(skewed.isEquilibrium(0.01, 0.01, tolerance: 1e-12) && skewed.cooperationProbabilities(0.01, 0.01).0 == 1)
  }

  @Test func theNonnegativeClassHasNoAsymmetricEquilibria() throws {
    let restricted = try ThresholdGame.prisonersDilemma(gain: 3, noise: .uniform(width: 1), lowestThreshold: 0)
    let real = try Self.game()
    #expect(restricted.isEquilibrium(0, 0) && real.isEquilibrium(0, -0.3) && real.isEquilibrium(-0.2, -0.4))
    #expect(!restricted.isEquilibrium(0, 0.3) && !real.isEquilibrium(0.2, 0.4))
    #expect(restricted.candidateThresholds(against: 0.5).allSatisfy { $0 >= 0 })
  }

  @Test func badGamesAreRefused() throws {
    #expect(throws: LabError.self) { try ThresholdGame(game: .random(actionCounts: [3, 2], seed: 1), noise: .uniform(width: 1)) }
    #expect(throws: LabError.self) { try ThresholdGame(game: .prisonersDilemma(donation: 3), noise: .uniform(width: 1), gridPoints: 5) }
    #expect(throws: LabError.self) { try ThresholdPolicy(.nan) }
  }
}
