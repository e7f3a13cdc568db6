import LabKit
import Testing

@testable import NumericalPolitics

/// §1.1 framework: the schedule and the society.

/// An agent that records what it receives and forwards a counter to the next agent after a fixed delay.
struct RelayAgent: MessagePassingAgent {
  typealias Message = Int
  let next: Int
  let delay: Int
  var received: [(time: Int, message: Int, channel: Int)] = []
  var wellbeing: Double { Double(received.count) }

  mutating func receive<Source: UniformRandomSource>(_ message: Int, on channel: Int, schedule: inout MessageSchedule<Int>, random: inout Source) {
    received.append((schedule.now, message, channel))
    if message < 6 { schedule.send(message + 1, to: ChannelID(agent: next, channel: channel), after: delay) }
  }
}

@Test func messagesArriveAfterTheirTransitTimeInTheOrderSent() {
  var society = Society(agents: [RelayAgent(next: 1, delay: 3), RelayAgent(next: 0, delay: 1)], horizon: 4, capacity: 1)
  society.schedule.send(0, to: ChannelID(agent: 0, channel: 2), after: 0)
  society.schedule.send(100, to: ChannelID(agent: 0, channel: 5), after: 0)
  var random = Random(seed: 1)
  for _ in 0..<20 { society.step(random: &random) }
  // 0 at t=0 to agent 0; agent 0 forwards after 3 steps, agent 1 after 1 step.
  #expect(society[0].received.map(\.time) == [0, 0, 4, 8, 12])
  #expect(society[0].received.map(\.message) == [0, 100, 2, 4, 6])
  #expect(society[0].received.map(\.channel) == [2, 5, 2, 2, 2])
  #expect(society[1].received.map(\.time) == [3, 7, 11])
  #expect(society[1].received.map(\.message) == [1, 3, 5])
  // §1.1: Ω = Σ W.
  #expect(society.collectiveWellbeing == 8)
  #expect(society.schedule.pending == 0)
  #expect(society.time == 20)
}

@Test func compactLearnerMatchesTabularLearnerBitForBit() {
  // The same rule on the same draws: every Q value, greedy action and ε equal after each step.
  var constants = QLearningConstants()
  constants.explorationDecay = 0.999
  constants.explorationFloor = 0.01
  var tabular = TabularQLearner(states: 4, actions: 2, constants: constants, initialGreedy: [0, 1, 1, 0])
  var compact = CompactQLearner(states: 4, constants: constants, policy: 0b0110)
  let a = Random(seed: 7)
  var b = Random(seed: 7)
  let world = Random(seed: 99)
  var state = 0
  for _ in 0..<20_000 {
    let x = tabular.act(in: state, random: a)
    let y = compact.act(in: state, random: &b)
    #expect(x == y)
    let next = world.index(below: 4)
    let reward = SugarAndSpiceWorld.wellbeingTable[next]
    tabular.train(state: state, action: x, reward: reward, next: next)
    compact.train(state: state, action: y, reward: reward, next: next)
    state = next
  }
  #expect((0..<8).allSatisfy { tabular.q[$0] == compact.q[$0] })
  #expect((0..<4).allSatisfy { tabular.greedy[$0] == compact.greedy($0) })
  #expect(tabular.exploration == compact.exploration)
  #expect(tabular.stepsSinceGreedyChange == compact.stepsSinceGreedyChange)
}

@Test func presetPolicyAndTerminalTraining() {
  var learner = CompactQLearner(states: 4, constants: QLearningConstants(), presetPolicy: 6, low: 0, high: 400)
  #expect(learner.policy == 6)
  #expect((0..<4).map { learner.value($0, 0) } == [400, 0, 0, 400])
  #expect((0..<4).map { learner.value($0, 1) } == [0, 400, 400, 0])
  // A terminal transition bootstraps from 0: Q ← 0.99 · 400 + 0.01 · 3.
  learner.trainTerminal(state: 0, action: 0, reward: 3)
  #expect(learner.value(0, 0) == 0.99 * 400 + 0.01 * 3)
  // Ties keep the old greedy action; a strictly greater value flips it.
  var tie = CompactQLearner(states: 1, constants: QLearningConstants())
  tie.train(state: 0, action: 1, reward: 0, next: 0)
  #expect(tie.greedy(0) == 0)
  tie.train(state: 0, action: 1, reward: 100, next: 0)
  #expect(tie.greedy(0) == 1)
  #expect(tie.stepsSinceGreedyChange == 0 && tie.greedyChanges == 1)
}
