import Foundation
import LabKit

/// The post: "fixed points for modal agents can be found in polynomial time". The notes (§4.3) give
/// the bound: the chain evaluator stops by world K + B + 1 for B boxes and largest grade K, and
/// each world costs one pass over the circuit, so the cost is at most (K + B + 2) · |circuit|:
/// quadratic in the size of the system (LaVictoire 2015 §6.2: "in fact, quadratic").
///
/// Cost is counted in node evaluations (``ModalSolution/cost``), which is deterministic and
/// machine-independent, unlike seconds. Two growing families are measured:
/// - **waiting**: WaitFairBot_K against itself for K = `systemSize`, a worst case for the number of
///   worlds: its system has about K boxes and stabilises near world K;
/// - **random**: two random rank-0 agents (random formulas over ⊤ ⊥ me(them) them(me) ¬ ∧ ∨ → □
///   and [1], [2]) of `systemSize` symbols, `replicates` pairs per size.
///
/// For each family the exponent b of cost ∝ size^b is the slope of log cost on log size, fitted by
/// least squares over every run at ≥ 3 values of `systemSize` with a 95% t interval (a LabKit
/// ``Trend``). The claim holds in a family when the interval lies below `exponentBound` (fixed
/// before the run at 2.2: quadratic, with room for lower-order terms) and fails when it lies above;
/// every run is also checked against the proven bound (K + B + 2) · size.
struct CostExperiment: Experiment {
  init() {}

  let id = "ma.cost"
  let title = "The cost of finding a modal fixed point against the size of the system"
  let sections = ["the post: Crystal Ball Design", "the notes §4.3"]

  /// Which growing family of systems the cost is measured on.
  enum Family: String, ParameterChoice {
    /// WaitFairBot_K against itself, K = systemSize: the worst case for the number of worlds.
    case waiting
    /// Two random rank-0 agents of systemSize symbols each.
    case random
  }

  static let family = ParameterKey<Family>("family")
  static let systemSize = ParameterKey<Int>("systemSize")
  static let replicates = ParameterKey<Int>("replicates")
  static let exponentBound = ParameterKey<Double>("exponentBound")

  static let polynomialClaim = Claim(
    id: "ma.polynomial-time", source: "the post, Crystal Ball Design", kind: .claim,
    statement: "Fixed points for modal agents can be found in polynomial time (the notes: quadratic in the size of the system).",
    class: .empirical,
    control: Control(
      "a brute-force evaluator that tries every assignment to the B boxes (cost 2^B · |circuit| for the same runs): the same trend check must fail"),
    readings: [family.erased], sizes: [systemSize.erased])

  var claims: [Claim] { [Self.polynomialClaim] }

  var parameters: [Parameter] {
    [
      Parameter(Self.family, "Which family of systems the cost is measured on.", default: .waiting),
      Parameter(
        // At most 4096 (twice the paper grid's largest): WaitFairBot_100000's formula is 100,000
        // levels deep, and walking it overflowed a thread's stack (issue 20).
        Self.systemSize, "K of WaitFairBot_K, or the number of symbols of each random agent.", domain: .integer(2...4096),
        smoke: 128, standard: 256, paper: 1024),
      Parameter(Self.replicates, "Random pairs per size.", domain: .integer(2...10_000), smoke: 4, standard: 12, paper: 32),
      Parameter(
        Self.exponentBound, "Largest fitted exponent accepted as polynomial of degree 2 (fixed before the run).", domain: .real(1...10), default: 2.2),
    ]
  }

  var readings: [Reading] {
    [
      Reading(
        Self.family,
        [
          .init(
            Family.waiting, reason: "the worst case for the number of worlds the evaluator visits: about K boxes, stabilising near world K",
            source: "the notes §4.3; Robust Cooperation §5 (WaitFairBot_K)"),
          .init(
            Family.random, reason: "a typical system rather than the worst one: random fully modalized rank-0 agents",
            source: "a careful reader (the texts name no family)"),
        ])
    ]
  }

  var sizes: [Size] {
    [
      Size(
        Self.systemSize, "K, or symbols per random agent", smoke: [64, 128, 256, 512], standard: [64, 128, 256, 512, 1024, 2048],
        paper: [256, 512, 1024, 2048, 4096])
    ]
  }

  /// One measured matchup.
  struct Point: Sendable {
    let family: String
    let size: Int
    let cost: Int
    let worlds: Int
    let bound: Int
    let boxes: Int
    /// log10 of the cost of trying every assignment to the boxes: 2^B · size (the control).
    var bruteForceLogCost: Double { Double(boxes) * log10(2) + log10(Double(size)) }
  }

  struct Outcome: Sendable {
    let family: Family
    let points: [Point]
  }

  func simulate(in context: RunContext) throws -> Outcome {
    let p = context.parameters
    let n = p[Self.systemSize]
    switch p[Self.family] {
    case .waiting:
      let agent = AgentLibrary.waitFairBot(n)
      return Outcome(family: .waiting, points: [Self.point("WaitFairBot_K vs itself", try Competition(agent, agent).solve())])
    case .random:
      let points = try context.replicates(p[Self.replicates], stream: "random/\(n)", label: "\(id): random agents of size \(n)") { _, generator in
        let a = try ModalAgent(name: "A", formula: Self.randomFormula(size: n, random: generator))
        let b = try ModalAgent(name: "B", formula: Self.randomFormula(size: n, random: generator))
        return Self.point("random rank-0 pairs", try Competition(a, b).solve())
      }
      return Outcome(family: .random, points: points)
    }
  }

  func judge(_ outcomes: Outcomes<Outcome>, in context: RunContext) throws -> ExperimentResult {
    let bar = Bar.atMost(context.parameters[Self.exponentBound])
    let cells = outcomes.cells(of: Self.polynomialClaim)
    var trends: [Trend] = []
    var controlTrends: [Trend] = []
    var mapCells: [VerdictMap.Cell] = []
    var table = Table(
      id: "ma.cost.fit", title: "Cost (node evaluations) against system size (circuit nodes): fitted exponent b of cost ∝ size^b",
      columns: [
        "family", "matchups", "sizes", "largest worlds evaluated", "largest cost / bound", "exponent b", "95% interval", "brute force: exponent",
      ])
    var chart = Chart(
      title: "Cost of solving a matchup on the Kripke chain", x: Axis(label: "system size (circuit nodes)", scale: .logarithmic),
      y: Axis(label: "cost (node evaluations)", scale: .logarithmic))
    for (family, colour) in zip(Family.allCases, [Colour.vermillion, Colour.blue]) {
      let mine = cells.filter { $0.outcome.family == family }
      let points = mine.flatMap(\.outcome.points)
      guard !points.isEmpty else { continue }
      for (cell, outcome) in mine {
        let within = outcome.points.allSatisfy { $0.cost <= $0.bound }
        let ratio = outcome.points.map { Double($0.cost) / Double($0.bound) }.max()!
        mapCells.append(
          VerdictMap.Cell(
            reading: cell.readingSetting, size: cell.sizeSetting, verdict: .checking(within),
            estimate: ratio, n: outcome.points.count))
      }
      let reading = mine[0].cell.readingSetting
      let logSize = points.map { log10(Double($0.size)) }
      guard
        let trend = try? Trend(
          reading: reading, sizeName: "log10 circuit size", observations: zip(logSize, points).map { (size: $0.0, value: log10(Double($0.1.cost))) },
          statistic: .slope, bar: bar),
        let control = try? Trend(
          reading: reading, sizeName: "log10 circuit size", observations: zip(logSize, points).map { (size: $0.0, value: $0.1.bruteForceLogCost) },
          statistic: .slope, bar: bar)
      else { continue }
      trends.append(trend)
      controlTrends.append(control)
      let ratio = points.map { Double($0.cost) / Double($0.bound) }.max()!
      table.append([
        .text(points[0].family), .integer(points.count), .text("\(points.map(\.size).min()!) … \(points.map(\.size).max()!)"),
        .integer(points.map(\.worlds).max()!), .real(ratio, digits: 3), .real(trend.estimate, digits: 3),
        .text(ConfidenceInterval(estimate: trend.estimate, lower: trend.lower, upper: trend.upper, level: 0.95).bracket(digits: 3)),
        .real(control.estimate, digits: 1),
      ])
      chart.scatter(points[0].family, points.map { (x: Double($0.size), y: Double($0.cost)) }, colour: colour)
      let xs = points.map { Double($0.size) }
      let intercept = trend.means.isEmpty ? 0 : Self.intercept(logSize, points.map { log10(Double($0.cost)) }, slope: trend.estimate)
      let line = [xs.min()!, xs.max()!].map { x in (x: x, y: pow(10, intercept + trend.estimate * log10(x))) }
      chart.line("fit: b = \(DecimalFormat.fixed(trend.estimate, digits: 2))", line, dashed: true, colour: colour)
    }
    return ExperimentResult(
      tables: [table],
      figures: [
        Figure(id: "ma.cost", title: "Cost of solving a matchup against the size of its system", drawing: chart).captioned(
          "b is the exponent of the fitted power law cost ∝ size^b (least squares on log cost against log size); WaitFairBot_K, the worst-case family, behaves like DefectBot to proof systems weaker than PA + K and like FairBot in PA + K."
        )
      ],
      claims: [claimResult(cells: mapCells, trends: trends, controlTrends: controlTrends, points: cells.flatMap(\.outcome.points), bar: bar)])
  }

  /// The OLS intercept for a given slope: mean(y) − slope · mean(x).
  static func intercept(_ xs: [Double], _ ys: [Double], slope: Double) -> Double {
    ((try? Statistics.mean(ys)) ?? 0) - slope * ((try? Statistics.mean(xs)) ?? 0)
  }

  func claimResult(cells: [VerdictMap.Cell], trends: [Trend], controlTrends: [Trend], points all: [Point], bar: Bar) -> ClaimResult {
    let withinBound = all.allSatisfy { $0.cost <= $0.bound }
    let fitText = trends.map {
      "\(VerdictMap.describe($0.reading)): b = \(DecimalFormat.fixed($0.estimate, digits: 3)), 95% interval \(ConfidenceInterval(estimate: $0.estimate, lower: $0.lower, upper: $0.upper, level: 0.95).bracket(digits: 3))"
    }.joined(separator: "; ")
    var measurements: [Evidence.Measurement] = []
    for trend in trends {
      measurements.append(.init("\(VerdictMap.describe(trend.reading)): exponent", trend.estimate))
      measurements.append(.init("\(VerdictMap.describe(trend.reading)): 95% interval", lower: trend.lower, upper: trend.upper))
    }
    measurements.append(.init("runs within (K + B + 2) · size", "\(all.filter { $0.cost <= $0.bound }.count)/\(all.count)"))
    let controlText = controlTrends.map { "\(VerdictMap.describe($0.reading)): b = \(DecimalFormat.fixed($0.estimate, digits: 1))" }.joined(
      separator: "; ")
    let evidence = Evidence(
      summary:
        "Fitted cost ∝ size^b: \(fitText). Every run stayed within the proven bound (K + B + 2) · size: \(withinBound ? "yes" : "no"). The largest system had \(all.map(\.size).max() ?? 0) nodes; the most worlds a run evaluated was \(all.map(\.worlds).max() ?? 0). Control, a brute-force evaluator over the 2^B assignments to the boxes, on the same runs: \(controlText).",
      measurements: measurements,
      tolerance: "holds in a family if its exponent's 95% interval lies \(bar); every run must stay within the bound",
      sampleSize: all.count)
    let control = ControlResult(
      Self.polynomialClaim.control!, verdict: controlTrends.isEmpty ? .inconclusive : VerdictMap.combine(controlTrends.map(\.verdict)))
    // With systemSize pinned by --set there is no trend to judge: the claim is inconclusive.
    let map =
      cells.isEmpty || trends.isEmpty
      ? VerdictMap.single(.inconclusive, n: all.count) : VerdictMap(design: Self.polynomialClaim.design, cells: cells, trends: trends)
    return ClaimResult(Self.polynomialClaim, map: withinBound ? map : VerdictMap.single(.fails, n: all.count), control: control, evidence: evidence)
  }

  static func point(_ family: String, _ m: Matchup) -> Point {
    let s = m.solution
    let grade = m.competition.agents.map(\.formula.largestGrade).max() ?? 0
    return Point(
      family: family, size: s.circuitSize, cost: s.cost, worlds: s.lastWorld + 1,
      bound: (grade + s.boxCount + 2) * s.circuitSize, boxes: s.boxCount)
  }

  /// A random fully modalized rank-0 formula with about `size` symbols: a random tree whose
  /// leaves outside boxes are constants.
  static func randomFormula(size: Int, random: Random) -> ModalFormula {
    func build(_ size: Int, modal: Bool) -> ModalFormula {
      if size <= 1 {
        let leaves: [ModalFormula] = modal ? [.top, .bottom, .me, .them, .me, .them] : [.top, .bottom]
        return leaves[random.index(below: leaves.count)]
      }
      switch random.index(below: 8) {
      case 0: return .not(build(size - 1, modal: modal))
      case 1, 2: return .box(build(size - 1, modal: true), grade: [0, 0, 0, 1, 2][random.index(below: 5)])
      default:
        let left = 1 + random.index(below: max(1, size - 2))
        let right = max(1, size - 1 - left)
        let l = build(left, modal: modal)
        let r = build(right, modal: modal)
        switch random.index(below: 3) {
        case 0: return .and(l, r)
        case 1: return .or(l, r)
        default: return .implies(l, r)
        }
      }
    }
    return build(size, modal: false)
  }
}
