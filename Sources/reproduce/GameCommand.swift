import ArgumentParser
import Foundation
import GameTheory
import LabKit
import ReproduceCommandLine

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
      abstract: "Pure and mixed Nash equilibria, maxmin values and Pareto-optimal pure profiles of a game in a Gambit .nfg file.",
      discussion: """
        Mixed equilibria of 2-player games, by --method:
          support       (default) support enumeration with the degeneracy check: every equilibrium of a \
        nondegenerate game; for a degenerate one, a witness, the extreme equilibria and the maximal Nash \
        subsets. Exponential in the number of actions.
          vertex        vertex enumeration: every extreme equilibrium and the maximal Nash subsets, \
        degenerate or not. Exponential too.
          lemke-howson  Lemke-Howson with lexicographic pivoting from every label: some equilibria in \
        milliseconds, each checked, degenerate games included (no cycling); never promises all of them.
          simpdiv       simplicial subdivision (van der Laan-Talman, as Gambit's simpdiv), for any number of \
        players and the default for 3 or more: one approximate equilibrium, every player's regret at most \
        1e-7 of the payoff range; not every equilibrium, nor an exact one.
        """)

    @Argument(help: "A Gambit strategic-form file (.nfg, payoff or outcome version); - reads standard input.")
    var file: String

    @Option(help: "text or json.")
    var format: OutputFormat = .text

    @Flag(
      help:
        "Exact rational arithmetic: GLPK's rational simplex for the LPs, and equilibria as fractions (Lemke-Howson pivots on big integers; support and vertex enumeration re-solve each equilibrium exactly)."
    )
    var exact = false

    @Option(
      help: ArgumentHelp(
        "support, vertex or lemke-howson (2-player games); simpdiv (any number of players, the default for 3 or more).", valueName: "method"))
    var method: String?

    @Option(
      help: ArgumentHelp(
        "Stop the equilibrium search after this many seconds and print what it found, marked partial.", valueName: "seconds"))
    var timeLimit: String?

    func run() throws {
      try reportingErrors {
        let chosen = try parsedMethod()
        let seconds = try parsedTimeLimit()
        let gambit = try GambitStrategicGame.read(path: file)
        if let chosen, chosen != .simplicialSubdivision, gambit.game.playerCount != 2 {
          throw LabError.invalidInput(
            place: "--method \(chosen.rawValue)",
            problem: "it solves 2-player games, and \(file) has \(gambit.game.playerCount) players")
        }
        let progress = SolveProgress.start()
        var report: (@Sendable (Int, Int) -> Void)?
        if let progress { report = { done, total in progress.draw(done, total) } }
        let limits = SearchLimits(timeLimit: seconds, progress: report)
        let analysis = try GameAnalysis(
          gambit.game, title: gambit.title, exact: exact, method: chosen, limits: limits)
        progress?.finish()
        print(format == .json ? analysis.json.rendered() : analysis.text(), terminator: "")
      }
    }

    private func parsedMethod() throws -> EquilibriumMethod? {
      guard let method else { return nil }
      guard let chosen = EquilibriumMethod(rawValue: method) else {
        throw LabError.invalidInput(
          place: "--method \(method)", problem: "unknown method; known: \(EquilibriumMethod.allCases.map(\.rawValue).joined(separator: ", "))")
      }
      return chosen
    }

    private func parsedTimeLimit() throws -> Double? {
      guard let timeLimit else { return nil }
      guard let seconds = Double(timeLimit), seconds.isFinite, seconds > 0 else {
        throw LabError.invalidInput(place: "--time-limit \(timeLimit)", problem: "expected a positive number of seconds, such as 10")
      }
      return seconds
    }
  }
}

/// A progress bar for long equilibrium searches, on standard error and only when it is a terminal:
/// `solving [#####.......] 1234/5678`, redrawn at most ten times a second.
final class SolveProgress: @unchecked Sendable {
  private let lock = NSLock()
  private var lastDrawn = ContinuousClock.now
  private var drawn = false

  static func start() -> SolveProgress? { isatty(2) == 1 ? SolveProgress() : nil }

  func draw(_ done: Int, _ total: Int) {
    lock.lock()
    defer { lock.unlock() }
    let now = ContinuousClock.now
    guard now - lastDrawn > .milliseconds(100) else { return }
    lastDrawn = now
    drawn = true
    let width = 24
    let filled = total > 0 ? min(width, Int(Double(width) * Double(done) / Double(total))) : 0
    let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
    FileHandle.standardError.write(Data("\r\u{1B}[2Ksolving [\(bar)] \(done)/\(total)".utf8))
  }

  func finish() {
    lock.lock()
    defer { lock.unlock() }
    if drawn { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
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
    @Option(parsing: .unconditional, help: "The rank of the best strategy: 1 (the default) or 0 (as axelrod counts).") var rankBase: Int = 1
    @Flag(help: "Print axelrod's display names (\"Tit For Tat\") instead of class names (TitForTat).") var displayNames = false

    func validate() throws {
      guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1, not \(jobs)") }
      guard rankBase == 0 || rankBase == 1 else { throw ValidationError("--rank-base must be 0 or 1, not \(rankBase)") }
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
        let names = displayNames ? FiniteMemoryStrategy.axelrodDisplayNames : [:]
        let summary = tournament.play(jobs: jobs).summary(title: title, rankBase: rankBase) { names[$0] ?? $0 }
        print(format == .json ? summary.json.rendered() : summary.renderedText(), terminator: "")
      }
    }
  }
}
