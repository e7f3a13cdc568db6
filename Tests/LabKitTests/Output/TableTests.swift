import Testing

@testable import LabKit

@Suite struct TableTests {
  /// A table mixing text, integers, reals and a `|` that Markdown must escape.
  static let sample = Table(
    id: "test.sample", title: "Wellbeing by encounter",
    columns: ["Agent 1", "Agent 2", "wellbeing", "share"],
    rows: [
      ["trade", "trade", 3, .real(0.5, digits: 3)],
      ["trade | steal", "steal", 0, .real(1.0 / 3.0, digits: 3)],
      ["steal", "trade", 4, .real(-0.0001, digits: 3)],
      ["steal", "steal", 1, .real(12.25, digits: 3)],
    ])

  @Test func alignedTextMatchesGolden() {
    assertGolden(Self.sample.renderedText(), "table.txt")
  }

  @Test func markdownMatchesGolden() {
    assertGolden(Self.sample.renderedMarkdown(), "table.md")
  }

  @Test func jsonMatchesGolden() {
    assertGolden(Self.sample.json.rendered(), "table.json")
  }

  @Test func numericColumnsAreRightAligned() {
    let lines = Self.sample.renderedText().split(separator: "\n")
    // Header, rule, then rows: the share column ends at the same position on every row.
    let ends = lines.dropFirst(3).map { $0.count }
    #expect(Set(ends).count == 1)
    #expect(lines[3].hasSuffix("0.500"))
    #expect(lines[5].hasSuffix("0.000"))  // -0.0001 rounds to 0.000, never -0.000
  }

  @Test func jsonRoundTripKeepsCells() throws {
    let back = try Table(json: try JSONValue.parse(Self.sample.json.rendered()), place: "test")
    #expect(back.renderedText() == Self.sample.renderedText())
  }
}
