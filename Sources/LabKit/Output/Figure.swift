/// A figure an experiment produced: an id, a title for captions, the SVG document, and the numbers
/// it draws (``FigureDrawing/data``; nil for a drawing that is not a plot, such as a state diagram).
///
/// The caption follows the title wherever the figure is shown (the literate document, the HTML
/// book, results.json): it defines every symbol, abbreviation and colour the drawing uses that its
/// own labels do not spell out, so the figure can be read apart from the text.
///
/// It is written to `Figures/<Paper>/<id>.svg` and embedded in the paper's literate document by a
/// generated block with the figure's id.
public struct Figure: Sendable, Equatable {
  public let id: String
  public let title: String
  public let svg: String
  /// What the figure plots, written to results.json beside its path.
  public let data: JSONValue?
  /// Sentences that define the drawing's symbols (empty when its labels say everything).
  public private(set) var caption = ""

  public init(id: String, title: String, svg: String, data: JSONValue? = nil) {
    self.id = id
    self.title = title
    self.svg = svg
    self.data = data
  }

  /// The figure with `caption` (``caption``).
  public func captioned(_ caption: String) -> Figure {
    var figure = self
    figure.caption = caption
    return figure
  }

  /// The path of the figure, relative to the output root.
  public func path(paper: String) -> String { "Figures/\(paper)/\(id).svg" }
}
