/// A point in data coordinates.
struct ChartPoint: Sendable {
  var x: Double
  var y: Double
}
