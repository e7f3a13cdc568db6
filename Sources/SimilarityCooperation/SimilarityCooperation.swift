import LabKit

/// Similarity-based cooperation and diff meta games (Oesterheld, Treutlein, Grosse, Conitzer,
/// Foerster, NeurIPS 2023; arXiv 2211.14468). The available text is the abstract and the introduction;
/// the rest is reconstructed from the definitions, with the notes' derivations (see the literate document).
public enum SimilarityCooperation {
  /// The module's catalog entry.
  public static let paper = Paper(
    id: "SimilarityCooperation", prefix: "sbc",
    title: "Similarity-based cooperation (published as Similarity-based cooperative equilibrium)",
    citation: "Caspar Oesterheld, Johannes Treutlein, Roger Grosse, Vincent Conitzer, Jakob Foerster, NeurIPS 2023",
    sourceText: "papers/similarity-based-cooperation.txt",
    experiments: [
      BaseGameExperiment(), ThresholdExampleExperiment(), NoiseExperiment(), FolkTheoremExperiment(), RepeatedPrisonersDilemmaExperiment(),
      LearnedCooperationExperiment(),
    ],
    benchmarks: benchmarks)
}

extension SimilarityCooperation {
  /// The learning experiment's standard-scale environment and settings, for the benchmark.
  static func benchmarkSetup(_ scale: Scale = .standard) -> (HighDimensionalPrisonersDilemma, DenseNetwork, DenseNetwork, LearningSettings) {
    let experiment = LearnedCooperationExperiment()
    let parameters = try! Parameters(experiment.parameters, scale: scale)
    let (env, settings) = try! LearnedCooperationExperiment.configuration(parameters, random: Random(seed: 1))
    let random = Random(seed: 2)
    return (
      env, try! LearningProcedures.network(env, settings, random: random), try! LearningProcedures.network(env, settings, random: random), settings
    )
  }

  /// One alternating-best-response gradient step through the diff, repeated: the learning experiment's
  /// hot loop at the network sizes of `scale`.
  static func learningStepBenchmark(id: String, summary: String, scale: Scale, count: Int) -> Benchmark {
    Benchmark(id: id, summary: summary, unit: "steps", count: count) { n in
      var (env, trainee, opponent, settings) = benchmarkSetup(scale)
      let random = Random(seed: 3)
      var optimiser = Adam(parameterCount: trainee.parameterCount, learningRate: settings.learningRate)
      var checksum = 0.0
      for _ in 0..<n {
        let batch = env.sampleBestResponseBatch(games: settings.batchSize, probes: settings.probeCount, random: random)
        let result = env.bestResponseObjective(trainee: trainee, opponent: opponent, batch: batch, throughDiff: true)
        optimiser.ascend(&trainee.parameters, gradient: result.gradient)
        checksum += result.value
      }
      _ = opponent
      _ = env
      return checksum
    }
  }

  /// Throughput of the hot loops: a training step of the learning experiment at standard scale (the
  /// issue's benchmark), and a best-response search of the threshold game.
  public static let benchmarks: [Benchmark] = [
    learningStepBenchmark(
      id: "sbc.learning.step",
      summary: "ABR gradient steps with the diff gradient (standard scale: n = 8, m = 4, hidden 100-50-50, 64 games, 32 probes, Adam)",
      scale: .standard, count: 2000),
    learningStepBenchmark(
      id: "sbc.learning.step-paper",
      summary:
        "ABR gradient steps with the diff gradient at the paper's network size (n = 10, m = 10, hidden 100-50-50, 64 games, 32 probes, Adam)",
      scale: .paper, count: 500),
    Benchmark(
      id: "sbc.thresholds.best-response",
      summary: "best-response searches over thresholds, Table 1 with G = 3, U[0, 1] noise, 4000 grid points per stretch",
      unit: "searches", count: 2000
    ) { n in
      let game = try! ThresholdGame.prisonersDilemma(gain: 3, noise: .uniform(width: 1))
      var checksum = 0.0
      for k in 0..<n { checksum += game.bestResponse(0, to: Double(k % 100) / 50).value }
      return checksum
    },
  ]
}
