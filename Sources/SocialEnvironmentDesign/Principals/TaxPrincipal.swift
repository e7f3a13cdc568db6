import Foundation
import LabKit

/// The principal (leader) of the Apple Picking Game: at the start of every tax period it sets one
/// rate per bracket (§4: "at the end of each the principal decides on a new tax rate, for each
/// bracket, for the next period"), and after each voting round it learns from the round's value of the
/// voted objective (its reward is the change in that objective, which telescopes to the round's value).
public protocol TaxPrincipal: Sendable {
  var name: String { get }
  /// The rates for period `period` of the current round, none above `cap` (the annealing bound).
  mutating func rates(period: Int, cap: Double, _ random: Random) -> [Double]
  /// Learns from the round just played.
  mutating func finishRound(objective: Double)
}

/// φ0 = 0: no tax (§4: "ϕ0 is initialized to 0, or no tax").
public struct NoTaxPrincipal: TaxPrincipal {
  public init() {}
  public var name: String { "no tax" }
  public mutating func rates(period: Int, cap: Double, _ random: Random) -> [Double] { [0, 0, 0] }
  public mutating func finishRound(objective: Double) {}
}

/// A fixed schedule, clipped to the cap (notes §3.6 presets: flat, "U.S. federal" [0.1, 0.25, 0.37], [0, 0.6, 1]).
public struct FixedPrincipal: TaxPrincipal {
  public let schedule: [Double]
  public let name: String
  public init(_ schedule: [Double], name: String) {
    self.schedule = schedule
    self.name = name
  }
  public mutating func rates(period: Int, cap: Double, _ random: Random) -> [Double] { schedule.map { min($0, cap) } }
  public mutating func finishRound(objective: Double) {}
}

/// Appendix A's principal with "separate, discrete, action subspaces for each tax bracket", trained
/// here by REINFORCE instead of PPO (notes §7.4 item 1): one softmax head per bracket over the 11 rate
/// levels, a decision every tax period, the levels above the annealing cap masked. After a round
/// each head moves along (O − b)/s · Σ_periods ∇ log π(level), with b a running mean of the round
/// objective and s a running mean absolute advantage, plus an entropy bonus.
public struct BracketReinforcePrincipal: TaxPrincipal {
  public private(set) var logits: [[Double]]
  public let learningRate: Double
  public let entropyBonus: Double
  var chosen: [[Int]] = []
  var caps: [Int] = []
  var baseline = 0.0
  var scale = 0.0
  var rounds = 0
  public var name: String { "REINFORCE per bracket" }

  public init(brackets: Int = 3, learningRate: Double, entropyBonus: Double = 0.01) {
    logits = Array(repeating: Array(repeating: 0, count: RateGrid.levels.count), count: brackets)
    self.learningRate = learningRate
    self.entropyBonus = entropyBonus
  }

  static func allowedLevels(cap: Double) -> Int { RateGrid.levels.lastIndex { $0 <= cap + 1e-9 }! + 1 }

  func masked(_ b: Int, allowed: Int) -> [Double] {
    let l = logits[b].prefix(allowed)
    let m = l.max()!
    let e = l.map { exp($0 - m) }
    let s = e.reduce(0, +)
    return e.map { $0 / s }
  }

  /// The mean rate of each head (unmasked).
  public var meanRates: [Double] {
    logits.indices.map { b in zip(masked(b, allowed: RateGrid.levels.count), RateGrid.levels).reduce(0) { $0 + $1.0 * $1.1 } }
  }

  public mutating func rates(period: Int, cap: Double, _ random: Random) -> [Double] {
    let allowed = Self.allowedLevels(cap: cap)
    var levels: [Int] = []
    for b in logits.indices {
      let p = masked(b, allowed: allowed)
      var u = random.uniform(), k = p.count - 1
      for (j, q) in p.enumerated() { u -= q; if u < 0 { k = j; break } }
      levels.append(k)
    }
    chosen.append(levels)
    caps.append(allowed)
    return levels.map { RateGrid.levels[$0] }
  }

  public mutating func finishRound(objective: Double) {
    defer { chosen = []; caps = [] }
    if rounds == 0 { baseline = objective }
    let advantage = objective - baseline
    scale = rounds == 0 ? abs(advantage) : 0.9 * scale + 0.1 * abs(advantage)
    rounds += 1
    baseline += 0.1 * (objective - baseline)
    let normalised = scale > 1e-9 ? advantage / scale : 0
    let periods = Double(max(1, chosen.count))
    for (levels, allowed) in zip(chosen, caps) {
      for b in logits.indices {
        let p = masked(b, allowed: allowed)
        let entropy = -p.reduce(0) { $0 + ($1 > 0 ? $1 * log($1) : 0) }
        for j in 0..<allowed {
          let score = (j == levels[b] ? 1 : 0) - p[j]
          // ∂H/∂logit_j = −p_j (log p_j + H)
          let entropyGradient = -p[j] * (log(max(p[j], 1e-300)) + entropy)
          logits[b][j] += learningRate * (normalised * score + entropyBonus * entropyGradient) / periods
        }
      }
    }
  }
}

/// A UCB1 bandit over a grid of schedules (notes §7.4 item 2; repository F's UCB principal): one
/// arm per voting round, reward the round's objective, exploration term c · s · √(2 ln t / n) with s
/// the range of objectives seen so far. Arms with a rate above the annealing cap are not eligible.
public struct UCBPrincipal: TaxPrincipal {
  public let arms: [[Double]]
  public let exploration: Double
  var pulls: [Int]
  var sums: [Double]
  var current = 0
  var decided = false
  var lowest = Double.infinity, highest = -Double.infinity
  var total = 0
  public var name: String { "UCB over a rate grid" }

  /// Every schedule with rates in `levels` for each of `brackets` brackets.
  public init(levels: [Double], brackets: Int = 3, exploration: Double = 1) {
    var arms: [[Double]] = [[]]
    for _ in 0..<brackets { arms = arms.flatMap { a in levels.map { a + [$0] } } }
    self.arms = arms
    self.exploration = exploration
    pulls = Array(repeating: 0, count: arms.count)
    sums = Array(repeating: 0, count: arms.count)
  }

  /// The arm with the best mean so far (among pulled arms).
  public var bestArm: [Double] {
    let pulled = arms.indices.filter { pulls[$0] > 0 }
    guard let best = pulled.max(by: { sums[$0] / Double(pulls[$0]) < sums[$1] / Double(pulls[$1]) }) else { return arms[0] }
    return arms[best]
  }

  public mutating func rates(period: Int, cap: Double, _ random: Random) -> [Double] {
    if !decided {
      let eligible = arms.indices.filter { arms[$0].allSatisfy { $0 <= cap + 1e-9 } }
      if let untried = eligible.first(where: { pulls[$0] == 0 }) {
        current = untried
      } else {
        let s = highest > lowest ? highest - lowest : 1
        let logT = log(Double(max(total, 1)))
        current = eligible.max { a, b in
          let ia = sums[a] / Double(pulls[a]) + exploration * s * (2 * logT / Double(pulls[a])).squareRoot()
          let ib = sums[b] / Double(pulls[b]) + exploration * s * (2 * logT / Double(pulls[b])).squareRoot()
          return ia < ib
        }!
      }
      decided = true
    }
    return arms[current]
  }

  public mutating func finishRound(objective: Double) {
    pulls[current] += 1
    sums[current] += objective
    total += 1
    lowest = min(lowest, objective)
    highest = max(highest, objective)
    decided = false
  }
}
