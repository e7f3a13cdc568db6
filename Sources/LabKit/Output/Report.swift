/// The text report of a paper, `Reproduce/<Paper>/report.txt`: every experiment's parameters and
/// tables, and every claim with its verdict and evidence, in the order of the paper.
public enum Report {
  public static func text(_ record: PaperRecord, title: String) -> String {
    var out = "\(title)\n"
    out += record.source + "\n"
    out += "Scale: \(record.scale.rawValue)   Seed: \(record.seed)\n"
    out += ClaimCounts(record.claims).sentence.capitalizedFirst + "\n"
    if record.scale == .smoke { out += "Smoke scale: the verdicts test the pipeline only; they are not findings.\n" }
    if record.experiments.isEmpty {
      out += "\nNo experiments yet.\n"
    }
    for experiment in record.experiments {
      out += "\n" + section(experiment)
    }
    return out
  }

  /// One experiment's part of the report.
  public static func section(_ experiment: ExperimentRecord) -> String {
    let heading = "\(experiment.id): \(experiment.title)"
    var out = heading + "\n" + String(repeating: "=", count: heading.count) + "\n"
    out += "Sections: " + experiment.sections.joined(separator: ", ") + "\n"
    let parameters = experiment.parameters.objectValue ?? []
    out += "Parameters: " + (parameters.isEmpty ? "none" : parameters.map { "\($0.0)=\($0.1.inline)" }.joined(separator: ", ")) + "\n"
    for table in experiment.tables {
      out += "\n" + table.renderedText()
    }
    for claim in experiment.claims {
      out += "\n" + self.claim(claim)
    }
    if !experiment.figures.isEmpty {
      out += "\nFigures:\n" + experiment.figures.map { "  \($0)\n" }.joined()
    }
    return out
  }

  /// A claim, its verdict, evidence and measurements, wrapped at 100 columns.
  public static func claim(_ claim: ClaimRecord) -> String {
    var out = "Claim \(claim.id) (\(claim.kind), \(claim.source)): \(claim.headlineLabel)\n"
    out += wrap("Statement: " + claim.statement, indent: "  ")
    out += wrap("Class: " + MapRows.classText(claim) + ". Meaningful from scale \(claim.meaningfulAt.rawValue).", indent: "  ")
    if !claim.whereItHolds.isEmpty { out += wrap("Map (\(claim.design.rawValue)): " + claim.whereItHolds + ".", indent: "  ") }
    if claim.cells.count > 1 || !claim.cells[0].reading.isEmpty {
      let (columns, rows) = MapRows.cells(claim)
      var table = Table(id: claim.id + ".map", title: "Verdict map", columns: columns)
      for row in rows { table.append(row.map { .text($0) }) }
      out += table.renderedText().split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "  " + $0 }.joined(separator: "\n")
    }
    for trend in MapRows.trends(claim) { out += wrap("Trend: " + trend + ".", indent: "  ") }
    out += wrap(MapRows.control(claim), indent: "  ")
    out += wrap("Evidence: " + claim.evidence, indent: "  ")
    for (name, value) in claim.measured.objectValue ?? [] {
      out += wrap("\(name) = \(value.inline)", indent: "  ")
    }
    return out
  }

  /// `text` wrapped at `width` columns, each line prefixed with `indent`; a line break in `text`
  /// starts a new line (evidence keeps its line breaks).
  static func wrap(_ text: String, indent: String, width: Int = 100) -> String {
    let paragraphs = text.split(separator: "\n", omittingEmptySubsequences: false)
    guard paragraphs.count == 1 else {
      return paragraphs.enumerated().map { index, paragraph in
        wrap(String(paragraph), indent: index == 0 ? indent : indent + "  ", width: width)
      }.joined()
    }
    var lines: [String] = []
    var line = indent
    for word in text.split(separator: " ", omittingEmptySubsequences: true) {
      if line.count > indent.count && line.count + 1 + word.count > width {
        lines.append(line)
        line = indent + "  "
      }
      line += (line.count > indent.count && !line.hasSuffix("  ") ? " " : "") + word
    }
    lines.append(line)
    return lines.joined(separator: "\n") + "\n"
  }
}

extension String {
  var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
