/// What `reproduce list` prints: papers, their experiments, and optionally claims and parameters.
public enum CatalogListing {
  public static func text(_ plan: [(paper: Paper, experiments: [any Experiment], whole: Bool)], claims: Bool, parameters: Bool) -> String {
    var out = ""
    for (paper, experiments, _) in plan {
      out += "\(paper.id) (\(paper.prefix)): \(paper.title). \(paper.citation)\n"
      if experiments.isEmpty { out += "  (no experiments yet)\n" }
      for experiment in experiments {
        out += "  \(experiment.id)  \(experiment.title) [\(experiment.sections.joined(separator: ", "))]\n"
        if parameters {
          for parameter in experiment.parameters {
            let defaults = Scale.allCases.map { "\($0.rawValue) \(parameter.defaultValue(at: $0))" }.joined(separator: ", ")
            out += "      --set \(parameter.name)=...  \(parameter.summary) Default: \(defaults). Allowed: \(parameter.domain).\n"
          }
          for reading in experiment.readings {
            out += Report.wrap("Reading \(reading.name): " + reading.described + ".", indent: "      ")
          }
          for size in experiment.sizes {
            let values = Scale.allCases.map { "\($0.rawValue) " + size.values(at: $0).map(\.description).joined(separator: ", ") }.joined(
              separator: "; ")
            out += Report.wrap("Size \(size.name) (\(size.meaning)): \(values).", indent: "      ")
          }
        }
        if claims {
          for claim in experiment.claims {
            let grid =
              claim.readings.isEmpty && claim.sizes.isEmpty
              ? "" : ", judged over " + (claim.readings + claim.sizes).map(\.name).joined(separator: " × ") + " (\(claim.design.rawValue))"
            out +=
              "    \(claim.id)  (\(claim.kind.rawValue), \(claim.source); \(claim.claimClass?.name ?? "unclassified"), meaningful from scale \(claim.meaningfulAt.rawValue)\(grid))\n"
            out += Report.wrap(claim.statement, indent: "        ")
            if let control = claim.control { out += Report.wrap("Control: " + control.description, indent: "        ") }
          }
        }
      }
    }
    return out
  }
}
