import LabKit

/// Open-source games are loopy (LessWrong, 2023): the open-source prisoner's dilemma among modal
/// agents in provability logic. Its experiments arrive with the ModalAgents issue.
public enum ModalAgents {
  /// The module's catalog entry.
  public static let paper = Paper(
    id: "ModalAgents", prefix: "modal",
    title: "In Strategic Time, Open-Source Games Are Loopy",
    citation: "LessWrong, 2023",
    sourceText: "papers/open-source-games-are-loopy.txt",
    experiments: [])
}
