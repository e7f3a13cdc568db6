import Foundation
import GameTheory
import LabKit

/// §How to describe hypotheses? and §Resettable infra-RDPs: the text's examples of hypotheses, ⊤,
/// resettability, and the sizes of the enumerated spaces.
///
/// Standards, fixed before the runs:
/// - tit-for-tat: the RDP is deterministic (every kernel a point mass), so its sharp infra-RDP has
///   singleton B everywhere; it equals the hypothesis built from GameTheory's TitForTat machine, and
///   no round of any transcript of TitForTat (against the deterministic classics and random players)
///   falsifies it.
/// - ε-defect: against an ε-defect bot (and a uniformly random agent), ⊤ survives, and every hypothesis
///   whose prediction was tested at least `testThreshold` times is falsified (surviving k tests has
///   probability at most max(ε, 1 − ε)^k); and among the deterministic opponents with at most n states,
///   those whose long-run defection rate is closest to 1/n are exactly the rotations of
///   "cooperate n − 1 times, then defect", for every n up to `largestBot`.
/// - grim: not resettable; from the state after a defection the largest reward any allowed outcome
///   pays is 1, and the value there is 1, against R = 2 from the start.
/// - ⊤: B(s, a) = O for every action, and ⊤ is consistent at the end of every history simulated here.
public struct HypothesesExperiment: Experiment {
  public init() {}

  public let id = "ibh.hypotheses"
  public let title = "Hypotheses: regular decision processes, ⊤, resettability, password spaces"
  public let sections = ["§Regular decision processes", "§Resettable infra-RDPs", "§Which hypotheses are in the hypothesis space?"]

  public static let titForTatClaim = Claim(
    id: "ibh.tit-for-tat", source: "§Regular decision processes, Example", kind: .example,
    statement: "\"My opponent follows the tit-for-tat strategy\" can be represented as a sharp infra-RDP; it is just a deterministic RDP, with nothing \"infra\" in it.")
  public static let epsilonDefectClaim = Claim(
    id: "ibh.epsilon-defect", source: "§Regular decision processes, Example", kind: .example,
    statement: "The ε-defect strategy cannot be a hypothesis on its own; it is represented as part of ⊤. The closest thing to the 1/n-defect bot in the hypothesis space is a deterministic bot that cooperates n − 1 times and then defects once.")
  public static let grimClaim = Claim(
    id: "ibh.grim-trap", source: "§Resettable infra-RDPs", kind: .example,
    statement: "Against Grim, if you defect on the first try you will never be able to get a reward bigger than 1: a trap, so such hypotheses are not resettable.")
  public static let topClaim = Claim(
    id: "ibh.top-never-falsified", source: "§Regular decision processes, Remark", kind: .claim,
    statement: "⊤ (one state, B(s, a) = O) is in every agent's hypothesis space and always remains unfalsified, so the set C of consistent hypotheses is never empty.")

  public var claims: [Claim] { [Self.titForTatClaim, Self.epsilonDefectClaim, Self.grimClaim, Self.topClaim] }

  public var parameters: [Parameter] {
    [
      Parameter("countUpTo", "Largest bound N for which the 2 × 2 spaces are enumerated (3-player spaces up to N − 2); larger N use the formula.",
                domain: .integer(2...8), smoke: .integer(5), standard: .integer(7), paper: .integer(8)),
      Parameter("maximumStates", "N of the space tracked against the ε-defect bot (passwords, opponent cycles, tit-for-tat and Grim).",
                domain: .integer(2...8), smoke: .integer(4), standard: .integer(5), paper: .integer(6)),
      Parameter("epsilon", "ε of the ε-defect bot.", domain: .real(lower: 0, upper: 0.5, lowerIncluded: false, upperIncluded: true), default: .real(0.1)),
      Parameter("epsilonRounds", "Rounds played against the ε-defect bot by a uniformly random agent.",
                domain: .integer(100...10_000_000), smoke: .integer(5_000), standard: .integer(50_000), paper: .integer(500_000)),
      Parameter("testThreshold", "A hypothesis whose prediction was tested this many times must have been falsified.",
                domain: .integer(10...10_000), default: .integer(200)),
      Parameter("largestBot", "The 1/n-defect comparison is made for n = 2 … largestBot.", domain: .integer(2...10), smoke: .integer(6), standard: .integer(8), paper: .integer(10)),
      Parameter("randomOpponents", "Random players TitForTat is run against (200 rounds each).", domain: .integer(1...10_000), smoke: .integer(10), standard: .integer(100), paper: .integer(1000)),
    ]
  }

  public func simulate(in context: RunContext) throws -> ExperimentResult {
    let p = context.parameters
    let pd = HagglingGames.prisonersDilemma()
    let view = try AgentView(game: pd, player: 0)
    let exact = try view.requireExactRewards()

    // Space sizes.
    var counts = Table(id: "ibh.hypotheses.counts", title: "Hypotheses per agent: ⊤ and h_{p,l} with n, m ≥ 1, n + m ≤ N states, primitive loops (all rotations)",
                       columns: ["N", "2 players, 2 actions: enumerated", "formula", "the notes", "3 players, 2 actions: enumerated", "formula", "the notes"])
    let notes2 = [2: 9, 3: 49, 4: 249, 5: 1_129, 6: 4_929, 7: 20_569, 8: 84_609]
    let notes3 = [2: 17, 3: 161, 4: 1_457, 5: 12_113, 6: 98_945, 7: 795_761, 8: 6_383_681]
    for n in 2...8 {
      let two = n <= p.integer("countUpTo") ? try HypothesisSpace(actionCount: 2, observationCount: 2, options: .init(maximumStates: n)).count : nil
      let three = n <= p.integer("countUpTo") - 2 ? try HypothesisSpace(actionCount: 2, observationCount: 4, options: .init(maximumStates: n)).count : nil
      let f2 = HypothesisSpace.passwordCount(actionCount: 2, observationCount: 2, maximumStates: n)
      let f3 = HypothesisSpace.passwordCount(actionCount: 2, observationCount: 4, maximumStates: n)
      counts.append([.integer(n), two.map { .integer($0) } ?? "–", .integer(f2), .integer(notes2[n]!), three.map { .integer($0) } ?? "–", .integer(f3), .integer(notes3[n]!)])
    }

    // Examples.
    let tft = ExampleProcesses.titForTat
    let grim = try SharpInfraRDP.opponent(.grudger)
    let stag = HagglingGames.stagHunt()
    let stagView = try AgentView(game: stag, player: 0)
    let examples: [(String, SharpInfraRDP, AgentView, String)] = [
      ("⊤", .top(actionCount: 2, observationCount: 2), view, "PD"),
      ("tit-for-tat (RDP with point masses)", tft.sharpInfraRDP, view, "PD"),
      ("Grim (GameTheory's Grudger)", grim, view, "PD"),
      ("cooperate 3 times, then defect (nearest to the 1/4-defect bot)", try .opponentCycle([0, 0, 0, 1], actionCount: 2, observationCount: 2), view, "PD"),
      ("h_{p,l}: p = D, l = (C,C)", try .password([1], loop: [(0, 0)], actionCount: 2, observationCount: 2), view, "PD"),
      ("h_{p,l}: p = D, l = (C,C)(C,D)", try .password([1], loop: [(0, 0), (0, 1)], actionCount: 2, observationCount: 2), view, "PD"),
      ("h_{p,l}: p = C C, l = (D,C) (exploitation)", try .password([0, 0], loop: [(1, 0)], actionCount: 2, observationCount: 2), view, "PD"),
      ("h_p: p = hare stag, Pareto-optimal (stag, stag)", try .simplePassword([1, 0], paretoAction: 0, paretoObservation: 0, actionCount: 2, observationCount: 2), stagView, "stag hunt"),
    ]
    var exampleTable = Table(id: "ibh.hypotheses.examples", title: "Example hypotheses: structure and value (PD with (R, S, T, P) = (2, 0, 3, 1); stag hunt (2, 0, 1, 1))",
                             columns: ["hypothesis", "game", "states", "deterministic RDP", "resettable", "V(h, 0.9)", "V(h, 0.99)", "lim γ→1 V(h, γ)", "policy (by state)"])
    for (name, h, v, game) in examples {
      let v09 = h.robustValue(reward: v.reward, discount: 0.9)
      let v099 = h.robustValue(reward: v.reward, discount: 0.99)
      let actionNames = v.game.actions[0]
      exampleTable.append([.text(name), .text(game), .integer(h.stateCount), .text(h.isDeterministic ? "yes" : "no"), .text(h.isResettable ? "yes" : "no"),
                           .real(v09.initialValue, digits: 4), .real(v099.initialValue, digits: 4), .text(h.limitValue(reward: try v.requireExactRewards()).description),
                           .text(v099.policy.map { actionNames[$0] }.joined(separator: " "))])
    }

    // Tit-for-tat.
    let tftSharp = tft.sharpInfraRDP
    let fromMachine = try SharpInfraRDP.opponent(.titForTat)
    let singleton = tftSharp.allowed.allSatisfy { $0.nonzeroBitCount == 1 }
    let match = try RepeatedMatch(turns: 200)
    var transcripts = 0
    var falsified = 0
    var opponents = FiniteMemoryStrategy.deterministicClassics
    opponents += try (0..<p.integer("randomOpponents")).map { _ in try FiniteMemoryStrategy.random(cooperationProbability: 0.5) }
    let random = context.random(stream: "tit-for-tat")
    for opponent in opponents {
      let result = try match.play(.titForTat, opponent, random: random, transcript: true)
      let history = result.transcript!.map { (action: Int($0.second.rawValue), observation: Int($0.first.rawValue)) }
      transcripts += 1
      if tftSharp.state(after: history) == nil { falsified += 1 }
    }
    let tftHolds = tft.isDeterministic && singleton && tftSharp == fromMachine && falsified == 0
    let tftEvidence = Evidence(
      summary: "The tit-for-tat RDP has point-mass kernels (deterministic: \(tft.isDeterministic)), so its sharp infra-RDP has \(tftSharp.allowed.filter { $0.nonzeroBitCount == 1 }.count) singleton sets B(s, a) out of \(tftSharp.allowed.count); it is identical to the hypothesis built from GameTheory's TitForTat machine (\(tftSharp == fromMachine)). Over \(transcripts) transcripts of TitForTat (200 rounds against the \(FiniteMemoryStrategy.deterministicClassics.count) deterministic classics and \(p.integer("randomOpponents")) random players), \(falsified) falsified it.",
      measurements: [.init("deterministic", tft.isDeterministic), .init("singleton B(s, a)", singleton), .init("equals GameTheory's TitForTat", tftSharp == fromMachine),
                     .init("transcripts", transcripts), .init("transcripts falsifying it", falsified)],
      tolerance: "exact", sampleSize: transcripts)

    // ε-defect: tracking against the bot.
    let ε = p.real("epsilon")
    let threshold = p.integer("testThreshold")
    let space = try HypothesisSpace(actionCount: 2, observationCount: 2, options: .init(maximumStates: p.integer("maximumStates"), opponentCycles: true),
                                    custom: [(tftSharp, 4), (grim, 4)])
    let rounds = p.integer("epsilonRounds")
    let tracking = Self.trackAgainstEpsilonBot(space: space, ε: ε, rounds: rounds, random: context.random(stream: "epsilon-defect"))
    var epsilonTable = Table(id: "ibh.hypotheses.epsilon-defect",
                             title: "Hypotheses (N = \(p.integer("maximumStates")), with opponent cycles, tit-for-tat and Grim) against an ε-defect bot, ε = \(DecimalFormat.compact(ε)), \(rounds) rounds of a uniformly random agent",
                             columns: ["times the prediction was tested", "hypotheses", "still consistent", "bound on survival, max(ε, 1 − ε)^k"])
    let buckets = [(0, 0), (1, 9), (10, 49), (50, threshold - 1), (threshold, Int.max)]
    for (low, high) in buckets where low <= high {
      let members = (0..<space.count).filter { tracking.tests[$0] >= low && tracking.tests[$0] <= high }
      let alive = members.filter { tracking.alive[$0] }.count
      let bound = low == 0 ? 1 : Foundation.pow(max(ε, 1 - ε), Double(low))
      epsilonTable.append([.text(high == Int.max ? "≥ \(low)" : (low == high ? "\(low)" : "\(low)–\(high)")), .integer(members.count), .integer(alive),
                           .text(DecimalFormat.compact(bound, significant: 3))])
    }
    let topAlive = tracking.alive[0]
    let heavilyTestedSurvivors = (0..<space.count).filter { tracking.tests[$0] >= threshold && tracking.alive[$0] }
    let untestedSurvivors = (0..<space.count).filter { tracking.tests[$0] == 0 && tracking.alive[$0] }
    // Nearest deterministic bot to the 1/n-defect bot.
    var botTable = Table(id: "ibh.hypotheses.nearest-bot", title: "Deterministic opponents with at most n states (eventually periodic move sequences) closest to the 1/n-defect bot in long-run defection rate",
                         columns: ["n", "distinct opponents", "closest rate", "opponents at that rate", "they are the rotations of C^(n−1) D", "next closest rate"])
    var nearestHolds = true
    for n in 2...p.integer("largestBot") {
      let bots = Self.autonomousBots(maximumStates: n)
      let distances = bots.map { abs(Double($0.cycle.filter { $0 == 1 }.count) / Double($0.cycle.count) - 1 / Double(n)) }
      let best = distances.min()!
      let closest = bots.indices.filter { distances[$0] == best }
      let target = Array(repeating: 0, count: n - 1) + [1]
      let rotations = Set((0..<n).map { r in Array(target[r...] + target[..<r]) })
      let isRotations = closest.count == n && closest.allSatisfy { bots[$0].prefix.isEmpty && rotations.contains(bots[$0].cycle) }
      nearestHolds = nearestHolds && best == 0 && isRotations
      let next = distances.filter { $0 > best }.min() ?? .nan
      botTable.append([.integer(n), .integer(bots.count), .text("1/\(n)"), .integer(closest.count), .text(isRotations ? "yes" : "no"),
                       .text(DecimalFormat.compact(1 / Double(n) + next, significant: 4) + " or " + DecimalFormat.compact(1 / Double(n) - next, significant: 4))])
    }
    let epsilonHolds = topAlive && heavilyTestedSurvivors.isEmpty && nearestHolds
    let epsilonEvidence = Evidence(
      summary: "The ε-defect bot puts positive probability on both moves every round, so its support is O everywhere: as a sharp hypothesis it is ⊤. After \(rounds) rounds against it (ε = \(DecimalFormat.compact(ε))), \(tracking.alive.filter { $0 }.count) of the \(space.count) hypotheses are still consistent: ⊤ (\(topAlive ? "consistent" : "FALSIFIED")) and \(untestedSurvivors.count - (topAlive ? 1 : 0)) others whose predictions were never tested; \(heavilyTestedSurvivors.count) hypotheses tested at least \(threshold) times survived. Among deterministic opponents with at most n states, those closest to the 1/n-defect bot are exactly the n rotations of \"cooperate n − 1 times, then defect\" for every n = 2 … \(p.integer("largestBot")): \(nearestHolds).",
      measurements: [.init("hypotheses", space.count), .init("consistent at the end", tracking.alive.filter { $0 }.count), .init("⊤ consistent", topAlive),
                     .init("survivors tested ≥ \(threshold) times", heavilyTestedSurvivors.count), .init("nearest bots are the rotations of C^(n−1) D", nearestHolds)],
      tolerance: "no survivor among hypotheses tested at least \(threshold) times (probability of one surviving ≤ \(DecimalFormat.compact(Foundation.pow(1 - ε, Double(threshold)), significant: 2)) each); exact for the nearest bots",
      sampleSize: rounds, counterexample: heavilyTestedSurvivors.first.map { "\(space.label($0)) survived \(tracking.tests[$0]) tests" })

    // Grim.
    let grimStart = grim.robustValue(reward: view.reward, discount: 0.99)
    let afterDefection = grim.nextState(0, 1, 0)
    let reachable = Self.reachableStates(grim, from: afterDefection)
    let largestReward = reachable.flatMap { s in (0..<2).flatMap { a in grim.possibleObservations(state: s, action: a).map { view.reward[a][$0] } } }.max()!
    let trappedLimit = grim.started(at: afterDefection).limitValue(reward: exact)
    let grimHolds = !grim.isResettable && largestReward == 1 && trappedLimit == Rational(1) && grim.limitValue(reward: exact) == Rational(2)
    let grimEvidence = Evidence(
      summary: "Grim as a hypothesis has 2 states; after a first-round defection it is in state \(afterDefection), from which the states reachable are \(reachable) and the largest reward of any allowed outcome is \(DecimalFormat.compact(largestReward)) (text: never above 1). Its value there is \(trappedLimit) in the limit (\(DecimalFormat.fixed(grimStart.values[afterDefection], digits: 4)) at γ = 0.99), against \(grim.limitValue(reward: exact)) from the start (\(DecimalFormat.fixed(grimStart.initialValue, digits: 4)) at γ = 0.99). No policy leads back to s₀: resettable = \(grim.isResettable) (tit-for-tat: \(tftSharp.isResettable)).",
      measurements: [.init("resettable", grim.isResettable), .init("largest reward after a defection", largestReward), .init("value after a defection (γ → 1)", trappedLimit.doubleValue),
                     .init("value from s₀ (γ → 1)", grim.limitValue(reward: exact).doubleValue)],
      tolerance: "exact", sampleSize: 1)

    // ⊤.
    let top = SharpInfraRDP.top(actionCount: 2, observationCount: 2)
    let allowsAll = top.allowed.allSatisfy { $0 == 0b11 }
    let topHolds = allowsAll && topAlive
    let topEvidence = Evidence(
      summary: "⊤ allows every observation after every action (\(allowsAll)), so no observation can falsify it; it was consistent at the end of the \(rounds)-round ε-defect history (\(topAlive)), and every agent of the module holds it: step 2 scans the value groups from the best down and always ends, at the latest, in ⊤'s.",
      measurements: [.init("B(s, a) = O for every a", allowsAll), .init("consistent after the ε-defect history", topAlive)],
      tolerance: "exact", sampleSize: rounds)

    return ExperimentResult(
      tables: [counts, exampleTable, epsilonTable, botTable],
      claims: [
        ClaimResult(Self.titForTatClaim, .checking(tftHolds), tftEvidence),
        ClaimResult(Self.epsilonDefectClaim, .checking(epsilonHolds), epsilonEvidence),
        ClaimResult(Self.grimClaim, .checking(grimHolds), grimEvidence),
        ClaimResult(Self.topClaim, .checking(topHolds), topEvidence),
      ])
  }

  /// Tracks every hypothesis of `space` while a uniformly random agent plays against an ε-defect bot:
  /// which remain consistent, and how often each had its prediction tested (B(s, a) ≠ O).
  static func trackAgainstEpsilonBot(space: HypothesisSpace, ε: Double, rounds: Int, random: Random) -> (alive: [Bool], tests: [Int]) {
    var states = (0..<space.count).map { space.initialState($0) }
    var alive = [Bool](repeating: true, count: space.count)
    var tests = [Int](repeating: 0, count: space.count)
    let all: UInt64 = 0b11
    for _ in 0..<rounds {
      let a = random.index(below: 2)
      let o = random.bernoulli(ε) ? 1 : 0
      for h in 0..<space.count where alive[h] {
        let index = (h * space.stateStride + states[h]) * space.actionCount + a
        let entry = space.table[index]
        let code = Int(entry & 0xFF)
        if code == 0xFF { states[h] = Int(entry >> 8); continue }
        let mask: UInt64 = code >= 0xFD ? space.generalMasks[index] : UInt64(1) << UInt64(code)
        if mask == all { states[h] = code == 0xFE ? Int(space.generalNext[index * 2 + o]) : Int(entry >> 8); continue }
        tests[h] += 1
        if mask & (UInt64(1) << UInt64(o)) == 0 {
          alive[h] = false
        } else {
          states[h] = code == 0xFE ? Int(space.generalNext[index * 2 + o]) : Int(entry >> 8)
        }
      }
    }
    return (alive, tests)
  }

  /// Every deterministic opponent with at most `maximumStates` states that ignores the agent: the
  /// eventually periodic sequences u w w w … with |u| + |w| ≤ n and w primitive, each once (u does not
  /// end with the last letter of w). Moves: C = 0, D = 1.
  static func autonomousBots(maximumStates n: Int) -> [(prefix: [Int], cycle: [Int])] {
    var result: [(prefix: [Int], cycle: [Int])] = []
    for m in 1...n {
      for w in HypothesisSpace.primitiveWords(length: m, alphabet: 2, onePerNecklace: false) {
        for k in 0...(n - m) {
          for u in HypothesisSpace.allWords(length: k, alphabet: 2) where u.last != w.last || u.isEmpty {
            result.append((prefix: u.map(Int.init), cycle: w.map(Int.init)))
          }
        }
      }
    }
    return result
  }

  static func reachableStates(_ h: SharpInfraRDP, from start: Int) -> [Int] {
    var seen: Set<Int> = [start]
    var frontier = [start]
    while let s = frontier.popLast() {
      for a in 0..<h.actionCount {
        for o in h.possibleObservations(state: s, action: a) where seen.insert(h.nextState(s, a, o)).inserted { frontier.append(h.nextState(s, a, o)) }
      }
    }
    return seen.sorted()
  }
}
