import GameTheory
import LabKit

/// A policy of a diff meta game, π_i : ℝ → Δ(A_i) (the paper's Figure 1b and Definition 1): it maps the
/// diff value the agent observes to a mixed action of the base game.
///
/// Every policy the analytic parts use is a step function of the observation, which is what makes exact
/// meta-game utilities possible (``StepPolicy``). Conforming types say how they read as one.
protocol DiffPolicy: Sendable, Hashable {
  /// The policy as a step function of the observed diff value.
  var stepPolicy: StepPolicy { get }
}

/// A policy that is constant between breakpoints: with breakpoints b₁ < … < b_k it plays `actions[0]`
/// for observations y ≤ b₁, `actions[j]` for b_j < y ≤ b_{j+1}, and `actions[k]` for y > b_k.
///
/// The intervals are closed on the right so that the introduction's threshold policy, "cooperate iff the
/// perceived difference is at most θ", is `StepPolicy.threshold(θ, actionCount: 2)`.
struct StepPolicy: DiffPolicy, CustomStringConvertible {
  /// The breakpoints, strictly increasing and finite.
  let breakpoints: [Double]
  /// One mixed action per interval: `breakpoints.count + 1` of them, all over the same actions.
  let actions: [MixedStrategy]
  /// A label for tables (the policy's identity is its breakpoints and actions, not its label).
  let label: String

  /// - Throws: ``LabError/invalidInput(place:problem:)`` unless the breakpoints are finite and strictly
  ///   increasing, there is one action per interval, and all actions have the same number of entries.
  init(breakpoints: [Double], actions: [MixedStrategy], label: String = "") throws {
    let place = "step policy \(label)"
    guard breakpoints.allSatisfy(\.isFinite), zip(breakpoints, breakpoints.dropFirst()).allSatisfy({ $0 < $1 }) else {
      throw LabError.invalidInput(place: place, problem: "breakpoints \(breakpoints) must be finite and strictly increasing")
    }
    guard actions.count == breakpoints.count + 1 else {
      throw LabError.invalidInput(place: place, problem: "\(actions.count) actions for \(breakpoints.count + 1) intervals")
    }
    guard Set(actions.map(\.count)).count == 1 else {
      throw LabError.invalidInput(place: place, problem: "the actions are over different numbers of base-game actions")
    }
    self.breakpoints = breakpoints
    self.actions = actions
    self.label = label
  }

  /// The policy that plays `action` whatever it observes.
  static func constant(_ action: MixedStrategy, label: String = "") -> StepPolicy {
    try! StepPolicy(breakpoints: [], actions: [action], label: label)
  }

  /// "Play `below` iff the observation is at most θ, `above` otherwise" (θ = ±∞ gives a constant policy).
  static func threshold(_ theta: Double, below: MixedStrategy, above: MixedStrategy, label: String = "") -> StepPolicy {
    if theta == .infinity { return constant(below, label: label) }
    if theta == -.infinity { return constant(above, label: label) }
    return try! StepPolicy(breakpoints: [theta], actions: [below, above], label: label)
  }

  /// The introduction's threshold policy in a game whose action 0 is "cooperate" and action 1 "defect":
  /// cooperate iff the perceived difference is at most θ.
  static func threshold(_ theta: Double, actionCount: Int = 2) -> StepPolicy {
    threshold(
      theta, below: .pure(0, count: actionCount), above: .pure(1, count: actionCount),
      label: "θ = \(DecimalFormat.compact(theta, significant: 6))")
  }

  /// The number of base-game actions.
  var actionCount: Int { actions[0].count }

  /// The index of the interval holding observation y.
  func interval(of y: Double) -> Int {
    var lower = 0
    var upper = breakpoints.count
    while lower < upper {  // the first breakpoint ≥ y
      let middle = (lower + upper) / 2
      if breakpoints[middle] >= y { upper = middle } else { lower = middle + 1 }
    }
    return lower
  }

  /// π(y): the mixed action at observation y.
  func action(at y: Double) -> MixedStrategy { actions[interval(of: y)] }

  var stepPolicy: StepPolicy { self }

  static func == (a: StepPolicy, b: StepPolicy) -> Bool { a.breakpoints == b.breakpoints && a.actions == b.actions }
  func hash(into hasher: inout Hasher) {
    hasher.combine(breakpoints)
    hasher.combine(actions)
  }

  var description: String {
    if !label.isEmpty { return label }
    var parts: [String] = []
    for (j, action) in actions.enumerated() {
      let range: String
      if breakpoints.isEmpty {
        range = "always"
      } else if j == 0 {
        range = "y ≤ \(DecimalFormat.compact(breakpoints[0], significant: 6))"
      } else if j == breakpoints.count {
        range = "y > \(DecimalFormat.compact(breakpoints[j - 1], significant: 6))"
      } else {
        range = "\(DecimalFormat.compact(breakpoints[j - 1], significant: 6)) < y ≤ \(DecimalFormat.compact(breakpoints[j], significant: 6))"
      }
      parts.append("\(range): \(action)")
    }
    return parts.joined(separator: "; ")
  }
}

/// The introduction's threshold policy θ: cooperate (action 0) iff the perceived difference is at most
/// θ, defect (action 1) otherwise. θ = −∞ never cooperates.
struct ThresholdPolicy: DiffPolicy, CustomStringConvertible {
  let theta: Double

  /// - Throws: ``LabError/invalidInput(place:problem:)`` for NaN or +∞.
  init(_ theta: Double) throws {
    guard !theta.isNaN, theta != .infinity else {
      throw LabError.invalidInput(place: "threshold policy", problem: "θ = \(theta) is not a real number or −∞")
    }
    self.theta = theta
  }

  var stepPolicy: StepPolicy { .threshold(theta) }

  var description: String { "θ = \(DecimalFormat.compact(theta, significant: 6))" }
}
