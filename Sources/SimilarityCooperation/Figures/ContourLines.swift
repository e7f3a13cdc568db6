import LabKit

// MARK: - Candidate to move to LabKit (Figures): contour lines of a function on a grid, drawn with
// `Chart.line`. LabKit's `Heatmap` cannot carry markers, and the threshold landscape needs its
// equilibria marked, so the landscape is drawn as contour lines on a `Chart` with a scatter on top.

/// Contour lines of gridded values by marching squares (Lorensen and Cline 1987, the 2-D case): each
/// grid cell whose corners straddle the level contributes one or two segments between linearly
/// interpolated edge crossings; a saddle cell (alternating corners) is resolved by the cell's mean.
enum ContourLines {
  /// The segments of the level set {f = level} of `values[iy][ix]` = f(xs[ix], ys[iy]), as one point
  /// list for `Chart.line`: the two ends of each segment followed by a NaN point, which breaks the line.
  static func polyline(xs: [Double], ys: [Double], values: [[Double]], level: Double) -> [(x: Double, y: Double)] {
    var points: [(x: Double, y: Double)] = []
    guard xs.count >= 2, ys.count >= 2 else { return points }
    for iy in 0..<(ys.count - 1) {
      for ix in 0..<(xs.count - 1) {
        // Corners counter-clockwise from the lower left: (x0, y0), (x1, y0), (x1, y1), (x0, y1).
        let corners = [
          (xs[ix], ys[iy], values[iy][ix]), (xs[ix + 1], ys[iy], values[iy][ix + 1]),
          (xs[ix + 1], ys[iy + 1], values[iy + 1][ix + 1]), (xs[ix], ys[iy + 1], values[iy + 1][ix]),
        ]
        guard corners.allSatisfy({ $0.2.isFinite }) else { continue }
        let above = corners.map { $0.2 > level }
        if above.allSatisfy({ $0 }) || above.allSatisfy({ !$0 }) { continue }
        // Crossing points on the edges (edge k joins corner k and k + 1).
        var crossings: [Int: (x: Double, y: Double)] = [:]
        for k in 0..<4 {
          let a = corners[k], b = corners[(k + 1) % 4]
          guard above[k] != above[(k + 1) % 4] else { continue }
          let t = (level - a.2) / (b.2 - a.2)
          crossings[k] = (a.0 + t * (b.0 - a.0), a.1 + t * (b.1 - a.1))
        }
        let edges = crossings.keys.sorted()
        var pairs: [(Int, Int)] = []
        if edges.count == 2 {
          pairs = [(edges[0], edges[1])]
        } else if edges.count == 4 {
          // Saddle: corners 0 and 2 on one side, 1 and 3 on the other.
          let centreAbove = corners.map(\.2).reduce(0, +) / 4 > level
          pairs = centreAbove == above[0] ? [(0, 1), (2, 3)] : [(3, 0), (1, 2)]
        }
        for (a, b) in pairs {
          points.append(crossings[a]!)
          points.append(crossings[b]!)
          points.append((x: .nan, y: .nan))
        }
      }
    }
    return points
  }
}
