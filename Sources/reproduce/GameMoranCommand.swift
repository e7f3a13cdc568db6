import ArgumentParser
import Foundation
import GameTheory
import LabKit
import ReproduceCommandLine

extension Reproduce.GameCommand {
  struct MoranCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "moran",
      abstract: "The Moran process of repeated-game strategies (axelrod's MoranProcess): how often each strategy takes over.")

    @Option(help: ArgumentHelp("Comma-separated strategy names (see `game strategies`).", valueName: "A,B,..."))
    var strategies: String?
    @Option(name: .customLong("strategy"), help: ArgumentHelp("A strategy file (repeatable).", valueName: "FILE"))
    var strategyFiles: [String] = []
    @Option(help: ArgumentHelp("How many individuals play each strategy, in order.", valueName: "N,M,..."))
    var counts: String
    @Option(help: "Turns per match.") var turns: Int = 200
    @Option(help: "Runs of the process.") var runs: Int = 1000
    @Option(help: "Master seed of the random streams.") var seed: UInt64 = 1
    @Option(help: "text or json.") var format: OutputFormat = .text

    func run() throws {
      try reportingErrors {
        let selection = StrategySelection(names: StrategySelection.split(strategies), files: strategyFiles)
        let players = try selection.strategies(game: .axelrod, defaults: [])
        let sizes = try numberList(counts, option: "--counts").map { value -> Int in
          guard value >= 0, value == value.rounded(), value <= 1e6 else {
            throw LabError.invalidInput(place: "--counts \(counts)", problem: "\(value) is not a count from 0 to 1000000")
          }
          return Int(value)
        }
        guard players.count >= 2, sizes.count == players.count else {
          throw LabError.invalidInput(
            place: "--counts \(counts)", problem: "give at least two strategies and one count per strategy (\(players.count) strategies)")
        }
        guard runs >= 1, runs <= 100_000_000 else {
          throw LabError.invalidInput(place: "--runs", problem: "must be from 1 to 100000000, got \(runs)")
        }
        let payoffs = try MoranProcess.payoffs(of: players, match: try RepeatedMatch(turns: turns))
        let process = try MoranProcess(payoffs: payoffs, populationSize: sizes.reduce(0, +))
        let wins = try process.fixationCounts(from: sizes, runs: runs, seed: seed)
        let tables = try Self.tables(players: players, sizes: sizes, payoffs: payoffs, process: process, wins: wins, runs: runs)
        if format == .json {
          print(JSONValue.array(tables.map(\.json)).rendered(), terminator: "")
        } else {
          print(tables.map { $0.renderedText() }.joined(separator: "\n"), terminator: "")
        }
      }
    }

    static func tables(
      players: [FiniteMemoryStrategy], sizes: [Int], payoffs: [[Double]], process: MoranProcess, wins: [Int], runs: Int
    ) throws -> [Table] {
      var matrix = Table(
        id: "game.moran.payoffs", title: "Mean payoff per turn of the row strategy against the column strategy",
        columns: ["strategy"] + players.map(\.name))
      for (player, row) in zip(players, payoffs) { matrix.append([.text(player.name)] + row.map { .real($0, digits: 4) }) }
      let exact: [Double?] =
        players.count == 2
        ? [
          try process.fixationProbability(of: 0, against: 1, initialCount: sizes[0]),
          try process.fixationProbability(of: 1, against: 0, initialCount: sizes[1]),
        ] : players.map { _ in nil }
      var fixation = Table(
        id: "game.moran.fixation",
        title: "Fixation in \(runs) runs of the Moran process (population \(sizes.reduce(0, +)); 95% Wilson intervals)",
        columns: ["strategy", "initial", "fixations", "frequency", "95% interval", "exact"])
      for (index, player) in players.enumerated() {
        let interval = try ConfidenceInterval.wilson(successes: wins[index], trials: runs)
        fixation.append([
          .text(player.name), .integer(sizes[index]), .integer(wins[index]), .real(interval.estimate, digits: 4),
          .text("[\(DecimalFormat.fixed(interval.lower, digits: 4)), \(DecimalFormat.fixed(interval.upper, digits: 4))]"),
          exact[index].map { .real($0, digits: 6) } ?? .text("-"),
        ])
      }
      return [matrix, fixation]
    }
  }
}
