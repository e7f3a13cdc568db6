import Foundation
import LabKit
import Testing

@testable import GameTheory

/// ``ReplicatorDynamics/interpolatedTrajectory(from:times:)``: as accurate as nashpy on the benchmark
/// workload (against the DOP853 reference of `Tests/Fixtures/nashpy/make_replicator_accuracy.py`), and
/// within 1e-6 of nashpy's trajectories on the games of `nashpy/dynamics.json`.
@Suite struct InterpolatedReplicatorTests {
  static func rows(_ table: [Double], _ dimension: Int) -> [[Double]] {
    stride(from: 0, to: table.count, by: dimension).map { Array(table[$0..<$0 + dimension]) }
  }

  @Test func atStepOneSixteenthItIsAtLeastAsAccurateAsNashpyOnTheBenchmarkWorkload() throws {
    let fixture = try NashTestSupport.json("nashpy/replicator_accuracy.json")
    let matrix = NashTestSupport.matrix(fixture["matrix"])
    let initial = fixture["initial"]!.arrayValue!.map { $0.numberValue! }
    let times = fixture["times"]!.arrayValue!.map { $0.numberValue! }
    let reference = NashTestSupport.matrix(fixture["reference"])
    let nashpyError = fixture["nashpy_max_abs_error"]!.numberValue!
    #expect(times.count == 1000 && nashpyError > 4e-8 && nashpyError < 5e-8)
    let table = try ReplicatorDynamics(.one(matrix), step: 0.0625).interpolatedTrajectory(from: initial, times: times)
    let error = NashpyDynamicsFixtureTests.largestDifference(Self.rows(table, 3), reference)
    #expect(error <= nashpyError, "interpolated error \(error), nashpy's \(nashpyError)")
    // The trajectory from the same grid without interpolation (integrating to each time) is close too.
    let direct = try ReplicatorDynamics(.one(matrix)).trajectory(from: initial, times: times)
    #expect(NashpyDynamicsFixtureTests.largestDifference(direct, reference) <= 1e-9)
  }

  @Test func matchesNashpysTrajectoriesOnOneAndTwoPopulations() throws {
    let fixture = try NashpyDynamics.load()
    for entry in fixture.replicator {
      let table = try ReplicatorDynamics(.one(entry.payoffs)).interpolatedTrajectory(from: entry.initial, times: entry.times)
      let path = Self.rows(table, entry.initial.count)
      #expect(NashpyDynamicsFixtureTests.largestDifference(path, entry.states) < 1e-6, "\(entry.name)")
    }
    for entry in fixture.asymmetricReplicator {
      let game = try Bimatrix(row: entry.rowPayoffs, column: entry.columnPayoffs)
      let rows = entry.rowInitial.count
      let dimension = rows + entry.columnInitial.count
      let table = try ReplicatorDynamics(.two(game)).interpolatedTrajectory(from: entry.rowInitial + entry.columnInitial, times: entry.times)
      let path = Self.rows(table, dimension)
      #expect(NashpyDynamicsFixtureTests.largestDifference(path.map { Array($0[..<rows]) }, entry.rowStates) < 1e-6, "\(entry.name)")
      #expect(NashpyDynamicsFixtureTests.largestDifference(path.map { Array($0[rows...]) }, entry.columnStates) < 1e-6, "\(entry.name)")
    }
  }

  @Test func aSingleTimeOrRepeatedTimesGiveTheStartAndBadTimesAreRefused() throws {
    let dynamics = try ReplicatorDynamics(.one([[0, 1], [1, 0]]))
    #expect(try dynamics.interpolatedTrajectory(from: [0.25, 0.75], times: [3]) == [0.25, 0.75])
    #expect(try dynamics.interpolatedTrajectory(from: [0.25, 0.75], times: [3, 3]) == [0.25, 0.75, 0.25, 0.75])
    #expect(throws: LabError.self) { try dynamics.interpolatedTrajectory(from: [0.25, 0.75], times: [1, 0]) }
    #expect(throws: LabError.self) { try dynamics.interpolatedTrajectory(from: [0.25, 0.75], times: [0, .nan]) }
  }
}
