import Foundation
import LabKit
import Testing

@testable import ModalAgents

/// The Swift evaluators against the independent Python evaluator of
/// `Tests/Fixtures/modal/independent_evaluator.py` (memoised recursion over the worlds, no stopping
/// rule, its own parser, library definitions and enumerator); its output is committed beside it.
@Suite struct IndependentEvaluatorFixtureTests {
  static func fixture() throws -> JSONValue {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Fixtures/modal/independent_evaluator.json")
    return try JSONValue.parse(String(contentsOf: url, encoding: .utf8), source: url.path)
  }

  @Test func libraryMatrixProvabilityAndTracesAgree() throws {
    let library = try #require(try Self.fixture()["library"])
    let agents = try #require(library["agents"]?.arrayValue)
    #expect(agents.compactMap { $0["name"]?.stringValue } == AgentLibrary.standard.map(\.name))
    for (agent, entry) in zip(AgentLibrary.standard, agents) {
      // Python's definitions, printed fully parenthesised, parse to the Swift library's formulas.
      #expect(try ModalParser.parse(entry["formula"]!.stringValue!) == agent.formula, "\(agent.name)")
    }
    let moves = try #require(library["moves"]?.arrayValue?.map { $0.arrayValue!.map { $0.stringValue! } })
    let provable = try #require(library["provable"]?.arrayValue?.map { $0.arrayValue!.map { $0.boolValue! } })
    let traces = try #require(library["traces"]?.arrayValue?.map { $0.arrayValue!.map { $0.stringValue! } })
    let swiftMoves = try ModalCommandLine.moves(AgentLibrary.standard)
    for (i, x) in AgentLibrary.standard.enumerated() {
      for (j, y) in AgentLibrary.standard.enumerated() {
        #expect(swiftMoves[i][j].letter == moves[i][j], "\(x.name) vs \(y.name)")
        let m = try Competition(x, y).solve()
        #expect(m.solution.isProvable(m.firstVariable) == provable[i][j], "\(x.name) vs \(y.name)")
        #expect(String(m.solution.traceText(m.firstVariable, worlds: 8).dropLast()) == traces[i][j], "\(x.name) vs \(y.name)")
      }
    }
  }

  @Test func enumerationCountsAgree() throws {
    let counts = try #require(try Self.fixture()["enumeration_counts"]?.arrayValue?.compactMap(\.numberValue).map { Int($0) })
    #expect(counts == RankZeroEnumerator.formulasBySize(upTo: counts.count).map(\.count))
  }

  @Test func sampledEnumeratedMatchupsAgree() throws {
    let sample = try #require(try Self.fixture()["sample"]?.arrayValue)
    #expect(sample.count == 2320)
    let enumerated = Set(RankZeroEnumerator.formulas(upTo: 6))
    var formulas: [ModalFormula] = []
    var index: [ModalFormula: Int] = [:]
    var pairs: [(Int, Int, JSONValue)] = []
    for entry in sample {
      let pair = try [entry["first"]!, entry["second"]!].map { json -> Int in
        let f = try ModalParser.parse(json.stringValue!)
        #expect(enumerated.contains(f), "\(f) is not in the Swift enumeration")
        if let k = index[f] { return k }
        formulas.append(f)
        index[f] = formulas.count - 1
        return formulas.count - 1
      }
      pairs.append((pair[0], pair[1], entry))
    }
    let agents = RankZeroEnumerator.agents(formulas)
    let tournament = try RankZeroTournament(agents)
    for (i, j, entry) in pairs {
      let m = try Competition(agents[i], agents[j]).solve()
      let expected = entry["moves"]!.stringValue!
      let provable = entry["provable"]!.arrayValue!.map { $0.boolValue! }
      #expect(m.firstMove.letter + m.secondMove.letter == expected, "\(agents[i].formula) vs \(agents[j].formula)")
      let fast = tournament.outcome(i, j)
      #expect((fast.first ? "C" : "D") + (fast.second ? "C" : "D") == expected, "\(agents[i].formula) vs \(agents[j].formula)")
      #expect([fast.firstProvable, fast.secondProvable] == provable)
      #expect(String(m.solution.traceText(m.firstVariable, worlds: 8).dropLast()) == entry["trace"]!.stringValue!)
    }
  }
}
