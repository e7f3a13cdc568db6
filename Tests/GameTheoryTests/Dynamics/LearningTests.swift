import Foundation
import LabKit
import Testing

@testable import GameTheory

/// Fictitious play, stochastic fictitious play and regret matching against what theory fixes.
@Suite struct LearningTests {
  static let matchingPennies = try! Bimatrix(row: [[1, -1], [-1, 1]], column: [[-1, 1], [1, -1]])
  static let rockPaperScissors = try! Bimatrix(symmetric: [[0, -1, 1], [1, 0, -1], [-1, 1, 0]])

  /// In the prisoner's dilemma D strictly dominates, so both players best-respond with D from the
  /// second iteration on (the first, from zero counts, is a tie broken to the lowest index, C).
  @Test func fictitiousPlayDefectsInThePrisonersDilemma() throws {
    let game = try Bimatrix(symmetric: [[3, 0], [5, 1]])
    let path = try FictitiousPlay(game: game, tieBreak: .lowestIndex).run(iterations: 50)
    #expect(path.rowCounts.last == [1, 49])
    #expect(path.columnCounts.last == [1, 49])
    #expect(path.rowCounts.count == 51)
  }

  /// Robinson (1951): in a zero-sum game the empirical strategies converge to the equilibrium,
  /// (1/2, 1/2) in matching pennies and (1/3, 1/3, 1/3) in rock–paper–scissors.
  @Test func fictitiousPlayConvergesInZeroSumGames() throws {
    let pennies = try FictitiousPlay(game: Self.matchingPennies, tieBreak: .lowestIndex).run(iterations: 20_000)
    #expect(pennies.empiricalStrategies.row.allSatisfy { abs($0 - 0.5) < 0.01 })
    #expect(pennies.empiricalStrategies.column.allSatisfy { abs($0 - 0.5) < 0.01 })
    let rps = try FictitiousPlay(game: Self.rockPaperScissors).run(iterations: 20_000, random: Random(seed: 3))
    #expect(rps.empiricalStrategies.row.allSatisfy { abs($0 - 1.0 / 3) < 0.02 })
  }

  /// The logit choice of stochastic fictitious play at known payoffs, without perturbation:
  /// p = (e^{u₁/η}, e^{u₂/η}) / Σ.
  @Test func stochasticFictitiousPlayUsesTheLogitChoice() throws {
    let play = try StochasticFictitiousPlay(game: Self.matchingPennies, logitNoise: 0.5, perturbation: 0)
    let p = play.choiceProbabilities([1, -1], random: Random(seed: 1))
    #expect(abs(p[0] - exp(2.0) / (exp(2.0) + exp(-2.0))) < 1e-15)
  }

  /// Stochastic fictitious play in matching pennies: the mean empirical strategy over 200 runs is
  /// within its 99% interval of 1/2 (the game is symmetric under relabelling).
  @Test func stochasticFictitiousPlayIsCentredInMatchingPennies() throws {
    let play = try StochasticFictitiousPlay(game: Self.matchingPennies)
    var shares: [Double] = []
    for run in 0..<200 {
      let path = try play.run(iterations: 500, random: Random(master: 7, stream: "test.sfp", replicate: run))
      shares.append(path.empiricalStrategies.row[0])
    }
    let interval = try ConfidenceInterval.mean(of: shares, level: 0.99)
    #expect(interval.contains(0.5))
    #expect(interval.halfWidth < 0.05)
  }

  /// Regret matching: E‖R⁺‖² grows at most by m Δ² per iteration (the cross term has mean zero),
  /// so the mean over runs of (largest regret)² stays below m Δ² T; and in rock–paper–scissors the
  /// empirical strategies approach (1/3, 1/3, 1/3).
  @Test func regretMatchingKeepsRegretsSmall() throws {
    let matching = RegretMatching(game: Self.rockPaperScissors)
    let iterations = 20_000
    var squared: [Double] = []
    for run in 0..<20 {
      let result = try matching.run(iterations: iterations, random: Random(master: 11, stream: "test.rm", replicate: run))
      let largest = result.averageRegrets.row * Double(iterations)
      squared.append(largest * largest)
      #expect(result.empiricalStrategies.row.allSatisfy { abs($0 - 1.0 / 3) < 0.03 })
      #expect(result.rowCounts.reduce(0, +) == Double(iterations))
    }
    // Δ = 2 (payoffs in [−1, 1]), m = 3.
    #expect(squared.reduce(0, +) / Double(squared.count) <= 3 * 4 * Double(iterations))
    #expect(RegretMatching.strategy([2, -1, 6]) == [0.25, 0, 0.75])
    #expect(RegretMatching.strategy([-2, 0]) == [0.5, 0.5])
  }

  @Test func badInputIsRefused() throws {
    let play = FictitiousPlay(game: Self.matchingPennies)
    #expect(throws: LabError.self) { try play.run(iterations: 3) }  // random ties need a generator
    #expect(throws: LabError.self) { try play.run(iterations: -1, random: Random(seed: 1)) }
    #expect(throws: LabError.self) { try play.run(iterations: 3, initialCounts: ([1], [1, 1]), random: Random(seed: 1)) }
    #expect(throws: LabError.self) { try play.run(iterations: 3, initialCounts: ([1, -1], [1, 1]), random: Random(seed: 1)) }
    #expect(throws: LabError.self) { try StochasticFictitiousPlay(game: Self.matchingPennies, logitNoise: 0) }
    #expect(throws: LabError.self) { try StochasticFictitiousPlay(game: Self.matchingPennies, perturbation: .nan) }
    #expect(throws: LabError.self) { try RegretMatching(game: Self.matchingPennies).run(iterations: -2, random: Random(seed: 1)) }
  }
}
