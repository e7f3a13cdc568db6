import ArgumentParser
import GameTheory
import LabKit
import ReproduceCommandLine

extension Reproduce.GameCommand {
  struct StrategiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "strategies",
      abstract: "List the strategies of the repeated prisoner's dilemma by name, or print one's definition as a strategy file.")

    @Option(help: "Print the strategy file text of this library strategy (a starting point for your own).")
    var show: String?

    func run() throws {
      try reportingErrors {
        if let show {
          print(try StrategyLibrary.text(named: show), terminator: "")
          return
        }
        for name in FiniteMemoryStrategy.classicNames {
          print("\(name)  (built in\(StrategyLibrary.names.contains(name) ? "; also in the library" : ""))")
        }
        for name in StrategyLibrary.names where !FiniteMemoryStrategy.classicNames.contains(name) {
          print("\(name)  (library)")
        }
      }
    }
  }
}
