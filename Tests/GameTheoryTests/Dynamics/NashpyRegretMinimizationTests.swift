import Foundation
import LabKit
import Testing

@testable import GameTheory

/// nashpy 0.0.43's `Game.regret_minimization` (`Tests/Fixtures/nashpy/make_regret_minimization.py`)
/// beside ``RegretMatching``. They are different procedures (nashpy adds positive "payoff minus
/// probability" terms to the mixed strategy, computes the column player's utilities as B·x, and
/// returns the uniform distribution over each player's most likely actions), so the test compares
/// where they end on games with a single Nash equilibrium: regret matching's empirical strategies
/// after 20,000 iterations are within 0.05 of that equilibrium (a bar set before running; in the
/// zero-sum games the gap of the empirical strategies is also at most the sum of the two average
/// regrets, Freund and Schapire 1999). nashpy's answer is that equilibrium on three of the five games
/// and is not an equilibrium at all on the prisoner's dilemma and the dominance-solvable 3 × 3 game,
/// where B·x in place of Bᵀ·x makes the column player pick a dominated action.
@Suite struct NashpyRegretMinimizationTests {
  static func runs() throws -> [JSONValue] { try NashTestSupport.json("nashpy/regret_minimization.json")["runs"]!.arrayValue! }

  static func distance(_ a: [[Double]], _ b: [[Double]]) -> Double {
    zip(a, b).map { zip($0, $1).map { abs($0 - $1) }.max()! }.max()!
  }

  @Test func regretMatchingEndsAtTheOnlyEquilibriumWhereNashpyDoesAndWhereItDoesNot() throws {
    var agreeing: Set<String> = []
    var nashpyWrong: Set<String> = []
    for (index, run) in try Self.runs().enumerated() {
      let id = run["id"]!.stringValue!
      let row = NashTestSupport.matrix(run["row_payoffs"])
      let column = NashTestSupport.matrix(run["column_payoffs"])
      let game = try NormalFormGame.bimatrix(row, column)
      let report = EquilibriumReport(game, method: .support)
      guard report.listsEveryEquilibrium, report.equilibria.count == 1 else { continue }
      let only = report.equilibria[0].strategies.map(\.probabilities)
      let result = try RegretMatching(game: Bimatrix(row: row, column: column))
        .run(iterations: 20_000, random: Random(master: 21, stream: "test.regret-minimization", replicate: index))
      let empirical = [result.empiricalStrategies.row, result.empiricalStrategies.column]
      #expect(Self.distance(empirical, only) <= 0.05, "\(id): regret matching \(empirical), equilibrium \(only)")
      if zip(row.joined(), column.joined()).allSatisfy({ $0 == -$1 }) {
        let strategies = empirical.map { MixedStrategy(unchecked: $0) }
        let gap = game.deviationGains(strategies).reduce(0, +)
        #expect(gap <= result.averageRegrets.row + result.averageRegrets.column + 1e-12, "\(id)")
      }
      let nashpy = NashTestSupport.matrix(run["strategies"])
      let nashpySaysEquilibrium = run["is_nash_equilibrium"]!.boolValue!
      #expect(nashpySaysEquilibrium == game.isNashEquilibrium(nashpy.map { MixedStrategy(unchecked: $0) }), "\(id)")
      if Self.distance(nashpy, only) <= 1e-12 { agreeing.insert(id) } else { nashpyWrong.insert(id) }
    }
    #expect(agreeing == ["matching-pennies", "rock-paper-scissors", "dominant-column-asymmetric"])
    #expect(nashpyWrong == ["prisoners-dilemma", "dominance-solvable-3x3"])
  }
}
