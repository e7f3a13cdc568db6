import ArgumentParser
import LabKit

/// What a `reproduce` command line serves: a catalog of papers and experiments (and, optionally, extra
/// subcommands). Conform a type to it and mark it `@main`, and the executable gets `run`, `show`,
/// `check`, `list`, `site` and `figures` over that catalog, with the project's exit codes (2 for bad
/// input), the cell store, and shell completion of the catalog's ids:
///
/// ```swift
/// import LabKit
/// import ReproduceCommandLine
///
/// @main enum MyReproduce: ReproduceCatalog {
///   static let catalog = Catalog(papers: [MyPaper.paper])
/// }
/// ```
///
/// This is how a package outside this repository adds a paper without forking it (README: "Adding a
/// paper from your own package"; `Examples/MyPaper` is a complete one). The repository's own
/// `reproduce` is the same thing over its five papers, with its game-theory subcommands added.
public protocol ReproduceCatalog: Sendable {
  /// The papers and experiments the command line runs, lists and checks.
  static var catalog: Catalog { get }
  /// How the catalog is run: its catalog, the library versions recorded in `Reproduce/MANIFEST.json`
  /// and each paper's code fingerprint, which keys the cell store (a paper without one is always
  /// computed, and `show` finds nothing stored for it). Default: the catalog, GSL's version, and for
  /// every paper the fingerprint of the running executable (``ExecutableFingerprint``).
  static var reproduction: Reproduction { get }
  /// The executable's name in help and completion scripts. Default: `reproduce`.
  static var commandName: String { get }
  /// One line of help under the name. Default: "Regenerate and check the results of a catalog of papers."
  static var abstract: String { get }
  /// The paragraph of help after the abstract. Default: how ids are written.
  static var discussion: String { get }
  /// Subcommands listed after the catalog's own (`run`, `show`, `check`, `list`, `site`, `figures`).
  /// Default: none.
  static var subcommands: [any ParsableCommand.Type] { get }
}

extension ReproduceCatalog {
  public static var reproduction: Reproduction {
    let fingerprint = ExecutableFingerprint.current
    return Reproduction(
      catalog: catalog, libraryVersions: [("gsl", GSLRuntime.version)],
      fingerprints: Dictionary(uniqueKeysWithValues: catalog.papers.compactMap { paper in fingerprint.map { (paper.id, $0) } }))
  }
  public static var commandName: String { "reproduce" }
  public static var abstract: String { "Regenerate and check the results of a catalog of papers." }
  public static var discussion: String {
    """
    IDs name a paper (its name, or its prefix), an experiment or a claim (`\(commandName) list --claims` \
    shows them). With no subcommand, `\(commandName)` runs everything at standard scale.
    """
  }
  public static var subcommands: [any ParsableCommand.Type] { [] }

  /// Parses the process's arguments and runs the command they name; the `@main` entry point.
  public static func main() { ReproduceRoot<Self>.main() }
}
