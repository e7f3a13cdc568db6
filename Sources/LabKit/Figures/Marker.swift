/// The shape drawn at each point of a scatter series and in its legend entry.
///
/// Different shapes keep series apart in greyscale print, where colours alone may not.
public enum Marker: Sendable, Hashable, CaseIterable {
  /// A filled circle.
  case circle
  /// A filled square.
  case square
  /// A filled triangle pointing up.
  case triangle
  /// A filled diamond (a square standing on a corner).
  case diamond
}

extension Marker {
  /// Writes the marker centred at (`x`, `y`) pixels, about `size` pixels across.
  func draw(into writer: inout SVGWriter, x: Double, y: Double, size: Double, colour: Colour, opacity: Double) {
    let r = size / 2
    let fill = colour.svgValue
    let alpha = SVGNumberFormat.format(opacity, digits: 2)
    switch self {
    case .circle:
      writer.element(
        "circle",
        [
          ("cx", SVGWriter.number(x)), ("cy", SVGWriter.number(y)), ("r", SVGWriter.number(r)),
          ("fill", fill), ("fill-opacity", alpha),
        ])
    case .square:
      let side = r * 1.8
      writer.element(
        "rect",
        [
          ("x", SVGWriter.number(x - side / 2)), ("y", SVGWriter.number(y - side / 2)),
          ("width", SVGWriter.number(side)), ("height", SVGWriter.number(side)),
          ("fill", fill), ("fill-opacity", alpha),
        ])
    case .triangle:
      let h = r * 1.25
      writer.element(
        "path",
        [
          ("d", SVGWriter.path([(x, y - h), (x + h, y + h * 0.8), (x - h, y + h * 0.8)], closed: true)),
          ("fill", fill), ("fill-opacity", alpha),
        ])
    case .diamond:
      let h = r * 1.3
      writer.element(
        "path",
        [
          ("d", SVGWriter.path([(x, y - h), (x + h, y), (x, y + h), (x - h, y)], closed: true)),
          ("fill", fill), ("fill-opacity", alpha),
        ])
    }
  }
}
