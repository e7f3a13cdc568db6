import ArgumentParser
import Foundation
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

    @Option(
      parsing: .unconditional,
      help: ArgumentHelp(
        "With --scale paper: recompute N committed paper-scale cells, chosen from the committed results, and compare them byte for byte.",
        valueName: "N"))
    var sample: Int?

    @Flag(help: "With --sample: fail on a cell computed by other code (stale fingerprint), not only report it.")
    var strict = false

    func validate() throws {
      if let sample {
        guard options.scale == .paper else { throw ValidationError("--sample checks paper-scale results: add --scale paper") }
        guard sample >= 0 else { throw ValidationError("--sample must be at least 0, not \(sample)") }
      } else if strict {
        throw ValidationError("--strict goes with --scale paper --sample N")
      }
    }

    func run() throws {
      if let sample { return try checkPaperScale(sample: sample) }
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

    /// `check --scale paper --sample N`: the sampled cells recomputed, stale and damaged cells listed.
    func checkPaperScale(sample: Int) throws {
      let report = try reportingErrors {
        try Lab.reproduction.checkPaperScale(ids, sample: sample, options: try options.options(), log: log)
      }
      for line in report.lines { print(line) }
      print(
        "Paper scale: \(report.sampled.count) of \(report.eligible) cells recomputed (of \(report.committed) committed), "
          + "\(report.sampled.filter { $0.outcome == .identical }.count) identical.")
      if !report.stale.isEmpty {
        FileHandle.standardError.write(
          Data(
            "warning: \(report.stale.count) paper-scale cell\(report.stale.count == 1 ? " was" : "s were") computed by other code (STALE); recompute them with `reproduce run ID --scale paper --paper-layout`\n"
              .utf8))
      }
      if report.failed(strict: strict) { throw ExitCode(1) }
    }
  }
}
