import ArgumentParser
import LabKit

#if REPRODUCE_MPI
  import LabKitMPI
#endif

extension ReproduceRoot {
  struct Run: ParsableCommand {
    static var configuration: CommandConfiguration {
      CommandConfiguration(
        commandName: "run",
        abstract: "Run papers, experiments or claims and write their reports, results, figures and documents.")
    }

    @Argument(help: "Papers, experiments or claims to run (all when none is given).", completion: .ids(of: Lab.self))
    var ids: [String] = []

    @OptionGroup var options: RunOptions
    @OptionGroup var store: StoreOptions

    func run() throws {
      try reportingErrors {
        var runOptions = try options.options()
        runOptions.store = store.open(output: options.output)
        #if REPRODUCE_MPI
          // Under mpirun: the ranks compute the missing cells into the store; rank 0 goes on to write.
          if MPICellQueue.launched, try MPICellQueue.distribute(Lab.reproduction, ids: ids, options: runOptions, log: log) == .worker {
            return
          }
        #endif
        let outcome = try Lab.reproduction.run(ids, options: runOptions, log: log)
        reportStore(outcome, folder: store.folder(output: options.output))
        let changed = try outcome.tree.write(root: options.output)
        print(RunSummary.text(outcome), terminator: "")
        print("\nWrote \(outcome.tree.paths.count) files under \(options.output) (\(changed.count) changed).")
      }
    }
  }
}
