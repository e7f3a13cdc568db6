import LabKit
import Testing

@testable import NumericalPolitics

/// A society where the test, as environment, decides who meets whom.
struct ScriptedPairs: SocietyEnvironment {
  typealias Agent = PopulationAgent
  var script: [(Int, Int)]
  var next = 0
  mutating func beginStep<Source: UniformRandomSource>(
    agents: UnsafeBufferPointer<PopulationAgent>, schedule: inout MessageSchedule<EncounterMessage>, random: inout Source
  ) {
    guard schedule.now & 1 == 0, next < script.count else { return }
    let (i, j) = script[next]
    next += 1
    schedule.send(.meet(partner: Int32(j)), to: ChannelID(agent: i), after: 0)
    schedule.send(.meet(partner: Int32(i)), to: ChannelID(agent: j), after: 0)
  }
}

func scriptedSociety(_ rule: PopulationAgent.MemoryRule, memory: Int, agents: Int, script: [(Int, Int)]) -> [PopulationAgent] {
  var constants = QLearningConstants()
  constants.initialExploration = 0
  let members = (0..<agents).map { _ in
    PopulationAgent(learner: CompactQLearner(states: 5, constants: constants), rule: rule, memorySize: memory)
  }
  var society = Society(agents: members, environment: ScriptedPairs(script: script))
  var random = Random(seed: 1)
  for _ in 0..<(2 * script.count) { society.step(random: &random) }
  return society.agents
}

@Test func firstMetRemembersTheFirstPartnersForever() {
  let agents = scriptedSociety(.firstMet, memory: 2, agents: 5, script: [(0, 1), (0, 2), (0, 3), (0, 4), (0, 1), (0, 3)])
  #expect(agents[0].remembered == [1, 2])
  // Meetings with 1 the second time is remembered; 3 never is.
  #expect(agents[0].encounters == 6 && agents[0].rememberedEncounters == 1)
  // Everyone trades (greedy 0, no exploration): wellbeing 3 each time.
  #expect(agents[0].totalWellbeing == 18)
}

@Test func lastNewlyMetForgetsTheOldestNewPartner() {
  let agents = scriptedSociety(.lastNewlyMet, memory: 2, agents: 5, script: [(0, 1), (0, 2), (0, 1), (0, 3), (0, 1), (0, 2)])
  // 1 and 2 are new; 1 again (remembered, stays in place); 3 evicts 1; so 1 is new again and evicts 2; 2 evicts 3.
  #expect(agents[0].remembered.sorted() == [1, 2])
  #expect(agents[0].rememberedEncounters == 1)
}

@Test func rememberedPartnerProbability() {
  var settings = GrowingPopulationProtocol()
  settings.memorySize = 3
  #expect(settings.rememberedPartnerProbability(population: 4) == 1)
  #expect(settings.rememberedPartnerProbability(population: 7) == 0.5)
}

@Test func experimentTwoAtSmokeScale() throws {
  let experiment = ExperimentTwoExperiment()
  let parameters = try Parameters(experiment.parameters, scale: .smoke)
  let result = try experiment.run(in: RunContext(experimentID: experiment.id, scale: .smoke, seed: 1, parameters: parameters, jobs: 2))
  #expect(result.claims.map(\.claim.id) == ["np.exp2.population", "np.exp2.forgetting"])
  // One cell per memory semantics.
  #expect(result.claims[0].map.cells.map { $0.reading.map(\.value) } == [["lastNewlyMet"], ["firstMet"], ["lastNewlyMetStranger"]])
  #expect(result.figures.count == 2)
  // Measured re-meeting rates track min(n, N − 1) / (N − 1) (smoke runs are short: within 0.1).
  let table = result.tables[0]
  for row in table.rows {
    guard case .real(let measured, _) = row[4], case .real(let predicted, _) = row[5] else { Issue.record("bad row"); continue }
    #expect(abs(measured - predicted) < 0.1)
  }
}

@Test func forgettingIntoTheStrangerStateBootstrapsFromIt() {
  // Memory of 1, FIFO: meeting 2 forgets 1. With terminal forgetting the forgotten meeting is trained
  // towards its reward alone; into the stranger state, towards reward + γ Q(stranger, greedy).
  func q(_ forgetting: PopulationAgent.Forgetting) -> Double {
    var constants = QLearningConstants()
    constants.initialExploration = 0
    constants.learningRate = 0.5
    let members = (0..<3).map { _ in
      PopulationAgent(learner: CompactQLearner(states: 5, constants: constants), rule: .lastNewlyMet, memorySize: 1, forgetting: forgetting)
    }
    var society = Society(agents: members, environment: ScriptedPairs(script: [(0, 1), (0, 2)]))
    var random = Random(seed: 1)
    for _ in 0..<4 { society.step(random: &random) }
    return society.agents[0].learner.value(PopulationAgent.strangerState, 0)
  }
  // The first meeting (stranger, trade, reward 3) is trained when 1 is forgotten; then the meeting with
  // 2 is one more from the stranger state, but 2 is remembered, so not yet trained.
  #expect(q(.terminal) == 0.5 * 1 + 0.5 * 3)
  #expect(q(.stranger) == 0.5 * 1 + 0.5 * (3 + 0.99 * 1))
}
