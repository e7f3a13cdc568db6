import Foundation
import LabKit

/// The prior ζ of an agent over its hypotheses. The text asks for "some kind of complexity prior";
/// only the relative weights within a set of equally valued hypotheses matter, because the agent
/// samples from the prior conditioned on C_opt.
public enum PriorCoding: String, Sendable, CaseIterable {
  /// ζ(h) ∝ 2^{−K(h)} with the description length K of ``HypothesisSpace/complexity(_:)`` (default).
  case descriptionLength
  /// ζ(h) ∝ 2^{−|S_h|}, shared equally among the agent's hypotheses with that many states.
  case geometricStates
  /// ζ(h) ∝ 1.
  case uniform
}

/// One haggling agent's hypothesis space and prior: a subset of a valued space, with the groups of
/// equally valued hypotheses best first.
public struct HagglerSpec: Sendable {
  public let valuation: HypothesisValuation
  public let view: AgentView
  /// The agent's hypotheses, by value group (best first), then id.
  public let members: [Int32]
  /// The start of each group in ``members``, and `members.count` at the end.
  public let groupStarts: [Int32]
  /// The prior weight of each member.
  public let weights: [Double]

  /// The agent whose hypotheses are those of `valuation` that `include` keeps (⊤ is always kept: the
  /// text assumes ⊤ in every agent's space), weighted by `prior`.
  public init(
    valuation: HypothesisValuation, view: AgentView, prior: PriorCoding = .descriptionLength,
    include: (Int) -> Bool = { _ in true }
  ) {
    let space = valuation.space
    var members: [Int32] = []
    members.reserveCapacity(valuation.order.count)
    for h in valuation.order where h == 0 || include(Int(h)) { members.append(h) }
    var starts: [Int32] = []
    for (position, h) in members.enumerated() where position == 0 || valuation.rank[Int(h)] != valuation.rank[Int(members[position - 1])] {
      starts.append(Int32(position))
    }
    starts.append(Int32(members.count))
    var weights: [Double]
    switch prior {
    case .descriptionLength:
      weights = members.map { exp2(-space.complexity(Int($0))) }
    case .uniform:
      weights = Array(repeating: 1, count: members.count)
    case .geometricStates:
      var perSize: [Int: Int] = [:]
      for h in members { perSize[space.stateCount(Int(h)), default: 0] += 1 }
      weights = members.map { h in exp2(-Double(space.stateCount(Int(h)))) / Double(perSize[space.stateCount(Int(h))]!) }
    }
    self.valuation = valuation
    self.view = view
    self.members = members
    self.groupStarts = starts
    self.weights = weights
  }

  /// The number of hypotheses.
  public var count: Int { members.count }
}

/// A haggling agent during one run: the text's five steps with exact falsification.
///
/// Every hypothesis is tracked from its s₀ at t = 0. Tracking is lazy: a hypothesis is brought up
/// to date (its state advanced through the agent's history, or found falsified) only when step 2
/// needs it, that is when its value group is the best one that may still hold a consistent
/// hypothesis; the current hypothesis is advanced every round. The result is exactly that of updating
/// every hypothesis every round (a test checks both), at a fraction of the cost.
struct HagglerState {
  static let dead: UInt8 = 0xFF

  let spec: HagglerSpec
  // The space's tables, held directly so that the hot loop touches no nested structure.
  private let table: [UInt16]
  private let members: [Int32]
  private let hasGeneral: Bool
  private let generalMasks: [UInt64]
  private let generalNext: [UInt8]
  private let rowWidth: Int
  private let actionCount: Int
  private let observationCount: Int
  /// state[k]: the state of member k, or `dead`.
  var state: [UInt8]
  /// processed[k]: the round up to which member k's state is current.
  var processed: [Int32]
  /// Groups before this one hold no consistent hypothesis.
  var topGroup = 0
  /// The member followed, or -1.
  var current = -1
  var actions: [UInt8] = []
  var observations: [UInt8] = []
  /// Hypothesis updates done (one per hypothesis per round processed).
  var updates = 0

  init(spec: HagglerSpec, capacity: Int) {
    self.spec = spec
    let space = spec.valuation.space
    table = space.table
    members = spec.members
    hasGeneral = !space.generalMasks.isEmpty
    generalMasks = space.generalMasks
    generalNext = space.generalNext
    actionCount = space.actionCount
    observationCount = space.observationCount
    rowWidth = space.stateStride * space.actionCount
    state = [UInt8](repeating: 0, count: spec.count)
    for k in 0..<spec.count { state[k] = UInt8(spec.valuation.space.initialState(Int(spec.members[k]))) }
    processed = [Int32](repeating: 0, count: spec.count)
    actions.reserveCapacity(capacity)
    observations.reserveCapacity(capacity)
  }

  var currentHypothesis: Int { Int(spec.members[current]) }

  /// Brings member k up to round `now`; whether it is still consistent.
  @inline(__always)
  mutating func catchUp(_ k: Int, to now: Int) -> Bool {
    var s = state[k]
    if s == HagglerState.dead { return false }
    let from = Int(processed[k])
    if from >= now { return true }
    let A = actionCount
    let base = Int(members[k]) * rowWidth
    var alive = true
    var t = from
    table.withUnsafeBufferPointer { table in
      actions.withUnsafeBufferPointer { a in
        observations.withUnsafeBufferPointer { o in
          while t < now {
            let index = base + Int(s) * A + Int(a[t])
            let entry = table[index]
            let code = entry & 0xFF
            if code != 0xFF && code != UInt16(o[t]) {
              if code >= 0xFD && hasGeneral && generalMasks[index] & (1 << UInt64(o[t])) != 0 {
                // 0xFD: a relaxed deal (a set of observations), 0xFE: a general hypothesis.
                s = code == 0xFD ? UInt8(truncatingIfNeeded: entry >> 8) : generalNext[index * observationCount + Int(o[t])]
                t += 1
                continue
              }
              alive = false
              t += 1
              break
            }
            s = UInt8(truncatingIfNeeded: entry >> 8)
            t += 1
          }
        }
      }
    }
    updates += t - from
    processed[k] = Int32(t)
    state[k] = alive ? s : HagglerState.dead
    return alive
  }

  /// Steps 1–3: the consistent hypotheses of the best value group (C_opt), and one drawn from the
  /// prior conditioned on them. Returns the member chosen.
  mutating func select(now: Int, random: Random) -> Int {
    let groups = spec.groupStarts.count - 1
    var alive: [Int] = []
    while topGroup < groups {
      alive.removeAll(keepingCapacity: true)
      for k in Int(spec.groupStarts[topGroup])..<Int(spec.groupStarts[topGroup + 1]) where catchUp(k, to: now) {
        alive.append(k)
      }
      if !alive.isEmpty {
        current = alive[random.categorical(alive.map { spec.weights[$0] })]
        return current
      }
      topGroup += 1
    }
    preconditionFailure("haggling: no consistent hypothesis, but ⊤ is never falsified")
  }

  /// The text's step 2 with the value taken at each hypothesis's tracked state (the notes'
  /// ambiguity 4, option): every consistent hypothesis is brought up to date.
  mutating func selectByCurrentState(now: Int, random: Random) -> Int {
    let valuation = spec.valuation
    var best = -Double.infinity
    var values = [Double](repeating: -.infinity, count: spec.count)
    for k in 0..<spec.count where catchUp(k, to: now) {
      values[k] = valuation.value(Int(spec.members[k]), state: Int(state[k]))
      best = max(best, values[k])
    }
    let tolerance = 1e-12 * max(1, spec.view.reward.joined().map(\.magnitude).max() ?? 1)
    let candidates = (0..<spec.count).filter { values[$0] >= best - tolerance }
    current = candidates[random.categorical(candidates.map { spec.weights[$0] })]
    return current
  }

  /// Step 4: the action of the current hypothesis's optimal policy in its tracked state.
  var action: Int { spec.valuation.action(currentHypothesis, state: Int(state[current])) }

  /// Step 5: records the round and advances the current hypothesis; false when it is falsified.
  mutating func observe(action a: Int, observation o: Int) -> Bool {
    actions.append(UInt8(a))
    observations.append(UInt8(o))
    return catchUp(current, to: actions.count)
  }

  /// Brings every consistent hypothesis up to date (the eager tracking the lazy one must equal).
  mutating func catchUpAll() {
    for k in 0..<spec.count { _ = catchUp(k, to: actions.count) }
  }
}
