extension Chart {
  /// Takes the colour for a new series: the given one, or the next palette colour.
  private mutating func takeColour(_ colour: Colour?) -> SeriesColour {
    if let colour { return .fixed(colour) }
    defer { paletteCursor += 1 }
    return .palette(paletteCursor)
  }

  /// Adds a line through `points`, in the order given.
  ///
  /// A named line gets a legend row. Points that cannot be placed (NaN, infinite, or not positive
  /// on a logarithmic axis) are skipped and break the line into pieces. `dashed` draws it with
  /// 6-4 dashes; `colour` overrides the next palette colour.
  public mutating func line(
    _ name: String?, _ points: [(x: Double, y: Double)], dashed: Bool = false, colour: Colour? = nil
  ) {
    let series = takeColour(colour)
    layers.append(.line(name: name, points: points.map { ChartPoint(x: $0.x, y: $0.y) }, dashed: dashed, colour: series))
  }

  /// Adds a line through (`x[i]`, `y[i]`); extra elements of the longer array are ignored.
  ///
  /// Otherwise the same as ``line(_:_:dashed:colour:)``.
  public mutating func line(_ name: String?, x: [Double], y: [Double], dashed: Bool = false, colour: Colour? = nil) {
    line(name, Array(zip(x, y)).map { (x: $0.0, y: $0.1) }, dashed: dashed, colour: colour)
  }

  /// Adds one marker at each of `points`.
  ///
  /// A named series gets a legend row. Points that cannot be placed are skipped. `marker` chooses
  /// the shape (circles by default); `colour` overrides the next palette colour.
  public mutating func scatter(
    _ name: String?, _ points: [(x: Double, y: Double)], marker: Marker = .circle, colour: Colour? = nil
  ) {
    let series = takeColour(colour)
    layers.append(.scatter(name: name, points: points.map { ChartPoint(x: $0.x, y: $0.y) }, marker: marker, colour: series))
  }

  /// Adds markers at (`x[i]`, `y[i]`); extra elements of the longer array are ignored.
  ///
  /// Otherwise the same as ``scatter(_:_:marker:colour:)``.
  public mutating func scatter(_ name: String?, x: [Double], y: [Double], marker: Marker = .circle, colour: Colour? = nil) {
    scatter(name, Array(zip(x, y)).map { (x: $0.0, y: $0.1) }, marker: marker, colour: colour)
  }

  /// Adds a shaded, translucent band between `lower[i]` and `upper[i]` over `x[i]` (for instance a
  /// confidence interval around a line).
  ///
  /// Without `colour` the band takes the colour the next automatically coloured series will get,
  /// without using it up: add the band just before its line and both match. Indices where any of
  /// the three values cannot be placed split the band. The arrays are used up to the shortest.
  public mutating func band(
    _ name: String?, x: [Double], lower: [Double], upper: [Double], colour: Colour? = nil
  ) {
    let series: SeriesColour = colour.map { .fixed($0) } ?? .palette(paletteCursor)
    layers.append(.band(name: name, x: x, lower: lower, upper: upper, colour: series))
  }

  /// Adds vertical error bars from `lower[i]` to `upper[i]` at `x[i]`, with a dot at `y[i]`.
  ///
  /// `lower` and `upper` are the ends of the bars in data units, not distances from `y`. A bar
  /// whose x or ends cannot be placed is skipped; its dot is skipped when `y[i]` cannot be placed.
  /// The arrays are used up to the shortest. Takes the next palette colour unless `colour` is given.
  public mutating func errorBars(
    _ name: String?, x: [Double], y: [Double], lower: [Double], upper: [Double], colour: Colour? = nil
  ) {
    let series = takeColour(colour)
    layers.append(.errorBars(name: name, x: x, y: y, lower: lower, upper: upper, colour: series))
  }

  /// Adds a dashed grey horizontal line across the plot at `y`, optionally labelled at its right end.
  ///
  /// The fitted y range includes `y`. A value the axis cannot place is ignored.
  public mutating func referenceLine(y: Double, label: String? = nil) {
    layers.append(.horizontalReference(y: y, label: label))
  }

  /// Adds a dashed grey vertical line across the plot at `x`, optionally labelled near its top.
  ///
  /// The fitted x range includes `x`. A value the axis cannot place is ignored.
  public mutating func referenceLine(x: Double, label: String? = nil) {
    layers.append(.verticalReference(x: x, label: label))
  }

  /// Writes `text` centred on the data point `at` (horizontally and vertically), on a white halo.
  ///
  /// The fitted ranges include the point; text whose point falls outside the plotting area or
  /// cannot be placed is not drawn.
  public mutating func text(_ text: String, at position: (x: Double, y: Double)) {
    layers.append(.text(text, at: ChartPoint(x: position.x, y: position.y)))
  }

  /// Adds a closed, translucent shaded polygon with an outline through `vertices` (for instance the
  /// feasible payoff region of a game).
  ///
  /// Vertices that cannot be placed are left out. A named polygon gets a legend row. Takes the next
  /// palette colour unless `colour` is given.
  public mutating func polygon(_ name: String?, _ vertices: [(x: Double, y: Double)], colour: Colour? = nil) {
    let series = takeColour(colour)
    layers.append(.polygon(name: name, vertices: vertices.map { ChartPoint(x: $0.x, y: $0.y) }, colour: series))
  }

  /// Adds histogram bars: bin i spans `edges[i] ... edges[i + 1]` with height `counts[i]`.
  ///
  /// Used by ``HistogramChart``; bins that cannot be placed are skipped.
  mutating func bins(_ name: String?, edges: [Double], counts: [Double], colour: Colour?) {
    let series = takeColour(colour)
    layers.append(.bins(name: name, edges: edges, counts: counts, colour: series))
  }
}
