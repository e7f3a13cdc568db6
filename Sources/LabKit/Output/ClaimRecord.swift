/// A claim's verdict as stored in results.json: `{"id", "source", "kind", "statement", "class",
/// "classReason", "meaningfulAt", "headline", "where", "verdict", "design", "readings", "trends",
/// "control", "evidence", "measured"}`.
///
/// At smoke scale `headline` and `verdict` are `smoke`: a smoke run tests the pipeline, and its
/// verdicts are not findings. The cells keep what the check computed.
public struct ClaimRecord: Sendable, Equatable {
  public let id: String
  public let source: String
  public let kind: String
  public let statement: String
  /// `consistency`, `empirical`, or `unclassified`.
  public let claimClass: String
  public let classReason: String?
  public let meaningfulAt: Scale
  /// Nil at smoke scale.
  public let headline: Headline?
  public let design: GridDesign
  public let cells: [VerdictMap.Cell]
  public let trends: JSONValue
  public let whereItHolds: String
  public let control: ControlResult?
  /// The old verdict words, kept for one release: the headline mapped onto them.
  public let verdict: Verdict
  /// The evidence as one paragraph (``Evidence/text``).
  public let evidence: String
  /// The measured values, an ordered JSON object.
  public let measured: JSONValue

  public init(_ result: ClaimResult, scale: Scale) {
    id = result.claim.id
    source = result.claim.source
    kind = result.claim.kind.rawValue
    statement = result.claim.statement
    claimClass = result.claim.claimClass?.name ?? "unclassified"
    classReason = result.claim.claimClass?.reason
    meaningfulAt = result.claim.meaningfulAt
    headline = scale == .smoke ? nil : result.headline
    design = result.map.design
    cells = result.map.cells
    trends = result.map.trendsJSON
    whereItHolds = result.map.whereItHolds
    control = result.control
    verdict = scale == .smoke ? .smoke : result.verdict
    evidence = result.evidence.text
    measured = result.evidence.measuredJSON
  }

  /// The headline as printed: `HOLDS`, ..., or `SMOKE`.
  public var headlineLabel: String { headline?.label ?? "SMOKE" }

  public var isEmpirical: Bool { claimClass == "empirical" }

  public var json: JSONValue {
    .object([
      ("id", .string(id)), ("source", .string(source)), ("kind", .string(kind)), ("statement", .string(statement)),
      ("class", .string(claimClass)), ("classReason", classReason.map(JSONValue.string) ?? .null),
      ("meaningfulAt", .string(meaningfulAt.rawValue)), ("headline", .string(headline?.rawValue ?? "smoke")),
      ("where", .string(whereItHolds)), ("verdict", .string(verdict.rawValue)), ("design", .string(design.rawValue)),
      ("readings", .array(cells.map(\.json))), ("trends", trends), ("control", control?.json ?? .null),
      ("evidence", .string(evidence)), ("measured", measured),
    ])
  }

  public init(json: JSONValue, place: String) throws {
    guard let id = json["id"]?.stringValue, let source = json["source"]?.stringValue, let kind = json["kind"]?.stringValue,
      let statement = json["statement"]?.stringValue, let verdictText = json["verdict"]?.stringValue,
      let evidence = json["evidence"]?.stringValue, let measured = json["measured"],
      let claimClass = json["class"]?.stringValue, let meaningfulAt = json["meaningfulAt"]?.stringValue.flatMap(Scale.init(rawValue:)),
      let headlineText = json["headline"]?.stringValue, let whereItHolds = json["where"]?.stringValue,
      let design = json["design"]?.stringValue.flatMap(GridDesign.init(rawValue:)), let cells = json["readings"]?.arrayValue,
      let trends = json["trends"], trends.arrayValue != nil, let control = json["control"]
    else {
      throw LabError.invalidInput(
        place: place,
        problem:
          "a claim needs id, source, kind, statement, class, meaningfulAt, headline, where, verdict, design, readings, trends, control, evidence and measured"
      )
    }
    let place = "\(place), claim \(id)"
    guard let verdict = Verdict(rawValue: verdictText) else { throw LabError.invalidInput(place: place, problem: "unknown verdict '\(verdictText)'") }
    guard headlineText == "smoke" || Headline(rawValue: headlineText) != nil else {
      throw LabError.invalidInput(place: place, problem: "unknown headline '\(headlineText)'")
    }
    self.id = id
    self.source = source
    self.kind = kind
    self.statement = statement
    self.claimClass = claimClass
    self.classReason = json["classReason"]?.stringValue
    self.meaningfulAt = meaningfulAt
    self.headline = Headline(rawValue: headlineText)
    self.design = design
    self.cells = try cells.map { try VerdictMap.Cell(json: $0, place: place) }
    self.trends = trends
    self.whereItHolds = whereItHolds
    self.control = control == .null ? nil : try ControlResult(json: control, place: place)
    self.verdict = verdict
    self.evidence = evidence
    self.measured = measured
  }
}
