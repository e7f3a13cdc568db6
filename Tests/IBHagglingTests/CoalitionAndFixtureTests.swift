import Foundation
import GameTheory
import LabKit
import Testing

@testable import IBHaggling

/// Coalition conditions, relaxed deals, the independent Python values, and the command line.
@Suite struct CoalitionAndFixtureTests {
  @Test func orderedPartitions() {
    #expect(CoalitionAnalysis.orderedPartitions([0, 1, 2]).count == 13)
    #expect(CoalitionAnalysis.orderedPartitions([0, 1]).count == 3)
    #expect(Set(CoalitionAnalysis.orderedPartitions([0, 1, 2]).map { "\($0)" }).count == 13)
  }

  @Test func cakeStableCycles() throws {
    let cake = HagglingGames.cakeSplitting()
    // Players 1 and 2 name each other, player 3 names player 1: (5/12, 5/12, 0).
    let pair = [[0, 0, 0]]
    let pairPayoffs: [Double] = [5.0 / 12, 5.0 / 12, 0]
    #expect(cake.payoffs([0, 0, 0]) == pairPayoffs)
    let partition = try CoalitionAnalysis.explainingPartition(game: cake, cycle: pair, payoffs: cake.payoffs([0, 0, 0]))
    #expect(partition != nil)
    #expect(try CoalitionAnalysis.stableCycleFailure(game: cake, cycle: pair, payoffs: cake.payoffs([0, 0, 0]), partition: [[0, 1], [2]]) == nil)
    // Nobody paired (1 → 2, 2 → 3, 3 → 1): {1, 2} could guarantee both 5/12 > 1/3, so no structure explains it.
    let ring = [[0, 1, 0]]
    let third: Double = 1.0 / 3
    #expect(cake.payoffs([0, 1, 0]) == [third, third, third])
    #expect(try CoalitionAnalysis.explainingPartition(game: cake, cycle: ring, payoffs: cake.payoffs([0, 1, 0])) == nil)
    // The demand game's (2, 2, 0): Alice and Bob guarantee it; Charlie alone gets 0.
    let demands = HagglingGames.threePlayerDemands()
    #expect(try CoalitionAnalysis.explainingPartition(game: demands, cycle: [[1, 1, 2]], payoffs: [2, 2, 0]) != nil)
    #expect(try CoalitionAnalysis.downwardClosureContains(game: demands, [3, 3, 1]))
    #expect(try !CoalitionAnalysis.downwardClosureContains(game: demands, [3, 3, 3]))
  }

  @Test func relaxedDealsAllowEveryObservationOfTheSameReward() throws {
    let cake = HagglingGames.cakeSplitting()
    let view = try AgentView(game: cake, player: 0)
    let space = try HypothesisSpace(actionCount: 2, observationCount: 4, options: .init(maximumStates: 4, relaxedRewards: view.reward))
    // Player 1's rewards: naming 2 pays 5/12 (2 names 1), 1/3 or 0; naming 3 likewise: 3 classes per action... at most.
    let classes = (0..<2).map { Set(view.reward[$0]).count }
    #expect(space.dealAlphabet.count == classes.reduce(0, +))
    let literal = try HypothesisSpace(actionCount: 2, observationCount: 4, options: .init(maximumStates: 4))
    #expect(space.count < literal.count)
    let valuation = try HypothesisValuation(space: space, view: view)
    for h in 0..<space.count {
      let rdp = space.hypothesis(h)
      for (k, step) in space.loop(h).enumerated() {
        let s = space.password(h).count + k
        let allowed = rdp.possibleObservations(state: s, action: step.action)
        #expect(allowed == (0..<4).filter { view.reward[step.action][$0] == view.reward[step.action][step.observation] })
      }
      #expect(valuation.limitValues![h] == rdp.limitValue(reward: view.exactReward!))
    }
    // Tracking through the engine agrees with the materialised hypothesis.
    let random = Random(seed: 2)
    let spec = HagglerSpec(valuation: valuation, view: view)
    var agent = HagglerState(spec: spec, capacity: 40)
    let history = (0..<40).map { _ in (action: random.index(below: 2), observation: random.index(below: 4)) }
    agent.actions = history.map { UInt8($0.action) }
    agent.observations = history.map { UInt8($0.observation) }
    for k in 0..<spec.count {
      let alive = agent.catchUp(k, to: history.count)
      let expected = space.hypothesis(Int(spec.members[k])).state(after: history)
      #expect((alive ? Int(agent.state[k]) : nil) == expected)
    }
  }

  @Test func upwardRelaxedDealsAllowEveryObservationPayingAtLeastAsMuch() throws {
    // PD (2, 0, 3, 1): after C the deal (C, D) allows both observations (0 ≤ 2), (C, C) only C; after
    // D the deal (D, D) allows both (1 ≤ 3), (D, C) only C. Values are those of the literal hypotheses.
    let pd = HagglingGames.prisonersDilemma()
    let view = try AgentView(game: pd, player: 0)
    let options = HypothesisSpace.Options(maximumStates: 4, relaxedRewards: view.reward, relaxation: .atLeastReward)
    let space = try HypothesisSpace(actionCount: 2, observationCount: 2, options: options)
    let literal = try HypothesisSpace(actionCount: 2, observationCount: 2, options: .init(maximumStates: 4))
    #expect(space.count == literal.count)
    // Letters by action, then by reward: (C, D) allows {C, D}, (C, C) {C}, (D, D) {C, D}, (D, C) {C}.
    #expect(space.dealAlphabet.map(\.mask) == [0b11, 0b01, 0b11, 0b01])
    #expect(space.dealAlphabet.map(\.observation) == [1, 0, 1, 0])
    let valuation = try HypothesisValuation(space: space, view: view)
    let literalValuation = try HypothesisValuation(space: literal, view: view)
    for h in 0..<space.count {
      let rdp = space.hypothesis(h)
      for (k, step) in space.loop(h).enumerated() {
        let s = space.password(h).count + k
        let allowed = rdp.possibleObservations(state: s, action: step.action)
        #expect(allowed == (0..<2).filter { view.reward[step.action][$0] >= view.reward[step.action][step.observation] })
      }
      #expect(valuation.limitValues![h] == rdp.limitValue(reward: view.exactReward!))
    }
    #expect(valuation.limitValues!.sorted() == literalValuation.limitValues!.sorted())
  }

  @Test func valuesAgreeWithTheIndependentPythonImplementation() throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Fixtures/ib-haggling/hypothesis_values.json")
    let fixture = try JSONValue.parse(String(contentsOf: url, encoding: .utf8), source: url.path)
    for (n, count) in try #require(fixture["counts_2x2"]?.objectValue) {
      #expect(HypothesisSpace.passwordCount(actionCount: 2, observationCount: 2, maximumStates: Int(n)!) == Int(count.numberValue!))
      #expect(try HypothesisSpace(actionCount: 2, observationCount: 2, options: .init(maximumStates: Int(n)!)).count == Int(count.numberValue!))
    }
    let γ = try #require(fixture["gamma"]?.numberValue)
    let view = try AgentView(game: HagglingGames.prisonersDilemma(), player: 0)
    let space = try HypothesisSpace(actionCount: 2, observationCount: 2, options: .init(maximumStates: 4))
    let limit = try HypothesisValuation(space: space, view: view)
    let discounted = try HypothesisValuation(space: space, view: view, ranking: .discounted(γ))
    var index: [String: Int] = [:]
    for h in 1..<space.count { index["\(space.password(h)) \(space.loop(h).map { [$0.action, $0.observation] })"] = h }
    let entries = try #require(fixture["hypotheses"]?.arrayValue)
    #expect(entries.count == space.count - 1)
    for entry in entries {
      let password = entry["password"]!.arrayValue!.map { Int($0.numberValue!) }
      let loop = entry["loop"]!.arrayValue!.map { $0.arrayValue!.map { Int($0.numberValue!) } }
      let h = try #require(index["\(password) \(loop)"])
      let fraction = entry["limit"]!.arrayValue!.map { Int64($0.numberValue!) }
      #expect(limit.limitValues![h] == Rational(fraction[0], fraction[1]), "\(password) \(loop)")
      #expect(abs(discounted.value(h, state: 0) - entry["discounted"]!.numberValue!) < 1e-12, "\(password) \(loop)")
    }
  }

  static let pdFile = """
    NFG 1 R "PD" { "Row" "Column" }
    { { "C" "D" }
    { "C" "D" }
    }
    ""

    2 2
    3 0
    0 3
    1 1
    """

  @Test func commandLine() throws {
    let text = try IBHagglingCommandLine.haggle(nfgText: Self.pdFile, fileName: "pd.nfg", options: .init(states: 4, runs: 10, seed: 1, trace: true))
    #expect(text.hasPrefix("pd.nfg: 2 players, 2 × 2 actions\n"))
    #expect(text.contains("Row            249                   1               3  D\n"))
    #expect(text.contains("Switches of run 1"))
    let again = try IBHagglingCommandLine.haggle(nfgText: Self.pdFile, fileName: "pd.nfg", options: .init(states: 4, runs: 10, seed: 1, trace: true))
    #expect(text == again)
    let json = try JSONValue.parse(
      try IBHagglingCommandLine.haggle(nfgText: Self.pdFile, fileName: "pd.nfg", options: .init(states: 4, runs: 10, seed: 1, format: .json)),
      source: "json")
    let outcomes = try #require(json["outcomes"]?.arrayValue)
    #expect(outcomes.reduce(0) { $0 + Int($1["runs"]!.numberValue!) } == 10)
    #expect(json["players"]?.arrayValue?.first?["hypotheses"]?.numberValue == 249)
    #expect(throws: LabError.self) { try IBHagglingCommandLine.haggle(nfgText: Self.pdFile, fileName: "pd.nfg", options: .init(states: 0)) }
    #expect(throws: LabError.self) { try IBHagglingCommandLine.haggle(nfgText: "NFG 1 R", fileName: "bad.nfg", options: .init()) }
    let irrational = Self.pdFile.replacingOccurrences(of: "3 0\n", with: "3.14159265358979 0\n")
    #expect(throws: LabError.self) { try IBHagglingCommandLine.haggle(nfgText: irrational, fileName: "pi.nfg", options: .init(states: 3, runs: 1)) }
    #expect(
      try IBHagglingCommandLine.haggle(nfgText: irrational, fileName: "pi.nfg", options: .init(states: 3, runs: 2, discount: 0.99)).contains(
        "γ = 0.99"))
  }
}

/// The counterexamples of the two-player conjecture, written as .nfg files, rerun with `haggle`.
@Suite struct CounterexampleFileTests {
  @Test func theStrongestCounterexampleIsWrittenAndReruns() throws {
    let result = try RandomTwoPlayerExperiment().run(scale: .smoke, seed: 1, jobs: 2)
    let table = try #require(result.tables.first { $0.id == "ibh.random-two-player.robust" })
    try #require(!table.rows.isEmpty, "no counterexample at smoke scale")
    let json = JSONValue.object([
      ("seed", .number(1)),
      (
        "experiments",
        .array([
          .object([("id", .string("ibh.random-two-player")), ("parameters", .object([("payoffMax", .number(5))])), ("tables", .array([table.json]))])
        ])
      ),
    ]).rendered()
    let files = try IBHagglingCommandLine.counterexampleFiles(resultsJSON: json, source: "results.json")
    #expect(files.count == table.rows.count)
    #expect(files[0].name == "counterexample-01.nfg")
    // The file is the game the experiment drew: its first row's game, regenerated from its stream.
    let size = Int(table.column("size")![0])!, game = Int(table.column("game")![0])!, states = Int(table.column("N of the farthest run")![0])!
    let drawn = RandomTwoPlayerExperiment.game(size: size, index: game - 1, payoffMax: 5, seed: 1)
    #expect(try GambitStrategicGame(nfg: files[0].nfg, source: "counterexample-01.nfg").game.payoffVectors == drawn.payoffVectors)
    // It reruns: haggling on the file reports stable cycles, among them the counterexample's payoffs.
    let output = try IBHagglingCommandLine.haggle(
      nfgText: files[0].nfg, fileName: files[0].name, options: .init(states: states, runs: 200, format: .text))
    #expect(output.contains(table.column("payoffs")![0]))
  }
}
