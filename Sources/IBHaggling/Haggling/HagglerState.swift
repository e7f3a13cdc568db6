import LabKit

/// A haggling agent during one run: the text's five steps with exact falsification.
///
/// Every hypothesis is tracked from its s₀ at t = 0. Tracking is lazy: a hypothesis is brought up
/// to date (its state advanced through the agent's history, or found falsified) only when step 2
/// needs it, that is when its value group is the best one that may still hold a consistent
/// hypothesis; the current hypothesis is advanced every round. The result is exactly that of updating
/// every hypothesis every round (a test checks both), at a fraction of the cost.
///
/// Speed. Step 2 keeps the members of the best group not yet found falsified in ``candidates`` (in
/// member order; a falsified member is dropped for good), and the password phases of hypotheses with
/// the same password are tracked once (``attempt(_:from:to:)``). The rows of the members are read in
/// member order (``MemberTables``), and a candidate left in its password phase is parked in s₀
/// (``catchUpCandidates(to:)``): ``state`` and ``processed`` of a member are exact after
/// ``catchUp(_:to:)``, and between selections a parked member may stand some rounds back.
struct HagglerState {
  static let dead: UInt8 = 0xFF

  let spec: HagglerSpec
  // The space's tables, held directly so that the hot loop touches no nested structure; the
  // transition rows in member order (``MemberTables``).
  private let table: [UInt16]
  private let members: [Int32]
  private let hasGeneral: Bool
  private let generalMasks: [UInt64]
  private let generalNext: [UInt8]
  private let rowWidth: Int
  private let actionCount: Int
  private let observationCount: Int
  /// The policies of the hypotheses (``HypothesisValuation/policy``) and the stride of their states.
  private let policy: [UInt8]
  private let stateStride: Int
  /// state[k]: the state of member k, or `dead`.
  var state: [UInt8]
  /// processed[k]: the round up to which member k's state is current.
  var processed: [Int32]
  /// Groups before this one hold no consistent hypothesis.
  var topGroup = 0
  /// The members of group `candidateGroup` not yet found falsified, in member order.
  private(set) var candidates: [Int32] = []
  private var candidateGroup = -1
  /// The member followed, or -1.
  var current = -1
  var actions: [UInt8] = []
  var observations: [UInt8] = []
  /// Hypothesis updates done (one per hypothesis per round processed, looked up or walked).
  var updates = 0
  /// The password of each member (an index into `passwordWords`, −1 for other kinds).
  private let passwordIDs: [Int32]
  private let passwordWords: [[UInt8]]
  /// The passwords' letters, `passwordStride` per password, and their lengths.
  private let passwordLetters: [UInt8]
  private let passwordLengths: [UInt8]
  private let passwordStride: Int
  /// What an attempt at password p begun in s₀ at round u leads to: 0 not yet known, v > 0 s₀ again
  /// at round v − 1, v < 0 the password completed at round −v − 1. Stored by blocks of
  /// ``attemptBlock`` rounds, and within a block by password, so that the chain of one password's
  /// attempts lies in a few cache lines: the record of (u, p) is at
  /// ⌊u / B⌋ · B · (number of passwords) + p · B + u mod B.
  private var attempts: [Int32] = []
  /// The rounds of a block of ``attempts``.
  static var attemptBlock: Int { 64 }
  /// The last call of ``attempt(_:from:to:)`` and its result: the members of a group visited one
  /// after the other mostly share their password and the round they were last brought up to date.
  private var lastAttempt = (password: -1, from: 0, now: 0, time: 0, state: 0)

  init(spec: HagglerSpec, capacity: Int) {
    self.spec = spec
    let space = spec.valuation.space
    table = spec.tables.rows
    members = spec.members
    hasGeneral = !space.generalMasks.isEmpty
    generalMasks = space.generalMasks
    generalNext = space.generalNext
    actionCount = space.actionCount
    observationCount = space.observationCount
    rowWidth = space.stateStride * space.actionCount
    policy = spec.valuation.policy
    passwordIDs = spec.tables.passwords
    passwordWords = space.passwordWords
    passwordStride = space.passwordStride
    passwordLengths = space.passwordLengthsByID
    passwordLetters = space.passwordLetters
    stateStride = space.stateStride
    if space.customs.isEmpty {
      // Every hypothesis but a caller-given one starts in state 0.
      state = [UInt8](repeating: 0, count: spec.count)
    } else {
      state = spec.members.map { UInt8(space.initialState(Int($0))) }
    }
    processed = [Int32](repeating: 0, count: spec.count)
    actions.reserveCapacity(capacity)
    observations.reserveCapacity(capacity)
    // Room for the record of attempts over the first 1,024 rounds (or `capacity`), so that it grows
    // without copying in most runs.
    let rounds = (min(capacity, 1024) + HagglerState.attemptBlock - 1) / HagglerState.attemptBlock * HagglerState.attemptBlock
    attempts.reserveCapacity(rounds * passwordWords.count)
  }

  var currentHypothesis: Int { Int(spec.members[current]) }

  /// Brings member k up to round `now`; whether it is still consistent.
  ///
  /// A password hypothesis in s₀ does not walk its password phase round by round: the attempt at its
  /// password begun in s₀ at that round is looked up in ``attempts``, which all hypotheses with the same
  /// password share (the password phase never falsifies: B = O there).
  mutating func catchUp(_ k: Int, to now: Int) -> Bool {
    var s = Int(state[k])
    if s == Int(HagglerState.dead) { return false }
    let from = Int(processed[k])
    if from >= now { return true }
    let password = Int(passwordIDs[k])
    let base = k &* rowWidth
    var alive = true
    var t = from
    while t < now {
      if s == 0 && password >= 0 {
        (t, s) = attempt(password, from: t, to: now)
        continue
      }
      let observation = observations[t]
      let offset = s &* actionCount &+ Int(actions[t])
      let entry = table[base &+ offset]
      let code = entry & 0xFF
      t += 1
      if code == 0xFF || code == UInt16(observation) {
        s = Int(entry >> 8)
      } else if code >= 0xFD && hasGeneral, case let index = Int(members[k]) &* rowWidth &+ offset,
        generalMasks[index] & (1 << UInt64(observation)) != 0
      {
        // 0xFD: a relaxed deal (a set of observations), 0xFE: a general hypothesis (the general
        // tables are indexed by hypothesis id, like the space's table).
        s = code == 0xFD ? Int(entry >> 8) : Int(generalNext[index * observationCount + Int(observation)])
      } else {
        alive = false
        break
      }
    }
    updates += t - from
    processed[k] = Int32(t)
    state[k] = alive ? UInt8(s) : HagglerState.dead
    return alive
  }

  /// Where a hypothesis with password `password` (n actions) that is in s₀ at round t stands at round
  /// `now` or earlier: (round c, state n) when the attempts from t complete the password at round
  /// c ≤ now, else (now, i) with i letters of the current attempt matched.
  ///
  /// An attempt begun in s₀ at round u either matches all n letters (state n at round u + n) or
  /// mismatches at letter i, and the hypothesis is back in s₀ at round u + i + 1. Both are facts of the
  /// history, recorded in ``attempts`` (and the chain of restarts from t is then pointed at its end),
  /// so each round is examined about once per password, however many hypotheses share it.
  private mutating func attempt(_ password: Int, from t: Int, to now: Int) -> (time: Int, state: Int) {
    if password == lastAttempt.password && t == lastAttempt.from && now == lastAttempt.now {
      return (lastAttempt.time, lastAttempt.state)
    }
    let result = walkAttempts(password, from: t, to: now)
    lastAttempt = (password, t, now, result.time, result.state)
    return result
  }

  /// ``attempt(_:from:to:)`` through the record of attempts.
  private mutating func walkAttempts(_ password: Int, from t: Int, to now: Int) -> (time: Int, state: Int) {
    let passwords = passwordWords.count
    let blocks = (now + HagglerState.attemptBlock - 1) / HagglerState.attemptBlock
    if attempts.count < blocks * passwords * HagglerState.attemptBlock {
      attempts.append(contentsOf: repeatElement(0, count: blocks * passwords * HagglerState.attemptBlock - attempts.count))
    }
    // The record of round u for this password (see ``attempts``).
    let row = password &* HagglerState.attemptBlock
    let blockSize = passwords &* HagglerState.attemptBlock
    @inline(__always) func slot(_ u: Int) -> Int { (u / HagglerState.attemptBlock) &* blockSize &+ row &+ (u % HagglerState.attemptBlock) }
    let n = Int(passwordLengths[password])
    let letters = passwordLetters
    let actions = self.actions
    let start = password * passwordStride
    return attempts.withUnsafeMutableBufferPointer { memo in
      var u = t
      var result: (time: Int, state: Int)
      while true {
        if u >= now {
          result = (now, 0)
          break
        }
        // A recorded outcome past `now` (from a longer history than this call's) is not used.
        let known = Int(memo[slot(u)])
        if known < 0 && -known - 1 <= now {
          result = (-known - 1, n)
          break
        }
        if known > 0 && known - 1 <= now {
          u = known - 1
          continue
        }
        var i = 0
        while i < n && u + i < now && actions[u + i] == letters[start + i] { i += 1 }
        if i == n {
          memo[slot(u)] = Int32(-(u + n + 1))
          result = (u + n, n)
          break
        }
        if u + i >= now {
          result = (now, i)
          break
        }
        memo[slot(u)] = Int32(u + i + 2)
        u += i + 1
      }
      // Every attempt on the chain from t leads where the last one (at u) does.
      let link = result.state == n ? Int32(-(result.time + 1)) : Int32(u + 1)
      var v = t
      while v != u {
        let next = Int(memo[slot(v)]) - 1
        memo[slot(v)] = link
        v = next
      }
      return result
    }
  }

  /// Brings every candidate up to round `now` and drops the falsified ones, keeping the order.
  ///
  /// A password hypothesis left in its password phase, in state s < n at `now`, is recorded as it was
  /// s rounds before: in s₀ at round now − s (the only way into s_s is s matched letters from s₀). It
  /// is then brought up to date at the next visit by the record of attempts alone, whose last answer is
  /// shared by the members visited after it with the same password and round (most of a group), so a
  /// parked member costs a few reads of its own entries and no table walk. The s rounds are counted
  /// again when they are walked again, so they are taken off ``updates`` here.
  mutating func catchUpCandidates(to now: Int) {
    var kept = 0
    for position in candidates.indices {
      let k = Int(candidates[position])
      let password = Int(passwordIDs[k])
      // Parked in s₀ at round u with n letters to match: its password cannot complete before round
      // u + n, so up to `now` ≤ u + n it stays in its password phase and cannot be falsified.
      if password >= 0 && state[k] == 0 && Int(processed[k]) + Int(passwordLengths[password]) >= now {
        candidates[kept] = Int32(k)
        kept += 1
        continue
      }
      guard catchUp(k, to: now) else { continue }
      let s = Int(state[k])
      if s > 0 && password >= 0 && s < Int(passwordLengths[password]) {
        state[k] = 0
        processed[k] = Int32(now - s)
        updates -= s
      }
      candidates[kept] = Int32(k)
      kept += 1
    }
    candidates.removeLast(candidates.count - kept)
  }

  /// Steps 1–3: the consistent hypotheses of the best value group (C_opt), and one drawn from the
  /// prior conditioned on them. Returns the member chosen.
  mutating func select(now: Int, random: Random) -> Int {
    let groups = spec.groupStarts.count - 1
    while topGroup < groups {
      if candidateGroup != topGroup {
        candidates.removeAll(keepingCapacity: true)
        candidates.append(contentsOf: spec.groupStarts[topGroup]..<spec.groupStarts[topGroup + 1])
        candidateGroup = topGroup
      }
      catchUpCandidates(to: now)
      if !candidates.isEmpty {
        current = Int(candidates[drawCandidate(random)])
        _ = catchUp(current, to: now)  // out of its parking (see catchUpCandidates)
        return current
      }
      topGroup += 1
    }
    preconditionFailure("haggling: no consistent hypothesis, but ⊤ is never falsified")
  }

  /// The position in ``candidates`` of one drawn with probability proportional to its prior weight:
  /// `Random.categorical` over the candidates' weights, without building the array of weights (the
  /// same sum in the same order, the same single uniform draw, the same scan).
  private func drawCandidate(_ random: Random) -> Int {
    let weights = spec.weights
    var total = 0.0
    for k in candidates { total += weights[Int(k)] }
    precondition(total > 0 && total.isFinite, "Random.categorical: weights must have a positive finite sum")
    var target = random.uniform() * total
    for (position, k) in candidates.enumerated() {
      target -= weights[Int(k)]
      if target < 0 { return position }
    }
    return candidates.lastIndex { weights[Int($0)] > 0 } ?? 0
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
  var action: Int { Int(policy[Int(members[current]) &* stateStride &+ Int(state[current])]) }

  /// The state of the current hypothesis.
  var currentState: Int { Int(state[current]) }

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
