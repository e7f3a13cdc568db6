import ArgumentParser
import LabKit

extension Reproduce {
  struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Run papers, experiments or claims and write their reports, results, figures and documents.")

    @Argument(help: "Papers, experiments or claims to run (all when none is given).")
    var ids: [String] = []

    @OptionGroup var options: RunOptions

    func run() throws {
      try reportingErrors {
        let outcome = try Reproduction.all.run(ids, options: try options.options(), log: log)
        let changed = try outcome.tree.write(root: options.output)
        print(RunSummary.text(outcome), terminator: "")
        print("\nWrote \(outcome.tree.paths.count) files under \(options.output) (\(changed.count) changed).")
      }
    }
  }
}
