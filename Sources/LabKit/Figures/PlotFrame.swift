/// The layout and axes of one rectangular plotting area: margins, pixel mapping, grid, ticks,
/// tick labels, axis labels and title. Shared by ``Chart``, ``BarChart`` and ``HistogramChart``.
///
/// The margins follow from the estimated text sizes: the left margin holds the widest y tick label
/// and the rotated y axis label, the bottom margin the x tick labels (rotated 45° when category
/// names do not fit their slots) and the x axis label, the right margin half the last x tick label
/// plus any room reserved for an outside legend. Pixel positions of values far outside the range
/// are clamped to ±100 000 so that clipped geometry stays finite and short.
struct PlotFrame {
  /// What runs along the horizontal axis.
  enum Horizontal {
    /// A numeric axis.
    case numeric(ResolvedAxis)
    /// Named categories in slots of equal width; category i is centred at coordinate i.
    case categorical(label: String, categories: [String])
  }

  let title: FigureTitle
  let figureWidth: Double
  let figureHeight: Double
  let horizontal: Horizontal
  let vertical: ResolvedAxis

  /// The plotting area, in pixels.
  private(set) var left = 0.0
  private(set) var top = 0.0
  private(set) var plotWidth = 0.0
  private(set) var plotHeight = 0.0
  private(set) var xTicks: [AxisTick] = []
  private(set) var yTicks: [AxisTick] = []
  /// Whether category names are written at 45°.
  private(set) var rotatedCategoryLabels = false
  /// How far the x tick labels reach below the axis line.
  private var xLabelExtent = FigureStyle.tickFontSize

  var right: Double { left + plotWidth }
  var bottom: Double { top + plotHeight }

  /// Lays out a figure `width` × `height` with `reservedRight` pixels kept free right of the plot.
  init(
    title: String, width: Double, height: Double, horizontal: Horizontal, vertical: ResolvedAxis,
    reservedRight: Double = 0
  ) {
    self.figureWidth = FigureStyle.dimension(width, fallback: 640)
    self.figureHeight = FigureStyle.dimension(height, fallback: 420)
    self.title = FigureTitle(title, availableWidth: figureWidth - 2 * FigureStyle.padding)
    self.horizontal = horizontal
    self.vertical = vertical
    layOut(reservedRight: reservedRight)
  }

  private var xLabel: String {
    switch horizontal {
    case .numeric(let axis): return axis.displayLabel
    case .categorical(let label, _): return label
    }
  }

  private func bottomMargin() -> Double {
    var margin = FigureStyle.tickLength + FigureStyle.tickLabelGap + xLabelExtent + FigureStyle.padding
    if !xLabel.isEmpty { margin += 8 + FigureStyle.axisLabelFontSize }
    return margin + 2
  }

  private mutating func layOut(reservedRight: Double) {
    let pad = FigureStyle.padding
    let font = FigureStyle.tickFontSize
    top = pad + title.height
    let yLabelBlock = vertical.displayLabel.isEmpty ? 0 : FigureStyle.axisLabelFontSize + 8
    var rightMargin = pad + 12 + reservedRight
    var minimumLeft = 0.0

    for _ in 0..<3 {
      plotHeight = max(20, figureHeight - top - bottomMargin())
      let frameForY = self
      yTicks = vertical.ticks(
        pixelLength: plotHeight, position: { frameForY.py($0) }, extent: { _ in font + 2 })
      let widest = yTicks.compactMap(\.label).map { FigureStyle.textWidth($0, fontSize: font) }.max() ?? 0
      left = max(pad + yLabelBlock + widest + FigureStyle.tickLength + FigureStyle.tickLabelGap + 2, minimumLeft)
      plotWidth = max(20, figureWidth - left - rightMargin)

      switch horizontal {
      case .numeric(let axis):
        let frameForX = self
        xTicks = axis.ticks(
          pixelLength: plotWidth, position: { frameForX.px($0) },
          extent: { FigureStyle.textWidth($0, fontSize: font) })
        var overflow = 4.0
        if let last = xTicks.last(where: \.isMajor), let label = last.label, let p = px(last.value) {
          overflow = max(overflow, FigureStyle.textWidth(label, fontSize: font) / 2 - (right - p))
        }
        rightMargin = pad + overflow + reservedRight
        plotWidth = max(20, figureWidth - left - rightMargin)
      case .categorical(_, let categories):
        let slot = plotWidth / Double(max(categories.count, 1))
        let widest = categories.map { FigureStyle.textWidth($0, fontSize: font) }.max() ?? 0
        rotatedCategoryLabels = widest > slot - 6
        if rotatedCategoryLabels {
          xLabelExtent = (widest + font) * 0.7071
          minimumLeft = pad + widest * 0.7071 - slot / 2 + 4
        } else {
          xLabelExtent = font
          minimumLeft = 0
        }
        let half = rotatedCategoryLabels ? 0 : widest / 2 - slot / 2
        rightMargin = pad + max(12, half) + reservedRight
      }
    }
  }

  // MARK: Mapping

  private static func clampPixel(_ p: Double) -> Double { FigureMath.clamp(p, -100_000...100_000) }

  /// The horizontal pixel of a data value (numeric) or category coordinate (categorical).
  func px(_ value: Double) -> Double? {
    switch horizontal {
    case .numeric(let axis):
      return axis.fraction(value).map { PlotFrame.clampPixel(left + $0 * plotWidth) }
    case .categorical(_, let categories):
      guard value.isFinite else { return nil }
      return PlotFrame.clampPixel(left + (value + 0.5) / Double(max(categories.count, 1)) * plotWidth)
    }
  }

  /// The vertical pixel of a data value.
  func py(_ value: Double) -> Double? {
    vertical.fraction(value).map { PlotFrame.clampPixel(bottom - $0 * plotHeight) }
  }

  /// The pixel position of a data point, or `nil` when either coordinate cannot be placed.
  func point(_ x: Double, _ y: Double) -> (Double, Double)? {
    guard let a = px(x), let b = py(y) else { return nil }
    return (a, b)
  }

  /// Whether a pixel lies inside the plotting area (edges included).
  func contains(_ x: Double, _ y: Double) -> Bool {
    x >= left - 0.01 && x <= right + 0.01 && y >= top - 0.01 && y <= bottom + 0.01
  }

  // MARK: Drawing

  /// How far the clip region of markers reaches beyond the plotting area, so that a marker on
  /// the edge is drawn whole.
  static let markerClipMargin = 6.0

  /// Writes the clip paths: `id` clips to the plotting area, `markerID` (when given) to the
  /// plotting area grown by ``markerClipMargin``.
  func writeClipPaths(into writer: inout SVGWriter, id: String, markerID: String? = nil) {
    writer.open("defs")
    writer.open("clipPath", [("id", id)])
    writer.element("rect", rectAttributes())
    writer.close()
    if let markerID {
      writer.open("clipPath", [("id", markerID)])
      writer.element("rect", rectAttributes(grownBy: PlotFrame.markerClipMargin))
      writer.close()
    }
    writer.close()
  }

  private func rectAttributes(grownBy margin: Double = 0) -> [(String, String)] {
    [
      ("x", SVGWriter.number(left - margin)), ("y", SVGWriter.number(top - margin)),
      ("width", SVGWriter.number(plotWidth + 2 * margin)), ("height", SVGWriter.number(plotHeight + 2 * margin)),
    ]
  }

  /// Writes the title, the plotting area's background and the grid lines at the labelled ticks.
  func writeBackground(into writer: inout SVGWriter) {
    let centre = title.width <= plotWidth ? left + plotWidth / 2 : figureWidth / 2
    title.write(into: &writer, centre: centre, top: FigureStyle.padding)
    writer.element("rect", rectAttributes() + [("fill", "#ffffff")])
    writer.open("g", [("stroke", FigureStyle.gridColour), ("stroke-width", "1")])
    for tick in yTicks where tick.isMajor {
      guard let y = py(tick.value), y > top + 0.5, y < bottom - 0.5 else { continue }
      line(&writer, left, y, right, y)
    }
    if case .numeric = horizontal {
      for tick in xTicks where tick.isMajor {
        guard let x = px(tick.value), x > left + 0.5, x < right - 0.5 else { continue }
        line(&writer, x, top, x, bottom)
      }
    }
    writer.close()
  }

  /// Writes the frame, tick marks, tick labels and axis labels (after the data, so they stay on top).
  func writeAxes(into writer: inout SVGWriter) {
    writer.element(
      "rect",
      rectAttributes() + [
        ("fill", "none"), ("stroke", FigureStyle.axisColour), ("stroke-width", "1"),
      ])
    writeTickMarks(into: &writer)
    writeTickLabels(into: &writer)
    writeAxisLabels(into: &writer)
  }

  /// The top of the x tick labels: below the axis line, its tick marks and the gap.
  private var xTickLabelTop: Double { bottom + FigureStyle.tickLength + FigureStyle.tickLabelGap }

  /// Writes the tick marks outside the frame: y ticks left of it (minor ones shorter), x ticks
  /// below it (numeric ticks, or one per category).
  private func writeTickMarks(into writer: inout SVGWriter) {
    writer.open("g", [("stroke", FigureStyle.axisColour), ("stroke-width", "1")])
    for tick in yTicks {
      guard let y = py(tick.value), y >= top - 0.01, y <= bottom + 0.01 else { continue }
      let length = tick.isMajor ? FigureStyle.tickLength : FigureStyle.minorTickLength
      line(&writer, left - length, y, left, y)
    }
    switch horizontal {
    case .numeric:
      for tick in xTicks {
        guard let x = px(tick.value), x >= left - 0.01, x <= right + 0.01 else { continue }
        let length = tick.isMajor ? FigureStyle.tickLength : FigureStyle.minorTickLength
        line(&writer, x, bottom, x, bottom + length)
      }
    case .categorical(_, let categories):
      for index in categories.indices {
        guard let x = px(Double(index)) else { continue }
        line(&writer, x, bottom, x, bottom + FigureStyle.tickLength)
      }
    }
    writer.close()
  }

  /// Writes the tick labels in one group: the y labels right-aligned left of the frame, the x labels
  /// (numbers or category names) centred below it.
  private func writeTickLabels(into writer: inout SVGWriter) {
    let font = FigureStyle.tickFontSize
    writer.open("g", [("fill", FigureStyle.textColour), ("font-size", SVGWriter.number(font))])
    for tick in yTicks {
      guard let label = tick.label, let y = py(tick.value), y >= top - 0.01, y <= bottom + 0.01 else { continue }
      writer.element(
        "text",
        [
          ("x", SVGWriter.number(left - FigureStyle.tickLength - FigureStyle.tickLabelGap)),
          ("y", SVGWriter.number(y + font * 0.35)), ("text-anchor", "end"),
        ], text: label)
    }
    switch horizontal {
    case .numeric:
      for tick in xTicks {
        guard let label = tick.label, let x = px(tick.value), x >= left - 0.01, x <= right + 0.01 else { continue }
        writeXTickLabel(label, at: x, into: &writer)
      }
    case .categorical(_, let categories):
      for (index, name) in categories.enumerated() {
        guard let x = px(Double(index)) else { continue }
        if rotatedCategoryLabels {
          writeRotatedCategoryLabel(name, at: x, into: &writer)
        } else {
          writeXTickLabel(name, at: x, into: &writer)
        }
      }
    }
    writer.close()
  }

  /// Writes one horizontal x tick label (number or category name) centred under pixel `x`.
  private func writeXTickLabel(_ text: String, at x: Double, into writer: inout SVGWriter) {
    let font = FigureStyle.tickFontSize
    writer.element(
      "text",
      [
        ("x", SVGWriter.number(x)), ("y", SVGWriter.number(xTickLabelTop + font * 0.8)), ("text-anchor", "middle"),
      ], text: text)
  }

  /// Writes one category name at 45°, ending just under its tick at pixel `x`.
  private func writeRotatedCategoryLabel(_ name: String, at x: Double, into writer: inout SVGWriter) {
    let font = FigureStyle.tickFontSize
    let ax = x + font * 0.3
    let ay = xTickLabelTop + font * 0.5
    writer.element(
      "text",
      [
        ("x", SVGWriter.number(ax)), ("y", SVGWriter.number(ay)), ("text-anchor", "end"),
        ("transform", SVGWriter.rotation(-45, x: ax, y: ay)),
      ], text: name)
  }

  /// Writes the axis labels: the x label centred under the tick labels, the y label written upwards
  /// at the left edge.
  private func writeAxisLabels(into writer: inout SVGWriter) {
    let labelFont = FigureStyle.axisLabelFontSize
    if !xLabel.isEmpty {
      writer.element(
        "text",
        [
          ("x", SVGWriter.number(left + plotWidth / 2)),
          ("y", SVGWriter.number(xTickLabelTop + xLabelExtent + 6 + labelFont * 0.8)),
          ("font-size", SVGWriter.number(labelFont)), ("fill", FigureStyle.textColour), ("text-anchor", "middle"),
        ], text: xLabel)
    }
    if !vertical.displayLabel.isEmpty {
      let x = FigureStyle.padding + labelFont * 0.8
      let y = top + plotHeight / 2
      writer.element(
        "text",
        [
          ("x", SVGWriter.number(x)), ("y", SVGWriter.number(y)),
          ("font-size", SVGWriter.number(labelFont)), ("fill", FigureStyle.textColour), ("text-anchor", "middle"),
          ("transform", SVGWriter.rotation(-90, x: x, y: y)),
        ], text: vertical.displayLabel)
    }
  }

  private func line(_ writer: inout SVGWriter, _ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double) {
    writer.element(
      "line",
      [
        ("x1", SVGWriter.number(x1)), ("y1", SVGWriter.number(y1)),
        ("x2", SVGWriter.number(x2)), ("y2", SVGWriter.number(y2)),
      ])
  }
}
