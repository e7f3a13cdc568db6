extension Chart {
  /// The chart as a complete, standalone SVG 1.1 document (UTF-8 text, starting with the XML declaration).
  ///
  /// Layout: title on top, plotting area with a light grid at the labelled ticks, layers clipped to
  /// the plotting area in the order they were added, then reference-line labels and text, the axes
  /// frame with ticks and labels, and the legend. Calling it twice gives identical text.
  public func svg() -> String {
    let (xs, ys) = dataValues()
    let xAxis = ResolvedAxis(x, values: xs)
    let yAxis = ResolvedAxis(y, values: ys)
    let legend = ChartLegend(entries: legendPlacement == .hidden ? [] : layers.compactMap { $0.legendEntry(palette: palette) })

    func makeFrame(reservedRight: Double) -> PlotFrame {
      PlotFrame(
        title: title, width: width, height: height, horizontal: .numeric(xAxis), vertical: yAxis,
        reservedRight: reservedRight)
    }
    let (frame, legendOrigin) = legend.place(legendPlacement, makeFrame: makeFrame(reservedRight:), coverage: coverage(in:))

    var writer = SVGWriter(width: frame.figureWidth, height: frame.figureHeight, title: title)
    let clipID = SVGWriter.identifier(
      "plot-", "chart|\(title)|\(SVGWriter.number(width))|\(SVGWriter.number(height))|\(layers.count)")
    let markerClipID = clipID + "-marks"
    frame.writeClipPaths(into: &writer, id: clipID, markerID: markerClipID)
    frame.writeBackground(into: &writer)
    for layer in layers {
      // Markers and error bars get a slightly larger clip so that those on the edge show whole.
      let clip: String
      switch layer {
      case .scatter, .errorBars: clip = markerClipID
      default: clip = clipID
      }
      writer.open("g", [("clip-path", "url(#\(clip))")])
      write(layer, in: frame, into: &writer)
      writer.close()
    }
    for layer in layers { writeLabels(of: layer, in: frame, into: &writer) }
    frame.writeAxes(into: &writer)
    if let legendOrigin { legend.write(into: &writer, at: legendOrigin) }
    return writer.finish()
  }

  // MARK: Data extent

  /// The x and y values that the fitted ranges must contain.
  private func dataValues() -> (xs: [Double], ys: [Double]) {
    var xs: [Double] = []
    var ys: [Double] = []
    func placeable(_ a: Double, _ b: Double) -> Bool {
      ResolvedAxis.canPlace(a, on: x.scale) && ResolvedAxis.canPlace(b, on: y.scale)
    }
    func add(_ a: Double, _ b: Double) {
      if placeable(a, b) {
        xs.append(a)
        ys.append(b)
      }
    }
    for layer in layers {
      switch layer {
      case .line(_, let points, _, _), .scatter(_, let points, _, _), .polygon(_, let points, _):
        for p in points { add(p.x, p.y) }
      case .band(_, let x, let lower, let upper, _):
        for i in 0..<min(x.count, lower.count, upper.count) where placeable(x[i], lower[i]) && placeable(x[i], upper[i]) {
          add(x[i], lower[i])
          add(x[i], upper[i])
        }
      case .errorBars(_, let x, let y, let lower, let upper, _):
        for i in 0..<min(x.count, y.count, lower.count, upper.count) {
          if placeable(x[i], lower[i]) && placeable(x[i], upper[i]) {
            add(x[i], lower[i])
            add(x[i], upper[i])
          }
          add(x[i], y[i])
        }
      case .horizontalReference(let value, _):
        ys.append(value)
      case .verticalReference(let value, _):
        xs.append(value)
      case .text(_, let p):
        add(p.x, p.y)
      case .bins(_, let edges, let counts, _):
        for i in 0..<min(max(edges.count - 1, 0), counts.count) {
          // A little headroom, so that the tallest bar does not touch the frame.
          add(edges[i], counts[i] * 1.04)
          add(edges[i + 1], counts[i])
          if y.scale == .linear { ys.append(0) }
        }
      }
    }
    // A reference line on the end of a fitted range would hide under the frame: leave a little
    // room (3 % of the data's extent) beyond each one.
    var xReferences: [Double] = []
    var yReferences: [Double] = []
    for layer in layers {
      if case .horizontalReference(let value, _) = layer { yReferences.append(value) }
      if case .verticalReference(let value, _) = layer { xReferences.append(value) }
    }
    xs += Chart.margins(around: xReferences, within: xs, scale: x.scale)
    ys += Chart.margins(around: yReferences, within: ys, scale: y.scale)
    return (xs, ys)
  }

  /// Values 3 % of the extent of `values` either side of each reference value (in the logarithm on
  /// a logarithmic axis).
  private static func margins(around references: [Double], within values: [Double], scale: AxisScale) -> [Double] {
    let usable = values.filter { ResolvedAxis.canPlace($0, on: scale) }
    guard let low = usable.min(), let high = usable.max(), high > low else { return [] }
    var result: [Double] = []
    for value in references where ResolvedAxis.canPlace(value, on: scale) {
      switch scale {
      case .linear:
        let pad = (high - low) * 0.03
        result += [value - pad, value + pad]
      case .logarithmic:
        let factor = FigureMath.exp10((FigureMath.log10(high) - FigureMath.log10(low)) * 0.03)
        result += [value / factor, value * factor]
      }
    }
    return result.filter(\.isFinite)
  }

  // MARK: Geometry

  /// The pixel runs of `points`: maximal stretches of placeable points.
  private func runs(_ points: [ChartPoint], in frame: PlotFrame) -> [[(Double, Double)]] {
    var result: [[(Double, Double)]] = []
    var current: [(Double, Double)] = []
    for p in points {
      if let pixel = frame.point(p.x, p.y) {
        current.append(pixel)
      } else if !current.isEmpty {
        result.append(current)
        current = []
      }
    }
    if !current.isEmpty { result.append(current) }
    return result
  }

  /// The pixel runs of a band: for each stretch of placeable indices, its upper and lower edges.
  private func bandRuns(
    x: [Double], lower: [Double], upper: [Double], in frame: PlotFrame
  )
    -> [(upper: [(Double, Double)], lower: [(Double, Double)])]
  {
    var result: [(upper: [(Double, Double)], lower: [(Double, Double)])] = []
    var top: [(Double, Double)] = []
    var bottom: [(Double, Double)] = []
    for i in 0..<min(x.count, lower.count, upper.count) {
      if let a = frame.point(x[i], upper[i]), let b = frame.point(x[i], lower[i]) {
        top.append(a)
        bottom.append(b)
      } else if !top.isEmpty {
        result.append((top, bottom))
        top = []
        bottom = []
      }
    }
    if !top.isEmpty { result.append((top, bottom)) }
    return result
  }

  /// The pixel geometry of error bar `i`: its x and the pixels of its two ends.
  private func errorBar(
    _ i: Int, x: [Double], lower: [Double], upper: [Double], in frame: PlotFrame
  )
    -> (x: Double, low: Double, high: Double)?
  {
    guard let px = frame.px(x[i]), let low = frame.py(lower[i]), let high = frame.py(upper[i]) else { return nil }
    return (px, low, high)
  }

  /// The pixel rectangle of histogram bin `i`: left, right, top and baseline.
  private func bin(
    _ i: Int, edges: [Double], counts: [Double], in frame: PlotFrame
  )
    -> (x0: Double, x1: Double, top: Double, base: Double)?
  {
    guard let x0 = frame.px(edges[i]), let x1 = frame.px(edges[i + 1]), let top = frame.py(counts[i]) else {
      return nil
    }
    let base = y.scale == .linear ? (frame.py(0) ?? frame.bottom) : frame.bottom
    return (x0, x1, top, base)
  }

  // MARK: Drawing

  /// Draws one layer in the plotting area (the caller has opened its clip group).
  private func write(_ layer: ChartLayer, in frame: PlotFrame, into writer: inout SVGWriter) {
    switch layer {
    case .line(_, let points, let dashed, let colour):
      writeLine(points, dashed: dashed, colour: colour, in: frame, into: &writer)

    case .scatter(_, let points, let marker, let colour):
      let fill = colour.resolve(in: palette)
      for p in points {
        guard let (px, py) = frame.point(p.x, p.y), frame.contains(px, py) else { continue }
        marker.draw(into: &writer, x: px, y: py, size: FigureStyle.markerSize, colour: fill, opacity: 0.85)
      }

    case .band(_, let x, let lower, let upper, let colour):
      writeBand(x: x, lower: lower, upper: upper, colour: colour, in: frame, into: &writer)

    case .errorBars(_, let x, let y, let lower, let upper, let colour):
      writeErrorBars(x: x, y: y, lower: lower, upper: upper, colour: colour, in: frame, into: &writer)

    case .horizontalReference(let value, _):
      guard let py = frame.py(value) else { return }
      writeReference(into: &writer, from: (frame.left, py), to: (frame.right, py))

    case .verticalReference(let value, _):
      guard let px = frame.px(value) else { return }
      writeReference(into: &writer, from: (px, frame.top), to: (px, frame.bottom))

    case .text:
      return

    case .polygon(_, let vertices, let colour):
      writePolygon(vertices, colour: colour, in: frame, into: &writer)

    case .bins(_, let edges, let counts, let colour):
      writeBins(edges: edges, counts: counts, colour: colour, in: frame, into: &writer)
    }
  }

  /// A line layer: one path through every run of placeable points (dashed or solid), and a dot for
  /// each run of a single point.
  private func writeLine(
    _ points: [ChartPoint], dashed: Bool, colour: SeriesColour, in frame: PlotFrame, into writer: inout SVGWriter
  ) {
    let stroke = colour.resolve(in: palette).svgValue
    let pieces = runs(points, in: frame)
    let paths = pieces.filter { $0.count >= 2 }.map { SVGWriter.path($0, closed: false) }
    if !paths.isEmpty {
      var attributes = [
        ("d", paths.joined(separator: " ")), ("fill", "none"), ("stroke", stroke),
        ("stroke-width", SVGWriter.number(FigureStyle.lineWidth)), ("stroke-linejoin", "round"),
        ("stroke-linecap", dashed ? "butt" : "round"),
      ]
      if dashed { attributes.append(("stroke-dasharray", ChartLayer.dashPattern)) }
      writer.element("path", attributes)
    }
    // A point with no placeable neighbour would be invisible as a line: give it a dot.
    for piece in pieces where piece.count == 1 {
      writer.element(
        "circle",
        [
          ("cx", SVGWriter.number(piece[0].0)), ("cy", SVGWriter.number(piece[0].1)),
          ("r", SVGWriter.number(FigureStyle.lineWidth)), ("fill", stroke),
        ])
    }
  }

  /// A band layer: one translucent path of closed shapes, one per run of at least two placeable x values.
  private func writeBand(
    x: [Double], lower: [Double], upper: [Double], colour: SeriesColour, in frame: PlotFrame,
    into writer: inout SVGWriter
  ) {
    let shapes = bandRuns(x: x, lower: lower, upper: upper, in: frame).filter { $0.upper.count >= 2 }
    guard !shapes.isEmpty else { return }
    let d = shapes.map { SVGWriter.path($0.upper + $0.lower.reversed(), closed: true) }.joined(separator: " ")
    writer.element(
      "path",
      [
        ("d", d), ("fill", colour.resolve(in: palette).svgValue),
        ("fill-opacity", SVGWriter.number(ChartLayer.areaOpacity)), ("stroke", "none"),
      ])
  }

  /// An error-bar layer: one path holding every bar (with caps at the ends inside the plotting area),
  /// then a dot at each y.
  private func writeErrorBars(
    x: [Double], y: [Double], lower: [Double], upper: [Double], colour: SeriesColour, in frame: PlotFrame,
    into writer: inout SVGWriter
  ) {
    let stroke = colour.resolve(in: palette)
    var d: [String] = []
    var dots: [(Double, Double)] = []
    for i in 0..<min(x.count, y.count, lower.count, upper.count) {
      // Bars and dots outside the plotting area are left out; bar ends beyond it stop at its edge.
      if let dot = frame.point(x[i], y[i]), frame.contains(dot.0, dot.1) { dots.append(dot) }
      guard let bar = errorBar(i, x: x, lower: lower, upper: upper, in: frame),
        bar.x >= frame.left - 0.01, bar.x <= frame.right + 0.01
      else { continue }
      if let piece = errorBarPath(bar, in: frame) { d.append(piece) }
    }
    if !d.isEmpty {
      writer.element(
        "path",
        [
          ("d", d.joined(separator: " ")), ("fill", "none"), ("stroke", stroke.svgValue), ("stroke-width", "1.2"),
        ])
    }
    for dot in dots {
      Marker.circle.draw(into: &writer, x: dot.0, y: dot.1, size: 5, colour: stroke, opacity: 1)
    }
  }

  /// The path data of one error bar clipped to the plotting area: the vertical stroke, and a cap at
  /// each end that lies inside; `nil` when the bar misses the area.
  private func errorBarPath(_ bar: (x: Double, low: Double, high: Double), in frame: PlotFrame) -> String? {
    let (a, b) = (min(bar.low, bar.high), max(bar.low, bar.high))
    guard b >= frame.top, a <= frame.bottom else { return nil }
    let (top, bottom) = (max(a, frame.top), min(b, frame.bottom))
    let cx = SVGWriter.number(bar.x)
    let (left, right) = (SVGWriter.number(bar.x - 4), SVGWriter.number(bar.x + 4))
    var piece = "M\(cx) \(SVGWriter.number(top)) V\(SVGWriter.number(bottom))"
    if a >= frame.top { piece += " M\(left) \(SVGWriter.number(a)) H\(right)" }
    if b <= frame.bottom { piece += " M\(left) \(SVGWriter.number(b)) H\(right)" }
    return piece
  }

  /// A polygon layer: one closed translucent path with an outline, when at least two vertices can be placed.
  private func writePolygon(
    _ vertices: [ChartPoint], colour: SeriesColour, in frame: PlotFrame, into writer: inout SVGWriter
  ) {
    let points = vertices.compactMap { frame.point($0.x, $0.y) }
    guard points.count >= 2 else { return }
    let c = colour.resolve(in: palette).svgValue
    writer.element(
      "path",
      [
        ("d", SVGWriter.path(points, closed: true)), ("fill", c),
        ("fill-opacity", SVGWriter.number(ChartLayer.areaOpacity)), ("stroke", c), ("stroke-width", "1.5"),
        ("stroke-linejoin", "round"),
      ])
  }

  /// A histogram layer: one rectangle per placeable bin, in a group holding the fill and the white outline.
  private func writeBins(
    edges: [Double], counts: [Double], colour: SeriesColour, in frame: PlotFrame, into writer: inout SVGWriter
  ) {
    writer.open("g", [("fill", colour.resolve(in: palette).svgValue), ("stroke", "#ffffff")])
    for i in 0..<min(max(edges.count - 1, 0), counts.count) {
      guard let bar = bin(i, edges: edges, counts: counts, in: frame) else { continue }
      let width = (bar.x1 - bar.x0).magnitude
      writer.element(
        "rect",
        [
          ("x", SVGWriter.number(min(bar.x0, bar.x1))), ("y", SVGWriter.number(min(bar.top, bar.base))),
          ("width", SVGWriter.number(width)), ("height", SVGWriter.number((bar.base - bar.top).magnitude)),
          ("stroke-width", SVGWriter.number(min(1, width * 0.15))),
        ])
    }
    writer.close()
  }

  private func writeReference(into writer: inout SVGWriter, from a: (Double, Double), to b: (Double, Double)) {
    writer.element(
      "line",
      [
        ("x1", SVGWriter.number(a.0)), ("y1", SVGWriter.number(a.1)),
        ("x2", SVGWriter.number(b.0)), ("y2", SVGWriter.number(b.1)),
        ("stroke", FigureStyle.referenceColour), ("stroke-width", "1.2"),
        ("stroke-dasharray", ChartLayer.referenceDashPattern),
      ])
  }

  // MARK: Labels

  /// A text label placed in pixels: anchor point, anchor kind and estimated box.
  private struct PlacedLabel {
    var text: String
    var x: Double
    var y: Double
    var anchor: String
    var fontSize: Double
    var colour: String

    /// The estimated box: left, top, width, height.
    var box: (Double, Double, Double, Double) {
      let width = FigureStyle.textWidth(text, fontSize: fontSize)
      let left = anchor == "end" ? x - width : (anchor == "middle" ? x - width / 2 : x)
      return (left, y - fontSize * 0.8, width, fontSize)
    }
  }

  /// The label a layer writes outside the clipped group, if any.
  private func placedLabel(of layer: ChartLayer, in frame: PlotFrame) -> PlacedLabel? {
    let font = FigureStyle.annotationFontSize
    switch layer {
    case .horizontalReference(let value, let label?):
      guard let py = frame.py(value), py >= frame.top, py <= frame.bottom else { return nil }
      let above = py - 4 - font >= frame.top
      return PlacedLabel(
        text: label, x: frame.right - 4, y: above ? py - 4 : py + font + 1, anchor: "end",
        fontSize: font, colour: FigureStyle.referenceColour)
    case .verticalReference(let value, let label?):
      guard let px = frame.px(value), px >= frame.left, px <= frame.right else { return nil }
      let fits = px + 4 + FigureStyle.textWidth(label, fontSize: font) <= frame.right
      return PlacedLabel(
        text: label, x: fits ? px + 4 : px - 4, y: frame.top + font + 2,
        anchor: fits ? "start" : "end", fontSize: font, colour: FigureStyle.referenceColour)
    case .text(let text, let p):
      guard let (px, py) = frame.point(p.x, p.y), frame.contains(px, py) else { return nil }
      return PlacedLabel(
        text: text, x: px, y: py + font * 0.35, anchor: "middle", fontSize: font,
        colour: FigureStyle.textColour)
    default:
      return nil
    }
  }

  private func writeLabels(of layer: ChartLayer, in frame: PlotFrame, into writer: inout SVGWriter) {
    guard let label = placedLabel(of: layer, in: frame) else { return }
    let position = [
      ("x", SVGWriter.number(label.x)), ("y", SVGWriter.number(label.y)),
      ("font-size", SVGWriter.number(label.fontSize)), ("text-anchor", label.anchor),
    ]
    // A white halo under the text keeps it readable over lines and shading (SVG 1.1 has no paint-order).
    writer.element(
      "text",
      position + [
        ("fill", "#ffffff"), ("stroke", "#ffffff"), ("stroke-width", "3"), ("stroke-linejoin", "round"),
      ], text: label.text)
    writer.element("text", position + [("fill", label.colour)], text: label.text)
  }

  // MARK: Legend coverage

  /// Samples of everything drawn, for choosing a legend corner.
  private func coverage(in frame: PlotFrame) -> LegendCoverage {
    var coverage = LegendCoverage()
    func addPolyline(_ points: [(Double, Double)]) {
      if points.count == 1 { coverage.add(points[0].0, points[0].1) }
      for (a, b) in zip(points, points.dropFirst()) { coverage.addSegment(a, b) }
    }
    for layer in layers {
      switch layer {
      case .line(_, let points, _, _):
        runs(points, in: frame).forEach(addPolyline)
      case .scatter(_, let points, _, _):
        for p in points { if let (px, py) = frame.point(p.x, p.y) { coverage.add(px, py) } }
      case .band(_, let x, let lower, let upper, _):
        for shape in bandRuns(x: x, lower: lower, upper: upper, in: frame) {
          addPolyline(shape.upper)
          addPolyline(shape.lower)
          for (a, b) in zip(shape.upper, shape.lower) { coverage.addSegment(a, b) }
        }
      case .errorBars(_, let x, let y, let lower, let upper, _):
        for i in 0..<min(x.count, y.count, lower.count, upper.count) {
          if let bar = errorBar(i, x: x, lower: lower, upper: upper, in: frame) {
            coverage.addSegment((bar.x, bar.low), (bar.x, bar.high))
          }
          if let (px, py) = frame.point(x[i], y[i]) { coverage.add(px, py) }
        }
      case .polygon(_, let vertices, _):
        let points = vertices.compactMap { frame.point($0.x, $0.y) }
        addPolyline(points + points.prefix(1))
      case .bins(_, let edges, let counts, _):
        for i in 0..<min(max(edges.count - 1, 0), counts.count) {
          guard let bar = bin(i, edges: edges, counts: counts, in: frame) else { continue }
          coverage.addRectangle(x0: bar.x0, y0: bar.top, x1: bar.x1, y1: bar.base)
        }
      case .horizontalReference, .verticalReference, .text:
        if let label = placedLabel(of: layer, in: frame) {
          let (x, y, w, h) = label.box
          coverage.addRectangle(x0: x, y0: y, x1: x + w, y1: y + h)
        }
      }
    }
    return coverage
  }
}
