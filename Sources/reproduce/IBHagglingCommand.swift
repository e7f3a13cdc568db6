import ArgumentParser
import IBHaggling
import LabKit
import ReproduceCommandLine

extension IBHagglingCommandLine.Format: ExpressibleByArgument {}
extension PriorCoding: ExpressibleByArgument {}

extension Reproduce {
  struct IBHagglingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "ibh", abstract: "Infra-Bayesian haggling in repeated games.",
      subcommands: [Haggle.self, Counterexamples.self])
  }
}

extension Reproduce.IBHagglingCommand {
  struct Haggle: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Let infra-Bayesian hagglers play the repeated game in a Gambit .nfg file and report their stable cycles.")

    @Argument(help: "A Gambit strategic-form file (.nfg) with exact small-fraction payoffs (or give --discount); - reads standard input.") var file:
      String
    @Option(parsing: .unconditional, help: "Largest number of states of a hypothesis (1...9).") var states: Int = 5
    @Flag(help: "Also offer hypotheses in which the others play autonomous cycles.") var opponentCycles = false
    @Option(parsing: .unconditional, help: "Independent runs.") var runs: Int = 100
    @Option(parsing: .unconditional, help: "Master seed.") var seed: UInt64 = Reproduction.defaultSeed
    @Option(parsing: .unconditional, help: "Rank hypotheses by their value at this discount instead of the exact γ → 1 limit.") var discount: Double?
    @Option(help: "The complexity prior: descriptionLength, geometricStates or uniform.") var prior: PriorCoding = .descriptionLength
    @Option(name: .customLong("max-steps"), parsing: .unconditional, help: "Rounds per run before giving up on a stable cycle.") var maximumSteps:
      Int = 1_000_000
    @Flag(help: "Print every switch of hypothesis of the first run.") var trace = false
    @Option(help: "text or json.") var format: IBHagglingCommandLine.Format = .text

    func run() throws {
      try reportingErrors {
        let text = try InputFile.read(file)
        let options = IBHagglingCommandLine.Options(
          states: states, opponentCycles: opponentCycles, runs: runs, seed: seed, discount: discount, prior: prior,
          maximumSteps: maximumSteps, trace: trace, format: format)
        print(try IBHagglingCommandLine.haggle(nfgText: text, fileName: InputFile.displayName(file), options: options), terminator: "")
      }
    }
  }
}

extension Reproduce.IBHagglingCommand {
  struct Counterexamples: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract:
        "Write the counterexample games of ibh.two-player-cycles, ranked by robustness, as .nfg files (each reruns with `reproduce ibh haggle FILE --states N`)."
    )

    @Option(help: "The results.json of an IBHaggling run.") var results: String = "Reproduce/IBHaggling/results.json"
    @Option(help: "The folder to write counterexample-KK.nfg into.") var output: String = "Reproduce/IBHaggling/counterexamples"

    func run() throws {
      try reportingErrors {
        guard let text = try AtomicFile.read(results) else { throw LabError.fileSystem(path: results, problem: "no such file") }
        let files = try IBHagglingCommandLine.counterexampleFiles(resultsJSON: text, source: results)
        for file in files { try AtomicFile.write(file.nfg, to: output + "/" + file.name) }
        print("Wrote \(files.count) files under \(output).")
      }
    }
  }
}
