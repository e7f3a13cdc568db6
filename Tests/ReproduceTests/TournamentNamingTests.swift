import Foundation
import Testing

/// `game tournament --rank-base 0 --display-names`: ranks and names as axelrod prints them.
@Suite struct TournamentNamingTests {
  /// Tit for Tat against Defector over 10 turns: Tit for Tat scores 0 + 9 · 1 = 9 (0.9 a turn), Defector
  /// 5 + 9 · 1 = 14 (1.4 a turn), so Defector ranks first.
  static func rows(_ extra: [String]) throws -> [[JSONValueLike]] {
    let result = try ReproduceCommand.run(
      ["game", "tournament", "--strategies", "TitForTat,Defector", "--turns", "10", "--repetitions", "1", "--format", "json"] + extra)
    #expect(result.status == 0, "\(result.standardError)")
    let object = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
    let rows = try #require(object?["rows"] as? [[Any]])
    return rows.map { $0.map { JSONValueLike(value: $0) } }
  }

  struct JSONValueLike: Equatable {
    let text: String
    init(value: Any) { text = "\(value)" }
  }

  @Test func axelrodsRankBaseAndDisplayNames() throws {
    let standard = try Self.rows([])
    #expect(standard.map { [$0[0].text, $0[1].text, $0[2].text] } == [["1", "Defector", "1.4"], ["2", "TitForTat", "0.9"]])
    let axelrod = try Self.rows(["--rank-base", "0", "--display-names"])
    #expect(axelrod.map { [$0[0].text, $0[1].text] } == [["0", "Defector"], ["1", "Tit For Tat"]])
  }

  @Test func otherRankBasesAreRefused() throws {
    let result = try ReproduceCommand.run(["game", "tournament", "--rank-base", "2"])
    #expect(result.status == 2)
    #expect(result.standardError.contains("--rank-base must be 0 or 1, not 2"))
  }
}
