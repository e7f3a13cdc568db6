/// A claim's verdict as stored in results.json: `{"id", "source", "kind", "statement", "verdict",
/// "evidence", "measured"}`.
public struct ClaimRecord: Sendable, Equatable {
  public let id: String
  public let source: String
  public let kind: String
  public let statement: String
  public let verdict: Verdict
  /// The evidence as one paragraph (``Evidence/text``).
  public let evidence: String
  /// The measured values, an ordered JSON object.
  public let measured: JSONValue

  public init(_ result: ClaimResult) {
    id = result.claim.id
    source = result.claim.source
    kind = result.claim.kind.rawValue
    statement = result.claim.statement
    verdict = result.verdict
    evidence = result.evidence.text
    measured = result.evidence.measuredJSON
  }

  public var json: JSONValue {
    .object([
      ("id", .string(id)), ("source", .string(source)), ("kind", .string(kind)), ("statement", .string(statement)),
      ("verdict", .string(verdict.rawValue)), ("evidence", .string(evidence)), ("measured", measured),
    ])
  }

  public init(json: JSONValue, place: String) throws {
    guard let id = json["id"]?.stringValue, let source = json["source"]?.stringValue, let kind = json["kind"]?.stringValue,
      let statement = json["statement"]?.stringValue, let verdictText = json["verdict"]?.stringValue,
      let evidence = json["evidence"]?.stringValue, let measured = json["measured"]
    else { throw LabError.invalidInput(place: place, problem: "a claim needs id, source, kind, statement, verdict, evidence and measured") }
    guard let verdict = Verdict(rawValue: verdictText) else {
      throw LabError.invalidInput(place: "\(place), claim \(id)", problem: "unknown verdict '\(verdictText)'")
    }
    self.id = id
    self.source = source
    self.kind = kind
    self.statement = statement
    self.verdict = verdict
    self.evidence = evidence
    self.measured = measured
  }
}
