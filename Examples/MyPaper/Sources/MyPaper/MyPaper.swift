import LabKit

/// The paper: its id (also the folder of its outputs), the prefix of its ids, and its experiments.
public enum MyPaper {
  public static let paper = Paper(
    id: "MyPaper", prefix: "mp", title: "Independent cooperators",
    citation: "A template paper for packages that extend CooperationLab", sourceText: "papers/my-paper.txt",
    experiments: [MutualCooperationExperiment()])
}
