import ArgumentParser
import Foundation
import LabKit
import ModalAgents
import ReproduceCommandLine

extension ModalCommandLine.Format: ExpressibleByArgument {}

/// What `modal compete --help` and `modal matrix --help` say about agents: the library's names and
/// the formula syntax.
let modalAgentsHelp = """
  Library agents: \(AgentLibrary.knownNames).

  A formula says when an agent cooperates. Atoms: them(me) (the opponent cooperates with me), \
  me(them), them(X) (the opponent cooperates with agent X). Connectives, in ASCII or Unicode: \
  T ⊤, F ⊥, ~ ¬, & ∧, | ∨, -> →, <-> ↔; modalities [] □ (provable), <> ◇ (consistent), [k] and <k> \
  (provable and consistent in PA + k). Example: FairBot is `[] them(me)`, PrudentBot is \
  `[] them(me) & [1] ~them(DefectBot)`.
  """

extension Reproduce {
  struct ModalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "modal", abstract: "Open-source prisoner's dilemma between modal agents in provability logic.",
      subcommands: [Compete.self, Matrix.self])
  }
}

extension Reproduce.ModalCommand {
  struct Compete: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Play two agents (library names such as FairBot or PrudentBot_2, or formulas) against each other.",
      discussion: modalAgentsHelp)

    @Argument(help: "The first agent.") var first: String
    @Argument(help: "The second agent.") var second: String
    @Flag(help: "Show the world-by-world trace on the Kripke chain.") var trace = false

    func run() throws {
      try reportingErrors { print(try ModalCommandLine.compete(first, second, trace: trace), terminator: "") }
    }
  }

  struct Matrix: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract:
        "The matrix of moves of the agents in FILE (one `Name = formula` per line, `#` comments); entry = row agent's move against the column agent.",
      discussion: modalAgentsHelp)

    @Argument(help: "The file of agent definitions; - reads standard input.") var file: String
    @Option(help: "text or json.") var format: ModalCommandLine.Format = .text

    func run() throws {
      try reportingErrors {
        let text = try InputFile.read(file)
        print(try ModalCommandLine.matrix(fileText: text, fileName: InputFile.displayName(file), format: format), terminator: "")
      }
    }
  }
}
