import ArgumentParser
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
    subcommands: [Run.self, Check.self, List.self, Bench.self, GameCommand.self, ModalCommand.self, IBHagglingCommand.self],
    defaultSubcommand: Run.self)
}
