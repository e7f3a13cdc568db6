/// All papers, and the lookup of the ids the command line accepts: a paper, an experiment or a claim.
public struct Catalog: Sendable {
  /// What an id on the command line names.
  public enum Selection: Sendable {
    case paper(Paper)
    case experiment(Paper, any Experiment)
    case claim(Paper, any Experiment, Claim)

    public var paper: Paper {
      switch self {
      case .paper(let p), .experiment(let p, _), .claim(let p, _, _): return p
      }
    }
  }

  public let papers: [Paper]

  /// A catalog; ids must be unique across papers, experiments and claims.
  public init(papers: [Paper]) {
    self.papers = papers
    var seen = Set<String>()
    for id in Catalog.allIDs(papers) {
      precondition(seen.insert(id).inserted, "id \(id) is used twice in the catalog")
    }
  }

  private static func allIDs(_ papers: [Paper]) -> [String] {
    papers.flatMap { paper in
      [paper.id] + paper.experiments.flatMap { [$0.id] + $0.claims.map(\.id) }
    }
  }

  /// Every id, in catalog order.
  public var ids: [String] { Catalog.allIDs(papers) }

  /// What `id` names (paper ids also match case-insensitively and by prefix, `np`).
  public func select(_ id: String) throws -> Selection {
    for paper in papers {
      if paper.id == id || paper.id.lowercased() == id.lowercased() || paper.prefix == id { return .paper(paper) }
      for experiment in paper.experiments {
        if experiment.id == id { return .experiment(paper, experiment) }
        if let claim = experiment.claims.first(where: { $0.id == id }) { return .claim(paper, experiment, claim) }
      }
    }
    throw LabError.unknownIdentifier(id, known: ids)
  }
}
