import GameTheory
import LabKit

/// Table 2.1 of Numerical Politics and the claims made about it at the start of chapter 2.
///
/// Checked from the game built from the table (``SugarAndSpiceWorld/game``): that it is a prisoner's
/// dilemma (T > R > P > S and 2R > T + S, as the text says "this is the classic prisoner's dilemma");
/// that over every pure profile, and over every population mix of traders and stealers meeting at
/// random, the average wellbeing is largest, at 3, exactly when all trade; and, for context, that
/// mutual stealing (average 1) is the only Nash equilibrium.
public struct TableTwoOneExperiment: Experiment {
  public init() {}

  public let id = "np.sugar-and-spice"
  public let title = "The sugar-and-spice world: Table 2.1 and the collective optimum"
  public let sections = ["Chapter 2", "Table 2.1"]

  public static let tableClaim = Claim(
    id: "np.table-2-1", source: "Table 2.1, Chapter 2", kind: .table,
    statement: "The wellbeing of an agent after an interaction is 3 (trade, trade), 0 (trade, steal), 4 (steal, trade), 1 (steal, steal): the classic prisoner's dilemma. The optimal collective wellbeing occurs when all agents trade; the average wellbeing of all agents is then 3.")

  public var claims: [Claim] { [Self.tableClaim] }

  public var parameters: [Parameter] {
    [Parameter("mixGrid", "Population mixes examined: fractions of traders k / mixGrid, k = 0 ... mixGrid.", domain: .integer(1...1_000_000), default: .integer(1000))]
  }

  public func simulate(in context: RunContext) throws -> ExperimentResult {
    let game = SugarAndSpiceWorld.game
    var wellbeing = Table(id: "np.table-2-1.wellbeing", title: "Table 2.1: the wellbeing of an agent after an interaction (from the model)",
                          columns: ["Agent 1", "Agent 2", "Agent 1 wellbeing", "collective Ω", "average"])
    for profile in game.profiles {
      let payoffs = game.payoffs(profile)
      wellbeing.append([.text(game.actions[0][profile[0]]), .text(game.actions[1][profile[1]]), .real(payoffs[0], digits: 0),
                        .real(payoffs.reduce(0, +), digits: 0), .real(payoffs.reduce(0, +) / 2, digits: 1)])
    }

    // The best pure profiles by average wellbeing.
    let averages = game.profiles.map { game.payoffs($0).reduce(0, +) / 2 }
    let best = averages.max()!
    let bestProfiles = game.profiles.indices.filter { averages[$0] == best }.map { game.profiles[$0] }
    // Population mixes: average wellbeing when a fraction x trades, on a grid.
    let grid = context.parameters.integer("mixGrid")
    let mixes = (0...grid).map { Double($0) / Double(grid) }
    let mixAverages = mixes.map(SugarAndSpiceWorld.averageWellbeing(traders:))
    let bestMix = mixes[mixAverages.firstIndex(of: mixAverages.max()!)!]
    let equilibria = game.pureNashEquilibria()

    let allTrade = [0, 0]
    let holds = game.isPrisonersDilemma && bestProfiles == [allTrade] && best == 3 && bestMix == 1 && mixAverages.max()! == 3
    let evidence = Evidence(
      summary: "Prisoner's dilemma (T > R > P > S, 2R > T + S): \(game.isPrisonersDilemma ? "yes" : "no"). Best average wellbeing over the pure profiles: \(DecimalFormat.compact(best)) at \(bestProfiles.map { profileName($0, game) }.joined(separator: ", ")). Over \(grid + 1) population mixes the best average is \(DecimalFormat.compact(mixAverages.max()!)) with a fraction \(DecimalFormat.compact(bestMix)) trading. Pure Nash equilibria: \(equilibria.map { profileName($0, game) }.joined(separator: ", ")) (average \(DecimalFormat.compact(game.payoffs(equilibria.first ?? [1, 1]).reduce(0, +) / 2))).",
      measurements: [
        .init("is prisoner's dilemma", game.isPrisonersDilemma),
        .init("best average wellbeing (pure profiles)", best),
        .init("profiles attaining it", bestProfiles.map { profileName($0, game) }.joined(separator: ", ")),
        .init("best average wellbeing (population mixes)", mixAverages.max()!),
        .init("trading fraction attaining it", bestMix),
        .init("pure Nash equilibria", equilibria.map { profileName($0, game) }.joined(separator: ", ")),
      ],
      tolerance: "exact", sampleSize: game.profiles.count + mixes.count)
    return ExperimentResult(tables: [wellbeing], claims: [ClaimResult(Self.tableClaim, .checking(holds), evidence)])
  }

  private func profileName(_ profile: [Int], _ game: NormalFormGame) -> String {
    "(" + profile.enumerated().map { game.actions[$0.offset][$0.element] }.joined(separator: ", ") + ")"
  }
}
