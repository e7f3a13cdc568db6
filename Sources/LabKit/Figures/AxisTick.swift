/// One tick of an axis: a value, and its label when it is a major (labelled) tick.
struct AxisTick: Sendable, Equatable {
  /// The data value the tick marks.
  var value: Double
  /// The text under (or beside) the tick; `nil` for a minor tick.
  var label: String?

  /// Whether the tick is labelled (and gets a grid line).
  var isMajor: Bool { label != nil }
}
