import LabKit
import Testing

@testable import IBHaggling

/// Every experiment of the module at smoke scale: its declarations are sound, and every claim has a
/// control that gives its expected verdict.
@Suite struct ControlTests {
  @Test(arguments: IBHaggling.paper.experiments.map(\.id))
  func everyControlFlips(_ id: String) throws {
    let experiment = IBHaggling.paper.experiments.first { $0.id == id }!
    #expect(experiment.declarationProblems.isEmpty, "\(experiment.declarationProblems)")
    let result = try experiment.run(scale: .smoke, seed: 1, jobs: 2)
    #expect(result.claims.map(\.claim.id) == experiment.claims.map(\.id))
    for claim in result.claims {
      #expect(claim.claim.claimClass != nil, "\(claim.claim.id) has no class")
      #expect(claim.control?.flipped == true, "\(claim.claim.id): control \(String(describing: claim.control))")
    }
  }
}
