import Foundation

/// Runs a selection of papers, experiments or claims and produces every output file: the reports,
/// results, figures, manifest, and the woven literate documents. The `reproduce` command is a thin
/// layer over this type.
///
/// Partial runs: when only some experiments of a paper are selected, the paper's other experiments
/// are taken from its stored `results.json`, so the report stays complete. That is only meaningful
/// when the stored results were made at the same scale and seed; otherwise the run is refused before
/// anything is computed (run the whole paper, or write elsewhere with `--output`).
public struct Reproduction: Sendable {
  /// How to run.
  public struct Options: Sendable {
    public var scale: Scale
    public var seed: UInt64
    public var jobs: Int
    public var overrides: ParameterOverrides
    public var showProgress: Bool
    /// The output root: `Reproduce/`, `Figures/` and `Papers/` are under it.
    public var root: String
    /// Where the literate documents' templates are read when the output root has none (a fresh
    /// `--output` folder); the command line passes the repository it runs in. A document already
    /// under the output root is woven in place. Nil: only the output root's documents are woven.
    public var templateRoot: String?

    public init(
      scale: Scale = .standard, seed: UInt64 = Reproduction.defaultSeed, jobs: Int = 1,
      overrides: ParameterOverrides = ParameterOverrides(), showProgress: Bool = false, root: String = ".",
      templateRoot: String? = nil
    ) {
      self.scale = scale
      self.seed = seed
      self.jobs = jobs
      self.overrides = overrides
      self.showProgress = showProgress
      self.root = root
      self.templateRoot = templateRoot
    }
  }

  /// What a run did.
  public struct Outcome: Sendable {
    /// Every file the run produces.
    public let tree: OutputTree
    /// The experiments that ran, grouped by paper, in catalog order.
    public let ran: [(paper: Paper, experiments: [ExperimentRecord])]
    /// Claims that were selected directly by id (their verdicts are worth printing in full).
    public let selectedClaims: [String]
  }

  /// The master seed used when `--seed` is not given.
  public static let defaultSeed: UInt64 = 20_240_322

  public let catalog: Catalog
  /// Versions of the numerical libraries, recorded in the manifest (`["gsl": "2.7.1", ...]`).
  public let libraryVersions: [(String, String)]

  public init(catalog: Catalog, libraryVersions: [(String, String)]) {
    self.catalog = catalog
    self.libraryVersions = libraryVersions
  }

  /// The experiments `ids` select, grouped by paper in catalog order; no ids selects everything.
  /// The flag says whether the whole paper was selected.
  public func plan(_ ids: [String]) throws -> [(paper: Paper, experiments: [any Experiment], whole: Bool)] {
    var chosen: [String: Set<String>] = [:]
    var whole = Set<String>()
    for id in ids {
      let selection = try catalog.select(id)
      switch selection {
      case .paper(let paper): whole.insert(paper.id)
      case .experiment(let paper, let experiment), .claim(let paper, let experiment, _):
        chosen[paper.id, default: []].insert(experiment.id)
      }
    }
    return catalog.papers.compactMap { paper in
      if ids.isEmpty || whole.contains(paper.id) { return (paper, paper.experiments, true) }
      guard let set = chosen[paper.id] else { return nil }
      let experiments = paper.experiments.filter { set.contains($0.id) }
      return (paper, experiments, experiments.count == paper.experiments.count)
    }
  }

  /// Runs the selection and returns the files it produces, without writing anything.
  public func run(_ ids: [String], options: Options, log: (String) -> Void = { _ in }) throws -> Outcome {
    precondition(options.jobs >= 1)
    try OutputRoot.checked(options.root)
    let plan = try plan(ids)
    let selectedClaims = ids.filter {
      if case .claim = try? catalog.select($0) { return true }; return false
    }
    // 1. Validate every override and resolve every experiment's parameters before any work.
    let resolved = try resolveParameters(of: plan.flatMap(\.experiments), options: options)
    // 2. Load the stored results the run merges with, and refuse a mix of scales or seeds.
    var records = try storedRecords(except: Set(plan.filter(\.whole).map(\.paper.id)), options: options)
    // 3. Run.
    var tree = OutputTree()
    var ran: [(paper: Paper, experiments: [ExperimentRecord])] = []
    for (paper, experiments, whole) in plan {
      let done = try runExperiments(experiments, of: paper, resolved: resolved, options: options, tree: &tree, log: log)
      ran.append((paper, done))
      // Merge: the paper's experiments in catalog order, fresh where run, stored otherwise.
      let stored = whole ? [] : records[paper.id]?.experiments ?? []
      let merged = paper.experiments.compactMap { experiment in
        done.first { $0.id == experiment.id } ?? stored.first { $0.id == experiment.id }
      }
      records[paper.id] = PaperRecord(paper: paper, scale: options.scale, seed: options.seed, experiments: merged)
      if whole { try markObsoleteFigures(of: paper, records[paper.id]!, root: options.root, tree: &tree) }
    }
    // 4. Render every derived file from the merged records.
    try renderDerivedFiles(records, options: options, tree: &tree)
    return Outcome(tree: tree, ran: ran, selectedClaims: selectedClaims)
  }

  /// Checks every `--set` key against the selected experiments and resolves their parameters.
  private func resolveParameters(of selected: [any Experiment], options: Options) throws -> [String: Parameters] {
    for key in options.overrides.values.keys.sorted() where !selected.contains(where: { $0.parameters.contains { $0.name == key } }) {
      let names = Set(selected.flatMap { $0.parameters.map(\.name) }).sorted()
      throw LabError.invalidInput(
        place: "--set \(key)",
        problem: "no selected experiment has a parameter '\(key)'; allowed: \(names.isEmpty ? "none" : names.joined(separator: ", "))")
    }
    var resolved: [String: Parameters] = [:]
    for experiment in selected {
      try Reproduction.checkReadings(options.overrides, of: experiment)
      resolved[experiment.id] = try Parameters(
        experiment.parameters, scale: options.scale, overrides: options.overrides.restricted(to: experiment.parameters))
    }
    return resolved
  }

  /// The stored records of the papers not run whole, refusing any made at another scale or seed.
  private func storedRecords(except wholePapers: Set<String>, options: Options) throws -> [String: PaperRecord] {
    var records: [String: PaperRecord] = [:]
    for paper in catalog.papers where !wholePapers.contains(paper.id) {
      let path = options.root + "/" + paper.resultsPath
      guard let text = try AtomicFile.read(path) else { continue }
      let record = try PaperRecord(json: try JSONValue.parse(text, source: paper.resultsPath), place: paper.resultsPath)
      guard record.scale == options.scale, record.seed == options.seed else {
        throw LabError.invalidInput(
          place: paper.resultsPath,
          problem:
            "holds results at scale \(record.scale.rawValue) with seed \(record.seed), but this run is at scale \(options.scale.rawValue) with seed \(options.seed); run every paper at once (reproduce run --scale \(options.scale.rawValue)) or write elsewhere with --output DIR"
        )
      }
      records[paper.id] = record
    }
    return records
  }

  /// Runs `experiments` of `paper`, adds their figures to `tree` and returns their records.
  private func runExperiments(
    _ experiments: [any Experiment], of paper: Paper, resolved: [String: Parameters], options: Options, tree: inout OutputTree,
    log: (String) -> Void
  ) throws -> [ExperimentRecord] {
    var done: [ExperimentRecord] = []
    for experiment in experiments {
      log("running \(experiment.id): \(experiment.title)")
      let parameters = resolved[experiment.id]!
      let context = RunContext(
        experimentID: experiment.id, scale: options.scale, seed: options.seed, parameters: parameters,
        jobs: options.jobs, showProgress: options.showProgress)
      let result = try experiment.run(in: context)
      try Reproduction.verify(result, of: experiment)
      for figure in result.figures { tree.add(figure.path(paper: paper.id), figure.svg) }
      done.append(ExperimentRecord(experiment: experiment, parameters: parameters, result: result, paper: paper.id, scale: options.scale))
    }
    return done
  }

  /// Adds the reports, results, woven documents and manifest rendered from the merged `records`.
  /// A literate document the stored manifest lists but that is gone is recorded as missing, so that
  /// `check` names it and `run` refuses, rather than silently dropping it from the outputs.
  private func renderDerivedFiles(_ records: [String: PaperRecord], options: Options, tree: inout OutputTree) throws {
    let listed = Self.listedOutputs(root: options.root)
    for paper in catalog.papers {
      guard let record = records[paper.id] else {
        // A paper with no results under this root: its hand-written document is still expected.
        if FileManager.default.fileExists(atPath: options.root + "/" + paper.documentPath) { tree.keep(paper.documentPath) }
        continue
      }
      tree.add(paper.reportPath, Report.text(record, title: paper.title))
      let results = record.json.rendered()
      tree.add(paper.resultsPath, results)
      for file in try paper.derivedFiles(results) { tree.add("Reproduce/\(paper.id)/" + file.path, file.content) }
      if let document = try Self.template(paper.documentPath, options: options, listed: listed) {
        tree.add(
          paper.documentPath,
          try LiterateDocument.weave(document, place: paper.documentPath) {
            try MarkdownBlocks.block($0, paper: paper, record: record)
          })
      } else if listed.contains(paper.documentPath) {
        tree.markMissingDocument(paper.documentPath)
      }
    }
    let indexPath = "Papers/README.md"
    if let index = try Self.template(indexPath, options: options, listed: listed) {
      tree.add(
        indexPath,
        try LiterateDocument.weave(index, place: indexPath) { id in
          switch id {
          case "papers": return MarkdownBlocks.paperIndex(catalog.papers, records: records)
          case "dashboard": return MarkdownBlocks.dashboard(catalog.papers, records: records)
          default: throw LabError.unknownIdentifier(id, known: ["papers", "dashboard"])
          }
        })
    } else if listed.contains(indexPath) {
      tree.markMissingDocument(indexPath)
    }
    let figurePaths = records.values.flatMap { $0.experiments.flatMap(\.figures) }
    for path in figurePaths { tree.keep(path) }
    let outputs = Set(tree.paths + figurePaths + tree.missingDocuments).sorted()
    tree.add("Reproduce/MANIFEST.json", manifest(options: options, outputs: outputs))
  }

  /// The template of the document at `path`: the one under the output root, or, when the output
  /// root has none and its manifest does not list it (a fresh folder, not a deleted document), the
  /// one under the template root.
  static func template(_ path: String, options: Options, listed: Set<String>) throws -> String? {
    if let document = try AtomicFile.read(options.root + "/" + path) { return document }
    guard !listed.contains(path), let templateRoot = options.templateRoot, templateRoot != options.root else { return nil }
    return try AtomicFile.read(templateRoot + "/" + path)
  }

  /// The outputs the manifest on disk lists (empty when there is none or it cannot be read: a
  /// damaged manifest is a generated file the run replaces).
  static func listedOutputs(root: String) -> Set<String> {
    guard let text = try? AtomicFile.read(root + "/Reproduce/MANIFEST.json"), let manifest = try? JSONValue.parse(text),
      let outputs = manifest["outputs"]?.arrayValue
    else { return [] }
    return Set(outputs.compactMap(\.stringValue))
  }

  /// `Reproduce/MANIFEST.json`: master seed, scale, library versions, generator, list of outputs.
  func manifest(options: Options, outputs: [String]) -> String {
    JSONValue.object([
      ("seed", .number(Double(options.seed))),
      ("scale", .string(options.scale.rawValue)),
      ("libraries", .object(libraryVersions.map { ($0.0, .string($0.1)) })),
      ("generator", .string("GSL mt19937 unless an experiment says otherwise; stream seeds from (seed, experiment id, replicate) by SeedMixing")),
      ("outputs", .array(outputs.map { .string($0) })),
    ]).rendered()
  }

  /// A `--set` value for a reading parameter must be one of its alternatives: an error lists them with
  /// their reasons and sources.
  static func checkReadings(_ overrides: ParameterOverrides, of experiment: any Experiment) throws {
    for reading in experiment.readings {
      guard let text = overrides.values[reading.name],
        let declaration = experiment.parameters.first(where: { $0.name == reading.name })
      else { continue }
      let value = try? declaration.parse(text)
      guard let value, reading.alternatives.contains(where: { $0.value == value }) else {
        throw LabError.invalidInput(
          place: "--set \(reading.name)=\(text)", problem: "'\(text)' is not a reading of \(reading.name); the readings: \(reading.described)")
      }
    }
  }

  /// Checks that a run returned a verdict for exactly the claims it declared, in order, and that its
  /// table and figure ids are unique.
  static func verify(_ result: ExperimentResult, of experiment: any Experiment) throws {
    let declared = experiment.claims.map(\.id)
    let returned = result.claims.map(\.claim.id)
    guard declared == returned else {
      throw LabError.invalidInput(place: "experiment \(experiment.id)", problem: "declares claims \(declared) but returned verdicts for \(returned)")
    }
    let ids = result.tables.map(\.id) + result.figures.map(\.id)
    guard Set(ids).count == ids.count else {
      throw LabError.invalidInput(place: "experiment \(experiment.id)", problem: "a table or figure id is used twice: \(ids)")
    }
  }

  /// SVG files in the paper's figure folder that no experiment of the paper produces.
  private func markObsoleteFigures(of paper: Paper, _ record: PaperRecord, root: String, tree: inout OutputTree) throws {
    let folder = root + "/" + paper.figuresFolder
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
    let produced = Set(record.experiments.flatMap(\.figures))
    for name in names.sorted() where name.hasSuffix(".svg") {
      let path = paper.figuresFolder + "/" + name
      if !produced.contains(path) { tree.markObsolete(path) }
    }
  }
}
