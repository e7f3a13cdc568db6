import LabKit
import Testing

@testable import NumericalPolitics

/// Every chapter 1–2 experiment at smoke scale: its declarations are complete, and every claim's
/// negative control flips (the check, run on the perturbed model, gives the verdict the control expects).
@Suite struct ChapterOneTwoControlsTests {
  static let experiments: [any Experiment] = [
    SugarAndSpiceExperiment(), ZeroMemoryExperiment(), ExperimentOneExperiment(), ExperimentTwoExperiment(),
  ]

  @Test(arguments: 0..<4) func declarationsAreCompleteAndControlsFlip(_ index: Int) throws {
    let experiment = Self.experiments[index]
    #expect(experiment.declarationProblems.isEmpty, "\(experiment.id): \(experiment.declarationProblems)")
    let result = try experiment.run(scale: .smoke, seed: 1, jobs: 2)
    #expect(result.claims.map(\.claim.id) == experiment.claims.map(\.id))
    for claim in result.claims {
      #expect(claim.control?.flipped == true, "\(claim.claim.id): control \(String(describing: claim.control))")
    }
  }

  @Test func classesAndScalesAreAsDeclared() {
    let claims = Self.experiments.flatMap(\.claims)
    let consistency = claims.filter { if case .consistency = $0.claimClass { return true } else { return false } }.map(\.id)
    #expect(consistency == ["np.table-2-1", "np.exp1.optimum", "np.exp1.unexploitable", "np.exp1.wsls"])
    #expect(claims.filter { $0.meaningfulAt == .paper }.map(\.id) == ["np.exp2.population", "np.exp2.forgetting"])
  }
}
