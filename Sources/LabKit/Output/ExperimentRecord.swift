/// One experiment's results as stored in results.json: `{"id", "title", "sections", "parameters",
/// "claims", "tables", "figures": [{"path", "title", "caption", "data"}]}`.
public struct ExperimentRecord: Sendable, Equatable {
  public let id: String
  public let title: String
  public let sections: [String]
  /// The resolved parameters, an ordered JSON object.
  public let parameters: JSONValue
  public let claims: [ClaimRecord]
  public let tables: [Table]
  /// Paths of the figures, relative to the output root.
  public let figures: [String]
  /// Figure titles by path, for captions.
  public let figureTitles: [String]
  /// Figure captions by path (``Figure/caption``), empty when a figure has none.
  public let figureCaptions: [String]
  /// What each figure plots (``FigureDrawing/data``), null for a drawing that is not a plot.
  public let figureData: [JSONValue]

  public init(experiment: any Experiment, parameters: Parameters, result: ExperimentResult, paper: String, scale: Scale) {
    id = experiment.id
    title = experiment.title
    sections = experiment.sections
    self.parameters = parameters.json
    claims = result.claims.map { ClaimRecord($0, scale: scale) }
    tables = result.tables
    figures = result.figures.map { $0.path(paper: paper) }
    figureTitles = result.figures.map(\.title)
    figureCaptions = result.figures.map(\.caption)
    figureData = result.figures.map { $0.data ?? .null }
  }

  public var json: JSONValue {
    .object([
      ("id", .string(id)), ("title", .string(title)), ("sections", .array(sections.map { .string($0) })),
      ("parameters", parameters), ("claims", .array(claims.map(\.json))), ("tables", .array(tables.map(\.json))),
      (
        "figures",
        .array(
          figures.indices.map { index in
            .object([
              ("path", .string(figures[index])), ("title", .string(figureTitles[index])), ("caption", .string(figureCaptions[index])),
              ("data", figureData[index]),
            ])
          })
      ),
    ])
  }

  public init(json: JSONValue, place: String) throws {
    guard let id = json["id"]?.stringValue, let title = json["title"]?.stringValue,
      let sections = json["sections"]?.arrayValue?.compactMap(\.stringValue), let parameters = json["parameters"],
      let claims = json["claims"]?.arrayValue, let tables = json["tables"]?.arrayValue, let figures = json["figures"]?.arrayValue
    else { throw LabError.invalidInput(place: place, problem: "an experiment needs id, title, sections, parameters, claims, tables and figures") }
    self.id = id
    self.title = title
    self.sections = sections
    self.parameters = parameters
    self.claims = try claims.map { try ClaimRecord(json: $0, place: "\(place), experiment \(id)") }
    self.tables = try tables.map { try Table(json: $0, place: "\(place), experiment \(id)") }
    self.figures = figures.compactMap { $0["path"]?.stringValue }
    self.figureTitles = figures.compactMap { $0["title"]?.stringValue }
    self.figureCaptions = figures.map { $0["caption"]?.stringValue ?? "" }
    self.figureData = figures.map { $0["data"] ?? .null }
    guard self.figures.count == figures.count, self.figureTitles.count == figures.count else {
      throw LabError.invalidInput(place: "\(place), experiment \(id)", problem: "a figure needs path and title")
    }
  }
}
