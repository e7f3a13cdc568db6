import Foundation
import LabKit
import Testing

@testable import GameTheory

/// ``ReplicatorDynamics/taylorTrajectory(from:times:tolerance:)``: against the DOP853 reference of
/// `Tests/Fixtures/nashpy/make_replicator_accuracy.py` (at least as accurate as nashpy, with a looser
/// tolerance as the negative control), nashpy's trajectories of `nashpy/dynamics.json`, closed forms,
/// constants of motion and the simplex; the SIMD path (one population, ≤ 3 strategies) against the
/// general one.
@Suite struct TaylorReplicatorTests {
  static let benchmarkGame: [[Double]] = [[0, -1, 2], [2, 0, -1], [-1, 2, 0]]

  static func rows(_ table: [Double], _ dimension: Int) -> [[Double]] {
    stride(from: 0, to: table.count, by: dimension).map { Array(table[$0..<$0 + dimension]) }
  }

  /// The general path (``TaylorCoefficients``) on any game, bypassing the SIMD path.
  static func generalPath(_ dynamics: ReplicatorDynamics, _ initial: [Double], _ times: [Double], tolerance: Double) -> [Double] {
    var series = TaylorCoefficients(dynamics: dynamics, order: ReplicatorDynamics.taylorOrder(tolerance: tolerance))
    var table = [Double](repeating: .nan, count: times.count * dynamics.dimension)
    table.withUnsafeMutableBufferPointer { output in
      times.withUnsafeBufferPointer { series.trajectory(from: initial, times: $0, tolerance: tolerance, into: output.baseAddress!) }
    }
    return table
  }

  @Test func onTheBenchmarkWorkloadItIsMoreAccurateThanNashpyAndALooseToleranceIsNot() throws {
    let fixture = try NashTestSupport.json("nashpy/replicator_accuracy.json")
    let matrix = NashTestSupport.matrix(fixture["matrix"])
    let initial = fixture["initial"]!.arrayValue!.map { $0.numberValue! }
    let times = fixture["times"]!.arrayValue!.map { $0.numberValue! }
    let reference = NashTestSupport.matrix(fixture["reference"])
    let nashpyError = fixture["nashpy_max_abs_error"]!.numberValue!
    #expect(matrix == Self.benchmarkGame && times.count == 1000 && nashpyError > 4e-8 && nashpyError < 5e-8)
    let dynamics = try ReplicatorDynamics(.one(matrix))
    let table = try dynamics.taylorTrajectory(from: initial, times: times)
    let error = NashpyDynamicsFixtureTests.largestDifference(Self.rows(table, 3), reference)
    #expect(error <= 1e-9 && error <= nashpyError, "Taylor error \(error) at the default tolerance, nashpy's \(nashpyError)")
    // At the benchmark's tolerance, 1e-8 (``DynamicsBenchmarks``).
    let benchmark = try dynamics.taylorTrajectory(from: initial, times: times, tolerance: 1e-8)
    let benchmarkError = NashpyDynamicsFixtureTests.largestDifference(Self.rows(benchmark, 3), reference)
    #expect(benchmarkError <= 1e-9, "Taylor error \(benchmarkError) at tolerance 1e-8")
    let general = Self.generalPath(dynamics, initial, times, tolerance: ReplicatorDynamics.defaultTolerance)
    #expect(zip(general, table).map { abs($0 - $1) }.max()! <= 1e-13)
    // Negative control: at ε = 1e-3 (order 5) the same check fails.
    let loose = try dynamics.taylorTrajectory(from: initial, times: times, tolerance: 1e-3)
    #expect(NashpyDynamicsFixtureTests.largestDifference(Self.rows(loose, 3), reference) > nashpyError)
  }

  @Test func matchesNashpysTrajectoriesOnOneAndTwoPopulations() throws {
    let fixture = try NashpyDynamics.load()
    for entry in fixture.replicator {
      let table = try ReplicatorDynamics(.one(entry.payoffs)).taylorTrajectory(from: entry.initial, times: entry.times)
      let path = Self.rows(table, entry.initial.count)
      #expect(NashpyDynamicsFixtureTests.largestDifference(path, entry.states) < 1e-6, "\(entry.name)")
    }
    for entry in fixture.asymmetricReplicator {
      let game = try Bimatrix(row: entry.rowPayoffs, column: entry.columnPayoffs)
      let rows = entry.rowInitial.count
      let table = try ReplicatorDynamics(.two(game)).taylorTrajectory(from: entry.rowInitial + entry.columnInitial, times: entry.times)
      let path = Self.rows(table, rows + entry.columnInitial.count)
      #expect(NashpyDynamicsFixtureTests.largestDifference(path.map { Array($0[..<rows]) }, entry.rowStates) < 1e-6, "\(entry.name)")
      #expect(NashpyDynamicsFixtureTests.largestDifference(path.map { Array($0[rows...]) }, entry.columnStates) < 1e-6, "\(entry.name)")
    }
  }

  /// A = [[r, r], [0, 0]]: ẋ = r x (1 − x), the logistic equation, x(t) = x₀eʳᵗ / (1 − x₀ + x₀eʳᵗ); on
  /// both paths (SIMD for 2 strategies, general as the first population of a 2-population game
  /// is not used here, so directly).
  @Test func constantAdvantageIsLogistic() throws {
    for rate in [1.0, 3.0] {
      let dynamics = try ReplicatorDynamics(.one([[rate, rate], [0, 0]]))
      let times = (0...500).map { Double($0) / 50 }
      let simd = try dynamics.taylorTrajectory(from: [0.1, 0.9], times: times)
      let general = Self.generalPath(dynamics, [0.1, 0.9], times, tolerance: ReplicatorDynamics.defaultTolerance)
      for (row, t) in times.enumerated() {
        let exact = 0.1 * exp(rate * t) / (0.9 + 0.1 * exp(rate * t))
        #expect(abs(simd[2 * row] - exact) < 1e-9 && abs(general[2 * row] - exact) < 1e-9, "r = \(rate), t = \(t)")
        #expect(abs(simd[2 * row] + simd[2 * row + 1] - 1) < 1e-12)
      }
    }
  }

  /// Zero-sum rock–paper–scissors conserves x₁x₂x₃; matching pennies between two populations
  /// conserves Σ ln of the shares (Hofbauer and Sigmund 1998), over several periods.
  @Test func constantsOfMotion() throws {
    let rps = try ReplicatorDynamics(.one([[0, -1, 1], [1, 0, -1], [-1, 1, 0]]))
    let start = [0.5, 0.3, 0.2]
    let times = (0...600).map { Double($0) / 10 }
    let path = Self.rows(try rps.taylorTrajectory(from: start, times: times), 3)
    for state in path { #expect(abs(state.reduce(1, *) - 0.03) < 1e-10) }
    #expect(abs(path[100][0] - start[0]) > 1e-3)  // it moves
    let pennies = try ReplicatorDynamics(.two(Bimatrix(row: [[1, -1], [-1, 1]], column: [[-1, 1], [1, -1]])))
    let shares = [0.8, 0.2, 0.3, 0.7]
    let logSum = { (s: [Double]) in s.map(log).reduce(0, +) }
    for state in Self.rows(try pennies.taylorTrajectory(from: shares, times: times), 4) {
      #expect(abs(logSum(state) - logSum(shares)) < 1e-8)
    }
  }

  /// Random 3×3 (SIMD path), 5×5 and 3×4 two-population games (general path): every state stays a
  /// distribution, and the SIMD path agrees with the general one.
  @Test func statesStayOnTheSimplex() throws {
    let random = Random(master: 7, stream: "test.taylor.simplex", replicate: 0)
    let times = (0...200).map { Double($0) / 20 }
    for size in [3, 5] {
      let matrix = (0..<size).map { _ in (0..<size).map { _ in random.uniform() * 4 - 2 } }
      let dynamics = try ReplicatorDynamics(.one(matrix))
      let start = [Double](repeating: 1 / Double(size), count: size)
      let table = try dynamics.taylorTrajectory(from: start, times: times)
      for state in Self.rows(table, size) {
        #expect(abs(state.reduce(0, +) - 1) < 1e-12 && state.allSatisfy { $0 >= 0 && $0 <= 1 })
      }
      let general = Self.generalPath(dynamics, start, times, tolerance: ReplicatorDynamics.defaultTolerance)
      #expect(zip(general, table).map { abs($0 - $1) }.max()! <= 1e-12)
    }
    let row = (0..<3).map { _ in (0..<4).map { _ in random.uniform() * 4 - 2 } }
    let column = (0..<3).map { _ in (0..<4).map { _ in random.uniform() * 4 - 2 } }
    let table = try ReplicatorDynamics(.two(Bimatrix(row: row, column: column))).taylorTrajectory(
      from: [0.2, 0.3, 0.5, 0.1, 0.2, 0.3, 0.4], times: times)
    for state in Self.rows(table, 7) {
      #expect(abs(state[..<3].reduce(0, +) - 1) < 1e-12 && abs(state[3...].reduce(0, +) - 1) < 1e-12)
    }
  }

  @Test func restPointsSingleTimesAndBadInput() throws {
    let dynamics = try ReplicatorDynamics(.one(Self.benchmarkGame))
    // A vertex and the interior equilibrium (1/3 each, A x = (1/3, 1/3, 1/3)) are rest points.
    #expect(try dynamics.taylorTrajectory(from: [1, 0, 0], times: [0, 5, 10]) == [1, 0, 0, 1, 0, 0, 1, 0, 0])
    let third = 1.0 / 3
    let still = try dynamics.taylorTrajectory(from: [third, third, third], times: [0, 10])
    #expect(still.allSatisfy { abs($0 - third) < 1e-15 })
    #expect(try dynamics.taylorTrajectory(from: [0.5, 0.3, 0.2], times: [3, 3]) == [0.5, 0.3, 0.2, 0.5, 0.3, 0.2])
    #expect(throws: LabError.self) { try dynamics.taylorTrajectory(from: [0.5, 0.3, 0.2], times: [1, 0]) }
    #expect(throws: LabError.self) { try dynamics.taylorTrajectory(from: [0.5, 0.3, 0.2], times: [0, 1], tolerance: 0) }
    #expect(throws: LabError.self) { try dynamics.taylorTrajectory(from: [0.5, 0.3, 0.2], times: [0, 1], tolerance: .nan) }
    // Jorba and Zou's order: ⌈−½ ln ε + 1⌉.
    #expect(ReplicatorDynamics.taylorOrder(tolerance: 1e-10) == 13 && ReplicatorDynamics.taylorOrder(tolerance: 1e-3) == 5)
  }
}
