import LabKit
import Testing
@testable import SocialEnvironmentDesign

func runSmoke(_ experiment: any Experiment, jobs: Int = 1, overrides: [String: String] = [:]) throws -> ExperimentResult {
  let parameters = try Parameters(experiment.parameters, scale: .smoke, overrides: overrides)
  let result = try experiment.run(in: RunContext(experimentID: experiment.id, scale: .smoke, seed: 1, parameters: parameters, jobs: jobs))
  #expect(result.claims.map(\.claim.id) == experiment.claims.map(\.id))
  return result
}

@Test func taxExperimentReproduces() throws {
  #expect(try runSmoke(TaxExperiment()).claims.map(\.verdict) == [.reproduced])
}

@Test func commonsExperimentRunsAndNoRegrowthHolds() throws {
  let result = try runSmoke(CommonsExperiment())
  #expect(result.claims[0].verdict == .reproduced)
  #expect(result.figures.map(\.id) == ["sed.commons.live-apples"])
  // Same bytes whatever the number of jobs.
  let parallel = try runSmoke(CommonsExperiment(), jobs: 2)
  #expect(parallel.tables == result.tables)
  #expect(parallel.figures == result.figures)
}

@Test func trustExperimentShowsNoEffectAtZeroTrust() throws {
  let result = try runSmoke(TrustExperiment())
  let rewards = result.tables[0]
  #expect(rewards.rows[0][1] == .real(0, digits: 3))
  #expect(result.claims[0].evidence.measurements[0].value == .bool(true))
}

@Test func scheduleGridExperimentRuns() throws {
  let result = try runSmoke(ScheduleGridExperiment())
  #expect(result.claims[0].verdict == .reproduced)
  #expect([.supported, .refuted, .inconclusive].contains(result.claims[1].verdict))
}

@Test func principalExperimentRunsWithEveryAnnealing() throws {
  for annealing in TaxAnnealing.allCases {
    let result = try runSmoke(PrincipalExperiment(), overrides: ["annealing": annealing.rawValue, "seeds": "2", "rounds": "8"])
    #expect([.supported, .refuted, .inconclusive].contains(result.claims[0].verdict))
  }
  let voted = try runSmoke(PrincipalExperiment(), overrides: ["votingRule": "codeBinaryMajority", "reporting": "strategic", "rounds": "8"])
  #expect(voted.figures.map(\.id) == ["sed.principals.objective", "sed.principals.rates"])
}

@Test func roundsExperimentReproducesContinuityAndDivergence() throws {
  #expect(try runSmoke(RoundsExperiment()).claims.map(\.verdict) == [.reproduced, .reproduced])
  #expect(try runSmoke(RoundsExperiment(), overrides: ["continuity": "code", "regrowthRule": "code"]).claims.map(\.verdict) == [.reproduced, .reproduced])
}

@Test func scalingExperimentIsInconclusiveBelowTenThousandCopies() throws {
  let result = try runSmoke(ScalingExperiment(), overrides: ["largestCopies": "10", "steps": "5"])
  #expect(result.claims[0].verdict == .inconclusive)
  #expect(result.tables[0].rows.count == 2)
}
