/// A chart with one numeric plotting area: lines, scatter points, bands, error bars, reference
/// lines, text and shaded polygons, drawn in the order they are added, rendered as SVG 1.1.
///
/// Build it with the mutating methods (in `Chart+Layers.swift`), then call ``svg()``:
///
/// ```swift
/// var chart = Chart(title: "Cooperation over time",
///                   x: Axis(label: "Round"), y: Axis(label: "Share cooperating", range: 0...1))
/// chart.line("Tit for tat", points)
/// chart.band(nil, x: rounds, lower: low, upper: high)
/// chart.referenceLine(y: 0.5, label: "Chance")
/// let text = chart.svg()
/// ```
///
/// Series without an explicit colour take the next colour of ``palette`` (Okabe–Ito by default);
/// series with a name get a legend row. Points with a NaN or infinite coordinate, or a coordinate
/// at or below zero on a logarithmic axis, are skipped: a line breaks there. The output is
/// deterministic: the same chart always gives the same text.
public struct Chart: Sendable {
  /// The title written above the plotting area (may be empty).
  public var title: String
  /// The horizontal axis.
  public var x: Axis
  /// The vertical axis.
  public var y: Axis
  /// The figure width in pixels (SVG user units).
  public var width: Double
  /// The figure height in pixels (SVG user units).
  public var height: Double
  /// The colours series take in turn.
  public var palette: Palette = .okabeIto
  /// Where the legend goes; by default a free corner of the plotting area.
  public var legendPlacement: LegendPlacement = .automatic

  /// What is drawn, in order.
  var layers: [ChartLayer] = []
  /// How many series have taken a palette colour so far.
  var paletteCursor = 0

  /// An empty chart with the given title, axes and size in pixels.
  public init(title: String, x: Axis, y: Axis, width: Double = 640, height: Double = 420) {
    self.title = title
    self.x = x
    self.y = y
    self.width = width
    self.height = height
  }
}
