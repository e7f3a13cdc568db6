import LabKit

/// A regular decision process (S, A, O, s₀, B, T) of the text (§Regular decision processes): finite
/// states, actions and observations, an initial state, an observation kernel B : S × A → ΔO and a
/// deterministic transition T : S × A × O → S.
///
/// States, actions and observations are indices `0 ..< count`. For player i of a game, A = A_i and
/// O = A_{−i}, the joint actions of the others (see ``AgentView``).
public struct RegularDecisionProcess: Sendable, Equatable {
  public let stateCount: Int
  public let actionCount: Int
  public let observationCount: Int
  public let initialState: Int
  /// kernel[s · |A| + a][o] = B(s, a)(o).
  public let kernel: [[Double]]
  /// next[(s · |A| + a) · |O| + o] = T(s, a, o).
  public let next: [Int]

  /// - Throws: ``LabError/invalidInput(place:problem:)`` naming the first bad state, action or
  ///   distribution.
  public init(
    stateCount: Int, actionCount: Int, observationCount: Int, initialState: Int = 0,
    kernel: (Int, Int) -> [Double], transition: (Int, Int, Int) -> Int
  ) throws {
    let place = "regular decision process"
    try DecisionProcessShape.check(stateCount, actionCount, observationCount, initialState, place: place)
    var rows: [[Double]] = []
    var table: [Int] = []
    for s in 0..<stateCount {
      for a in 0..<actionCount {
        let row = kernel(s, a)
        guard row.count == observationCount, row.allSatisfy({ $0 >= 0 && $0.isFinite }),
          (row.reduce(0, +) - 1).magnitude <= 1e-9
        else {
          throw LabError.invalidInput(place: "\(place), B(\(s), \(a))", problem: "\(row) is not a distribution over \(observationCount) observations")
        }
        rows.append(row)
        for o in 0..<observationCount {
          let target = transition(s, a, o)
          guard (0..<stateCount).contains(target) else {
            throw LabError.invalidInput(place: "\(place), T(\(s), \(a), \(o))", problem: "state \(target) does not exist")
          }
          table.append(target)
        }
      }
    }
    self.stateCount = stateCount
    self.actionCount = actionCount
    self.observationCount = observationCount
    self.initialState = initialState
    self.kernel = rows
    self.next = table
  }

  /// B(s, a).
  public func observationDistribution(state s: Int, action a: Int) -> [Double] { kernel[s * actionCount + a] }

  /// T(s, a, o).
  public func nextState(_ s: Int, _ a: Int, _ o: Int) -> Int { next[(s * actionCount + a) * observationCount + o] }

  /// Whether every B(s, a) is a point mass: then the process is deterministic, "nothing infra in it".
  public var isDeterministic: Bool { kernel.allSatisfy { row in row.filter { $0 > 0 }.count == 1 } }

  /// The infra-RDP with B′(s, a) = {B(s, a)}: a single distribution is a closed convex set.
  public var infraRDP: InfraRDP {
    InfraRDP(
      unchecked: stateCount, actionCount, observationCount, initialState,
      credalSets: kernel.map { [$0] }, next: next)
  }

  /// The sharp infra-RDP with B(s, a) = supp B(s, a). It has the same falsifiable predictions; for a
  /// deterministic process it is the process itself (every B a singleton).
  public var sharpInfraRDP: SharpInfraRDP {
    let masks = kernel.map { row in row.indices.reduce(UInt64(0)) { row[$1] > 0 ? $0 | (1 << UInt64($1)) : $0 } }
    return SharpInfraRDP(unchecked: stateCount, actionCount, observationCount, initialState, allowed: masks, next: next)
  }
}

/// An infra-RDP (§Regular decision processes): an RDP whose kernel gives, for each (s, a), a closed
/// convex set of distributions over O (the text's □O) among which the environment may choose in any
/// way (Knightian uncertainty). The sets here are polytopes, given by finitely many extreme points;
/// every set the module builds (points, and the sets of a sharp infra-RDP) is of this kind.
public struct InfraRDP: Sendable, Equatable {
  public let stateCount: Int
  public let actionCount: Int
  public let observationCount: Int
  public let initialState: Int
  /// credalSets[s · |A| + a]: the extreme points of B(s, a), each a distribution over O.
  public let credalSets: [[[Double]]]
  /// next[(s · |A| + a) · |O| + o] = T(s, a, o).
  public let next: [Int]

  init(
    unchecked stateCount: Int, _ actionCount: Int, _ observationCount: Int, _ initialState: Int,
    credalSets: [[[Double]]], next: [Int]
  ) {
    self.stateCount = stateCount
    self.actionCount = actionCount
    self.observationCount = observationCount
    self.initialState = initialState
    self.credalSets = credalSets
    self.next = next
  }

  /// - Throws: ``LabError/invalidInput(place:problem:)`` for an empty set or a point that is not a
  ///   distribution, naming (s, a).
  public init(
    stateCount: Int, actionCount: Int, observationCount: Int, initialState: Int = 0,
    extremePoints: (Int, Int) -> [[Double]], transition: (Int, Int, Int) -> Int
  ) throws {
    let place = "infra-RDP"
    try DecisionProcessShape.check(stateCount, actionCount, observationCount, initialState, place: place)
    var sets: [[[Double]]] = []
    var table: [Int] = []
    for s in 0..<stateCount {
      for a in 0..<actionCount {
        let points = extremePoints(s, a)
        guard !points.isEmpty,
          points.allSatisfy({ row in
            row.count == observationCount && row.allSatisfy { $0 >= 0 && $0.isFinite } && (row.reduce(0, +) - 1).magnitude <= 1e-9
          })
        else {
          throw LabError.invalidInput(
            place: "\(place), B(\(s), \(a))", problem: "needs at least one distribution over \(observationCount) observations")
        }
        sets.append(points)
        for o in 0..<observationCount {
          let target = transition(s, a, o)
          guard (0..<stateCount).contains(target) else {
            throw LabError.invalidInput(place: "\(place), T(\(s), \(a), \(o))", problem: "state \(target) does not exist")
          }
          table.append(target)
        }
      }
    }
    self.init(unchecked: stateCount, actionCount, observationCount, initialState, credalSets: sets, next: table)
  }

  public func nextState(_ s: Int, _ a: Int, _ o: Int) -> Int { next[(s * actionCount + a) * observationCount + o] }

  /// V(h, γ) of the infra-RDP by robust value iteration,
  ///
  ///     V(s) = max_a min_{θ ∈ B(s,a)} Σ_o θ(o) [(1 − γ) r(a, o) + γ V(T(s, a, o))],
  ///
  /// the minimum over a polytope being attained at an extreme point. Iterates until successive
  /// values differ by at most `tolerance` · (1 − γ) / γ (then within `tolerance` of the fixed point).
  /// Returns the value of every state; the text's V_i(h, γ) is the value at s₀.
  public func robustValues(reward: [[Double]], discount γ: Double, tolerance: Double = 1e-11) -> [Double] {
    precondition(γ > 0 && γ < 1, "robustValues: the discount must be in (0, 1)")
    var v = [Double](repeating: 0, count: stateCount)
    while true {
      var w = v
      var change = 0.0
      for s in 0..<stateCount {
        var best = -Double.infinity
        for a in 0..<actionCount {
          var worst = Double.infinity
          for θ in credalSets[s * actionCount + a] {
            var expected = 0.0
            for o in 0..<observationCount where θ[o] > 0 {
              expected += θ[o] * ((1 - γ) * reward[a][o] + γ * v[nextState(s, a, o)])
            }
            worst = min(worst, expected)
          }
          best = max(best, worst)
        }
        w[s] = best
        change = max(change, (w[s] - v[s]).magnitude)
      }
      v = w
      if change <= tolerance * (1 - γ) / γ { return v }
    }
  }
}

/// A sharp infra-RDP (§Regular decision processes): B : S × A → 2^O, the set of observations possible
/// after action a in state s. An observation outside B(s, a) falsifies the hypothesis, exactly (the
/// text's Remark: "no ambiguity in deciding whether a hypothesis is falsified").
///
/// B(s, a) is a bitmask over O (so |O| ≤ 64); T(s, a, o) matters only for o ∈ B(s, a), but is
/// stored for every o.
public struct SharpInfraRDP: Sendable, Equatable {
  public let stateCount: Int
  public let actionCount: Int
  public let observationCount: Int
  public let initialState: Int
  /// allowed[s · |A| + a]: bit o set when o ∈ B(s, a).
  public let allowed: [UInt64]
  /// next[(s · |A| + a) · |O| + o] = T(s, a, o).
  public let next: [Int]

  init(unchecked stateCount: Int, _ actionCount: Int, _ observationCount: Int, _ initialState: Int, allowed: [UInt64], next: [Int]) {
    self.stateCount = stateCount
    self.actionCount = actionCount
    self.observationCount = observationCount
    self.initialState = initialState
    self.allowed = allowed
    self.next = next
  }

  /// A sharp infra-RDP from B as sets of observations and T.
  ///
  /// - Throws: ``LabError/invalidInput(place:problem:)`` naming the first empty or out-of-range B(s, a)
  ///   or T(s, a, o), or more than 64 observations.
  public init(
    stateCount: Int, actionCount: Int, observationCount: Int, initialState: Int = 0,
    possible: (Int, Int) -> Set<Int>, transition: (Int, Int, Int) -> Int
  ) throws {
    let place = "sharp infra-RDP"
    try DecisionProcessShape.check(stateCount, actionCount, observationCount, initialState, place: place)
    var masks: [UInt64] = []
    var table: [Int] = []
    for s in 0..<stateCount {
      for a in 0..<actionCount {
        let set = possible(s, a)
        guard !set.isEmpty, set.allSatisfy({ (0..<observationCount).contains($0) }) else {
          throw LabError.invalidInput(
            place: "\(place), B(\(s), \(a))", problem: "\(set.sorted()) must be a non-empty set of observations 0..<\(observationCount)")
        }
        masks.append(set.reduce(UInt64(0)) { $0 | (1 << UInt64($1)) })
        for o in 0..<observationCount {
          let target = transition(s, a, o)
          guard (0..<stateCount).contains(target) else {
            throw LabError.invalidInput(place: "\(place), T(\(s), \(a), \(o))", problem: "state \(target) does not exist")
          }
          table.append(target)
        }
      }
    }
    self.init(unchecked: stateCount, actionCount, observationCount, initialState, allowed: masks, next: table)
  }

  /// ⊤ (the text's Remark): one state, B(s, a) = O for every a. Nothing falsifies it.
  public static func top(actionCount: Int, observationCount: Int) -> SharpInfraRDP {
    precondition(actionCount >= 1 && (1...64).contains(observationCount), "top: bad sizes")
    let all = observationCount == 64 ? UInt64.max : (UInt64(1) << UInt64(observationCount)) - 1
    return SharpInfraRDP(
      unchecked: 1, actionCount, observationCount, 0, allowed: Array(repeating: all, count: actionCount),
      next: Array(repeating: 0, count: actionCount * observationCount))
  }

  /// B(s, a) as a sorted list.
  public func possibleObservations(state s: Int, action a: Int) -> [Int] {
    let mask = allowed[s * actionCount + a]
    return (0..<observationCount).filter { mask & (1 << UInt64($0)) != 0 }
  }

  /// Whether o ∈ B(s, a).
  public func allows(state s: Int, action a: Int, observation o: Int) -> Bool {
    allowed[s * actionCount + a] & (1 << UInt64(o)) != 0
  }

  /// T(s, a, o).
  public func nextState(_ s: Int, _ a: Int, _ o: Int) -> Int { next[(s * actionCount + a) * observationCount + o] }

  /// Whether every B(s, a) is a single observation: a deterministic RDP, "nothing infra in it".
  public var isDeterministic: Bool { allowed.allSatisfy { $0.nonzeroBitCount == 1 } }

  /// Whether T(s, a, o) is the same for every o ∈ B(s, a): the state follows the agent's own actions
  /// only (true of ⊤, of password hypotheses and of the named opponents of the module).
  public var isActionDriven: Bool {
    (0..<stateCount).allSatisfy { s in
      (0..<actionCount).allSatisfy { a in Set(possibleObservations(state: s, action: a).map { nextState(s, a, $0) }).count == 1 }
    }
  }

  /// The same process started in `state`: the text's h^s (appendix, proof of Proposition 1).
  public func started(at state: Int) -> SharpInfraRDP {
    precondition((0..<stateCount).contains(state), "started(at:): no state \(state)")
    return SharpInfraRDP(unchecked: stateCount, actionCount, observationCount, state, allowed: allowed, next: next)
  }

  /// The corresponding infra-RDP (the text's Remark): B′(s, a) = {θ ∈ ΔO : supp θ ⊆ B(s, a)}, the
  /// polytope whose extreme points are the point masses on the observations of B(s, a).
  public var infraRDP: InfraRDP {
    let sets = (0..<stateCount * actionCount).map { index -> [[Double]] in
      (0..<observationCount).filter { allowed[index] & (1 << UInt64($0)) != 0 }.map { o in
        (0..<observationCount).map { $0 == o ? 1.0 : 0.0 }
      }
    }
    return InfraRDP(unchecked: stateCount, actionCount, observationCount, initialState, credalSets: sets, next: next)
  }

  /// The states from which the agent can force a visit to s₀ whatever the observations allowed by B
  /// are: the attractor of s₀ in the game where the agent picks a and the environment an o ∈ B(s, a).
  /// Returns, for each state, the action of a stationary policy that does it (the action at s₀ is the
  /// first one), or `nil` for a state from which s₀ cannot be forced.
  public func resetPolicy() -> [Int?] {
    var policy = [Int?](repeating: nil, count: stateCount)
    var inside = [Bool](repeating: false, count: stateCount)
    inside[initialState] = true
    policy[initialState] = 0
    var changed = true
    while changed {
      changed = false
      for s in 0..<stateCount where !inside[s] {
        for a in 0..<actionCount where possibleObservations(state: s, action: a).allSatisfy({ inside[nextState(s, a, $0)] }) {
          inside[s] = true
          policy[s] = a
          changed = true
          break
        }
      }
    }
    return policy
  }

  /// The text's definition (§Resettable infra-RDPs): for every state s there is a stationary policy
  /// that, followed from s, eventually reaches s₀. "Reaches" is read robustly: whatever observations
  /// B allows (the environment may be Murphy), which is what the proof of Proposition 1 uses ("the
  /// agent can get to s₀ in at most N steps").
  public var isResettable: Bool { resetPolicy().allSatisfy { $0 != nil } }

  /// The state after following `history` (pairs of action and observation) from s₀, or `nil` if an
  /// observation falsifies the hypothesis on the way.
  public func state(after history: [(action: Int, observation: Int)]) -> Int? {
    var s = initialState
    for (a, o) in history {
      guard allows(state: s, action: a, observation: o) else { return nil }
      s = nextState(s, a, o)
    }
    return s
  }
}

/// Shared validation of (S, A, O, s₀).
enum DecisionProcessShape {
  static func check(_ states: Int, _ actions: Int, _ observations: Int, _ initial: Int, place: String) throws {
    guard states >= 1 else { throw LabError.invalidInput(place: place, problem: "needs at least one state, not \(states)") }
    guard actions >= 1 else { throw LabError.invalidInput(place: place, problem: "needs at least one action, not \(actions)") }
    guard (1...64).contains(observations) else {
      throw LabError.invalidInput(place: place, problem: "needs 1 to 64 observations, not \(observations)")
    }
    guard (0..<states).contains(initial) else {
      throw LabError.invalidInput(place: place, problem: "initial state \(initial) is not one of 0..<\(states)")
    }
  }
}
