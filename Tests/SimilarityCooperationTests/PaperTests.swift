import LabKit
import Testing

@testable import SimilarityCooperation

@Test func paperIsRegisteredWithTheIssuesIDs() {
  let paper = SimilarityCooperation.paper
  #expect(paper.id == "SimilarityCooperation")
  #expect(paper.prefix == "sbc")
  #expect(paper.experiments.map(\.id) == ["sbc.base-game", "sbc.thresholds", "sbc.noise", "sbc.folk", "sbc.repeated", "sbc.learning"])
  let claims = paper.experiments.flatMap { $0.claims.map(\.id) }
  #expect(
    claims == [
      "sbc.table-1", "sbc.threshold-example", "sbc.threshold-equilibrium", "sbc.threshold-intuition", "sbc.symmetric-equilibria",
      "sbc.noise-scale", "sbc.mean-zero-noise", "sbc.folk-theorem", "sbc.repeated-pd", "sbc.learned-cooperation", "sbc.diff-gradient",
    ])
  // The catalog accepts the paper (ids unique across experiments and claims).
  let catalog = Catalog(papers: [paper])
  #expect(catalog.ids.count == 1 + 6 + 11)
  #expect(paper.benchmarks.map(\.id) == ["sbc.learning.step", "sbc.learning.step-paper", "sbc.thresholds.best-response"])
}

@Test func everyParameterDefaultIsValidAtEveryScale() throws {
  for experiment in SimilarityCooperation.paper.experiments {
    for scale in Scale.allCases {
      let parameters = try Parameters(experiment.parameters, scale: scale)
      #expect(parameters.values.count == experiment.parameters.count)
    }
  }
}

@Test func benchmarksRunAndReturnAChecksum() {
  for benchmark in SimilarityCooperation.paper.benchmarks {
    #expect(benchmark.body(3).isFinite)
  }
}
