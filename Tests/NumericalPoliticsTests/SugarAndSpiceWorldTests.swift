import LabKit
import Testing

@testable import NumericalPolitics

@Suite struct SugarAndSpiceWorldTests {
  @Test func tableTwoOne() {
    // Table 2.1 of the text, row by row.
    #expect(SugarAndSpiceWorld.wellbeing(.trade, .trade) == 3)
    #expect(SugarAndSpiceWorld.wellbeing(.trade, .steal) == 0)
    #expect(SugarAndSpiceWorld.wellbeing(.steal, .trade) == 4)
    #expect(SugarAndSpiceWorld.wellbeing(.steal, .steal) == 1)
    #expect(SugarAndSpiceWorld.game.isPrisonersDilemma)
    #expect(SugarAndSpiceWorld.game.pureNashEquilibria() == [[1, 1]])
    #expect(SugarAndSpiceWorld.game.isStrictlyDominant(1, for: 0))
  }

  @Test func populationAverageIsOnePlusTwiceTheTraders() {
    // By hand: x²·3 + x(1−x)·(0 + 4) + (1−x)²·1 = 1 + 2x.
    for x in stride(from: 0.0, through: 1.0, by: 0.125) {
      #expect(abs(SugarAndSpiceWorld.averageWellbeing(traders: x) - (1 + 2 * x)) < 1e-12)
    }
  }

  @Test func tableExperimentReproducesTheClaim() throws {
    let experiment = SugarAndSpiceExperiment()
    let context = RunContext(experimentID: experiment.id, scale: .smoke, seed: 1, parameters: try Parameters(experiment.parameters, scale: .smoke))
    let result = try experiment.run(in: context)
    #expect(result.claims.map(\.headline) == [.holds])
    #expect(result.claims[0].control?.flipped == true)
    // The control's table is no dilemma, and its best average is 4, not 3.
    #expect(!SugarAndSpiceExperiment.check(SugarAndSpiceExperiment.swapped, grid: 10).isPrisonersDilemma)
    #expect(result.tables[0].rows.map { $0[2].text } == ["3", "0", "4", "1"])
    #expect(result.claims[0].evidence.measurements.first { $0.name == "best average wellbeing (population mixes)" }?.value == .number(3))
  }
}
