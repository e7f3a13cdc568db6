import ArgumentParser
import Foundation
import LabKit

@main
struct Reproduce: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "reproduce",
    abstract: "Regenerate, check and extend the results of five texts on cooperation among autonomous agents.",
    discussion: """
      IDs name a paper (NumericalPolitics, or its prefix np), an experiment (np.zero-memory) or a claim \
      (np.zero-memory.steal). With no subcommand, `reproduce` runs everything at standard scale.
      """,
    subcommands: [
      Run.self, Show.self, Check.self, List.self, Site.self, FiguresCommand.self, Bench.self, GameCommand.self, ModalCommand.self,
      IBHagglingCommand.self,
    ],
    defaultSubcommand: Run.self)

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
