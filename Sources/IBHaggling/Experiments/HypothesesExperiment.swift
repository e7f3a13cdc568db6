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
struct HypothesesExperiment: Experiment {
  init() {}

  let id = "ibh.hypotheses"
  let title = "Hypotheses: regular decision processes, ⊤, resettability, password spaces"
  let sections = ["§Regular decision processes", "§Resettable infra-RDPs", "§Which hypotheses are in the hypothesis space?"]

  static let countUpTo = ParameterKey<Int>("countUpTo")
  static let maximumStates = ParameterKey<Int>("maximumStates")
  static let epsilon = ParameterKey<Double>("epsilon")
  static let epsilonRounds = ParameterKey<Int>("epsilonRounds")
  static let testThreshold = ParameterKey<Int>("testThreshold")
  static let largestBot = ParameterKey<Int>("largestBot")
  static let randomOpponents = ParameterKey<Int>("randomOpponents")

  static let titForTatClaim = Claim(
    id: "ibh.tit-for-tat", source: "§Regular decision processes, Example", kind: .example,
    statement:
      "\"My opponent follows the tit-for-tat strategy\" can be represented as a sharp infra-RDP; it is just a deterministic RDP, with nothing \"infra\" in it.",
    class: .consistency(
      because:
        "a deterministic RDP has point-mass kernels, so its sharp infra-RDP has singleton B by construction, and no transcript of the machine it was built from can falsify it; the check can fail only through a bug"
    ),
    control: Control("transcripts of Suspicious TitForTat (defects first) checked against the tit-for-tat hypothesis"))
  static let epsilonDefectClaim = Claim(
    id: "ibh.epsilon-defect", source: "§Regular decision processes, Example", kind: .example,
    statement:
      "The ε-defect strategy cannot be a hypothesis on its own; it is represented as part of ⊤. The closest thing to the 1/n-defect bot in the hypothesis space is a deterministic bot that cooperates n − 1 times and then defects once.",
    class: .consistency(
      because:
        "a bot with full support allows every observation, which is ⊤'s definition, and a deterministic hypothesis tested k times survives with probability at most max(ε, 1 − ε)^k; the nearest bots are a finite enumeration; the check can fail only through a bug (or with probability below 10⁻⁹)"
    ),
    control: Control("a bot with ε = 0 (it always cooperates), which deterministic hypotheses describe, so tested hypotheses survive"))
  static let grimClaim = Claim(
    id: "ibh.grim-trap", source: "§Resettable infra-RDPs", kind: .example,
    statement:
      "Against Grim, if you defect on the first try you will never be able to get a reward bigger than 1: a trap, so such hypotheses are not resettable.",
    class: .consistency(because: "resettability and the values of a 2-state machine are exact computations on its definition"),
    control: Control("tit-for-tat in place of Grim: it forgives, so it is resettable and no trap"))
  static let topClaim = Claim(
    id: "ibh.top-never-falsified", source: "§Regular decision processes, Remark", kind: .claim,
    statement:
      "⊤ (one state, B(s, a) = O) is in every agent's hypothesis space and always remains unfalsified, so the set C of consistent hypotheses is never empty.",
    class: .consistency(because: "⊤ allows every observation by definition, so no history can falsify it; the check can fail only through a bug"),
    control: Control("a hypothesis that is not ⊤ (\"the other always cooperates\") checked on the same ε-defect history"))

  var claims: [Claim] { [Self.titForTatClaim, Self.epsilonDefectClaim, Self.grimClaim, Self.topClaim] }

  var parameters: [Parameter] {
    [
      Parameter(
        Self.countUpTo, "Largest bound N for which the 2 × 2 spaces are enumerated (3-player spaces up to N − 2); larger N use the formula.",
        domain: .integer(2...8), smoke: 5, standard: 7, paper: 8),
      Parameter(
        Self.maximumStates, "N of the space tracked against the ε-defect bot (passwords, opponent cycles, tit-for-tat and Grim).",
        domain: .integer(2...8), smoke: 4, standard: 5, paper: 6),
      Parameter(Self.epsilon, "ε of the ε-defect bot.", domain: .real(lower: 0, upper: 0.5, lowerIncluded: false, upperIncluded: true), default: 0.1),
      Parameter(
        Self.epsilonRounds, "Rounds played against the ε-defect bot by a uniformly random agent.", domain: .integer(100...10_000_000), smoke: 5_000,
        standard: 50_000, paper: 500_000),
      Parameter(
        Self.testThreshold, "A hypothesis whose prediction was tested this many times must have been falsified.", domain: .integer(10...10_000),
        default: 200),
      Parameter(
        Self.largestBot, "The 1/n-defect comparison is made for n = 2 … largestBot.", domain: .integer(2...10), smoke: 6, standard: 8, paper: 10),
      Parameter(
        Self.randomOpponents, "Random players TitForTat is run against (200 rounds each).", domain: .integer(1...10_000), smoke: 10, standard: 100,
        paper: 1000),
    ]
  }

  /// What the simulation returns.
  struct Outcome: Sendable {
    /// Enumerated space sizes: N, 2-player count, 3-player count (nil beyond countUpTo).
    let counts: [(n: Int, two: Int?, three: Int?)]
    /// Histories (the agent's action, the opponent's move) of TitForTat, and of Suspicious TitForTat (the control).
    let transcripts: [[(action: Int, observation: Int)]]
    let controlTranscripts: [[(action: Int, observation: Int)]]
    let space: HypothesisSpace
    let rounds: Int
    let tracking: (alive: [Bool], tests: [Int])
    /// The same space tracked against a bot with ε = 0 (the control).
    let controlTracking: (alive: [Bool], tests: [Int])
    /// A history against the ε-defect bot, for ⊤ and its control.
    let history: [(action: Int, observation: Int)]
  }

  func simulate(in context: RunContext) throws -> Outcome {
    let p = context.parameters
    let counts = try (2...8).map { n in
      (
        n: n, two: n <= p[Self.countUpTo] ? try HypothesisSpace(actionCount: 2, observationCount: 2, options: .init(maximumStates: n)).count : nil,
        three: n <= p[Self.countUpTo] - 2 ? try HypothesisSpace(actionCount: 2, observationCount: 4, options: .init(maximumStates: n)).count : nil
      )
    }
    let match = try RepeatedMatch(turns: 200)
    var opponents = FiniteMemoryStrategy.deterministicClassics
    opponents += try (0..<p[Self.randomOpponents]).map { _ in try FiniteMemoryStrategy.random(cooperationProbability: 0.5) }
    func histories(_ player: FiniteMemoryStrategy, stream: String) throws -> [[(action: Int, observation: Int)]] {
      let random = context.random(stream: stream)
      return try opponents.map { opponent in
        try match.play(player, opponent, random: random, transcript: true).transcript!.map {
          (action: Int($0.second.rawValue), observation: Int($0.first.rawValue))
        }
      }
    }
    let space = try HypothesisSpace(
      actionCount: 2, observationCount: 2, options: .init(maximumStates: p[Self.maximumStates], opponentCycles: true),
      custom: [(ExampleProcesses.titForTat.sharpInfraRDP, 4), (try SharpInfraRDP.opponent(.grudger), 4)])
    let rounds = p[Self.epsilonRounds]
    let historyRandom = context.random(stream: "top")
    return Outcome(
      counts: counts, transcripts: try histories(.titForTat, stream: "tit-for-tat"),
      controlTranscripts: try histories(.suspiciousTitForTat, stream: "tit-for-tat-control"),
      space: space, rounds: rounds,
      tracking: Self.trackAgainstEpsilonBot(space: space, ε: p[Self.epsilon], rounds: rounds, random: context.random(stream: "epsilon-defect")),
      controlTracking: Self.trackAgainstEpsilonBot(
        space: space, ε: 0, rounds: min(rounds, 5_000), random: context.random(stream: "epsilon-defect-control")),
      history: (0..<1000).map { _ in (action: historyRandom.index(below: 2), observation: historyRandom.bernoulli(p[Self.epsilon]) ? 1 : 0) })
  }

  func judge(_ outcomes: Outcomes<Outcome>, in context: RunContext) throws -> ExperimentResult {
    let o = outcomes.base
    let p = context.parameters
    let epsilon = try epsilonResult(o, p)
    return ExperimentResult(
      tables: [Self.countsTable(o), try Self.examplesTable(), epsilon.table, epsilon.bots],
      figures: [
        Figure(id: "ibh.h-p-diagram", title: "The simple password hypothesis h_p (p = p₁p₂p₃)", svg: try StateDiagram.simplePassword().svg).captioned(
          "States s₀ to s₃; an edge x / B reads: on the agent's action x the hypothesis moves on and predicts that the others' actions lie in B. O is the set of all actions, p₁p₂p₃ the password, aᵢ agent i's action and a₋ᵢ the others' actions, B(s, a) the prediction in state s after action a."
        ),
        Figure(
          id: "ibh.h-pl-diagram", title: "The password hypothesis h_{p,l} (p = p₁p₂p₃, l = a⁽¹⁾a⁽²⁾)", svg: try StateDiagram.passwordWithLoop().svg
        ).captioned(
          "States s₀ to s₂ read the password p₁p₂p₃, then l₁ and l₂ repeat the deal l = a⁽¹⁾a⁽²⁾; an edge x / B reads: on the agent's action x the hypothesis moves on and predicts that the others' actions lie in B. O is the set of all actions, a⁽ᵏ⁾ᵢ agent i's action in the deal's k-th profile and a⁽ᵏ⁾₋ᵢ the others'."
        ),
      ],
      claims: [try titForTatResult(o, p), epsilon.claim, try grimResult(), topResult(o)])
  }

  static func countsTable(_ o: Outcome) -> Table {
    var counts = Table(
      id: "ibh.hypotheses.counts", title: "Hypotheses per agent: ⊤ and h_{p,l} with n, m ≥ 1, n + m ≤ N states, primitive loops (all rotations)",
      columns: ["N", "2 players, 2 actions: enumerated", "formula", "the notes", "3 players, 2 actions: enumerated", "formula", "the notes"])
    let notes2 = [2: 9, 3: 49, 4: 249, 5: 1_129, 6: 4_929, 7: 20_569, 8: 84_609]
    let notes3 = [2: 17, 3: 161, 4: 1_457, 5: 12_113, 6: 98_945, 7: 795_761, 8: 6_383_681]
    for (n, two, three) in o.counts {
      counts.append([
        .integer(n), two.map { .integer($0) } ?? "–", .integer(HypothesisSpace.passwordCount(actionCount: 2, observationCount: 2, maximumStates: n)),
        .integer(notes2[n]!),
        three.map { .integer($0) } ?? "–", .integer(HypothesisSpace.passwordCount(actionCount: 2, observationCount: 4, maximumStates: n)),
        .integer(notes3[n]!),
      ])
    }
    return counts
  }

  static func examplesTable() throws -> Table {
    let pd = HagglingGames.prisonersDilemma()
    let view = try AgentView(game: pd, player: 0)
    let stagView = try AgentView(game: HagglingGames.stagHunt(), player: 0)
    let examples: [(String, SharpInfraRDP, AgentView, String)] = [
      ("⊤", .top(actionCount: 2, observationCount: 2), view, "PD"),
      ("tit-for-tat (RDP with point masses)", ExampleProcesses.titForTat.sharpInfraRDP, view, "PD"),
      ("Grim (GameTheory's Grudger)", try SharpInfraRDP.opponent(.grudger), view, "PD"),
      (
        "cooperate 3 times, then defect (nearest to the 1/4-defect bot)", try .opponentCycle([0, 0, 0, 1], actionCount: 2, observationCount: 2), view,
        "PD"
      ),
      ("h_{p,l}: p = D, l = (C,C)", try .password([1], loop: [(0, 0)], actionCount: 2, observationCount: 2), view, "PD"),
      ("h_{p,l}: p = D, l = (C,C)(C,D)", try .password([1], loop: [(0, 0), (0, 1)], actionCount: 2, observationCount: 2), view, "PD"),
      ("h_{p,l}: p = C C, l = (D,C) (exploitation)", try .password([0, 0], loop: [(1, 0)], actionCount: 2, observationCount: 2), view, "PD"),
      (
        "h_p: p = hare stag, Pareto-optimal (stag, stag)",
        try .simplePassword([1, 0], paretoAction: 0, paretoObservation: 0, actionCount: 2, observationCount: 2), stagView, "stag hunt"
      ),
    ]
    var table = Table(
      id: "ibh.hypotheses.examples", title: "Example hypotheses: structure and value (PD with (R, S, T, P) = (2, 0, 3, 1); stag hunt (2, 0, 1, 1))",
      columns: ["hypothesis", "game", "states", "deterministic RDP", "resettable", "V(h, 0.9)", "V(h, 0.99)", "lim γ→1 V(h, γ)", "policy (by state)"])
    for (name, h, v, game) in examples {
      let v09 = h.robustValue(reward: v.reward, discount: 0.9)
      let v099 = h.robustValue(reward: v.reward, discount: 0.99)
      table.append([
        .text(name), .text(game), .integer(h.stateCount), .text(h.isDeterministic ? "yes" : "no"), .text(h.isResettable ? "yes" : "no"),
        .real(v09.initialValue, digits: 4), .real(v099.initialValue, digits: 4), .text(h.limitValue(reward: try v.requireExactRewards()).description),
        .text(v099.policy.map { v.game.actions[0][$0] }.joined(separator: " ")),
      ])
    }
    return table
  }

  /// The tit-for-tat check: deterministic, singleton B, equal to GameTheory's machine, and no history
  /// in `transcripts` falsifies it.
  static func titForTatCheck(_ transcripts: [[(action: Int, observation: Int)]]) throws -> (holds: Bool, falsified: Int, singleton: Bool, equal: Bool)
  {
    let tft = ExampleProcesses.titForTat
    let sharp = tft.sharpInfraRDP
    let singleton = sharp.allowed.allSatisfy { $0.nonzeroBitCount == 1 }
    let equal = sharp == (try SharpInfraRDP.opponent(.titForTat))
    let falsified = transcripts.filter { sharp.state(after: $0) == nil }.count
    return (tft.isDeterministic && singleton && equal && falsified == 0, falsified, singleton, equal)
  }

  func titForTatResult(_ o: Outcome, _ p: Parameters) throws -> ClaimResult {
    let check = try Self.titForTatCheck(o.transcripts)
    let control = try Self.titForTatCheck(o.controlTranscripts)
    let evidence = Evidence(
      summary:
        "The tit-for-tat RDP has point-mass kernels (deterministic: \(ExampleProcesses.titForTat.isDeterministic)), so its sharp infra-RDP has singleton sets B(s, a): \(check.singleton); it is identical to the hypothesis built from GameTheory's TitForTat machine (\(check.equal)). Over \(o.transcripts.count) transcripts of TitForTat (200 rounds against the \(FiniteMemoryStrategy.deterministicClassics.count) deterministic classics and \(p[Self.randomOpponents]) random players), \(check.falsified) falsified it; transcripts of Suspicious TitForTat falsify it in \(control.falsified).",
      measurements: [
        .init("deterministic", ExampleProcesses.titForTat.isDeterministic), .init("singleton B(s, a)", check.singleton),
        .init("equals GameTheory's TitForTat", check.equal),
        .init("transcripts", o.transcripts.count), .init("transcripts falsifying it", check.falsified),
      ],
      tolerance: "exact", sampleSize: o.transcripts.count)
    return ClaimResult(
      Self.titForTatClaim, map: .single(.checking(check.holds), n: o.transcripts.count),
      control: ControlResult(Self.titForTatClaim.control!, verdict: .checking(control.holds)), evidence: evidence)
  }

  /// Among the deterministic opponents with at most n states, those nearest the 1/n-defect bot are the
  /// rotations of C^(n−1) D, for every n up to `largest`.
  static func nearestBots(largest: Int) -> (holds: Bool, table: Table) {
    var table = Table(
      id: "ibh.hypotheses.nearest-bot",
      title:
        "Deterministic opponents with at most n states (eventually periodic move sequences) closest to the 1/n-defect bot in long-run defection rate",
      columns: ["n", "distinct opponents", "closest rate", "opponents at that rate", "they are the rotations of C^(n−1) D", "next closest rate"])
    var holds = true
    for n in 2...largest {
      let bots = autonomousBots(maximumStates: n)
      let distances = bots.map { abs(Double($0.cycle.filter { $0 == 1 }.count) / Double($0.cycle.count) - 1 / Double(n)) }
      let best = distances.min()!
      let closest = bots.indices.filter { distances[$0] == best }
      let target = Array(repeating: 0, count: n - 1) + [1]
      let rotations = Set((0..<n).map { r in Array(target[r...] + target[..<r]) })
      let isRotations = closest.count == n && closest.allSatisfy { bots[$0].prefix.isEmpty && rotations.contains(bots[$0].cycle) }
      holds = holds && best == 0 && isRotations
      let next = distances.filter { $0 > best }.min() ?? .nan
      table.append([
        .integer(n), .integer(bots.count), .text("1/\(n)"), .integer(closest.count), .text(isRotations ? "yes" : "no"),
        .text(DecimalFormat.compact(1 / Double(n) + next, significant: 4) + " or " + DecimalFormat.compact(1 / Double(n) - next, significant: 4)),
      ])
    }
    return (holds, table)
  }

  func epsilonResult(_ o: Outcome, _ p: Parameters) throws -> (claim: ClaimResult, table: Table, bots: Table) {
    let ε = p[Self.epsilon], threshold = p[Self.testThreshold], space = o.space, tracking = o.tracking
    var table = Table(
      id: "ibh.hypotheses.epsilon-defect",
      title:
        "Hypotheses (N = \(p[Self.maximumStates]), with opponent cycles, tit-for-tat and Grim) against an ε-defect bot, ε = \(DecimalFormat.compact(ε)), \(o.rounds) rounds of a uniformly random agent",
      columns: ["times the prediction was tested", "hypotheses", "still consistent", "bound on survival, max(ε, 1 − ε)^k"])
    for (low, high) in [(0, 0), (1, 9), (10, 49), (50, threshold - 1), (threshold, Int.max)] where low <= high {
      let members = (0..<space.count).filter { tracking.tests[$0] >= low && tracking.tests[$0] <= high }
      table.append([
        .text(high == Int.max ? "≥ \(low)" : (low == high ? "\(low)" : "\(low)–\(high)")), .integer(members.count),
        .integer(members.filter { tracking.alive[$0] }.count),
        .text(DecimalFormat.compact(low == 0 ? 1 : Foundation.pow(max(ε, 1 - ε), Double(low)), significant: 3)),
      ])
    }
    func survivors(_ t: (alive: [Bool], tests: [Int])) -> [Int] { (0..<space.count).filter { t.tests[$0] >= threshold && t.alive[$0] } }
    let heavilyTested = survivors(tracking)
    let untested = (0..<space.count).filter { tracking.tests[$0] == 0 && tracking.alive[$0] }
    let nearest = Self.nearestBots(largest: p[Self.largestBot])
    let holds = tracking.alive[0] && heavilyTested.isEmpty && nearest.holds
    let controlHolds = o.controlTracking.alive[0] && survivors(o.controlTracking).isEmpty && nearest.holds
    let evidence = Evidence(
      summary:
        "The ε-defect bot puts positive probability on both moves every round, so its support is O everywhere: as a sharp hypothesis it is ⊤. After \(o.rounds) rounds against it (ε = \(DecimalFormat.compact(ε))), \(tracking.alive.filter { $0 }.count) of the \(space.count) hypotheses are still consistent: ⊤ (\(tracking.alive[0] ? "consistent" : "FALSIFIED")) and \(untested.count - (tracking.alive[0] ? 1 : 0)) others whose predictions were never tested; \(heavilyTested.count) hypotheses tested at least \(threshold) times survived (against a bot with ε = 0: \(survivors(o.controlTracking).count)). Among deterministic opponents with at most n states, those closest to the 1/n-defect bot are exactly the n rotations of \"cooperate n − 1 times, then defect\" for every n = 2 … \(p[Self.largestBot]): \(nearest.holds).",
      measurements: [
        .init("hypotheses", space.count), .init("consistent at the end", tracking.alive.filter { $0 }.count),
        .init("⊤ consistent", tracking.alive[0]),
        .init("survivors tested ≥ \(threshold) times", heavilyTested.count), .init("nearest bots are the rotations of C^(n−1) D", nearest.holds),
      ],
      tolerance:
        "no survivor among hypotheses tested at least \(threshold) times (probability of one surviving ≤ \(DecimalFormat.compact(Foundation.pow(1 - ε, Double(threshold)), significant: 2)) each); exact for the nearest bots",
      sampleSize: o.rounds, counterexample: heavilyTested.first.map { "\(space.label($0)) survived \(tracking.tests[$0]) tests" })
    let claim = ClaimResult(
      Self.epsilonDefectClaim, map: .single(.checking(holds), n: o.rounds),
      control: ControlResult(Self.epsilonDefectClaim.control!, verdict: .checking(controlHolds)), evidence: evidence)
    return (claim, table, nearest.table)
  }

  /// The trap check on a hypothesis: not resettable, after a first-round defection no allowed outcome
  /// pays more than 1, and the value there is 1 against R = 2 from the start.
  static func trapCheck(_ h: SharpInfraRDP) throws -> (holds: Bool, after: Int, reachable: [Int], largest: Double, trapped: Rational, start: Rational)
  {
    let view = try AgentView(game: HagglingGames.prisonersDilemma(), player: 0)
    let exact = try view.requireExactRewards()
    let after = h.nextState(0, 1, 0)
    let reachable = reachableStates(h, from: after)
    let largest = reachable.flatMap { s in (0..<2).flatMap { a in h.possibleObservations(state: s, action: a).map { view.reward[a][$0] } } }.max()!
    let trapped = h.started(at: after).limitValue(reward: exact)
    let start = h.limitValue(reward: exact)
    return (!h.isResettable && largest == 1 && trapped == Rational(1) && start == Rational(2), after, reachable, largest, trapped, start)
  }

  func grimResult() throws -> ClaimResult {
    let grim = try SharpInfraRDP.opponent(.grudger)
    let check = try Self.trapCheck(grim)
    let control = try Self.trapCheck(ExampleProcesses.titForTat.sharpInfraRDP)
    let view = try AgentView(game: HagglingGames.prisonersDilemma(), player: 0)
    let values = grim.robustValue(reward: view.reward, discount: 0.99)
    let evidence = Evidence(
      summary:
        "Grim as a hypothesis has 2 states; after a first-round defection it is in state \(check.after), from which the states reachable are \(check.reachable) and the largest reward of any allowed outcome is \(DecimalFormat.compact(check.largest)) (text: never above 1). Its value there is \(check.trapped) in the limit (\(DecimalFormat.fixed(values.values[check.after], digits: 4)) at γ = 0.99), against \(check.start) from the start (\(DecimalFormat.fixed(values.initialValue, digits: 4)) at γ = 0.99). No policy leads back to s₀: resettable = \(grim.isResettable) (tit-for-tat: \(ExampleProcesses.titForTat.sharpInfraRDP.isResettable)).",
      measurements: [
        .init("resettable", grim.isResettable), .init("largest reward after a defection", check.largest),
        .init("value after a defection (γ → 1)", check.trapped.doubleValue),
        .init("value from s₀ (γ → 1)", check.start.doubleValue),
      ],
      tolerance: "exact", sampleSize: 1)
    return ClaimResult(
      Self.grimClaim, map: .single(.checking(check.holds), n: 1), control: ControlResult(Self.grimClaim.control!, verdict: .checking(control.holds)),
      evidence: evidence)
  }

  /// The ⊤ check on a hypothesis: it allows every observation, is still consistent after the ε-defect
  /// history, and is the tracked space's hypothesis 0 that survived the long history.
  static func topCheck(_ h: SharpInfraRDP, history: [(action: Int, observation: Int)]) -> (holds: Bool, allowsAll: Bool, consistent: Bool) {
    let allowsAll = h.allowed.allSatisfy { $0 == (1 << h.observationCount) - 1 }
    let consistent = h.state(after: history) != nil
    return (allowsAll && consistent, allowsAll, consistent)
  }

  func topResult(_ o: Outcome) -> ClaimResult {
    let check = Self.topCheck(.top(actionCount: 2, observationCount: 2), history: o.history)
    let control = Self.topCheck(try! .opponentCycle([0], actionCount: 2, observationCount: 2), history: o.history)
    let holds = check.holds && o.tracking.alive[0]
    let evidence = Evidence(
      summary:
        "⊤ allows every observation after every action (\(check.allowsAll)), so no observation can falsify it; it was consistent at the end of a \(o.history.count)-round ε-defect history (\(check.consistent)) and of the \(o.rounds)-round one (\(o.tracking.alive[0])); every agent of the module holds it: step 2 scans the value groups from the best down and always ends, at the latest, in ⊤'s. \"The other always cooperates\" is falsified by the same history: \(!control.consistent).",
      measurements: [
        .init("B(s, a) = O for every a", check.allowsAll), .init("consistent after the ε-defect history", check.consistent && o.tracking.alive[0]),
      ],
      tolerance: "exact", sampleSize: o.rounds)
    return ClaimResult(
      Self.topClaim, map: .single(.checking(holds), n: o.rounds), control: ControlResult(Self.topClaim.control!, verdict: .checking(control.holds)),
      evidence: evidence)
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
        for o in h.possibleObservations(state: s, action: a) where seen.insert(h.nextState(s, a, o)).inserted {
          frontier.append(h.nextState(s, a, o))
        }
      }
    }
    return seen.sorted()
  }
}
