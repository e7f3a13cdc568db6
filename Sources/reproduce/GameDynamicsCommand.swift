import ArgumentParser
import Foundation
import GameTheory
import LabKit
import ReproduceCommandLine

/// The dynamics `game dynamics` runs.
enum DynamicsMethod: String, ExpressibleByArgument, CaseIterable {
  case replicator
  case discreteReplicator = "discrete-replicator"
  case fictitiousPlay = "fictitious-play"
  case stochasticFictitiousPlay = "stochastic-fictitious-play"
  case regretMatching = "regret-matching"
}

/// How the replicator dynamics are integrated: the Taylor series method
/// (``ReplicatorDynamics/taylorTrajectory(from:times:tolerance:)``) or classical RK4 integrating to each
/// printed time (``ReplicatorDynamics/trajectory(from:times:)``).
enum ReplicatorIntegrator: String, ExpressibleByArgument {
  case taylor, rk4
}

/// Who plays in the replicator dynamics.
enum PopulationCount: String, ExpressibleByArgument {
  case one, two
}

extension Reproduce.GameCommand {
  struct DynamicsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "dynamics",
      abstract: "Evolutionary and learning dynamics on a two-player game in a Gambit .nfg file (nashpy's algorithms).")

    @Argument(help: "A Gambit strategic-form file (.nfg) of a two-player game; - reads standard input.") var file: String
    @Option(help: "replicator, discrete-replicator, fictitious-play, stochastic-fictitious-play or regret-matching.")
    var method: DynamicsMethod = .replicator
    @Option(help: "Replicator dynamics: one population (symmetric games) or two; one for symmetric games by default.")
    var populations: PopulationCount?
    @Option(help: ArgumentHelp("Initial shares, comma-separated (row then column for two populations); uniform by default.", valueName: "x,y,..."))
    var initial: String?
    @Option(help: "Replicator: the time to integrate to.") var time: Double = 10
    @Option(help: "Replicator: the number of equally spaced times printed, the first at 0.") var points: Int = 11
    @Option(help: "Replicator: taylor (Taylor series, adaptive steps) or rk4 (fixed steps of at most --step).")
    var integrator: ReplicatorIntegrator = .taylor
    @Option(help: "Replicator, taylor: the absolute tolerance on each step's last two Taylor terms.")
    var tolerance: Double = ReplicatorDynamics.defaultTolerance
    @Option(help: "Replicator, rk4: the largest Runge–Kutta step.") var step: Double = ReplicatorDynamics.defaultStep
    @Option(help: "Discrete replicator: generations.") var generations: Int = 10
    @Option(help: "Learning: iterations.") var iterations: Int = 1000
    @Option(help: "Learning: master seed.") var seed: UInt64 = 1
    @Option(help: "Fictitious play: lowest-index or random tie-breaking.") var tieBreak: FictitiousPlay.TieBreak = .uniformlyAtRandom
    @Option(help: "Stochastic fictitious play: the logit noise η.") var logitNoise: Double = 0.1
    @Option(help: "Stochastic fictitious play: the largest payoff perturbation ε̄.") var perturbation: Double = 0.01
    @Option(help: "text or json.") var format: OutputFormat = .text

    func run() throws {
      try reportingErrors {
        let gambit = try GambitStrategicGame.read(path: file)
        let game = try Bimatrix(gambit.game)
        let table: Table
        switch method {
        case .replicator: table = try replicator(game, names: gambit.game.actions)
        case .discreteReplicator: table = try discrete(game, names: gambit.game.actions[0])
        case .fictitiousPlay, .stochasticFictitiousPlay, .regretMatching: table = try learning(game, names: gambit.game.actions)
        }
        print(format == .json ? table.json.rendered() : table.renderedText(), terminator: "")
      }
    }

    private func initialShares(count: Int) throws -> [Double] {
      guard let initial else { return [] }
      let values = try numberList(initial, option: "--initial")
      guard values.count == count else {
        throw LabError.invalidInput(place: "--initial \(initial)", problem: "\(values.count) shares; the dynamics need \(count)")
      }
      return values
    }

    private func replicator(_ game: Bimatrix, names: [[String]]) throws -> Table {
      let one = (populations ?? (game.isSymmetric ? .one : .two)) == .one
      guard !one || game.isSymmetric else {
        throw LabError.invalidInput(place: file, problem: "the game is not symmetric (B ≠ Aᵀ); use --populations two")
      }
      guard time >= 0, time.isFinite, points >= 2, points <= 100_000 else {
        throw LabError.invalidInput(place: "--time/--points", problem: "need a finite time ≥ 0 and 2 to 100000 points")
      }
      let (rows, columns) = game.shape
      let dynamics = try ReplicatorDynamics(one ? .one(game.row) : .two(game), step: step)
      let uniform = one ? uniformShares(rows) : uniformShares(rows) + uniformShares(columns)
      let start = try initial == nil ? uniform : initialShares(count: uniform.count)
      let times = (0..<points).map { time * Double($0) / Double(points - 1) }
      let path: [[Double]]
      let method: String
      switch integrator {
      case .taylor:
        let table = try dynamics.taylorTrajectory(from: start, times: times, tolerance: tolerance)
        path = stride(from: 0, to: table.count, by: start.count).map { Array(table[$0..<$0 + start.count]) }
        method = "Taylor series with tolerance \(tolerance)"
      case .rk4:
        path = try dynamics.trajectory(from: start, times: times)
        method = "RK4 with step ≤ \(DecimalFormat.compact(step))"
      }
      let labels = one ? names[0] : names[0].map { "1:\($0)" } + names[1].map { "2:\($0)" }
      var table = Table(
        id: "game.dynamics.replicator",
        title: "Replicator dynamics, \(one ? "one population" : "two populations"), \(method): \(file)",
        columns: ["time"] + labels)
      for (t, state) in zip(times, path) { table.append([.real(t, digits: 4)] + state.map { .real($0, digits: 6) }) }
      return table
    }

    private func discrete(_ game: Bimatrix, names: [String]) throws -> Table {
      guard game.isSymmetric else { throw LabError.invalidInput(place: file, problem: "the game is not symmetric (B ≠ Aᵀ)") }
      guard (0...1_000_000).contains(generations) else {
        throw LabError.invalidInput(place: "--generations", problem: "must be from 0 to 1000000, got \(generations)")
      }
      let dynamics = try DiscreteReplicatorDynamics(matrix: game.row)
      let start = try initial == nil ? uniformShares(game.shape.rows) : initialShares(count: game.shape.rows)
      let path = [start] + (try dynamics.trajectory(from: start, generations: generations))
      var table = Table(id: "game.dynamics.discrete-replicator", title: "Discrete replicator dynamics: \(file)", columns: ["generation"] + names)
      for (t, state) in path.enumerated() { table.append([.integer(t)] + state.map { .real($0, digits: 6) }) }
      return table
    }

    private func learning(_ game: Bimatrix, names: [[String]]) throws -> Table {
      guard (0...100_000_000).contains(iterations) else {
        throw LabError.invalidInput(place: "--iterations", problem: "must be from 0 to 100000000, got \(iterations)")
      }
      let random = Random(master: seed, stream: "game.dynamics.\(method.rawValue)", replicate: 0)
      var counts: ([Double], [Double])
      var regrets: (row: Double, column: Double)?
      switch method {
      case .fictitiousPlay:
        let path = try FictitiousPlay(game: game, tieBreak: tieBreak).run(iterations: iterations, random: random)
        counts = (path.rowCounts.last!, path.columnCounts.last!)
      case .stochasticFictitiousPlay:
        let play = try StochasticFictitiousPlay(game: game, logitNoise: logitNoise, perturbation: perturbation)
        let path = try play.run(iterations: iterations, random: random)
        counts = (path.rowCounts.last!, path.columnCounts.last!)
      default:
        let result = try RegretMatching(game: game).run(iterations: iterations, random: random)
        counts = (result.rowCounts, result.columnCounts)
        regrets = result.averageRegrets
      }
      var table = Table(
        id: "game.dynamics.\(method.rawValue)", title: "\(method.rawValue), \(iterations) iterations, seed \(seed): \(file)",
        columns: ["player", "action", "count", "frequency"] + (regrets == nil ? [] : ["average regret"]))
      for (player, playerCounts) in [counts.0, counts.1].enumerated() {
        let total = playerCounts.reduce(0, +)
        for (action, count) in playerCounts.enumerated() {
          var row: [Table.Cell] = [
            .integer(player + 1), .text(names[player][action]), .integer(Int(count)), .real(total > 0 ? count / total : 0, digits: 4),
          ]
          if let regrets { row.append(.real(player == 0 ? regrets.row : regrets.column, digits: 4)) }
          table.append(row)
        }
      }
      return table
    }

    private func uniformShares(_ count: Int) -> [Double] { Array(repeating: 1 / Double(count), count: count) }
  }
}

extension FictitiousPlay.TieBreak: ExpressibleByArgument {}
