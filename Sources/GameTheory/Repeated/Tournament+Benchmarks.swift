import LabKit

extension Tournament {
  /// Throughput of the match engine, in rounds ("turns") simulated per second, on whole tournaments
  /// (result aggregation included, every round simulated).
  ///
  /// `game.tournament.deterministic` is the tournament `Tests/Fixtures/axelrod/benchmark_axelrod.py`
  /// times in axelrod: the 8 deterministic classic strategies, round robin with self-play (36
  /// matches), 200 turns, 10 repetitions, 72,000 turns per tournament. `game.tournament.noisy` adds
  /// Random and GTFT and noise 0.05 (55 matches, 110,000 turns per tournament), so every round draws.
  /// A body given `n` turns plays `max(1, n / turnsPerTournament)` tournaments.
  public static let benchmarks: [Benchmark] = [
    benchmark(
      id: "game.tournament.deterministic",
      summary: "round robin of the 8 deterministic classic strategies, 200 turns, 10 repetitions",
      tournaments: 200, make: { try Tournament(strategies: FiniteMemoryStrategy.deterministicClassics, turns: 200, repetitions: 10) }),
    benchmark(
      id: "game.tournament.noisy",
      summary: "round robin of the 10 classic strategies, noise 0.05, 200 turns, 10 repetitions",
      tournaments: 20,
      make: { try Tournament(strategies: FiniteMemoryStrategy.classics(), turns: 200, repetitions: 10, noise: 0.05, seed: 1) }),
  ]

  private static func benchmark(id: String, summary: String, tournaments: Int, make: () throws -> Tournament) -> Benchmark {
    let tournament: Tournament
    do { tournament = try make() } catch { preconditionFailure("\(id): \(error)") }
    let perTournament = tournament.totalTurns
    return Benchmark(id: id, summary: summary, unit: "turns", count: tournaments * perTournament) { n in
      var checksum = 0.0
      for _ in 0..<max(1, n / perTournament) {
        let result = tournament.play()
        checksum += result.meanScores.reduce(0, +)
      }
      return checksum
    }
  }
}
