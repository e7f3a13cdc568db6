extension MarkdownBlocks {
  /// The paragraph under an experiment's standard block when its paper has committed paper-scale
  /// results (``PaperScaleManifest``): the paper-scale parameters, each claim's headline and where it
  /// holds, and the figures; or the recorded reason it was not run at paper scale. Nothing in it
  /// depends on the current code (no fingerprint), so a code change alone does not make it stale.
  static func paperScale(_ experiment: String, paper: Paper, committed: PaperScaleCells) -> String {
    if let notRun = committed.manifest.notRun.first(where: { $0.experiment == experiment }) {
      return "_At paper scale: not run. \(notRun.reason)_\n"
    }
    guard let entry = committed.manifest.entry(experiment) else {
      return "_At paper scale: not recorded yet (`reproduce run \(experiment) --scale paper --paper-layout`)._\n"
    }
    guard let record = committed.cells[experiment]?.record else {
      return "_At paper scale: the committed cell is damaged (`reproduce check --scale paper` names it)._\n"
    }
    let overrides = entry.overrides.sorted { $0.key < $1.key }.map { "`\($0.key)` = \($0.value)" }
    var out = "**At paper scale** (`reproduce run \(experiment) --scale paper --paper-layout`, seed \(committed.manifest.seed)"
    out += overrides.isEmpty ? "" : "; reduced from the paper's sizes by " + overrides.joined(separator: ", ")
    out += ")."
    let parameters = record.parameters.objectValue ?? []
    if !parameters.isEmpty { out += " Parameters: " + parameters.map { "`\($0.0)` = \($0.1.inline)" }.joined(separator: ", ") + "." }
    out += "\n\n"
    if !record.claims.isEmpty {
      out += "| claim at paper scale | headline | where it holds |\n| --- | --- | --- |\n"
      for claim in record.claims {
        let whereItHolds = claim.whereItHolds.isEmpty ? "—" : claim.whereItHolds.replacing("|", with: "\\|")
        out += "| `\(claim.id)` | **\(claim.headlineLabel)** | \(whereItHolds) |\n"
      }
      out += "\n"
    }
    if !record.figures.isEmpty {
      out += "Figures at paper scale: "
      out +=
        record.figures.indices.map { "[\(record.figureTitles[$0])](../\(PaperScaleManifest.figurePath(record.figures[$0])))" }
        .joined(separator: ", ") + ".\n"
    }
    return out
  }
}
