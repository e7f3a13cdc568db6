import Foundation
import GameTheory
import LabKit

/// §Schelling Pub and §Schelling points.
///
/// Schelling pub: the battle of the sexes with the story's order of preferences, (preferred,
/// compromise, apart) = (2, 1, 0) by default (the text gives no numbers). Friend 1 prefers X. Two
/// haggling agents with ⊤ and the password hypotheses of at most N states. Standard, fixed before the
/// runs: reproduced when (i) the fraction of runs whose stable cycle is Pareto-optimal (every round a
/// meeting) has a 95% Wilson interval above 0.9, (ii) meetings at X and meetings at Y both occur among
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
public struct SchellingExperiment: Experiment {
  public init() {}

  public let id = "ibh.schelling"
  public let title = "Schelling pub and Schelling points"
  public let sections = ["§Schelling Pub (Battle of the sexes)", "§Schelling points"]

  public static let pubClaim = Claim(
    id: "ibh.schelling-pub", source: "§Schelling Pub (Battle of the sexes)", kind: .claim,
    statement: "The agents reach a Pareto-optimal payoff, both going to pub X some of the time and both to pub Y otherwise; if one plays its minimax strategy (going to its pub no matter what), the other joins it, and both end better off than if both played their minimax strategies.")
  public static let pointsClaim = Claim(
    id: "ibh.schelling-points", source: "§Schelling points", kind: .claim,
    statement: "With a simplicity prior, simpler outcomes are more likely to arise as the result of haggling.")

  public var claims: [Claim] { [Self.pubClaim, Self.pointsClaim] }

  public var parameters: [Parameter] {
    [
      Parameter("preferred", "Schelling pub: together at one's preferred pub.", domain: .real(-100...100), default: .real(2)),
      Parameter("compromise", "Schelling pub: together at the other pub.", domain: .real(-100...100), default: .real(1)),
      Parameter("apart", "Schelling pub: apart.", domain: .real(-100...100), default: .real(0)),
      Parameter("maximumStates", "N: the bound on hypothesis states.", domain: .integer(2...9), smoke: .integer(5), standard: .integer(6), paper: .integer(8)),
      Parameter("runs", "Runs per set-up.", domain: .integer(2...100_000), smoke: .integer(20), standard: .integer(200), paper: .integer(1000)),
      HagglingParameters.ranking(), HagglingParameters.discount, HagglingParameters.prior, HagglingParameters.maximumSteps, HagglingParameters.rankAt,
    ]
  }

  public func simulate(in context: RunContext) throws -> ExperimentResult {
    let p = context.parameters
    let ranking = HagglingParameters.ranking(p)
    let prior = HagglingParameters.prior(p)
    let runs = p.integer("runs")
    let n = p.integer("maximumStates")
    let options = HagglingParameters.options(p)

    // The pub.
    let pub = NormalFormGame.schellingPub(preferred: p.real("preferred"), compromise: p.real("compromise"), apart: p.real("apart"))
    let setup = try HagglingSetup(game: pub, options: .init(maximumStates: n), ranking: ranking, policyDiscount: p.real("discount"), jobs: context.jobs)
    let specs = setup.hagglers(prior: prior)
    let pubRuns = try HagglingBatch.run(context, stream: "pub", runs: runs, game: pub, options: options) { _, _ in specs.map { .haggler($0) } }
    let x = [0, 0], y = [1, 1]
    var tally = OutcomeTally()
    for (r, run) in pubRuns.enumerated() { tally.add(HagglingText.canonicalCycle(run.cycle, game: pub), run: r) }
    var pubTable = Table(id: "ibh.schelling.pub", title: "Schelling pub: stable cycles of two haggling friends (N = \(n), \(runs) runs)",
                         columns: ["stable cycle (from its least rotation)", "runs", "fraction", "payoffs", "share of rounds together at X", "Pareto-optimal"])
    for (key, count) in tally.sorted {
      let run = pubRuns[tally.examples[key]!]
      let together = run.cycle.allSatisfy { $0 == x || $0 == y }
      pubTable.append([.text(key), .integer(count), .real(Double(count) / Double(runs), digits: 3), .text(HagglingText.payoffs(run)),
                       .text(run.cycle.isEmpty ? "–" : "\(run.cycle.filter { $0 == x }.count)/\(run.cycle.count)"), .text(together ? "yes" : "no")])
    }
    let optimal = pubRuns.filter { !$0.capped && $0.cycle.allSatisfy { $0 == x || $0 == y } }
    let optimalInterval = try wilson(optimal.count, runs)
    let meetsAtX = optimal.filter { $0.cycle.contains(x) }.count
    let meetsAtY = optimal.filter { $0.cycle.contains(y) }.count
    let mixed = optimal.filter { $0.cycle.contains(x) && $0.cycle.contains(y) }.count
    // One friend plays its minimax strategy (⊤'s action).
    var minimaxTable = Table(id: "ibh.schelling.minimax", title: "One friend plays its minimax strategy, the other haggles (\(runs) runs each)",
                             columns: ["fixed friend", "its action", "runs where the other joins it", "payoffs", "payoffs when both play their minimax strategies"])
    let topActions = setup.views.map(\.topAction)
    let mutual = pub.payoffs(topActions)
    var joins = true
    var better = true
    for fixed in 0..<2 {
      let other = 1 - fixed
      let strategy = FixedStrategy.constant(topActions[fixed], name: "friend \(fixed + 1): minimax", profileCount: pub.profiles.count)
      let batch = try HagglingBatch.run(context, stream: "minimax-\(fixed + 1)", runs: runs, game: pub, options: options) { _, _ in
        (0..<2).map { $0 == fixed ? .fixed(strategy) : .haggler(specs[other]) }
      }
      let joined = batch.filter { run in !run.capped && run.cycle.allSatisfy { $0[other] == topActions[fixed] } }
      joins = joins && joined.count == runs
      let payoffs = joined.first?.averagePayoffs ?? [.nan, .nan]
      better = better && (0..<2).allSatisfy { payoffs[$0] > mutual[$0] }
      minimaxTable.append([.text("friend \(fixed + 1)"), .text(pub.actions[fixed][topActions[fixed]]), .integer(joined.count),
                           .text("(" + payoffs.map { DecimalFormat.compact($0) }.joined(separator: ", ") + ")"),
                           .text("(" + mutual.map { DecimalFormat.compact($0) }.joined(separator: ", ") + ")")])
    }
    let pubHolds = optimalInterval.lower > 0.9 && meetsAtX > 0 && meetsAtY > 0 && joins && better
    let pubEvidence = Evidence(
      summary: "\(optimal.count) of \(runs) runs end in a Pareto-optimal cycle (every round together): \(DecimalFormat.fixed(optimalInterval.estimate, digits: 3)) \(HagglingText.interval(optimalInterval)). Of those, \(meetsAtX) meet at X at least sometimes, \(meetsAtY) at Y, and \(mixed) alternate between both. Against a friend who always goes to its own pub (its minimax strategy, ⊤'s action), the haggling friend joins it in every run: \(joins); both then beat the mutual-minimax payoffs (\(mutual.map { DecimalFormat.compact($0) }.joined(separator: ", "))): \(better).",
      measurements: [.init("Pareto-optimal runs", optimal.count), .init("fraction Pareto-optimal", lower: optimalInterval.lower, upper: optimalInterval.upper),
                     .init("runs meeting at X", meetsAtX), .init("runs meeting at Y", meetsAtY), .init("runs alternating", mixed),
                     .init("the other joins a minimax friend in every run", joins), .init("both beat mutual minimax", better)],
      tolerance: "Pareto-optimal fraction above 0.9 (95% Wilson interval); both pubs occur; joining in every run", sampleSize: 3 * runs)

    // Schelling points.
    let coordination = NormalFormGame.coordination(payoffs: [1, 1])
    let coordinationSetup = try HagglingSetup(game: coordination, options: .init(maximumStates: n), ranking: ranking, policyDiscount: p.real("discount"), jobs: context.jobs)
    var periodsTable = Table(id: "ibh.schelling.points", title: "Pure coordination (A, B; 1 when matching): stable cycles by period, under two priors (N = \(n), \(runs) runs each)",
                             columns: ["prior", "period", "description length of the loop (bits)", "runs", "distinct outcomes", "runs per outcome", "matching in every round"])
    var periodOne: [PriorCoding: (count: Int, interval: ConfidenceInterval)] = [:]
    var decreasing = true
    var perOutcomeText: [String] = []
    for coding in [PriorCoding.descriptionLength, .uniform] {
      let hagglers = coordinationSetup.hagglers(prior: coding)
      let batch = try HagglingBatch.run(context, stream: "points-\(coding.rawValue)", runs: runs, game: coordination, options: options) { _, _ in hagglers.map { .haggler($0) } }
      var byPeriod: [Int: [String]] = [:]
      for run in batch where !run.capped { byPeriod[run.cycle.count, default: []].append(HagglingText.canonicalCycle(run.cycle, game: coordination)) }
      var rates: [Double] = []
      for period in byPeriod.keys.sorted() {
        let outcomes = byPeriod[period]!
        let distinct = Set(outcomes).count
        let matching = batch.filter { !$0.capped && $0.cycle.count == period && $0.cycle.allSatisfy { $0[0] == $0[1] } }.count
        rates.append(Double(outcomes.count) / Double(distinct))
        periodsTable.append([.text(coding.rawValue), .integer(period), .real(HypothesisSpace.lengthCode(period) + 2 * Double(period), digits: 0), .integer(outcomes.count),
                             .integer(distinct), .real(Double(outcomes.count) / Double(distinct), digits: 2), .integer(matching)])
      }
      let ones = byPeriod[1]?.count ?? 0
      periodOne[coding] = (ones, try wilson(ones, runs))
      if coding == .descriptionLength {
        decreasing = zip(rates, rates.dropFirst()).allSatisfy { $0 > $1 }
        perOutcomeText = zip(byPeriod.keys.sorted(), rates).map { "period \($0): \(DecimalFormat.compact($1, significant: 3))" }
      }
    }
    let simple = periodOne[.descriptionLength]!
    let uniform = periodOne[.uniform]!
    let pointsHolds = decreasing && simple.interval.lower > uniform.interval.upper
    let pointsEvidence = Evidence(
      summary: "Under the description-length prior, runs per distinct outcome by period: \(perOutcomeText.joined(separator: ", ")) (strictly falling: \(decreasing)). Period-1 outcomes (always A or always B): \(simple.count) of \(runs) runs \(HagglingText.interval(simple.interval)) under the description-length prior against \(uniform.count) \(HagglingText.interval(uniform.interval)) under the uniform prior.",
      measurements: [.init("runs per outcome falls with the period", decreasing), .init("period 1, description-length prior", lower: simple.interval.lower, upper: simple.interval.upper),
                     .init("period 1, uniform prior", lower: uniform.interval.lower, upper: uniform.interval.upper)],
      tolerance: "strictly falling runs per outcome; disjoint 95% Wilson intervals for the period-1 fractions", sampleSize: 2 * runs)

    // Figure: the pub's outcomes.
    var bars = BarChart(title: "Schelling pub: where the friends end", categories: ["always X", "always Y", "X and Y alternate", "apart sometimes"], xLabel: "stable cycle", y: Axis(label: "runs"))
    let categories = [
      pubRuns.filter { !$0.capped && $0.cycle.allSatisfy { $0 == x } }.count,
      pubRuns.filter { !$0.capped && $0.cycle.allSatisfy { $0 == y } }.count,
      mixed,
      pubRuns.filter { $0.capped || !$0.cycle.allSatisfy { $0 == x || $0 == y } }.count,
    ]
    bars.bars("two haggling friends (\(runs) runs)", categories.map(Double.init))
    return ExperimentResult(
      tables: [pubTable, minimaxTable, periodsTable],
      figures: [Figure(id: "ibh.schelling-pub-outcomes", title: "Schelling pub: stable cycles of two haggling friends", svg: bars.svg())],
      claims: [ClaimResult(Self.pubClaim, .checking(pubHolds), pubEvidence), ClaimResult(Self.pointsClaim, .checking(pointsHolds), pointsEvidence)])
  }
}
