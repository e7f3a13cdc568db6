import LabKit

/// Social Environment Design (Zhang et al., ICML 2024): voting on objectives, a tax-setting principal
/// and the apple-picking game.
public enum SocialEnvironmentDesign {
  /// The module's catalog entry.
  public static let paper = Paper(
    id: "SocialEnvironmentDesign", prefix: "sed",
    title: "Position: Social Environment Design Should be Further Developed for AI-based Policy-Making",
    citation: "Edwin Zhang et al., ICML 2024",
    sourceText: "papers/social-environment-design.txt",
    experiments: [
      EconomyExperiment(), CommonsExperiment(), TrustLeverageExperiment(), ScheduleGridExperiment(), PrincipalsExperiment(), RoundsExperiment(),
      ScaleExperiment(),
    ],
    benchmarks: benchmarks)
}
