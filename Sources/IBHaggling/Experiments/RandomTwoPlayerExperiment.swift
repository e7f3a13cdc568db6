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
struct RandomTwoPlayerExperiment: Experiment {
  init() {}

  let id = "ibh.random-two-player"
  let title = "Stable cycles of 2-player games: near Pareto, or minimax against a best response"
  let sections = ["§Prisoner's dilemma, Conjecture"]

  static let games = ParameterKey<Int>("games")
  static let runsPerGame = ParameterKey<Int>("runsPerGame")
  static let payoffMax = ParameterKey<Int>("payoffMax")
  static let statesTwoByTwo = ParameterKey<Int>("statesTwoByTwo")
  static let statesThreeByThree = ParameterKey<Int>("statesThreeByThree")
  static let tolerance = ParameterKey<Double>("tolerance")
  static let minimaxValue = ParameterKey<MinimaxValue>("minimaxValue")

  /// What "the utility of its minimax strategy" is (§Prisoner's dilemma, Conjecture).
  enum MinimaxValue: String, ParameterChoice {
    /// The pure maxmin max_a min_b r_i: what ⊤ guarantees here, where the others see the agent's action.
    case pure
    /// The mixed minimax value of the one-shot game (the textbook reading).
    case mixed
  }

  /// The second tolerance of "close to Pareto-optimal" judged beside `tolerance` (a fraction of the
  /// payoff range): four times the base one, still well inside the box.
  static let wideTolerance = 0.2

  static let conjecture = Claim(
    id: "ibh.two-player-cycles", source: "§Prisoner's dilemma, Conjecture", kind: .conjecture,
    statement:
      "In a 2-player game the stable cycle is either close to a Pareto-optimal outcome, or one agent gets the utility of its minimax strategy and the other plays a best response to the first agent's strategy.",
    class: .empirical,
    control: Control(
      "\"close to Pareto-optimal\" widened to 2 × the payoff range, more than the largest distance any payoff vector can lie from the frontier (√2 × the range, the box's diagonal), so no run is a counterexample and the same trend check must hold",
      expected: .holds),
    sizes: [statesThreeByThree.erased])

  var claims: [Claim] { [Self.conjecture] }

  var parameters: [Parameter] {
    [
      Parameter(Self.games, "Random games per size (2 × 2 and 3 × 3).", domain: .integer(1...100_000), smoke: 8, standard: 100, paper: 1000),
      Parameter(Self.runsPerGame, "Runs of each game.", domain: .integer(1...1000), smoke: 2, standard: 5, paper: 10),
      Parameter(Self.payoffMax, "Payoffs are integers 0 … payoffMax.", domain: .integer(1...1000), default: 5),
      Parameter(Self.statesTwoByTwo, "N for the 2 × 2 games (4,929 hypotheses at 6).", domain: .integer(2...9), smoke: 5, standard: 6, paper: 7),
      Parameter(Self.statesThreeByThree, "N for the 3 × 3 games (3,376 hypotheses at 4).", domain: .integer(2...6), smoke: 3, standard: 4, paper: 5),
      Parameter(
        Self.tolerance, "\"Close to Pareto-optimal\": distance to the Pareto frontier at most this fraction of the game's payoff range.",
        domain: .real(0...2), default: 0.05),
      Parameter(
        Self.minimaxValue,
        "\"The utility of its minimax strategy\": 'pure' = the pure maxmin (what ⊤ guarantees when the others see one's action), 'mixed' = the mixed minimax value.",
        default: .pure),
    ] + HagglingParameters.common
  }

  var sizes: [Size] {
    [
      Size(
        Self.statesThreeByThree, "bound N on hypothesis states in the 3 × 3 games", smoke: [2, 3, 4], standard: [2, 3, 4, 5], paper: [3, 4, 5, 6])
    ]
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
    /// Which game and run: size × size game `game` (0-based index of its stream), agents of N = `states`.
    var size = 0
    var game = 0
    var states = 0
    var run = 0
    /// The stable cycle's payoffs, exactly ("(3, 0)").
    var payoffs = ""

    /// A counterexample at the given tolerance (a fraction of the payoff range), with the minimax
    /// utility read as the pure maxmin (or the mixed value).
    func counterexample(tolerance: Double, minimax: MinimaxValue = .pure) -> Bool {
      !capped && !(minimax == .pure ? minimaxBestResponse : mixedMinimaxBestResponse) && relativeDistance > tolerance
    }
  }

  /// What one cell simulates: the classified runs of each size of game (2 × 2 in the base cell only).
  struct Outcome: Sendable {
    let sizes: [(size: Int, states: Int, runs: [Classified])]
    let statesThreeByThree: Int
  }

  func simulate(in context: RunContext) throws -> Outcome {
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
      let game = Self.game(size: size, payoffMax: p[Self.payoffMax], random: random)
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
        var classified = try Self.classify(run, game: game, views: views, label: "\(size) × \(size) game \(g + 1) (N = \(states)), run \(r + 1)")
        classified.size = size
        classified.game = g
        classified.states = states
        classified.run = r
        classified.payoffs = HagglingText.payoffs(run)
        return classified
      }
    }.flatMap { $0 }
  }

  /// Random game g of a size: integer payoffs 0 … `payoffMax` drawn from `random`, the generator of
  /// (seed, "ibh.random-two-player/<size>x<size>/games", g).
  static func game(size: Int, payoffMax: Int, random: Random) -> NormalFormGame {
    NormalFormGame.random(actionCounts: [size, size], integerPayoffs: 0...payoffMax, using: random)
  }

  /// Random game `index` (0-based) of a size under master seed `seed`, as the experiment draws it.
  static func game(size: Int, index: Int, payoffMax: Int, seed: UInt64) -> NormalFormGame {
    game(size: size, payoffMax: payoffMax, random: Random(master: seed, stream: "ibh.random-two-player/\(size)x\(size)/games", replicate: index))
  }

  /// A counterexample game with how robust it is: in how many (N, reading) cells one of its runs is a
  /// counterexample, and its largest distance from the frontier.
  struct RobustCounterexample: Sendable {
    let size: Int
    let game: Int
    let cells: Int
    let sizes: [Int]
    let distance: Double
    let example: Classified
  }

  /// Counterexample games ranked by robustness: recurrence across N and the judgement readings first,
  /// then distance from the Pareto frontier.
  static func robustCounterexamples(
    _ byCell: [(states: Int, runs: [Classified])], readings: [(tolerance: Double, minimax: MinimaxValue)]
  ) -> [RobustCounterexample] {
    var found: [String: (cells: Int, sizes: Set<Int>, best: Classified)] = [:]
    var order: [String] = []
    for (states, runs) in byCell {
      for reading in readings {
        var seen = Set<String>()
        for run in runs where run.counterexample(tolerance: reading.tolerance, minimax: reading.minimax) {
          let key = "\(run.size)/\(run.game)"
          if found[key] == nil {
            found[key] = (0, [], run)
            order.append(key)
          }
          if seen.insert(key).inserted {
            found[key]!.cells += 1
            found[key]!.sizes.insert(states)
          }
          if run.relativeDistance > found[key]!.best.relativeDistance { found[key]!.best = run }
        }
      }
    }
    return order.map { key in
      let entry = found[key]!
      return RobustCounterexample(
        size: entry.best.size, game: entry.best.game, cells: entry.cells, sizes: entry.sizes.sorted(), distance: entry.best.relativeDistance,
        example: entry.best)
    }.sorted { ($0.cells, $0.distance, -$0.game) > ($1.cells, $1.distance, -$1.game) }
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

  /// The judgement's readings: "close" at `tolerance` and at ``wideTolerance``, × the two minimax
  /// values. They change only the classification of the same runs, so they are judged from one
  /// simulation per N (declared readings would simulate every cell again); `--set tolerance=…` and
  /// `--set minimaxValue=…` pin the base reading.
  static func judgementReadings(_ parameters: Parameters) -> [(tolerance: Double, minimax: MinimaxValue)] {
    let base = (tolerance: parameters[tolerance], minimax: parameters[minimaxValue])
    var readings = [base]
    for t in [parameters[tolerance], wideTolerance] {
      for m in MinimaxValue.allCases where !(t == base.tolerance && m == base.minimax) {
        if !readings.contains(where: { $0.tolerance == t && $0.minimax == m }) { readings.append((t, m)) }
      }
    }
    return readings
  }

  static func setting(_ reading: (tolerance: Double, minimax: MinimaxValue)) -> Setting {
    [SettingItem("close", DecimalFormat.compact(reading.tolerance) + " × range"), SettingItem("minimax", reading.minimax.rawValue)]
  }

  func judge(_ outcomes: Outcomes<Outcome>, in context: RunContext) throws -> ExperimentResult {
    let tolerance = context.parameters[Self.tolerance]
    let minimax = context.parameters[Self.minimaxValue]
    let base = outcomes.base
    let entries = outcomes.cells(of: Self.conjecture)
    let readings = Self.judgementReadings(context.parameters)
    func trend(_ reading: (tolerance: Double, minimax: MinimaxValue)) -> Trend? {
      let observations = entries.flatMap { _, outcome in
        outcome.sizes.filter { $0.size == 3 }.flatMap(\.runs).filter { !$0.capped }.map {
          (size: Double(outcome.statesThreeByThree), value: $0.counterexample(tolerance: reading.tolerance, minimax: reading.minimax) ? 1.0 : 0.0)
        }
      }
      return try? Trend(
        reading: Self.setting(reading), sizeName: Self.statesThreeByThree.name, observations: observations, statistic: .limit, bar: .atMost(0),
        validRange: 0...1)
    }
    let cells = readings.flatMap { reading in
      entries.map { cell, outcome in
        let runs = outcome.sizes.filter { $0.size == 3 }.flatMap(\.runs).filter { !$0.capped }
        let bad = runs.filter { $0.counterexample(tolerance: reading.tolerance, minimax: reading.minimax) }.count
        return VerdictMap.Cell(
          reading: Self.setting(reading) + cell.readingSetting, size: cell.sizeSetting, verdict: .checking(bad == 0),
          estimate: runs.isEmpty ? 0 : Double(bad) / Double(runs.count), n: runs.count)
      }
    }
    let trends = readings.compactMap(trend)
    let judged = trends.first
    let all =
      base.sizes.flatMap(\.runs)
      + entries.filter { $0.outcome.statesThreeByThree != base.statesThreeByThree }.flatMap { $0.outcome.sizes.flatMap(\.runs) }
    let ranked = all.filter { $0.counterexample(tolerance: tolerance, minimax: minimax) }.sorted { $0.relativeDistance > $1.relativeDistance }
    let byCell =
      entries.map { (states: $0.outcome.statesThreeByThree, runs: $0.outcome.sizes.filter { $0.size == 3 }.flatMap(\.runs)) }
      + base.sizes.filter { $0.size == 2 }.map { (states: $0.states, runs: $0.runs) }
    let robust = Self.robustCounterexamples(byCell, readings: readings)
    let strongest = robust.first.map {
      "\($0.example.description) (a counterexample in \($0.cells) of the \(readings.count * entries.count) (reading, N) cells of its size, at N = \($0.sizes.map(String.init).joined(separator: ", ")))"
    }
    let baseRuns = base.sizes.flatMap(\.runs)
    let evidence = Evidence(
      summary:
        "Counterexamples (neither within the tolerance × the payoff range of the Pareto frontier nor an agent at its minimax utility with the other at its best-response payoff) among the runs of random 3 × 3 games, by reading and N: \(ShareMap.describe(cells)). \(trends.isEmpty ? "No trend: fewer than three sizes." : "Trends: " + trends.map { VerdictMap.describe($0.reading) + ": " + $0.described + ": " + $0.verdict.rawValue }.joined(separator: "; ") + ".") In the base cell (2 × 2 at N = \(base.sizes.first?.states ?? 0) and 3 × 3 at N = \(base.statesThreeByThree)), \(baseRuns.filter { $0.counterexample(tolerance: tolerance, minimax: minimax) }.count) of \(baseRuns.count) runs are counterexamples at the base reading. The strongest counterexample (recurring in the most (reading, N) cells, then farthest from the frontier) is quoted below; the farthest from the frontier at the base reading lies \(DecimalFormat.compact(ranked.first?.relativeDistance ?? 0, significant: 3)) of the payoff range from it.",
      measurements: [.init("runs", all.count), .init("counterexamples", ranked.count)]
        + (judged.map { [.init("fitted limit of the counterexample rate", lower: $0.lower, upper: $0.upper)] } ?? []),
      tolerance:
        "near Pareto: distance ≤ \(DecimalFormat.compact(tolerance)) (or \(DecimalFormat.compact(Self.wideTolerance))) × payoff range; minimax (pure or mixed) and best response: exact; in each reading, the fitted limit over N of the 3 × 3 counterexample rate at most 0 supports, a 95% interval above 0 refutes",
      sampleSize: all.count, counterexample: strongest)
    let map = VerdictMap(design: .product, cells: cells, trends: trends)
    let control = trend((tolerance: 2.0, minimax: minimax))
    return ExperimentResult(
      tables: Self.tables(base, tolerance: tolerance, ranked: ranked) + [Self.robustTable(robust, cellCount: readings.count * entries.count)],
      figures: [
        Figure(
          id: "ibh.two-player-classes", title: "Classes of the stable cycles of random 2-player games",
          drawing: Self.figure(base, tolerance: tolerance)
        ).captioned(
          "The conjecture's two classes of a stable cycle's average payoff: (1) close to the Pareto frontier (within the tolerance times the game's payoff range) and (2) a minimax outcome in which each player best-responds; \"neither\" is a counterexample. One bar group per game size (actions per player); runs whose cycle search hit its cap are left out."
        )
      ],
      claims: [
        ClaimResult(
          Self.conjecture, map: map, control: ControlResult(Self.conjecture.control!, verdict: control?.verdict ?? .inconclusive),
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
    for c in ranked.prefix(10) { farthest.append([.real(c.relativeDistance, digits: 3), .text(c.description)]) }
    return [table, sensitivity, farthest]
  }

  /// The top 10 counterexample games by robustness; `reproduce ibh counterexamples` writes them as
  /// `.nfg` files from this table (columns "size" and "game" identify the game's stream).
  static func robustTable(_ robust: [RobustCounterexample], cellCount: Int) -> Table {
    var table = Table(
      id: "ibh.random-two-player.robust",
      title:
        "Counterexample games ranked by robustness: (reading, N) cells of the 3 × 3 grid in which one of its runs is a counterexample (of \(cellCount); 2 × 2 games: of the 4 readings at one N), then distance from the frontier",
      columns: ["rank", "size", "game", "cells", "at N", "distance / payoff range", "N of the farthest run", "payoffs", "farthest run"])
    for (k, c) in robust.prefix(10).enumerated() {
      table.append([
        .integer(k + 1), .integer(c.size), .integer(c.game + 1), .integer(c.cells), .text(c.sizes.map(String.init).joined(separator: ", ")),
        .real(c.distance, digits: 3), .integer(c.example.states), .text(c.example.payoffs), .text(c.example.description),
      ])
    }
    return table
  }

  static func figure(_ base: Outcome, tolerance: Double) -> BarChart {
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
    return bars
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
