/// What the store holds for a cell: the experiment's record (as in results.json) and the SVG text of
/// each of its figures, in the record's figure order.
///
/// Encoded as one text: a first line `svg L₁ L₂ …` with the UTF-8 length of each SVG document, the
/// documents themselves back to back, then the record as rendered JSON. The SVG text (most of a cell's
/// bytes) is thus stored as it is, neither escaped nor parsed.
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
    (["svg"] + svgs.map { String($0.utf8.count) }).joined(separator: " ") + "\n" + svgs.joined() + record.json.rendered()
  }

  /// Decodes ``encoded``; `place` names the entry in errors.
  public init(decoding text: String, place: String) throws {
    let bytes = Array(text.utf8)
    guard let newline = bytes.firstIndex(of: UInt8(ascii: "\n")) else {
      throw LabError.invalidInput(place: place, problem: "a stored cell starts with a line of SVG lengths")
    }
    let header = String(decoding: bytes[..<newline], as: UTF8.self).split(separator: " ")
    let lengths = header.dropFirst().compactMap { Int($0) }
    guard header.first == "svg", lengths.count == header.count - 1, lengths.allSatisfy({ $0 >= 0 }),
      lengths.reduce(newline + 1, +) <= bytes.count
    else { throw LabError.invalidInput(place: place, problem: "a malformed line of SVG lengths") }
    var position = newline + 1
    var svgs: [String] = []
    for length in lengths {
      svgs.append(String(decoding: bytes[position..<position + length], as: UTF8.self))
      position += length
    }
    let json = try JSONValue.parse(String(decoding: bytes[position...], as: UTF8.self), source: place)
    let decoded = try ExperimentRecord(json: json, place: place)
    guard decoded.figures.count == svgs.count else {
      throw LabError.invalidInput(place: place, problem: "\(decoded.figures.count) figures but \(svgs.count) SVG documents")
    }
    self.init(record: decoded, svgs: svgs)
  }
}
