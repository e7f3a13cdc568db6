import Foundation

/// What the pages of the HTML book refer to across pages: where each claim, experiment and figure is
/// (page and fragment), the section each claim is judged in, the code that computes each experiment
/// and the parameters it ran with.
struct SiteIndex {
  /// A declaration in the project's sources: the file (relative to the project folder) and its line.
  struct SourceLocation: Equatable {
    var path: String
    var line: Int
    var typeName: String
  }

  /// A heading: its page, fragment and text.
  struct Section: Equatable {
    var href: String
    var title: String
  }

  /// The pages: `index` (the dashboard, `Papers/README.md`) and one per paper, by document name.
  var pageNames: [String] = []
  /// Claim, experiment and figure ids → `Page.html#id`.
  var anchors: [String: String] = [:]
  /// Claim id → the section whose text judges it.
  var claimSections: [String: Section] = [:]
  /// Claim id → its experiment's id.
  var experimentOfClaim: [String: String] = [:]
  /// Figure path (`Figures/P/x.svg`) → its experiment's id.
  var experimentOfFigure: [String: String] = [:]
  /// Experiment id → the type that computes it, where it is declared.
  var sources: [String: SourceLocation] = [:]
  /// What the book shows of an experiment's committed run: its parameters and figures, the scale and seed.
  struct RunRecord {
    var parameters: JSONValue
    var figures: [String]
    var scale: String
    var seed: String
  }

  /// Experiment id → its committed run.
  var records: [String: RunRecord] = [:]

  /// The index of `catalog`'s experiments under the project folder `root` (anchors come later, from
  /// a first rendering of the pages).
  init(catalog: Catalog, root: String) throws {
    pageNames = ["index"] + catalog.papers.map(\.id)
    for paper in catalog.papers {
      let stored = try Self.runs(of: paper, root: root)
      let declarations = SourceLocator(folder: root + "/Sources/" + paper.id, relativeTo: root)
      for experiment in paper.experiments {
        for claim in experiment.claims { experimentOfClaim[claim.id] = experiment.id }
        if let location = declarations.declaration(of: experiment) { sources[experiment.id] = location }
        guard let record = stored[experiment.id] else { continue }
        records[experiment.id] = record
        for figure in record.figures { experimentOfFigure[figure] = experiment.id }
      }
    }
  }

  init() {}

  /// The runs stored in the paper's `results.json` (only the fields the book shows are read, so that
  /// the book builds from results written by any version of the tool), by experiment id.
  static func runs(of paper: Paper, root: String) throws -> [String: RunRecord] {
    guard let text = try AtomicFile.read(root + "/" + paper.resultsPath) else { return [:] }
    let json = try JSONValue.parse(text, source: paper.resultsPath)
    let scale = json["scale"]?.stringValue ?? "unknown"
    let seed = json["seed"].map(\.inline) ?? "unknown"
    var runs: [String: RunRecord] = [:]
    for experiment in json["experiments"]?.arrayValue ?? [] {
      guard let id = experiment["id"]?.stringValue else { continue }
      // A figure is its path, or an object with its path (title and data beside it).
      let figures = experiment["figures"]?.arrayValue?.compactMap { $0.stringValue ?? $0["path"]?.stringValue } ?? []
      runs[id] = RunRecord(parameters: experiment["parameters"] ?? .null, figures: figures, scale: scale, seed: seed)
    }
    return runs
  }

  /// The source page of `path` (`source/Sources/P/File.swift.html`), relative to the site's root.
  static func sourcePage(_ path: String) -> String { "source/" + path + ".html" }
}

/// Finds the file and line declaring an experiment's type in a module's sources.
struct SourceLocator {
  /// Each Swift file of the folder (relative to the project folder) with its lines.
  let files: [(path: String, lines: [Substring])]

  init(folder: String, relativeTo root: String) {
    var files: [(String, [Substring])] = []
    let enumerator = FileManager.default.enumerator(atPath: folder)
    while let relative = enumerator?.nextObject() as? String {
      guard relative.hasSuffix(".swift"), let text = try? String(contentsOfFile: folder + "/" + relative, encoding: .utf8) else { continue }
      let path = String((folder + "/" + relative).dropFirst(root.count + 1))
      files.append((path, text.split(separator: "\n", omittingEmptySubsequences: false)))
    }
    self.files = files.sorted { $0.0 < $1.0 }
  }

  /// Where `experiment`'s type (`struct Name`, `final class Name`, `enum Name`) is declared.
  func declaration(of experiment: any Experiment) -> SiteIndex.SourceLocation? {
    let typeName = String(String(describing: type(of: experiment)).prefix { $0 != "<" })
    for (path, lines) in files {
      for (number, line) in lines.enumerated() {
        let words = line.split(whereSeparator: { $0 == " " || $0 == ":" || $0 == "<" || $0 == "{" })
        guard let kind = words.firstIndex(where: { ["struct", "class", "enum", "actor"].contains($0) }), kind + 1 < words.count,
          words[kind + 1] == typeName, words[..<kind].allSatisfy({ ["public", "internal", "final", "private", "fileprivate"].contains($0) })
        else { continue }
        return .init(path: path, line: number + 1, typeName: typeName)
      }
    }
    return nil
  }
}
