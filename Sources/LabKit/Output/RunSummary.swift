/// What `reproduce run` and `reproduce check` print on standard output: each experiment run with its
/// claims' verdicts, claims selected by id in full, then per paper how many claims got each verdict.
/// It holds no timings, so it is the same on every run and can be compared with a golden file.
public enum RunSummary {
  public static func text(_ outcome: Reproduction.Outcome) -> String {
    var out = ""
    for (_, experiments) in outcome.ran {
      for experiment in experiments {
        out += "\(experiment.id): \(experiment.title)\n"
        for claim in experiment.claims {
          if outcome.selectedClaims.contains(claim.id) {
            out += Report.claim(claim).split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "  " + $0 }.joined(
              separator: "\n")
          } else {
            out += "  \(claim.id)  \(claim.headlineLabel) (\(claim.claimClass))\n"
          }
        }
      }
    }
    out += "\nSummary\n"
    let width = outcome.ran.map(\.paper.id.count).max() ?? 0
    for (paper, experiments) in outcome.ran {
      let counts = ClaimCounts(experiments.flatMap(\.claims))
      let pad = String(repeating: " ", count: width - paper.id.count)
      out += "  \(paper.id)\(pad)  \(experiments.count) experiment\(experiments.count == 1 ? "" : "s"), \(counts.sentence)\n"
    }
    if outcome.ran.contains(where: { $0.experiments.contains { $0.claims.contains { $0.headline == nil } } }) {
      out += "\nSmoke scale: these verdicts test the pipeline only; they are not findings. Run --scale standard or paper for results.\n"
    }
    return out
  }
}
