import GameTheory
import LabKit
import Testing

@testable import IBHaggling

/// Values of hypotheses: strategy iteration, the γ → 1 limit, and the closed forms of the space.
@Suite struct ValueTests {
  static let pd = HagglingGames.prisonersDilemma()

  /// A random sharp infra-RDP with o-dependent transitions.
  static func randomHypothesis(_ random: Random, states: Int, actions: Int = 2, observations: Int = 2) -> SharpInfraRDP {
    let masks = (0..<states * actions).map { _ in 1 + random.index(below: (1 << observations) - 1) }
    let next = (0..<states * actions * observations).map { _ in random.index(below: states) }
    return try! SharpInfraRDP(
      stateCount: states, actionCount: actions, observationCount: observations,
      possible: { s, a in Set((0..<observations).filter { masks[s * actions + a] & (1 << $0) != 0 }) },
      transition: { s, a, o in next[(s * actions + a) * observations + o] })
  }

  @Test func strategyIterationEqualsRobustValueIteration() throws {
    let random = Random(seed: 11)
    for trial in 0..<200 {
      let h = Self.randomHypothesis(random, states: 1 + trial % 4)
      let reward = (0..<2).map { _ in (0..<2).map { _ in Double(random.integer(in: 0...4)) } }
      for γ in [0.5, 0.9, 0.97] {
        let fast = h.robustValue(reward: reward, discount: γ)
        let slow = h.infraRDP.robustValues(reward: reward, discount: γ, tolerance: 1e-12)
        for s in 0..<h.stateCount { #expect(abs(fast.values[s] - slow[s]) < 1e-9) }
        // The policy attains the value against Murphy's best reply.
        #expect(abs(fast.initialValue - fast.values[h.initialState]) == 0)
      }
    }
  }

  @Test func limitValuesAreLimitsOfDiscountedValues() throws {
    let random = Random(seed: 5)
    for trial in 0..<60 {
      let h = Self.randomHypothesis(random, states: 1 + trial % 3)
      let integers = (0..<2).map { _ in (0..<2).map { _ in random.integer(in: 0...4) } }
      let limit = h.limitValue(reward: integers.map { $0.map { Rational($0) } })
      let near = h.robustValue(reward: integers.map { $0.map(Double.init) }, discount: 0.99999).initialValue
      #expect(abs(near - limit.doubleValue) < 1e-3, "limit \(limit), γ = 0.99999 gives \(near)")
    }
  }

  @Test func topIsThePureMaxmin() throws {
    let view = try AgentView(game: Self.pd, player: 0)
    let top = SharpInfraRDP.top(actionCount: 2, observationCount: 2)
    #expect(top.limitValue(reward: try view.requireExactRewards()) == Rational(1))
    #expect(view.pureMaxmin == (try Self.pd.pureMaxmin(0)).value)
    #expect(top.robustValue(reward: view.reward, discount: 0.9).policy == [1])
    // Schelling pub: both pubs guarantee 0; ⊤ goes to the preferred pub (tie-break 14).
    let pub = try AgentView(game: .schellingPub(), player: 0)
    #expect(top.robustValue(reward: pub.reward, discount: 0.9).policy == [0])
    #expect(pub.topAction == 0)
    #expect((try AgentView(game: .schellingPub(), player: 1)).topAction == 1)
  }

  @Test func closedFormLimitsEqualTheGeneralComputation() throws {
    // Every hypothesis of the N = 5 space with opponent cycles, in the PD and in random games.
    let space = try HypothesisSpace(actionCount: 2, observationCount: 2, options: .init(maximumStates: 5, opponentCycles: true))
    let random = Random(seed: 17)
    let games =
      [Self.pd, HagglingGames.stagHunt()] + (0..<3).map { _ in NormalFormGame.random(actionCounts: [2, 2], integerPayoffs: 0...5, using: random) }
    for game in games {
      let view = try AgentView(game: game, player: 0)
      let valuation = try HypothesisValuation(space: space, view: view)
      let solver = ActionDrivenSolver(space: space, reward: view.reward, exact: view.exactReward)
      for h in 0..<space.count {
        let general = space.hypothesis(h).limitValue(reward: view.exactReward!)
        #expect(solver.limitValue(h) == general, "\(space.label(h))")
        #expect(valuation.limitValues![h] == general)
        // The policy kept for h attains the limit value from s₀.
        let policy = (0..<space.stateCount(h)).map { valuation.action(h, state: $0) }
        #expect(space.hypothesis(h).limitValue(of: policy, reward: view.exactReward!) == general)
      }
    }
  }

  @Test func discountedValuationEqualsStrategyIteration() throws {
    let space = try HypothesisSpace(actionCount: 2, observationCount: 2, options: .init(maximumStates: 4, opponentCycles: true))
    let view = try AgentView(game: Self.pd, player: 1)
    let valuation = try HypothesisValuation(space: space, view: view, ranking: .discounted(0.95))
    for h in 0..<space.count {
      let direct = space.hypothesis(h).robustValue(reward: view.reward, discount: 0.95)
      for s in 0..<space.stateCount(h) { #expect(abs(valuation.value(h, state: s) - direct.values[s]) < 1e-12) }
    }
    // Groups are ordered by value.
    #expect(zip(valuation.groupValues, valuation.groupValues.dropFirst()).allSatisfy { $0 > $1 })
  }

  @Test func passwordValuesInThePrisonersDilemma() throws {
    // In the limit, h_{p,l} with the loop ((C,C),(C,D)) and p = (D) is worth max(1, 4/3): type D
    // (worth 1 against Murphy), get (C, C) = 2, then deviate to D (worth 1) and start again.
    let exact = try AgentView(game: Self.pd, player: 0).requireExactRewards()
    let h = try SharpInfraRDP.password([1], loop: [(0, 0), (0, 1)], actionCount: 2, observationCount: 2)
    #expect(h.limitValue(reward: exact) == Rational(4, 3))
    // Exploitation: any password, then the loop ((D, C)): worth T = 3 in the limit.
    let exploit = try SharpInfraRDP.password([0, 0], loop: [(1, 0)], actionCount: 2, observationCount: 2)
    #expect(exploit.limitValue(reward: exact) == Rational(3))
    // Discounted: typing C C costs two rounds of 0, then 3 forever: V = γ² · 3.
    let γ = 0.9
    #expect(abs(exploit.robustValue(reward: exact.map { $0.map(\.doubleValue) }, discount: γ).initialValue - γ * γ * 3) < 1e-12)
  }

  @Test func rationals() {
    #expect(Rational(approximating: 5.0 / 12.0) == Rational(5, 12))
    #expect(Rational(approximating: 2.5) == Rational(5, 2))
    #expect(Rational(approximating: 0.1234567891234) == nil)
    #expect(Rational(2, 3) * Rational(5, 12) + Rational(1, 3) * .zero == Rational(5, 18))
    #expect(Rational(5, 18) < Rational(1, 3))
    #expect(Rational(-1, 2) < Rational(1, 3))
    #expect(Rational(6, -4) == Rational(-3, 2))
    #expect(DeterministicGraph.minimumMeanCycle(edges: [[(3, 1)], [(1, 0), (5, 1)]], source: 0) == Rational(2))
  }

  /// The exact worst case of Proposition 1 on closed forms: an agent holding ⊤, "the other always
  /// cooperates" and "the other always defects" in the PD (2, 0, 3, 1). Against ⊤ the environment
  /// answers D from the start: the agent exploits (D), is falsified, then holds a hypothesis playing D
  /// forever, so the least expected utility is P = 1 at every γ. Against "always cooperates" the answer
  /// is forced: T = 3. The policy iteration's linear solves agree with the closed forms.
  @Test func exactWorstCaseCopolicyMatchesClosedForms() throws {
    let view = try AgentView(game: HagglingGames.prisonersDilemma(), player: 0)
    let space = try HypothesisSpace(actionCount: 2, observationCount: 2, options: .init(maximumStates: 1, passwords: false, opponentCycles: true))
    #expect(space.count == 3)
    for γ in [0.9, 0.99, 0.999] {
      let spec = HagglerSpec(valuation: try HypothesisValuation(space: space, view: view, ranking: .discounted(γ)), view: view, prior: .uniform)
      let top = SharpInfraRDP.top(actionCount: 2, observationCount: 2)
      let cooperates = try SharpInfraRDP.opponentCycle([0], actionCount: 2, observationCount: 2)
      #expect(abs(try WorstCaseCopolicy.value(agent: spec, truth: top, discount: γ).utility - 1) < 1e-9)
      #expect(abs(try WorstCaseCopolicy.value(agent: spec, truth: cooperates, discount: γ).utility - 3) < 1e-9)
    }
    // A 2 × 2 system solved by the elimination: x + y = 3, x − y = 1.
    #expect(try WorstCaseCopolicy.gaussianElimination([1, 1, 1, -1], [3, 1], size: 2) == [2, 1])
  }
}
