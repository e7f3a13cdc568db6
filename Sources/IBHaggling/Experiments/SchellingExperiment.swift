import Foundation
import GameTheory
import LabKit

/// §Schelling Pub and §Schelling points.
///
/// Schelling pub: the battle of the sexes with the story's order of preferences, (preferred,
/// compromise, apart) = (2, 1, 0) by default (the text gives no numbers). Friend 1 prefers X. Two
/// haggling agents with ⊤ and the password hypotheses of at most N states. Standard, fixed before the
/// runs: reproduced when (i) the fraction of runs whose stable cycle is Pareto-optimal (every round a
/// meeting) tends to at least 0.9 as N grows (the fitted limit of the fraction over ≥ 3 sizes of N,
/// regressed on 1/N, has a 95% interval above 0.9; the bar 0.9 was fixed before the first run, the trend
/// replaced a check at one N when issue 13 showed the fraction still rising with N), (ii) meetings at X and meetings at Y both occur among
/// the stable cycles, and (iii) against a friend who plays its minimax strategy, ⊤'s "go to my pub
/// whatever happens", the haggling friend joins it in every run, and both then get more than when both
/// play their minimax strategies.
///
/// Schelling points: a game with several equally good outcomes of different description lengths,
/// the pure coordination game with two actions A, B paying 1 to both when they match and 0 otherwise.
/// Every stable cycle of matches is equally good (1 each); a cycle of period m is described by the
/// loop of a password hypothesis of length m, so its description length grows with m (by
/// E(m) + m log₂ 4 bits). Runs under the description-length prior and, for contrast, the uniform prior.
/// Standard, fixed before the runs: reproduced when, under the description-length prior, the number
/// of runs per distinct outcome (cycles up to rotation) falls strictly with the period over the
/// periods that occur, and the fraction of period-1 outcomes is higher than under the uniform prior
/// (disjoint 95% Wilson intervals).
struct SchellingExperiment: Experiment {
  init() {}

  let id = "ibh.schelling"
  let title = "Schelling pub and Schelling points"
  let sections = ["§Schelling Pub (Battle of the sexes)", "§Schelling points"]

  static let preferred = ParameterKey<Double>("preferred")
  static let compromise = ParameterKey<Double>("compromise")
  static let apart = ParameterKey<Double>("apart")
  static let maximumStates = ParameterKey<Int>("maximumStates")
  static let runs = ParameterKey<Int>("runs")
  static let sizeRuns = ParameterKey<Int>("sizeRuns")
  static let topTieBreak = HagglingParameters.topTieBreakKey

  static let pubClaim = Claim(
    id: "ibh.schelling-pub", source: "§Schelling Pub (Battle of the sexes)", kind: .claim,
    statement:
      "The agents reach a Pareto-optimal payoff, both going to pub X some of the time and both to pub Y otherwise; if one plays its minimax strategy (going to its pub no matter what), the other joins it, and both end better off than if both played their minimax strategies.",
    class: .empirical, control: Control("friends holding ⊤ only (no password hypotheses): each goes to its own pub"),
    readings: [apart.erased, topTieBreak.erased], sizes: [maximumStates.erased], design: .oneAtATime)
  static let pointsClaim = Claim(
    id: "ibh.schelling-points", source: "§Schelling points", kind: .claim,
    statement: "With a simplicity prior, simpler outcomes are more likely to arise as the result of haggling.",
    class: .empirical, control: Control("the priors swapped: the uniform prior judged as if it were the simplicity prior"))

  var claims: [Claim] { [Self.pubClaim, Self.pointsClaim] }

  var parameters: [Parameter] {
    [
      Parameter(Self.preferred, "Schelling pub: together at one's preferred pub.", domain: .real(-100...100), default: 2.0),
      Parameter(Self.compromise, "Schelling pub: together at the other pub.", domain: .real(-100...100), default: 1.0),
      Parameter(Self.apart, "Schelling pub: apart (the text orders the outcomes but gives no numbers).", domain: .real(-100...100), default: 0.0),
      Parameter(Self.maximumStates, "N: the bound on hypothesis states.", domain: .integer(2...9), smoke: 5, standard: 6, paper: 8),
      Parameter(Self.runs, "Runs per set-up.", domain: .integer(2...100_000), smoke: 20, standard: 200, paper: 1000),
      Parameter(
        Self.sizeRuns, "Runs of the pub (and of its ⊤-only control) at each size of the trend other than the base N.", domain: .integer(2...100_000),
        smoke: 10, standard: 200, paper: 1000),
      HagglingParameters.topTieBreak,
    ] + HagglingParameters.common
  }

  var readings: [Reading] {
    [
      Reading(
        Self.apart,
        [
          .init(0.0, reason: "apart is the worst outcome, and 0 keeps the story's ordering (2, 1, 0) with equal steps", source: "§Schelling Pub"),
          .init(
            -1.0, reason: "being apart costs something (a wasted evening): below the compromise by more than one step",
            source: "a careful reader; the battle of the sexes is often written with a negative miscoordination payoff"),
          .init(0.5, reason: "apart is only slightly worse than the compromise", source: "a careful reader (the text gives no numbers)"),
        ]),
      HagglingParameters.topTieBreakReading,
    ]
  }

  var sizes: [Size] {
    [Size(Self.maximumStates, "bound N on hypothesis states", smoke: [3, 4, 5], standard: [4, 5, 6, 7, 8], paper: [4, 5, 6, 7, 8, 9])]
  }

  /// What one cell simulates.
  struct Outcome: Sendable {
    let n: Int
    let runs: Int
    let game: NormalFormGame
    /// Two haggling friends.
    let pub: [HagglingRun]
    /// Friend k fixed on its minimax action, the other haggling.
    let minimax: [[HagglingRun]]
    let topActions: [Int]
    /// Two friends holding ⊤ only (the control).
    let topOnly: [HagglingRun]
    /// Pure coordination under the description-length and the uniform prior (base cell only).
    let points: [PriorCoding: [HagglingRun]]
  }

  func simulate(in context: RunContext) throws -> Outcome {
    let p = context.parameters
    let runs = context.isBaseCell ? p[Self.runs] : p[Self.sizeRuns]
    let n = p[Self.maximumStates]
    let options = HagglingParameters.options(p)
    let pub = NormalFormGame.schellingPub(preferred: p[Self.preferred], compromise: p[Self.compromise], apart: p[Self.apart])
    let setup = try HagglingSetup(
      game: pub, options: .init(maximumStates: n), ranking: HagglingParameters.ranking(p), policyDiscount: p[HagglingParameters.discountKey],
      jobs: context.jobs, topTieBreak: p[Self.topTieBreak])
    let specs = setup.hagglers(prior: HagglingParameters.prior(p))
    let pubRuns = try HagglingBatch.run(context, stream: "pub", runs: runs, game: pub, options: options) { _, _ in specs.map { .haggler($0) } }
    // The minimax friend plays ⊤'s action (hypothesis 0, its only state), with the cell's tie-break.
    let topActions = setup.valuations.map { $0.action(0, state: 0) }
    let minimax = try (0..<2).map { fixed in
      let strategy = FixedStrategy.constant(topActions[fixed], name: "friend \(fixed + 1): minimax", profileCount: pub.profiles.count)
      return try HagglingBatch.run(context, stream: "minimax-\(fixed + 1)", runs: runs, game: pub, options: options) { _, _ in
        (0..<2).map { $0 == fixed ? .fixed(strategy) : .haggler(specs[1 - fixed]) }
      }
    }
    let topSetup = try HagglingSetup(
      game: pub, options: .init(maximumStates: n, passwords: false), ranking: HagglingParameters.ranking(p),
      policyDiscount: p[HagglingParameters.discountKey], jobs: context.jobs, topTieBreak: p[Self.topTieBreak])
    let topSpecs = topSetup.hagglers(prior: HagglingParameters.prior(p))
    let topOnly = try HagglingBatch.run(context, stream: "pub-top-only", runs: runs, game: pub, options: options) { _, _ in
      topSpecs.map { .haggler($0) }
    }
    return Outcome(
      n: n, runs: runs, game: pub, pub: pubRuns, minimax: minimax, topActions: topActions, topOnly: topOnly,
      points: context.isBaseCell ? try coordinationRuns(context) : [:])
  }

  /// Pure coordination runs under the description-length and the uniform prior.
  func coordinationRuns(_ context: RunContext) throws -> [PriorCoding: [HagglingRun]] {
    let p = context.parameters
    let coordination = NormalFormGame.coordination(payoffs: [1, 1])
    let setup = try HagglingSetup(
      game: coordination, options: .init(maximumStates: p[Self.maximumStates]), ranking: HagglingParameters.ranking(p),
      policyDiscount: p[HagglingParameters.discountKey], jobs: context.jobs)
    var result: [PriorCoding: [HagglingRun]] = [:]
    for coding in [PriorCoding.descriptionLength, .uniform] {
      let hagglers = setup.hagglers(prior: coding)
      result[coding] = try HagglingBatch.run(
        context, stream: "points-\(coding.rawValue)", runs: p[Self.runs], game: coordination,
        options: HagglingParameters.options(p)
      ) { _, _ in hagglers.map { .haggler($0) } }
    }
    return result
  }

  func judge(_ outcomes: Outcomes<Outcome>, in context: RunContext) throws -> ExperimentResult {
    let base = outcomes.base
    let points = try pointsResult(base)
    return ExperimentResult(
      tables: [try Self.pubTable(base), try Self.minimaxTable(base), points.table],
      figures: [
        Figure(id: "ibh.schelling-pub-outcomes", title: "Schelling pub: stable cycles of two haggling friends", drawing: Self.pubFigure(base))
          .captioned(
            "X and Y are the two pubs. A run's stable cycle is \"always X\" or \"always Y\" when the friends meet at the same pub every round, \"X and Y alternate\" when they meet at both in turn, and \"apart sometimes\" when some round of the cycle finds them at different pubs (or the run hit its step cap before a cycle was found)."
          )
      ],
      claims: [try pubResult(outcomes), points.claim])
  }

  static func together(_ run: HagglingRun) -> Bool { !run.capped && run.cycle.allSatisfy { $0 == [0, 0] || $0 == [1, 1] } }

  /// Whether the haggling friend joins the fixed one in every round of the stable cycle.
  static func joins(_ run: HagglingRun, fixed: Int, action: Int) -> Bool { !run.capped && run.cycle.allSatisfy { $0[1 - fixed] == action } }

  func pubResult(_ outcomes: Outcomes<Outcome>) throws -> ClaimResult {
    let entries = outcomes.cells(of: Self.pubClaim)
    var cells: [VerdictMap.Cell] = []
    var control: [(size: Double, value: Double)] = []
    var order: [String] = []
    var byReading: [String: (setting: Setting, entries: [Outcome])] = [:]
    for (cell, outcome) in entries {
      let count = outcome.pub.filter(Self.together).count
      cells.append(
        VerdictMap.Cell(
          reading: cell.readingSetting, size: cell.sizeSetting, interval: try wilson(count, outcome.runs), bar: .atLeast(0.9), n: outcome.runs))
      let key = VerdictMap.describe(cell.readingSetting)
      if byReading[key] == nil {
        order.append(key)
        byReading[key] = (cell.readingSetting, [])
      }
      byReading[key]!.entries.append(outcome)
      if cell.readingSetting == entries[0].cell.readingSetting {
        control += outcome.topOnly.map { (size: Double(outcome.n), value: Self.together($0) ? 1.0 : 0.0) }
      }
    }
    let allTrends = order.flatMap { Self.pubTrends(reading: byReading[$0]!.setting, byReading[$0]!.entries) }
    let trends = allTrends.filter { $0.reading.last?.value != "both pubs occur and joining pays both" }
    let name = Self.maximumStates.name
    let controlTrend = try? Trend(reading: [], sizeName: name, observations: control, statistic: .limit, bar: .atLeast(0.9), validRange: 0...1)
    let base = outcomes.base
    let good = base.pub.filter(Self.together)
    let meetsAtX = good.filter { $0.cycle.contains([0, 0]) }.count, meetsAtY = good.filter { $0.cycle.contains([1, 1]) }.count
    let mutual = base.game.payoffs(base.topActions)
    let better = Self.joiningPays(base)
    let map = VerdictMap(design: Self.pubClaim.design, cells: cells, trends: allTrends)
    let evidence = Evidence(
      summary:
        "Fraction of runs ending in a Pareto-optimal cycle (every round together) by reading and N: \(ShareMap.describe(cells)). Trends: \(allTrends.map { VerdictMap.describe($0.reading) + ": " + $0.described + ": " + $0.verdict.rawValue }.joined(separator: "; ")). At the base N = \(base.n), \(meetsAtX) of the \(good.count) Pareto-optimal runs meet at X at least sometimes and \(meetsAtY) at Y; joining a minimax friend beats the mutual-minimax payoffs (\(mutual.map { DecimalFormat.compact($0) }.joined(separator: ", "))) for both: \(better). Control (⊤ only, base reading): \(controlTrend?.described ?? "no trend").",
      measurements: [.init("runs meeting at X", meetsAtX), .init("runs meeting at Y", meetsAtY), .init("both beat mutual minimax", better)]
        + trends.map { .init(VerdictMap.describe($0.reading) + ", fitted limit", lower: $0.lower, upper: $0.upper) },
      tolerance:
        "in each reading: fitted limit over N of the Pareto-optimal fraction with a 95% interval above 0.9; joining in every run; both pubs occur",
      sampleSize: cells.reduce(0) { $0 + 3 * $1.n })
    return ClaimResult(
      Self.pubClaim, map: map, control: ControlResult(Self.pubClaim.control!, verdict: controlTrend?.verdict ?? .inconclusive), evidence: evidence)
  }

  /// The three trends over N of one reading: Pareto-optimal runs (≥ 0.9), runs joining a minimax friend
  /// (≥ 1), and both pubs occurring with joining paying both (≥ 1). Each trend's reading is the cell's
  /// reading and the measure.
  static func pubTrends(reading: Setting, _ outcomes: [Outcome]) -> [Trend] {
    var optimal: [(size: Double, value: Double)] = []
    var joined: [(size: Double, value: Double)] = []
    var sides: [(size: Double, value: Double)] = []
    for outcome in outcomes {
      let size = Double(outcome.n)
      optimal += outcome.pub.map { (size: size, value: Self.together($0) ? 1.0 : 0.0) }
      for fixed in 0..<2 {
        joined += outcome.minimax[fixed].map { (size: size, value: Self.joins($0, fixed: fixed, action: outcome.topActions[fixed]) ? 1.0 : 0.0) }
      }
      sides.append((size: size, value: Self.bothPubs(outcome) && Self.joiningPays(outcome) ? 1.0 : 0.0))
    }
    let name = maximumStates.name
    return [
      ("runs ending Pareto-optimal", optimal, 0.9), ("runs joining a minimax friend", joined, 1.0),
      ("both pubs occur and joining pays both", sides, 1.0),
    ].compactMap { measure, observations, bar in
      try? Trend(
        reading: reading + [SettingItem("measure", measure)], sizeName: name, observations: observations, statistic: .limit, bar: .atLeast(bar),
        validRange: 0...1)
    }
  }

  /// Both pubs occur among the Pareto-optimal stable cycles.
  static func bothPubs(_ outcome: Outcome) -> Bool {
    let good = outcome.pub.filter(together)
    return good.contains { $0.cycle.contains([0, 0]) } && good.contains { $0.cycle.contains([1, 1]) }
  }

  /// Joining a minimax friend beats the mutual-minimax payoffs for both friends, whichever is fixed.
  static func joiningPays(_ outcome: Outcome) -> Bool {
    let mutual = outcome.game.payoffs(outcome.topActions)
    return (0..<2).allSatisfy { fixed in
      let payoffs = outcome.minimax[fixed].first { joins($0, fixed: fixed, action: outcome.topActions[fixed]) }?.averagePayoffs ?? [.nan, .nan]
      return (0..<2).allSatisfy { payoffs[$0] > mutual[$0] }
    }
  }

  /// The Schelling-points check: under `simple`, runs per distinct outcome fall strictly with the
  /// period, and period-1 outcomes are more frequent than under `contrast` (disjoint intervals).
  static func pointsCheck(
    simple: [HagglingRun], contrast: [HagglingRun]
  ) throws -> (verdict: Headline, rates: [(period: Int, rate: Double)], ones: ConfidenceInterval, contrastOnes: ConfidenceInterval) {
    let coordination = NormalFormGame.coordination(payoffs: [1, 1])
    var byPeriod: [Int: [String]] = [:]
    for run in simple where !run.capped { byPeriod[run.cycle.count, default: []].append(HagglingText.canonicalCycle(run.cycle, game: coordination)) }
    let rates = byPeriod.keys.sorted().map { (period: $0, rate: Double(byPeriod[$0]!.count) / Double(Set(byPeriod[$0]!).count)) }
    let decreasing = zip(rates, rates.dropFirst()).allSatisfy { $0.rate > $1.rate }
    let ones = try wilson(simple.filter { !$0.capped && $0.cycle.count == 1 }.count, simple.count)
    let contrastOnes = try wilson(contrast.filter { !$0.capped && $0.cycle.count == 1 }.count, contrast.count)
    return (.checking(decreasing && ones.lower > contrastOnes.upper), rates, ones, contrastOnes)
  }

  func pointsResult(_ base: Outcome) throws -> (claim: ClaimResult, table: Table) {
    let simple = base.points[.descriptionLength] ?? [], uniform = base.points[.uniform] ?? []
    let check = try Self.pointsCheck(simple: simple, contrast: uniform)
    let control = try Self.pointsCheck(simple: uniform, contrast: simple)
    let coordination = NormalFormGame.coordination(payoffs: [1, 1])
    var table = Table(
      id: "ibh.schelling.points",
      title: "Pure coordination (A, B; 1 when matching): stable cycles by period, under two priors (N = \(base.n), \(base.runs) runs each)",
      columns: [
        "prior", "period", "description length of the loop (bits)", "runs", "distinct outcomes", "runs per outcome", "matching in every round",
      ])
    for (coding, batch) in [(PriorCoding.descriptionLength, simple), (.uniform, uniform)] {
      let valid = batch.filter { !$0.capped }
      for period in Set(valid.map(\.cycle.count)).sorted() {
        let members = valid.filter { $0.cycle.count == period }
        let distinct = Set(members.map { HagglingText.canonicalCycle($0.cycle, game: coordination) }).count
        table.append([
          .text(coding.rawValue), .integer(period), .real(HypothesisSpace.lengthCode(period) + 2 * Double(period), digits: 0),
          .integer(members.count),
          .integer(distinct), .real(Double(members.count) / Double(distinct), digits: 2),
          .integer(members.filter { $0.cycle.allSatisfy { $0[0] == $0[1] } }.count),
        ])
      }
    }
    let evidence = Evidence(
      summary:
        "Under the description-length prior, runs per distinct outcome by period: \(check.rates.map { "period \($0.period): \(DecimalFormat.compact($0.rate, significant: 3))" }.joined(separator: ", ")). Period-1 outcomes (always A or always B): \(HagglingText.interval(check.ones)) under the description-length prior against \(HagglingText.interval(check.contrastOnes)) under the uniform prior.",
      measurements: [
        .init("period 1, description-length prior", lower: check.ones.lower, upper: check.ones.upper),
        .init("period 1, uniform prior", lower: check.contrastOnes.lower, upper: check.contrastOnes.upper),
      ],
      tolerance: "strictly falling runs per outcome; disjoint 95% Wilson intervals for the period-1 fractions",
      sampleSize: simple.count + uniform.count)
    return (
      ClaimResult(
        Self.pointsClaim,
        map: .single(check.verdict, estimate: check.ones.estimate, lower: check.ones.lower, upper: check.ones.upper, n: simple.count),
        control: ControlResult(Self.pointsClaim.control!, verdict: control.verdict), evidence: evidence), table
    )
  }

  static func pubTable(_ base: Outcome) throws -> Table {
    var tally = OutcomeTally()
    for (r, run) in base.pub.enumerated() { tally.add(HagglingText.canonicalCycle(run.cycle, game: base.game), run: r) }
    var table = Table(
      id: "ibh.schelling.pub", title: "Schelling pub: stable cycles of two haggling friends (N = \(base.n), \(base.runs) runs)",
      columns: ["stable cycle (from its least rotation)", "runs", "fraction", "payoffs", "share of rounds together at X", "Pareto-optimal"])
    for (key, count) in tally.sorted {
      let run = base.pub[tally.examples[key]!]
      table.append([
        .text(key), .integer(count), .real(Double(count) / Double(base.runs), digits: 3), .text(HagglingText.payoffs(run)),
        .text(run.cycle.isEmpty ? "–" : "\(run.cycle.filter { $0 == [0, 0] }.count)/\(run.cycle.count)"), .text(together(run) ? "yes" : "no"),
      ])
    }
    return table
  }

  static func minimaxTable(_ base: Outcome) throws -> Table {
    var table = Table(
      id: "ibh.schelling.minimax", title: "One friend plays its minimax strategy, the other haggles (\(base.runs) runs each)",
      columns: ["fixed friend", "its action", "runs where the other joins it", "payoffs", "payoffs when both play their minimax strategies"])
    let mutual = base.game.payoffs(base.topActions)
    for fixed in 0..<2 {
      let joined = base.minimax[fixed].filter { joins($0, fixed: fixed, action: base.topActions[fixed]) }
      let payoffs = joined.first?.averagePayoffs ?? [.nan, .nan]
      table.append([
        .text("friend \(fixed + 1)"), .text(base.game.actions[fixed][base.topActions[fixed]]), .integer(joined.count),
        .text("(" + payoffs.map { DecimalFormat.compact($0) }.joined(separator: ", ") + ")"),
        .text("(" + mutual.map { DecimalFormat.compact($0) }.joined(separator: ", ") + ")"),
      ])
    }
    return table
  }

  static func pubFigure(_ base: Outcome) -> BarChart {
    var bars = BarChart(
      title: "Schelling pub: where the friends end", categories: ["always X", "always Y", "X and Y alternate", "apart sometimes"],
      xLabel: "stable cycle", y: Axis(label: "runs"))
    let good = base.pub.filter(together)
    let categories = [
      good.filter { $0.cycle.allSatisfy { $0 == [0, 0] } }.count, good.filter { $0.cycle.allSatisfy { $0 == [1, 1] } }.count,
      good.filter { $0.cycle.contains([0, 0]) && $0.cycle.contains([1, 1]) }.count, base.pub.count - good.count,
    ]
    bars.bars("two haggling friends (\(base.runs) runs)", categories.map(Double.init))
    return bars
  }
}
