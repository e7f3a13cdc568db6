import LabKit
import Testing

@testable import SocialEnvironmentDesign

@Test func paperIsRegisteredWithTheIssuesIDs() {
  let paper = SocialEnvironmentDesign.paper
  #expect(paper.id == "SocialEnvironmentDesign")
  #expect(paper.prefix == "sed")
  #expect(
    paper.experiments.map(\.id) == [
      "sed.economy", "sed.commons", "sed.trust-leverage", "sed.schedule-grid", "sed.principals", "sed.rounds", "sed.scale",
    ])
  let claims = paper.experiments.flatMap { $0.claims.map(\.id) }
  #expect(
    Set(claims) == [
      "sed.tax-formula", "sed.no-regrowth", "sed.commons-dilemma", "sed.voting", "sed.trust", "sed.principal-improves",
      "sed.stackelberg-check", "sed.continuity", "sed.divergence", "sed.scaling",
    ])
  #expect(claims.count == 10)
  let catalog = Catalog(papers: [paper])
  #expect(catalog.ids.count == 1 + 7 + 10)
  #expect(
    paper.benchmarks.map(\.id) == [
      "sed.steps.dynamics", "sed.steps.observations", "sed.steps.window-encoding", "sed.ppo.players-7", "sed.ppo.design-loop-7.threads-1",
      "sed.ppo.design-loop-7.threads-2", "sed.ppo.design-loop-700", "sed.ppo.design-loop-7000", "sed.steps.game", "sed.steps.players-112000",
    ])
}

@Test func everyParameterDefaultIsValidAtEveryScale() throws {
  for experiment in SocialEnvironmentDesign.paper.experiments {
    for scale in Scale.allCases {
      let parameters = try Parameters(experiment.parameters, scale: scale)
      #expect(parameters.values.count == experiment.parameters.count)
    }
  }
}

@Test func badParameterValuesAreRejectedWithTheirName() {
  let experiment = CommonsExperiment()
  #expect(throws: LabError.self) { try Parameters(experiment.parameters, scale: .smoke, overrides: ["regrowthRule": "bogus"]) }
  #expect(throws: LabError.self) { try Parameters(experiment.parameters, scale: .smoke, overrides: ["replicates": "1"]) }
}

@Test func smallBenchmarksRun() {
  // The three 7-player benchmarks on a few steps (the 112 000-player one builds a large map).
  for benchmark in SocialEnvironmentDesign.paper.benchmarks.prefix(3) {
    #expect(benchmark.body(2000).isFinite)
  }
}
