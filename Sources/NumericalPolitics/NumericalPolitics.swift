import LabKit

/// Numerical Politics (Daniel Tang, 2024): message-passing societies of Q-learning agents.
public enum NumericalPolitics {
  /// The module's catalog entry.
  public static let paper = Paper(
    id: "NumericalPolitics", prefix: "np",
    title: "Numerical Politics: Numerical experiments in the politics of interacting, autonomous agents",
    citation: "Daniel Tang, 22 March 2024",
    sourceText: "papers/numerical-politics.txt",
    experiments: [TableTwoOneExperiment(), ZeroMemoryExperiment()],
    benchmarks: benchmarks)
}

extension NumericalPolitics {
  /// Throughput of the zero-memory society's encounter loop (two agents and ten agents, book-era
  /// constants).
  public static let benchmarks: [Benchmark] = [
    Benchmark(id: "np.zero-memory.pair", summary: "zero-memory Q-learning, 2 agents, mt19937", unit: "encounters", count: 10_000_000) { n in
      var society = ZeroMemorySociety(agents: 2, constants: QLearningConstants())
      let outcome = society.run(encountersPerAgent: n, checkpointCount: 2, random: Random(seed: 1))
      return outcome.differences.reduce(0, +)
    },
    Benchmark(id: "np.zero-memory.population", summary: "zero-memory Q-learning, 10 agents, random pairs, mt19937", unit: "encounters", count: 10_000_000) { n in
      var society = ZeroMemorySociety(agents: 10, constants: QLearningConstants())
      let outcome = society.run(encountersPerAgent: n / 5, checkpointCount: 2, random: Random(seed: 1))
      return outcome.differences.reduce(0, +)
    },
  ]
}
