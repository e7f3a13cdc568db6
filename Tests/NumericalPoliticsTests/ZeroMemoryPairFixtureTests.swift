import Foundation
import LabKit
import Testing

@testable import NumericalPolitics

/// The Swift pair against an independent Python implementation of the same rule
/// (`Fixtures/zero_memory_pair.py`; its output is `Fixtures/zero_memory_pair.txt`). The random streams
/// differ, so the comparison is of outcomes: the fixture has every trade-start pair ending in mutual
/// trade and every steal-start pair ending in mutual steal, after 600,000 encounters with δ = 10⁻⁵.
@Suite struct ZeroMemoryPairFixtureTests {
  static let constants = QLearningConstants(
    learningRate: 0.01, discount: 0.99, initialQ: 1, initialExploration: 0.25,
    explorationDecay: 1 - 1e-5, explorationFloor: 0)

  /// Final greedy moves per seed and start, parsed from the fixture.
  static func fixture() throws -> [(start: String, greedy: [Int])] {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/zero_memory_pair.txt")
    let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").dropFirst()
    return lines.map { line in
      let fields = line.split(separator: " ", omittingEmptySubsequences: true)
      let greedy = line[line.firstIndex(of: "[")!...].filter { $0.isNumber }.map { Int(String($0))! }
      return (String(fields[0]), greedy)
    }
  }

  @Test(arguments: [("trade", ZeroMemorySociety.InitialGreedy.trade), ("steal", .steal)])
  func pairEndsWhereTheIndependentImplementationEnds(name: String, start: ZeroMemorySociety.InitialGreedy) throws {
    let expected = try Self.fixture().filter { $0.start == name }
    #expect(expected.count == 6)
    let pythonMutual = expected.filter { Set($0.greedy).count == 1 && $0.greedy[0] == (name == "trade" ? 0 : 1) }.count
    var swiftMutual = 0
    for seed in 0..<6 {
      var society = ZeroMemorySociety(agents: 2, constants: Self.constants, initial: start)
      let outcome = society.run(
        encountersPerAgent: 600_000, checkpointCount: 2,
        random: Random(master: 11, stream: "fixture-\(name)", replicate: seed))
      if outcome.greedy.allSatisfy({ $0.rawValue == (name == "trade" ? 0 : 1) }) { swiftMutual += 1 }
    }
    // Python: 6 of 6. Allow one run of difference for the different random streams.
    #expect(pythonMutual == 6)
    #expect(swiftMutual >= 5, "\(name) start: \(swiftMutual) of 6 Swift pairs end where they started")
  }
}
