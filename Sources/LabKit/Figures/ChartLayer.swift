/// One thing drawn in a ``Chart``'s plotting area, kept in the order it was added.
enum ChartLayer: Sendable {
  /// A polyline through the points, broken where a point cannot be placed.
  case line(name: String?, points: [ChartPoint], dashed: Bool, colour: SeriesColour)
  /// One marker per point.
  case scatter(name: String?, points: [ChartPoint], marker: Marker, colour: SeriesColour)
  /// A translucent area between two curves over the same x values.
  case band(name: String?, x: [Double], lower: [Double], upper: [Double], colour: SeriesColour)
  /// Vertical bars from lower to upper at each x, with a dot at y.
  case errorBars(name: String?, x: [Double], y: [Double], lower: [Double], upper: [Double], colour: SeriesColour)
  /// A dashed line across the plot at a y value.
  case horizontalReference(y: Double, label: String?)
  /// A dashed line across the plot at an x value.
  case verticalReference(x: Double, label: String?)
  /// Text centred on a data point.
  case text(String, at: ChartPoint)
  /// A closed translucent polygon with an outline.
  case polygon(name: String?, vertices: [ChartPoint], colour: SeriesColour)
  /// Histogram bars: bin i spans edges[i] ... edges[i + 1] with height counts[i].
  case bins(name: String?, edges: [Double], counts: [Double], colour: SeriesColour)

  /// The dash pattern of dashed lines.
  static let dashPattern = "6 4"
  /// The dash pattern of reference lines.
  static let referenceDashPattern = "5 3"
  /// The fill opacity of bands and polygons.
  static let areaOpacity = 0.2

  /// The legend row of the layer, when it has a name.
  func legendEntry(palette: Palette) -> LegendEntry? {
    switch self {
    case .line(let name?, _, let dashed, let colour):
      return LegendEntry(name: name, swatch: .line(colour.resolve(in: palette), dashed: dashed))
    case .scatter(let name?, _, let marker, let colour):
      return LegendEntry(name: name, swatch: .marker(colour.resolve(in: palette), marker))
    case .band(let name?, _, _, _, let colour):
      return LegendEntry(name: name, swatch: .area(colour.resolve(in: palette), outlined: false))
    case .errorBars(let name?, _, _, _, _, let colour):
      return LegendEntry(name: name, swatch: .errorBar(colour.resolve(in: palette)))
    case .polygon(let name?, _, let colour):
      return LegendEntry(name: name, swatch: .area(colour.resolve(in: palette), outlined: true))
    case .bins(let name?, _, _, let colour):
      return LegendEntry(name: name, swatch: .bar(colour.resolve(in: palette)))
    default:
      return nil
    }
  }
}
