/// One numeric axis of a chart: its label, its scale and, optionally, a fixed range.
///
/// Without a range the chart fits the axis to its data and rounds the ends outward to "nice"
/// values: multiples of the 1-2-5 tick step on a linear axis, whole powers of ten on a logarithmic
/// one. An empty chart gets 0 ... 1 (linear) or 1 ... 10 (logarithmic). A range that cannot be
/// used (non-finite ends, or an end at or below zero on a logarithmic axis) is treated as absent;
/// a range of zero width is widened around its value. Data outside a fixed range are clipped.
public struct Axis: Sendable {
  /// The text written along the axis (may be empty).
  public var label: String
  /// Linear or logarithmic placement.
  public var scale: AxisScale
  /// The fixed data range shown, or `nil` to fit the data.
  public var range: ClosedRange<Double>?

  /// An axis with the given label, scale and range (`nil` fits the data, with nice rounding).
  public init(label: String, scale: AxisScale = .linear, range: ClosedRange<Double>? = nil) {
    self.label = label
    self.scale = scale
    self.range = range
  }
}
