/// One path of the van der Laan–Talman restart algorithm on one grid (mesh d) of the product of the
/// players' simplices, from a start grid point to a simplex complete for some player: the steps of
/// Gambit's `NashSimpdivStrategySolver::Simplex` (`src/solvers/simpdiv/simpdiv.cc`, GPL-2-or-later),
/// labelled as there (step 1: label a vertex; 2: enlarge the face; 3: replace a vertex; 4: shrink the
/// face; 5: turn around at the boundary), in Doubles.
///
/// Notation (1-based, as in the source): a label or a direction is a pair (player j, action h); the
/// move q(j, h) adds d to action h of player j and takes d from the action before it (cyclically,
/// skipping the actions held at 0). `face` (T) marks the directions spanning the face the path is on,
/// `boundary` (U) the actions fixed at probability 0, `order` (π) the order in which the t
/// directions generate the simplex from its first vertex, `labels` the vertices' labels, and `offset`
/// the first vertex's position in the face's coordinates.
struct SimplicialSubdivisionPath {
  private let game: NormalFormGame
  private let counts: [Int]  // counts[j]: player j's number of actions; counts[0] unused
  private let mesh: Double
  private let leash: Int
  private let limits: SearchLimits
  private let start: [[Double]]  // v
  private var point: [[Double]]  // y
  private var face: [[Bool]]  // T
  private var boundary: [[Bool]]  // U
  private var offset: [[Int]]  // ab
  private var order: [(Int, Int)]  // π, rows 1...t
  private var labels: [(Int, Int)]  // rows 1...t + 1
  private var dimension = 0  // t
  private var labelledVertex = 1  // ibar
  private(set) var bestRegret = Double.infinity
  private(set) var bestProfile: [[Double]]
  private(set) var labelledPoints = 0

  /// The next step of the path.
  private enum Step {
    case label
    case enlarge(position: Int, player: Int, action: Int)
    case replace(position: Int)
    case shrink(position: Int)
    case turn(player: Int, action: Int, next: Int)
    case end
  }

  /// A path on the grid of mesh `mesh` from `start` (0-based players and actions, probabilities that
  /// are multiples of `mesh`).
  init(game: NormalFormGame, start: [[Double]], mesh: Double, leash: Int, limits: SearchLimits) {
    self.game = game
    counts = [0] + game.actionCounts
    self.mesh = mesh
    self.leash = leash
    self.limits = limits
    let padded = [[]] + start.map { [0] + $0 }
    self.start = padded
    point = padded
    bestProfile = start
    face = counts.map { [Bool](repeating: false, count: $0 + 1) }
    boundary = padded.map { row in row.indices.map { h in h > 0 && row[h] == 0 } }
    offset = counts.map { [Int](repeating: 0, count: $0 + 1) }
    let rows = game.actionCounts.reduce(0, +) + 2
    order = [(Int, Int)](repeating: (0, 0), count: rows)
    labels = [(Int, Int)](repeating: (0, 0), count: rows)
  }

  /// Follows the path to its end; false when the time limit stopped it first.
  mutating func run() -> Bool {
    var step = Step.label
    while true {
      switch step {
      case .label:
        if labelledPoints % 256 == 1, limits.hasExpired { return false }
        step = labelStep()
      case .enlarge(let position, let player, let action): step = enlarge(position, player, action)
      case .replace(let position): step = replace(position)
      case .shrink(let position): step = shrink(position)
      case .turn(let player, let action, let next): step = turn(player, action, next)
      case .end: return true
      }
    }
  }

  // MARK: - Steps

  /// Step 1: labels the vertex just reached and decides what the new label does.
  private mutating func labelStep() -> Step {
    let (j, h) = label(point)
    labels[labelledVertex] = (j, h)
    if !face[j][h] && !boundary[j][h] {
      return heldCount(j) == counts[j] - 1 ? .end : .enlarge(position: dimension + 1, player: j, action: h)
    }
    if face[j][h] {
      var i = 1
      while labels[i] != (j, h) || i == labelledVertex { i += 1 }
      return .replace(position: i)
    }
    var k = h
    while boundary[j][k] { k = k == counts[j] ? 1 : k + 1 }
    var i = dimension + 1
    if face[j][k] {
      i = 1
      while order[i] != (j, k) && i <= dimension { i += 1 }
    }
    return .enlarge(position: i, player: j, action: h)
  }

  /// Step 2: direction (j, h) joins the face at position i of the order.
  private mutating func enlarge(_ i: Int, _ j: Int, _ h: Int) -> Step {
    point = vertex(i)
    rotateDown(&order, i, dimension + 1)
    order[i] = (j, h)
    rotateDown(&labels, i + 1, dimension + 2)
    labelledVertex = i + 1
    dimension += 1
    move(&point, along: i)
    face[j][h] = true
    boundary[j][h] = false
    return .label
  }

  /// Step 3: vertex i leaves the simplex (its label is now doubled); the simplex on the other side of
  /// the facet opposite it, unless that crosses the boundary of the face or of the simplotope.
  private mutating func replace(_ i: Int) -> Step {
    let t = dimension
    let (j, h) = order[i == t + 1 ? t : i]
    let k = i < t + 1 ? before(j, h) : h
    var next = after(j, h)
    point = vertex(i == 1 ? t + 1 : (i == t + 1 ? 1 : i - 1))
    let blockedAtK = point[j][k] <= 0 || !withinLeash(start[j][k] - point[j][k])
    if i == 1 && blockedAtK {
      if heldCount(j) == counts[j] - 1 {
        boundary[j][k] = true
        return .end
      }
      update(j, i)
      boundary[j][k] = true
      move(&point, along: dimension)
      return .label
    }
    if i >= 2 && i <= t && blockedAtK { return .shrink(position: i) }
    if i == t + 1 && offset[j][next] == 0 {
      if point[j][h] <= 0 || !withinLeash(start[j][h] - point[j][h]) { return .shrink(position: i) }
      var passed = false
      while offset[j][next] == 0 && !passed {
        if next == h { passed = true }
        next = next == counts[j] ? 1 : next + 1
      }
      next = next == 1 ? counts[j] : next - 1
      return next == h ? .shrink(position: i) : .turn(player: j, action: h, next: next)
    }
    if i == 1 {
      move(&point, along: 1)
    } else if i <= t {
      move(&point, along: i)
    } else {
      let (jj, hh) = order[t]
      let previous = before(jj, hh)
      point[jj][hh] -= mesh
      point[jj][previous] += mesh
    }
    update(j, i)
    return .label
  }

  /// Step 4: the direction at position i − 1 leaves the face (the path reached the face's boundary).
  private mutating func shrink(_ i: Int) -> Step {
    point = vertex(1)
    let (j, h) = order[i - 1]
    face[j][h] = false
    if point[j][h] <= 0 || !withinLeash(start[j][h] - point[j][h]) { boundary[j][h] = true }
    rotateUp(&labels, i, dimension + 1)
    rotateUp(&order, i - 1, dimension)
    dimension -= 1
    var position = 1
    while labels[position] != (j, h) { position += 1 }
    return .replace(position: position)
  }

  /// Step 5: the path turns at the boundary: action `next` of player j is freed and the simplex is
  /// rebuilt with the last direction first.
  private mutating func turn(_ j: Int, _ h: Int, _ next: Int) -> Step {
    rotateDown(&labels, 1, dimension + 1)
    labelledVertex = 1
    rotateDown(&order, 1, dimension)
    boundary[j][next] = false
    let (jj, hh) = order[1]
    let previous = before(jj, hh)
    point[jj][hh] -= mesh
    point[jj][previous] += mesh
    var k = after(j, h)
    var going = true
    while going {
      if k == h { going = false }
      offset[j][k] -= 1
      k = k == counts[j] ? 1 : k + 1
    }
    return .label
  }

  // MARK: - Helpers

  /// The bookkeeping after a replacement at position i (Gambit's `update`).
  private mutating func update(_ j: Int, _ i: Int) {
    let t = dimension
    if i >= 2 && i <= t {
      order.swapAt(i, i - 1)
      labelledVertex = i
    } else if i == 1 {
      rotateUp(&labels, 1, t + 1)
      labelledVertex = t + 1
      let (jj, hh) = order[1]
      if jj == j {
        shiftOffset(j, through: hh, by: 1)
        rotateUp(&order, 1, t)
      }
    } else if i == t + 1 {
      rotateDown(&labels, 1, t + 1)
      labelledVertex = 1
      let (jj, hh) = order[t]
      if jj == j {
        shiftOffset(j, through: hh, by: -1)
        rotateDown(&order, 1, t)
      }
    }
  }

  /// Adds `amount` to the offsets of player j's actions from the one after `h`'s predecessor round to h.
  private mutating func shiftOffset(_ j: Int, through h: Int, by amount: Int) {
    var k = after(j, h)
    var going = true
    while going {
      if k == h { going = false }
      offset[j][k] += amount
      k = k == counts[j] ? 1 : k + 1
    }
  }

  /// Vertex k of the current simplex (Gambit's `getY`).
  private func vertex(_ k: Int) -> [[Double]] {
    var x = start
    for j in 1..<counts.count {
      for h in 1...counts[j] where face[j][h] || boundary[j][h] {
        x[j][h] += mesh * Double(offset[j][h])
        x[j][h == 1 ? counts[j] : h - 1] -= mesh * Double(offset[j][h])
      }
    }
    if k >= 2 { for i in 2...k { move(&x, along: i - 1) } }
    return x
  }

  /// x + d q(π_i) (Gambit's `getnexty`).
  private func move(_ x: inout [[Double]], along i: Int) {
    let (j, h) = order[i]
    x[j][h] += mesh
    x[j][before(j, h)] -= mesh
  }

  /// The action before h of player j, cyclically, skipping those held at 0 (Gambit's `get_b`).
  private func before(_ j: Int, _ h: Int) -> Int {
    var previous = h > 1 ? h - 1 : counts[j]
    while boundary[j][previous] { previous = previous == 1 ? counts[j] : previous - 1 }
    return previous
  }

  /// The action after ``before(_:_:)`` (Gambit's `get_c`).
  private func after(_ j: Int, _ h: Int) -> Int {
    let next = before(j, h) + 1
    return next > counts[j] ? 1 : next
  }

  /// How many of player j's actions are in the face or on the boundary.
  private func heldCount(_ j: Int) -> Int { (1...counts[j]).filter { face[j][$0] || boundary[j][$0] }.count }

  private func withinLeash(_ distance: Double) -> Bool { leash == 0 || distance < Double(leash) * mesh }

  /// The label of grid point x: the player with the largest regret (the first on ties) and its first
  /// pure best response; records x when its regret is the least seen (Gambit's `getlabel`).
  private mutating func label(_ x: [[Double]]) -> (Int, Int) {
    labelledPoints += 1
    let profile = x.dropFirst().map { Array($0.dropFirst()) }
    let values = game.actionValues(against: profile)
    var largest = -Double.greatestFiniteMagnitude
    var result = (1, 1)
    for player in values.indices {
      var expected = 0.0
      var best = -Double.greatestFiniteMagnitude
      var bestAction = 0
      for (action, value) in values[player].enumerated() {
        expected += profile[player][action] * value
        if value > best {
          best = value
          bestAction = action
        }
      }
      if best - expected > largest {
        largest = best - expected
        result = (player + 1, bestAction + 1)
      }
    }
    if largest < bestRegret {
      bestRegret = largest
      bestProfile = profile
    }
    return result
  }

  /// Row `hi` moves to `lo`, rows lo…hi − 1 move down one.
  private func rotateDown(_ rows: inout [(Int, Int)], _ lo: Int, _ hi: Int) {
    let last = rows[hi]
    var row = hi
    while row > lo {
      rows[row] = rows[row - 1]
      row -= 1
    }
    rows[lo] = last
  }

  /// Row `lo` moves to `hi`, rows lo + 1…hi move up one.
  private func rotateUp(_ rows: inout [(Int, Int)], _ lo: Int, _ hi: Int) {
    let first = rows[lo]
    for row in lo..<hi { rows[row] = rows[row + 1] }
    rows[hi] = first
  }
}
