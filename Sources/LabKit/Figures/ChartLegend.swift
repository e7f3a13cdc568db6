/// A boxed list of series names with their swatches, and where to put it.
///
/// The box is white at 90 % opacity with a light grey outline; rows are 17 pixels apart. Inside
/// placements sit 8 pixels in from the corner of the plotting area; the outside placement sits
/// 12 pixels right of it, top-aligned.
struct ChartLegend {
  let entries: [LegendEntry]

  static let rowHeight = 17.0
  static let swatchWidth = 24.0
  static let padding = 7.0
  static let inset = 8.0
  static let outsideGap = 12.0

  var width: Double {
    let widest = entries.map { FigureStyle.textWidth($0.name, fontSize: FigureStyle.legendFontSize) }.max() ?? 0
    return ChartLegend.padding * 2 + ChartLegend.swatchWidth + 6 + widest
  }

  var height: Double {
    ChartLegend.padding * 2 + Double(entries.count) * ChartLegend.rowHeight - 4
  }

  /// The room an outside legend takes right of the plotting area.
  var outsideWidth: Double { width + ChartLegend.outsideGap }

  /// The top-left corner of the box at `placement` (an inside corner) in `frame`.
  func origin(_ placement: LegendPlacement, in frame: PlotFrame) -> (Double, Double) {
    switch placement {
    case .topLeft: return (frame.left + ChartLegend.inset, frame.top + ChartLegend.inset)
    case .bottomRight: return (frame.right - ChartLegend.inset - width, frame.bottom - ChartLegend.inset - height)
    case .bottomLeft: return (frame.left + ChartLegend.inset, frame.bottom - ChartLegend.inset - height)
    case .outsideRight: return (frame.right + ChartLegend.outsideGap, frame.top)
    case .topRight, .automatic, .hidden: return (frame.right - ChartLegend.inset - width, frame.top + ChartLegend.inset)
    }
  }

  /// The first inside corner (top right, top left, bottom right, bottom left) whose box covers no
  /// sample of `coverage`, or `nil` when the box does not fit or every corner covers something.
  func freeCorner(in frame: PlotFrame, coverage: LegendCoverage) -> LegendPlacement? {
    guard width + 2 * ChartLegend.inset <= frame.plotWidth, height + 2 * ChartLegend.inset <= frame.plotHeight else {
      return nil
    }
    for corner in [LegendPlacement.topRight, .topLeft, .bottomRight, .bottomLeft] {
      let (x, y) = origin(corner, in: frame)
      if coverage.count(x: x, y: y, width: width, height: height) == 0 { return corner }
    }
    return nil
  }

  /// Writes the legend with its box's top-left corner at `origin`.
  func write(into writer: inout SVGWriter, at origin: (Double, Double)) {
    let (x, y) = origin
    let font = FigureStyle.legendFontSize
    writer.open("g", [("font-size", SVGWriter.number(font))])
    writer.element(
      "rect",
      [
        ("x", SVGWriter.number(x)), ("y", SVGWriter.number(y)),
        ("width", SVGWriter.number(width)), ("height", SVGWriter.number(height)),
        ("fill", "#ffffff"), ("fill-opacity", "0.9"), ("stroke", "#bbbbbb"), ("stroke-width", "0.8"),
      ])
    for (index, entry) in entries.enumerated() {
      let centre = y + ChartLegend.padding + ChartLegend.rowHeight * Double(index) + (ChartLegend.rowHeight - 4) / 2
      let x0 = x + ChartLegend.padding
      writeSwatch(entry.swatch, into: &writer, x: x0, centre: centre)
      writer.element(
        "text",
        [
          ("x", SVGWriter.number(x0 + ChartLegend.swatchWidth + 6)), ("y", SVGWriter.number(centre + font * 0.36)),
          ("fill", FigureStyle.textColour),
        ], text: entry.name)
    }
    writer.close()
  }

  private func writeSwatch(_ swatch: LegendSwatch, into writer: inout SVGWriter, x: Double, centre: Double) {
    let w = ChartLegend.swatchWidth
    switch swatch {
    case .line(let colour, let dashed):
      var attributes = [
        ("x1", SVGWriter.number(x)), ("y1", SVGWriter.number(centre)),
        ("x2", SVGWriter.number(x + w)), ("y2", SVGWriter.number(centre)),
        ("stroke", colour.svgValue), ("stroke-width", SVGWriter.number(FigureStyle.lineWidth)),
      ]
      if dashed { attributes.append(("stroke-dasharray", ChartLayer.dashPattern)) }
      writer.element("line", attributes)
    case .marker(let colour, let marker):
      marker.draw(into: &writer, x: x + w / 2, y: centre, size: FigureStyle.markerSize, colour: colour, opacity: 1)
    case .area(let colour, let outlined):
      var attributes = [
        ("x", SVGWriter.number(x)), ("y", SVGWriter.number(centre - 5)),
        ("width", SVGWriter.number(w)), ("height", "10"),
        ("fill", colour.svgValue), ("fill-opacity", SVGWriter.number(ChartLayer.areaOpacity)),
      ]
      if outlined { attributes += [("stroke", colour.svgValue), ("stroke-width", "1.2")] }
      writer.element("rect", attributes)
    case .errorBar(let colour):
      let cx = x + w / 2
      writer.element(
        "path",
        [
          (
            "d",
            "M\(SVGWriter.number(cx - 4)) \(SVGWriter.number(centre - 6)) H\(SVGWriter.number(cx + 4))"
              + " M\(SVGWriter.number(cx)) \(SVGWriter.number(centre - 6)) V\(SVGWriter.number(centre + 6))"
              + " M\(SVGWriter.number(cx - 4)) \(SVGWriter.number(centre + 6)) H\(SVGWriter.number(cx + 4))"
          ),
          ("fill", "none"), ("stroke", colour.svgValue), ("stroke-width", "1.2"),
        ])
      Marker.circle.draw(into: &writer, x: cx, y: centre, size: 5, colour: colour, opacity: 1)
    case .bar(let colour):
      writer.element(
        "rect",
        [
          ("x", SVGWriter.number(x + 4)), ("y", SVGWriter.number(centre - 5)),
          ("width", SVGWriter.number(w - 8)), ("height", "10"), ("fill", colour.svgValue),
        ])
    }
  }
}

extension ChartLegend {
  /// Where the legend goes under `placement`, and the plotting frame that leaves room for it.
  ///
  /// `automatic` takes the first corner of the plotting area that holds no data (by `coverage`), and
  /// otherwise moves the legend outside to the right, narrowing the frame. No entries: no legend.
  func place(
    _ placement: LegendPlacement, makeFrame: (_ reservedRight: Double) -> PlotFrame,
    coverage: (PlotFrame) -> LegendCoverage
  ) -> (frame: PlotFrame, origin: (Double, Double)?) {
    let inside = makeFrame(0)
    guard !entries.isEmpty else { return (inside, nil) }
    switch placement {
    case .hidden:
      return (inside, nil)
    case .automatic:
      if let corner = freeCorner(in: inside, coverage: coverage(inside)) {
        return (inside, origin(corner, in: inside))
      }
      let outside = makeFrame(outsideWidth)
      return (outside, origin(.outsideRight, in: outside))
    case .outsideRight:
      let outside = makeFrame(outsideWidth)
      return (outside, origin(.outsideRight, in: outside))
    case .topRight, .topLeft, .bottomRight, .bottomLeft:
      return (inside, origin(placement, in: inside))
    }
  }
}
