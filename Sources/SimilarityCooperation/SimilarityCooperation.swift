import LabKit

/// Similarity-based cooperation and diff meta games (Oesterheld, Treutlein, Grosse, Conitzer,
/// Foerster, NeurIPS 2023). Its experiments arrive with the SimilarityCooperation issue.
public enum SimilarityCooperation {
  /// The module's catalog entry.
  public static let paper = Paper(
    id: "SimilarityCooperation", prefix: "sbc",
    title: "Similarity-based cooperation (published as Similarity-based cooperative equilibrium)",
    citation: "Caspar Oesterheld, Johannes Treutlein, Roger Grosse, Vincent Conitzer, Jakob Foerster, NeurIPS 2023",
    sourceText: "papers/similarity-based-cooperation.txt",
    experiments: [])
}
