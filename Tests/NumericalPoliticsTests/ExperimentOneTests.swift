import GameTheory
import LabKit
import Testing

@testable import NumericalPolitics

@Test func policyNumberingFollowsTheCode() {
  // Table 2.2: trade after TT, steal after TS and ST, trade after SS: bits 1 and 2, id 6.
  #expect(OneStepPolicy.tableTwoTwo.id == 6 && OneStepPolicy.tableTwoTwo.moves == "TSST")
  #expect(OneStepSociety.tableTwoTwo.hex == "0x66")
  #expect(OneStepPolicy(FiniteMemoryStrategy.winStayLoseShift) == .tableTwoTwo)
  #expect(OneStepPolicy(FiniteMemoryStrategy.titForTat) == .titForTat)
  // Grudger's move depends on more than the last outcome.
  #expect(OneStepPolicy(FiniteMemoryStrategy.grudger) == nil)
}

@Test func deterministicPlayOfTheTextsSocieties() {
  // Mutual tit-for-tat: TT, SS and the alternation TS ↔ ST (§2.2.1).
  #expect(OneStepSociety.titForTat.attractors == [[0], [1, 2], [3]])
  // Table 2.2 by both returns to mutual trading from anywhere.
  #expect(OneStepSociety.tableTwoTwo.attractors == [[0]])
  // Always steal against Table 2.2: 4, 1, 4, 1, ...: average 2.5.
  let stealer = OneStepSociety(.alwaysSteal, .tableTwoTwo)
  #expect(stealer.longRunWellbeing(from: 0).first == 2.5)
  // Discounted values by hand: mutual stealing 1 / (1 − γ); alternating from TS 4 / (1 − γ²).
  #expect(abs(OneStepSociety.titForTat.discountedWellbeing(from: 3, discount: 0.99) - 100) < 1e-9)
  #expect(abs(OneStepSociety.titForTat.discountedWellbeing(from: 1, discount: 0.99) - 4 / (1 - 0.99 * 0.99)) < 1e-9)
}

@Test func stationaryWellbeingAgreesWithPowerIteration() {
  // Always trade by both, q = ε / 2 = 0.125: 3(1 − q)² + 4q(1 − q) + q² = 2.75.
  #expect(abs(OneStepSociety(0x00).averageWellbeing(exploration: 0.25) - 2.75) < 1e-12)
  // 0x66 by power iteration of the chain, written out independently.
  let q = 0.125
  var pi = [1.0, 0, 0, 0]
  for _ in 0..<2000 {
    var next = [0.0, 0, 0, 0]
    for joint in 0..<4 {
      let m0 = 6 >> joint & 1
      let m1 = 6 >> ((joint & 1) << 1 | joint >> 1) & 1
      for n0 in 0..<2 {
        for n1 in 0..<2 {
          let p0: Double = n0 == m0 ? 1 - q : q
          let p1: Double = n1 == m1 ? 1 - q : q
          next[n0 << 1 | n1] += pi[joint] * p0 * p1
        }
      }
    }
    pi = next
  }
  let table = [3.0, 0, 4, 1]
  var expected = 0.0
  for joint in 0..<4 {
    let mirror = (joint & 1) << 1 | joint >> 1
    expected += pi[joint] * (table[joint] + table[mirror]) / 2
  }
  #expect(abs(OneStepSociety.tableTwoTwo.averageWellbeing(exploration: 0.25) - expected) < 1e-12)
}

@Test func aPairWithoutExplorationKeepsItsPolicyAndConvergesAfterTheWindow() {
  var settings = ExperimentOneProtocol()
  settings.constants.initialExploration = 0
  settings.convergenceWindow = 1000
  settings.stepCap = 100_000
  var random = Random(seed: 3)
  let run = ExperimentOneRun.run(.tableTwoTwo, protocol: settings, random: &random)
  #expect(run.converged && run.final == .tableTwoTwo)
  // The first step trains nothing; both counters pass the window after window + 2 steps.
  #expect(run.steps == 1002)
  #expect(run.windowWellbeing == 3)
}

@Test func alwaysStealAgainstTableTwoTwoInTheFramework() {
  // A learner preset to always steal with no exploration, against a Table 2.2 learner: the rounds
  // alternate 4 and 1 for the stealer (its wellbeing average 2.5), as long as neither policy changes.
  var settings = ExperimentOneProtocol()
  settings.constants.initialExploration = 0
  settings.constants.learningRate = 1e-9
  settings.convergenceWindow = 1_000_000
  settings.stepCap = 1000
  settings.sampleInterval = 1000
  var random = Random(seed: 3)
  let run = ExperimentOneRun.run(OneStepSociety(.alwaysSteal, .tableTwoTwo), protocol: settings, random: &random)
  #expect(run.final == OneStepSociety(.alwaysSteal, .tableTwoTwo))
  // Mean over both agents: stealer 2.5, Table 2.2 agent (0 + 1) / 2.
  #expect(abs(run.windowWellbeing - (2.5 + 0.5) / 2) < 1e-2)
}

@Test func experimentOneAtSmokeScale() throws {
  let experiment = ExperimentOneExperiment()
  let parameters = try Parameters(experiment.parameters, scale: .smoke)
  let result = try experiment.run(in: RunContext(experimentID: experiment.id, scale: .smoke, seed: 1, parameters: parameters, jobs: 2))
  #expect(result.claims.map(\.claim.id) == experiment.claims.map(\.id))
  // The exact claims hold whatever the runs do.
  let exact = ["np.exp1.optimum", "np.exp1.unexploitable", "np.exp1.wsls"]
  #expect(result.claims.filter { exact.contains($0.claim.id) }.allSatisfy { $0.headline == .holds })
  #expect(result.tables.map(\.id).contains("np.exp1.tit-for-tat-departures"))
  #expect(result.figures.count == 6)
  // The same seed gives the same result with one job.
  let serial = try experiment.run(in: RunContext(experimentID: experiment.id, scale: .smoke, seed: 1, parameters: parameters, jobs: 1))
  #expect(serial.tables == result.tables)
}

@Test func frozenLearnersNeverLeaveMutualTitForTat() {
  var settings = ExperimentOneProtocol()
  settings.constants.learningRate = 1e-9
  settings.stepCap = 10_000
  var random = Random(seed: 3)
  #expect(PolicyDeparture.first(from: .titForTat, protocol: settings, random: &random) == nil)
  // Learners that learn fast and explore leave it, and the change is reported with its state.
  var learning = ExperimentOneProtocol()
  learning.constants.learningRate = 0.5
  learning.stepCap = 100_000
  var other = Random(seed: 3)
  let departure = PolicyDeparture.first(from: .titForTat, protocol: learning, random: &other)
  #expect(departure != nil)
  if let departure { #expect((0..<4).contains(departure.state) && departure.newMove == 1 - (OneStepPolicy.titForTat.id >> departure.state & 1)) }
}
