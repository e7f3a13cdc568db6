import LabKit

/// Infra-Bayesian haggling in repeated games (AI Alignment Forum, 2024): agents that haggle through
/// password hypotheses and robust values. Its experiments arrive with the IBHaggling issue.
public enum IBHaggling {
  /// The module's catalog entry.
  public static let paper = Paper(
    id: "IBHaggling", prefix: "ibh",
    title: "Infra-Bayesian haggling",
    citation: "AI Alignment Forum, 2024",
    sourceText: "papers/infra-bayesian-haggling.txt",
    experiments: [])
}
