import LabKit
import Testing

@testable import ModalAgents

/// Every experiment at smoke scale: the verdicts, and values of its tables.
@Suite struct ExperimentTests {
  static func run(_ experiment: any Experiment, jobs: Int = 2, overrides: [String: String] = [:]) throws -> ExperimentResult {
    let parameters = try Parameters(experiment.parameters, scale: .smoke, overrides: overrides)
    return try experiment.run(in: RunContext(experimentID: experiment.id, scale: .smoke, seed: 1, parameters: parameters, jobs: jobs))
  }

  static func cell(_ table: Table, row: Int, column: String) -> String {
    table.rows[row][table.columns.firstIndex(of: column)!].text
  }

  /// Every experiment at smoke scale: declarations are sound, and every claim's control flips.
  @Test func everyControlFlips() throws {
    for experiment in ModalAgents.paper.experiments {
      #expect(experiment.declarationProblems.isEmpty, "\(experiment.id): \(experiment.declarationProblems)")
      let result = try Self.run(experiment)
      #expect(result.claims.map(\.claim.id) == experiment.claims.map(\.id))
      for claim in result.claims {
        #expect(claim.claim.claimClass != nil, "\(claim.claim.id) has no class")
        #expect(claim.control?.flipped == true, "\(claim.claim.id): control \(String(describing: claim.control))")
      }
    }
  }

  @Test func informationStructures() throws {
    let result = try Self.run(StrategicTimeExperiment())
    #expect(result.claims.map(\.headline) == [.holds])
    #expect(result.claims[0].control?.verdict == .fails)
    let table = result.tables[0]
    #expect(table.rows.map { $0[2].text } == ["(D, D)", "(D, D)", "(D, D)", "(C, C)", "none: budget of 1000000 runs exhausted"])
    #expect(table.rows.map { $0[3].text } == ["(1, 1)", "(1, 1)", "(1, 1)", "(3, 3)", "–"])
    // With a stag hunt instead of a PD the conclusion changes, and the verdict says so.
    let staghunt = try Self.run(StrategicTimeExperiment(), overrides: ["temptation": "2"])
    #expect(staghunt.claims.map(\.headline) == [.fails])
  }

  @Test func robustCooperation() throws {
    let result = try Self.run(RobustCooperationExperiment())
    #expect(
      result.claims.map(\.claim.id) == [
        "ma.fairbot-self", "ma.fairbot-basics", "ma.program-equilibrium", "ma.prudentbot",
        "ma.rank0-fairbot-cooperatebot", "ma.justbot",
      ])
    #expect(result.claims.allSatisfy { $0.headline == .holds })
    // The universal claims are judged in both opponent spaces.
    #expect(result.claims[2].map.cells.map { $0.reading.map(\.value) } == [["rankZero"], ["library"]])
    #expect(result.claims[2].map.cells.map(\.verdict) == [.holds, .holds])
    #expect(result.claims[2].map.cells.map(\.n) == [322, 16])
    #expect(result.claims.map { $0.control?.verdict } == Array(repeating: .fails, count: 6))
    #expect(
      result.tables.map(\.id) == ["ma.library.agents", "ma.library.matrix", "ma.robust-cooperation.facts", "ma.robust-cooperation.enumeration"])
    let matrix = result.tables[1]
    #expect(matrix.rows[2].map(\.text).joined(separator: " ") == "FairBot C D C C C C C D C C D D C D D D")
    #expect(matrix.rows[5].map(\.text).joined(separator: " ") == "PrudentBot D D C D D C C D C D D D D D D D")
    let facts = result.tables[2]
    #expect(facts.rows.allSatisfy { $0.last!.text == "yes" })
    #expect(Self.cell(facts, row: 6, column: "proved in") == "PA+2")
    let enumeration = result.tables[3]
    #expect(enumeration.rows.map { $0[1].text } == ["2", "6", "14", "58", "242"])
    #expect(enumeration.rows.map { $0[3].text } == ["1", "4", "5", "28", "108"])
    #expect(enumeration.rows.map { $0[3].text } == enumeration.rows.map { $0[4].text })
    #expect(enumeration.rows.map { $0[8].text } == ["0", "0", "1", "1", "8"])
    #expect(result.figures.map(\.id) == ["ma.library-matrix"])
    let rank0 = result.claims[4].evidence
    #expect(rank0.measuredJSON["first such agent"]?.stringValue == "¬□them(me) (E12)")
    #expect(rank0.measuredJSON["evaluator disagreements"]?.numberValue == 0)
  }

  @Test func robustCooperationIsTheSameForEveryJobCount() throws {
    let one = try Self.run(RobustCooperationExperiment(), jobs: 1, overrides: ["enumerationSize": "4"])
    let two = try Self.run(RobustCooperationExperiment(), jobs: 2, overrides: ["enumerationSize": "4"])
    #expect(one.tables == two.tables)
    #expect(one.figures == two.figures)
    #expect(one.claims == two.claims)
  }

  @Test func strategicLoops() throws {
    let result = try Self.run(LoopsExperiment())
    #expect(
      result.claims.map(\.claim.id) == [
        "ma.contrarian-self", "ma.raifbot-self", "ma.simulation-loops", "ma.unstable-loop", "ma.crystal-ball-preferences",
      ])
    #expect(result.claims.allSatisfy { $0.headline == .holds && $0.control?.verdict == .fails })
    let selfPlay = result.tables[0]
    #expect(
      selfPlay.rows.map { "\($0[0].text) \($0[2].text) \($0[3].text) \($0[4].text) \($0[5].text)" } == [
        "FairBot C yes 111111… ⊤", "ContrarianBot C neither 011111… ¬□⊥", "RaifBot D its negation 000000… ⊥",
        "UnfairBot D neither 100000… □⊥", "PrudentBot C yes 111111… ⊤", "MagicBot C yes 111111… ⊤",
        "BallBot_CD C yes 111111… ⊤", "BallBot_DC D its negation 000000… ⊥",
      ])
    let ball = result.tables[1]
    #expect(ball.rows.map { $0[3].text } == ["C", "C", "D", "D", "none", "C", "D", "none", "none", "none", "none", "none", "1"])
    let simulation = result.tables[2]
    #expect(simulation.rows.prefix(5).map { $0[3].text } == ["1", "10", "100", "1000", "10000"])
    #expect(result.figures.map(\.id) == ["ma.traces"])
  }

  @Test func waitFairBot() throws {
    let result = try Self.run(WaitFairExperiment())
    #expect(result.claims.map(\.headline) == [.holds])
    #expect(result.claims[0].map.cells.map(\.verdict) == [.holds, .holds])
    #expect(result.claims[0].control?.verdict == .fails)
    let library = result.tables[0]
    let thresholds = Dictionary(uniqueKeysWithValues: library.rows.map { ($0[0].text, $0[3].text) })
    #expect(thresholds["FairBot"] == "1")
    #expect(thresholds["FairBot_2"] == "3")
    #expect(thresholds["PrudentBot"] == "1")
    #expect(thresholds["WaitFairBot_5"] == "6")
    #expect(thresholds["DefectBot"] == "0")
    #expect(thresholds["ContrarianBot"] == "– (cooperates with DefectBot)")
    #expect(Self.cell(library, row: 13, column: "K with mutual cooperation") == "1–12")
  }

  @Test func letterlessFixedPoints() throws {
    let result = try Self.run(LetterlessExperiment())
    #expect(result.claims.map(\.headline) == [.holds])
    #expect(result.claims[0].evidence.measuredJSON["agreeing after mutation"]?.numberValue == 0)
    #expect(result.tables[0].rows.map { $0[2].text } == ["01111111…", "11111111…", "10000000…", "00000000…", "00111111…", "10111111…", "11011111…"])
    #expect(result.tables[1].rows.map { $0[3].text } == ["128", "128", "128"])
  }

  @Test func polynomialTime() throws {
    let result = try Self.run(CostExperiment())
    let claim = result.claims[0]
    #expect(claim.headline == .holds)
    // One trend per family over the four smoke sizes; the brute-force control fails in both.
    #expect(claim.map.trends.count == 2)
    #expect(claim.map.cells.count == 8)
    #expect(claim.control?.verdict == .fails)
    let fit = result.tables[0]
    guard case .real(let waiting, _) = fit.rows[0][5], case .real(let random, _) = fit.rows[1][5] else {
      Issue.record("no exponents")
      return
    }
    #expect(abs(waiting - 2) < 0.2)
    #expect(random > 0.8 && random < 1.6)
    // The evaluator never exceeds the proven bound (K + B + 2) · size.
    guard case .real(let ratio, _) = fit.rows[0][4] else {
      Issue.record("no cost / bound ratio in \(fit.rows[0][4])")
      return
    }
    #expect(ratio <= 1)
  }

  @Test func figuresAreWellFormedSVG() throws {
    let experiments: [any Experiment] = [RobustCooperationExperiment(), LoopsExperiment(), CostExperiment()]
    let results = try experiments.map { try Self.run($0) }
    for figure in results.flatMap(\.figures) {
      #expect(figure.svg.hasPrefix("<?xml") || figure.svg.hasPrefix("<svg"))
      #expect(figure.svg.hasSuffix("</svg>\n") || figure.svg.hasSuffix("</svg>"))
    }
  }
}
