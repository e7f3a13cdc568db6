/// The small drawing that identifies a series in a legend.
enum LegendSwatch {
  /// A short line, solid or dashed.
  case line(Colour, dashed: Bool)
  /// One scatter marker.
  case marker(Colour, Marker)
  /// A translucent filled box, with an outline for polygons.
  case area(Colour, outlined: Bool)
  /// A vertical error bar with caps and a centre dot.
  case errorBar(Colour)
  /// A solid bar.
  case bar(Colour)
}
