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
/// - otherwise a counterexample. The conjecture is supported when no run is a counterexample, refuted
///   (with the first counterexample) otherwise.
public struct TwoPlayerCyclesExperiment: Experiment {
  public init() {}

  public let id = "ibh.random-two-player"
  public let title = "Stable cycles of 2-player games: near Pareto, or minimax against a best response"
  public let sections = ["§Prisoner's dilemma, Conjecture"]

  public static let conjecture = Claim(
    id: "ibh.two-player-cycles", source: "§Prisoner's dilemma, Conjecture", kind: .conjecture,
    statement: "In a 2-player game the stable cycle is either close to a Pareto-optimal outcome, or one agent gets the utility of its minimax strategy and the other plays a best response to the first agent's strategy.")

  public var claims: [Claim] { [Self.conjecture] }

  public var parameters: [Parameter] {
    [
      Parameter("games", "Random games per size (2 × 2 and 3 × 3).", domain: .integer(1...100_000), smoke: .integer(8), standard: .integer(100), paper: .integer(1000)),
      Parameter("runsPerGame", "Runs of each game.", domain: .integer(1...1000), smoke: .integer(2), standard: .integer(5), paper: .integer(10)),
      Parameter("payoffMax", "Payoffs are integers 0 … payoffMax.", domain: .integer(1...1000), default: .integer(5)),
      Parameter("statesTwoByTwo", "N for the 2 × 2 games (4,929 hypotheses at 6).", domain: .integer(2...9), smoke: .integer(5), standard: .integer(6), paper: .integer(7)),
      Parameter("statesThreeByThree", "N for the 3 × 3 games (3,376 hypotheses at 4).", domain: .integer(2...6), smoke: .integer(3), standard: .integer(4), paper: .integer(5)),
      Parameter("tolerance", "\"Close to Pareto-optimal\": distance to the Pareto frontier at most this fraction of the game's payoff range.",
                domain: .real(0...1), default: .real(0.05)),
      HagglingParameters.ranking(), HagglingParameters.discount, HagglingParameters.prior, HagglingParameters.maximumSteps, HagglingParameters.rankAt,
    ]
  }

  struct Classified: Sendable {
    /// Distance to the Pareto frontier as a fraction of the payoff range.
    let relativeDistance: Double
    let nearPareto: Bool
    let minimaxBestResponse: Bool
    let mixedMinimaxBestResponse: Bool
    /// Both agents get exactly their pure maxmin (as when both hold ⊤).
    let bothAtMaxmin: Bool
    let capped: Bool
    let description: String
  }

  public func simulate(in context: RunContext) throws -> ExperimentResult {
    let p = context.parameters
    let ranking = HagglingParameters.ranking(p)
    let prior = HagglingParameters.prior(p)
    let options = HagglingParameters.options(p)
    let tolerance = p.real("tolerance")
    let runsPerGame = p.integer("runsPerGame")
    let discount = p.real("discount")
    var table = Table(id: "ibh.random-two-player.classes", title: "Stable cycles of random games with integer payoffs 0 … \(p.integer("payoffMax")) (\(p.integer("games")) games per size, \(runsPerGame) runs each)",
                      columns: ["size", "N", "runs", "(1) near Pareto", "(2) minimax and best response", "both", "neither (counterexamples)", "of which both agents at their pure maxmin", "neither, if minimax meant the mixed value", "capped"])
    var bars = BarChart(title: "Stable cycles of random 2-player games", categories: ["(1) only", "(2) only", "both", "neither"], xLabel: "class", y: Axis(label: "runs"))
    var counterexamples: [String] = []
    var total = 0
    var all: [Classified] = []
    for (size, states) in [(2, p.integer("statesTwoByTwo")), (3, p.integer("statesThreeByThree"))] {
      let space = try HypothesisSpace(actionCount: size, observationCount: size, options: .init(maximumStates: states))
      let games = try context.map(Array(0..<p.integer("games")), stream: "\(size)x\(size)/games", label: "\(id): \(size) × \(size) games") { g, _, random -> [Classified] in
        let game = NormalFormGame.random(actionCounts: [size, size], integerPayoffs: 0...p.integer("payoffMax"), using: random)
        let views = try (0..<2).map { try AgentView(game: game, player: $0) }
        let specs = try views.map { HagglerSpec(valuation: try HypothesisValuation(space: space, view: $0, ranking: ranking, policyDiscount: discount), view: $0, prior: prior) }
        let geometry = try TwoPlayerPayoffGeometry(game, exact: true)
        let payoffs = game.profiles.flatMap { game.payoffs($0) }
        let range = max(payoffs.max()! - payoffs.min()!, 1e-12)
        let pureMaxmin = views.map { Rational(approximating: $0.pureMaxmin)! }
        let mixed = try (0..<2).map { try game.minimax($0, exact: true).value }
        var out: [Classified] = []
        for r in 0..<runsPerGame {
          let generators = (0..<2).map { context.random(stream: "\(size)x\(size)/game\(g)/agent\($0 + 1)", replicate: r) }
          let run = try Haggling.run(game: game, participants: specs.map { .haggler($0) }, generators: generators, options: options)
          guard !run.capped, let u = run.exactAveragePayoffs else {
            out.append(Classified(relativeDistance: .infinity, nearPareto: false, minimaxBestResponse: false, mixedMinimaxBestResponse: false, bothAtMaxmin: false,
                                  capped: true, description: "capped"))
            continue
          }
          let point = PayoffPoint(u[0].doubleValue, u[1].doubleValue)
          let distance = Self.distance(point, to: geometry.paretoFrontier)
          let near = distance <= tolerance * range
          var best = false
          var bestMixed = false
          for i in 0..<2 {
            let j = 1 - i
            let response = Rational.mean(run.cycle.map { profile in
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
          out.append(Classified(
            relativeDistance: distance / range, nearPareto: near, minimaxBestResponse: best, mixedMinimaxBestResponse: bestMixed,
            bothAtMaxmin: u[0] == pureMaxmin[0] && u[1] == pureMaxmin[1], capped: false,
            description: "\(size) × \(size) game \(g + 1), run \(r + 1): stable cycle \(HagglingText.cycle(run.cycle, game: game)), payoffs (\(u[0]), \(u[1])); distance to the Pareto frontier \(DecimalFormat.compact(distance, significant: 4)) (tolerance \(DecimalFormat.compact(tolerance * range, significant: 4))); pure maxmin (\(pureMaxmin[0]), \(pureMaxmin[1])); the game: \(HagglingText.game(game))"))
        }
        return out
      }.flatMap { $0 }
      all += games
      let valid = games.filter { !$0.capped }
      let onlyNear = valid.filter { $0.nearPareto && !$0.minimaxBestResponse }.count
      let onlyBest = valid.filter { !$0.nearPareto && $0.minimaxBestResponse }.count
      let both = valid.filter { $0.nearPareto && $0.minimaxBestResponse }.count
      let neither = valid.filter { !$0.nearPareto && !$0.minimaxBestResponse }
      counterexamples += neither.map(\.description)
      total += games.count
      table.append([.text("\(size) × \(size)"), .integer(states), .integer(games.count), .integer(onlyNear + both), .integer(onlyBest + both), .integer(both),
                    .integer(neither.count), .integer(neither.filter(\.bothAtMaxmin).count), .integer(neither.filter { !$0.mixedMinimaxBestResponse }.count),
                    .integer(games.count - valid.count)])
      bars.bars("\(size) × \(size)", [Double(onlyNear), Double(onlyBest), Double(both), Double(neither.count)])
    }
    var sensitivity = Table(id: "ibh.random-two-player.tolerance", title: "Counterexamples if \"close to Pareto-optimal\" allowed another distance (the verdict uses \(DecimalFormat.compact(tolerance)))",
                            columns: ["distance to the Pareto frontier / payoff range", "counterexamples", "of runs"])
    for ε in [0.01, 0.05, 0.1, 0.2, 0.3] {
      let count = all.filter { !$0.capped && !$0.minimaxBestResponse && $0.relativeDistance > ε }.count
      sensitivity.append([.text(DecimalFormat.compact(ε)), .integer(count), .integer(all.filter { !$0.capped }.count)])
    }
    var farthest = Table(id: "ibh.random-two-player.farthest", title: "The counterexamples farthest from the Pareto frontier",
                         columns: ["distance / payoff range", "run"])
    for c in all.filter({ !$0.capped && !$0.minimaxBestResponse && !$0.nearPareto }).sorted(by: { $0.relativeDistance > $1.relativeDistance }).prefix(5) {
      farthest.append([.real(c.relativeDistance, digits: 3), .text(c.description)])
    }
    let worst = all.filter { !$0.capped && !$0.minimaxBestResponse }.map(\.relativeDistance).max() ?? 0
    let verdict: Verdict = counterexamples.isEmpty ? .supported : .refuted
    let evidence = Evidence(
      summary: "Of \(total) runs of random 2 × 2 and 3 × 3 games, \(counterexamples.count) ended in a stable cycle that is neither within \(DecimalFormat.compact(tolerance)) of the payoff range of the Pareto frontier nor one where an agent gets its pure maxmin and the other its best-response payoff. The farthest of the runs not in class (2) lies \(DecimalFormat.compact(worst, significant: 3)) of the payoff range from the Pareto frontier.",
      measurements: [.init("runs", total), .init("counterexamples", counterexamples.count)],
      tolerance: "near Pareto: distance ≤ \(DecimalFormat.compact(tolerance)) × payoff range; minimax and best response: exact",
      sampleSize: total, counterexample: counterexamples.first)
    return ExperimentResult(tables: [table, sensitivity, farthest], figures: [Figure(id: "ibh.two-player-classes", title: "Classes of the stable cycles of random 2-player games", svg: bars.svg())],
                            claims: [ClaimResult(Self.conjecture, verdict, evidence)])
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
