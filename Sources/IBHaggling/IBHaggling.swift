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
    benchmarks: benchmarks, derivedFiles: counterexamples)

  /// The counterexample games of ibh.two-player-cycles, ranked by robustness, as
  /// `counterexamples/counterexample-KK.nfg` (each reruns with `reproduce ibh haggle FILE --states N`),
  /// when the results hold ibh.random-two-player's robustness table.
  @Sendable static func counterexamples(_ resultsJSON: String) throws -> [(path: String, content: String)] {
    let source = "Reproduce/IBHaggling/results.json"
    let json = try JSONValue.parse(resultsJSON, source: source)
    let experiment = json["experiments"]?.arrayValue?.first { $0["id"]?.stringValue == "ibh.random-two-player" }
    guard experiment?["tables"]?.arrayValue?.contains(where: { $0["id"]?.stringValue == "ibh.random-two-player.robust" }) == true else {
      return []
    }
    return try IBHagglingCommandLine.counterexampleFiles(resultsJSON: resultsJSON, source: source).map { ("counterexamples/" + $0.name, $0.nfg) }
  }
}
