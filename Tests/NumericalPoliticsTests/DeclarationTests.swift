import LabKit
import Testing

@testable import NumericalPolitics

/// Every experiment's declarations are sound at every scale (classes, controls, readings and sizes
/// declared and inside their parameters' domains), so no scale stops on a precondition.
@Test func declarationsAreSoundAtEveryScale() {
  for experiment in NumericalPolitics.paper.experiments {
    #expect(experiment.declarationProblems.isEmpty, "\(experiment.id): \(experiment.declarationProblems)")
  }
}
