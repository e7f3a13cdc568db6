/// A paper's results as stored in `Reproduce/<Paper>/results.json`:
/// `{"paper", "source", "scale", "seed", "experiments": [...]}`.
public struct PaperRecord: Sendable, Equatable {
  public let paper: String
  public let source: String
  public let scale: Scale
  public let seed: UInt64
  public var experiments: [ExperimentRecord]

  public init(paper: Paper, scale: Scale, seed: UInt64, experiments: [ExperimentRecord]) {
    self.paper = paper.id
    self.source = "\(paper.title). \(paper.citation). Text: \(paper.sourceText)"
    self.scale = scale
    self.seed = seed
    self.experiments = experiments
  }

  public var json: JSONValue {
    .object([
      ("paper", .string(paper)), ("source", .string(source)), ("scale", .string(scale.rawValue)),
      ("seed", .number(Double(seed))), ("experiments", .array(experiments.map(\.json))),
    ])
  }

  /// Reads a results.json; `place` (the file) prefixes error messages.
  public init(json: JSONValue, place: String) throws {
    guard let paper = json["paper"]?.stringValue, let source = json["source"]?.stringValue,
      let scaleText = json["scale"]?.stringValue, let seed = json["seed"]?.numberValue,
      let experiments = json["experiments"]?.arrayValue
    else { throw LabError.invalidInput(place: place, problem: "expected paper, source, scale, seed and experiments") }
    guard let scale = Scale(rawValue: scaleText) else {
      throw LabError.invalidInput(place: place, problem: "unknown scale '\(scaleText)'")
    }
    guard seed >= 0, seed < 9.007e15, let exactSeed = UInt64(exactly: seed) else {
      throw LabError.invalidInput(place: place, problem: "seed \(seed) is not a non-negative integer below 2^53")
    }
    self.paper = paper
    self.source = source
    self.scale = scale
    self.seed = exactSeed
    self.experiments = try experiments.map { try ExperimentRecord(json: $0, place: place) }
  }

  /// Every claim of every experiment, in paper order.
  public var claims: [ClaimRecord] { experiments.flatMap(\.claims) }
}
