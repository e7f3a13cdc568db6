import LabKit

/// Infra-Bayesian haggling in repeated games (AI Alignment Forum, 2024): agents that hold sharp
/// infra-RDP hypotheses about the others, follow the one promising most until it is falsified, and so
/// haggle their way down to outcomes everyone's hypotheses allow.
public enum IBHaggling {
  /// The module's catalog entry.
  public static let paper = Paper(
    id: "IBHaggling", prefix: "ibh",
    title: "Infra-Bayesian haggling",
    citation: "AI Alignment Forum, 2024",
    sourceText: "papers/infra-bayesian-haggling.txt",
    experiments: [
      HypothesesExperiment(), GuaranteesExperiment(), GeneralisedStagHuntExperiment(), PrisonersDilemmaExperiment(), RandomTwoPlayerExperiment(),
      SchellingExperiment(), MultiplayerExperiment(),
    ],
    benchmarks: benchmarks)
}
