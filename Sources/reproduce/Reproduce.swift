import ArgumentParser
import LabKit
import ReproduceCommandLine

/// The repository's `reproduce`: the command line of ReproduceCommandLine over the five papers
/// (`run`, `show`, `check`, `list`, `site`, `figures`), with the game-theory, modal-agent, haggling and
/// benchmark subcommands added. Only wiring lives here.
@main
enum Reproduce: ReproduceCatalog {
  static var catalog: Catalog { .all }
  static var reproduction: Reproduction { .all }
  static var abstract: String {
    "Regenerate, check and extend the results of five texts on cooperation among autonomous agents."
  }
  static var discussion: String {
    """
    IDs name a paper (NumericalPolitics, or its prefix np), an experiment (np.zero-memory) or a claim \
    (np.zero-memory.steal). With no subcommand, `reproduce` runs everything at standard scale.
    """
  }
  static var subcommands: [any ParsableCommand.Type] {
    [Bench.self, GameCommand.self, ModalCommand.self, IBHagglingCommand.self]
  }
}
