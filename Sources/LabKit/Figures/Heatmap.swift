/// A heatmap: a grid of coloured cells for a matrix of values (rows × columns), with row and
/// column names, a colour bar, and optional value labels in the cells; rendered as SVG 1.1.
///
/// ```swift
/// var map = Heatmap(title: "Cooperation rate", rows: ["b = 1", "b = 2"], columns: ["c = 0.1", "c = 0.5"],
///                   values: [[0.9, 0.4], [0.95, 0.7]], xLabel: "Cost", yLabel: "Benefit",
///                   cellLabelDigits: 2)
/// map.colourBarLabel = "Rate"
/// let text = map.svg()
/// ```
///
/// Row 0 is drawn at the top, column 0 at the left (matrix order). Colours come from
/// ``colourScale`` (viridis by default) over ``valueRange``, or over the finite values' minimum to
/// maximum when it is `nil` (symmetric about zero for a diverging scale). Values outside the range
/// take the end colours. NaN and infinite cells are drawn light grey and get no label. Missing
/// entries of short rows count as NaN. Row or column names that would overlap are thinned; column
/// names that do not fit their cells are written at 45°.
public struct Heatmap: Sendable {
  /// The title written above the grid (may be empty).
  public var title: String
  /// The row names, top to bottom.
  public var rows: [String]
  /// The column names, left to right.
  public var columns: [String]
  /// The values: `values[row][column]`.
  public var values: [[Double]]
  /// The text under the column names (may be empty).
  public var xLabel: String
  /// The text left of the row names, written upwards (may be empty).
  public var yLabel: String
  /// The digits after the point of the value written in each cell, or `nil` for no cell labels.
  public var cellLabelDigits: Int?
  /// The colour scale; viridis by default.
  public var colourScale: ColourScale = .viridis
  /// The values mapped to the two ends of the colour scale, or `nil` to fit the data.
  public var valueRange: ClosedRange<Double>?
  /// The text beside the colour bar (may be empty).
  public var colourBarLabel: String = ""
  /// Categories for data that take a few values (a move, an outcome class): each cell is coloured
  /// by the category with its exact value, and a legend of swatches replaces the continuous colour
  /// bar (``colourBarLabel`` titles it). Nil: the colours are continuous over ``valueRange``.
  public var categories: [HeatmapCategory]?
  /// The figure width in pixels.
  public var width: Double
  /// The figure height in pixels.
  public var height: Double

  /// A heatmap of `values[row][column]` with the given names, axis labels and size.
  public init(
    title: String, rows: [String], columns: [String], values: [[Double]],
    xLabel: String = "", yLabel: String = "", cellLabelDigits: Int? = nil,
    width: Double = 640, height: Double = 420
  ) {
    self.title = title
    self.rows = rows
    self.columns = columns
    self.values = values
    self.xLabel = xLabel
    self.yLabel = yLabel
    self.cellLabelDigits = cellLabelDigits
    self.width = width
    self.height = height
  }

  /// The value range the colours span, after fitting.
  var resolvedRange: (lower: Double, upper: Double) {
    if let range = valueRange, range.lowerBound.isFinite, range.upperBound.isFinite,
      range.upperBound > range.lowerBound
    {
      return (range.lowerBound, range.upperBound)
    }
    let finite = values.flatMap { $0 }.filter(\.isFinite)
    guard var low = finite.min(), var high = finite.max() else {
      return colourScale.isDiverging ? (-1, 1) : (0, 1)
    }
    if colourScale.isDiverging {
      let extent = max(low.magnitude, high.magnitude)
      (low, high) = extent > 0 ? (-extent, extent) : (-1, 1)
    } else if high == low {
      (low, high) = (low - 0.5, high + 0.5)
    }
    return (low, high)
  }

  /// The heatmap as a complete, standalone SVG 1.1 document. Identical text on every call.
  public func svg() -> String {
    let layout = HeatmapLayout(self)
    var writer = SVGWriter(width: layout.width, height: layout.height, title: title)
    writeGradient(layout, into: &writer)
    layout.heading.write(
      into: &writer, centre: layout.heading.width <= layout.gridWidth ? layout.left + layout.gridWidth / 2 : layout.width / 2,
      top: FigureStyle.padding)
    writeCells(layout, into: &writer)
    writeCellLabels(layout, into: &writer)
    writeNames(layout, into: &writer)
    writeAxisLabels(layout, into: &writer)
    if let categories {
      writeCategoryLegend(categories, layout, into: &writer)
    } else {
      writeColourBar(layout, into: &writer)
    }
    return writer.finish()
  }

  /// Writes the colour scale as a vertical linear gradient (bottom to top), for the colour bar.
  private func writeGradient(_ layout: HeatmapLayout, into writer: inout SVGWriter) {
    writer.open("defs")
    writer.open("linearGradient", [("id", layout.gradientID), ("x1", "0"), ("y1", "1"), ("x2", "0"), ("y2", "0")])
    for (index, stop) in colourScale.stops.enumerated() {
      let offset = colourScale.stops.count > 1 ? Double(index) / Double(colourScale.stops.count - 1) : 0
      writer.element("stop", [("offset", SVGNumberFormat.format(offset, digits: 4)), ("stop-color", stop.svgValue)])
    }
    writer.close()
    writer.close()
  }

  /// Writes the cells (outlined in white when they are large enough to show it), then the frame
  /// around the grid.
  private func writeCells(_ layout: HeatmapLayout, into writer: inout SVGWriter) {
    let (left, top, cellWidth, cellHeight) = (layout.left, layout.top, layout.cellWidth, layout.cellHeight)
    let outlined = cellWidth > 6 && cellHeight > 6
    writer.open("g", outlined ? [("stroke", "#ffffff"), ("stroke-width", "0.5")] : [])
    for row in 0..<layout.rowCount {
      for column in 0..<layout.columnCount {
        writer.element(
          "rect",
          [
            ("x", SVGWriter.number(left + cellWidth * Double(column))),
            ("y", SVGWriter.number(top + cellHeight * Double(row))),
            ("width", SVGWriter.number(cellWidth)), ("height", SVGWriter.number(cellHeight)),
            ("fill", cellColour(row, column, low: layout.low, high: layout.high)?.svgValue ?? FigureStyle.missingColour),
          ])
      }
    }
    writer.close()
    writer.element(
      "rect",
      [
        ("x", SVGWriter.number(left)), ("y", SVGWriter.number(top)),
        ("width", SVGWriter.number(layout.gridWidth)), ("height", SVGWriter.number(layout.gridHeight)),
        ("fill", "none"), ("stroke", FigureStyle.axisColour), ("stroke-width", "1"),
      ])
  }

  /// Writes the value in each finite cell, black or white for contrast with the cell, in one font
  /// size that fits the longest label; nothing when that size would be under
  /// ``FigureStyle/minimumFontSize``.
  private func writeCellLabels(_ layout: HeatmapLayout, into writer: inout SVGWriter) {
    guard let digits = cellLabelDigits, layout.rowCount > 0, layout.columnCount > 0 else { return }
    var texts: [(row: Int, column: Int, text: String, colour: Colour)] = []
    for row in 0..<layout.rowCount {
      for column in 0..<layout.columnCount {
        guard let colour = cellColour(row, column, low: layout.low, high: layout.high) else { continue }
        texts.append((row, column, AxisTicks.label(values[row][column], digits: digits), colour))
      }
    }
    let longest = Double(texts.map(\.text.count).max() ?? 1)
    let size = min(FigureStyle.tickFontSize, layout.cellHeight * 0.5, layout.cellWidth * 0.9 / (0.6 * max(longest, 1)))
    guard size >= FigureStyle.minimumFontSize else { return }
    writer.open("g", [("font-size", SVGWriter.number(size)), ("text-anchor", "middle")])
    for label in texts {
      writer.element(
        "text",
        [
          ("x", SVGWriter.number(layout.left + layout.cellWidth * (Double(label.column) + 0.5))),
          ("y", SVGWriter.number(layout.top + layout.cellHeight * (Double(label.row) + 0.5) + size * 0.35)),
          ("fill", label.colour.luma > 0.55 ? "#000000" : "#ffffff"),
        ], text: label.text)
    }
    writer.close()
  }

  /// Writes the row names right-aligned left of the grid and the column names under it (at 45°
  /// when they do not fit their cells), every n-th one when they would overlap.
  private func writeNames(_ layout: HeatmapLayout, into writer: inout SVGWriter) {
    let font = FigureStyle.tickFontSize
    let (left, top, cellWidth, cellHeight) = (layout.left, layout.top, layout.cellWidth, layout.cellHeight)
    writer.open("g", [("fill", FigureStyle.textColour), ("font-size", SVGWriter.number(font))])
    let rowStride = max(1, Int(((font + 2) / max(cellHeight, 0.001)).rounded(.up)))
    for (row, name) in layout.rowNames.enumerated() where row % rowStride == 0 && !name.isEmpty {
      writer.element(
        "text",
        [
          ("x", SVGWriter.number(left - 6)),
          ("y", SVGWriter.number(top + cellHeight * (Double(row) + 0.5) + font * 0.35)), ("text-anchor", "end"),
        ], text: name)
    }
    let columnStride = layout.rotated ? max(1, Int(((font + 2) / max(cellWidth, 0.001)).rounded(.up))) : 1
    for (column, name) in layout.columnNames.enumerated() where column % columnStride == 0 && !name.isEmpty {
      let x = left + cellWidth * (Double(column) + 0.5)
      if layout.rotated {
        let ax = x + font * 0.3
        let ay = layout.gridBottom + 6 + font * 0.5
        writer.element(
          "text",
          [
            ("x", SVGWriter.number(ax)), ("y", SVGWriter.number(ay)), ("text-anchor", "end"),
            ("transform", SVGWriter.rotation(-45, x: ax, y: ay)),
          ], text: name)
      } else {
        writer.element(
          "text",
          [
            ("x", SVGWriter.number(x)), ("y", SVGWriter.number(layout.gridBottom + 6 + font * 0.8)), ("text-anchor", "middle"),
          ], text: name)
      }
    }
    writer.close()
  }

  /// Writes the x label centred under the column names and the y label upwards at the left edge.
  private func writeAxisLabels(_ layout: HeatmapLayout, into writer: inout SVGWriter) {
    let labelFont = FigureStyle.axisLabelFontSize
    if !xLabel.isEmpty {
      writer.element(
        "text",
        [
          ("x", SVGWriter.number(layout.left + layout.gridWidth / 2)),
          ("y", SVGWriter.number(layout.gridBottom + 6 + layout.columnExtent + 8 + labelFont * 0.8)),
          ("font-size", SVGWriter.number(labelFont)), ("fill", FigureStyle.textColour), ("text-anchor", "middle"),
        ], text: xLabel)
    }
    if !yLabel.isEmpty {
      let x = FigureStyle.padding + labelFont * 0.8
      let y = layout.top + layout.gridHeight / 2
      writer.element(
        "text",
        [
          ("x", SVGWriter.number(x)), ("y", SVGWriter.number(y)),
          ("font-size", SVGWriter.number(labelFont)), ("fill", FigureStyle.textColour), ("text-anchor", "middle"),
          ("transform", SVGWriter.rotation(-90, x: x, y: y)),
        ], text: yLabel)
    }
  }

  /// Writes the colour bar right of the grid: the gradient in a frame as tall as the grid, its
  /// ticks and their labels, and the bar's label written upwards beside them.
  private func writeColourBar(_ layout: HeatmapLayout, into writer: inout SVGWriter) {
    let barLeft = layout.barLeft
    writer.element(
      "rect",
      [
        ("x", SVGWriter.number(barLeft)), ("y", SVGWriter.number(layout.top)),
        ("width", SVGWriter.number(layout.barWidth)), ("height", SVGWriter.number(layout.gridHeight)),
        ("fill", "url(#\(layout.gradientID))"), ("stroke", FigureStyle.axisColour), ("stroke-width", "1"),
      ])
    writeColourBarTicks(layout, into: &writer)
    if !layout.barLabel.isEmpty {
      let labelFont = FigureStyle.axisLabelFontSize
      let tickLabelsRight = barLeft + layout.barWidth + FigureStyle.tickLength + FigureStyle.tickLabelGap + layout.barTickWidth
      let x = tickLabelsRight + 8 + labelFont * 0.8
      let y = layout.top + layout.gridHeight / 2
      writer.element(
        "text",
        [
          ("x", SVGWriter.number(x)), ("y", SVGWriter.number(y)),
          ("font-size", SVGWriter.number(labelFont)), ("fill", FigureStyle.textColour), ("text-anchor", "middle"),
          ("transform", SVGWriter.rotation(-90, x: x, y: y)),
        ], text: layout.barLabel)
    }
  }

  /// Writes the colour bar's tick marks (major ticks) and tick labels, thinned so that labels do
  /// not overlap.
  private func writeColourBarTicks(_ layout: HeatmapLayout, into writer: inout SVGWriter) {
    let font = FigureStyle.tickFontSize
    let tickLeft = layout.barLeft + layout.barWidth
    let shownTicks = AxisTicks.thinned(layout.barTicks, gap: 4, position: layout.barPosition, extent: { _ in font })
    writer.open("g", [("stroke", FigureStyle.axisColour), ("stroke-width", "1")])
    for tick in shownTicks where tick.isMajor {
      guard let y = layout.barPosition(tick.value) else { continue }
      writer.element(
        "line",
        [
          ("x1", SVGWriter.number(tickLeft)), ("y1", SVGWriter.number(y)),
          ("x2", SVGWriter.number(tickLeft + FigureStyle.tickLength)), ("y2", SVGWriter.number(y)),
        ])
    }
    writer.close()
    writer.open("g", [("fill", FigureStyle.textColour), ("font-size", SVGWriter.number(font))])
    for tick in shownTicks {
      guard let label = tick.label, let y = layout.barPosition(tick.value) else { continue }
      writer.element(
        "text",
        [
          ("x", SVGWriter.number(tickLeft + FigureStyle.tickLength + FigureStyle.tickLabelGap)),
          ("y", SVGWriter.number(y + font * 0.35)), ("text-anchor", "start"),
        ], text: label)
    }
    writer.close()
  }

  /// The colour of a cell, or `nil` for a missing, NaN or infinite value (or, with categories, a
  /// value that is none of them).
  private func cellColour(_ row: Int, _ column: Int, low: Double, high: Double) -> Colour? {
    guard row < values.count, column < values[row].count else { return nil }
    let value = values[row][column]
    guard value.isFinite else { return nil }
    if let categories { return categories.first { $0.value == value }?.colour }
    return colourScale.colour(at: (value - low) / (high - low))
  }

  /// Writes the categories' legend right of the grid: its title, then one swatch and name per
  /// category, top to bottom.
  private func writeCategoryLegend(_ categories: [HeatmapCategory], _ layout: HeatmapLayout, into writer: inout SVGWriter) {
    let font = FigureStyle.legendFontSize
    let left = layout.barLeft
    var y = layout.top
    if !colourBarLabel.isEmpty {
      writer.element(
        "text",
        [
          ("x", SVGWriter.number(left)), ("y", SVGWriter.number(y + font)), ("font-size", SVGWriter.number(font)),
          ("fill", FigureStyle.textColour), ("font-weight", "bold"),
        ], text: colourBarLabel)
      y += font + 8
    }
    for category in categories {
      writer.element(
        "rect",
        [
          ("x", SVGWriter.number(left)), ("y", SVGWriter.number(y)), ("width", SVGWriter.number(layout.barWidth)),
          ("height", SVGWriter.number(layout.barWidth)), ("fill", category.colour.svgValue),
          ("stroke", FigureStyle.axisColour), ("stroke-width", "0.5"),
        ])
      writer.element(
        "text",
        [
          ("x", SVGWriter.number(left + layout.barWidth + 6)), ("y", SVGWriter.number(y + layout.barWidth / 2 + font * 0.35)),
          ("font-size", SVGWriter.number(font)), ("fill", FigureStyle.textColour),
        ], text: category.name)
      y += layout.barWidth + 6
    }
  }
}

/// Where everything in a ``Heatmap`` goes, computed once per ``Heatmap/svg()``: the figure size,
/// the padded row and column names, the colour range with the colour bar's ticks and label, and
/// the grid's position and cell size (the left margin grows when column names are written at 45°).
private struct HeatmapLayout {
  /// The figure size in pixels (fallbacks for invalid sizes).
  let width: Double
  let height: Double
  /// The grid size: the longer of the names and the values in each direction.
  let rowCount: Int
  let columnCount: Int
  /// The names, padded with empty ones to the grid size.
  let rowNames: [String]
  let columnNames: [String]
  /// The values mapped to the two ends of the colour scale.
  let low: Double
  let high: Double
  /// The colour bar's ticks, and its label (with the ×10ⁿ factor of the tick labels).
  let barTicks: [AxisTick]
  let barLabel: String
  /// The widest colour-bar tick label.
  let barTickWidth: Double
  /// The colour bar's width.
  let barWidth = 14.0
  /// The title, wrapped to the figure width.
  let heading: FigureTitle
  /// The grid: top-left corner, size, cell size.
  let top: Double
  let left: Double
  let gridWidth: Double
  let gridHeight: Double
  let cellWidth: Double
  let cellHeight: Double
  /// Whether column names are written at 45°, and how far they reach below the grid.
  let rotated: Bool
  let columnExtent: Double
  /// The id of the colour bar's gradient, derived from the title and size.
  let gradientID: String

  var gridRight: Double { left + gridWidth }
  var gridBottom: Double { top + gridHeight }
  /// The left edge of the colour bar.
  var barLeft: Double { gridRight + 18 }

  init(_ map: Heatmap) {
    let pad = FigureStyle.padding
    let font = FigureStyle.tickFontSize
    let labelFont = FigureStyle.axisLabelFontSize
    width = FigureStyle.dimension(map.width, fallback: 640)
    height = FigureStyle.dimension(map.height, fallback: 420)
    let rowCount = max(map.rows.count, map.values.count)
    let columnCount = max(map.columns.count, map.values.map(\.count).max() ?? 0)
    self.rowCount = rowCount
    self.columnCount = columnCount
    rowNames = (0..<rowCount).map { $0 < map.rows.count ? map.rows[$0] : "" }
    columnNames = (0..<columnCount).map { $0 < map.columns.count ? map.columns[$0] : "" }
    (low, high) = map.resolvedRange
    (barTicks, barLabel) = HeatmapLayout.colourBarTicks(low: low, high: high, label: map.colourBarLabel)

    heading = FigureTitle(map.title, availableWidth: width - 2 * pad)
    top = pad + heading.height
    barTickWidth = barTicks.compactMap(\.label).map { FigureStyle.textWidth($0, fontSize: font) }.max() ?? 0
    let rightBlock: Double
    if let categories = map.categories {
      let swatch = 14.0
      let names = categories.map { FigureStyle.textWidth($0.name, fontSize: FigureStyle.legendFontSize) + swatch + 6 }
      let title = FigureStyle.textWidth(map.colourBarLabel, fontSize: FigureStyle.legendFontSize) * 1.1
      rightBlock = 18 + max(names.max() ?? 0, title) + pad
    } else {
      rightBlock =
        18 + barWidth + FigureStyle.tickLength + FigureStyle.tickLabelGap + barTickWidth
        + (barLabel.isEmpty ? 0 : 8 + labelFont) + pad
    }
    let widestRow = rowNames.map { FigureStyle.textWidth($0, fontSize: font) }.max() ?? 0
    let widestColumn = columnNames.map { FigureStyle.textWidth($0, fontSize: font) }.max() ?? 0
    (left, gridWidth, cellWidth, rotated) = HeatmapLayout.fitColumns(
      left: pad + (map.yLabel.isEmpty ? 0 : labelFont + 8) + widestRow + 6, rightBlock: rightBlock,
      figureWidth: width, columnCount: columnCount, widestColumn: widestColumn)
    columnExtent = rotated ? (widestColumn + font) * 0.7071 : font
    let bottomMargin = 6 + columnExtent + (map.xLabel.isEmpty ? 0 : 8 + labelFont) + pad + 2
    gridHeight = max(20, height - top - bottomMargin)
    cellHeight = gridHeight / Double(max(rowCount, 1))
    gradientID = SVGWriter.identifier(
      "scale-", "heatmap|\(map.title)|\(SVGWriter.number(width))|\(SVGWriter.number(height))")
  }

  /// The colour bar's ticks over `low ... high`, and its label followed by the ticks' ×10ⁿ factor
  /// in parentheses (the factor alone when there is no label).
  private static func colourBarTicks(low: Double, high: Double, label: String) -> ([AxisTick], String) {
    let factor = AxisTicks.factorExponent(lower: low, upper: high)
    let ticks = AxisTicks.linear(lower: low, upper: high, factorExponent: factor)
    let factorText = AxisTicks.factorText(factor)
    let barLabel =
      factorText.isEmpty
      ? label
      : (label.isEmpty ? factorText : label + " (" + factorText + ")")
    return (ticks, barLabel)
  }

  /// The grid's left edge, width and cell width, and whether column names are rotated: when the
  /// widest name does not fit a cell it is written at 45°, and the left margin grows so that the
  /// first one stays inside the figure (two rounds, as the cell width depends on the margin).
  private static func fitColumns(
    left initialLeft: Double, rightBlock: Double, figureWidth: Double, columnCount: Int, widestColumn: Double
  ) -> (left: Double, gridWidth: Double, cellWidth: Double, rotated: Bool) {
    var left = initialLeft
    var gridWidth = 0.0
    var cellWidth = 0.0
    var rotated = false
    for _ in 0..<2 {
      gridWidth = max(20, figureWidth - left - rightBlock)
      cellWidth = gridWidth / Double(max(columnCount, 1))
      rotated = widestColumn > cellWidth - 4
      if rotated { left = max(left, FigureStyle.padding + widestColumn * 0.7071 - cellWidth / 2 + 4) }
    }
    return (left, gridWidth, cellWidth, rotated)
  }

  /// The vertical pixel of a value on the colour bar, or `nil` when it cannot be placed.
  func barPosition(_ value: Double) -> Double? {
    let t = (value - low) / (high - low)
    return t.isFinite ? gridBottom - t * gridHeight : nil
  }
}

/// One category of a categorical ``Heatmap``: the cell value it stands for, its name in the legend
/// and its colour.
public struct HeatmapCategory: Sendable {
  public var value: Double
  public var name: String
  public var colour: Colour

  public init(value: Double, name: String, colour: Colour) {
    self.value = value
    self.name = name
    self.colour = colour
  }
}
