import ArgumentParser
import Foundation
import LabKit

extension Scale: ExpressibleByArgument {}

/// The options `run` and `check` share.
struct RunOptions: ParsableArguments {
  @Option(help: "How big the runs are: smoke (seconds), standard (what is committed) or paper (the text's sizes).")
  var scale: Scale = .standard

  // `parsing: .unconditional` takes the next word even when it starts with '-', so that `--jobs -1`
  // reaches validate() and gets "must be at least 1" instead of ArgumentParser's "Missing value".
  @Option(parsing: .unconditional, help: "The master seed every random stream is derived from.")
  var seed: UInt64 = Reproduction.defaultSeed

  @Option(parsing: .unconditional, help: "Replicates run at once (outputs are identical for every value).")
  var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

  @Option(
    name: .customLong("set"),
    help: ArgumentHelp(
      "Override a parameter of the selected experiments (repeatable); `reproduce list --parameters` shows them.", valueName: "KEY=VALUE"))
  var assignments: [String] = []

  @Option(parsing: .unconditional, help: ArgumentHelp("The folder holding Reproduce/, Figures/ and Papers/.", valueName: "DIR"))
  var output: String = "."

  func validate() throws {
    guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1, not \(jobs)") }
    guard seed < 1 << 53 else { throw ValidationError("--seed must be below 2^53 (it is stored in JSON), not \(seed)") }
    do { try OutputRoot.checked(output) } catch let error as LabError { throw ValidationError("\(error)") }
  }

  func options() throws -> Reproduction.Options {
    Reproduction.Options(
      scale: scale, seed: seed, jobs: jobs, overrides: try ParameterOverrides(parsing: assignments),
      showProgress: isatty(2) == 1, root: output, templateRoot: ".")
  }
}
