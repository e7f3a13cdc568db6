import LabKit

extension SocialEnvironmentDesign {
  /// Environment steps per second of the 7-player Apple Picking Game (the target: 10^5 on
  /// one core; Melting Pot's own commons harvest runs at about 59 steps per second with rendering):
  /// the dynamics alone under uniform random actions (moves, eating, regrowth, the social term of
  /// eq. 2), the same with every player's 11 × 11 observation and `NEARBY` count, the full game with
  /// the restraint players and taxes, and the full game at 112 000 players (copies of the map that never
  /// learn, the environment's throughput at scale); PPO training of learned players, and the design loop
  /// (``SharedPolicyLoop``) at 7 players on one and two threads and at 700 and 7 000 players.
  public static let benchmarks: [Benchmark] = [
    Benchmark(
      id: "sed.steps.dynamics", summary: "7 players, uniform random actions: moves, eating, regrowth, seen apples", unit: "steps", count: 2_000_000
    ) { n in
      dynamicsBenchmark(steps: n, observations: false)
    },
    Benchmark(
      id: "sed.steps.observations", summary: "the same plus every player's 11 × 11 symbolic observation and NEARBY", unit: "steps", count: 1_000_000
    ) { n in
      dynamicsBenchmark(steps: n, observations: true)
    },
    Benchmark(
      id: "sed.steps.window-encoding", summary: "7 players, uniform random actions, every player's 363-number one-hot window (WindowEncoding)",
      unit: "player-steps", count: 7 * 500_000
    ) { n in
      encodingBenchmark(steps: max(1, n / 7))
    },
    Benchmark(
      id: "sed.ppo.players-7", summary: "PPO training of 7 learned players (363-32-8 shared actor-critic, 200-step rollouts, 4 epochs)",
      unit: "player-steps", count: 7 * 200 * 10
    ) { n in
      ppoBenchmark(updates: max(1, n / 1400))
    },
    Benchmark(
      id: "sed.ppo.design-loop-7.threads-1",
      summary: "the design loop (SharedPolicyLoop) at 7 players: shared 363-32-8 policy, fixed taxes, 200-step rollouts, PPO on one thread",
      unit: "player-steps", count: 7 * 200 * 10
    ) { n in
      designLoopBenchmark(copies: 1, threads: 1, playerSteps: n)
    },
    Benchmark(
      id: "sed.ppo.design-loop-7.threads-2", summary: "the same with the learner's matrix products split over 2 threads (same bytes)",
      unit: "player-steps", count: 7 * 200 * 10
    ) { n in
      designLoopBenchmark(copies: 1, threads: 2, playerSteps: n)
    },
    Benchmark(
      id: "sed.ppo.design-loop-700", summary: "the design loop at 700 players (100 copies of the map), 2 threads", unit: "player-steps",
      count: 700 * 200 * 2
    ) { n in
      designLoopBenchmark(copies: 100, threads: 2, playerSteps: n)
    },
    Benchmark(
      id: "sed.ppo.design-loop-7000", summary: "the design loop at 7 000 players (1 000 copies of the map), 2 threads", unit: "player-steps",
      count: 7000 * 200
    ) { n in
      designLoopBenchmark(copies: 1000, threads: 2, playerSteps: n)
    },
    Benchmark(id: "sed.steps.game", summary: "7 restraint players (k = 4), taxes every 50 steps, eq. 2 rewards", unit: "steps", count: 1_000_000) {
      n in
      gameBenchmark(copies: 1, steps: n)
    },
    Benchmark(
      id: "sed.steps.players-112000", summary: "the full game on 16 000 copies of the map, 112 000 players", unit: "player-steps", count: 112_000 * 20
    ) { n in
      gameBenchmark(copies: 16_000, steps: max(1, n / 112_000))
    },
  ]

  /// Runs `steps` steps of the 7-player world under uniform random actions; resets every 1000 steps.
  static func dynamicsBenchmark(steps: Int, observations: Bool) -> Double {
    let random = Random(seed: 1)
    let world = try! HarvestWorld()
    world.reset(random)
    var actions = [UInt8](repeating: 0, count: 7)
    let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: HarvestWorld.viewCells)
    defer { buffer.deallocate() }
    var checksum = 0
    for t in 0..<steps {
      for i in 0..<7 { actions[i] = UInt8(random.index(below: 7)) }
      checksum &+= actions.withUnsafeBufferPointer { world.step($0, random) }
      world.computeSeenApples()
      if observations { for i in 0..<7 { checksum &+= world.observe(i, into: buffer) &+ Int(buffer[60]) } }
      if (t + 1) % 1000 == 0 { world.reset(random) }
    }
    return Double(checksum + world.liveApples)
  }

  /// Runs `steps` steps of the 7-player world under uniform random actions, encoding every player's
  /// window after each step; resets every 1000 steps.
  static func encodingBenchmark(steps: Int) -> Double {
    let random = Random(seed: 1)
    let world = try! HarvestWorld()
    world.reset(random)
    var actions = [UInt8](repeating: 0, count: 7)
    let codes = UnsafeMutablePointer<UInt8>.allocate(capacity: HarvestWorld.viewCells)
    defer { codes.deallocate() }
    var observations = [Double](repeating: 0, count: 7 * WindowEncoding.size)
    var checksum = 0.0
    for t in 0..<steps {
      for i in 0..<7 { actions[i] = UInt8(random.index(below: 7)) }
      _ = actions.withUnsafeBufferPointer { world.step($0, random) }
      WindowEncoding.encodeAll(world, codes: codes, into: &observations)
      checksum += observations[t % observations.count]
      if (t + 1) % 1000 == 0 { world.reset(random) }
    }
    return checksum + Double(world.liveApples)
  }

  /// `updates` PPO updates of 7 selfish learned players (rollouts and learning).
  static func ppoBenchmark(updates: Int) -> Double {
    var settings = LearnedPlayerSettings()
    settings.updates = updates
    let learner = try! LearnedPlayers.train(.selfish, configuration: AppleGameConfiguration(), settings: settings, random: Random(seed: 1))
    return learner.lastTerms.total
  }

  /// ``SharedPolicyLoop`` on `copies` copies of the map, with as many 200-step updates as make
  /// `playerSteps` (at least one).
  static func designLoopBenchmark(copies: Int, threads: Int, playerSteps: Int) -> Double {
    var settings = SharedPolicyLoop.Settings()
    settings.copies = copies
    settings.threads = threads
    settings.updates = max(1, playerSteps / (7 * copies * settings.horizon))
    let (learner, cost) = try! SharedPolicyLoop.run(settings, random: Random(seed: 1))
    return learner.lastTerms.total + cost.apples
  }

  /// Runs the full game on `copies` copies of the map for `steps` steps (in rounds of at most 1000).
  static func gameBenchmark(copies: Int, steps: Int) -> Double {
    let random = Random(seed: 1)
    var configuration = AppleGameConfiguration()
    let layout = ScaleExperiment.layout(copies)
    configuration.map = try! HarvestMap.commonsHarvestOpen.tiled(across: layout.across, down: layout.down)
    configuration.agentCount = 7 * copies
    configuration.roundLength = min(steps, 1000)
    configuration.continuity = .code
    let game = try! ApplePickingGame(configuration: configuration, types: PlayerType.uniform(configuration.agentCount, random))
    let restraint = Array(repeating: 4, count: configuration.agentCount)
    var done = 0, checksum = 0.0
    while done < steps {
      let o = game.playRound(restraint: restraint, random) { _ in [0.1, 0.25, 0.37] }
      checksum += o.apples.reduce(0, +)
      done += configuration.roundLength
    }
    return checksum
  }
}
