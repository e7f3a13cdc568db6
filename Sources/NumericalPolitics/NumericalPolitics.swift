import Foundation
import LabKit

/// Numerical Politics (Daniel Tang, 2024): message-passing societies of Q-learning agents.
public enum NumericalPolitics {
  /// The module's catalog entry.
  public static let paper = Paper(
    id: "NumericalPolitics", prefix: "np",
    title: "Numerical Politics: Numerical experiments in the politics of interacting, autonomous agents",
    citation: "Daniel Tang, 22 March 2024",
    sourceText: "papers/numerical-politics.txt",
    experiments: [
      SugarAndSpiceExperiment(), ZeroMemoryExperiment(), ExperimentOneExperiment(), ExperimentTwoExperiment(),
      Chapter3InferenceExperiment(), Chapter3FeudalismExperiment(),
    ],
    benchmarks: benchmarks)
}

extension NumericalPolitics {
  /// Throughput of the hot loops: Experiment 1's two-agent steps (one pair, and the 256-pair scan on
  /// every core), Experiment 2's encounters, and the zero-memory society's encounters (book-era
  /// constants throughout).
  public static let benchmarks: [Benchmark] = [
    Benchmark(
      id: "np.exp1.pair", summary: "Experiment 1, one pair of one-step-memory Q-learners on the §1.1 framework, taus2", unit: "two-agent steps",
      count: 50_000_000
    ) { n in
      ExperimentOneBenchmark.pair(steps: n)
    },
    Benchmark(
      id: "np.exp1.scan", summary: "Experiment 1, all 256 initial pairs at once on every core (n / 256 steps each), taus2", unit: "two-agent steps",
      count: 256_000_000
    ) { n in
      ExperimentOneBenchmark.scan(steps: n)
    },
    Benchmark(
      id: "np.exp2.population",
      summary: "Experiment 2, 12 agents remembering the last 3 newly met, sequential pairing (2 time steps per encounter), taus2", unit: "encounters",
      count: 20_000_000
    ) { n in
      var settings = GrowingPopulationProtocol()
      settings.startPopulation = 12
      settings.endPopulation = 12
      settings.burnIn = 2 * n
      settings.measured = 2
      var stream = Taus2Stream(Random(seed: 1, algorithm: .taus2))
      return GrowingPopulation.run(settings, random: &stream)[0].meanExploration
    },
    Benchmark(id: "np.zero-memory.pair", summary: "zero-memory Q-learning, 2 agents, mt19937", unit: "encounters", count: 10_000_000) { n in
      var society = ZeroMemorySociety(agents: 2, constants: QLearningConstants())
      let outcome = society.run(encountersPerAgent: n, checkpointCount: 2, random: Random(seed: 1))
      return outcome.differences.reduce(0, +)
    },
    Benchmark(
      id: "np.zero-memory.population", summary: "zero-memory Q-learning, 10 agents, random pairs, mt19937", unit: "encounters", count: 10_000_000
    ) { n in
      var society = ZeroMemorySociety(agents: 10, constants: QLearningConstants())
      let outcome = society.run(encountersPerAgent: n / 5, checkpointCount: 2, random: Random(seed: 1))
      return outcome.differences.reduce(0, +)
    },
    Benchmark(
      id: "np.ch3.encounters", summary: "chapter 3 social graph, 1000 agents, base setting (setup of about 0.2 s included), taus2",
      unit: "started encounters", count: 300_000
    ) { n in
      var settings = SocialGraphSettings()
      settings.agents = 1000
      settings.rounds = 0
      guard var world = try? SocialGraphWorld(settings: settings, random: Random(seed: 1, algorithm: .taus2)) else { return .nan }
      world.run(untilStartedEncounters: n)
      return world.bodies.reduce(0) { $0 + $1.corn }
    },
  ]
}

/// The bodies of the Experiment 1 benchmarks: the book-era protocol with the convergence test on but
/// a window too long to stop, so every run does exactly its steps.
enum ExperimentOneBenchmark {
  static func settings(steps: Int) -> ExperimentOneProtocol {
    var settings = ExperimentOneProtocol()
    settings.convergenceWindow = Int.max
    settings.stepCap = steps
    settings.cycleSearchLimit = 0
    return settings
  }

  static func pair(steps: Int) -> Double {
    var stream = Taus2Stream(Random(seed: 1, algorithm: .taus2))
    let run = ExperimentOneRun.run(.titForTat, protocol: settings(steps: steps), random: &stream)
    return run.finalQ.0.reduce(0, +) + Double(run.final.id)
  }

  static func scan(steps: Int) -> Double {
    let each = max(1, steps / 256)
    let sums =
      (try? Parallel.map(256, jobs: ProcessInfo.processInfo.activeProcessorCount) { (pair: Int) -> Double in
        var stream = Taus2Stream(Random(seed: UInt32(pair + 1), algorithm: .taus2))
        let run = ExperimentOneRun.run(OneStepSociety(pair), protocol: settings(steps: each), random: &stream)
        return run.finalQ.0.reduce(0, +)
      }) ?? []
    return sums.reduce(0, +)
  }
}
