import Foundation
import LabKit

/// The players' behaviour: the notes' proposal A (notes §7.3), a restraint-threshold heuristic.
/// A player with restraint k walks to the nearest visible live apple that has at least k live
/// neighbours within distance 2, never steps onto a "protected" apple (fewer than k live
/// neighbours), and wanders when it sees no admissible apple. k = 0 is greedy: it eats everything it
/// reaches, emptying patches, and a patch without live apples never regrows.
public enum RestraintPolicy {
  /// The greedy threshold.
  public static let greedy = 0

  /// Chooses every player's action for this step into `actions`. `restraint[i]` is player i's k.
  /// Draws from `random` only to wander and to break blocked moves; allocates nothing.
  public static func chooseActions(
    _ world: HarvestWorld, restraint: UnsafeBufferPointer<Int>, into actions: UnsafeMutableBufferPointer<UInt8>,
    _ random: Random
  ) {
    for i in 0..<world.agentCount {
      actions[i] = action(world, player: i, restraint: restraint[i], random)
    }
  }

  @inline(__always)
  static func passable(_ world: HarvestWorld, _ cell: Int, restraint k: Int) -> Bool {
    if world.isBlocked(cell) { return false }
    let a = world.apple(at: cell)
    return a < 0 || !world.alive[a] || Int(world.liveNeighbours[a]) >= k
  }

  /// One player's action.
  @inline(__always)
  static func action(_ world: HarvestWorld, player i: Int, restraint k: Int, _ random: Random) -> UInt8 {
    let c = world.position(i)
    let o = world.orientation(i)
    var targetForward = 0, targetRight = 0, found = false, scanned = 0
    defer { world.operations &+= scanned }
    world.windowOffsets[o].withUnsafeBufferPointer { window in
      for entry in window {
        scanned &+= 1
        let a = world.apple(at: c + Int(entry.delta))
        if a >= 0 && world.alive[a] && Int(world.liveNeighbours[a]) >= k {
          targetForward = Int(entry.forward)
          targetRight = Int(entry.right)
          found = true
          return
        }
      }
    }
    let forwardCell = c + world.delta(o)
    if found {
      if targetForward > 0 && passable(world, forwardCell, restraint: k) { return HarvestAction.forward.rawValue }
      if targetRight > 0 && passable(world, c + world.delta(o + 1), restraint: k) { return HarvestAction.stepRight.rawValue }
      if targetRight < 0 && passable(world, c + world.delta(o + 3), restraint: k) { return HarvestAction.stepLeft.rawValue }
      if targetForward < 0 && passable(world, c + world.delta(o + 2), restraint: k) { return HarvestAction.backward.rawValue }
      return random.bernoulli(0.5) ? HarvestAction.turnLeft.rawValue : HarvestAction.turnRight.rawValue
    }
    // Wander: mostly forward, sometimes turn; turn when blocked.
    if passable(world, forwardCell, restraint: k) && random.uniform() < 0.8 { return HarvestAction.forward.rawValue }
    return random.bernoulli(0.5) ? HarvestAction.turnLeft.rawValue : HarvestAction.turnRight.rawValue
  }
}

/// A softmax policy over restraint levels 0 … K trained by REINFORCE with a running baseline (notes
/// §7.3 A): each voting round the player samples k, plays the round, and moves its logits along
/// (G − b) ∇ log π(k), with G its mixed return of eq. 2 and b a running mean. The advantage is divided
/// by a running root-mean-square of past advantages so that the step size does not depend on the
/// scale of returns.
public struct RestraintLearner: Sendable {
  public private(set) var logits: [Double]
  public let learningRate: Double
  var baseline = 0.0
  var scale = 0.0
  var updates = 0

  public init(levels: Int, learningRate: Double) {
    logits = [Double](repeating: 0, count: levels)
    self.learningRate = learningRate
  }

  /// π(k) for every k.
  public var probabilities: [Double] {
    let m = logits.max() ?? 0
    let e = logits.map { exp($0 - m) }
    let s = e.reduce(0, +)
    return e.map { $0 / s }
  }

  /// E[k] under π.
  public var meanRestraint: Double { probabilities.enumerated().reduce(0) { $0 + Double($1.offset) * $1.element } }

  /// The most probable k (lowest on ties).
  public var mode: Int { logits.indices.max { (logits[$0], -$0) < (logits[$1], -$1) }! }

  public func sample(_ random: Random) -> Int {
    let p = probabilities
    var u = random.uniform()
    for (k, q) in p.enumerated() {
      u -= q
      if u < 0 { return k }
    }
    return p.count - 1
  }

  /// The REINFORCE step after playing `k` and receiving return `g`.
  public mutating func update(chose k: Int, return g: Double) {
    if updates == 0 { baseline = g }
    let advantage = g - baseline
    scale = updates == 0 ? abs(advantage) : 0.9 * scale + 0.1 * abs(advantage)
    updates += 1
    baseline += 0.1 * (g - baseline)
    guard scale > 1e-9 else { return }
    let p = probabilities
    let step = learningRate * advantage / scale
    for j in logits.indices { logits[j] += step * ((j == k ? 1 : 0) - p[j]) }
  }
}
