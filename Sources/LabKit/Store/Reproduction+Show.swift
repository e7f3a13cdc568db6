extension Reproduction {
  /// What `reproduce show` prints.
  public enum Shown: Sendable, Equatable {
    /// Every selected experiment is stored: its text.
    case stored(String)
    /// Some selected experiment is not stored (or stale or damaged): what is stored, then why the
    /// rest is not shown.
    case incomplete(String)
  }

  /// The stored results `id` selects, without computing anything: a claim's headline, verdict map and
  /// evidence, an experiment's parameters, tables and claims, or a paper's experiments, as in the
  /// report. The cells are looked up under `options` (scale, seed, `--set`) and this code's fingerprint.
  ///
  /// - Throws: ``LabError/unknownIdentifier(_:known:)`` for an id that names nothing, and
  ///   ``LabError`` for a bad override.
  public func show(_ id: String, options: Options) throws -> Shown {
    let selection = try catalog.select(id)
    let paper = selection.paper
    let experiments: [any Experiment]
    switch selection {
    case .paper: experiments = paper.experiments
    case .experiment(_, let experiment), .claim(_, let experiment, _): experiments = [experiment]
    }
    let resolved = try resolveParameters(of: experiments, options: options)
    var parts: [String] = []
    var missing: [String] = []
    for experiment in experiments {
      let key = cellKey(experiment, of: paper, parameters: resolved[experiment.id]!, options: options)
      switch try key.map({ try options.store?.lookup($0) ?? .missing }) ?? .missing {
      case .hit(let cell):
        if case .claim(_, _, let claim) = selection, let record = cell.record.claims.first(where: { $0.id == claim.id }) {
          parts.append(Report.claim(record))
        } else {
          parts.append(Report.section(cell.record))
        }
      case .missing: missing.append("\(experiment.id): nothing stored")
      case .stale(let fingerprint): missing.append("\(experiment.id): stored by other code (fingerprint \(fingerprint)), not shown")
      case .corrupt(let problem): missing.append("\(experiment.id): the stored entry is damaged (\(problem)), not shown")
      }
    }
    let header = "Stored results at scale \(options.scale.rawValue), seed \(options.seed)"
    let text = parts.isEmpty ? "" : header + ":\n\n" + parts.joined(separator: "\n")
    guard !missing.isEmpty else { return .stored(text) }
    let place = options.store.map { "store \($0.folder)" } ?? "no store"
    return .incomplete(
      text + (text.isEmpty ? "" : "\n") + "Not stored at scale \(options.scale.rawValue), seed \(options.seed) (\(place)):\n"
        + missing.map { "  \($0)\n" }.joined() + "`reproduce run \(id)` with the same options computes and stores it.\n")
  }
}
