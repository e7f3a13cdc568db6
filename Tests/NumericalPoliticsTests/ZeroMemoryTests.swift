import Foundation
import LabKit
import Testing

@testable import NumericalPolitics

@Suite struct ZeroMemoryTests {
  @Test func checkpointMarksAreIncreasingAndEndAtTheTotal() {
    let marks = ZeroMemorySociety.checkpointMarks(total: 1_000_000, first: 10, count: 60)
    #expect(marks.first == 10)
    #expect(marks.last == 1_000_000)
    #expect(zip(marks, marks.dropFirst()).allSatisfy { $0 < $1 })
    #expect(ZeroMemorySociety.checkpointMarks(total: 5, first: 10, count: 60) == [5])
  }

  @Test func aLearnerAgainstAnyFixedOpponentLearnsQsMinusQtOfOne() throws {
    // Constant exploration 0.5 and a faster learning rate: Q_s − Q_t = 1 whatever the opponent does.
    let constants = QLearningConstants(
      learningRate: 0.05, discount: 0.9, initialQ: 0, initialExploration: 0.5,
      explorationDecay: 1, explorationFloor: 0)
    for p in [0.0, 0.5, 1.0] {
      var averages: [Double] = []
      for replicate in 0..<8 {
        let run = FixedOpponentLearning.run(
          tradeProbability: p, encounters: 40_000, constants: constants,
          random: Random(master: 1, stream: "test", replicate: replicate))
        #expect(run.stealingTime > 0.9)
        averages.append(run.averageDifference)
      }
      let interval = try ConfidenceInterval.mean(of: averages, level: 0.999)
      // Deterministic rewards (p = 0 or 1) converge exactly; p = 0.5 within its 99.9% interval.
      #expect(interval.contains(1) || abs(interval.estimate - 1) < 1e-9, "p = \(p): \(interval)")
    }
  }

  @Test func smokeScaleExperimentRunsAndChecksBothClaims() throws {
    let experiment = ZeroMemoryExperiment()
    let parameters = try Parameters(experiment.parameters, scale: .smoke)
    let context = RunContext(experimentID: experiment.id, scale: .smoke, seed: 1, parameters: parameters, jobs: 2)
    let result = try experiment.run(in: context)
    #expect(result.claims.map(\.claim.id) == ["np.zero-memory.q-difference", "np.zero-memory.steal", "np.zero-memory.steal-pair"])
    // The dynamic claims are judged one reading at a time around the base: 1 + 2 + 1 + 1 cells.
    #expect(result.claims[1].map.cells.count == 5 && result.claims[2].map.cells.count == 5)
    #expect(result.claims[0].map.cells.count == 4)
    #expect(result.tables.map(\.id) == ["np.zero-memory.societies", "np.zero-memory.fixed-opponents"])

    // Against an opponent that always steals or always trades the rewards are deterministic, so only
    // the transient remains: Q_s relaxes on 1/(α(1 − γ)) = 10⁴ updates, and averaging starts after 10⁵
    // encounters, so the average is within 0.01 of 1.
    let opponents = result.tables[1].rows
    #expect(opponents.map { $0[0].text } == ["0.00", "0.25", "0.50", "0.75", "1.00"])
    for row in [opponents[0], opponents[4]] {
      guard case .real(let difference, _) = row[1] else { Issue.record("no difference in \(row)"); continue }
      #expect(abs(difference - 1) < 0.01, "opponent \(row[0].text): \(difference)")
    }

    // A pair that starts stealing stays stealing (the independent Python implementation agrees), and its
    // wellbeing is close to its expectation 1 + ε.
    let societies = result.tables[0].rows
    #expect(
      societies.map { $0[0].text } == [
        "2 agents, all start greedy on trade", "2 agents, all start greedy on steal",
        "2 agents, random start", "4 agents, random start",
      ])
    #expect(societies[1][2].text == "4/4")
    #expect(societies[3][0].text == "4 agents, random start")
    guard case .real(let wellbeing, _) = societies[1][6], case .real(let expected, _) = societies[1][7] else {
      Issue.record("missing wellbeing in \(societies[1])")
      return
    }
    #expect(abs(wellbeing - expected) < 0.02)
    #expect(result.figures.map(\.id) == ["np.zero-memory.stealing", "np.zero-memory.q-difference", "np.zero-memory.wellbeing"])
  }

  @Test func decreasingLearningRatesAverageTheTargets() {
    // Under α = 1/n, Q after n updates with target r (γ = 0) is the mean of the targets: here exactly r.
    var constants = QLearningConstants(learningRate: 0.01, discount: 0, initialQ: 7, initialExploration: 0, explorationDecay: 1, explorationFloor: 0)
    constants.learningRateSchedule = .harmonic
    var learner = TabularQLearner(states: 1, actions: 2, constants: constants)
    learner.train(state: 0, action: 1, reward: 4, next: 0)
    #expect(learner.value(0, 1) == 4)  // α = 1: the initial value is forgotten at once
    learner.train(state: 0, action: 1, reward: 2, next: 0)
    #expect(learner.value(0, 1) == 3)  // α = 1/2: the mean of 4 and 2
    #expect(learner.updates == [0, 2])
    constants.learningRateSchedule = .power
    var power = TabularQLearner(states: 1, actions: 2, constants: constants)
    power.train(state: 0, action: 0, reward: 1, next: 0)
    power.train(state: 0, action: 0, reward: 0, next: 0)
    // α₂ = 2^−0.7: Q = 1 − 2^−0.7.
    #expect(abs(power.value(0, 0) - (1 - pow(2, -0.7))) < 1e-15)
    // The constant schedule keeps no counts.
    #expect(TabularQLearner(states: 1, actions: 2, constants: QLearningConstants()).updates.isEmpty)
  }

  @Test func runsAreIdenticalForEveryJobCount() throws {
    let experiment = ZeroMemoryExperiment()
    let overrides = ["encountersPerAgent": "2000", "replicates": "3"]
    func run(jobs: Int) throws -> ExperimentResult {
      let parameters = try Parameters(experiment.parameters, scale: .smoke, overrides: overrides)
      return try experiment.run(in: RunContext(experimentID: experiment.id, scale: .smoke, seed: 5, parameters: parameters, jobs: jobs))
    }
    let one = try run(jobs: 1)
    let two = try run(jobs: 2)
    #expect(one.tables == two.tables)
    #expect(one.figures == two.figures)
  }
}
