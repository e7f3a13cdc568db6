import Foundation
import LabKit
import Testing

@testable import GameTheory

/// `Tests/Fixtures/axelrod/moran_fixation.json` (`make_moran_fixation.py`, axelrod 4.14.0).
struct AxelrodMoranFixation: Decodable {
  struct Setup: Decodable {
    let name: String
    let strategies: [String]
    let counts: [Int]
    let turns, runs: Int
    let wins: [Int]
  }
  let axelrodVersion: String
  let setups: [Setup]
}

/// The Moran process of repeated-game strategies fixes each strategy as often as axelrod's
/// `MoranProcess` does.
@Suite struct AxelrodMoranFixtureTests {
  static func strategy(_ name: String) throws -> FiniteMemoryStrategy {
    try FiniteMemoryStrategy.named(name)
  }

  /// For every setup and strategy, our frequency of fixation over 2000 runs differs from axelrod's
  /// over its 1000 by less than 4 standard errors of the difference (pooled two-proportion test);
  /// for two strategies, the exact fixation probability is inside axelrod's 99.9% Wilson interval.
  @Test func fixationFrequenciesMatchAxelrod() throws {
    let fixture = try RepeatedTestSupport.fixture("moran_fixation.json", as: AxelrodMoranFixation.self)
    #expect(fixture.axelrodVersion == "4.14.0")
    #expect(fixture.setups.count == 4)
    for setup in fixture.setups {
      let strategies = try setup.strategies.map(Self.strategy)
      let payoffs = try MoranProcess.payoffs(of: strategies, match: try RepeatedMatch(turns: setup.turns))
      let process = try MoranProcess(payoffs: payoffs, populationSize: setup.counts.reduce(0, +))
      let runs = 2000
      let wins = try process.fixationCounts(from: setup.counts, runs: runs, seed: 13)
      #expect(wins.reduce(0, +) == runs)
      for (type, axelrodWins) in setup.wins.enumerated() {
        let (p1, p2) = (Double(wins[type]) / Double(runs), Double(axelrodWins) / Double(setup.runs))
        let pooled = Double(wins[type] + axelrodWins) / Double(runs + setup.runs)
        let standardError = (pooled * (1 - pooled) * (1 / Double(runs) + 1 / Double(setup.runs))).squareRoot()
        #expect(abs(p1 - p2) <= 4 * standardError, "\(setup.name), \(setup.strategies[type]): \(p1) v \(p2)")
      }
      if setup.strategies.count == 2 {
        let exact = try process.fixationProbability(of: 0, against: 1, initialCount: setup.counts[0])
        let interval = try ConfidenceInterval.wilson(successes: setup.wins[0], trials: setup.runs, level: 0.999)
        #expect(interval.contains(exact), "\(setup.name): \(exact) v \(interval)")
      }
    }
  }

  @Test func stochasticStrategiesAreRefused() throws {
    #expect(throws: LabError.self) { try MoranProcess.payoffs(of: [.titForTat, .random], match: try RepeatedMatch(turns: 10)) }
    #expect(throws: LabError.self) { try MoranProcess.payoffs(of: [.titForTat], match: try RepeatedMatch(turns: 10, noise: 0.1)) }
  }
}
