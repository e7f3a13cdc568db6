/// The committed paper-scale results of one paper: `Reproduce/paper/<Paper>/MANIFEST.json`.
///
/// Layout (beside the standard outputs, which it never changes):
///
///     Reproduce/paper/<Paper>/MANIFEST.json      this manifest (written by `reproduce run --scale paper --paper-layout`)
///     Reproduce/paper/<Paper>/cells/<id>.cell    one experiment's stored cell (``StoredCell/encoded``), the bytes `check` compares
///     Reproduce/paper/<Paper>/results.json       the cells' records, as a paper-scale results.json (derived)
///     Figures/paper/<Paper>/<figure>.svg         the cells' figures (derived)
///
/// A cell is one whole experiment run at scale `paper`, with the master seed of the manifest and the
/// `--set` overrides its entry records (a "largest scale that fits" is a paper-scale run with
/// overrides, said so in the documents). Each entry records the code fingerprint of the paper module
/// that computed it, and the FNV-1a checksum of the cell file (``Checksum``). No
/// duration is recorded: committed outputs hold no timings (the same seed gives the same bytes on any
/// machine). Experiments not run at paper scale are listed with the reason.
public struct PaperScaleManifest: Sendable, Equatable {
  /// One committed cell.
  public struct Entry: Sendable, Equatable {
    public var experiment: String
    /// `--set` overrides the run used, by key (empty: the paper-scale defaults).
    public var overrides: [String: String]
    /// The fingerprint of the code that computed the cell.
    public var fingerprint: String
    /// ``Checksum/fnv1a(_:)`` of the cell file.
    public var checksum: String
  }

  /// An experiment of the paper deliberately not run at paper scale.
  public struct NotRun: Sendable, Equatable {
    public var experiment: String
    public var reason: String
  }

  public var paper: String
  public var seed: UInt64
  public var cells: [Entry]
  public var notRun: [NotRun]

  public init(paper: String, seed: UInt64, cells: [Entry] = [], notRun: [NotRun] = []) {
    self.paper = paper
    self.seed = seed
    self.cells = cells
    self.notRun = notRun
  }

  /// The folder of a paper's paper-scale results, relative to the output root.
  public static func folder(_ paper: String) -> String { "Reproduce/paper/\(paper)" }
  public static func path(_ paper: String) -> String { folder(paper) + "/MANIFEST.json" }
  public static func cellPath(_ paper: String, experiment: String) -> String { folder(paper) + "/cells/\(experiment).cell" }
  public static func resultsPath(_ paper: String) -> String { folder(paper) + "/results.json" }
  /// `Figures/<Paper>/x.svg` (the path a record names) → `Figures/paper/<Paper>/x.svg`.
  public static func figurePath(_ standard: String) -> String {
    standard.hasPrefix("Figures/") ? "Figures/paper/" + standard.dropFirst("Figures/".count) : standard
  }

  public func entry(_ experiment: String) -> Entry? { cells.first { $0.experiment == experiment } }

  public var json: JSONValue {
    .object([
      ("paper", .string(paper)), ("scale", .string(Scale.paper.rawValue)), ("seed", .number(Double(seed))),
      (
        "cells",
        .array(
          cells.map { entry in
            .object([
              ("experiment", .string(entry.experiment)),
              ("file", .string(Self.cellPath(paper, experiment: entry.experiment))),
              ("overrides", .object(entry.overrides.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })),
              ("fingerprint", .string(entry.fingerprint)), ("checksum", .string(entry.checksum)),
            ])
          })
      ),
      ("notRun", .array(notRun.map { .object([("experiment", .string($0.experiment)), ("reason", .string($0.reason))]) })),
    ])
  }

  /// Reads a manifest; `place` (the file) prefixes error messages.
  public init(json: JSONValue, place: String) throws {
    guard let paper = json["paper"]?.stringValue, json["scale"]?.stringValue == Scale.paper.rawValue,
      let seed = json["seed"]?.numberValue, seed >= 0, seed < 9.007e15, let exactSeed = UInt64(exactly: seed),
      let cells = json["cells"]?.arrayValue, let notRun = json["notRun"]?.arrayValue
    else { throw LabError.invalidInput(place: place, problem: "expected paper, scale \"paper\", an integer seed, cells and notRun") }
    self.paper = paper
    self.seed = exactSeed
    self.cells = try cells.map { item in
      guard let experiment = item["experiment"]?.stringValue, let overrides = item["overrides"]?.objectValue,
        let fingerprint = item["fingerprint"]?.stringValue, let checksum = item["checksum"]?.stringValue
      else { throw LabError.invalidInput(place: place, problem: "a cell needs experiment, overrides, fingerprint and checksum") }
      var values: [String: String] = [:]
      for (key, value) in overrides {
        guard let text = value.stringValue else { throw LabError.invalidInput(place: place, problem: "override \(key) is not a string") }
        values[key] = text
      }
      return Entry(experiment: experiment, overrides: values, fingerprint: fingerprint, checksum: checksum)
    }
    self.notRun = try notRun.map { item in
      guard let experiment = item["experiment"]?.stringValue, let reason = item["reason"]?.stringValue else {
        throw LabError.invalidInput(place: place, problem: "a notRun entry needs experiment and reason")
      }
      return NotRun(experiment: experiment, reason: reason)
    }
  }
}
