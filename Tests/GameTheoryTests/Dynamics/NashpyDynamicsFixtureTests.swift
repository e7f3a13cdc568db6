import Foundation
import LabKit
import Testing

@testable import GameTheory

/// `Tests/Fixtures/nashpy/dynamics.json` (`make_dynamics.py`, nashpy 0.0.43).
struct NashpyDynamics: Decodable {
  struct Replicator: Decodable {
    let name: String
    let payoffs: [[Double]]
    let initial: [Double]
    let times: [Double]
    let states: [[Double]]
  }
  struct Asymmetric: Decodable {
    let name: String
    let rowPayoffs, columnPayoffs: [[Double]]
    let rowInitial, columnInitial, times: [Double]
    let rowStates, columnStates: [[Double]]
  }
  struct Fictitious: Decodable {
    let name: String
    let rowPayoffs, columnPayoffs: [[Double]]
    let initialCounts: [[Double]]
    let iterations: Int
    let rowCounts, columnCounts: [[Double]]
  }
  struct Stochastic: Decodable {
    let name: String
    let rowPayoffs, columnPayoffs: [[Double]]
    let etha, epsilonBar: Double
    let iterations, runs: Int
    let rowMean, columnMean, rowSd, columnSd: [Double]
  }
  let nashpyVersion: String
  let replicator: [Replicator]
  let asymmetricReplicator: [Asymmetric]
  let fictitiousPlay: [Fictitious]
  let stochasticFictitiousPlay: [Stochastic]

  static func load() throws -> NashpyDynamics {
    let data = try Data(contentsOf: NashTestSupport.fixtureURL("nashpy/dynamics.json"))
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    return try decoder.decode(NashpyDynamics.self, from: data)
  }
}

/// The dynamics agree with nashpy's: trajectories within 1e-6 of scipy's `odeint`, fictitious play
/// count for count, stochastic fictitious play in the mean.
@Suite struct NashpyDynamicsFixtureTests {
  static func largestDifference(_ a: [[Double]], _ b: [[Double]]) -> Double {
    zip(a, b).map { zip($0, $1).map { abs($0 - $1) }.max()! }.max()!
  }

  @Test func replicatorDynamicsMatchNashpy() throws {
    let fixture = try NashpyDynamics.load()
    #expect(fixture.nashpyVersion == "0.0.43")
    #expect(fixture.replicator.count == 3 && fixture.asymmetricReplicator.count == 2)
    for entry in fixture.replicator {
      let path = try ReplicatorDynamics(.one(entry.payoffs)).trajectory(from: entry.initial, times: entry.times)
      #expect(Self.largestDifference(path, entry.states) < 1e-6, "\(entry.name)")
    }
    for entry in fixture.asymmetricReplicator {
      let game = try Bimatrix(row: entry.rowPayoffs, column: entry.columnPayoffs)
      let path = try ReplicatorDynamics(.two(game)).trajectory(from: entry.rowInitial + entry.columnInitial, times: entry.times)
      let rows = entry.rowInitial.count
      #expect(Self.largestDifference(path.map { Array($0[..<rows]) }, entry.rowStates) < 1e-6, "\(entry.name)")
      #expect(Self.largestDifference(path.map { Array($0[rows...]) }, entry.columnStates) < 1e-6, "\(entry.name)")
    }
  }

  /// nashpy's paths have no ties (the script asserts it), so any tie-breaking gives them exactly.
  @Test func fictitiousPlayMatchesNashpyExactly() throws {
    let fixture = try NashpyDynamics.load()
    #expect(fixture.fictitiousPlay.count == 3)
    for entry in fixture.fictitiousPlay {
      let game = try Bimatrix(row: entry.rowPayoffs, column: entry.columnPayoffs)
      let path = try FictitiousPlay(game: game, tieBreak: .lowestIndex).run(
        iterations: entry.iterations, initialCounts: (entry.initialCounts[0], entry.initialCounts[1]))
      #expect(path.rowCounts == entry.rowCounts, "\(entry.name)")
      #expect(path.columnCounts == entry.columnCounts, "\(entry.name)")
    }
  }

  /// The mean empirical frequency of every action after the last iteration, over as many runs as
  /// nashpy's, differs from nashpy's by less than 4 standard errors of the difference.
  @Test func stochasticFictitiousPlayMatchesNashpyInTheMean() throws {
    let fixture = try NashpyDynamics.load()
    #expect(fixture.stochasticFictitiousPlay.count == 2)
    for entry in fixture.stochasticFictitiousPlay {
      let game = try Bimatrix(row: entry.rowPayoffs, column: entry.columnPayoffs)
      let play = try StochasticFictitiousPlay(game: game, logitNoise: entry.etha, perturbation: entry.epsilonBar)
      var rows: [[Double]] = []
      var columns: [[Double]] = []
      for run in 0..<entry.runs {
        let random = Random(master: 21, stream: "test.sfp.\(entry.name)", replicate: run)
        let strategies = try play.run(iterations: entry.iterations, random: random).empiricalStrategies
        rows.append(strategies.row)
        columns.append(strategies.column)
      }
      for (ours, mean, sd) in [(rows, entry.rowMean, entry.rowSd), (columns, entry.columnMean, entry.columnSd)] {
        for action in mean.indices {
          let values = ours.map { $0[action] }
          let ourMean = try Statistics.mean(values)
          let ourSd = try Statistics.standardDeviation(values)
          let standardError = (ourSd * ourSd / Double(values.count) + sd[action] * sd[action] / Double(entry.runs)).squareRoot()
          #expect(abs(ourMean - mean[action]) < 4 * standardError, "\(entry.name) action \(action): \(ourMean) v \(mean[action])")
        }
      }
    }
  }
}
