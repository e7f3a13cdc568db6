import LabKit
import Testing

@testable import GameTheory

@Suite struct RepeatedTournamentTests {
  typealias Support = RepeatedTestSupport

  /// axelrod's `complete_graph`: every unordered pair once, self-play included.
  @Test func roundRobinIncludesSelfPlay() throws {
    let tournament = try Tournament(strategies: [.cooperator, .defector, .titForTat], turns: 10, repetitions: 2)
    #expect(tournament.pairs == [SIMD2(0, 0), SIMD2(0, 1), SIMD2(0, 2), SIMD2(1, 1), SIMD2(1, 2), SIMD2(2, 2)])
    #expect(tournament.totalTurns == 6 * 2 * 10)
  }

  @Test func resultsDoNotDependOnParallelism() throws {
    let tournament = try Tournament(
      strategies: FiniteMemoryStrategy.classics(), turns: 100, repetitions: 4, noise: 0.05, seed: 99)
    let serial = tournament.play(jobs: 1)
    for jobs in [2, 3, 8, 100] {
      #expect(tournament.play(jobs: jobs) == serial, "jobs \(jobs)")
    }
    // Same seed, same result; another seed, another.
    #expect(try Tournament(strategies: FiniteMemoryStrategy.classics(), turns: 100, repetitions: 4, noise: 0.05, seed: 99).play() == serial)
    #expect(try Tournament(strategies: FiniteMemoryStrategy.classics(), turns: 100, repetitions: 4, noise: 0.05, seed: 100).play() != serial)
  }

  /// Match (i, j, r) draws from `Random(master: seed, stream: "game.tournament/i-j", replicate: r)`.
  @Test func seedingContract() throws {
    let strategies = try FiniteMemoryStrategy.classics()
    let tournament = try Tournament(strategies: strategies, turns: 60, repetitions: 3, noise: 0.1, seed: 5)
    let result = tournament.play(jobs: 2)
    for (i, j) in [(0, 0), (2, 8), (9, 9), (4, 7)] {
      for r in 0..<3 {
        let random = Random(master: 5, stream: Tournament.seedStream(i, j), replicate: r)
        let direct = try tournament.match.play(strategies[i], strategies[j], random: random)
        #expect(result.match(i, j, repetition: r) == direct, "\(i)-\(j) rep \(r)")
        if i != j { #expect(result.match(j, i, repetition: r) == direct.swapped) }
      }
    }
  }

  @Test func deterministicTournamentMatchesDirectPlay() throws {
    let strategies = FiniteMemoryStrategy.deterministicClassics
    let result = try Tournament(strategies: strategies, turns: 200, repetitions: 2).play()
    let match = try RepeatedMatch(turns: 200)
    for i in strategies.indices {
      for j in strategies.indices {
        #expect(result.match(i, j, repetition: 1) == (try match.play(strategies[i], strategies[j])))
      }
    }
    // Defector beats every opponent that ever cooperates: all six others but SuspiciousTitForTat,
    // which defects throughout and ties (self-play does not count).
    #expect(result.wins[1] == [6, 6])
  }

  /// Summary definitions on a tournament small enough to check by hand: Cooperator, Defector, Tit for
  /// Tat, 10 turns. Per-turn scores (self-play excluded): Cooperator 3 v TFT, 0 v Defector; Defector
  /// 5 v Cooperator, 1.4 v TFT; TFT 3 v Cooperator, 0.9 v Defector.
  @Test func summaryByHand() throws {
    let result = try Tournament(strategies: [.cooperator, .defector, .titForTat], turns: 10, repetitions: 1).play()
    #expect(result.normalisedScores == [[1.5], [3.2], [1.95]])
    #expect(result.scores == [[30], [64], [39]])
    #expect(result.wins == [[0], [2], [0]])
    #expect(result.ranking == [1, 2, 0])
    #expect(result.cooperationRating == [1, 0, 11.0 / 20])
    #expect(result.initialCooperationRate == [1, 0, 1])
    #expect(result.payoffMatrix[2] == [3, 0.9, 3])
    #expect(result.payoffMatrix[1][1] == 1)
  }

  @Test func mediansOverRepetitions() throws {
    #expect(try Statistics.median([3, 1, 2]) == 2)
    #expect(try Statistics.median([4, 1, 2, 3]) == 2.5)
  }

  /// Noisy tournament: wins' medians can be halves with an even number of repetitions, and every
  /// rate stays in [0, 1].
  @Test func noisySummaryIsWellFormed() throws {
    let result = try Tournament(
      strategies: FiniteMemoryStrategy.classics(), turns: 50, repetitions: 4, noise: 0.1, seed: 3
    ).play(jobs: 2)
    let table = result.summary(id: "t", title: "noisy")
    #expect(table.rows.count == 10)
    #expect(Set(result.rankedNames) == Set(FiniteMemoryStrategy.classicNames))
    #expect(result.cooperationRating.allSatisfy { (0...1).contains($0) })
    #expect(result.medianWins.allSatisfy { ($0 * 2).rounded() == $0 * 2 && $0 <= 9 })
    let medians = result.ranking.map { result.medianScores[$0] }
    #expect(medians == medians.sorted(by: >))
  }

  @Test func badTournamentsAreRejected() {
    #expect(
      Support.labError { _ = try Tournament(strategies: [.titForTat]) }
        == .invalidInput(place: "tournament", problem: "a round robin needs at least 2 strategies, got 1"))
    #expect(
      Support.labError { _ = try Tournament(strategies: [.titForTat, .defector], repetitions: 0) }
        == .invalidInput(place: "tournament", problem: "repetitions must be at least 1, got 0"))
    #expect(
      Support.labError { _ = try Tournament(strategies: [.titForTat, .defector], turns: -1) }
        == .invalidInput(place: "repeated match", problem: "turns must be at least 1, got -1"))
    #expect(Support.labError { _ = try Tournament(strategies: [.titForTat, .defector], noise: 1.01) } != nil)
    #expect(
      Support.labError { _ = try Tournament(names: ["Tit For Tat", "Nobody"]) }
        == .unknownIdentifier("Nobody", known: FiniteMemoryStrategy.classicNames))
  }

  @Test func benchmarksAreDeclared() {
    #expect(Tournament.benchmarks.map(\.id) == ["game.tournament.deterministic", "game.tournament.noisy"])
    #expect(Tournament.benchmarks.allSatisfy { $0.unit == "turns" })
    // A tiny run of each body works (timing belongs to `reproduce bench`, not to tests).
    for benchmark in Tournament.benchmarks { #expect(benchmark.body(1).isFinite) }
  }
}
