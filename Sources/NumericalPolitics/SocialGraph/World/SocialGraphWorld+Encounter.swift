import Foundation
import LabKit

/// Chapter 3 of Numerical Politics: the encounter game and the Q-functions of the ties (§3.1).
extension SocialGraphWorld {
  /// The side of a tie that moves at `position`: 0 the responder (first mover), 1 the initiator.
  @inline(__always)
  static func side(at position: Int) -> Int { position & 1 }

  @inline(__always)
  func tableBase(_ tie: Int, side: Int) -> Int { (2 &* tie &+ side) &* tableSize }

  /// The best Q-value at `code` over the moves the body can make (goodbye excluded on request), and
  /// the move (the first in move order on ties).
  @inline(__always)
  func bestMove(_ tie: Int, side: Int, code: Int, body: FeudalBody, excludingGoodbye: Bool) -> (value: Double, move: EncounterMove) {
    let base = tableBase(tie, side: side) &+ code &* EncounterMove.count
    return Self.best(body: body, rules: rules, excludingGoodbye: excludingGoodbye) { q[base &+ $0] }
  }

  /// The best of the Q-values `value(move)` over the moves `body` allows (goodbye excluded on request),
  /// the first in move order on ties: the greedy choice of every Q-table of the chapter-3 model.
  @inline(__always)
  static func best(body: FeudalBody, rules: BodyRules, excludingGoodbye: Bool, value: (Int) -> Float) -> (value: Double, move: EncounterMove) {
    var best = -Double.infinity, bestMove = EncounterMove.sayZero
    for move in EncounterMove.allCases {
      if excludingGoodbye && move == .goodbye { continue }
      guard rules.allows(move, body) else { continue }
      let v = Double(value(move.rawValue))
      if v > best { best = v; bestMove = move }
    }
    return (best, bestMove)
  }

  /// §3.1.2: the initiator's posterior probability that the tie's responder is a deviant, from the
  /// context's estimated fraction of deviants Δ̂ and the evidence of the responder's moves.
  func deviantProbability(_ tie: SocialTie) -> Double {
    let prior = min(max(deviantEstimates[Int(tie.context)], 1e-9), 1 - 1e-9)
    let logOdds = log(prior / (1 - prior)) + tie.deviantEvidence
    return 1 / (1 + exp(-min(max(logOdds, -700), 700)))
  }

  /// The initiator's expected gain of starting an encounter along `tie`.
  ///
  /// With ``SocialGraphSettings/OthersModel/experience`` it is the learned value of starting. With
  /// ``SocialGraphSettings/OthersModel/conformist`` it is §3.1.2's "posterior action distribution
  /// given encounter history, and so an expected quality": the responder's first move b is predicted
  /// as (1 − d) π̂_n(b | start) + d / |A|, d the posterior probability that it deviates, and each b is
  /// worth its effect on the initiator's body plus the initiator's best Q-value after it (a goodbye
  /// is worth 0: nothing happens). The new tie's benefit of the doubt is added, decaying as the
  /// tie is used at the rate the learned value would forget it: `newTieOptimism` · (1 − α)^uses.
  func initiationGain(_ tieIndex: Int) -> Double {
    let tie = ties[tieIndex]
    guard settings.othersModel == .conformist else { return tie.start }
    let agent = Int(tie.initiator)
    let body = bodies[agent]
    let worth = bodyValue.worth(body)
    let d = deviantProbability(tie)
    let norm = norms[Int(tie.context)]
    let start = HistoryCode(position: 0, last: nil)
    var expected = 0.0
    for move in EncounterMove.allCases where move != .goodbye {
      let p = (1 - d) * norm.probability(of: move, at: start) + d / Double(EncounterMove.count)
      guard p > 0 else { continue }
      var mine = body
      var theirs = FeudalBody(land: 1, corn: rules.cornGift, labour: 1)
      rules.apply(move, mover: &theirs, other: &mine)
      let after = bodyValue.worth(mine)
      let code = HistoryCode.index(position: 1, last: move)
      let next = settings.maximumMoves > 1 ? bestMove(tieIndex, side: 1, code: code, body: mine, excludingGoodbye: false).value : 0
      expected += p * (after - worth + next)
    }
    let uses = Double(tie.encounters + tie.refusals)
    return expected + settings.newTieOptimism * pow(1 - settings.tieLearningRate, uses)
  }

  /// Chooses the move of `mover` (on `side` of `tie`) at `code`: a deviant samples its own policy; an
  /// agent imitates the context's empirical policy with probability `imitationWeight`; otherwise
  /// ε-greedy on its Q-function. Only moves the body allows are chosen (a policy's distribution is
  /// renormalised over them), and never goodbye when `excludingGoodbye`.
  mutating func chooseMove(_ tie: Int, side: Int, mover: Int, code: HistoryCode, excludingGoodbye: Bool) -> EncounterMove {
    let body = bodies[mover]
    if let policy = deviantPolicies[mover] {
      return sample(policy, at: code, body: body, excludingGoodbye: excludingGoodbye)
    }
    if settings.imitationWeight > 0 && uniform() < settings.imitationWeight {
      return sample(empiricalPolicies[Int(ties[tie].context)], at: code, body: body, excludingGoodbye: excludingGoodbye)
    }
    if uniform() < settings.exploration {
      return sample(nil, at: code, body: body, excludingGoodbye: excludingGoodbye)
    }
    return bestMove(tie, side: side, code: code.index, body: body, excludingGoodbye: excludingGoodbye).move
  }

  /// A draw from `policy` at `code` (uniform when nil), restricted to the moves the body allows.
  mutating func sample(_ policy: TabularPolicy?, at code: HistoryCode, body: FeudalBody, excludingGoodbye: Bool) -> EncounterMove {
    var weights = SIMD8<Double>.zero  // one lane per move (7 used): no allocation in the hot loop
    var total = 0.0
    for move in EncounterMove.allCases {
      if excludingGoodbye && move == .goodbye { continue }
      guard rules.allows(move, body) else { continue }
      let w = policy?.probability(of: move, at: code) ?? 1
      weights[move.rawValue] = w
      total += w
    }
    if total <= 0 {  // the policy gives no weight to any allowed move: fall back to uniform
      for move in EncounterMove.allCases where !(excludingGoodbye && move == .goodbye) && rules.allows(move, body) {
        weights[move.rawValue] = 1
        total += 1
      }
    }
    var u = uniform() * total
    for k in 0..<EncounterMove.count where weights[k] > 0 {
      u -= weights[k]
      if u < 0 { return EncounterMove(rawValue: k)! }
    }
    return EncounterMove(rawValue: (0..<EncounterMove.count).last { weights[$0] > 0 }!)!
  }

  /// One encounter along `tieIndex`, which its initiator has chosen expecting `initiatorGain` > 0.
  ///
  /// The responder moves first: it declines (goodbye) unless its value of accepting is positive; when
  /// it accepts, that value is pulled towards its best Q-value for the opening move.
  /// Every decision's Q-value is then updated, at the mover's next decision or at the end, towards
  /// the change in the mover's body worth D plus its best Q-value at the next decision (discount 1
  /// within the encounter; 0 after the end). The initiator's value of starting is updated the same
  /// way at its first decision (towards 0 when the responder declines).
  mutating func encounter(_ tieIndex: Int, initiatorGain: Double) {
    let tie = ties[tieIndex]
    let alpha = settings.tieLearningRate
    let startWorth = bodyValue.worth(bodies[Int(tie.initiator)])
    scratch.removeAll(keepingCapacity: true)

    // The responder's consent: it must expect to gain from accepting (unless it is forced, the
    // control world of np.ch3.mutual-consent).
    let opening = tie.accept
    guard opening > 0 || settings.forcedResponse else {
      refuse(tieIndex, tie: tie, alpha: alpha)
      return
    }
    // Mutual consent, checked from the model rather than assumed, on every encounter that opens
    // (where a violation could occur): both sides expected to gain.
    record.consentedEncounters += 1
    if !(initiatorGain > 0 && opening > 0) { record.consentViolations += 1 }
    let bestOpening = bestMove(tieIndex, side: 0, code: 0, body: bodies[Int(tie.responder)], excludingGoodbye: true).value
    ties[tieIndex].accept += alpha * (bestOpening - tie.accept)

    var decisions = EncounterDecisions()
    playMoves(tieIndex, tie: tie, alpha: alpha, startWorth: startWorth, decisions: &decisions)
    settle(tieIndex, tie: tie, alpha: alpha, startWorth: startWorth, decisions: decisions)
    ties[tieIndex].encounters += 1
    record.moves += scratch.count
    observe(context: Int(tie.context))
  }

  /// The responder declines: the initiator's value of starting is pulled towards 0, the refusal is
  /// counted, and the one-move history (goodbye) may enter the context's public buffer.
  @inline(__always)
  private mutating func refuse(_ tieIndex: Int, tie: SocialTie, alpha: Double) {
    ties[tieIndex].start += alpha * (0 - tie.start)
    ties[tieIndex].refusals += 1
    record.refusals += 1
    scratch.append(.goodbye)
    observe(context: Int(tie.context))
  }

  /// The moves of an accepted encounter, responder first, until the rules end it: at each decision
  /// the mover's previous decision is updated (see ``learnFromPreviousDecision``), then it chooses
  /// and applies its move, which is kept in `scratch`; a responder's move adds to the evidence that
  /// it deviates from the context's norm (conformist model only).
  @inline(__always)
  private mutating func playMoves(
    _ tieIndex: Int, tie: SocialTie, alpha: Double, startWorth: Double, decisions: inout EncounterDecisions
  ) {
    let initiator = Int(tie.initiator), responder = Int(tie.responder)
    var last: EncounterMove? = nil
    var position = 0
    let conformist = settings.othersModel == .conformist
    while true {
      let side = Self.side(at: position)
      let mover = side == 0 ? responder : initiator
      let code = HistoryCode(position: position, last: last)
      let worth = bodyValue.worth(bodies[mover])
      let earlier = side == 0 ? decisions.code.0 : decisions.code.1
      if earlier >= 0 || side == 1 {
        let ahead = bestMove(tieIndex, side: side, code: code.index, body: bodies[mover], excludingGoodbye: false).value
        learnFromPreviousDecision(
          tieIndex, side: side, earlier: earlier, worth: worth, ahead: ahead, alpha: alpha, startWorth: startWorth,
          decisions: decisions)
      }
      let move = chooseMove(tieIndex, side: side, mover: mover, code: code, excludingGoodbye: position == 0)
      if side == 0 {
        decisions.code.0 = code.index; decisions.move.0 = move; decisions.worth.0 = worth
        if conformist {
          let p = max(norms[Int(tie.context)].probability(of: move, at: code), 1e-9)
          ties[tieIndex].deviantEvidence += log(1 / Double(EncounterMove.count)) - log(p)
        }
      } else {
        decisions.code.1 = code.index; decisions.move.1 = move; decisions.worth.1 = worth
      }
      applyMove(move, tieIndex, side: side)
      scratch.append(move)
      if EncounterRules.ends(after: move, previous: last, position: position, maximumMoves: settings.maximumMoves) { break }
      last = move
      position += 1
    }
  }

  /// At a decision of `side` whose body is now worth `worth` and whose best Q-value here is `ahead`:
  /// updates the Q-value of its previous decision (taken at code `earlier`) towards the change in
  /// worth since then plus `ahead`, or, at the initiator's first decision, its value of starting
  /// towards the change since the start plus `ahead`.
  @inline(__always)
  private mutating func learnFromPreviousDecision(
    _ tieIndex: Int, side: Int, earlier: Int, worth: Double, ahead: Double, alpha: Double, startWorth: Double,
    decisions: EncounterDecisions
  ) {
    if earlier >= 0 {
      let move = side == 0 ? decisions.move.0 : decisions.move.1
      let before = side == 0 ? decisions.worth.0 : decisions.worth.1
      let index = tableBase(tieIndex, side: side) + earlier * EncounterMove.count + move.rawValue
      q[index] += Float(alpha * (worth - before + ahead - Double(q[index])))
    } else {
      ties[tieIndex].start += alpha * (worth - startWorth + ahead - ties[tieIndex].start)
    }
  }

  /// Terminal updates: each side's last decision is pulled towards the change in its worth since
  /// then (nothing follows the end); an initiator that never decided has its value of starting
  /// pulled towards the change since the start.
  @inline(__always)
  private mutating func settle(
    _ tieIndex: Int, tie: SocialTie, alpha: Double, startWorth: Double, decisions: EncounterDecisions
  ) {
    let initiator = Int(tie.initiator), responder = Int(tie.responder)
    for side in 0...1 {
      let earlier = side == 0 ? decisions.code.0 : decisions.code.1
      let mover = side == 0 ? responder : initiator
      let worth = bodyValue.worth(bodies[mover])
      if earlier >= 0 {
        let move = side == 0 ? decisions.move.0 : decisions.move.1
        let before = side == 0 ? decisions.worth.0 : decisions.worth.1
        let index = tableBase(tieIndex, side: side) + earlier * EncounterMove.count + move.rawValue
        q[index] += Float(alpha * (worth - before - Double(q[index])))
      } else if side == 1 {
        ties[tieIndex].start += alpha * (worth - startWorth - ties[tieIndex].start)
      }
    }
  }

  /// Applies `move` by the tie's `side` and books the transfer on the tie and in the record.
  mutating func applyMove(_ move: EncounterMove, _ tieIndex: Int, side: Int) {
    let tie = ties[tieIndex]
    let mover = Int(side == 0 ? tie.responder : tie.initiator)
    let other = Int(side == 0 ? tie.initiator : tie.responder)
    var moverBody = bodies[mover], otherBody = bodies[other]
    rules.apply(move, mover: &moverBody, other: &otherBody)
    bodies[mover] = moverBody
    bodies[other] = otherBody
    let sign = side == 1 ? 1.0 : -1.0
    switch move {
    case .giveLand:
      ties[tieIndex].landGiven += sign * rules.landGift
    case .giveCorn:
      ties[tieIndex].cornGiven += sign * rules.cornGift
      record.cornGiven[mover] += rules.cornGift; record.cornReceived[other] += rules.cornGift
    case .giveLabour:
      ties[tieIndex].labourGiven += sign * rules.labourGift
      record.labourGiven[mover] += rules.labourGift; record.labourReceived[other] += rules.labourGift
    default: break
    }
    record.moveCounts[move.rawValue] += 1
  }

  /// Copies the history in `scratch` into the context's public buffer with the sampling probability.
  mutating func observe(context: Int) {
    if uniform() < settings.bufferSampleProbability { buffers[context].append(scratch) }
  }
}

/// Each side's last decision in the encounter under way (0 the responder, 1 the initiator): the
/// history code it was taken at (-1 before the side's first decision), the move, and the mover's
/// body worth then. Plain tuples: nothing is allocated per encounter.
private struct EncounterDecisions {
  var code = (-1, -1)
  var move = (EncounterMove.goodbye, EncounterMove.goodbye)
  var worth = (0.0, 0.0)
}
