/// Something that draws a figure and can also give the numbers it draws.
///
/// `results.json` carries each figure's data beside its path, so a researcher replots it (from
/// Python, say) without scraping the SVG: every series' points, the axis labels and scales, the
/// category names. ``Chart``, ``BarChart``, ``HistogramChart`` and ``Heatmap`` conform.
public protocol FigureDrawing {
  /// The figure as a standalone SVG document.
  func svg() -> String
  /// What the figure draws, as JSON: `{"kind", ...}` (see each conformance for its members).
  var data: JSONValue { get }
}

extension Figure {
  /// A figure whose SVG and data both come from `drawing`.
  public init(id: String, title: String, drawing: some FigureDrawing) {
    self.init(id: id, title: title, svg: drawing.svg(), data: drawing.data)
  }
}

extension Axis {
  /// `{"label", "scale", "range"}`: the range is `[lower, upper]` when fixed, null when fitted to the data.
  var data: JSONValue {
    .object([
      ("label", .string(label)), ("scale", .string(scale == .linear ? "linear" : "logarithmic")),
      ("range", range.map { .array([.finite($0.lowerBound), .finite($0.upperBound)]) } ?? .null),
    ])
  }
}

extension JSONValue {
  /// A number, or null when it is NaN or infinite (a gap in a series).
  static func finite(_ x: Double) -> JSONValue { x.isFinite ? .number(x) : .null }
  /// An array of numbers, NaN and infinities as null.
  static func numbers(_ xs: [Double]) -> JSONValue { .array(xs.map(finite)) }
}

extension Chart: FigureDrawing {
  /// `{"kind": "chart", "title", "x", "y", "series": [...]}`, one series per layer in drawing order:
  /// `line`/`scatter`/`polygon` with `x` and `y`; `band` with `x`, `lower`, `upper`; `errorBars` with
  /// `x`, `y`, `lower`, `upper`; `bins` with `edges` and `counts`; `reference` with `axis` and
  /// `value`; `text` with `text`, `x`, `y`. Each has `name` (null when unnamed).
  public var data: JSONValue {
    .object([
      ("kind", .string("chart")), ("title", .string(title)), ("x", x.data), ("y", y.data),
      ("series", .array(layers.map(\.data))),
    ])
  }
}

extension ChartLayer {
  /// The layer's numbers (see ``Chart/data``).
  var data: JSONValue {
    func series(_ kind: String, _ name: String?, _ members: [(String, JSONValue)]) -> JSONValue {
      .object([("kind", .string(kind)), ("name", name.map(JSONValue.string) ?? .null)] + members)
    }
    func points(_ points: [ChartPoint]) -> [(String, JSONValue)] {
      [("x", .numbers(points.map(\.x))), ("y", .numbers(points.map(\.y)))]
    }
    switch self {
    case .line(let name, let p, _, _): return series("line", name, points(p))
    case .scatter(let name, let p, _, _): return series("scatter", name, points(p))
    case .polygon(let name, let p, _): return series("polygon", name, points(p))
    case .band(let name, let x, let lower, let upper, _):
      return series("band", name, [("x", .numbers(x)), ("lower", .numbers(lower)), ("upper", .numbers(upper))])
    case .errorBars(let name, let x, let y, let lower, let upper, _):
      return series(
        "errorBars", name,
        [("x", .numbers(x)), ("y", .numbers(y)), ("lower", .numbers(lower)), ("upper", .numbers(upper))])
    case .bins(let name, let edges, let counts, _):
      return series("bins", name, [("edges", .numbers(edges)), ("counts", .numbers(counts))])
    case .horizontalReference(let y, let label):
      return series("reference", label, [("axis", .string("y")), ("value", .finite(y))])
    case .verticalReference(let x, let label):
      return series("reference", label, [("axis", .string("x")), ("value", .finite(x))])
    case .text(let text, let at):
      return series("text", nil, [("text", .string(text)), ("x", .finite(at.x)), ("y", .finite(at.y))])
    }
  }
}

extension HistogramChart: FigureDrawing {
  /// The underlying chart's data (``Chart/data``) with `"kind": "histogram"`.
  public var data: JSONValue {
    guard case .object(var members) = chart.data else { return .null }
    members[0] = ("kind", .string("histogram"))
    return .object(members)
  }
}

extension BarChart: FigureDrawing {
  /// `{"kind": "bars", "title", "categories", "xLabel", "y", "series": [{"name", "values", "lower",
  /// "upper"}], "references": [{"value", "label"}]}`; `lower`/`upper` are null without error bars.
  public var data: JSONValue {
    .object([
      ("kind", .string("bars")), ("title", .string(title)), ("categories", .array(categories.map(JSONValue.string))),
      ("xLabel", .string(xLabel)), ("y", y.data),
      (
        "series",
        .array(
          series.map { one in
            .object([
              ("name", one.name.map(JSONValue.string) ?? .null), ("values", .numbers(one.values)),
              ("lower", one.lower.map(JSONValue.numbers) ?? .null), ("upper", one.upper.map(JSONValue.numbers) ?? .null),
            ])
          })
      ),
      (
        "references",
        .array(
          references.map { reference in
            .object([("value", .finite(reference.value)), ("label", reference.label.map(JSONValue.string) ?? .null)])
          })
      ),
    ])
  }
}

extension Heatmap: FigureDrawing {
  /// `{"kind": "heatmap", "title", "rows", "columns", "xLabel", "yLabel", "colourBarLabel", "values",
  /// "categories"}`: `values[r][c]` is the cell of row r and column c (null where there is no value);
  /// `categories` lists `{"value", "name"}` for categorical data, null for continuous data.
  public var data: JSONValue {
    .object([
      ("kind", .string("heatmap")), ("title", .string(title)), ("rows", .array(rows.map(JSONValue.string))),
      ("columns", .array(columns.map(JSONValue.string))), ("xLabel", .string(xLabel)), ("yLabel", .string(yLabel)),
      ("colourBarLabel", .string(colourBarLabel)), ("values", .array(values.map(JSONValue.numbers))),
      (
        "categories",
        categories.map { list in
          .array(list.map { .object([("value", .finite($0.value)), ("name", .string($0.name))]) })
        } ?? .null
      ),
    ])
  }
}
