/// Where a chart puts its legend.
///
/// Inside placements draw the legend in a corner of the plotting area on a white, slightly
/// transparent box. ``automatic`` picks the first corner (top right, top left, bottom right,
/// bottom left) whose box covers no drawn data, and moves the legend to the right of the plotting
/// area when every corner would cover some.
public enum LegendPlacement: Sendable, Hashable {
  /// The first free corner, else outside on the right.
  case automatic
  /// Inside the plotting area, top right.
  case topRight
  /// Inside the plotting area, top left.
  case topLeft
  /// Inside the plotting area, bottom right.
  case bottomRight
  /// Inside the plotting area, bottom left.
  case bottomLeft
  /// To the right of the plotting area, which narrows to make room.
  case outsideRight
  /// No legend, even for named series.
  case hidden
}
