import Foundation
import LabKit

/// The post: "fixed points for modal agents can be found in polynomial time". The notes (§4.3) give
/// the bound: the chain evaluator stops by world K + B + 1 for B boxes and largest grade K, and
/// each world costs one pass over the circuit, so the cost is at most (K + B + 2) · |circuit|:
/// quadratic in the size of the system (LaVictoire 2015 §6.2: "in fact, quadratic").
///
/// Cost is counted in node evaluations (``ModalSolution/cost``), which is deterministic and
/// machine-independent, unlike seconds. Two growing families are measured:
/// - **waiting**: WaitFairBot_K against itself for K = `smallestK` … `largestK` (doubling), a worst
///   case for the number of worlds: its system has about K boxes and stabilises near world K;
/// - **random**: two random rank-0 agents (random formulas over ⊤ ⊥ me(them) them(me) ¬ ∧ ∨ → □
///   and [1], [2]) of sizes 16 … `largestRandomSize` (doubling), `replicates` pairs per size.
///
/// For each family the exponent b of cost ∝ size^b is fitted by least squares on log–log axes with a
/// 95% t interval. The claim is supported when every run stays within the proven bound and every
/// family's interval lies below `exponentBound` (fixed before the run at 2.2: quadratic, with room
/// for lower-order terms); refuted when a run exceeds the bound or an interval lies above it.
public struct PolynomialTimeExperiment: Experiment {
  public init() {}

  public let id = "ma.cost"
  public let title = "The cost of finding a modal fixed point against the size of the system"
  public let sections = ["the post: Crystal Ball Design", "the notes §4.3"]

  public static let polynomialClaim = Claim(
    id: "ma.polynomial-time", source: "the post, Crystal Ball Design", kind: .claim,
    statement: "Fixed points for modal agents can be found in polynomial time (the notes: quadratic in the size of the system).")

  public var claims: [Claim] { [Self.polynomialClaim] }

  public var parameters: [Parameter] {
    [
      Parameter("smallestK", "Smallest K of the WaitFairBot_K family.", domain: .integer(1...1000), default: .integer(16)),
      Parameter("largestK", "Largest K of the WaitFairBot_K family (K doubles from smallestK).", domain: .integer(2...100_000),
                smoke: .integer(512), standard: .integer(2048), paper: .integer(8192)),
      Parameter("largestRandomSize", "Largest size of the random agents (sizes double from 16).", domain: .integer(32...100_000),
                smoke: .integer(256), standard: .integer(4096), paper: .integer(16384)),
      Parameter("replicates", "Random pairs per size.", domain: .integer(2...10_000), smoke: .integer(4), standard: .integer(16), paper: .integer(32)),
      Parameter("exponentBound", "Largest fitted exponent accepted as polynomial of degree 2 (fixed before the run).", domain: .real(1...10), default: .real(2.2)),
    ]
  }

  /// One measured matchup.
  struct Point: Sendable {
    let family: String
    let size: Int
    let cost: Int
    let worlds: Int
    let bound: Int
  }

  public func simulate(in context: RunContext) throws -> ExperimentResult {
    let p = context.parameters
    var ks: [Int] = []
    var k = p.integer("smallestK")
    while k <= p.integer("largestK") {
      ks.append(k)
      k *= 2
    }
    var sizes: [Int] = []
    var s = 16
    while s <= p.integer("largestRandomSize") {
      sizes.append(s)
      s *= 2
    }
    let waiting = try context.map(ks, stream: "waiting", label: "\(id): WaitFairBot_K") { _, k, _ in
      let agent = AgentLibrary.waitFairBot(k)
      return Self.point("WaitFairBot_K vs itself", try Competition(agent, agent).solve())
    }
    let replicates = p.integer("replicates")
    let settings = sizes.flatMap { size in (0..<replicates).map { _ in size } }
    let random = try context.map(settings, stream: "random", label: "\(id): random agents") { _, size, generator in
      let a = try ModalAgent(name: "A", formula: Self.randomFormula(size: size, random: generator))
      let b = try ModalAgent(name: "B", formula: Self.randomFormula(size: size, random: generator))
      return Self.point("random rank-0 pairs", try Competition(a, b).solve())
    }

    let families = [("WaitFairBot_K vs itself", waiting), ("random rank-0 pairs", random)]
    let bound = p.real("exponentBound")
    var fits: [(String, PowerLawFit)] = []
    var table = Table(id: "ma.cost.fit", title: "Cost (node evaluations) against system size (circuit nodes): fitted exponent b of cost ∝ size^b",
                      columns: ["family", "matchups", "sizes", "largest worlds evaluated", "largest cost / bound", "exponent b", "95% interval"])
    var chart = Chart(title: "Cost of solving a matchup on the Kripke chain", x: Axis(label: "system size (circuit nodes)", scale: .logarithmic),
                      y: Axis(label: "cost (node evaluations)", scale: .logarithmic))
    for ((name, points), colour) in zip(families, [Colour.vermillion, Colour.blue]) {
      let fit = try PowerLawFit(xs: points.map { Double($0.size) }, ys: points.map { Double($0.cost) })
      fits.append((name, fit))
      let ratio = points.map { Double($0.cost) / Double($0.bound) }.max()!
      table.append([.text(name), .integer(points.count), .text("\(points.map(\.size).min()!) … \(points.map(\.size).max()!)"),
                    .integer(points.map(\.worlds).max()!), .real(ratio, digits: 3), .real(fit.exponent, digits: 3),
                    .text(fit.exponentInterval.bracket(digits: 3))])
      chart.scatter(name, points.map { (x: Double($0.size), y: Double($0.cost)) }, colour: colour)
      let xs = points.map { Double($0.size) }
      let line = [xs.min()!, xs.max()!].map { x in (x: x, y: pow(10, fit.intercept + fit.exponent * log10(x))) }
      chart.line("fit: b = \(DecimalFormat.fixed(fit.exponent, digits: 2))", line, dashed: true, colour: colour)
    }
    let all = waiting + random
    let withinBound = all.allSatisfy { $0.cost <= $0.bound }
    let below = fits.allSatisfy { $0.1.exponentInterval.upper <= bound }
    let above = fits.contains { $0.1.exponentInterval.lower > bound }
    let verdict: Verdict = !withinBound || above ? .refuted : (below ? .supported : .inconclusive)
    let fitText = fits.map { "\($0.0): b = \(DecimalFormat.fixed($0.1.exponent, digits: 3)), 95% interval \($0.1.exponentInterval.bracket(digits: 3))" }.joined(separator: "; ")
    var measurements: [Evidence.Measurement] = []
    for (name, fit) in fits {
      measurements.append(.init("\(name): exponent", fit.exponent))
      measurements.append(.init("\(name): 95% interval", lower: fit.exponentInterval.lower, upper: fit.exponentInterval.upper))
    }
    measurements.append(.init("runs within (K + B + 2) · size", "\(all.filter { $0.cost <= $0.bound }.count)/\(all.count)"))
    let evidence = Evidence(
      summary: "Fitted cost ∝ size^b: \(fitText). Every run stayed within the proven bound (K + B + 2) · size: \(withinBound ? "yes" : "no"). The largest system had \(all.map(\.size).max()!) nodes; the most worlds a run evaluated was \(all.map(\.worlds).max()!), against at most K + B + 2 allowed by the bound.",
      measurements: measurements,
      tolerance: "supported if every run is within the bound and every 95% interval lies below \(DecimalFormat.compact(bound))",
      sampleSize: all.count)
    return ExperimentResult(tables: [table], figures: [Figure(id: "ma.cost", title: "Cost of solving a matchup against the size of its system", svg: chart.svg())],
                            claims: [ClaimResult(Self.polynomialClaim, verdict, evidence)])
  }

  static func point(_ family: String, _ m: Matchup) -> Point {
    let s = m.solution
    let grade = m.competition.agents.map(\.formula.largestGrade).max() ?? 0
    return Point(family: family, size: s.circuitSize, cost: s.cost, worlds: s.lastWorld + 1,
                 bound: (grade + s.boxCount + 2) * s.circuitSize)
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
