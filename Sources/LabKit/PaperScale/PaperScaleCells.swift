import Foundation

/// The committed paper-scale cells of one paper, read from the output root, each checked against the
/// checksum its manifest records.
public struct PaperScaleCells: Sendable {
  public let manifest: PaperScaleManifest
  /// The decoded cell of each manifest entry whose file matches its checksum, by experiment id.
  public let cells: [String: StoredCell]
  /// The committed bytes of every cell file found, by experiment id.
  public let texts: [String: String]
  /// One line per entry whose file is missing, altered (checksum) or undecodable.
  public let damaged: [String]

  /// Reads the paper-scale results of `paper` under `root`; nil when none are committed.
  public static func read(_ paper: Paper, root: String) throws -> PaperScaleCells? {
    let place = PaperScaleManifest.path(paper.id)
    guard let text = try AtomicFile.read(root + "/" + place) else { return nil }
    let manifest = try PaperScaleManifest(json: try JSONValue.parse(text, source: place), place: place)
    guard manifest.paper == paper.id else { throw LabError.invalidInput(place: place, problem: "names paper '\(manifest.paper)', not \(paper.id)") }
    let known = Set(paper.experiments.map(\.id))
    for id in manifest.cells.map(\.experiment) + manifest.notRun.map(\.experiment) where !known.contains(id) {
      throw LabError.unknownIdentifier(id, known: paper.experiments.map(\.id))
    }
    var cells: [String: StoredCell] = [:]
    var texts: [String: String] = [:]
    var damaged: [String] = []
    for entry in manifest.cells {
      let path = PaperScaleManifest.cellPath(paper.id, experiment: entry.experiment)
      guard let cellText = try AtomicFile.read(root + "/" + path) else {
        damaged.append("missing    \(path)")
        continue
      }
      texts[entry.experiment] = cellText
      guard Checksum.fnv1a(cellText) == entry.checksum else {
        damaged.append("altered    \(path) (checksum \(Checksum.fnv1a(cellText)), the manifest records \(entry.checksum))")
        continue
      }
      do { cells[entry.experiment] = try StoredCell(decoding: cellText, place: path) } catch let error as LabError {
        damaged.append("unreadable \(path) (\(error))")
      }
    }
    return PaperScaleCells(manifest: manifest, cells: cells, texts: texts, damaged: damaged)
  }

  /// The committed files of `experiment`'s cell: the cell and its figures (none when it has no cell).
  func files(of experiment: String) -> [String] {
    guard manifest.entry(experiment) != nil else { return [] }
    let figures = cells[experiment]?.record.figures.map(PaperScaleManifest.figurePath) ?? []
    return [PaperScaleManifest.cellPath(manifest.paper, experiment: experiment)] + figures
  }

  /// The paper-scale record of `paper`: the intact cells' records in catalog order.
  public func record(_ paper: Paper) -> PaperRecord {
    PaperRecord(paper: paper, scale: .paper, seed: manifest.seed, experiments: paper.experiments.compactMap { cells[$0.id]?.record })
  }

  /// Every file of the layout: the manifest and cells (kept as committed) and the derived
  /// `results.json` and figures (rendered from the cells).
  func addFiles(of paper: Paper, to tree: inout OutputTree) {
    tree.keep(PaperScaleManifest.path(paper.id))
    for entry in manifest.cells { tree.keep(PaperScaleManifest.cellPath(paper.id, experiment: entry.experiment)) }
    addDerivedFiles(of: paper, to: &tree)
  }

  /// The derived `results.json` and figures, rendered from the intact cells.
  func addDerivedFiles(of paper: Paper, to tree: inout OutputTree) {
    guard !cells.isEmpty else { return }
    tree.add(PaperScaleManifest.resultsPath(paper.id), record(paper).json.rendered())
    for id in paper.experiments.map(\.id) {
      guard let cell = cells[id] else { continue }
      for (path, svg) in zip(cell.record.figures, cell.svgs) { tree.add(PaperScaleManifest.figurePath(path), svg) }
    }
  }
}
