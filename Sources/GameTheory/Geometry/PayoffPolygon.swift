import Foundation

/// A payoff vector of a 2-player game: `x` is player 0's payoff, `y` player 1's.
public struct PayoffPoint: Sendable, Hashable, CustomStringConvertible {
  public var x: Double
  public var y: Double

  public init(_ x: Double, _ y: Double) {
    self.x = x
    self.y = y
  }

  public var description: String { "(\(x), \(y))" }

  /// Whether `self` Pareto-dominates `other`: at least as good for both players, better for one.
  public func dominates(_ other: PayoffPoint) -> Bool {
    x >= other.x && y >= other.y && (x > other.x || y > other.y)
  }
}

/// A convex polygon in the payoff plane, ready to draw: vertices counter-clockwise, starting from the
/// lowest-leftmost vertex (least x, then least y), with no repeated vertex and no three consecutive
/// vertices collinear.
///
/// Degenerate polygons are allowed and have fewer vertices: none (empty), one (a point) or two (a
/// segment, listed from its lexicographically least end).
///
/// Collinearity and orientation are decided by exact sign tests of cross products computed in double
/// precision; they are exact for payoffs that are integers (or have few binary digits) of magnitude
/// below 2^25, as game payoffs usually are.
public struct PayoffPolygon: Sendable, Equatable {
  public let vertices: [PayoffPoint]

  /// The empty polygon.
  public static let empty = PayoffPolygon(checkedVertices: [])

  private init(checkedVertices: [PayoffPoint]) { vertices = checkedVertices }

  /// The convex hull of `points` (Andrew's monotone chain). Non-finite points are ignored.
  public init(convexHullOf points: [PayoffPoint]) {
    let sorted = Array(Set(points.filter { $0.x.isFinite && $0.y.isFinite })).sorted { ($0.x, $0.y) < ($1.x, $1.y) }
    guard sorted.count > 2 else {
      vertices = sorted
      return
    }
    func chain(_ points: [PayoffPoint]) -> [PayoffPoint] {
      var hull: [PayoffPoint] = []
      for point in points {
        while hull.count >= 2 && PayoffPolygon.cross(hull[hull.count - 2], hull[hull.count - 1], point) <= 0 {
          hull.removeLast()
        }
        hull.append(point)
      }
      return hull
    }
    let lower = chain(sorted)
    let upper = chain(sorted.reversed())
    // Each chain ends where the other starts; all points collinear leaves the two endpoints.
    let hull = Array(lower.dropLast() + upper.dropLast())
    vertices = hull.count == 2 ? [sorted.first!, sorted.last!] : hull
  }

  /// (b − a) × (c − a): positive when a → b → c turns left (counter-clockwise).
  static func cross(_ a: PayoffPoint, _ b: PayoffPoint, _ c: PayoffPoint) -> Double {
    (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x)
  }

  public var isEmpty: Bool { vertices.isEmpty }

  /// The polygon's area (0 for a point or a segment).
  public var area: Double {
    guard vertices.count > 2 else { return 0 }
    var twice = 0.0
    for (i, p) in vertices.enumerated() {
      let q = vertices[(i + 1) % vertices.count]
      twice += p.x * q.y - q.x * p.y
    }
    return twice / 2
  }

  /// The vertices as `(x, y)` tuples, the form `Chart.polygon` takes.
  public var chartVertices: [(x: Double, y: Double)] { vertices.map { (x: $0.x, y: $0.y) } }

  /// Whether `point` lies in the polygon (boundary included), allowing `tolerance` in distance.
  public func contains(_ point: PayoffPoint, tolerance: Double = 1e-9) -> Bool {
    switch vertices.count {
    case 0:
      return false
    case 1:
      return hypot(point.x - vertices[0].x, point.y - vertices[0].y) <= tolerance
    case 2:
      return PayoffPolygon.distance(point, toSegment: vertices[0], vertices[1]) <= tolerance
    default:
      for (i, a) in vertices.enumerated() {
        let b = vertices[(i + 1) % vertices.count]
        let length = hypot(b.x - a.x, b.y - a.y)
        if PayoffPolygon.cross(a, b, point) < -tolerance * length { return false }
      }
      return true
    }
  }

  static func distance(_ p: PayoffPoint, toSegment a: PayoffPoint, _ b: PayoffPoint) -> Double {
    let dx = b.x - a.x, dy = b.y - a.y
    let lengthSquared = dx * dx + dy * dy
    let s = lengthSquared == 0 ? 0 : min(1, max(0, ((p.x - a.x) * dx + (p.y - a.y) * dy) / lengthSquared))
    return hypot(p.x - (a.x + s * dx), p.y - (a.y + s * dy))
  }

  /// The part of the polygon where player 0's payoff is at least `x` and player 1's at least `y`
  /// (either may be `nil` for no bound); possibly empty, a point or a segment.
  ///
  /// A vertex up to `tolerance` below a bound counts as meeting it and is kept as it is, so that a
  /// bound computed with a rounding error just above a vertex (a minimax value from an LP, say) does
  /// not lose a region that touches the bound only there. New vertices lie exactly on the bounds.
  public func clipped(minimumX x: Double?, minimumY y: Double?, tolerance: Double = 0) -> PayoffPolygon {
    var points = vertices
    if let x { points = PayoffPolygon.clip(points, coordinate: \.x, other: \.y, atLeast: x, tolerance: tolerance) }
    if let y { points = PayoffPolygon.clip(points, coordinate: \.y, other: \.x, atLeast: y, tolerance: tolerance) }
    return PayoffPolygon(convexHullOf: points)
  }

  /// Sutherland–Hodgman clipping of a convex chain against the half-plane coordinate ≥ bound − tolerance.
  private static func clip(
    _ points: [PayoffPoint], coordinate: WritableKeyPath<PayoffPoint, Double>, other: WritableKeyPath<PayoffPoint, Double>,
    atLeast bound: Double, tolerance: Double
  ) -> [PayoffPoint] {
    func inside(_ point: PayoffPoint) -> Bool { point[keyPath: coordinate] >= bound - tolerance }
    // A polygon's chain is closed; a segment's (two points) is not, so its crossing is computed once.
    let edges = points.count > 2 ? points.count : points.count - 1
    // A lone point has no edge; a segment's far end is not the start of an edge.
    var result = points.count <= 2 ? Array(points.suffix(1)).filter(inside) : []
    for i in 0..<max(edges, 0) {
      let p = points[i]
      let q = points[(i + 1) % points.count]
      if inside(p) { result.append(p) }
      guard inside(p) != inside(q) else { continue }
      let (a, b) = inside(p) ? (p, q) : (q, p)
      // When the inside end is within the tolerance below the bound, it is itself the crossing.
      guard a[keyPath: coordinate] >= bound else { continue }
      let s = (bound - a[keyPath: coordinate]) / (b[keyPath: coordinate] - a[keyPath: coordinate])
      var crossing = a
      crossing[keyPath: coordinate] = bound
      crossing[keyPath: other] = a[keyPath: other] + s * (b[keyPath: other] - a[keyPath: other])
      result.append(crossing)
    }
    return result
  }

  /// The strictly Pareto-optimal part of the boundary as a polyline: the points of the polygon that no
  /// other point of it Pareto-dominates (weakly better for both, strictly for one). It runs from the
  /// highest vertex (greatest y, then greatest x) to the rightmost one (greatest x, then greatest y)
  /// along the upper-right boundary, x increasing and y decreasing; every edge has negative slope.
  /// One point when one vertex is best for both players; empty for the empty polygon.
  public var paretoFrontier: [PayoffPoint] {
    guard let (top, right) = frontierEnds else { return [] }
    return walkClockwise(from: top, to: right)
  }

  /// The weakly Pareto-optimal part of the boundary: the points no point of the polygon improves
  /// strictly for both players. It adds to ``paretoFrontier`` the top horizontal edge (from the
  /// highest-leftmost vertex) and the right vertical edge (down to the rightmost-lowest vertex), when
  /// they exist.
  public var weakParetoFrontier: [PayoffPoint] {
    guard let (top, right) = frontierEnds else { return [] }
    var line = walkClockwise(from: top, to: right)
    let maxY = vertices.map(\.y).max()!
    let maxX = vertices.map(\.x).max()!
    let topLeft = vertices.indices.filter { vertices[$0].y == maxY }.min { vertices[$0].x < vertices[$1].x }!
    let rightBottom = vertices.indices.filter { vertices[$0].x == maxX }.min { vertices[$0].y < vertices[$1].y }!
    if topLeft != top { line.insert(vertices[topLeft], at: 0) }
    if rightBottom != right { line.append(vertices[rightBottom]) }
    return line
  }

  /// Whether `point` lies on ``paretoFrontier`` (within `tolerance` in distance).
  public func isOnParetoFrontier(_ point: PayoffPoint, tolerance: Double = 0) -> Bool {
    let line = paretoFrontier
    guard let first = line.first else { return false }
    if line.count == 1 { return hypot(point.x - first.x, point.y - first.y) <= tolerance }
    return zip(line, line.dropFirst()).contains { a, b in
      if tolerance == 0 {
        return PayoffPolygon.cross(a, b, point) == 0 && point.x >= a.x && point.x <= b.x && point.y <= a.y && point.y >= b.y
      }
      return PayoffPolygon.distance(point, toSegment: a, b) <= tolerance
    }
  }

  /// Indices of the highest vertex (max y, then max x) and of the rightmost one (max x, then max y).
  private var frontierEnds: (top: Int, right: Int)? {
    guard !vertices.isEmpty else { return nil }
    let top = vertices.indices.max { (vertices[$0].y, vertices[$0].x) < (vertices[$1].y, vertices[$1].x) }!
    let right = vertices.indices.max { (vertices[$0].x, vertices[$0].y) < (vertices[$1].x, vertices[$1].y) }!
    return (top, right)
  }

  /// Vertices from index `start` to index `end` going clockwise (decreasing index, wrapping).
  private func walkClockwise(from start: Int, to end: Int) -> [PayoffPoint] {
    var line = [vertices[start]]
    var i = start
    while i != end {
      i = (i - 1 + vertices.count) % vertices.count
      line.append(vertices[i])
    }
    return line
  }
}
