import Testing

@testable import LabKit

/// The summary sentence counts empirical claims and consistency checks apart, and its counts add up.
@Suite("ClaimCounts")
struct ClaimCountsTests {
  static func record(_ id: String, class claimClass: String, headline: String) throws -> ClaimRecord {
    let json = JSONValue.object([
      ("id", .string(id)), ("source", .string("§1")), ("kind", .string("claim")), ("statement", .string("s")),
      ("class", .string(claimClass)), ("meaningfulAt", .string("standard")), ("headline", .string(headline)),
      ("where", .string("")), ("verdict", .string("reproduced")), ("design", .string("single")), ("readings", .array([])),
      ("trends", .array([])), ("control", .null), ("evidence", .string("")), ("measured", .null),
    ])
    return try ClaimRecord(json: json, place: "test")
  }

  @Test func countsAddUpAndNameADependingConsistencyCheck() throws {
    let records = try [
      Self.record("a", class: "empirical", headline: "holds"), Self.record("b", class: "empirical", headline: "depends"),
      Self.record("c", class: "empirical", headline: "inconclusive"), Self.record("d", class: "consistency", headline: "holds"),
      Self.record("e", class: "consistency", headline: "depends"),
    ]
    #expect(
      ClaimCounts(records).sentence
        == "3 empirical claims: 1 hold, 1 depend, 0 fail, 1 inconclusive; 2 consistency checks: 1 hold, 1 depend, 0 fail, 0 inconclusive")
    #expect(
      ClaimCounts(records.filter { $0.id != "e" }).sentence
        == "3 empirical claims: 1 hold, 1 depend, 0 fail, 1 inconclusive; 1 consistency check: 1 hold, 0 fail, 0 inconclusive")
  }

  @Test func smokeRecordsAreNotFindings() throws {
    let records = try [Self.record("a", class: "empirical", headline: "smoke"), Self.record("b", class: "consistency", headline: "smoke")]
    #expect(ClaimCounts(records).sentence == "2 claims at smoke scale: verdicts for testing the pipeline only, not findings")
  }
}
