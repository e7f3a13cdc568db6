import Foundation
import GameTheory
import LabKit

/// §Prisoner's dilemma, Conjecture: in a 2-player game the stable cycle is (1) close to a
/// Pareto-optimal outcome, or (2) one agent gets the utility of its minimax strategy and the other
/// best-responds to it. A counterexample search over random games.
///
/// Games: random 2 × 2 and 3 × 3 games with integer payoffs 0 … `payoffMax`, each played `runsPerGame`
/// times by two agents holding ⊤ and the password hypotheses with at most N states.
///
/// Classification of a stable cycle with average payoffs u (fixed before the runs):
/// - (1) near Pareto: the distance from u to the Pareto frontier of the feasible set is at most
///   `tolerance` × (largest − smallest payoff of the game);
/// - (2) minimax and best response: for some agent i, u_i is exactly i's pure maxmin max_a min_b r_i,
///   the utility its "minimax strategy" (⊤) guarantees in this model, where the others see i's
///   action; and u_j is exactly the best-response payoff against i's actions in the cycle,
///   mean_t max_{a_j} r_j(a_i(t), a_j);
/// - otherwise a counterexample. The conjecture speaks of agents of any size, so it is judged on the
///   trend of the counterexample rate of the 3 × 3 games over N (``sizes``): supported when the fitted
///   limit (regression on 1/N) is at most 0, refuted when its 95% interval lies above 0. The evidence
///   quotes the counterexample farthest from the Pareto frontier.
public struct RandomTwoPlayerExperiment: Experiment {
  public init() {}

  public let id = "ibh.random-two-player"
  public let title = "Stable cycles of 2-player games: near Pareto, or minimax against a best response"
  public let sections = ["§Prisoner's dilemma, Conjecture"]

  static let games = ParameterKey<Int>("games")
  static let runsPerGame = ParameterKey<Int>("runsPerGame")
  static let payoffMax = ParameterKey<Int>("payoffMax")
  static let statesTwoByTwo = ParameterKey<Int>("statesTwoByTwo")
  static let statesThreeByThree = ParameterKey<Int>("statesThreeByThree")
  static let tolerance = ParameterKey<Double>("tolerance")

  public static let conjecture = Claim(
    id: "ibh.two-player-cycles", source: "§Prisoner's dilemma, Conjecture", kind: .conjecture,
    statement:
      "In a 2-player game the stable cycle is either close to a Pareto-optimal outcome, or one agent gets the utility of its minimax strategy and the other plays a best response to the first agent's strategy.",
    class: .empirical,
    control: Control(
      "\"close to Pareto-optimal\" widened to 2 × the payoff range, more than the largest distance any payoff vector can lie from the frontier (√2 × the range, the box's diagonal), so no run is a counterexample and the same trend check must hold",
      expected: .holds),
    sizes: [statesThreeByThree.erased])

  public var claims: [Claim] { [Self.conjecture] }

  public var parameters: [Parameter] {
    [
      Parameter(Self.games, "Random games per size (2 × 2 and 3 × 3).", domain: .integer(1...100_000), smoke: 8, standard: 100, paper: 1000),
      Parameter(Self.runsPerGame, "Runs of each game.", domain: .integer(1...1000), smoke: 2, standard: 5, paper: 10),
      Parameter(Self.payoffMax, "Payoffs are integers 0 … payoffMax.", domain: .integer(1...1000), default: 5),
      Parameter(Self.statesTwoByTwo, "N for the 2 × 2 games (4,929 hypotheses at 6).", domain: .integer(2...9), smoke: 5, standard: 6, paper: 7),
      Parameter(Self.statesThreeByThree, "N for the 3 × 3 games (3,376 hypotheses at 4).", domain: .integer(2...6), smoke: 3, standard: 4, paper: 5),
      Parameter(
        Self.tolerance, "\"Close to Pareto-optimal\": distance to the Pareto frontier at most this fraction of the game's payoff range.",
        domain: .real(0...2), default: 0.05),
    ] + HagglingParameters.common
  }

  public var sizes: [Size] {
    [Size(Self.statesThreeByThree, "bound N on hypothesis states in the 3 × 3 games", smoke: [2, 3, 4], standard: [2, 3, 4], paper: [4, 5, 6])]
  }

  struct Classified: Sendable {
    /// Distance to the Pareto frontier as a fraction of the payoff range.
    let relativeDistance: Double
    let minimaxBestResponse: Bool
    let mixedMinimaxBestResponse: Bool
    /// Both agents get exactly their pure maxmin (as when both hold ⊤).
    let bothAtMaxmin: Bool
    let capped: Bool
    let description: String

    /// A counterexample at the given tolerance (a fraction of the payoff range).
    func counterexample(tolerance: Double) -> Bool { !capped && !minimaxBestResponse && relativeDistance > tolerance }
  }

  /// What one cell simulates: the classified runs of each size of game (2 × 2 in the base cell only).
  public struct Outcome: Sendable {
    let sizes: [(size: Int, states: Int, runs: [Classified])]
    let statesThreeByThree: Int
  }

  public func simulate(in context: RunContext) throws -> Outcome {
    let p = context.parameters
    var sizes: [(size: Int, states: Int, runs: [Classified])] = []
    for (size, states) in [(2, p[Self.statesTwoByTwo]), (3, p[Self.statesThreeByThree])] where size == 3 || context.isBaseCell {
      sizes.append((size, states, try classifiedRuns(context, size: size, states: states)))
    }
    return Outcome(sizes: sizes, statesThreeByThree: p[Self.statesThreeByThree])
  }

  /// `games` random size × size games, each run `runsPerGame` times by agents with N = `states`.
  func classifiedRuns(_ context: RunContext, size: Int, states: Int) throws -> [Classified] {
    let p = context.parameters
    let space = try HypothesisSpace(actionCount: size, observationCount: size, options: .init(maximumStates: states))
    return try context.map(Array(0..<p[Self.games]), stream: "\(size)x\(size)/games", label: "\(id): \(size) × \(size) games") {
      g, _, random -> [Classified] in
      let game = NormalFormGame.random(actionCounts: [size, size], integerPayoffs: 0...p[Self.payoffMax], using: random)
      let views = try (0..<2).map { try AgentView(game: game, player: $0) }
      let specs = try views.map {
        HagglerSpec(
          valuation: try HypothesisValuation(
            space: space, view: $0, ranking: HagglingParameters.ranking(p), policyDiscount: p[HagglingParameters.discountKey]),
          view: $0, prior: HagglingParameters.prior(p))
      }
      return try (0..<p[Self.runsPerGame]).map { r in
        let generators = (0..<2).map { context.random(stream: "\(size)x\(size)/game\(g)/agent\($0 + 1)", replicate: r) }
        let run = try Haggling.run(
          game: game, participants: specs.map { .haggler($0) }, generators: generators, options: HagglingParameters.options(p))
        return try Self.classify(run, game: game, views: views, label: "\(size) × \(size) game \(g + 1) (N = \(states)), run \(r + 1)")
      }
    }.flatMap { $0 }
  }

  /// A run's stable cycle: its distance to the Pareto frontier and whether one agent gets its maxmin
  /// (pure, or mixed) while the other gets its best-response payoff.
  static func classify(_ run: HagglingRun, game: NormalFormGame, views: [AgentView], label: String) throws -> Classified {
    guard !run.capped, let u = run.exactAveragePayoffs else {
      return Classified(
        relativeDistance: .infinity, minimaxBestResponse: false, mixedMinimaxBestResponse: false, bothAtMaxmin: false, capped: true,
        description: "capped")
    }
    let size = game.actions[0].count
    let geometry = try TwoPlayerPayoffGeometry(game, exact: true)
    let payoffs = game.profiles.flatMap { game.payoffs($0) }
    let range = max(payoffs.max()! - payoffs.min()!, 1e-12)
    let pureMaxmin = views.map { Rational(approximating: $0.pureMaxmin)! }
    let mixed = try (0..<2).map { try game.minimax($0, exact: true).value }
    let distance = Self.distance(PayoffPoint(u[0].doubleValue, u[1].doubleValue), to: geometry.paretoFrontier)
    var best = false
    var bestMixed = false
    for i in 0..<2 {
      let j = 1 - i
      let response = Rational.mean(
        run.cycle.map { profile in
          (0..<size).map { b -> Rational in
            var q = profile
            q[j] = b
            return Rational(approximating: game.payoff(j, q))!
          }.max()!
        })
      if u[j] == response {
        if u[i] == pureMaxmin[i] { best = true }
        if abs(u[i].doubleValue - mixed[i]) <= 1e-9 { bestMixed = true }
      }
    }
    return Classified(
      relativeDistance: distance / range, minimaxBestResponse: best, mixedMinimaxBestResponse: bestMixed,
      bothAtMaxmin: u[0] == pureMaxmin[0] && u[1] == pureMaxmin[1], capped: false,
      description:
        "\(label): stable cycle \(HagglingText.cycle(run.cycle, game: game)), payoffs (\(u[0]), \(u[1])); distance to the Pareto frontier \(DecimalFormat.compact(distance, significant: 4)) = \(DecimalFormat.compact(distance / range, significant: 3)) of the payoff range; pure maxmin (\(pureMaxmin[0]), \(pureMaxmin[1])); the game: \(HagglingText.game(game))"
    )
  }

  public func judge(_ outcomes: Outcomes<Outcome>, in context: RunContext) throws -> ExperimentResult {
    let tolerance = context.parameters[Self.tolerance]
    let base = outcomes.base
    let entries = outcomes.cells(of: Self.conjecture)
    func trend(_ tolerance: Double) -> Trend? {
      let observations = entries.flatMap { _, outcome in
        outcome.sizes.filter { $0.size == 3 }.flatMap(\.runs).filter { !$0.capped }.map {
          (size: Double(outcome.statesThreeByThree), value: $0.counterexample(tolerance: tolerance) ? 1.0 : 0.0)
        }
      }
      return try? Trend(reading: [], sizeName: Self.statesThreeByThree.name, observations: observations, statistic: .limit, bar: .atMost(0))
    }
    let cells = entries.map { cell, outcome in
      let runs = outcome.sizes.filter { $0.size == 3 }.flatMap(\.runs).filter { !$0.capped }
      let bad = runs.filter { $0.counterexample(tolerance: tolerance) }.count
      return VerdictMap.Cell(
        reading: cell.readingSetting, size: cell.sizeSetting, verdict: .checking(bad == 0),
        estimate: runs.isEmpty ? 0 : Double(bad) / Double(runs.count), n: runs.count)
    }
    let judged = trend(tolerance)
    let all =
      base.sizes.flatMap(\.runs)
      + entries.filter { $0.outcome.statesThreeByThree != base.statesThreeByThree }.flatMap { $0.outcome.sizes.flatMap(\.runs) }
    let ranked = all.filter { $0.counterexample(tolerance: tolerance) }.sorted { $0.relativeDistance > $1.relativeDistance }
    let baseRuns = base.sizes.flatMap(\.runs)
    let evidence = Evidence(
      summary:
        "Counterexamples (neither within \(DecimalFormat.compact(tolerance)) of the payoff range of the Pareto frontier nor an agent at its pure maxmin with the other at its best-response payoff) among the runs of random 3 × 3 games, by N: \(MultiplayerExperiment.describe(cells)). \(judged.map { "Trend: " + $0.described + "." } ?? "No trend: fewer than three sizes.") In the base cell (2 × 2 at N = \(base.sizes.first?.states ?? 0) and 3 × 3 at N = \(base.statesThreeByThree)), \(baseRuns.filter { $0.counterexample(tolerance: tolerance) }.count) of \(baseRuns.count) runs are counterexamples. The strongest counterexample lies \(DecimalFormat.compact(ranked.first?.relativeDistance ?? 0, significant: 3)) of the payoff range from the frontier.",
      measurements: [.init("runs", all.count), .init("counterexamples", ranked.count)]
        + (judged.map { [.init("fitted limit of the counterexample rate", lower: $0.lower, upper: $0.upper)] } ?? []),
      tolerance:
        "near Pareto: distance ≤ \(DecimalFormat.compact(tolerance)) × payoff range; minimax and best response: exact; the fitted limit over N of the 3 × 3 counterexample rate at most 0 supports, a 95% interval above 0 refutes",
      sampleSize: all.count, counterexample: ranked.first?.description)
    let map = VerdictMap(design: Self.conjecture.design, cells: cells, trends: judged.map { [$0] } ?? [])
    return ExperimentResult(
      tables: Self.tables(base, tolerance: tolerance, ranked: ranked),
      figures: [
        Figure(
          id: "ibh.two-player-classes", title: "Classes of the stable cycles of random 2-player games", svg: Self.figure(base, tolerance: tolerance))
      ],
      claims: [
        ClaimResult(
          Self.conjecture, map: map, control: ControlResult(Self.conjecture.control!, verdict: trend(2.0)?.verdict ?? .inconclusive),
          evidence: evidence)
      ])
  }

  static func tables(_ base: Outcome, tolerance: Double, ranked: [Classified]) -> [Table] {
    var table = Table(
      id: "ibh.random-two-player.classes", title: "Stable cycles of random games (base cell)",
      columns: [
        "size", "N", "runs", "(1) near Pareto", "(2) minimax and best response", "both", "neither (counterexamples)",
        "of which both agents at their pure maxmin", "neither, if minimax meant the mixed value", "capped",
      ])
    for (size, states, runs) in base.sizes {
      let valid = runs.filter { !$0.capped }
      let near = valid.filter { $0.relativeDistance <= tolerance }
      let neither = valid.filter { $0.counterexample(tolerance: tolerance) }
      table.append([
        .text("\(size) × \(size)"), .integer(states), .integer(runs.count), .integer(near.count), .integer(valid.filter(\.minimaxBestResponse).count),
        .integer(near.filter(\.minimaxBestResponse).count), .integer(neither.count), .integer(neither.filter(\.bothAtMaxmin).count),
        .integer(neither.filter { !$0.mixedMinimaxBestResponse }.count), .integer(runs.count - valid.count),
      ])
    }
    var sensitivity = Table(
      id: "ibh.random-two-player.tolerance",
      title:
        "Counterexamples in the base cell if \"close to Pareto-optimal\" allowed another distance (the verdict uses \(DecimalFormat.compact(tolerance)))",
      columns: ["distance to the Pareto frontier / payoff range", "counterexamples", "of runs"])
    let all = base.sizes.flatMap(\.runs)
    for ε in [0.01, 0.05, 0.1, 0.2, 0.3] {
      sensitivity.append([
        .text(DecimalFormat.compact(ε)), .integer(all.filter { $0.counterexample(tolerance: ε) }.count), .integer(all.filter { !$0.capped }.count),
      ])
    }
    var farthest = Table(
      id: "ibh.random-two-player.farthest", title: "The counterexamples farthest from the Pareto frontier (every N run)",
      columns: ["distance / payoff range", "run"])
    for c in ranked.prefix(5) { farthest.append([.real(c.relativeDistance, digits: 3), .text(c.description)]) }
    return [table, sensitivity, farthest]
  }

  static func figure(_ base: Outcome, tolerance: Double) -> String {
    var bars = BarChart(
      title: "Stable cycles of random 2-player games", categories: ["(1) only", "(2) only", "both", "neither"], xLabel: "class",
      y: Axis(label: "runs"))
    for (size, _, runs) in base.sizes {
      let valid = runs.filter { !$0.capped }
      let near = { (c: Classified) in c.relativeDistance <= tolerance }
      bars.bars(
        "\(size) × \(size)",
        [
          Double(valid.filter { near($0) && !$0.minimaxBestResponse }.count), Double(valid.filter { !near($0) && $0.minimaxBestResponse }.count),
          Double(valid.filter { near($0) && $0.minimaxBestResponse }.count), Double(valid.filter { $0.counterexample(tolerance: tolerance) }.count),
        ])
    }
    return bars.svg()
  }

  /// The distance from a point to a polyline (a single point when it has one vertex).
  static func distance(_ p: PayoffPoint, to line: [PayoffPoint]) -> Double {
    guard let first = line.first else { return .infinity }
    if line.count == 1 { return hypot(p.x - first.x, p.y - first.y) }
    return zip(line, line.dropFirst()).map { a, b in
      let dx = b.x - a.x, dy = b.y - a.y
      let length = dx * dx + dy * dy
      let s = length == 0 ? 0 : min(1, max(0, ((p.x - a.x) * dx + (p.y - a.y) * dy) / length))
      return hypot(p.x - (a.x + s * dx), p.y - (a.y + s * dy))
    }.min()!
  }
}
