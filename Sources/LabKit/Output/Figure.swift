/// A figure an experiment produced: an id, a title for captions, the SVG document, and the numbers
/// it draws (``FigureDrawing/data``; nil for a drawing that is not a plot, such as a state diagram).
///
/// It is written to `Figures/<Paper>/<id>.svg` and embedded in the paper's literate document by a
/// generated block with the figure's id.
public struct Figure: Sendable, Equatable {
  public let id: String
  public let title: String
  public let svg: String
  /// What the figure plots, written to results.json beside its path.
  public let data: JSONValue?

  public init(id: String, title: String, svg: String, data: JSONValue? = nil) {
    self.id = id
    self.title = title
    self.svg = svg
    self.data = data
  }

  /// The path of the figure, relative to the output root.
  public func path(paper: String) -> String { "Figures/\(paper)/\(id).svg" }
}
