import LabKit

/// The apple-regrowth rule: the probability that an eaten apple cell regrows in one step, by the
/// number n of live apples within Euclidean distance 2 of it (the cell itself excluded).
public struct RegrowthRule: Sendable, Equatable {
  /// p(n) for n = 0, 1, 2, 3 and n ≥ 4.
  public let probabilities: [Double]

  public init(probabilities: [Double]) throws {
    guard probabilities.count == 5, probabilities.allSatisfy({ $0 >= 0 && $0 <= 1 }) else {
      throw LabError.invalidInput(place: "RegrowthRule", problem: "need five probabilities in [0, 1] for n = 0, 1, 2, 3, ≥ 4; got \(probabilities)")
    }
    self.probabilities = probabilities
  }

  /// Appendix A of Social Environment Design: "the probability of a respawn per timestep depends on
  /// how many neighbors are around it in a circular radius of 2. With four neighbors, the respawn
  /// probability is 0.025. With 0, the probability becomes 0", with Table 1's list
  /// [0.025, 0.005, 0.0025, 0.0] read downward from four neighbours: n ≥ 4 → 0.025, 3 → 0.005,
  /// 2 → 0.0025, 1 and 0 → 0.
  public static let paper = try! RegrowthRule(probabilities: [0, 0, 0.0025, 0.005, 0.025])
  /// The released code and upstream Melting Pot (`DensityRegrow`, notes §2.3): probs[min(n, 3)] on
  /// [0, 0.0025, 0.005, 0.025].
  public static let code = try! RegrowthRule(probabilities: [0, 0.0025, 0.005, 0.025, 0.025])

  /// p(n).
  @inlinable public func probability(liveNeighbours n: Int) -> Double { probabilities[min(n, 4)] }
}

/// The seven actions of the SED fork (zapper removed; notes §2.2), relative to the avatar's orientation.
public enum HarvestAction: UInt8, Sendable, CaseIterable {
  case noop = 0, forward, backward, stepLeft, stepRight, turnLeft, turnRight
}

/// The whole physical state of the gridworld, for the continuity check of eq. 1 (µ0 = Δ(s_T)).
public struct HarvestState: Sendable, Equatable {
  public let appleAlive: [Bool]
  public let positions: [Int32]
  public let orientations: [UInt8]
}

/// §4 and Appendix A of Social Environment Design: the Apple Picking Game's physical world, Melting
/// Pot's `commons_harvest__open` as the paper's code runs it (notes §2): players move in the
/// orientation-relative directions, walls and other players block, entering a cell with a live apple
/// eats it (reward 1), and every eaten apple cell regrows each step with a probability set by the
/// number of live apples within distance 2 (``RegrowthRule``). A patch harvested to the last apple
/// therefore never grows back.
///
/// Simultaneous moves are resolved one player at a time in a fresh random order each step (the
/// engine's order is unspecified; notes §8 item 8). Regrowth is decided for every eaten cell from the
/// counts at the start of the regrowth phase, then applied, so it does not depend on cell order.
///
/// The step loop allocates nothing: every buffer is allocated once, at creation.
public final class HarvestWorld {
  public let map: HarvestMap
  public let agentCount: Int
  public let regrowth: RegrowthRule
  /// Cells of padding (walls) around the map, so that the observation window needs no bounds checks.
  static let padding = 10
  /// The egocentric view of Appendix A, Table 1: forward 9, right 5, backward 1, left 5.
  public static let viewForward = 9, viewBackward = 1, viewSide = 5
  /// 11 × 11 = 121 cells.
  public static let viewCells = (viewForward + viewBackward + 1) * (2 * viewSide + 1)

  /// Padded width (row stride) and height.
  public let stride: Int
  let paddedHeight: Int
  let cellCount: Int
  let wall: UnsafeMutablePointer<Bool>
  let appleAt: UnsafeMutablePointer<Int32>
  let occupant: UnsafeMutablePointer<Int32>
  public let appleCount: Int
  let appleCell: UnsafeMutablePointer<Int32>
  let alive: UnsafeMutablePointer<Bool>
  let liveNeighbours: UnsafeMutablePointer<Int32>
  let neighbourStart: UnsafeMutablePointer<Int32>
  let neighbourList: UnsafeMutablePointer<Int32>
  let regrowthTable: UnsafeMutablePointer<Double>
  let regrowBuffer: UnsafeMutablePointer<Int32>
  let positionStore: UnsafeMutablePointer<Int32>
  let orientationStore: UnsafeMutablePointer<UInt8>
  let eatenStore: UnsafeMutablePointer<UInt8>
  let seenStore: UnsafeMutablePointer<Int32>
  let order: UnsafeMutablePointer<Int32>
  /// Cell deltas of the four directions N, E, S, W.
  let directionDelta: (Int32, Int32, Int32, Int32)
  /// For each orientation, the 120 window cells other than the player's own, nearest first:
  /// (cell delta, forward, right).
  public let windowOffsets: [[(delta: Int32, forward: Int8, right: Int8)]]
  let tileOfAgent: [Int]

  /// Live apples now.
  public private(set) var liveApples: Int = 0
  /// Deterministic work counter: player updates, apple cells scanned for regrowth, and window cells
  /// scanned by the players' policy (the scaling experiment's machine-independent cost).
  public internal(set) var operations = 0
  /// When set, every regrowth decision is tallied by the live-neighbour count n (0 … 12): the
  /// eaten cells that could regrow (trials) and those that did (successes).
  public var tallyRegrowth = false
  public private(set) var regrowthTrials = [Int](repeating: 0, count: 13)
  public private(set) var regrowthSuccesses = [Int](repeating: 0, count: 13)
  /// Steps since the last reset.
  public private(set) var time = 0
  /// Apples eaten in the last step.
  public private(set) var eatenLastStep = 0

  /// A world with `agentCount` players on `map`, not yet reset.
  public init(map: HarvestMap = .commonsHarvestOpen, agentCount: Int = 7, regrowth: RegrowthRule = .paper) throws {
    let perTile = try HarvestWorld.playersPerTile(agentCount, on: map)
    self.map = map
    self.agentCount = agentCount
    self.regrowth = regrowth
    let p = HarvestWorld.padding
    stride = map.width + 2 * p
    paddedHeight = map.height + 2 * p
    cellCount = stride * paddedHeight
    let cells: [Int32]
    (wall, appleAt, cells) = HarvestWorld.paddedGrid(of: map, stride: stride, cellCount: cellCount)
    occupant = HarvestWorld.buffer(cellCount, repeating: -1)
    appleCount = cells.count
    appleCell = .allocate(capacity: max(1, appleCount))
    appleCell.initialize(from: cells, count: appleCount)
    alive = HarvestWorld.buffer(max(1, appleCount), repeating: false)
    liveNeighbours = HarvestWorld.buffer(max(1, appleCount), repeating: 0)
    regrowBuffer = HarvestWorld.buffer(max(1, appleCount), repeating: 0)
    (neighbourStart, neighbourList) = HarvestWorld.appleNeighbours(of: cells, appleAt: appleAt, stride: stride)
    regrowthTable = .allocate(capacity: 13)
    for n in 0...12 { (regrowthTable + n).initialize(to: regrowth.probability(liveNeighbours: n)) }
    positionStore = HarvestWorld.buffer(agentCount, repeating: -1)
    orientationStore = HarvestWorld.buffer(agentCount, repeating: 0)
    eatenStore = HarvestWorld.buffer(agentCount, repeating: 0)
    seenStore = HarvestWorld.buffer(agentCount, repeating: 0)
    order = .allocate(capacity: agentCount)
    for i in 0..<agentCount { (order + i).initialize(to: Int32(i)) }
    let s = Int32(stride)
    directionDelta = (-s, 1, s, -1)
    windowOffsets = HarvestWorld.windowOffsets(stride: stride)
    tileOfAgent = (0..<agentCount).map { $0 / perTile }
  }

  /// The players per tile (the last tile may hold fewer); throws when there are no players or a
  /// tile has too few spawn cells for them.
  private static func playersPerTile(_ agentCount: Int, on map: HarvestMap) throws -> Int {
    guard agentCount >= 1 else { throw LabError.invalidInput(place: "HarvestWorld", problem: "need at least one player") }
    let perTile = (agentCount + map.tiles - 1) / map.tiles
    for t in 0..<map.tiles where map.insideSpawns[t].count + map.spawns[t].count < perTile {
      throw LabError.invalidInput(
        place: "HarvestWorld", problem: "tile \(t) has \(map.insideSpawns[t].count + map.spawns[t].count) spawn cells for \(perTile) players")
    }
    return perTile
  }

  /// A new buffer of `count` copies of `value` (freed in `deinit`).
  private static func buffer<T>(_ count: Int, repeating value: T) -> UnsafeMutablePointer<T> {
    let pointer = UnsafeMutablePointer<T>.allocate(capacity: count)
    pointer.initialize(repeating: value, count: count)
    return pointer
  }

  /// The map inside ``padding`` cells of wall, row stride `stride`: which cells are walls, the apple
  /// index of each cell (-1 for none), and the cell of each apple in row order.
  private static func paddedGrid(
    of map: HarvestMap, stride: Int, cellCount: Int
  ) -> (wall: UnsafeMutablePointer<Bool>, appleAt: UnsafeMutablePointer<Int32>, appleCells: [Int32]) {
    let p = HarvestWorld.padding
    let wall = buffer(cellCount, repeating: true)
    let appleAt = buffer(cellCount, repeating: Int32(-1))
    var cells: [Int32] = []
    for (y, row) in map.rows.enumerated() {
      for (x, c) in row.enumerated() {
        let index = (y + p) * stride + x + p
        wall[index] = c == "W"
        if c == "A" {
          appleAt[index] = Int32(cells.count)
          cells.append(Int32(index))
        }
      }
    }
    return (wall, appleAt, cells)
  }

  /// The apples within distance 2 of each apple, as a compressed list: apple k's neighbours are
  /// `list[start[k] ..< start[k + 1]]`.
  private static func appleNeighbours(
    of cells: [Int32], appleAt: UnsafeMutablePointer<Int32>, stride: Int
  ) -> (start: UnsafeMutablePointer<Int32>, list: UnsafeMutablePointer<Int32>) {
    // The 12 offsets with dx² + dy² ≤ 4, the cell itself excluded.
    var offsets: [Int] = []
    for dy in -2...2 { for dx in -2...2 where dx * dx + dy * dy <= 4 && (dx, dy) != (0, 0) { offsets.append(dy * stride + dx) } }
    var starts: [Int32] = [0]
    var list: [Int32] = []
    for cell in cells {
      for o in offsets where appleAt[Int(cell) + o] >= 0 { list.append(appleAt[Int(cell) + o]) }
      starts.append(Int32(list.count))
    }
    let neighbourStart = UnsafeMutablePointer<Int32>.allocate(capacity: starts.count)
    neighbourStart.initialize(from: starts, count: starts.count)
    let neighbourList = UnsafeMutablePointer<Int32>.allocate(capacity: max(1, list.count))
    neighbourList.initialize(from: list, count: list.count)
    return (neighbourStart, neighbourList)
  }

  /// For each orientation N, E, S, W, the observation window's cells other than the player's own
  /// (cell delta, forward, right), nearest first (by forward + right distance, then ahead before
  /// behind, then left before right).
  private static func windowOffsets(stride: Int) -> [[(delta: Int32, forward: Int8, right: Int8)]] {
    let deltas: [(Int, Int)] = [(0, -1), (1, 0), (0, 1), (-1, 0)]
    var windows: [[(delta: Int32, forward: Int8, right: Int8)]] = []
    for o in 0..<4 {
      var w: [(delta: Int32, forward: Int8, right: Int8)] = []
      for f in -HarvestWorld.viewBackward...HarvestWorld.viewForward {
        for r in -HarvestWorld.viewSide...HarvestWorld.viewSide where (f, r) != (0, 0) {
          let dx = f * deltas[o].0 + r * deltas[(o + 1) % 4].0
          let dy = f * deltas[o].1 + r * deltas[(o + 1) % 4].1
          w.append((Int32(dy * stride + dx), Int8(f), Int8(r)))
        }
      }
      w.sort {
        (abs(Int($0.forward)) + abs(Int($0.right)), -Int($0.forward), Int($0.right)) < (
          abs(Int($1.forward)) + abs(Int($1.right)), -Int($1.forward), Int($1.right)
        )
      }
      windows.append(w)
    }
    return windows
  }

  deinit {
    wall.deallocate()
    alive.deallocate()
    appleAt.deallocate()
    occupant.deallocate()
    appleCell.deallocate()
    liveNeighbours.deallocate()
    neighbourStart.deallocate()
    neighbourList.deallocate()
    regrowthTable.deallocate()
    regrowBuffer.deallocate()
    positionStore.deallocate()
    orientationStore.deallocate()
    eatenStore.deallocate()
    seenStore.deallocate()
    order.deallocate()
  }

  /// Bytes held by the world's buffers (the scaling experiment's memory measure).
  public var bytes: Int {
    cellCount * (1 + 4 + 4) + appleCount * (4 + 1 + 4 + 4 + 4) + Int(neighbourStart[appleCount]) * 4 + 13 * 8
      + agentCount * (4 + 1 + 1 + 4 + 4)
  }

  // MARK: Reset

  /// The initial state: every apple alive; in each tile, players 0 and 1 on the `Q` cells and the
  /// others on distinct random `P` cells; random orientations (notes §2.1, §7.1).
  public func reset(_ random: Random) {
    for a in 0..<agentCount where positionStore[a] >= 0 { occupant[Int(positionStore[a])] = -1 }
    for k in 0..<appleCount { alive[k] = true }
    for k in 0..<appleCount { liveNeighbours[k] = neighbourStart[k + 1] - neighbourStart[k] }
    liveApples = appleCount
    var a = 0
    while a < agentCount {
      let tile = tileOfAgent[a]
      var members = 0
      while a + members < agentCount && tileOfAgent[a + members] == tile { members += 1 }
      let inside = map.insideSpawns[tile]
      var outside = map.spawns[tile]
      for local in 0..<members {
        let cell: (x: Int, y: Int)
        if local < inside.count {
          cell = inside[local]
        } else {
          let pick = random.index(below: outside.count)
          cell = outside[pick]
          outside.swapAt(pick, outside.count - 1)
          outside.removeLast()
        }
        let index = (cell.y + HarvestWorld.padding) * stride + cell.x + HarvestWorld.padding
        positionStore[a + local] = Int32(index)
        occupant[index] = Int32(a + local)
        orientationStore[a + local] = UInt8(random.index(below: 4))
      }
      a += members
    }
    for i in 0..<agentCount { eatenStore[i] = 0; seenStore[i] = 0 }
    time = 0
    eatenLastStep = 0
  }

  /// The physical state now.
  public var state: HarvestState {
    HarvestState(
      appleAlive: Array(UnsafeBufferPointer(start: alive, count: appleCount)),
      positions: Array(UnsafeBufferPointer(start: positionStore, count: agentCount)),
      orientations: Array(UnsafeBufferPointer(start: orientationStore, count: agentCount)))
  }

  // MARK: Step

  @inline(__always) func delta(_ direction: Int) -> Int {
    switch direction & 3 {
    case 0: return Int(directionDelta.0)
    case 1: return Int(directionDelta.1)
    case 2: return Int(directionDelta.2)
    default: return Int(directionDelta.3)
    }
  }

  /// One step: moves in a random order, eating, then regrowth. `actions[i]` is a ``HarvestAction``
  /// raw value for player i. Returns the number of apples eaten; ``eaten(_:)`` gives each player's.
  @discardableResult
  public func step(_ actions: UnsafeBufferPointer<UInt8>, _ random: Random) -> Int {
    precondition(actions.count >= agentCount, "HarvestWorld.step: \(actions.count) actions for \(agentCount) players")
    // A fresh random order (Fisher-Yates on the kept permutation).
    var i = agentCount - 1
    while i > 0 {
      let j = random.index(below: i + 1)
      let t = order[i]; order[i] = order[j]; order[j] = t
      i -= 1
    }
    var eatenNow = 0
    operations &+= agentCount &+ appleCount
    for k in 0..<agentCount {
      let a = Int(order[k])
      eatenStore[a] = 0
      let o = Int(orientationStore[a])
      let direction: Int
      switch actions[a] {
      case 1: direction = o
      case 2: direction = o + 2
      case 3: direction = o + 3
      case 4: direction = o + 1
      case 5: orientationStore[a] = UInt8((o + 3) & 3); continue
      case 6: orientationStore[a] = UInt8((o + 1) & 3); continue
      default: continue
      }
      let from = Int(positionStore[a])
      let to = from + delta(direction)
      if wall[to] || occupant[to] >= 0 { continue }
      occupant[from] = -1
      occupant[to] = Int32(a)
      positionStore[a] = Int32(to)
      let apple = Int(appleAt[to])
      if apple >= 0 && alive[apple] {
        kill(apple)
        eatenStore[a] = 1
        eatenNow += 1
      }
    }
    // Regrowth, decided on the counts at the start of the phase.
    var regrown = 0
    if liveApples < appleCount {
      for k in 0..<appleCount where !alive[k] {
        let n = Int(min(liveNeighbours[k], 12))
        let p = regrowthTable[n]
        let grows = p > 0 && random.uniform() < p
        if tallyRegrowth {
          regrowthTrials[n] += 1
          if grows { regrowthSuccesses[n] += 1 }
        }
        if grows {
          regrowBuffer[regrown] = Int32(k)
          regrown += 1
        }
      }
      for r in 0..<regrown { revive(Int(regrowBuffer[r])) }
    }
    time += 1
    eatenLastStep = eatenNow
    return eatenNow
  }

  /// Convenience for tests: one step with an array of actions.
  @discardableResult
  public func step(_ actions: [HarvestAction], _ random: Random) -> Int {
    let raw = actions.map(\.rawValue)
    return raw.withUnsafeBufferPointer { step($0, random) }
  }

  @inline(__always) func kill(_ apple: Int) {
    alive[apple] = false
    liveApples -= 1
    for n in Int(neighbourStart[apple])..<Int(neighbourStart[apple + 1]) { liveNeighbours[Int(neighbourList[n])] -= 1 }
  }

  @inline(__always) func revive(_ apple: Int) {
    alive[apple] = true
    liveApples += 1
    for n in Int(neighbourStart[apple])..<Int(neighbourStart[apple + 1]) { liveNeighbours[Int(neighbourList[n])] += 1 }
  }

  // MARK: Queries

  /// 1 if player `i` ate an apple in the last step.
  @inline(__always) public func eaten(_ i: Int) -> Int { Int(eatenStore[i]) }
  /// Player i's cell (padded index) and orientation (0 N, 1 E, 2 S, 3 W).
  @inline(__always) public func position(_ i: Int) -> Int { Int(positionStore[i]) }
  @inline(__always) public func orientation(_ i: Int) -> Int { Int(orientationStore[i]) }
  /// Map coordinates (x, y) of player i.
  public func coordinates(_ i: Int) -> (x: Int, y: Int) {
    (Int(positionStore[i]) % stride - HarvestWorld.padding, Int(positionStore[i]) / stride - HarvestWorld.padding)
  }
  /// Whether apple k is alive, and its live neighbours within distance 2.
  public func isAlive(apple k: Int) -> Bool { alive[k] }
  public func liveNeighbourCount(apple k: Int) -> Int { Int(liveNeighbours[k]) }
  public func neighbours(apple k: Int) -> [Int] {
    (Int(neighbourStart[k])..<Int(neighbourStart[k + 1])).map { Int(neighbourList[$0]) }
  }
  /// Map coordinates of apple k.
  public func appleCoordinates(_ k: Int) -> (x: Int, y: Int) {
    (Int(appleCell[k]) % stride - HarvestWorld.padding, Int(appleCell[k]) / stride - HarvestWorld.padding)
  }
  /// The apple index at padded cell `cell`, or −1.
  @inline(__always) func apple(at cell: Int) -> Int { Int(appleAt[cell]) }
  @inline(__always) func isBlocked(_ cell: Int) -> Bool { wall[cell] || occupant[cell] >= 0 }

  /// Test hook: kills or revives apple k directly.
  public func setApple(_ k: Int, alive value: Bool) {
    if alive[k] == value { return }
    if value { revive(k) } else { kill(k) }
  }

  /// Test hook: moves player i to map cell (x, y) facing `orientation`, if the cell is free.
  public func place(_ i: Int, x: Int, y: Int, orientation: Int) throws {
    let index = (y + HarvestWorld.padding) * stride + x + HarvestWorld.padding
    guard x >= 0, y >= 0, x < map.width, y < map.height, !wall[index], occupant[index] < 0 || occupant[index] == Int32(i) else {
      throw LabError.invalidInput(place: "HarvestWorld.place", problem: "cell (\(x), \(y)) is a wall, off the map or occupied")
    }
    occupant[Int(positionStore[i])] = -1
    positionStore[i] = Int32(index)
    occupant[index] = Int32(i)
    orientationStore[i] = UInt8(orientation & 3)
  }

  /// Whether player j stands in player i's view window (j ≠ i).
  public func sees(_ i: Int, _ j: Int) -> Bool {
    let d = Int(positionStore[j]) - Int(positionStore[i])
    let dx = ((d % stride) + stride + stride / 2) % stride - stride / 2
    let dy = (d - dx) / stride
    return HarvestWorld.inWindow(dx: dx, dy: dy, orientation: Int(orientationStore[i]))
  }

  /// Whether the map offset (dx, dy) lies in the window of a player facing `orientation`.
  @inline(__always) static func inWindow(dx: Int, dy: Int, orientation: Int) -> Bool {
    let f: Int, r: Int
    switch orientation {
    case 0: f = -dy; r = dx
    case 1: f = dx; r = dy
    case 2: f = dy; r = -dx
    default: f = -dx; r = -dy
    }
    return f >= -viewBackward && f <= viewForward && r >= -viewSide && r <= viewSide
  }

  /// For every player i, Σ over players j ≠ i in i's view of the apples j ate this step (the social
  /// term of eq. 2's intrinsic reward; the fork's `NEARBY` observation times the raw rewards, as in
  /// Gasztowtt's version of the code). Scans the 19 × 19 cells around each eater only.
  public func computeSeenApples() {
    for i in 0..<agentCount { seenStore[i] = 0 }
    guard eatenLastStep > 0 else { return }
    for j in 0..<agentCount where eatenStore[j] != 0 {
      let cj = Int(positionStore[j])
      for dy in -9...9 {
        for dx in -9...9 {
          let i = Int(occupant[cj - dy * stride - dx])
          if i < 0 || i == j { continue }
          // i stands at (−dx, −dy) from j, so j is at (dx, dy) from i.
          if HarvestWorld.inWindow(dx: dx, dy: dy, orientation: Int(orientationStore[i])) { seenStore[i] += 1 }
        }
      }
    }
  }

  /// The last ``computeSeenApples()`` value for player i.
  @inline(__always) public func seenApples(_ i: Int) -> Int { Int(seenStore[i]) }

  /// Cell codes of the symbolic observation: 0 grass, 1 wall, 2 live apple, 3 another player.
  /// Writes player i's 11 × 11 egocentric window (rows forward 9 … −1, columns left 5 … right 5) into
  /// `buffer[0 ..< 121]` and returns the `NEARBY` count of other players in the window.
  @discardableResult
  public func observe(_ i: Int, into buffer: UnsafeMutablePointer<UInt8>) -> Int {
    let c = Int(positionStore[i])
    let o = Int(orientationStore[i])
    let forward = delta(o), right = delta(o + 1)
    var nearby = 0
    var k = 0
    var f = HarvestWorld.viewForward
    while f >= -HarvestWorld.viewBackward {
      var cell = c + f * forward - HarvestWorld.viewSide * right
      for _ in 0..<(2 * HarvestWorld.viewSide + 1) {
        var code: UInt8 = 0
        if wall[cell] {
          code = 1
        } else if occupant[cell] >= 0 && cell != c {
          code = 3; nearby += 1
        } else {
          let a = appleAt[cell]
          if a >= 0 && alive[Int(a)] { code = 2 }
        }
        buffer[k] = code
        k += 1
        cell += right
      }
      f -= 1
    }
    return nearby
  }
}
