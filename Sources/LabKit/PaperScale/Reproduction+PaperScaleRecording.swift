import Foundation

extension Reproduction {
  /// Runs the selected experiments at scale `paper` and returns the files of the paper-scale layout
  /// (``PaperScaleManifest``) they update, without writing anything: each experiment's cell, the
  /// paper's manifest (its other entries kept), and the derived results.json and figures.
  ///
  /// Every cell is computed (the store is neither read nor written, so the committed bytes are
  /// always this code's). `notRun` maps experiment ids of the selection to the reason they are not run
  /// at paper scale; the manifest records it and the documents show it. The standard outputs are
  /// untouched; weave the documents afterwards with a standard `reproduce run`.
  public func recordPaperScale(
    _ ids: [String], options: Options, notRun: [String: String] = [:], log: (String) -> Void = { _ in }
  ) throws -> OutputTree {
    guard options.scale == .paper else {
      throw LabError.invalidInput(place: "--paper-layout", problem: "records paper-scale results; add --scale paper")
    }
    try OutputRoot.checked(options.root)
    let plan = try plan(ids)
    let selected = Set(plan.flatMap { $0.experiments.map(\.id) })
    for id in notRun.keys.sorted() where !selected.contains(id) {
      throw LabError.invalidInput(place: "--not-run \(id)", problem: "'\(id)' is not a selected experiment")
    }
    let toRun = plan.flatMap(\.experiments).filter { notRun[$0.id] == nil }
    let resolved = try resolveParameters(of: toRun, options: options)
    var manifests: [(Paper, PaperScaleManifest, [String: String])] = []
    var obsolete: [String] = []
    for (paper, experiments, _) in plan {
      guard let fingerprint = fingerprints[paper.id] else {
        throw LabError.invalidInput(place: paper.id, problem: "has no code fingerprint, so its paper-scale cells could never be checked")
      }
      let committed = try PaperScaleCells.read(paper, root: options.root)
      var manifest = committed?.manifest ?? PaperScaleManifest(paper: paper.id, seed: options.seed)
      if manifest.seed != options.seed, !manifest.cells.isEmpty {
        throw LabError.invalidInput(
          place: PaperScaleManifest.path(paper.id),
          problem: "holds cells with seed \(manifest.seed), not \(options.seed); record the whole paper again into a fresh --output")
      }
      manifest.seed = options.seed
      var texts = committed?.texts ?? [:]
      for experiment in experiments where notRun[experiment.id] != nil {
        obsolete += committed?.files(of: experiment.id) ?? []
      }
      for experiment in experiments {
        manifest.cells.removeAll { $0.experiment == experiment.id }
        manifest.notRun.removeAll { $0.experiment == experiment.id }
        texts[experiment.id] = nil
        if let reason = notRun[experiment.id] {
          manifest.notRun.append(PaperScaleManifest.NotRun(experiment: experiment.id, reason: reason))
          continue
        }
        var notes: [String] = []
        var computing = options
        computing.store = nil
        let (cell, _) = try storedOrComputed(experiment, of: paper, parameters: resolved[experiment.id]!, options: computing, notes: &notes, log: log)
        let text = cell.encoded
        texts[experiment.id] = text
        manifest.cells.append(
          PaperScaleManifest.Entry(
            experiment: experiment.id, overrides: options.overrides.restricted(to: experiment.parameters), fingerprint: fingerprint,
            checksum: Checksum.fnv1a(text)))
      }
      let order = paper.experiments.map(\.id)
      manifest.cells.sort { order.firstIndex(of: $0.experiment)! < order.firstIndex(of: $1.experiment)! }
      manifest.notRun.sort { order.firstIndex(of: $0.experiment)! < order.firstIndex(of: $1.experiment)! }
      manifests.append((paper, manifest, texts))
    }
    var tree = OutputTree()
    for path in obsolete { tree.markObsolete(path) }
    for (paper, manifest, texts) in manifests {
      tree.add(PaperScaleManifest.path(paper.id), manifest.json.rendered())
      for entry in manifest.cells { tree.add(PaperScaleManifest.cellPath(paper.id, experiment: entry.experiment), texts[entry.experiment]!) }
      let cells = try texts.mapValues { try StoredCell(decoding: $0, place: "paper-scale cell") }
      PaperScaleCells(manifest: manifest, cells: cells, texts: texts, damaged: []).addDerivedFiles(of: paper, to: &tree)
      if cells.isEmpty, FileManager.default.fileExists(atPath: options.root + "/" + PaperScaleManifest.resultsPath(paper.id)) {
        tree.markObsolete(PaperScaleManifest.resultsPath(paper.id))
      }
    }
    return tree
  }
}
