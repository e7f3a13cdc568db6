import GameTheory
import IBHaggling
import LabKit
import ModalAgents
import NumericalPolitics
import SimilarityCooperation
import SocialEnvironmentDesign

extension Catalog {
  /// The five papers, in the order the toolkit presents them.
  static let all = Catalog(papers: [
    NumericalPolitics.paper,
    IBHaggling.paper,
    SimilarityCooperation.paper,
    SocialEnvironmentDesign.paper,
    ModalAgents.paper,
  ])
}

extension Reproduction {
  /// The reproduction of every paper, recording the versions of GSL and GLPK in the manifest.
  static let all = Reproduction(
    catalog: .all,
    libraryVersions: [("gsl", GSLRuntime.version), ("glpk", LinearProgramming.glpkVersion)])
}
