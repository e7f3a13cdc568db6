import ArgumentParser
import Foundation
import GameTheory
import LabKit

/// How a subcommand prints its result.
enum OutputFormat: String, ExpressibleByArgument {
  case text, json
}

extension Reproduce {
  struct GameCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "game", abstract: "Analyse normal-form games and play repeated-game tournaments.",
      subcommands: [
        Solve.self, TournamentCommand.self, StrategiesCommand.self, DynamicsCommand.self, MoranCommand.self,
      ])
  }
}

extension Reproduce.GameCommand {
  struct Solve: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Pure and mixed Nash equilibria, maxmin values and Pareto-optimal pure profiles of a game in a Gambit .nfg file.")

    @Argument(help: "A Gambit strategic-form file (.nfg, payoff or outcome version).")
    var file: String

    @Option(help: "text or json.")
    var format: OutputFormat = .text

    @Flag(help: "Solve the linear programs with GLPK's exact rational simplex.")
    var exact = false

    func run() throws {
      try reportingErrors {
        let gambit = try GambitStrategicGame.read(path: file)
        let analysis = try GameAnalysis(gambit.game, title: gambit.title, exact: exact)
        print(format == .json ? analysis.json.rendered() : analysis.text(), terminator: "")
      }
    }
  }
}

extension Reproduce.GameCommand {
  struct TournamentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "tournament",
      abstract: "A round-robin tournament of repeated prisoner's dilemmas between classic strategies, summarised as axelrod does.")

    @Option(
      help: ArgumentHelp(
        "Comma-separated strategy names (axelrod's: Cooperator, Defector, TitForTat, Grudger, WinStayLoseShift, TitFor2Tats, SuspiciousTitForTat, Alternator, Random, GTFT, and the library of `game strategies`); the ten classics when neither this nor --strategy is given.",
        valueName: "A,B,..."))
    var strategies: String?

    @Option(name: .customLong("strategy"), help: ArgumentHelp("A strategy file (see the README; repeatable).", valueName: "FILE"))
    var strategyFiles: [String] = []

    @Option(parsing: .unconditional, help: "Turns per match.") var turns: Int = 200
    @Option(parsing: .unconditional, help: "Repetitions of every match.") var repetitions: Int = 10
    @Option(parsing: .unconditional, help: "Probability that each intended move is flipped.") var noise: Double = 0
    @Option(parsing: .unconditional, help: "Master seed of the random streams (only stochastic strategies and noise draw).") var seed: UInt64 = 0
    @Option(parsing: .unconditional, help: "Matches played at once (the result does not depend on it).") var jobs: Int = 1
    @Option(parsing: .unconditional, help: "Stage-game payoffs R,S,T,P (reward, sucker, temptation, punishment).") var payoffs: String = "3,0,5,1"
    @Option(help: "text or json.") var format: OutputFormat = .text

    func validate() throws {
      guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1, not \(jobs)") }
    }

    func run() throws {
      try reportingErrors {
        let values = payoffs.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard values.count == 4, let r = values[0], let s = values[1], let t = values[2], let p = values[3] else {
          throw LabError.invalidInput(place: "--payoffs \(payoffs)", problem: "expected four numbers R,S,T,P such as 3,0,5,1")
        }
        let game = try StageGame(reward: r, sucker: s, temptation: t, punishment: p)
        let selection = StrategySelection(names: StrategySelection.split(strategies), files: strategyFiles)
        let players = try selection.strategies(game: game, defaults: FiniteMemoryStrategy.classicNames)
        let tournament = try Tournament(
          strategies: players, turns: turns, repetitions: repetitions, noise: noise, game: game, seed: seed)
        let title =
          "Round-robin tournament: \(players.count) strategies, \(turns) turns, \(repetitions) repetitions, noise \(DecimalFormat.compact(noise)), payoffs \(payoffs), seed \(seed)"
        let summary = tournament.play(jobs: jobs).summary(title: title)
        print(format == .json ? summary.json.rendered() : summary.renderedText(), terminator: "")
      }
    }
  }
}
