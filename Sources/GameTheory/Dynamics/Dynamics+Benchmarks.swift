import LabKit

/// Throughput of the replicator dynamics and the Moran process on the workloads that
/// `Tests/Fixtures/nashpy/benchmark_replicator.py` and `Tests/Fixtures/axelrod/benchmark_moran.py`
/// time in the peers (`make bench` runs both sides, A B A B, in CPU time).
public enum DynamicsBenchmarks {
  /// `game.replicator`: nashpy's default request, `replicator_dynamics(A, y0, timepoints=linspace(0, 10,
  /// 1000))`, on the biased rock–paper–scissors game of `nashpy/dynamics.json` from (0.5, 0.3, 0.2); one
  /// unit is one trajectory of 1000 points (RK4, step ≤ 0.01, which agrees with nashpy within 1e-6).
  /// `game.replicator.interpolated`: the same trajectory at nashpy's accuracy and with the same kind of
  /// work as its solver, RK4 on a grid of h = 1/16 with Hermite interpolation at the 1000 points
  /// (``ReplicatorDynamics/interpolatedTrajectory(from:times:)``): largest error 2.5e-8 against a
  /// DOP853 reference, where nashpy's is 4.7e-8 (`Tests/Fixtures/nashpy/replicator_accuracy.json`).
  /// `game.replicator.taylor`: the same trajectory by the Taylor series method
  /// (``ReplicatorDynamics/taylorTrajectory(from:times:tolerance:)``) at tolerance 1e-8, odeint's
  /// default tolerance (1.49e-8, which nashpy leaves in place) rounded down: largest error below 1e-9
  /// against the DOP853 reference (tested), where nashpy's is 4.7e-8.
  /// `game.moran`: axelrod's `MoranProcess([TitForTat, TitForTat, Defector, Defector], turns=10,
  /// seed=r).play()`; one unit is one run to fixation, the matches between the strategies played
  /// afresh each run (axelrod's process keeps a deterministic cache per process too).
  public static let all: [Benchmark] = [
    Benchmark(
      id: "game.replicator", summary: "replicator dynamics, 3 strategies, 1000 time points to t = 10", unit: "trajectories",
      count: 400
    ) { n in
      let dynamics = try! ReplicatorDynamics(.one([[0, -1, 2], [2, 0, -1], [-1, 2, 0]]))
      let times = (0..<1000).map { 10 * Double($0) / 999 }
      var checksum = 0.0
      for _ in 0..<n { checksum += try! dynamics.trajectory(from: [0.5, 0.3, 0.2], times: times).last![0] }
      return checksum
    },
    Benchmark(
      id: "game.replicator.interpolated",
      summary: "replicator dynamics, 3 strategies, 1000 time points to t = 10, RK4 grid h = 1/16 + Hermite (error 2.5e-8)",
      unit: "trajectories", count: 20_000
    ) { n in
      let dynamics = try! ReplicatorDynamics(.one([[0, -1, 2], [2, 0, -1], [-1, 2, 0]]), step: 0.0625)
      let times = (0..<1000).map { 10 * Double($0) / 999 }
      var checksum = 0.0
      for _ in 0..<n { checksum += try! dynamics.interpolatedTrajectory(from: [0.5, 0.3, 0.2], times: times)[2997] }
      return checksum
    },
    Benchmark(
      id: "game.replicator.taylor",
      summary: "replicator dynamics, 3 strategies, 1000 time points to t = 10, Taylor series, tolerance 1e-8 (error below 1e-9)",
      unit: "trajectories", count: 20_000
    ) { n in
      let dynamics = try! ReplicatorDynamics(.one([[0, -1, 2], [2, 0, -1], [-1, 2, 0]]))
      let times = (0..<1000).map { 10 * Double($0) / 999 }
      var checksum = 0.0
      for _ in 0..<n { checksum += try! dynamics.taylorTrajectory(from: [0.5, 0.3, 0.2], times: times, tolerance: 1e-8)[2997] }
      return checksum
    },
    Benchmark(
      id: "game.moran", summary: "Moran process to fixation, 2 TitForTat v 2 Defector, 10-turn matches", unit: "runs",
      count: 20_000
    ) { n in
      var checksum = 0.0
      let match = try! RepeatedMatch(turns: 10)
      for run in 0..<n {
        let payoffs = try! MoranProcess.payoffs(of: [.titForTat, .defector], match: match)
        let process = try! MoranProcess(payoffs: payoffs, populationSize: 4)
        let outcome = try! process.run(from: [2, 2], random: Random(master: 1, stream: "bench.moran", replicate: run))
        checksum += Double(outcome.winner ?? -1)
      }
      return checksum
    },
  ]
}
