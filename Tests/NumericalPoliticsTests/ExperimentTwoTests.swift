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
  #expect(result.claims.map(\.claim.id) == ["np.exp2.population"])
  #expect(result.figures.count == 2)
  // Measured re-meeting rates track min(n, N − 1) / (N − 1) (smoke runs are short: within 0.1).
  let table = result.tables[0]
  for row in table.rows {
    guard case .real(let measured, _) = row[4], case .real(let predicted, _) = row[5] else { Issue.record("bad row"); continue }
    #expect(abs(measured - predicted) < 0.1)
  }
}
