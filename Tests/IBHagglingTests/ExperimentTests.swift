import LabKit
import Testing

@testable import IBHaggling

/// Every experiment at smoke scale: its claims, and values of its tables.
@Suite struct ExperimentTests {
  static func run(_ experiment: any Experiment, jobs: Int = 2, overrides: [String: String] = [:]) throws -> ExperimentResult {
    try experiment.run(scale: .smoke, seed: 1, jobs: jobs, overrides: overrides)
  }

  static func column(_ table: Table, _ name: String) -> [String] { table.column(name)! }

  static func measured(_ result: ExperimentResult, _ claim: String, _ name: String) -> JSONValue? {
    result.claims.first { $0.claim.id == claim }?.evidence.measuredJSON[name]
  }

  @Test func paperListsEveryExperimentAndClaim() {
    let ids = IBHaggling.paper.experiments.flatMap { $0.claims.map(\.id) }
    #expect(
      ids == [
        "ibh.tit-for-tat", "ibh.epsilon-defect", "ibh.grim-trap", "ibh.top-never-falsified", "ibh.proposition-1", "ibh.proposition-2",
        "ibh.stag-hunt", "ibh.pd-opening", "ibh.pd-similar", "ibh.pd-slightly-fewer", "ibh.pd-different", "ibh.downward-closure",
        "ibh.two-player-cycles", "ibh.schelling-pub", "ibh.schelling-points", "ibh.cake-splitting", "ibh.three-player-demands",
        "ibh.coalition-sets", "ibh.multiplayer-cycles",
      ])
    #expect(IBHaggling.paper.prefix == "ibh")
    #expect(IBHaggling.paper.benchmarks.map(\.id).contains("ibh.updates.pd.N8"))
  }

  @Test func hypotheses() throws {
    let result = try Self.run(HypothesesExperiment())
    #expect(result.claims.map(\.verdict) == [.reproduced, .reproduced, .reproduced, .reproduced])
    let counts = result.tables[0]
    #expect(Self.column(counts, "formula") == ["9", "49", "249", "1129", "4929", "20569", "84609"])
    #expect(Self.column(counts, "2 players, 2 actions: enumerated").prefix(4) == ["9", "49", "249", "1129"])
    let examples = result.tables[1]
    #expect(Self.column(examples, "lim γ→1 V(h, γ)") == ["1", "2", "2", "5/2", "2", "4/3", "3", "2"])
    #expect(Self.column(examples, "resettable") == ["yes", "yes", "no", "yes", "yes", "yes", "yes", "yes"])
    #expect(Self.column(examples, "deterministic RDP") == ["no", "yes", "yes", "yes", "no", "no", "no", "no"])
    #expect(Self.column(result.tables[3], "they are the rotations of C^(n−1) D").allSatisfy { $0 == "yes" })
    #expect(Self.measured(result, "ibh.grim-trap", "largest reward after a defection")?.numberValue == 1)
  }

  /// Regression: under the discounted ranking demands are not exact; the opening check compares them as
  /// numbers, so (D, D) openings with exploitation first hold there too.
  @Test func pdOpeningUnderTheDiscountedRanking() throws {
    let result = try Self.run(
      PrisonersDilemmaExperiment(), overrides: ["ranking": "discounted", "deals": "literal", "prior": "descriptionLength", "maximumStates": "4"])
    #expect(Self.measured(result, "ibh.pd-opening", "runs with exploitation first")?.numberValue == 20)
    #expect(Self.measured(result, "ibh.pd-opening", "runs with falling demands")?.numberValue == 20)
    #expect(result.claims.first { $0.claim.id == "ibh.pd-opening" }?.map.cells.map(\.verdict) == [.holds])
  }

  @Test func guarantees() throws {
    let result = try Self.run(GuaranteesExperiment())
    #expect(result.claims.map(\.verdict) == [.reproduced, .reproduced])
    #expect(Self.column(result.tables[0], "bound violated").allSatisfy { $0 == "0" })
    // |H_γ| follows from the thresholds alone: t_j = max(1 − 1/(3 j² N_j² R), t_{j−1}) with R = 3.
    #expect(Self.column(result.tables[1], "|H_γ|") == ["1", "1", "5", "11", "35", "83"])
    #expect(result.figures.map(\.id) == ["ibh.proposition-1-shortfall"])
  }

  @Test func stagHunt() throws {
    let result = try Self.run(GeneralisedStagHuntExperiment())
    #expect(result.claims.map(\.claim.id) == ["ibh.stag-hunt"])
    let table = result.tables[0]
    // Synchronous and asynchronous starts, each over N = 2 … 5 (2 players) and 2 … 4 (3 players).
    #expect(table.rows.count == 2 * (4 + 3))
    #expect(Self.column(table, "start") == Array(repeating: "synchronous", count: 7) + Array(repeating: "asynchronous", count: 7))
    // N = 2, synchronous: every password has one symbol, so every run converges.
    let rows = table.rows.filter { $0[0].text == "synchronous" && $0[2].text == "2" }
    #expect(rows.map { $0[6].text } == ["1.000", "1.000"])
    #expect(Self.column(table, "hypotheses per agent").prefix(7) == ["9", "49", "249", "1129", "17", "161", "1457"])
    // One trend per (start, players) with at least three N ≥ 3: at smoke scale the 3-player sweep
    // (N = 2 … 4) has only two, so only the 2-player trends are fitted.
    #expect(result.claims[0].map.trends.map { $0.reading.map(\.value) } == [["synchronous", "2"], ["asynchronous", "2"]])
  }

  @Test func prisonersDilemma() throws {
    let result = try Self.run(PrisonersDilemmaExperiment())
    #expect(
      result.claims.map(\.claim.id) == ["ibh.pd-opening", "ibh.pd-similar", "ibh.pd-slightly-fewer", "ibh.pd-different", "ibh.downward-closure"])
    #expect(result.claims[4].verdict == .reproduced)
    #expect(Self.measured(result, "ibh.pd-opening", "runs with exploitation first")?.numberValue == 20)
    #expect(Self.measured(result, "ibh.pd-opening", "runs with falling demands")?.numberValue == 20)
    #expect(Self.measured(result, "ibh.downward-closure", "final demand above the payoff realised")?.numberValue == 0)
    // Every run of every scenario is classified.
    let outcomes = result.tables[0]
    for scenario in ["red", "green", "violet", "green, > R"] {
      #expect(outcomes.rows.filter { $0[0].text == scenario }.reduce(0) { $0 + Int($1[2].text)! } == 20)
    }
    #expect(result.figures.map(\.id) == ["ibh.pd-demand-trajectories", "ibh.pd-final-payoffs"])
  }

  @Test func prisonersDilemmaIsTheSameForEveryJobCount() throws {
    let one = try Self.run(PrisonersDilemmaExperiment(), jobs: 1, overrides: ["runs": "6", "maximumStates": "4"])
    let two = try Self.run(PrisonersDilemmaExperiment(), jobs: 2, overrides: ["runs": "6", "maximumStates": "4"])
    #expect(one.tables == two.tables)
    #expect(one.figures == two.figures)
    #expect(one.claims == two.claims)
  }

  @Test func randomTwoPlayerGames() throws {
    let result = try Self.run(RandomTwoPlayerExperiment())
    #expect(result.claims.map(\.claim.id) == ["ibh.two-player-cycles"])
    let table = result.tables[0]
    #expect(Self.column(table, "runs") == ["16", "16"])
    // Judged on the trend of the 3 × 3 counterexample rate over N = 2, 3, 4 (smoke sizes), under each
    // of the four judgement readings ("close" 0.05 or 0.2 of the range × pure or mixed minimax).
    #expect(result.claims[0].map.trends.map(\.sizes) == Array(repeating: [2, 3, 4], count: 4))
    #expect(
      result.claims[0].map.trends.map { $0.reading.map(\.value) } == [
        ["0.05 × range", "pure"], ["0.05 × range", "mixed"], ["0.2 × range", "pure"], ["0.2 × range", "mixed"],
      ])
    #expect(result.claims[0].map.cells.count == 4 * 3)
  }

  @Test func schelling() throws {
    let result = try Self.run(SchellingExperiment())
    #expect(result.claims.map(\.claim.id) == ["ibh.schelling-pub", "ibh.schelling-points"])
    let minimax = result.tables[1]
    #expect(Self.column(minimax, "its action") == ["pub X", "pub Y"])
    #expect(Self.column(minimax, "payoffs when both play their minimax strategies") == ["(0, 0)", "(0, 0)"])
    #expect(Self.column(minimax, "payoffs") == ["(2, 1)", "(1, 2)"])
    #expect(Self.column(result.tables[2], "description length of the loop (bits)").first == "5")
  }

  @Test func multiplayer() throws {
    let result = try Self.run(MultiplayerExperiment())
    #expect(result.claims.map(\.claim.id) == ["ibh.cake-splitting", "ibh.three-player-demands", "ibh.coalition-sets", "ibh.multiplayer-cycles"])
    #expect(result.claims[2].verdict == .reproduced)
    #expect(Self.measured(result, "ibh.cake-splitting", "2/3 · 5/12 + 1/3 · 0")?.stringValue == "5/18")
    #expect(Self.measured(result, "ibh.cake-splitting", "first demands all 5/12")?.boolValue == true)
    let examples = result.tables.first { $0.id == "ibh.multiplayer.coalition-examples" }!
    #expect(Self.column(examples, "in U_C") == ["yes", "no", "yes", "yes", "yes", "yes", "no", "yes", "yes", "no", "yes"])
    #expect(Self.column(examples, "in U′_C") == ["yes", "no", "yes", "no", "yes", "yes", "no", "yes", "yes", "no", "yes"])
    #expect(result.figures.map(\.id) == ["ibh.cake-splitting-outcomes"])
    // Both examples are judged under the three readings of a deal, the three priors and the two
    // rankings, one reading at a time around the base reading.
    let reading = { (deals: String, prior: String, ranking: String) in
      [SettingItem("deals", deals), SettingItem("prior", prior), SettingItem("ranking", ranking)]
    }
    #expect(
      result.claims[0].map.cells.map(\.reading) == [
        reading("literal", "descriptionLength", "limit"), reading("partner-only", "descriptionLength", "limit"),
        reading("upward-relaxed", "descriptionLength", "limit"), reading("literal", "geometricStates", "limit"),
        reading("literal", "uniform", "limit"), reading("literal", "descriptionLength", "discounted"),
      ])
    #expect(result.claims[3].map.trends.count == 6)
    // The cycle conjecture's counterexamples are ranked by robustness in their own table.
    #expect(result.tables.contains { $0.id == "ibh.multiplayer.robust" })
  }
}
