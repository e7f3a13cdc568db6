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

    @Flag(
      name: .customLong("paper-layout"),
      help:
        "With --scale paper: record the results in the committed paper-scale layout (Reproduce/paper/, Figures/paper/), leaving the standard outputs alone."
    )
    var paperLayout = false

    @Option(
      name: .customLong("not-run"),
      help: ArgumentHelp("With --paper-layout: record that an experiment is not run at paper scale, and why (repeatable).", valueName: "ID=REASON"))
    var notRun: [String] = []

    func validate() throws {
      if !notRun.isEmpty && !paperLayout { throw ValidationError("--not-run goes with --paper-layout") }
    }

    func run() throws {
      if paperLayout { return try recordPaperScale() }
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

    /// `run --scale paper --paper-layout`: computes the selection and writes its paper-scale cells.
    func recordPaperScale() throws {
      try reportingErrors {
        var reasons: [String: String] = [:]
        for item in notRun {
          guard let equals = item.firstIndex(of: "="), equals != item.startIndex, item.index(after: equals) != item.endIndex else {
            throw LabError.invalidInput(place: "--not-run \(item)", problem: "expected ID=REASON")
          }
          reasons[String(item[..<equals])] = String(item[item.index(after: equals)...])
        }
        let tree = try Lab.reproduction.recordPaperScale(ids, options: try options.options(), notRun: reasons, log: log)
        let changed = try tree.write(root: options.output)
        print(
          "Wrote \(tree.paths.count) paper-scale files under \(options.output) (\(changed.count) changed); weave the documents with `reproduce run`.")
      }
    }
  }
}
