/// Whether a heatmap's numbers are continuous or a handful of codes (issue 18, item 4: "categorical
/// data with categorical legends").
///
/// Binary or three-way data (a move, an outcome class) drawn on a continuous colour bar suggests
/// in-between values that cannot occur, so such data should carry ``Heatmap/categories``.
public enum HeatmapValueKind: Sendable, Hashable {
  /// Every finite value is one of `values` (ascending), and there are at most
  /// ``Heatmap/categoricalValueLimit`` of them in a grid with more cells than values.
  case categorical(values: [Double])
  /// Any other data, including empty data and grids with no more cells than distinct values.
  case continuous
}

extension Heatmap {
  /// The most distinct values that make data look categorical: 3 (binary or three-way data).
  public static let categoricalValueLimit = 3

  /// The kind of `values`: ``HeatmapValueKind/categorical(values:)`` when its finite entries take
  /// at most ``categoricalValueLimit`` distinct values and there are more finite cells than
  /// distinct values (so a 1 × 2 grid of two numbers stays continuous); otherwise
  /// ``HeatmapValueKind/continuous``. NaN and infinities (drawn as missing) are ignored.
  public static func valueKind(of values: [[Double]]) -> HeatmapValueKind {
    let finite = values.joined().filter(\.isFinite)
    let distinct = Set(finite).sorted()
    guard !distinct.isEmpty, distinct.count <= categoricalValueLimit, finite.count > distinct.count else {
      return .continuous
    }
    return .categorical(values: distinct)
  }

  /// The kind of this heatmap's ``values`` (see ``valueKind(of:)``).
  public var valueKind: HeatmapValueKind { Heatmap.valueKind(of: values) }

  /// Whether the heatmap draws categorical-looking data on a continuous colour bar: its values are
  /// ``HeatmapValueKind/categorical(values:)`` but ``categories`` is nil.
  public var hasContinuousScaleOnCategoricalData: Bool {
    guard categories == nil, case .categorical = valueKind else { return false }
    return true
  }
}
