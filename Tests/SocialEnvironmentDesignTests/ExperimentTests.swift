import LabKit
import Testing

@testable import SocialEnvironmentDesign

/// Every experiment once at smoke scale: declarations complete, every control flips, and the values
/// each experiment must produce.
@Test func everyExperimentDeclaresAndEveryControlFlips() throws {
  var results: [String: ExperimentResult] = [:]
  for experiment in SocialEnvironmentDesign.paper.experiments {
    #expect(experiment.declarationProblems.isEmpty, "\(experiment.declarationProblems)")
    let result = try experiment.run(scale: .smoke, seed: 1, jobs: 2, overrides: [:])
    #expect(result.claims.map(\.claim.id) == experiment.claims.map(\.id))
    for claim in result.claims {
      #expect(claim.control?.flipped == true, "\(claim.claim.id): control gave \(String(describing: claim.control?.verdict))")
    }
    results[experiment.id] = result
  }
  let economy = results["sed.economy"]!
  #expect(economy.claims[0].map.cells[0].verdict == .holds)
  #expect(economy.tables[0].column("T (formula)") == ["0.5000", "1.0000", "2.0000", "4.5000"])
  let commons = results["sed.commons"]!
  #expect(commons.claims[0].map.cells.map(\.verdict) == [.holds, .holds])
  #expect(commons.claims[1].map.cells.count == 12)  // regrowth rule × horizon × players (scripted, learned)
  #expect(commons.figures.map(\.id) == ["sed.commons.payoff-curve", "sed.commons.live-apples"])
  let trust = results["sed.trust-leverage"]!
  #expect(trust.tables[0].rows[0][1] == .real(0, digits: 3))
  #expect(trust.claims[0].evidence.measurements[0].value == .bool(true) && trust.claims[0].map.cells[0].verdict == .holds)
  #expect(results["sed.schedule-grid"]!.claims[0].map.cells[0].verdict == .holds)
  let principals = results["sed.principals"]!
  #expect(
    principals.claims[0].map.cells.map { VerdictMap.describe($0.reading) } == ["orchardReset=everyRound", "orchardReset=everyHorizon"])
  #expect(principals.figures.map(\.id) == ["sed.principals.objective", "sed.principals.rates"])
  #expect(results["sed.rounds"]!.claims.map { $0.map.cells[0].verdict } == [.holds, .holds])
  let scale = results["sed.scale"]!
  #expect(scale.claims[0].map.trends.count == 2 && scale.claims[0].map.trends[0].sizes.count == 5)
  #expect(scale.tables[0].rows.count == 5)
}

@Test func wrongTaxFormulaDiffers() {
  #expect(EconomyExperiment.wrongTax(15, rates: [0.1, 0.2, 0.3]) == 3)  // the correct T(15) is 2
  #expect(TaxBrackets.paper.tax(15, rates: [0.1, 0.2, 0.3]) == 2)
}

@Test func commonsCurvePairsOrchardsWhateverTheJobs() throws {
  let experiment = CommonsExperiment()
  let parameters = try Parameters(experiment.parameters, scale: .smoke)
  let one = RunContext(experimentID: experiment.id, scale: .smoke, seed: 1, parameters: parameters, jobs: 1)
  let two = RunContext(experimentID: experiment.id, scale: .smoke, seed: 1, parameters: parameters, jobs: 2)
  let curve = try CommonsExperiment.curve(.paper, horizon: 200, restrained: 4, replicates: 3, context: one)
  #expect(curve.curve.count == 8 && curve.curve.allSatisfy { $0.count == 3 })
  let again = try CommonsExperiment.curve(.paper, horizon: 200, restrained: 4, replicates: 3, context: two)
  #expect(again.curve.map { $0.map(\.apples) } == curve.curve.map { $0.map(\.apples) })
  // The all-greedy population empties some patch within 200 steps and no emptied patch regrows.
  #expect(curve.curve[7].contains { $0.patchDepletions > 0 } && curve.curve.allSatisfy { $0.allSatisfy { $0.patchRegrowths == 0 } })
  // One switching gain per g = 0 … 6.
  #expect(try CommonsExperiment.dilemma(curve).gains.count == 7)
}

@Test func roundsControlsFailUnderTheCodeReading() throws {
  let result = try RoundsExperiment().run(scale: .smoke, seed: 1, overrides: ["continuity": "code", "regrowthRule": "code"])
  #expect(result.claims.map { $0.map.cells[0].verdict } == [.holds, .holds])
  #expect(result.claims.map { $0.control?.verdict } == [.fails, .fails])
}

@Test func scalingWithAPinnedSizeIsInconclusive() throws {
  #expect(try ScaleExperiment().run(scale: .smoke, seed: 1, overrides: ["copies": "10", "horizon": "5"]).claims[0].headline == .inconclusive)
}
