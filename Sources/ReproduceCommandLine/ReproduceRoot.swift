import ArgumentParser
import Foundation
import LabKit

/// The root command of a ``ReproduceCatalog``: the catalog's subcommands, then the extra ones, with
/// `run` as the default. Generic over the catalog, so that every subcommand reads it from its type
/// (no global state) and an outside package instantiates it without subclassing or forking.
struct ReproduceRoot<Lab: ReproduceCatalog>: ParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: Lab.commandName, abstract: Lab.abstract, discussion: Lab.discussion,
      subcommands: [Run.self, Show.self, Check.self, List.self, Site.self, FiguresCommand.self] + Lab.subcommands,
      defaultSubcommand: Run.self)
  }

  /// ArgumentParser's `main`, except that a usage error (a malformed or out-of-range option value,
  /// exit 64 by default) exits 2 like every other bad input, with ArgumentParser's message and usage.
  static func main() {
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch {
      if exitCode(for: error) == .validationFailure {
        FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
        Foundation.exit(2)
      }
      exit(withError: error)
    }
  }
}
