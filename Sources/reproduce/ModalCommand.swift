import ArgumentParser
import Foundation
import LabKit
import ModalAgents

extension ModalCommandLine.Format: ExpressibleByArgument {}

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
      abstract: "Play two agents (library names such as FairBot or PrudentBot_2, or formulas) against each other.")

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
        "The matrix of moves of the agents in FILE (one `Name = formula` per line, `#` comments); entry = row agent's move against the column agent.")

    @Argument(help: "The file of agent definitions.") var file: String
    @Option(help: "text or json.") var format: ModalCommandLine.Format = .text

    func run() throws {
      try reportingErrors {
        guard let text = try AtomicFile.read(file) else { throw LabError.fileSystem(path: file, problem: "no such file") }
        print(try ModalCommandLine.matrix(fileText: text, fileName: file, format: format), terminator: "")
      }
    }
  }
}
