import LabKit
import Testing

@testable import NumericalPolitics

@Suite struct TabularQLearnerTests {
  static let constants = QLearningConstants(
    learningRate: 0.5, discount: 0.9, initialQ: 1, initialExploration: 0.25,
    explorationDecay: 0.5, explorationFloor: 0.1)

  @Test func updateFollowsTheBookEraRule() {
    var learner = TabularQLearner(states: 2, actions: 2, constants: Self.constants)
    // Q(0,1) ← 0.5·1 + 0.5·(4 + 0.9·Q(1, greedy(1) = 0) = 0.9) = 0.5 + 2.45 = 2.95
    learner.train(state: 0, action: 1, reward: 4, next: 1)
    #expect(learner.value(0, 1) == 2.95)
    #expect(learner.greedy == [1, 0])  // 2.95 > 1: greedy changes
    #expect(learner.stepsSinceGreedyChange == 0)
    // Q(0,0) ← 0.5·1 + 0.5·(3.9 + 0.9·Q(0, greedy(0) = 1) = 2.655) = 0.5 + 3.2775 = 3.7775
    learner.train(state: 0, action: 0, reward: 3.9, next: 0)
    #expect(abs(learner.value(0, 0) - 3.7775) < 1e-12)
    #expect(learner.greedy[0] == 0)
  }

  @Test func tiesKeepTheGreedyAction() {
    var learner = TabularQLearner(states: 1, actions: 2, constants: Self.constants, initialGreedy: [1])
    // Q(0,0) ← 0.5·1 + 0.5·(0.1 + 0.9·1) = 1: equal to Q(0,1), so greedy stays 1.
    learner.train(state: 0, action: 0, reward: 0.1, next: 0)
    #expect(learner.value(0, 0) == 1)
    #expect(learner.greedy == [1])
    #expect(learner.stepsSinceGreedyChange == 1)
  }

  @Test func explorationDecaysBeforeEachDecisionDownToTheFloor() {
    var learner = TabularQLearner(states: 1, actions: 2, constants: Self.constants)
    let random = Random(seed: 1)
    _ = learner.act(in: 0, random: random)
    #expect(learner.exploration == 0.125)
    _ = learner.act(in: 0, random: random)
    #expect(learner.exploration == 0.0625)  // 0.125 > floor 0.1: decays once more, then stops
    _ = learner.act(in: 0, random: random)
    #expect(learner.exploration == 0.0625)
  }

  @Test func exploringPicksUniformlyAmongAllActions() {
    // ε = 1 and no decay: the choice is uniform, so the greedy action 0 comes up half the time.
    var constants = Self.constants
    constants.initialExploration = 1
    constants.explorationDecay = 1
    var learner = TabularQLearner(states: 1, actions: 2, constants: constants)
    let random = Random(seed: 9)
    let n = 100_000
    let ones = (0..<n).filter { _ in learner.act(in: 0, random: random) == 1 }.count
    // Binomial(n, 1/2): standard deviation √n / 2 ≈ 158; 5 standard deviations.
    #expect(abs(Double(ones) - Double(n) / 2) < 5 * 158)
  }
}
