import LabKit
import Testing

/// The README's worked example runs, and its verdicts are what the README says.
@Suite struct ReadmeExampleTests {
  @Test func theWorkedExampleJudgesItsReadingsAndItsControlsFlip() throws {
    let experiment = MixedPopulationExperiment()
    #expect(experiment.declarationProblems.isEmpty)
    let result = try experiment.run(scale: .smoke, seed: 1)
    #expect(result.claims.allSatisfy { $0.control?.flipped == true })
    // The average is linear in the pair-type frequencies, and assortative meeting keeps the share of
    // trader slots at x, so the formula holds under both readings: the map shows it is robust.
    #expect(result.claims[0].map.cells.map(\.verdict) == [.holds, .holds])
    #expect(result.claims[0].headline == .holds)
  }
}
