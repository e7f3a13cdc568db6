import ArgumentParser
import LabKit

/// Shell completion of ids: the catalog's paper, experiment and claim ids that begin with the word
/// typed so far, in catalog order. The completion scripts (`reproduce --generate-completion-script
/// bash|zsh|fish`) ask the executable for them when TAB is pressed, so they follow the catalog.
enum IDCompletion {
  /// What an id names.
  enum Kind: Sendable {
    case paper, experiment, claim
  }

  /// The ids of `kinds` in `catalog` that start with `prefix` (every one for an empty prefix).
  static func candidates(_ catalog: Catalog, kinds: Set<Kind>, prefix: String) -> [String] {
    var ids: [String] = []
    for paper in catalog.papers {
      if kinds.contains(.paper) { ids.append(paper.id) }
      for experiment in paper.experiments {
        if kinds.contains(.experiment) { ids.append(experiment.id) }
        if kinds.contains(.claim) { ids += experiment.claims.map(\.id) }
      }
    }
    return ids.filter { $0.hasPrefix(prefix) }
  }
}

extension CompletionKind {
  /// Completes with the ids of `kinds` in the catalog of `lab` (see ``IDCompletion``).
  static func ids<Lab: ReproduceCatalog>(of lab: Lab.Type, kinds: Set<IDCompletion.Kind> = [.paper, .experiment, .claim]) -> CompletionKind {
    .custom { _, _, prefix in IDCompletion.candidates(Lab.reproduction.catalog, kinds: kinds, prefix: prefix) }
  }
}
