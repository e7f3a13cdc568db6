/// A histogram: adjacent bars over numeric bins, from bin edges and counts or from raw values;
/// rendered as SVG 1.1.
///
/// ```swift
/// let chart = HistogramChart(title: "Final cooperation rates", x: Axis(label: "Rate"),
///                            values: rates, bins: 20)
/// let text = chart.svg()
/// ```
///
/// Bars grow from zero on a linear count axis (a fitted range always includes zero) and from the
/// bottom of a logarithmic one, where empty bins are left out. Reference lines (a mean, a
/// threshold) can be added on either axis. The computed ``edges`` and ``counts`` are available for
/// checking.
public struct HistogramChart: Sendable {
  /// The bin boundaries, ascending: bin i is `edges[i] ..< edges[i + 1]` (the last bin is closed).
  public let edges: [Double]
  /// The height of each bin; `counts.count == edges.count - 1`.
  public let counts: [Double]
  /// The underlying chart, which holds the axes, the bars and any reference lines.
  private(set) var chart: Chart

  /// A histogram of given bins: `counts[i]` is the height of the bin from `edges[i]` to `edges[i + 1]`.
  ///
  /// Extra counts or edges beyond the shorter list are dropped. `name` gives the bars a legend row;
  /// `colour` overrides the first palette colour.
  public init(
    title: String, x: Axis, y: Axis = Axis(label: "Count"), edges: [Double], counts: [Double],
    name: String? = nil, colour: Colour? = nil, width: Double = 640, height: Double = 420
  ) {
    let binCount = min(max(edges.count - 1, 0), counts.count)
    self.edges = Array(edges.prefix(binCount + (binCount > 0 ? 1 : 0)))
    self.counts = Array(counts.prefix(binCount))
    chart = Chart(title: title, x: x, y: y, width: width, height: height)
    chart.bins(name, edges: self.edges, counts: self.counts, colour: colour)
  }

  /// A histogram of `values` in `bins` equal bins spanning the x axis range, or the finite values'
  /// minimum to maximum when the axis has no range.
  ///
  /// On a logarithmic x axis the bins are equal in the logarithm and only positive values count.
  /// Values outside the range and values that cannot be placed are not counted; the maximum falls
  /// in the last bin. With no usable values the bins span 0 ... 1 (1 ... 10 on a log axis) and are
  /// empty. `bins` is clamped into 1 ... 10 000.
  public init(
    title: String, x: Axis, y: Axis = Axis(label: "Count"), values: [Double], bins: Int,
    name: String? = nil, colour: Colour? = nil, width: Double = 640, height: Double = 420
  ) {
    let binCount = min(max(bins, 1), 10_000)
    let logarithmic = x.scale == .logarithmic
    let usable = values.filter { ResolvedAxis.canPlace($0, on: x.scale) }
    var low = x.range?.lowerBound ?? usable.min() ?? (logarithmic ? 1 : 0)
    var high = x.range?.upperBound ?? usable.max() ?? (logarithmic ? 10 : 1)
    if logarithmic, !(low > 0) || !low.isFinite { low = usable.min() ?? 1 }
    if !high.isFinite || !(high >= low) { high = low }
    if high == low {
      if logarithmic {
        low /= 2
        high *= 2
      } else {
        low -= 0.5
        high += 0.5
      }
    }
    let transform: (Double) -> Double = logarithmic ? { FigureMath.log10($0) } : { $0 }
    let inverse: (Double) -> Double = logarithmic ? { FigureMath.exp10($0) } : { $0 }
    let (a, b) = (transform(low), transform(high))
    var edges = (0...binCount).map { inverse(a + (b - a) * Double($0) / Double(binCount)) }
    edges[0] = low
    edges[binCount] = high
    var counts = [Double](repeating: 0, count: binCount)
    for value in usable where value >= low && value <= high {
      let position = ((transform(value) - a) / (b - a) * Double(binCount)).rounded(.down)
      counts[Int(FigureMath.clamp(position, 0...Double(binCount - 1)))] += 1
    }
    self.init(
      title: title, x: x, y: y, edges: edges, counts: counts, name: name, colour: colour,
      width: width, height: height)
  }

  /// The colours the bars take (the first one, unless a colour was given).
  public var palette: Palette {
    get { chart.palette }
    set { chart.palette = newValue }
  }

  /// Where the legend goes, when the bars have a name.
  public var legendPlacement: LegendPlacement {
    get { chart.legendPlacement }
    set { chart.legendPlacement = newValue }
  }

  /// Adds a dashed grey vertical line at `x` (a mean, a threshold), optionally labelled near its top.
  public mutating func referenceLine(x: Double, label: String? = nil) {
    chart.referenceLine(x: x, label: label)
  }

  /// Adds a dashed grey horizontal line at `y`, optionally labelled at its right end.
  public mutating func referenceLine(y: Double, label: String? = nil) {
    chart.referenceLine(y: y, label: label)
  }

  /// The histogram as a complete, standalone SVG 1.1 document. Identical text on every call.
  public func svg() -> String {
    chart.svg()
  }
}
