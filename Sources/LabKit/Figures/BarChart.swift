/// A grouped bar chart: one group of bars per category, one bar per series in each group, with
/// optional error bars, a legend and horizontal reference lines; rendered as SVG 1.1.
///
/// ```swift
/// var chart = BarChart(title: "Payoff by strategy", categories: ["TFT", "ALLD", "ALLC"],
///                      xLabel: "Strategy", y: Axis(label: "Mean payoff"))
/// chart.bars("Noise 0", [3.0, 1.2, 2.5], lower: [2.8, 1.0, 2.2], upper: [3.2, 1.4, 2.8])
/// chart.bars("Noise 5 %", [2.6, 1.3, 2.0])
/// let text = chart.svg()
/// ```
///
/// Bars grow from zero on a linear axis (a fitted range always includes zero) and from the bottom
/// of the axis on a logarithmic one. Each group fills 80 % of its category's slot. A value that
/// cannot be placed (NaN, infinite, not positive on a logarithmic axis) leaves its bar out.
/// Category names that do not fit their slot are written at 45°.
public struct BarChart: Sendable {
  /// The title written above the plotting area (may be empty).
  public var title: String
  /// The category names along the horizontal axis, left to right.
  public var categories: [String]
  /// The text under the category names (may be empty).
  public var xLabel: String
  /// The value axis.
  public var y: Axis
  /// The figure width in pixels.
  public var width: Double
  /// The figure height in pixels.
  public var height: Double
  /// The colours series take in turn.
  public var palette: Palette = .okabeIto
  /// Where the legend goes; by default a free corner of the plotting area.
  public var legendPlacement: LegendPlacement = .automatic

  struct Series: Sendable {
    var name: String?
    var values: [Double]
    var lower: [Double]?
    var upper: [Double]?
    var colour: SeriesColour
  }

  private(set) var series: [Series] = []
  private(set) var references: [(value: Double, label: String?)] = []

  /// An empty bar chart over the given categories.
  public init(
    title: String, categories: [String], xLabel: String = "", y: Axis,
    width: Double = 640, height: Double = 420
  ) {
    self.title = title
    self.categories = categories
    self.xLabel = xLabel
    self.y = y
    self.width = width
    self.height = height
  }

  /// Adds a series: `values[i]` is the bar of category i.
  ///
  /// `lower` and `upper`, when both given, are the ends of an error bar on each bar (in data units,
  /// not distances). Missing trailing values leave bars out; extra values are ignored. A named
  /// series gets a legend row; `colour` overrides the next palette colour.
  public mutating func bars(
    _ name: String?, _ values: [Double], lower: [Double]? = nil, upper: [Double]? = nil, colour: Colour? = nil
  ) {
    let index = series.filter { if case .palette = $0.colour { return true } else { return false } }.count
    series.append(
      Series(
        name: name, values: values, lower: lower, upper: upper,
        colour: colour.map { .fixed($0) } ?? .palette(index)))
  }

  /// Adds a dashed grey horizontal line at `y`, optionally labelled at its right end.
  public mutating func referenceLine(y: Double, label: String? = nil) {
    references.append((y, label))
  }

  /// The chart as a complete, standalone SVG 1.1 document. Identical text on every call.
  public func svg() -> String {
    let yAxis = resolvedValueAxis()
    let legend = ChartLegend(entries: legendEntries())
    func makeFrame(reservedRight: Double) -> PlotFrame {
      PlotFrame(
        title: title, width: width, height: height,
        horizontal: .categorical(label: xLabel, categories: categories), vertical: yAxis,
        reservedRight: reservedRight)
    }
    let (frame, legendOrigin) = legend.place(legendPlacement, makeFrame: makeFrame(reservedRight:), coverage: coverage(in:))

    var writer = SVGWriter(width: frame.figureWidth, height: frame.figureHeight, title: title)
    let clipID = SVGWriter.identifier(
      "plot-", "bars|\(title)|\(SVGWriter.number(width))|\(SVGWriter.number(height))|\(series.count)")
    frame.writeClipPaths(into: &writer, id: clipID)
    frame.writeBackground(into: &writer)
    writer.open("g", [("clip-path", "url(#\(clipID))")])
    writeBars(in: frame, into: &writer)
    writeErrorBars(in: frame, into: &writer)
    writeReferenceLines(in: frame, into: &writer)
    writer.close()
    writeReferenceLabels(in: frame, into: &writer)
    frame.writeAxes(into: &writer)
    if let legendOrigin { legend.write(into: &writer, at: legendOrigin) }
    return writer.finish()
  }

  /// The value axis fitted to every bar, error-bar end and reference line (always including zero).
  private func resolvedValueAxis() -> ResolvedAxis {
    var values: [Double] = references.map(\.value)
    for s in series {
      values += s.values.prefix(categories.count)
      if let lower = s.lower, let upper = s.upper {
        values += lower.prefix(categories.count) + upper.prefix(categories.count)
      }
    }
    // A little headroom, so that the tallest bar or error bar does not touch the frame.
    return ResolvedAxis(y, values: values.map { $0 * 1.04 }, includeZero: true)
  }

  /// The legend rows: one per named series, none when the legend is hidden.
  private func legendEntries() -> [LegendEntry] {
    legendPlacement == .hidden
      ? []
      : series.compactMap { s in
        s.name.map { LegendEntry(name: $0, swatch: .bar(s.colour.resolve(in: palette))) }
      }
  }

  /// Writes the bars: one group per series, holding its colour and one rectangle per placeable bar.
  private func writeBars(in frame: PlotFrame, into writer: inout SVGWriter) {
    for (index, s) in series.enumerated() {
      writer.open("g", [("fill", s.colour.resolve(in: palette).svgValue)])
      for bar in bars(of: index, in: frame) {
        writer.element(
          "rect",
          [
            ("x", SVGWriter.number(bar.x)), ("y", SVGWriter.number(min(bar.top, bar.base))),
            ("width", SVGWriter.number(bar.width)), ("height", SVGWriter.number((bar.base - bar.top).magnitude)),
          ])
      }
      writer.close()
    }
  }

  /// Writes every error bar of every series as one path: a vertical stroke with a cap at each end.
  private func writeErrorBars(in frame: PlotFrame, into writer: inout SVGWriter) {
    var errorPaths: [String] = []
    for index in series.indices {
      for bar in bars(of: index, in: frame) {
        guard let (low, high) = bar.error else { continue }
        let centre = bar.x + bar.width / 2
        let cap = min(bar.width * 0.25, 6)
        let (cx, l, h) = (SVGWriter.number(centre), SVGWriter.number(low), SVGWriter.number(high))
        let (a, b) = (SVGWriter.number(centre - cap), SVGWriter.number(centre + cap))
        errorPaths.append("M\(cx) \(l) V\(h) M\(a) \(l) H\(b) M\(a) \(h) H\(b)")
      }
    }
    if !errorPaths.isEmpty {
      writer.element(
        "path",
        [
          ("d", errorPaths.joined(separator: " ")), ("fill", "none"), ("stroke", FigureStyle.textColour),
          ("stroke-width", "1.2"),
        ])
    }
  }

  /// Writes the dashed grey reference lines across the plotting area.
  private func writeReferenceLines(in frame: PlotFrame, into writer: inout SVGWriter) {
    for reference in references {
      guard let py = frame.py(reference.value) else { continue }
      writer.element(
        "line",
        [
          ("x1", SVGWriter.number(frame.left)), ("y1", SVGWriter.number(py)),
          ("x2", SVGWriter.number(frame.right)), ("y2", SVGWriter.number(py)),
          ("stroke", FigureStyle.referenceColour), ("stroke-width", "1.2"),
          ("stroke-dasharray", ChartLayer.referenceDashPattern),
        ])
    }
  }

  /// Writes the labels of the reference lines inside the plotting area, right-aligned above their
  /// line (below it when there is no room), on a white halo so that bars do not hide them.
  private func writeReferenceLabels(in frame: PlotFrame, into writer: inout SVGWriter) {
    for reference in references {
      guard let label = reference.label, let py = frame.py(reference.value), py >= frame.top, py <= frame.bottom
      else { continue }
      let font = FigureStyle.annotationFontSize
      let y = py - 4 - font >= frame.top ? py - 4 : py + font + 1
      let position = [
        ("x", SVGWriter.number(frame.right - 4)), ("y", SVGWriter.number(y)),
        ("font-size", SVGWriter.number(font)), ("text-anchor", "end"),
      ]
      writer.element(
        "text",
        position + [
          ("fill", "#ffffff"), ("stroke", "#ffffff"), ("stroke-width", "3"), ("stroke-linejoin", "round"),
        ], text: label)
      writer.element("text", position + [("fill", FigureStyle.referenceColour)], text: label)
    }
  }

  /// The pixel bars of series `index`: left edge, width, top, baseline and error-bar ends.
  private func bars(
    of index: Int, in frame: PlotFrame
  )
    -> [(x: Double, width: Double, top: Double, base: Double, error: (Double, Double)?)]
  {
    let s = series[index]
    let slot = frame.plotWidth / Double(max(categories.count, 1))
    let barWidth = slot * 0.8 / Double(max(series.count, 1))
    let base = y.scale == .linear ? (frame.py(0) ?? frame.bottom) : frame.bottom
    var result: [(x: Double, width: Double, top: Double, base: Double, error: (Double, Double)?)] = []
    for category in 0..<min(categories.count, s.values.count) {
      guard let top = frame.py(s.values[category]) else { continue }
      let x = frame.left + slot * (Double(category) + 0.1) + barWidth * Double(index)
      var error: (Double, Double)?
      if let lower = s.lower, let upper = s.upper, category < lower.count, category < upper.count,
        let low = frame.py(lower[category]), let high = frame.py(upper[category])
      {
        error = (low, high)
      }
      result.append((x, barWidth, top, base, error))
    }
    return result
  }

  /// Samples of the bars, error bars and reference labels, for choosing a legend corner.
  private func coverage(in frame: PlotFrame) -> LegendCoverage {
    var coverage = LegendCoverage()
    for index in series.indices {
      for bar in bars(of: index, in: frame) {
        coverage.addRectangle(x0: bar.x, y0: bar.top, x1: bar.x + bar.width, y1: bar.base)
        if let (low, high) = bar.error {
          coverage.addSegment((bar.x + bar.width / 2, low), (bar.x + bar.width / 2, high))
        }
      }
    }
    for reference in references {
      guard let label = reference.label, let py = frame.py(reference.value) else { continue }
      let width = FigureStyle.textWidth(label, fontSize: FigureStyle.annotationFontSize)
      coverage.addRectangle(x0: frame.right - 4 - width, y0: py - 16, x1: frame.right - 4, y1: py)
    }
    return coverage
  }
}
