import Foundation

/// The committed figures in another format, for a paper or slides (`reproduce figures`).
///
/// Reads `Figures/<Paper>/<figure-id>.svg` under the project folder and writes
/// `<Paper>/<figure-id>.<format>` under the output folder, all or nothing (``StagedInstall``).
public enum FigureExport {
  /// The figures `ids` select (paper ids or prefixes, figure ids; every figure when empty), as
  /// paths relative to the project folder.
  ///
  /// - Throws: ``LabError/unknownIdentifier(_:known:)`` for an id that names no paper and no figure.
  public static func select(_ ids: [String], catalog: Catalog, root: String) throws -> [String] {
    var byPaper: [(paper: Paper, figures: [String])] = []
    for paper in catalog.papers {
      let folder = root + "/" + paper.figuresFolder
      let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".svg") }.sorted()
      byPaper.append((paper, names.map { paper.figuresFolder + "/" + $0 }))
    }
    guard !ids.isEmpty else { return byPaper.flatMap(\.figures) }
    var selected: [String] = []
    for id in ids {
      if let match = byPaper.first(where: { $0.paper.id == id || $0.paper.prefix == id || $0.paper.id.lowercased() == id.lowercased() }) {
        selected += match.figures
      } else if let figure = byPaper.flatMap(\.figures).first(where: { figureID($0) == id }) {
        selected.append(figure)
      } else {
        throw LabError.unknownIdentifier(id, known: catalog.papers.map(\.id) + byPaper.flatMap(\.figures).map(figureID))
      }
    }
    var seen = Set<String>()
    return selected.filter { seen.insert($0).inserted }
  }

  /// `Figures/P/np.x.svg` → `np.x`.
  static func figureID(_ path: String) -> String {
    String(path.split(separator: "/").last!.dropLast(4))
  }

  /// Converts the selected figures and installs them under `output`; returns the paths written.
  ///
  /// - Throws: ``LabError`` for an unusable output folder, a missing figure or converter, or an
  ///   SVG the converter refuses; nothing is written then.
  @discardableResult
  public static func write(_ figures: [String], format: FigureFormat, root: String, output: String) throws -> [String] {
    try OutputRoot.checked(output)
    var files: [(path: String, content: Data)] = []
    for figure in figures {
      guard let svg = try AtomicFile.read(root + "/" + figure) else {
        throw LabError.fileSystem(path: root + "/" + figure, problem: "the figure does not exist; `reproduce run` draws it")
      }
      let target = String(figure.dropFirst("Figures/".count).dropLast(4)) + "." + format.rawValue
      files.append((target, try format.convert(svg, place: figure)))
    }
    try StagedInstall.install(files: files, deletions: [], root: output)
    return files.map(\.path)
  }
}
