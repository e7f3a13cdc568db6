/// Pixel samples of everything drawn inside a plotting area, used to find a legend corner that
/// covers no data.
///
/// Lines are sampled every few pixels along each segment and filled rectangles on a grid, each
/// with a cap on the number of samples so that huge series stay cheap.
struct LegendCoverage {
  /// The sampled pixel positions.
  private(set) var points: [(Double, Double)] = []

  /// Adds one point.
  mutating func add(_ x: Double, _ y: Double) {
    points.append((x, y))
  }

  /// Adds points along the segment from `a` to `b`, about every 4 pixels (at most 200).
  mutating func addSegment(_ a: (Double, Double), _ b: (Double, Double)) {
    let length = ((b.0 - a.0) * (b.0 - a.0) + (b.1 - a.1) * (b.1 - a.1)).squareRoot()
    let count = Int(FigureMath.clamp((length / 4).rounded(.up), 1...200))
    for i in 0...count {
      let t = Double(i) / Double(count)
      points.append((a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t))
    }
  }

  /// Adds points on a grid about every 6 pixels over a filled rectangle (at most 40 × 40).
  mutating func addRectangle(x0: Double, y0: Double, x1: Double, y1: Double) {
    let (left, right) = (min(x0, x1), max(x0, x1))
    let (top, bottom) = (min(y0, y1), max(y0, y1))
    let columns = Int(FigureMath.clamp(((right - left) / 6).rounded(.up), 1...40))
    let rows = Int(FigureMath.clamp(((bottom - top) / 6).rounded(.up), 1...40))
    for i in 0...columns {
      for j in 0...rows {
        points.append(
          (
            left + (right - left) * Double(i) / Double(columns),
            top + (bottom - top) * Double(j) / Double(rows)
          ))
      }
    }
  }

  /// How many samples fall inside the box at (`x`, `y`) of size `width` × `height`, grown by `margin`.
  func count(x: Double, y: Double, width: Double, height: Double, margin: Double = 3) -> Int {
    points.reduce(0) { total, p in
      let inside = p.0 >= x - margin && p.0 <= x + width + margin && p.1 >= y - margin && p.1 <= y + height + margin
      return total + (inside ? 1 : 0)
    }
  }
}
