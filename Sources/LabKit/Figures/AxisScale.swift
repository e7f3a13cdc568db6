/// How an axis maps data values to positions along it.
///
/// A linear axis places values proportionally; a logarithmic axis places their base-10 logarithms,
/// so each power of ten takes the same length. On a logarithmic axis, zero, negative and non-finite
/// values have no position and are skipped by every chart (a line breaks there).
public enum AxisScale: Sendable, Hashable {
  /// Positions proportional to the value.
  case linear
  /// Positions proportional to the base-10 logarithm of the value; only positive values appear.
  case logarithmic
}
