/// A figure an experiment produced: an id, a title for captions, and the SVG document.
///
/// It is written to `Figures/<Paper>/<id>.svg` and embedded in the paper's literate document by a
/// generated block with the figure's id.
public struct Figure: Sendable, Equatable {
  public let id: String
  public let title: String
  public let svg: String

  public init(id: String, title: String, svg: String) {
    self.id = id
    self.title = title
    self.svg = svg
  }

  /// The path of the figure, relative to the output root.
  public func path(paper: String) -> String { "Figures/\(paper)/\(id).svg" }
}
