extension Reproduction {
  /// Recomputes `sample` committed paper-scale cells of the selection, chosen by
  /// ``PaperScaleSample``, and compares each
  /// byte for byte with its committed file. Never reads or writes the store; writes nothing.
  ///
  /// Also reports every committed cell of the selection that is damaged (missing, or its checksum is
  /// not the manifest's) and every one whose recorded code fingerprint is not the current code's
  /// (stale). A paper named in `ids` without committed paper-scale results is an error; with no ids,
  /// papers without are listed, and it is an error only when no paper has any.
  public func checkPaperScale(
    _ ids: [String], sample: Int, options: Options, log: (String) -> Void = { _ in }
  ) throws -> PaperScaleCheck {
    guard sample >= 0 else { throw LabError.invalidInput(place: "--sample \(sample)", problem: "must be at least 0") }
    try OutputRoot.checked(options.root)
    var report = PaperScaleCheck()
    var candidates: [PaperScaleSample.Candidate] = []
    var committed: [String: (Paper, PaperScaleManifest.Entry, String, UInt64)] = [:]
    for (paper, experiments, _) in try plan(ids) {
      guard let cells = try PaperScaleCells.read(paper, root: options.root) else {
        if !ids.isEmpty {
          throw LabError.invalidInput(
            place: PaperScaleManifest.path(paper.id),
            problem: "no paper-scale results are committed for \(paper.id); record them with `reproduce run \(paper.id) --scale paper --paper-layout`"
          )
        }
        report.papersWithout.append(paper.id)
        continue
      }
      let selected = Set(experiments.map(\.id))
      report.damaged += cells.damaged
      report.notRun += cells.manifest.notRun.filter { selected.contains($0.experiment) }.map { "\(paper.id)/\($0.experiment): \($0.reason)" }
      for entry in cells.manifest.cells where selected.contains(entry.experiment) {
        let name = "\(paper.id)/\(entry.experiment)"
        report.committed += 1
        if entry.fingerprint != fingerprints[paper.id] {
          report.stale.append("\(name) (computed by code \(entry.fingerprint), the code is now \(fingerprints[paper.id] ?? "unfingerprinted"))")
        }
        guard let text = cells.texts[entry.experiment], cells.cells[entry.experiment] != nil else { continue }
        candidates.append(PaperScaleSample.Candidate(id: name, checksum: entry.checksum))
        committed[name] = (paper, entry, text, cells.manifest.seed)
      }
    }
    guard report.papersWithout.count < (try plan(ids)).count else {
      throw LabError.invalidInput(
        place: "Reproduce/paper", problem: "no paper-scale results are committed; record them with `reproduce run PAPER --scale paper --paper-layout`"
      )
    }
    report.eligible = candidates.count
    for name in PaperScaleSample.choose(candidates, count: sample) {
      let (paper, entry, text, seed) = committed[name]!
      let recomputed = try recompute(entry, of: paper, seed: seed, options: options, log: log)
      let outcome: PaperScaleCheck.Outcome =
        PaperScaleCheck.firstDifference(text, recomputed).map {
          .different(offset: $0, committed: text.utf8.count, recomputed: recomputed.utf8.count)
        } ?? .identical
      report.sampled.append((name, outcome))
    }
    return report
  }

  /// The cell of `entry` computed now, encoded as committed: scale paper, the manifest's seed, the
  /// entry's overrides, no store.
  func recompute(_ entry: PaperScaleManifest.Entry, of paper: Paper, seed: UInt64, options: Options, log: (String) -> Void) throws -> String {
    guard let experiment = paper.experiments.first(where: { $0.id == entry.experiment }) else {
      throw LabError.unknownIdentifier(entry.experiment, known: paper.experiments.map(\.id))
    }
    var computing = options
    computing.scale = .paper
    computing.seed = seed
    computing.store = nil
    computing.overrides = ParameterOverrides(entry.overrides)
    try Reproduction.checkReadings(computing.overrides, of: experiment)
    let parameters = try Parameters(experiment.parameters, scale: .paper, overrides: entry.overrides)
    var notes: [String] = []
    return try storedOrComputed(experiment, of: paper, parameters: parameters, options: computing, notes: &notes, log: log).cell.encoded
  }
}
