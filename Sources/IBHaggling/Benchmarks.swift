import GameTheory
import LabKit

/// Throughput of the hot loops (the benchmark): hypothesis updates per second, and haggling
/// runs per second, for 2 × 2 games at N = 6, 7, 8 (4,929, 20,569 and 84,609 hypotheses per agent) and
/// for 3 players at N = 6 (98,945).
extension IBHaggling {
  /// A prepared set-up: the game, both (or all three) agents, and a realistic history for the
  /// update benchmark (the first agent's rounds in one run).
  final class BenchmarkSetup: Sendable {
    let game: NormalFormGame
    let specs: [HagglerSpec]
    let actions: [UInt8]
    let observations: [UInt8]

    init(game: NormalFormGame, states: Int) {
      self.game = game
      let setup = try! HagglingSetup(game: game, options: .init(maximumStates: states), ranking: .limit, policyDiscount: 0.999, jobs: 2)
      specs = setup.hagglers(prior: .descriptionLength)
      let run = try! Haggling.run(
        game: game, participants: specs.map { .haggler($0) }, generators: specs.indices.map { Random(seed: UInt32(7 + $0)) })
      let view = specs[0].view
      let profiles = game.profiles
      actions = run.transcript.map { UInt8(profiles[Int($0)][0]) }
      observations = run.transcript.map { UInt8(view.observation(of: profiles[Int($0)])) }
    }

    /// At least `count` hypothesis updates: every hypothesis of agent 1 brought up to date through the
    /// history, as step 2 does, repeated as needed. Returns the number of updates done.
    func updates(_ count: Int) -> Double {
      var done = 0
      var checksum = 0
      while done < count {
        var agent = HagglerState(spec: specs[0], capacity: actions.count)
        agent.actions = actions
        agent.observations = observations
        for k in 0..<specs[0].count where agent.catchUp(k, to: actions.count) { checksum &+= Int(agent.state[k]) }
        done += agent.updates
      }
      return Double(done) + Double(checksum % 1024)
    }

    /// `count` complete runs (each until its stable cycle), with different generators.
    func runs(_ count: Int) -> Double {
      var total = 0
      for r in 0..<count {
        let run = try! Haggling.run(
          game: game, participants: specs.map { .haggler($0) },
          generators: specs.indices.map { Random(seed: UInt32(1000 * r + $0 + 1)) })
        total += run.lockInTime + run.cycleLength
      }
      return Double(total)
    }
  }

  static let pdSetups: [Int: BenchmarkSetup] = [
    6: BenchmarkSetup(game: HagglingGames.prisonersDilemma(), states: 6),
    7: BenchmarkSetup(game: HagglingGames.prisonersDilemma(), states: 7),
    8: BenchmarkSetup(game: HagglingGames.prisonersDilemma(), states: 8),
  ]
  static let cakeSetup = BenchmarkSetup(game: HagglingGames.cakeSplitting(), states: 6)

  /// The benchmarks of `reproduce bench`.
  public static let benchmarks: [Benchmark] =
    [6, 7, 8].flatMap { n -> [Benchmark] in
      [
        Benchmark(
          id: "ibh.updates.pd.N\(n)",
          summary:
            "hypothesis updates, PD agent with \(HypothesisSpace.passwordCount(actionCount: 2, observationCount: 2, maximumStates: n)) hypotheses (N = \(n)), over a run's history",
          unit: "updates", count: 200_000_000
        ) { count in pdSetups[n]!.updates(count) },
        Benchmark(id: "ibh.runs.pd.N\(n)", summary: "complete PD haggling runs, two agents with N = \(n)", unit: "runs", count: n == 8 ? 100 : 400) {
          count in pdSetups[n]!.runs(count)
        },
      ]
    } + [
      Benchmark(
        id: "ibh.updates.cake.N6",
        summary: "hypothesis updates, cake-splitting agent with 98,945 hypotheses (3 players, N = 6), over a run's history",
        unit: "updates", count: 200_000_000
      ) { count in cakeSetup.updates(count) },
      Benchmark(id: "ibh.runs.cake.N6", summary: "complete cake-splitting runs, three agents with N = 6", unit: "runs", count: 40) { count in
        cakeSetup.runs(count)
      },
    ]
}
