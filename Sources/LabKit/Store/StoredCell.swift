/// What the store holds for a cell: the experiment's record (as in results.json) and the SVG text of
/// each of its figures, in the record's figure order; encoded as one JSON document.
public struct StoredCell: Sendable, Equatable {
  public let record: ExperimentRecord
  /// The SVG document of `record.figures[i]`.
  public let svgs: [String]

  public init(record: ExperimentRecord, svgs: [String]) {
    precondition(record.figures.count == svgs.count, "StoredCell: one SVG per figure")
    self.record = record
    self.svgs = svgs
  }

  public var encoded: String {
    JSONValue.object([("record", record.json), ("svgs", .array(svgs.map { .string($0) }))]).rendered()
  }

  /// Decodes ``encoded``; `place` names the entry in errors.
  public init(decoding text: String, place: String) throws {
    let json = try JSONValue.parse(text, source: place)
    guard let record = json["record"], let svgs = json["svgs"]?.arrayValue?.compactMap(\.stringValue) else {
      throw LabError.invalidInput(place: place, problem: "a stored cell needs record and svgs")
    }
    let decoded = try ExperimentRecord(json: record, place: place)
    guard decoded.figures.count == svgs.count else {
      throw LabError.invalidInput(place: place, problem: "\(decoded.figures.count) figures but \(svgs.count) SVG documents")
    }
    self.init(record: decoded, svgs: svgs)
  }
}
