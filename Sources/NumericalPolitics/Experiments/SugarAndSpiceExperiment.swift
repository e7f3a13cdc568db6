import GameTheory
import LabKit

/// Table 2.1 of Numerical Politics and the claims made about it at the start of chapter 2.
///
/// Checked from the game built from the table (``SugarAndSpiceWorld/game``): that it is a prisoner's
/// dilemma (T > R > P > S and 2R > T + S, as the text says "this is the classic prisoner's dilemma");
/// that over every pure profile, and over every population mix of traders and stealers meeting at
/// random, the average wellbeing is largest, at 3, exactly when all trade; and, for context, that
/// mutual stealing (average 1) is the only Nash equilibrium. The table is the model, so these are
/// identities of it: the claim is a consistency check, and its control runs the same check on the
/// table with the rewards of (trade, trade) and (steal, trade) exchanged, which it must reject.
struct SugarAndSpiceExperiment: Experiment {
  /// What the check finds in one game.
  struct Check: Sendable {
    let isPrisonersDilemma: Bool
    let bestPure: Double
    let bestProfiles: [[Int]]
    let bestMixAverage: Double
    let bestMix: Double
    let equilibria: [[Int]]
    let mixes: Int
    /// The statement: a prisoner's dilemma whose collective optimum, 3, is all trading.
    var holds: Bool { isPrisonersDilemma && bestProfiles == [[0, 0]] && bestPure == 3 && bestMix == 1 && bestMixAverage == 3 }
  }

  struct Outcome: Sendable {
    let table: Check
    let control: Check
  }

  static let mixGrid = ParameterKey<Int>("mixGrid")

  let id = "np.sugar-and-spice"
  let title = "The sugar-and-spice world: Table 2.1 and the collective optimum"
  let sections = ["Chapter 2", "Table 2.1"]

  static let tableClaim = Claim(
    id: "np.table-2-1", source: "Table 2.1, Chapter 2", kind: .table,
    statement:
      "The wellbeing of an agent after an interaction is 3 (trade, trade), 0 (trade, steal), 4 (steal, trade), 1 (steal, steal): the classic prisoner's dilemma. The optimal collective wellbeing occurs when all agents trade; the average wellbeing of all agents is then 3.",
    class: .consistency(
      because:
        "Table 2.1 is the model's payoff table (the book's code has the same REWARD array), so the dilemma inequalities and the optimum are identities of it; the check can fail only through a bug"
    ),
    control: Control("the table with the rewards of (trade, trade) and (steal, trade) exchanged (R = 4, T = 3), no longer a dilemma"))

  var claims: [Claim] { [Self.tableClaim] }

  var parameters: [Parameter] {
    [
      Parameter(
        Self.mixGrid, "Population mixes examined: fractions of traders k / mixGrid, k = 0 ... mixGrid.", domain: .integer(1...1_000_000),
        default: 1000)
    ]
  }

  /// The check on a 2 × 2 symmetric game given by agent 1's wellbeing table (index 2 · own + other).
  static func check(_ game: NormalFormGame, grid: Int) -> Check {
    let averages = game.profiles.map { game.payoffs($0).reduce(0, +) / 2 }
    let best = averages.max()!
    let bestProfiles = game.profiles.indices.filter { averages[$0] == best }.map { game.profiles[$0] }
    let table = [game.payoff(0, [0, 0]), game.payoff(0, [0, 1]), game.payoff(0, [1, 0]), game.payoff(0, [1, 1])]
    let mixes = (0...grid).map { Double($0) / Double(grid) }
    let mixAverages = mixes.map { x in
      let p = [x, 1 - x]
      return (0..<2).reduce(0.0) { total, a in total + (0..<2).reduce(0.0) { $0 + p[a] * p[$1] * table[2 * a + $1] } }
    }
    let bestMixAverage = mixAverages.max()!
    return Check(
      isPrisonersDilemma: game.isPrisonersDilemma, bestPure: best, bestProfiles: bestProfiles, bestMixAverage: bestMixAverage,
      bestMix: mixes[mixAverages.firstIndex(of: bestMixAverage)!], equilibria: game.pureNashEquilibria(), mixes: mixes.count)
  }

  /// Table 2.1 with R and T exchanged: the control.
  static let swapped = NormalFormGame.prisonersDilemma(reward: 4, sucker: 0, temptation: 3, punishment: 1, actions: ["trade", "steal"])

  func simulate(in context: RunContext) throws -> Outcome {
    let grid = context.parameters[Self.mixGrid]
    return Outcome(table: Self.check(SugarAndSpiceWorld.game, grid: grid), control: Self.check(Self.swapped, grid: grid))
  }

  func judge(_ outcomes: Outcomes<Outcome>, in context: RunContext) throws -> ExperimentResult {
    let game = SugarAndSpiceWorld.game
    var wellbeing = Table(
      id: "np.table-2-1.wellbeing", title: "Table 2.1: the wellbeing of an agent after an interaction (from the model)",
      columns: ["Agent 1", "Agent 2", "Agent 1 wellbeing", "collective Ω", "average"])
    for profile in game.profiles {
      let payoffs = game.payoffs(profile)
      wellbeing.append([
        .text(game.actions[0][profile[0]]), .text(game.actions[1][profile[1]]), .real(payoffs[0], digits: 0),
        .real(payoffs.reduce(0, +), digits: 0), .real(payoffs.reduce(0, +) / 2, digits: 1),
      ])
    }
    let c = outcomes.base.table
    let names = { (profiles: [[Int]]) in profiles.map { profileName($0, game) }.joined(separator: ", ") }
    let evidence = Evidence(
      summary:
        "Prisoner's dilemma (T > R > P > S, 2R > T + S): \(c.isPrisonersDilemma ? "yes" : "no"). Best average wellbeing over the pure profiles: \(DecimalFormat.compact(c.bestPure)) at \(names(c.bestProfiles)). Over \(c.mixes) population mixes the best average is \(DecimalFormat.compact(c.bestMixAverage)) with a fraction \(DecimalFormat.compact(c.bestMix)) trading. Pure Nash equilibria: \(names(c.equilibria)) (average \(DecimalFormat.compact(game.payoffs(c.equilibria.first ?? [1, 1]).reduce(0, +) / 2))). Control (R and T exchanged): dilemma \(outcomes.base.control.isPrisonersDilemma ? "yes" : "no"), best pure average \(DecimalFormat.compact(outcomes.base.control.bestPure)).",
      measurements: [
        .init("is prisoner's dilemma", c.isPrisonersDilemma),
        .init("best average wellbeing (pure profiles)", c.bestPure),
        .init("profiles attaining it", names(c.bestProfiles)),
        .init("best average wellbeing (population mixes)", c.bestMixAverage),
        .init("trading fraction attaining it", c.bestMix),
        .init("pure Nash equilibria", names(c.equilibria)),
      ],
      tolerance: "exact", sampleSize: game.profiles.count + c.mixes)
    let claim = ClaimResult(
      Self.tableClaim, map: .single(.checking(c.holds), estimate: c.bestPure, n: game.profiles.count + c.mixes),
      control: ControlResult(Self.tableClaim.control!, verdict: .checking(outcomes.base.control.holds)), evidence: evidence)
    return ExperimentResult(tables: [wellbeing], claims: [claim])
  }

  private func profileName(_ profile: [Int], _ game: NormalFormGame) -> String {
    "(" + profile.enumerated().map { game.actions[$0.offset][$0.element] }.joined(separator: ", ") + ")"
  }
}
