import GameTheory
import LabKit

/// §Prisoner's dilemma: how demands fall, and where three kinds of agent pairs end (the red, green and
/// violet lines of the lost figure), with the downward-closure remark.
///
/// Set-up. (R, S, T, P) = (2, 0, 3, 1) (see ``HagglingGames/prisonersDilemma(reward:sucker:temptation:punishment:)``
/// for why). Each agent holds ⊤, the password hypotheses with at most N states and, because the text's
/// story starts from "exploitation … is a very simple hypothesis", the autonomous opponents with at
/// most N states ("the other cooperates whatever I do" is one, with a single state; it is a sharp
/// infra-RDP within the bound, but no password hypothesis). Player 1 is the text's agent 1.
///
/// - red: both agents hold the whole space;
/// - green: agent 1 keeps each hypothesis worth at least `ambitionLevel` (R = 2) with probability
///   `greenKeep` = 1/2: "slightly less of these ambitious hypotheses", where "these" are the password
///   hypotheses "that let them play (C, C) most of the time" of the sentence before. (The first
///   standard-scale run thinned only the hypotheses worth *more* than R; agent 1 then kept all its
///   (C, C) hypotheses and every run ended at (C, C). That reading is still run and reported, as
///   "green, > R", but the verdict uses the reading of the text above.)
/// - violet: agent 1 keeps each hypothesis worth more than `violetLevel` (P = 1) with probability
///   `violetKeep` = 0.05 ("a vastly different prior … much less ambitious hypotheses"). A hypothesis
///   of prior weight 0 is the same as one left out, since step 3 samples from the prior.
///
/// Standards, fixed before the runs (Wilson 95% intervals; "inconclusive" when the interval contains
/// the threshold):
/// - pd-opening: in every red run both agents' first demands are T = 3 and their demands never rise and
///   end below 3; and the fraction of red runs whose first round is (D, D) is above 1/2.
/// - pd-similar: the fraction of red runs whose stable cycle is (C, C) alone is above 1/2.
/// - pd-slightly-fewer: the fraction of green runs whose stable cycle mixes (C, C) and (C, D) (both
///   present, nothing else) is above 1/2.
/// - pd-different: the fraction of violet runs ending at (1, 1) or (1, 2.5) is above 1/2, and so is the
///   share of (1, 1) among them.
/// - downward closure: in every run, each agent's final demand is at most its average payoff in the
///   stable cycle (exactly), so the final demands lie in the downward closure of the realizable payoffs.
///
/// Readings and sizes (issue 14). Every claim is judged under the three hypothesis classes
/// (``DealSemantics``: literal, partner-only, upward-relaxed deals; in this 2 × 2 game partner-only
/// deals equal literal ones, since the four rewards differ, and differ only by their random streams),
/// the three priors and the two rankings, one reading at a time (the base reading, then each other
/// value of one reading with the others at their base values). The three
/// lines, whose text concerns growing hypothesis spaces, are judged on the trend over N
/// (``sizes``): the fitted limit (regression on 1/N of the runs' 0/1 outcomes) with its 95% interval
/// above 1/2 in every reading; pd-different's trend is on the runs ending at (1, 1), whose probability
/// above 1/2 implies both parts of its check.
struct PrisonersDilemmaExperiment: Experiment {
  init() {}

  let id = "ibh.prisoners-dilemma"
  let title = "Prisoner's dilemma: falling demands, and where similar and different agents end"
  let sections = ["§Prisoner's dilemma"]

  static let reward = ParameterKey<Double>("reward")
  static let sucker = ParameterKey<Double>("sucker")
  static let temptation = ParameterKey<Double>("temptation")
  static let punishment = ParameterKey<Double>("punishment")
  static let maximumStates = ParameterKey<Int>("maximumStates")
  static let opponentCycles = ParameterKey<Bool>("opponentCycles")
  static let runs = ParameterKey<Int>("runs")
  static let ambitionLevel = ParameterKey<Double>("ambitionLevel")
  static let greenKeep = ParameterKey<Double>("greenKeep")
  static let violetLevel = ParameterKey<Double>("violetLevel")
  static let violetKeep = ParameterKey<Double>("violetKeep")
  static let deals = HagglingParameters.dealsKey
  static let prior = HagglingParameters.priorKey
  static let ranking = HagglingParameters.rankingKey

  static let openingClaim = Claim(
    id: "ibh.pd-opening", source: "§Prisoner's dilemma", kind: .claim,
    statement:
      "Exploitation is a very simple hypothesis, so both agents start by defecting; their hypotheses are falsified and they lower their demands.",
    class: .empirical, control: Control("agents holding password hypotheses only, without the one-state \"the other cooperates whatever I do\""),
    readings: [deals.erased, prior.erased, ranking.erased], design: .oneAtATime)
  static let similarClaim = Claim(
    id: "ibh.pd-similar", source: "§Prisoner's dilemma (red line)", kind: .claim,
    statement: "If the agents are similar enough, they eventually play (C, C) together.",
    class: .empirical, control: Control("dissimilar agents: the violet pair, agent 1 keeping 5% of its ambitious hypotheses"),
    readings: [deals.erased, prior.erased, ranking.erased], sizes: [maximumStates.erased], design: .oneAtATime)
  static let slightlyFewerClaim = Claim(
    id: "ibh.pd-slightly-fewer", source: "§Prisoner's dilemma (green line)", kind: .claim,
    statement:
      "If agent 1 has slightly fewer ambitious hypotheses than agent 2, they probably converge to playing (C, C) some of the time and (C, D) otherwise.",
    class: .empirical, control: Control("the same check on two similar agents (the red pair), who must not mix"),
    readings: [deals.erased, prior.erased, ranking.erased], sizes: [maximumStates.erased], design: .oneAtATime)
  static let differentClaim = Claim(
    id: "ibh.pd-different", source: "§Prisoner's dilemma (violet line)", kind: .claim,
    statement:
      "If agent 1's prior is vastly different, with much less ambitious hypotheses, the agents end at (1, 1) or (1, 2.5), and (1, 1) is more probable because ⊤ cannot be falsified and is simple.",
    class: .empirical, control: Control("the same check on two similar agents (the red pair)"),
    readings: [deals.erased, prior.erased, ranking.erased], sizes: [maximumStates.erased], design: .oneAtATime)
  static let downwardClosureClaim = Claim(
    id: "ibh.downward-closure", source: "§Prisoner's dilemma, Remark", kind: .claim,
    statement:
      "The agents have a chance of not falsifying their current hypotheses only if their demands are in the downward closure of the realizable payoffs.",
    class: .consistency(
      because:
        "a demand is the γ → 1 value of a hypothesis that has survived the stable cycle, so it is at most the payoff the cycle realises, which is feasible; the check can fail only through a bug"
    ),
    control: Control("each run's final demands replaced by (T, T), a vector outside the downward closure"),
    readings: [deals.erased, prior.erased, ranking.erased], design: .oneAtATime)

  var claims: [Claim] { [Self.openingClaim, Self.similarClaim, Self.slightlyFewerClaim, Self.differentClaim, Self.downwardClosureClaim] }

  var parameters: [Parameter] {
    [
      Parameter(Self.reward, "R: both cooperate (inferred from the text, see the document).", domain: .real(-100...100), default: 2.0),
      Parameter(Self.sucker, "S: cooperate against a defector.", domain: .real(-100...100), default: 0.0),
      Parameter(Self.temptation, "T: defect against a cooperator.", domain: .real(-100...100), default: 3.0),
      Parameter(Self.punishment, "P: both defect.", domain: .real(-100...100), default: 1.0),
      Parameter(
        Self.maximumStates, "N: the bound on hypothesis states (20,569 password hypotheses at 7).", domain: .integer(2...9), smoke: 5, standard: 7,
        paper: 8),
      Parameter(
        Self.opponentCycles, "Include the autonomous opponents (\"the other always cooperates\", …) with at most N states.", domain: .boolean,
        default: true),
      Parameter(Self.runs, "Runs per scenario.", domain: .integer(2...100_000), smoke: 20, standard: 200, paper: 1000),
      Parameter(
        Self.ambitionLevel, "Green: hypotheses worth at least this are ambitious (R: those leading to (C, C) most of the time).",
        domain: .real(-100...100), default: 2.0),
      Parameter(Self.greenKeep, "Green: agent 1 keeps each ambitious hypothesis with this probability.", domain: .unitInterval(), default: 0.5),
      Parameter(Self.violetLevel, "Violet: hypotheses worth more than this count as ambitious (P).", domain: .real(-100...100), default: 1.0),
      Parameter(Self.violetKeep, "Violet: agent 1 keeps each of them with this probability.", domain: .unitInterval(), default: 0.05),
      HagglingParameters.deals,
    ] + HagglingParameters.common
  }

  var readings: [Reading] { [HagglingParameters.dealsReading, HagglingParameters.priorReading, HagglingParameters.rankingReading] }
  var sizes: [Size] {
    [
      Size(
        Self.maximumStates, "bound N on the hypothesis states of both agents", smoke: [3, 4, 5], standard: [4, 5, 6, 7, 8], paper: [4, 5, 6, 7, 8, 9])
    ]
  }

  /// The scenarios: name, colour. The last one is reported but judges no claim. The text names the
  /// scenarios by colour, so each is drawn in the colour it is named after (a true red and violet
  /// rather than Okabe–Ito's vermillion and reddish purple, which readers took for orange and pink).
  static let scenarios: [(name: String, colour: Colour)] = [
    ("red", Colour(hex: 0xC62828)), ("green", .bluishGreen), ("violet", Colour(hex: 0x6A3D9A)), ("green, > R", .orange),
  ]

  /// What the simulation returns.
  struct Outcome: Sendable {
    let game: NormalFormGame
    let runs: Int
    let n: Int
    let reward: Double
    let temptation: Double
    let punishment: Double
    let deals: DealSemantics
    let prior: PriorCoding
    /// Runs of each scenario, in the order of ``scenarios``; empty for a scenario the cell's claims do
    /// not need.
    let results: [[HagglingRun]]
    /// Red runs with password hypotheses only (the opening's control; base cell only).
    let passwordsOnly: [HagglingRun]
    /// Green with other keep fractions (base cell only).
    let sweep: [(keep: Double, runs: [HagglingRun])]
  }

  func simulate(in context: RunContext) throws -> Outcome {
    let p = context.parameters
    let game = HagglingGames.prisonersDilemma(
      reward: p[Self.reward], sucker: p[Self.sucker], temptation: p[Self.temptation], punishment: p[Self.punishment])
    let prior = HagglingParameters.prior(p)
    let runs = p[Self.runs]
    let options = HagglingParameters.options(p)
    let n = p[Self.maximumStates]
    let deals = p[Self.deals]
    let base = context.isBaseCell
    let setup = try HagglingSetup(
      game: game, options: .init(maximumStates: n, opponentCycles: p[Self.opponentCycles]), ranking: HagglingParameters.ranking(p),
      policyDiscount: p[HagglingParameters.discountKey], jobs: context.jobs, deals: deals)
    let full = setup.hagglers(prior: prior)
    let suffix = deals.streamSuffix
    // Agent 1's thinning: hypotheses worth more than (strict) or at least the level are kept with probability keep.
    func thinned(_ stream: String, level: Double, strict: Bool, keep: Double) throws -> [HagglingRun] {
      try HagglingBatch.run(context, stream: stream + suffix, runs: runs, game: game, options: options) { _, random in
        let valuation = setup.valuations[0]
        let kept = (0..<valuation.space.count).map { h in
          let value = valuation.rankingValue(h)
          return !(strict ? value > level + 1e-12 : value >= level - 1e-12) || random.uniform() < keep
        }
        return [.haggler(HagglerSpec(valuation: valuation, view: setup.views[0], prior: prior) { kept[$0] }), .haggler(full[1])]
      }
    }
    let closure = context.serves(Self.downwardClosureClaim)
    let needsRed = base || closure || context.serves(Self.openingClaim) || context.serves(Self.similarClaim)
    let needsGreen = base || closure || context.serves(Self.slightlyFewerClaim)
    let needsViolet = base || closure || context.serves(Self.differentClaim)
    let red =
      needsRed
      ? try HagglingBatch.run(context, stream: "red" + suffix, runs: runs, game: game, options: options) { _, _ in full.map { .haggler($0) } } : []
    let results = [
      red, needsGreen ? try thinned("green", level: p[Self.ambitionLevel], strict: false, keep: p[Self.greenKeep]) : [],
      needsViolet ? try thinned("violet", level: p[Self.violetLevel], strict: true, keep: p[Self.violetKeep]) : [],
      base ? try thinned("green, > R", level: p[Self.ambitionLevel], strict: true, keep: p[Self.greenKeep]) : [],
    ]
    var passwordsOnly: [HagglingRun] = []
    var sweep: [(keep: Double, runs: [HagglingRun])] = []
    if base {
      let passwords = try HagglingSetup(
        game: game, options: .init(maximumStates: n), ranking: HagglingParameters.ranking(p), policyDiscount: p[HagglingParameters.discountKey],
        jobs: context.jobs, deals: deals
      ).hagglers(prior: prior)
      passwordsOnly = try HagglingBatch.run(context, stream: "passwords-only" + suffix, runs: runs, game: game, options: options) { _, _ in
        passwords.map { .haggler($0) }
      }
      sweep = try [0.1, 0.25, 0.75, 0.9].map { keep in
        (keep: keep, runs: try thinned("green-keep-\(keep)", level: p[Self.ambitionLevel], strict: false, keep: keep))
      }
    }
    return Outcome(
      game: game, runs: runs, n: n, reward: p[Self.reward], temptation: p[Self.temptation], punishment: p[Self.punishment], deals: deals,
      prior: prior, results: results, passwordsOnly: passwordsOnly, sweep: sweep)
  }

  func judge(_ outcomes: Outcomes<Outcome>, in context: RunContext) throws -> ExperimentResult {
    let o = outcomes.base
    let similar = try shareResult(Self.similarClaim, outcomes, scenario: 0, control: 2) { Self.outcomeClass($0, game: o.game) == "(C,C) only" }
    let mixed = try shareResult(Self.slightlyFewerClaim, outcomes, scenario: 1, control: 0) {
      Self.outcomeClass($0, game: o.game) == "(C,C) and (C,D)"
    }
    return ExperimentResult(
      tables: try Self.outcomeTables(o) + [Self.diagnosisTable(o), Self.sweepTable(o)],
      figures: [
        Figure(
          id: "ibh.pd-demand-trajectories", title: "Demand trajectories over the realizable payoffs: red, green and violet scenarios",
          svg: try Self.trajectories(o)
        ).captioned(
          "Red: both agents hold the whole hypothesis space. Green: agent 1 keeps each hypothesis worth at least R = 2 with probability 1/2. Violet: agent 1 keeps each hypothesis worth more than P = 1 with probability 0.05. A demand is the payoff an agent's current hypothesis promises it; the minimax lines are each agent's guaranteed payoff."
        ),
        Figure(
          id: "ibh.pd-final-payoffs", title: "Final payoffs of the prisoner's dilemma runs with the Pareto frontier and minimax lines",
          svg: try Self.finals(o)
        ).captioned(
          "Red: both agents hold the whole hypothesis space. Green: agent 1 keeps each hypothesis worth at least R = 2 with probability 1/2. Violet: agent 1 keeps each hypothesis worth more than P = 1 with probability 0.05. The minimax lines are each agent's guaranteed payoff."
        ),
      ],
      claims: [try openingResult(outcomes), similar, mixed, try differentResult(outcomes), try closureResult(outcomes)])
  }

  static func outcomeClass(_ run: HagglingRun, game: NormalFormGame) -> String {
    if run.capped { return "capped" }
    let kinds = Set(run.cycle)
    if kinds == [[0, 0]] { return "(C,C) only" }
    if kinds == [[1, 1]] { return "(D,D) only" }
    if kinds == [[0, 0], [0, 1]] { return "(C,C) and (C,D)" }
    if kinds == [[0, 0], [1, 0]] { return "(C,C) and (D,C)" }
    return "other: " + HagglingText.canonicalCycle(run.cycle, game: game)
  }

  /// The opening check on a batch: every first demand is T (compared as numbers, so that it also works
  /// under the discounted ranking, where demands are not exact), demands only fall and end below T, and
  /// the fraction of (D, D) first rounds against 1/2.
  static func openingCheck(
    _ runs: [HagglingRun], _ o: Outcome
  ) throws -> (verdict: Headline, exploitation: Int, falling: Int, dd: Int, interval: ConfidenceInterval) {
    let exploitation = runs.filter { run in
      (0..<2).allSatisfy { agent in run.switches.first { $0.agent == agent }.map { abs($0.demand - o.temptation) <= 1e-9 } ?? false }
    }.count
    let falling = runs.filter { run in
      (0..<2).allSatisfy { agent in
        let demands = run.demands(of: agent).map(\.demand)
        return zip(demands, demands.dropFirst()).allSatisfy { $0 >= $1 } && demands.last! < o.temptation
      }
    }.count
    let dd = runs.filter { $0.transcript.first.map { o.game.profiles[Int($0)] == [1, 1] } ?? false }.count
    let interval = try wilson(dd, runs.count)
    let verdict: Headline = exploitation == runs.count && falling == runs.count ? .comparing(interval, .atLeast(0.5)) : .fails
    return (verdict, exploitation, falling, dd, interval)
  }

  func openingResult(_ outcomes: Outcomes<Outcome>) throws -> ClaimResult {
    let o = outcomes.base
    let check = try Self.openingCheck(o.results[0], o)
    let control = try Self.openingCheck(o.passwordsOnly, o)
    let cells = try outcomes.cells(of: Self.openingClaim).map { cell, outcome in
      let c = try Self.openingCheck(outcome.results[0], outcome)
      return VerdictMap.Cell(
        reading: cell.readingSetting, size: cell.sizeSetting, verdict: c.verdict, estimate: c.interval.estimate, lower: c.interval.lower,
        upper: c.interval.upper, n: outcome.results[0].count)
    }
    let evidence = Evidence(
      summary:
        "Base reading (deals = \(o.deals.rawValue), prior = \(o.prior.rawValue)): in \(check.exploitation) of \(o.runs) red runs both agents' first hypotheses promise T = \(DecimalFormat.compact(o.temptation)) (exploitation), and in \(check.falling) their demands only fall, ending below T. The first round is (D, D) in \(check.dd) runs (\(DecimalFormat.fixed(check.interval.estimate, digits: 3)), 95% interval \(HagglingText.interval(check.interval))). Each reading: \(ShareMap.describe(cells)). With password hypotheses only (no autonomous opponents, so no one-state \"the other always cooperates\"), it is (D, D) in \(control.dd) of \(o.runs): a password starting with C must be typed first, even by an agent planning to exploit.",
      measurements: [
        .init("runs with exploitation first", check.exploitation), .init("runs with falling demands", check.falling),
        .init("runs opening with (D, D)", check.dd), .init("fraction opening with (D, D)", lower: check.interval.lower, upper: check.interval.upper),
        .init("runs opening with (D, D), passwords only", control.dd),
      ],
      tolerance: "all runs start at demand T and only lower it; the fraction of (D, D) openings above 1/2 (95% Wilson interval)", sampleSize: o.runs)
    return ClaimResult(
      Self.openingClaim, map: VerdictMap(design: Self.openingClaim.design, cells: cells),
      control: ControlResult(Self.openingClaim.control!, verdict: control.verdict), evidence: evidence)
  }

  /// A claim judged on the fraction of runs of `scenario` passing `test` against 1/2 in every cell
  /// (deals × N), with a trend over N per reading; its control is the same check on the base cell's
  /// `control` scenario.
  func shareResult(
    _ claim: Claim, _ outcomes: Outcomes<Outcome>, scenario: Int, control: Int, _ test: @escaping (HagglingRun) -> Bool
  ) throws -> ClaimResult {
    let o = outcomes.base
    let runs = o.results[scenario]
    let interval = try wilson(runs.filter(test).count, runs.count)
    let controlInterval = try wilson(o.results[control].filter(test).count, o.results[control].count)
    let shares = try ShareMap(
      design: claim.design,
      cells: outcomes.cells(of: claim).map { cell, outcome in (cell, Double(outcome.n), outcome.results[scenario].map(test)) },
      sizeName: Self.maximumStates.name, bar: .atLeast(0.5))
    let name =
      claim == Self.similarClaim ? "red (similar agents)" : "green (agent 1 keeps each hypothesis worth at least R with the green probability)"
    let classes = OutcomeTally.counting(runs.map { Self.outcomeClass($0, game: o.game) })
    let evidence = Evidence(
      summary:
        "Base cell (deals = \(o.deals.rawValue), N = \(o.n)): \(runs.filter(test).count) of \(o.runs) \(name) runs end as the text says: \(DecimalFormat.fixed(interval.estimate, digits: 3)), 95% interval \(HagglingText.interval(interval)). Stable cycles: \(classes). Trends over N: \(shares.trendsDescribed). Each cell: \(shares.cellsDescribed). The same check on the control's runs: \(HagglingText.interval(controlInterval)).",
      measurements: [.init("runs as the text says", runs.filter(test).count), .init("fraction", lower: interval.lower, upper: interval.upper)],
      tolerance:
        "the fitted limit over N (regression on 1/N) of the fraction, with its 95% interval above 1/2; each cell: fraction above 1/2 (95% Wilson interval)",
      sampleSize: shares.map.cells.map(\.n).reduce(0, +))
    return ClaimResult(
      claim, map: shares.map, control: ControlResult(claim.control!, verdict: .comparing(controlInterval, .atLeast(0.5))), evidence: evidence)
  }

  /// The violet check: runs at (P, P) or (P, (R + T)/2) above 1/2, and (P, P) above 1/2 of those.
  static func differentCheck(
    _ runs: [HagglingRun], _ o: Outcome
  ) throws -> (verdict: Headline, ones: Int, onesAndHalf: Int, either: ConfidenceInterval, share: ConfidenceInterval) {
    let one = Rational(approximating: o.punishment), midpoint = Rational(approximating: (o.reward + o.temptation) / 2)
    func payoffsAre(_ run: HagglingRun, _ x: Rational?, _ y: Rational?) -> Bool {
      guard let exact = run.exactAveragePayoffs, let x, let y else { return false }
      return exact == [x, y]
    }
    let ones = runs.filter { payoffsAre($0, one, one) }.count
    let onesAndHalf = runs.filter { payoffsAre($0, one, midpoint) }.count
    let either = try wilson(ones + onesAndHalf, runs.count)
    let share = try wilson(ones, max(ones + onesAndHalf, 1))
    let verdicts = [Headline.comparing(either, .atLeast(0.5)), .comparing(share, .atLeast(0.5))]
    return (verdicts.contains(.fails) ? .fails : VerdictMap.combine(verdicts), ones, onesAndHalf, either, share)
  }

  func differentResult(_ outcomes: Outcomes<Outcome>) throws -> ClaimResult {
    let o = outcomes.base
    let check = try Self.differentCheck(o.results[2], o)
    let control = try Self.differentCheck(o.results[0], o)
    // The trend: runs ending at (P, P), whose probability above 1/2 implies both parts of the check.
    let shares = try ShareMap(
      design: Self.differentClaim.design,
      cells: outcomes.cells(of: Self.differentClaim).map { cell, outcome in
        (cell, Double(outcome.n), outcome.results[2].map { run in Self.endsAt(run, [outcome.punishment, outcome.punishment]) })
      }, sizeName: Self.maximumStates.name, bar: .atLeast(0.5))
    let evidence = Evidence(
      summary:
        "Base cell (deals = \(o.deals.rawValue), N = \(o.n)): of \(o.runs) violet runs, \(check.ones) end at (1, 1) and \(check.onesAndHalf) at (1, 2.5): together \(DecimalFormat.fixed(check.either.estimate, digits: 3)) \(HagglingText.interval(check.either)); (1, 1) is \(DecimalFormat.fixed(check.share.estimate, digits: 3)) \(HagglingText.interval(check.share)) of those. Trends over N of the fraction ending at (1, 1) (above 1/2 implies both parts): \(shares.trendsDescribed). Each cell: \(shares.cellsDescribed). Red runs (control): \(control.ones + control.onesAndHalf) at either.",
      measurements: [
        .init("runs at (1, 1)", check.ones), .init("runs at (1, 2.5)", check.onesAndHalf),
        .init("fraction at either", lower: check.either.lower, upper: check.either.upper),
        .init("share of (1, 1) among them", lower: check.share.lower, upper: check.share.upper),
      ],
      tolerance:
        "the fitted limit over N (regression on 1/N) of the fraction ending at (1, 1), with its 95% interval above 1/2 (which implies both fractions above 1/2); the base cell's two fractions are reported",
      sampleSize: shares.map.cells.map(\.n).reduce(0, +))
    return ClaimResult(
      Self.differentClaim, map: shares.map, control: ControlResult(Self.differentClaim.control!, verdict: control.verdict), evidence: evidence)
  }

  /// Whether a run's stable cycle pays exactly `payoffs` (compared as rationals).
  static func endsAt(_ run: HagglingRun, _ payoffs: [Double]) -> Bool {
    guard let exact = run.exactAveragePayoffs else { return false }
    let target = payoffs.compactMap { Rational(approximating: $0) }
    return target.count == payoffs.count && exact == target
  }

  /// The downward-closure check over every run of every scenario: each final demand at most the payoff
  /// realised, and the final demand vector in the downward closure of the feasible payoffs.
  /// `replace` substitutes the final demands (the control).
  static func closureCheck(
    _ o: Outcome, replace: [Double]? = nil
  ) throws -> (verdict: Headline, checked: Int, above: [String], outside: [String], segments: Int, segmentsOutside: Int) {
    var checked = 0, segments = 0, segmentsOutside = 0
    var above: [String] = [], outside: [String] = []
    var cache: [[Double]: Bool] = [:]
    func inClosure(_ v: [Double]) throws -> Bool {
      if let known = cache[v] { return known }
      let answer = try CoalitionAnalysis.downwardClosureContains(game: o.game, v)
      cache[v] = answer
      return answer
    }
    for (index, scenario) in scenarios.enumerated() {
      for (r, run) in o.results[index].enumerated() where !run.capped {
        checked += 1
        let demands = replace ?? run.finalDemands.map { $0! }
        if replace == nil, let exact = run.exactFinalDemands as? [Rational], let realised = run.exactAveragePayoffs {
          if zip(exact, realised).contains(where: { $1 < $0 }) {
            above.append("\(scenario.name) run \(r + 1): demands \(exact), payoffs \(realised)")
          }
        } else if zip(demands, run.averagePayoffs).contains(where: { $1 < $0 - 1e-9 }) {
          above.append("\(scenario.name) run \(r + 1): demands \(demands), payoffs \(run.averagePayoffs)")
        }
        if try !inClosure(demands) { outside.append("\(scenario.name) run \(r + 1): final demands \(demands)") }
        for vector in demandVectors(run) {
          segments += 1
          if try !inClosure(vector) { segmentsOutside += 1 }
        }
      }
    }
    return (.checking(above.isEmpty && outside.isEmpty), checked, above, outside, segments, segmentsOutside)
  }

  /// The demand vectors held between switches (both agents' demands once both have one).
  static func demandVectors(_ run: HagglingRun) -> [[Double]] {
    var vectors: [[Double]] = []
    var current: [Double?] = [nil, nil]
    for (k, s) in run.switches.enumerated() {
      current[s.agent] = s.demand
      if k + 1 < run.switches.count && run.switches[k + 1].time == s.time { continue }
      if let a = current[0], let b = current[1] { vectors.append([a, b]) }
    }
    return vectors
  }

  func closureResult(_ outcomes: Outcomes<Outcome>) throws -> ClaimResult {
    let o = outcomes.base
    let check = try Self.closureCheck(o)
    let cells = try outcomes.cells(of: Self.downwardClosureClaim).map { cell, outcome in
      let c = try Self.closureCheck(outcome)
      return VerdictMap.Cell(reading: cell.readingSetting, verdict: c.verdict, n: c.checked)
    }
    let control = try Self.closureCheck(o, replace: [o.temptation, o.temptation])
    let evidence = Evidence(
      summary:
        "In \(check.checked) runs (all scenarios), every agent's final demand is at most its average payoff in the stable cycle (exceptions: \(check.above.count)), so every final demand vector lies in the downward closure of the realizable payoffs (LP check; exceptions: \(check.outside.count)). Of the \(check.segments) demand vectors held between switches, \(check.segmentsOutside) lay outside the downward closure, and each of them was ended by a falsification (only a run's last demand vector is never falsified, and none of those lay outside). With (T, T) in place of the final demands, the check finds \(control.outside.count) outside. Each reading: \(ShareMap.describe(cells)).",
      measurements: [
        .init("runs", check.checked), .init("final demand above the payoff realised", check.above.count),
        .init("final demands outside the downward closure", check.outside.count),
        .init("demand vectors held", check.segments), .init("of those outside the downward closure", check.segmentsOutside),
      ],
      tolerance: "exact (rational demands and payoffs); the LP with δ = 10⁻⁹", sampleSize: check.checked,
      counterexample: (check.above + check.outside).first)
    return ClaimResult(
      Self.downwardClosureClaim, map: VerdictMap(design: Self.downwardClosureClaim.design, cells: cells),
      control: ControlResult(Self.downwardClosureClaim.control!, verdict: control.verdict), evidence: evidence)
  }

  static func outcomeTables(_ o: Outcome) throws -> [Table] {
    var outcomes = Table(
      id: "ibh.prisoners-dilemma.outcomes", title: "Stable cycles by scenario (N = \(o.n), \(o.runs) runs each; player 1 is the text's agent 1)",
      columns: [
        "scenario", "stable cycle", "runs", "fraction", "95% interval", "example payoffs", "median lock-in round", "median switches (both agents)",
      ])
    var payoffTable = Table(
      id: "ibh.prisoners-dilemma.payoffs", title: "Final payoffs by scenario (averages over the stable cycle)",
      columns: ["scenario", "payoffs", "runs", "fraction"])
    for (index, scenario) in scenarios.enumerated() {
      var tally = OutcomeTally()
      var byPayoff = OutcomeTally()
      for (r, run) in o.results[index].enumerated() {
        tally.add(outcomeClass(run, game: o.game), run: r)
        byPayoff.add(HagglingText.payoffs(run), run: r)
      }
      for (key, count) in tally.sorted {
        let members = o.results[index].filter { outcomeClass($0, game: o.game) == key }
        outcomes.append([
          .text(scenario.name), .text(key), .integer(count), .real(Double(count) / Double(o.runs), digits: 3),
          .text(HagglingText.interval(try wilson(count, o.runs))),
          .text(HagglingText.payoffs(o.results[index][tally.examples[key]!])),
          .real(try Statistics.median(members.map { Double($0.lockInTime) }), digits: 1),
          .real(try Statistics.median(members.map { Double($0.switches.count) }), digits: 1),
        ])
      }
      for (key, count) in byPayoff.sorted.prefix(8) {
        payoffTable.append([.text(scenario.name), .text(key), .integer(count), .real(Double(count) / Double(o.runs), digits: 3)])
      }
    }
    return [outcomes, payoffTable]
  }

  /// Why green runs do not mix: the other agent's demand when agent 1's first falls below R.
  static func diagnosisTable(_ o: Outcome) -> Table {
    var diagnosis = Table(
      id: "ibh.prisoners-dilemma.green-diagnosis",
      title: "Green runs: agent 2's demand when agent 1's demand first falls below R = \(DecimalFormat.compact(o.reward)), and the outcome",
      columns: ["agent 2's demand then", "stable cycle", "runs", "agent 1 ends on ⊤"])
    var tally = OutcomeTally()
    var endsOnTop: [String: Int] = [:]
    for (r, run) in o.results[1].enumerated() {
      var other: Rational?
      var key = "agent 1 never below R"
      for s in run.switches {
        if s.agent == 1 { other = s.exactDemand }
        if s.agent == 0, s.demand < o.reward - 1e-12 {
          key = other.map(\.description) ?? "–"
          break
        }
      }
      let full = key + "|" + outcomeClass(run, game: o.game)
      tally.add(full, run: r)
      if run.finalHypotheses[0] == 0 { endsOnTop[full, default: 0] += 1 }
    }
    for (key, count) in tally.sorted {
      let parts = key.split(separator: "|").map(String.init)
      diagnosis.append([.text(parts[0]), .text(parts[1]), .integer(count), .integer(endsOnTop[key] ?? 0)])
    }
    return diagnosis
  }

  static func sweepTable(_ o: Outcome) -> Table {
    var sweep = Table(
      id: "ibh.prisoners-dilemma.green-sweep",
      title: "Green with other fractions of agent 1's hypotheses worth at least R kept (\(o.runs) runs each; the verdict uses the green parameter)",
      columns: ["kept", "(C,C) only", "(C,C) and (C,D)", "(D,D) only", "other"])
    let known = ["(C,C) only", "(C,C) and (C,D)", "(D,D) only"]
    for (keep, runs) in o.sweep {
      let classes = runs.map { outcomeClass($0, game: o.game) }
      sweep.append(
        [.text(DecimalFormat.compact(keep))] + known.map { key in .integer(classes.filter { $0 == key }.count) } + [
          .integer(classes.filter { !known.contains($0) }.count)
        ])
    }
    return sweep
  }

  /// The payoff range shared by both figures, and the game's geometry.
  static func frame(_ o: Outcome) throws -> (geometry: TwoPlayerPayoffGeometry, range: ClosedRange<Double>, span: Double) {
    let geometry = try TwoPlayerPayoffGeometry(o.game, exact: true)
    let low = min(geometry.feasibleSet.vertices.map(\.x).min()!, geometry.feasibleSet.vertices.map(\.y).min()!)
    let high = max(geometry.feasibleSet.vertices.map(\.x).max()!, geometry.feasibleSet.vertices.map(\.y).max()!)
    let margin = 0.06 * (high - low)
    return (geometry, (low - margin)...(high + margin), high - low)
  }

  static func trajectories(_ o: Outcome) throws -> String {
    let (geometry, range, _) = try frame(o)
    var chart = Chart(
      title: "Demands over the realizable payoffs (one run per scenario)", x: Axis(label: "agent 1's demand", range: range),
      y: Axis(label: "agent 2's demand", range: range))
    chart.polygon("realizable payoffs", geometry.feasibleSet.chartVertices, colour: .skyBlue)
    // The minimax lines first, so that a path along them (the violet one ends at (P, P)) is drawn on top.
    chart.referenceLine(x: geometry.minimax.x, label: "minimax")
    chart.referenceLine(y: geometry.minimax.y)
    let expected = ["(C,C) only", "(C,C) and (C,D)", nil]
    let violetEnds = [[o.punishment, o.punishment], [o.punishment, (o.reward + o.temptation) / 2]]
    for (index, scenario) in scenarios.enumerated().prefix(3) {
      let batch = o.results[index]
      let pick =
        batch.first { run in
          if let wanted = expected[index] { return outcomeClass(run, game: o.game) == wanted }
          return !run.capped && violetEnds.contains { zip($0, run.averagePayoffs).allSatisfy { abs($0 - $1) < 1e-9 } }
        } ?? batch[0]
      let points = demandVectors(pick).map { (x: $0[0], y: $0[1]) }
      chart.line("\(scenario.name): ends at \(HagglingText.payoffs(pick))", points, colour: scenario.colour)
      chart.scatter(nil, Array(points.suffix(1)), marker: .square, colour: scenario.colour)
    }
    return chart.svg()
  }

  static func finals(_ o: Outcome) throws -> String {
    let (geometry, range, span) = try frame(o)
    var chart = Chart(
      title: "Final payoffs of every run (markers offset by scenario, labelled with run counts)", x: Axis(label: "agent 1's payoff", range: range),
      y: Axis(label: "agent 2's payoff", range: range))
    chart.polygon("feasible payoffs", geometry.feasibleSet.chartVertices, colour: .skyBlue)
    chart.line("Pareto frontier", geometry.paretoFrontier.map { (x: $0.x, y: $0.y) }, colour: .black)
    let markers: [Marker] = [.circle, .square, .triangle]
    var labels: [(text: String, at: (x: Double, y: Double))] = []
    for (index, scenario) in scenarios.enumerated().prefix(3) {
      var counts: [[Double]: Int] = [:]
      for run in o.results[index] where !run.capped { counts[run.averagePayoffs, default: 0] += 1 }
      let offset = Double(index - 1) * 0.06 * span
      let points = counts.keys.sorted { $0.lexicographicallyPrecedes($1) }
      chart.scatter(scenario.name, points.map { (x: $0[0] + offset, y: $0[1]) }, marker: markers[index], colour: scenario.colour)
      for point in points { labels.append((text: "\(counts[point]!)", at: (x: point[0] + offset, y: point[1] + 0.06 * span))) }
    }
    for label in labels { chart.text(label.text, at: label.at) }
    chart.referenceLine(x: geometry.minimax.x, label: "minimax")
    chart.referenceLine(y: geometry.minimax.y)
    return chart.svg()
  }
}
