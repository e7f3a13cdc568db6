import LabKit
import Testing

@testable import SocialEnvironmentDesign

@Test func finiteStackelbergGameByHand() throws {
  // Leader: 0 = no tax, 1 = tax. Follower: 0 = greedy, 1 = restrained.
  // Follower payoffs: no tax (3, 2), tax (1, 2); leader payoffs: no tax (1, 4), tax (2, 5).
  let follower: [[Double]] = [[3, 2], [1, 2]]
  let leader: [[Double]] = [[1, 4], [2, 5]]
  let game = try FiniteStackelbergGame(
    leaderActions: 2, followerActions: [2],
    leaderPayoff: { x, y in leader[x][y[0]] }, followerPayoff: { _, x, y in follower[x][y[0]] })
  #expect(game.deviationGain(follower: 0, leader: 0, profile: [1]) == 1)
  #expect(game.isDeltaBestResponse(leader: 1, profile: [1], delta: 0))
  #expect(game.strongStackelbergValue(delta: 0) == 5)
  #expect(game.isStrongEquilibrium(leader: 1, profile: [1], epsilon: 0, delta: 0))
  #expect(!game.isStrongEquilibrium(leader: 0, profile: [0], epsilon: 0, delta: 0))
  let gaps = game.equilibriumGaps(leader: 0, profile: [0])
  #expect(gaps.delta == 0 && gaps.epsilon == 4)
  // With δ = 1 the follower may restrain without tax, which the leader prefers (value 5 still best).
  #expect(game.equilibriumGaps(leader: 0, profile: [1]) == (1, 1))
  #expect(throws: LabError.self) {
    try FiniteStackelbergGame(leaderActions: 0, followerActions: [1], leaderPayoff: { _, _ in 0 }, followerPayoff: { _, _, _ in 0 })
  }
}

@Test func mechanismDesignDominantStrategies() {
  // Two agents report 0 or 1; the outcome is the sum; each agent's utility is the outcome, so
  // reporting 1 is dominant and the principal's objective (the outcome) is 2.
  let problem = MechanismDesignProblem<Int>(
    actions: [2, 2], outcome: { $0.reduce(0, +) }, utility: { _, s in Double(s) },
    principalObjective: { _, s in Double(s) })
  #expect(problem.dominantActions(of: 0) == [1])
  #expect(problem.valueAtDominantStrategyEquilibrium() == 2)
}

@Test func socialEnvironmentDesignGameConstraints() throws {
  let paperGame = SocialEnvironmentDesignGame.applePicking
  #expect(paperGame.initialAction == [0, 0, 0] && paperGame.divergenceBound == nil)
  #expect(paperGame.isFeasible([1, 1, 1]))
  let game = try SocialEnvironmentDesignGame(actionSpace: Array(repeating: 0...1, count: 3), initialAction: [0.5, 0.5, 0.5], divergenceBound: 0.2)
  #expect(game.isFeasible([0.6, 0.4, 0.7]))
  #expect(!game.isFeasible([0.8, 0.5, 0.5]))
  #expect(game.project([1, 0, 0.5]) == [0.7, 0.3, 0.5])
  for xi in [[-30.0, 0, 30], [1, -1, 0.3]] {
    let phi = game.reparameterise(xi)
    #expect(game.isFeasible(phi))
  }
  #expect(abs(game.reparameterise([0, 0, 0])[0] - 0.5) < 1e-12)
  let euclidean = try SocialEnvironmentDesignGame(
    actionSpace: Array(repeating: 0...1, count: 2), initialAction: [0, 0], divergence: .euclidean, divergenceBound: 0.5)
  let projected = euclidean.project([1, 1])
  #expect(abs(Divergence.euclidean.value([0, 0], projected) - 0.5) < 1e-12)
  #expect(throws: LabError.self) { try SocialEnvironmentDesignGame(actionSpace: [0...1], initialAction: [2], divergenceBound: nil) }
  #expect(throws: LabError.self) { try SocialEnvironmentDesignGame(actionSpace: [0...1], initialAction: [0], divergenceBound: 0) }
  #expect(
    try paperGame.vote(reports: [0.2, 0.4]) == .interpolation(eta: 0.30000000000000004)
      || (try paperGame.vote(reports: [0.2, 0.4])) == .interpolation(eta: 0.3))
}

@Test func principalsRespectTheCapAndExplore() {
  var reinforce = BracketReinforcePrincipal(learningRate: 0.5)
  let random = Random(seed: 1)
  for _ in 0..<200 {
    let rates = reinforce.rates(period: 0, cap: 0.3, random)
    #expect(rates.allSatisfy { $0 <= 0.3 + 1e-12 })
  }
  reinforce.finishRound(objective: 1)
  var ucb = UCBPrincipal(levels: [0, 0.5, 1])
  #expect(ucb.arms.count == 27)
  var seen = Set<[Double]>()
  for r in 0..<27 {
    seen.insert(ucb.rates(period: 0, cap: 1, random))
    ucb.finishRound(objective: Double(r))
  }
  #expect(seen.count == 27)
  #expect(ucb.bestArm == ucb.arms[26])
  var fixed = FixedPrincipal([0.1, 0.5, 0.9], name: "fixed")
  #expect(fixed.rates(period: 3, cap: 0.4, random) == [0.1, 0.4, 0.4])
}

@Test func reinforceLearnsTheRewardedLevel() {
  // Rewards 1 for level 0 of bracket 0, 0 otherwise: the head's mean rate must fall.
  var principal = BracketReinforcePrincipal(brackets: 3, learningRate: 0.5, entropyBonus: 0)
  let random = Random(seed: 2)
  for _ in 0..<400 {
    let rates = principal.rates(period: 0, cap: 1, random)
    principal.finishRound(objective: rates[0] == 0 ? 1 : 0)
  }
  #expect(principal.meanRates[0] < 0.2)
  var learner = RestraintLearner(levels: 3, learningRate: 0.5)
  for _ in 0..<400 {
    let k = learner.sample(random)
    learner.update(chose: k, return: k == 2 ? 10 : 0)
  }
  #expect(learner.mode == 2)
}
