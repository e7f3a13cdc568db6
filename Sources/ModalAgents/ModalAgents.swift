import LabKit

/// *In Strategic Time, Open-Source Games Are Loopy* (LessWrong, 2023): the open-source Prisoner's
/// Dilemma among modal agents in provability logic, with the Robust Cooperation paper
/// (arXiv:1401.5577v2) it builds on.
public enum ModalAgents {
  /// The module's catalog entry.
  public static let paper = Paper(
    id: "ModalAgents", prefix: "ma",
    title: "In Strategic Time, Open-Source Games Are Loopy",
    citation: "LessWrong, 2023",
    sourceText: "papers/open-source-games-are-loopy.txt",
    experiments: [
      StrategicTimeExperiment(), RobustCooperationExperiment(), LoopsExperiment(), WaitFairExperiment(),
      LetterlessExperiment(), CostExperiment(),
    ],
    benchmarks: benchmarks)
}

extension ModalAgents {
  /// The first 1000 enumerated rank-0 agents, compiled for the fast tournament.
  static let benchmarkTournament = try! RankZeroTournament(RankZeroEnumerator.firstAgents(1000))

  /// Throughput of the matchup evaluators: the benchmark (all ordered pairs of 1000
  /// enumerated rank-0 agents, 10^6 matchups; target at most 0.5 µs per matchup) and, for
  /// comparison, the world-by-world evaluator on the same pairs.
  public static let benchmarks: [Benchmark] = [
    Benchmark(
      id: "ma.tournament.rank0", summary: "all ordered pairs of 1000 enumerated rank-0 agents, 64-world words", unit: "matchups", count: 1_000_000
    ) { n in
      Double(benchmarkTournament.playOrderedPairs(n))
    },
    Benchmark(
      id: "ma.competition.rank0", summary: "the same pairs, world-by-world evaluator (system built per matchup)", unit: "matchups", count: 100_000
    ) { n in
      let agents = benchmarkTournament.agents
      var cooperations = 0
      for k in 0..<n {
        let m = try! Competition(agents[k / agents.count % agents.count], agents[k % agents.count]).solve()
        cooperations += (m.firstMove == .cooperate ? 2 : 0) + (m.secondMove == .cooperate ? 1 : 0)
      }
      return Double(cooperations)
    },
  ]
}
