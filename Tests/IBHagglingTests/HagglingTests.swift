import GameTheory
import LabKit
import Testing

@testable import IBHaggling

/// The algorithm: lazy tracking, lock-in detection, invariants of runs, fixed opponents.
@Suite struct HagglingTests {
  static let pd = HagglingGames.prisonersDilemma()

  static func specs(_ game: NormalFormGame, states: Int, opponentCycles: Bool = false, deals: DealSemantics = .literal) throws -> [HagglerSpec] {
    try HagglingSetup(
      game: game, options: .init(maximumStates: states, opponentCycles: opponentCycles), ranking: .limit, policyDiscount: 0.999, jobs: 1,
      deals: deals
    ).hagglers(prior: .descriptionLength)
  }

  static func run(_ game: NormalFormGame, _ specs: [HagglerSpec], seed: Int, options: Haggling.Options = .init()) throws -> HagglingRun {
    try Haggling.run(
      game: game, participants: specs.map { .haggler($0) }, generators: specs.indices.map { Random(seed: UInt32(100 * seed + $0 + 1)) },
      options: options)
  }

  @Test func lazyTrackingEqualsEagerTracking() throws {
    for (game, states) in [(Self.pd, 5), (HagglingGames.cakeSplitting(), 4), (NormalFormGame.schellingPub(), 5)] {
      let specs = try Self.specs(game, states: states, opponentCycles: true)
      for seed in 0..<8 {
        let lazy = try Self.run(game, specs, seed: seed)
        let eager = try Self.run(game, specs, seed: seed, options: .init(eager: true))
        #expect(lazy.switches == eager.switches)
        #expect(lazy.transcript == eager.transcript)
        #expect(lazy.cycle == eager.cycle)
        #expect(lazy.hypothesisUpdates <= eager.hypothesisUpdates)
      }
    }
  }

  @Test func theStableCycleRepeatsForever() throws {
    // Played on without lock-in detection, the rounds after the detected cycle repeat it, and no
    // agent switches again.
    for (game, states) in [(Self.pd, 5), (HagglingGames.cakeSplitting(), 4), (HagglingGames.threePlayerDemands(), 3)] {
      let specs = try Self.specs(game, states: states)
      for seed in 0..<6 {
        let run = try Self.run(game, specs, seed: seed)
        #expect(!run.capped)
        let horizon = run.cycleStart + 5 * run.cycleLength + 20
        let long = try Self.run(game, specs, seed: seed, options: .init(maximumSteps: horizon, detectLockIn: false))
        #expect(long.switches == run.switches)
        for t in run.cycleStart..<horizon {
          #expect(long.transcript[t] == run.transcript[run.cycleStart + (t - run.cycleStart) % run.cycleLength])
        }
      }
    }
  }

  @Test func runInvariants() throws {
    // Demands never rise; the first demand is the best value; in the stable cycle every agent gets at
    // least its demand (its hypothesis holds, so Murphy's worst case is a floor).
    for (game, states) in [
      (Self.pd, 6), (HagglingGames.cakeSplitting(), 4), (NormalFormGame.schellingPub(), 5), (HagglingGames.stagHunt(players: 3), 4),
    ] {
      let specs = try Self.specs(game, states: states, opponentCycles: true)
      for seed in 0..<10 {
        let run = try Self.run(game, specs, seed: seed)
        for agent in 0..<game.playerCount {
          let demands = run.switches.filter { $0.agent == agent }.map { $0.exactDemand! }
          #expect(demands.first == specs[agent].valuation.groupExactValues![0])
          #expect(zip(demands, demands.dropFirst()).allSatisfy { $0 >= $1 })
          #expect(run.exactAveragePayoffs![agent] >= run.exactFinalDemands[agent]!)
        }
        #expect(run.switches.first!.time == 0)
        #expect(run.lockInTime <= run.cycleStart)
      }
    }
  }

  @Test func againstFixedPlayers() throws {
    let specs = try Self.specs(Self.pd, states: 5)
    let profiles = Self.pd.profiles.count
    // Against a player who always cooperates the agent ends up exploiting it; against one who always
    // defects it ends at (D, D): ⊤'s value is all it can get.
    for seed in 0..<5 {
      let sucker = try Haggling.run(
        game: Self.pd, participants: [.haggler(specs[0]), .fixed(.constant(0, name: "always C", profileCount: profiles))],
        generators: [Random(seed: UInt32(seed + 1)), Random(seed: 1)])
      #expect(sucker.exactAveragePayoffs == [Rational(3), .zero])
      let defector = try Haggling.run(
        game: Self.pd, participants: [.haggler(specs[0]), .fixed(.constant(1, name: "always D", profileCount: profiles))],
        generators: [Random(seed: UInt32(seed + 1)), Random(seed: 1)])
      #expect(defector.cycle == [[1, 1]])
      #expect(defector.finalDemands[0] == 1)
    }
    // In the Schelling pub, a friend who always goes to X is joined.
    let pub = NormalFormGame.schellingPub()
    let pubSpecs = try Self.specs(pub, states: 5)
    for seed in 0..<5 {
      let run = try Haggling.run(
        game: pub, participants: [.fixed(.constant(0, name: "X", profileCount: 4)), .haggler(pubSpecs[1])],
        generators: [Random(seed: 1), Random(seed: UInt32(seed + 1))])
      #expect(run.cycle == [[0, 0]])
    }
  }

  @Test func theSimplePasswordFamilyLocksInWhenPasswordsHaveOneSymbol() throws {
    // N = 2: every password has length 1, so both agents enter their deals in round 1 and the stag
    // hunt locks in at (stag, stag) whatever they sample.
    let game = HagglingGames.stagHunt()
    let specs = try Self.specs(game, states: 2)
    for seed in 0..<20 {
      let run = try Self.run(game, specs, seed: seed)
      #expect(run.cycle == [[0, 0]])
    }
  }

  @Test func determinism() throws {
    let specs = try Self.specs(Self.pd, states: 6, opponentCycles: true)
    let a = try Self.run(Self.pd, specs, seed: 3)
    let b = try Self.run(Self.pd, specs, seed: 3)
    #expect(a.transcript == b.transcript && a.switches == b.switches)
  }

  @Test func badParticipants() throws {
    let specs = try Self.specs(Self.pd, states: 3)
    #expect(throws: LabError.self) { try Haggling.run(game: Self.pd, participants: [.haggler(specs[0])], generators: [Random(seed: 1)]) }
    #expect(throws: LabError.self) {
      try Haggling.run(game: Self.pd, participants: [.haggler(specs[1]), .haggler(specs[0])], generators: [Random(seed: 1), Random(seed: 2)])
    }
    #expect(throws: LabError.self) {
      try HypothesisValuation(
        space: try HypothesisSpace(actionCount: 2, observationCount: 2, options: .init(maximumStates: 3)),
        view: try AgentView(game: .random(actionCounts: [2, 2], payoffs: 0..<1, seed: 1), player: 0))
    }
  }

  @Test func guaranteeRunUtilityIsTheDiscountedSum() throws {
    // The lasso formula against a direct sum over a long horizon.
    let random = Random(seed: 9)
    for _ in 0..<20 {
      let game = NormalFormGame.random(actionCounts: [2, 2], integerPayoffs: 0...3, using: random)
      let view = try AgentView(game: game, player: 0)
      let hypotheses = (0..<3).map { _ in RandomHypotheses.resettable(states: 2, actions: 2, observations: 2, random: random) }
      let space = try HypothesisSpace(
        actionCount: 2, observationCount: 2, options: .init(maximumStates: 2, passwords: false), custom: hypotheses.map { ($0, 4) })
      let γ = 0.9
      let spec = HagglerSpec(valuation: try HypothesisValuation(space: space, view: view, ranking: .discounted(γ)), view: view)
      let environment = SatisfyingEnvironment(truth: hypotheses[0], rule: .falsifyThenPunish)
      let run = try GuaranteeRun.run(agent: spec, environment: environment, discount: γ, random: Random(seed: 4))
      // Replay: the same agent and environment for 600 rounds, summing directly.
      var agent = HagglerState(spec: spec, capacity: 600)
      var envState = 0
      var total = 0.0
      var power = 1 - γ
      let replay = Random(seed: 4)
      for t in 0..<600 {
        if agent.current < 0 { _ = agent.select(now: t, random: replay) }
        let a = agent.action
        let rdp = space.hypothesis(agent.currentHypothesis)
        let s = Int(agent.state[agent.current])
        let o = hypotheses[0].possibleObservations(state: envState, action: a).min {
          (rdp.allows(state: s, action: a, observation: $0) ? 1 : 0, view.reward[a][$0], $0) < (
            rdp.allows(state: s, action: a, observation: $1) ? 1 : 0, view.reward[a][$1], $1
          )
        }!
        total += power * view.reward[a][o]
        power *= γ
        envState = hypotheses[0].nextState(envState, a, o)
        if !agent.observe(action: a, observation: o) { agent.current = -1 }
      }
      #expect(abs(total - run.utility) < 1e-9)
    }
  }
}
