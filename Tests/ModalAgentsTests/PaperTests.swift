import LabKit
import Testing

@testable import ModalAgents

@Test func paperIsRegisteredWithTheIssuesIDs() {
  let paper = ModalAgents.paper
  #expect(paper.id == "ModalAgents")
  #expect(paper.prefix == "ma")
  #expect(paper.experiments.map(\.id) == ["ma.strategic-time", "ma.robust-cooperation", "ma.loops", "ma.wait-fair", "ma.letterless", "ma.cost"])
  let claims = paper.experiments.flatMap { $0.claims.map(\.id) }
  #expect(
    Set(claims) == [
      "ma.fairbot-self", "ma.fairbot-basics", "ma.program-equilibrium", "ma.prudentbot", "ma.rank0-fairbot-cooperatebot",
      "ma.justbot", "ma.waitfairbot", "ma.contrarian-self", "ma.raifbot-self", "ma.simulation-loops", "ma.unstable-loop",
      "ma.crystal-ball-preferences", "ma.information-structures", "ma.polynomial-time", "ma.fixed-points",
    ])
  #expect(claims.count == 15)
  // The catalog accepts the paper (ids unique across experiments and claims).
  let catalog = Catalog(papers: [paper])
  #expect(catalog.ids.count == 1 + 6 + 15)
  #expect(paper.benchmarks.map(\.id) == ["ma.tournament.rank0", "ma.competition.rank0"])
  #expect(paper.benchmarks[0].count == 1_000_000)
}

@Test func everyParameterDefaultIsValidAtEveryScale() throws {
  for experiment in ModalAgents.paper.experiments {
    for scale in Scale.allCases {
      let parameters = try Parameters(experiment.parameters, scale: scale)
      #expect(parameters.values.count == experiment.parameters.count)
    }
  }
}
