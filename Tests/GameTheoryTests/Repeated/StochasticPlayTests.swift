import LabKit
import Testing

@testable import GameTheory

/// Random strategies and noise: seeded determinism, the draws made, and statistical checks with
/// computed intervals. All seeds are fixed, so each check has one fixed outcome; the intervals say
/// why that outcome is the expected one.
@Suite struct StochasticPlayTests {
  typealias Support = RepeatedTestSupport

  @Test func sameSeedSameMatch() throws {
    let match = try RepeatedMatch(turns: 500, noise: 0.05)
    let gtft = try FiniteMemoryStrategy.gtft()
    let first = try match.play(gtft, .random, random: Random(seed: 7), transcript: true)
    let again = try match.play(gtft, .random, random: Random(seed: 7), transcript: true)
    let other = try match.play(gtft, .random, random: Random(seed: 8), transcript: true)
    #expect(first == again)
    #expect(first.transcript != other.transcript)
    // With and without transcript, the same draws give the same counts.
    #expect(try match.play(gtft, .random, random: Random(seed: 7)).outcomeCounts == first.outcomeCounts)
  }

  @Test func drawsOnlyWhatIsNeeded() throws {
    // Deterministic strategies without noise draw nothing, and need no generator.
    let quiet = try RepeatedMatch(turns: 300)
    let random = Random(seed: 11)
    _ = try quiet.play(.titForTat, .alternator, random: random, transcript: true)
    #expect(random.next() == Random(seed: 11).next())
    #expect(!quiet.drawsRandomNumbers(.titFor2Tats, .grudger))

    // Random v Random with noise 0.1: four draws a turn (two moves, two noise flips).
    let noisy = try RepeatedMatch(turns: 300, noise: 0.1)
    let used = Random(seed: 12)
    _ = try noisy.play(.random, .random, random: used)
    let reference = Random(seed: 12)
    for _ in 0..<(4 * 300) { _ = reference.next() }
    #expect(used.next() == reference.next())

    // GTFT v Cooperator never leaves its p = 1 state: no draws at all.
    let gtft = try FiniteMemoryStrategy.gtft()
    let unused = Random(seed: 13)
    _ = try quiet.play(gtft, .cooperator, random: unused)
    #expect(unused.next() == Random(seed: 13).next())
  }

  @Test func stochasticPlayWithoutGeneratorIsAnError() throws {
    let error = Support.labError { _ = try RepeatedMatch(turns: 10).play(.titForTat, .random) }
    #expect(error == .invalidInput(place: "repeated match TitForTat v Random", problem: "stochastic strategy Random needs a random generator"))
    let noisy = Support.labError { _ = try RepeatedMatch(turns: 10, noise: 0.5).play(.titForTat, .defector) }
    #expect(noisy == .invalidInput(place: "repeated match TitForTat v Defector", problem: "noise 0.5 needs a random generator"))
  }

  @Test func badMatchParameters() {
    #expect(
      Support.labError { _ = try RepeatedMatch(turns: -5) }
        == .invalidInput(place: "repeated match", problem: "turns must be at least 1, got -5"))
    #expect(Support.labError { _ = try RepeatedMatch(turns: 0) } != nil)
    for noise in [-0.1, 1.5, Double.nan, Double.infinity] {
      #expect(
        Support.labError { _ = try RepeatedMatch(turns: 5, noise: noise) }
          == .invalidInput(place: "repeated match", problem: "noise must be a probability in [0, 1], got \(noise)"))
    }
  }

  /// Random plays C with probability 1/2: over 100,000 turns the 99.9 % Wilson interval of its
  /// cooperation rate contains 0.5.
  @Test func randomCooperatesHalfTheTime() throws {
    let turns = 100_000
    let result = try RepeatedMatch(turns: turns).play(.random, .cooperator, random: Random(seed: 1))
    let interval = try ConfidenceInterval.wilson(successes: result.cooperations[0], trials: turns, level: 0.999)
    #expect(interval.lower <= 0.5 && 0.5 <= interval.upper, "\(interval)")
    #expect(result.cooperations[1] == turns)
    let biased = try RepeatedMatch(turns: turns).play(
      FiniteMemoryStrategy.random(cooperationProbability: 0.2), .defector, random: Random(seed: 2))
    let biasedInterval = try ConfidenceInterval.wilson(successes: biased.cooperations[0], trials: turns, level: 0.999)
    #expect(biasedInterval.lower <= 0.2 && 0.2 <= biasedInterval.upper, "\(biasedInterval)")
  }

  /// Against Defector, GTFT opens with C and then forgives each D with probability p = 1/3: its
  /// cooperation rate after the first turn lies in a 99.9 % Wilson interval around p.
  @Test func gtftForgivesAtRateP() throws {
    let turns = 100_001
    let gtft = try FiniteMemoryStrategy.gtft()
    let result = try RepeatedMatch(turns: turns).play(gtft, .defector, random: Random(seed: 3), transcript: true)
    #expect(result.transcript?.first == RepeatedMatch.Turn(.cooperate, .defect))
    let interval = try ConfidenceInterval.wilson(successes: result.cooperations[0] - 1, trials: turns - 1, level: 0.999)
    let p = try FiniteMemoryStrategy.gtftForgiveness(for: .axelrod)
    #expect(interval.lower <= p && p <= interval.upper, "\(interval)")
  }

  /// Noise flips each intended move with probability `noise`: between Cooperators every D is a flip,
  /// and between Defectors every C.
  @Test func noiseRateIsRealised() throws {
    let turns = 50_000
    for (noise, seed) in [(0.1, UInt32(4)), (0.01, 5), (0.5, 6)] {
      let match = try RepeatedMatch(turns: turns, noise: noise)
      let cooperators = try match.play(.cooperator, .cooperator, random: Random(seed: seed))
      let flips = 2 * turns - cooperators.cooperations[0] - cooperators.cooperations[1]
      let interval = try ConfidenceInterval.wilson(successes: flips, trials: 2 * turns, level: 0.999)
      #expect(interval.lower <= noise && noise <= interval.upper, "noise \(noise): \(interval)")
      let defectors = try match.play(.defector, .defector, random: Random(seed: seed + 100))
      let cooperations = defectors.cooperations[0] + defectors.cooperations[1]
      let other = try ConfidenceInterval.wilson(successes: cooperations, trials: 2 * turns, level: 0.999)
      #expect(other.lower <= noise && noise <= other.upper, "noise \(noise): \(other)")
    }
  }

  /// The mean score per turn and cooperation rate of six stochastic or noisy pairings agree with
  /// axelrod's (1000 matches of 200 turns each, `make_stochastic_means.py`): for each player and
  /// measure, |z| ≤ 4 for the difference of the two means, z = (ours − axelrod's) / √(s₁²/n₁ + s₂²/n₂).
  /// Wrong noise semantics (strategies seeing intended moves instead of played ones) would fail this:
  /// for Tit for Tat v Tit for Tat at noise 0.1 the score moves by many standard errors.
  @Test func stochasticMeansAgreeWithAxelrod() throws {
    let fixture = try Support.fixture("stochastic_means.json", as: AxelrodStochasticMeans.self)
    #expect(fixture.axelrodVersion == "4.14.0")
    let ours = 2000
    for (index, pairing) in fixture.pairings.enumerated() {
      let first = try Support.strategy(pairing.first)
      let second = try Support.strategy(pairing.second)
      let match = try RepeatedMatch(turns: fixture.turns, noise: pairing.noise)
      var scores: [[Double]] = [[], []]
      var rates: [[Double]] = [[], []]
      for replicate in 0..<ours {
        let random = Random(master: 2024, stream: "repeated.tests.axelrod-means/\(index)", replicate: replicate)
        let result = try match.play(first, second, random: random)
        for seat in 0..<2 {
          scores[seat].append(result.meanScores[seat])
          rates[seat].append(Double(result.cooperations[seat]) / Double(fixture.turns))
        }
      }
      for seat in 0..<2 {
        let measures = [
          ("score per turn", scores[seat], pairing.scorePerTurnMean[seat], pairing.scorePerTurnSd[seat]),
          ("cooperation rate", rates[seat], pairing.cooperationRateMean[seat], pairing.cooperationRateSd[seat]),
        ]
        for (label, values, theirMean, theirSD) in measures {
          let mean = values.reduce(0, +) / Double(ours)
          let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(ours - 1)
          let standardError = (variance / Double(ours) + theirSD * theirSD / Double(fixture.matches)).squareRoot()
          let label = "\(pairing.first) v \(pairing.second), noise \(pairing.noise), seat \(seat) \(label)"
          if standardError == 0 {
            #expect(mean == theirMean, "\(label)")
          } else {
            let z = (mean - theirMean) / standardError
            #expect(abs(z) <= 4, "\(label): ours \(mean), axelrod \(theirMean), z = \(z)")
          }
        }
      }
    }
  }
}
