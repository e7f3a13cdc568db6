import Foundation
import LabKit
import Testing

@testable import GameTheory

/// The Moran process against the two-type fixation formula and its closed forms.
@Suite struct MoranProcessTests {
  /// Constant fitness r against 1 (w = 1, payoffs independent of the partner): the fixation
  /// probability of i mutants is (1 − r^−i) / (1 − r^−N) (Nowak 2006, ch. 6); neutral, i / N.
  @Test func constantFitnessMatchesTheClosedForm() throws {
    for (r, n) in [(1.5, 10), (0.8, 7), (2.0, 30)] {
      let process = try MoranProcess(payoffs: [[r, r], [1, 1]], populationSize: n, fitness: .selectionIntensity(1))
      for i in [1, 2, n / 2, n - 1] {
        let exact = (1 - pow(r, Double(-i))) / (1 - pow(r, Double(-n)))
        #expect(abs(try process.fixationProbability(of: 0, against: 1, initialCount: i) - exact) < 1e-12, "r \(r) N \(n) i \(i)")
      }
    }
    let neutral = try MoranProcess(payoffs: [[2, 2], [2, 2]], populationSize: 8)
    for i in 0...8 { #expect(abs(try neutral.fixationProbability(of: 0, against: 1, initialCount: i) - Double(i) / 8) < 1e-12) }
  }

  /// Simulated fixation frequencies fall within the 99.9% Wilson interval of the formula, for a
  /// frequency-dependent game (the prisoner's dilemma with w = 0.5) and for the total-payoff fitness.
  @Test func simulationAgreesWithTheFormula() throws {
    let cases: [(MoranProcess, [Int])] = [
      (try MoranProcess(payoffs: [[3, 0], [5, 1]], populationSize: 6, fitness: .selectionIntensity(0.5)), [2, 4]),
      (try MoranProcess(payoffs: [[4, 1], [2, 3]], populationSize: 10), [3, 7]),
    ]
    for (process, counts) in cases {
      let runs = 4000
      let wins = try process.fixationCounts(from: counts, runs: runs, seed: 5)
      #expect(wins.reduce(0, +) == runs)
      let exact = try process.fixationProbability(of: 0, against: 1, initialCount: counts[0])
      let interval = try ConfidenceInterval.wilson(successes: wins[0], trials: runs, level: 0.999)
      #expect(interval.contains(exact), "\(interval) vs \(exact)")
    }
  }

  /// Cooperators among defectors (total payoff, R, S, T, P = 3, 0, 5, 1): a lone cooperator earns 0
  /// and cannot reproduce, so it never fixes; with i ≥ 2 the formula restarts above that state. Strong
  /// selection (w = 1, N = 400) stays finite.
  @Test func unreproducibleStatesAndExtremeSelection() throws {
    let process = try MoranProcess(payoffs: [[3, 0], [5, 1]], populationSize: 5)
    #expect(try process.fixationProbability(of: 0, against: 1, initialCount: 1) == 0)
    // i = 2: f₂ = 3, g₂ = 2·5 + 2·1 = 12, and from 3 on γ = g/f: x₂ = 1 / (1 + γ₂ + γ₂γ₃ + γ₂γ₃γ₄) with
    // γ₂ = 12/3, γ₃ = (3·5 + 1)/6 = 16/6, γ₄ = 20/9.
    let (g2, g3, g4) = (12.0 / 3, 16.0 / 6, 20.0 / 9)
    #expect(abs(try process.fixationProbability(of: 0, against: 1, initialCount: 2) - 1 / (1 + g2 + g2 * g3 + g2 * g3 * g4)) < 1e-12)
    let strong = try MoranProcess(payoffs: [[1, 1], [1e-3, 1e-3]], populationSize: 400, fitness: .selectionIntensity(1))
    let value = try strong.fixationProbability(of: 1, against: 0)
    #expect(value.isFinite && value >= 0 && value < 1e-300)
  }

  /// Fitness of an individual: the payoffs from the N − 1 others.
  @Test func fitnessCountsTheOthers() throws {
    let process = try MoranProcess(payoffs: [[3, 0], [5, 1]], populationSize: 5)
    #expect(process.fitness(of: 0, counts: [2, 3]) == 3)
    #expect(process.fitness(of: 1, counts: [2, 3]) == 12)
  }

  @Test func badInputIsRefused() throws {
    #expect(throws: LabError.self) { try MoranProcess(payoffs: [[1, 0], [0, 1]], populationSize: 1) }
    #expect(throws: LabError.self) { try MoranProcess(payoffs: [[1, -1], [0, 1]], populationSize: 4) }
    #expect(throws: LabError.self) { try MoranProcess(payoffs: [[0, 0], [0, 0]], populationSize: 4) }
    #expect(throws: LabError.self) { try MoranProcess(payoffs: [[1, 0], [0, 1]], populationSize: 4, fitness: .selectionIntensity(2)) }
    let process = try MoranProcess(payoffs: [[1, 1], [1, 1]], populationSize: 4)
    #expect(throws: LabError.self) { try process.fixationCounts(from: [1, 2], runs: 5, seed: 1) }
    #expect(throws: LabError.self) { try process.fixationProbability(of: 0, against: 0) }
  }
}
