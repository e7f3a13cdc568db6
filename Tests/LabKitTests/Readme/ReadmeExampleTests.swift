import LabKit
import Testing

/// The README's worked example runs, and its verdicts are what the README says.
@Suite struct ReadmeExampleTests {
  @Test func theWorkedExampleJudgesItsReadingsAndItsControlsFlip() throws {
    let experiment = MixedPopulationExperiment()
    #expect(experiment.declarationProblems.isEmpty)
    let result = try experiment.run(scale: .smoke, seed: 1)
    #expect(result.claims.allSatisfy { $0.control?.flipped == true })
    // Random meeting keeps the formula, assortative meeting breaks it: the headline depends.
    #expect(result.claims[0].map.cells.map(\.verdict) == [.holds, .fails])
    #expect(result.claims[0].headline == .depends)
  }
}
