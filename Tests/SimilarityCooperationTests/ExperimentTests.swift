import LabKit
import Testing

@testable import SimilarityCooperation

/// Every experiment at smoke scale: declarations, controls, headlines and values of its tables.
@Suite struct ExperimentTests {
  static func run(_ experiment: any Experiment, jobs: Int = 2, overrides: [String: String] = [:]) throws -> ExperimentResult {
    try experiment.run(scale: .smoke, seed: 1, jobs: jobs, overrides: overrides)
  }

  static func column(_ table: Table, _ name: String) -> [String] { table.column(name)! }

  @Test func everyExperimentDeclaresCleanlyAndEveryControlFlips() throws {
    for experiment in SimilarityCooperation.paper.experiments {
      #expect(experiment.declarationProblems.isEmpty, "\(experiment.id): \(experiment.declarationProblems)")
      let result = try Self.run(experiment)
      #expect(result.claims.map(\.claim.id) == experiment.claims.map(\.id))
      for claim in result.claims {
        #expect(claim.control?.flipped == true, "\(claim.claim.id): control gave \(String(describing: claim.control?.verdict))")
      }
    }
  }

  @Test func baseGame() throws {
    let result = try Self.run(BaseGameExperiment())
    #expect(result.claims.map(\.headline) == [.holds])
    #expect(result.claims[0].control?.verdict == .fails)
    #expect(result.tables.map(\.id) == ["sbc.table-1.payoffs", "sbc.table-1.dilemma", "sbc.table-1.geometry"])
    #expect(result.tables[0].rows.map { $0.map(\.text) } == [["cooperate", "3, 3", "0, 4"], ["defect", "4, 0", "1, 1"]])
    #expect(Self.column(result.tables[1], "prisoner's dilemma") == ["no", "no", "no", "no", "no", "yes", "yes", "yes", "yes", "yes"])
    #expect(result.tables[2].rows[3].map(\.text) == ["individually rational payoffs", "(1, 1), (3.66667, 1), (3, 3), (1, 3.66667)"])
    #expect(result.figures.map(\.id) == ["sbc.payoff-geometry"])
    // Not a PD below G = 1: the parameter's range refuses it, naming the parameter.
    #expect(throws: LabError.self) { try Self.run(BaseGameExperiment(), overrides: ["gain": "0.5"]) }
  }

  @Test func thresholds() throws {
    let result = try Self.run(ThresholdExampleExperiment())
    #expect(
      result.claims.map(\.claim.id) == ["sbc.threshold-example", "sbc.threshold-equilibrium", "sbc.threshold-intuition", "sbc.symmetric-equilibria"])
    #expect(result.claims.prefix(3).allSatisfy { $0.headline == .holds })
    // The symmetric claim is judged under both couplings of the noise; the text's (independent) holds.
    let symmetric = result.claims[3].map
    #expect(symmetric.cells.map { $0.reading.map(\.value) } == [["independent"], ["common"]])
    #expect(symmetric.cells[0].verdict == .holds)
    #expect(Self.column(result.tables[0], "closed form") == ["0.250000", "0.500000", "2.250000", "1.250000"])
    #expect(Self.column(result.tables[1], "ratio").filter { $0 != "–" }.allSatisfy { $0 == "0.5000" })
    let map = result.tables[2]
    // Grid −X/2, −X/4, …, 3X/2: symmetric equilibria θ ∈ {0, X/4, …, X}; with real thresholds also every
    // profile with both thresholds ≤ 0 (never cooperating), asymmetric ones included.
    #expect(map.rows[0].map(\.text) == ["thresholds θ ≥ 0", "49", "5", "5", "0", "0"])
    #expect(map.rows[1].map(\.text) == ["every real threshold", "81", "13", "7", "6", "0"])
    #expect(Self.column(result.tables[3], "lowest").prefix(6) == ["0.2500", "0.5000", "1.0000", "1.0000", "1.0000", "1.0000"])
    #expect(result.figures.map(\.id) == ["sbc.threshold-landscape", "sbc.best-response"])
    // At G = 1.5 full cooperation is no longer an equilibrium, and the verdicts say so.
    let low = try Self.run(ThresholdExampleExperiment(), overrides: ["gain": "1.5", "samples": "1000", "mapStep": "0.5"])
    #expect(low.claims[1].headline == .fails && low.claims[2].headline == .fails)
    // With Gaussian noise the example's probabilities are Φ(1/4) and Φ(1/2), not 1/4 and 1/2.
    let gaussian = try Self.run(ThresholdExampleExperiment(), overrides: ["noiseFamily": "gaussian", "samples": "1000", "mapStep": "0.5"])
    #expect(gaussian.claims[0].headline == .fails)
    #expect(Self.column(gaussian.tables[0], "closed form").prefix(2) == ["0.598706", "0.691462"])
  }

  @Test func noise() throws {
    let result = try Self.run(NoiseExperiment())
    #expect(result.claims[0].headline == .holds)
    let meanZero = result.claims[1].map
    #expect(meanZero.cells.map { $0.reading.map(\.value) } == [["gaussian"], ["laplace"], ["logistic"]])
    #expect(meanZero.cells[0].verdict == .holds)
    #expect(Self.column(result.tables[0], "1 − G/2 (notes)").prefix(3) == ["0.25", "0.05", "0.005"])
    #expect(result.tables[1].rows[0][0].text == "N(0, 0.001²)")
    #expect(result.figures.map(\.id) == ["sbc.equilibrium-region", "sbc.mean-zero-noise"])
    // Away from the critical gain the mean-zero statement no longer holds (G = 3 cooperates about 96%).
    let three = try Self.run(NoiseExperiment(), overrides: ["criticalGain": "3", "gainStep": "1", "profileStep": "1", "meanZeroFamily": "gaussian"])
    #expect(three.claims[1].headline == .fails)
  }

  @Test func folkTheorem() throws {
    let result = try Self.run(FolkTheoremExperiment())
    #expect(result.claims.map(\.headline) == [.holds])
    #expect(result.claims[0].claim.claimClass?.name == "consistency")
    let summary = result.tables[0]
    let rational = Self.column(summary, "individually rational")
    #expect(rational == Self.column(summary, "of them equilibria"))
    #expect(Self.column(summary, "not individually rational") == Self.column(summary, "of them not equilibria"))
    #expect(Int(rational[0])! > 0 && Int(rational[1])! > 0)
  }

  @Test func repeatedGame() throws {
    let result = try Self.run(RepeatedPrisonersDilemmaExperiment())
    let map = result.claims[0].map
    // The classic cooperative strategies all cooperate with each other: the claim depends on the pool.
    #expect(map.cells.map { $0.reading.map(\.value) } == [["all"], ["classic"], ["cyclic"]])
    #expect(map.cells.map(\.verdict) == [.holds, .fails, .holds])
    #expect(map.cells[1].estimate == 0)
    #expect(result.claims[0].headline == .depends)
    let table = result.tables[0]
    #expect(Self.column(table, "Nash equilibrium").allSatisfy { $0 == "yes" })
    #expect(table.rows[4].map(\.text).prefix(3) == ["70% / 100%", "0.70", "1.00"])
    #expect(Self.column(table, "smallest δ (0.01 grid)").prefix(4) == ["0.34", "0.34", "0.50", "0.01"])
    // With little patience the cyclic profiles stop being equilibria.
    let impatient = try Self.run(RepeatedPrisonersDilemmaExperiment(), overrides: ["discountFactor": "0.5", "strategyPool": "all"])
    #expect(impatient.claims[0].headline == .fails)
  }

  @Test func learning() throws {
    let result = try Self.run(LearnedCooperationExperiment())
    #expect(result.claims.map(\.claim.id) == ["sbc.learned-cooperation", "sbc.diff-gradient"])
    #expect(result.tables.map(\.id) == ["sbc.learning.summary", "sbc.learning.map", "sbc.learning.pretraining", "sbc.learning.seeds"])
    #expect(result.tables[3].rows.count == 4 * LearningMethod.allCases.count)
    #expect(result.figures.map(\.id) == ["sbc.learning-cooperation", "sbc.learning-payoffs", "sbc.cooperation-curves"])
    // One reading at a time around the base: 2 more probe ranges, 2 noise scales, 3 values of G, the other
    // network size and the long best response: 10 reading cells, each judged after 1, 2 and 3 ABR rounds.
    let cells = result.claims[0].map.cells
    #expect(cells.count == 30)
    #expect(Set(cells.map(\.reading)).count == 10)
    #expect(cells.allSatisfy { $0.n == 4 })
    #expect(result.claims[1].map.cells.count == 30)
    // The game control: with the noise inside the probe range the hand-built pair is an equilibrium in every reading.
    #expect(Self.column(result.tables[1], "game control: best deviation gain").allSatisfy { $0 == "0.000" })
  }

  @Test func outputsDoNotDependOnTheNumberOfJobs() throws {
    for experiment in [LearnedCooperationExperiment(), ThresholdExampleExperiment(), FolkTheoremExperiment()] as [any Experiment] {
      let one = try Self.run(experiment, jobs: 1)
      let three = try Self.run(experiment, jobs: 3)
      #expect(one.tables == three.tables, "\(experiment.id)")
      #expect(one.figures == three.figures)
      #expect(one.claims == three.claims)
    }
  }
}
