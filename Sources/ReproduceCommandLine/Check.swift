import ArgumentParser
import LabKit

extension ReproduceRoot {
  struct Check: ParsableCommand {
    static var configuration: CommandConfiguration {
      CommandConfiguration(
        commandName: "check",
        abstract: "Regenerate in memory and compare with the files on disk; exit 1 if any is stale or missing.")
    }

    @Argument(help: "Papers, experiments or claims to check (all when none is given).", completion: .ids(of: Lab.self))
    var ids: [String] = []

    @OptionGroup var options: RunOptions

    func run() throws {
      let stale = try reportingErrors {
        let outcome = try Lab.reproduction.run(ids, options: try options.options(), log: log)
        return try outcome.tree.staleFiles(root: options.output)
      }
      if stale.isEmpty {
        print("All outputs are current.")
        return
      }
      print("\(stale.count) output\(stale.count == 1 ? " is" : "s are") not current (run `reproduce run` to regenerate):")
      for item in stale { print("  \(item)") }
      throw ExitCode(1)
    }
  }
}
