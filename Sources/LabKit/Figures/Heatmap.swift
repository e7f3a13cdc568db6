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
    let pad = FigureStyle.padding
    let font = FigureStyle.tickFontSize
    let labelFont = FigureStyle.axisLabelFontSize
    let width = FigureStyle.dimension(self.width, fallback: 640)
    let height = FigureStyle.dimension(self.height, fallback: 420)
    let rowCount = max(rows.count, values.count)
    let columnCount = max(columns.count, values.map(\.count).max() ?? 0)
    let rowNames = (0..<rowCount).map { $0 < rows.count ? rows[$0] : "" }
    let columnNames = (0..<columnCount).map { $0 < columns.count ? columns[$0] : "" }
    let (low, high) = resolvedRange
    let factor = AxisTicks.factorExponent(lower: low, upper: high)
    let barTicks = AxisTicks.linear(lower: low, upper: high, factorExponent: factor)
    let factorText = AxisTicks.factorText(factor)
    let barLabel =
      factorText.isEmpty
      ? colourBarLabel
      : (colourBarLabel.isEmpty ? factorText : colourBarLabel + " (" + factorText + ")")

    // Layout.
    let heading = FigureTitle(title, availableWidth: width - 2 * pad)
    let top = pad + heading.height
    let barWidth = 14.0
    let barTickWidth = barTicks.compactMap(\.label).map { FigureStyle.textWidth($0, fontSize: font) }.max() ?? 0
    let rightBlock =
      18 + barWidth + FigureStyle.tickLength + FigureStyle.tickLabelGap + barTickWidth
      + (barLabel.isEmpty ? 0 : 8 + labelFont) + pad
    let widestRow = rowNames.map { FigureStyle.textWidth($0, fontSize: font) }.max() ?? 0
    let widestColumn = columnNames.map { FigureStyle.textWidth($0, fontSize: font) }.max() ?? 0
    var left = pad + (yLabel.isEmpty ? 0 : labelFont + 8) + widestRow + 6
    var gridWidth = 0.0
    var cellWidth = 0.0
    var rotated = false
    for _ in 0..<2 {
      gridWidth = max(20, width - left - rightBlock)
      cellWidth = gridWidth / Double(max(columnCount, 1))
      rotated = widestColumn > cellWidth - 4
      if rotated { left = max(left, pad + widestColumn * 0.7071 - cellWidth / 2 + 4) }
    }
    let columnExtent = rotated ? (widestColumn + font) * 0.7071 : font
    let bottomMargin = 6 + columnExtent + (xLabel.isEmpty ? 0 : 8 + labelFont) + pad + 2
    let gridHeight = max(20, height - top - bottomMargin)
    let cellHeight = gridHeight / Double(max(rowCount, 1))
    let gridRight = left + gridWidth
    let gridBottom = top + gridHeight

    var writer = SVGWriter(width: width, height: height, title: title)
    let gradientID = SVGWriter.identifier(
      "scale-", "heatmap|\(title)|\(SVGWriter.number(width))|\(SVGWriter.number(height))")
    writer.open("defs")
    writer.open("linearGradient", [("id", gradientID), ("x1", "0"), ("y1", "1"), ("x2", "0"), ("y2", "0")])
    for (index, stop) in colourScale.stops.enumerated() {
      let offset = colourScale.stops.count > 1 ? Double(index) / Double(colourScale.stops.count - 1) : 0
      writer.element("stop", [("offset", SVGNumberFormat.format(offset, digits: 4)), ("stop-color", stop.svgValue)])
    }
    writer.close()
    writer.close()

    heading.write(
      into: &writer, centre: heading.width <= gridWidth ? left + gridWidth / 2 : width / 2,
      top: pad)

    // Cells.
    let outlined = cellWidth > 6 && cellHeight > 6
    writer.open("g", outlined ? [("stroke", "#ffffff"), ("stroke-width", "0.5")] : [])
    for row in 0..<rowCount {
      for column in 0..<columnCount {
        writer.element(
          "rect",
          [
            ("x", SVGWriter.number(left + cellWidth * Double(column))),
            ("y", SVGWriter.number(top + cellHeight * Double(row))),
            ("width", SVGWriter.number(cellWidth)), ("height", SVGWriter.number(cellHeight)),
            ("fill", cellColour(row, column, low: low, high: high)?.svgValue ?? FigureStyle.missingColour),
          ])
      }
    }
    writer.close()
    writer.element(
      "rect",
      [
        ("x", SVGWriter.number(left)), ("y", SVGWriter.number(top)),
        ("width", SVGWriter.number(gridWidth)), ("height", SVGWriter.number(gridHeight)),
        ("fill", "none"), ("stroke", FigureStyle.axisColour), ("stroke-width", "1"),
      ])

    // Cell labels.
    if let digits = cellLabelDigits, rowCount > 0, columnCount > 0 {
      var texts: [(row: Int, column: Int, text: String, colour: Colour)] = []
      for row in 0..<rowCount {
        for column in 0..<columnCount {
          guard let colour = cellColour(row, column, low: low, high: high) else { continue }
          texts.append((row, column, AxisTicks.label(values[row][column], digits: digits), colour))
        }
      }
      let longest = Double(texts.map(\.text.count).max() ?? 1)
      let size = min(font, cellHeight * 0.5, cellWidth * 0.9 / (0.6 * max(longest, 1)))
      if size >= 6 {
        writer.open("g", [("font-size", SVGWriter.number(size)), ("text-anchor", "middle")])
        for label in texts {
          writer.element(
            "text",
            [
              ("x", SVGWriter.number(left + cellWidth * (Double(label.column) + 0.5))),
              ("y", SVGWriter.number(top + cellHeight * (Double(label.row) + 0.5) + size * 0.35)),
              ("fill", label.colour.luma > 0.55 ? "#000000" : "#ffffff"),
            ], text: label.text)
        }
        writer.close()
      }
    }

    // Row and column names.
    writer.open("g", [("fill", FigureStyle.textColour), ("font-size", SVGWriter.number(font))])
    let rowStride = max(1, Int(((font + 2) / max(cellHeight, 0.001)).rounded(.up)))
    for (row, name) in rowNames.enumerated() where row % rowStride == 0 && !name.isEmpty {
      writer.element(
        "text",
        [
          ("x", SVGWriter.number(left - 6)),
          ("y", SVGWriter.number(top + cellHeight * (Double(row) + 0.5) + font * 0.35)), ("text-anchor", "end"),
        ], text: name)
    }
    let columnStride = rotated ? max(1, Int(((font + 2) / max(cellWidth, 0.001)).rounded(.up))) : 1
    for (column, name) in columnNames.enumerated() where column % columnStride == 0 && !name.isEmpty {
      let x = left + cellWidth * (Double(column) + 0.5)
      if rotated {
        let ax = x + font * 0.3
        let ay = gridBottom + 6 + font * 0.5
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
            ("x", SVGWriter.number(x)), ("y", SVGWriter.number(gridBottom + 6 + font * 0.8)), ("text-anchor", "middle"),
          ], text: name)
      }
    }
    writer.close()

    // Axis labels.
    if !xLabel.isEmpty {
      writer.element(
        "text",
        [
          ("x", SVGWriter.number(left + gridWidth / 2)),
          ("y", SVGWriter.number(gridBottom + 6 + columnExtent + 8 + labelFont * 0.8)),
          ("font-size", SVGWriter.number(labelFont)), ("fill", FigureStyle.textColour), ("text-anchor", "middle"),
        ], text: xLabel)
    }
    if !yLabel.isEmpty {
      let x = pad + labelFont * 0.8
      let y = top + gridHeight / 2
      writer.element(
        "text",
        [
          ("x", SVGWriter.number(x)), ("y", SVGWriter.number(y)),
          ("font-size", SVGWriter.number(labelFont)), ("fill", FigureStyle.textColour), ("text-anchor", "middle"),
          ("transform", SVGWriter.rotation(-90, x: x, y: y)),
        ], text: yLabel)
    }

    // Colour bar.
    let barLeft = gridRight + 18
    writer.element(
      "rect",
      [
        ("x", SVGWriter.number(barLeft)), ("y", SVGWriter.number(top)),
        ("width", SVGWriter.number(barWidth)), ("height", SVGWriter.number(gridHeight)),
        ("fill", "url(#\(gradientID))"), ("stroke", FigureStyle.axisColour), ("stroke-width", "1"),
      ])
    func barPosition(_ value: Double) -> Double? {
      let t = (value - low) / (high - low)
      return t.isFinite ? gridBottom - t * gridHeight : nil
    }
    let shownTicks = AxisTicks.thinned(barTicks, gap: 4, position: barPosition, extent: { _ in font })
    writer.open("g", [("stroke", FigureStyle.axisColour), ("stroke-width", "1")])
    for tick in shownTicks where tick.isMajor {
      guard let y = barPosition(tick.value) else { continue }
      writer.element(
        "line",
        [
          ("x1", SVGWriter.number(barLeft + barWidth)), ("y1", SVGWriter.number(y)),
          ("x2", SVGWriter.number(barLeft + barWidth + FigureStyle.tickLength)), ("y2", SVGWriter.number(y)),
        ])
    }
    writer.close()
    writer.open("g", [("fill", FigureStyle.textColour), ("font-size", SVGWriter.number(font))])
    for tick in shownTicks {
      guard let label = tick.label, let y = barPosition(tick.value) else { continue }
      writer.element(
        "text",
        [
          ("x", SVGWriter.number(barLeft + barWidth + FigureStyle.tickLength + FigureStyle.tickLabelGap)),
          ("y", SVGWriter.number(y + font * 0.35)), ("text-anchor", "start"),
        ], text: label)
    }
    writer.close()
    if !barLabel.isEmpty {
      let x = barLeft + barWidth + FigureStyle.tickLength + FigureStyle.tickLabelGap + barTickWidth + 8 + labelFont * 0.8
      let y = top + gridHeight / 2
      writer.element(
        "text",
        [
          ("x", SVGWriter.number(x)), ("y", SVGWriter.number(y)),
          ("font-size", SVGWriter.number(labelFont)), ("fill", FigureStyle.textColour), ("text-anchor", "middle"),
          ("transform", SVGWriter.rotation(-90, x: x, y: y)),
        ], text: barLabel)
    }
    return writer.finish()
  }

  /// The colour of a cell, or `nil` for a missing, NaN or infinite value.
  private func cellColour(_ row: Int, _ column: Int, low: Double, high: Double) -> Colour? {
    guard row < values.count, column < values[row].count else { return nil }
    let value = values[row][column]
    guard value.isFinite else { return nil }
    return colourScale.colour(at: (value - low) / (high - low))
  }
}
