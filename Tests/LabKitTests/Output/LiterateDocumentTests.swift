import Testing

@testable import LabKit

@Suite struct LiterateDocumentTests {
  static let document = """
    # A paper

    Hand-written prose, kept byte for byte,
    and a <!-- comment --> that is not a marker.

    <!-- reproduce:begin a -->
    old content
    <!-- reproduce:end a -->
    Between blocks.
    <!-- reproduce:begin b -->
    <!-- reproduce:end b -->
    Last line without newline
    """

  static func content(_ id: String) throws -> String {
    switch id {
    case "a": return "| x |\n| --- |\n| 1 |\n"
    case "b": return "new b"
    default: throw LabError.unknownIdentifier(id, known: ["a", "b"])
    }
  }

  @Test func replacesBlocksAndLeavesProseUntouched() throws {
    let woven = try LiterateDocument.weave(Self.document, place: "doc.md", content: Self.content)
    #expect(
      woven == """
        # A paper

        Hand-written prose, kept byte for byte,
        and a <!-- comment --> that is not a marker.

        <!-- reproduce:begin a -->
        | x |
        | --- |
        | 1 |
        <!-- reproduce:end a -->
        Between blocks.
        <!-- reproduce:begin b -->
        new b
        <!-- reproduce:end b -->
        Last line without newline
        """)
  }

  @Test func weavingIsIdempotent() throws {
    let once = try LiterateDocument.weave(Self.document, place: "doc.md", content: Self.content)
    let twice = try LiterateDocument.weave(once, place: "doc.md", content: Self.content)
    #expect(once == twice)
  }

  @Test func proseOutsideBlocksIsByteIdentical() throws {
    let woven = try LiterateDocument.weave(Self.document, place: "doc.md", content: Self.content)
    func prose(_ text: String) -> [Substring] {
      var inside = false
      return text.split(separator: "\n", omittingEmptySubsequences: false).filter { line in
        if line.hasPrefix("<!-- reproduce:begin") { inside = true; return false }
        if line.hasPrefix("<!-- reproduce:end") { inside = false; return false }
        return !inside
      }
    }
    #expect(prose(woven) == prose(Self.document))
  }

  @Test func listsBlockIDs() throws {
    #expect(try LiterateDocument.blockIDs(in: Self.document, place: "doc.md") == ["a", "b"])
  }

  @Test func malformedDocumentsAreErrorsWithLines() {
    #expect(throws: LabError.invalidInput(place: "d.md line 1", problem: "block 'a' is never closed")) {
      try LiterateDocument.weave("<!-- reproduce:begin a -->\ntext\n", place: "d.md", content: Self.content)
    }
    #expect(throws: LabError.invalidInput(place: "d.md line 2", problem: "end of block 'b' inside block 'a' (opened at line 1)")) {
      try LiterateDocument.weave("<!-- reproduce:begin a -->\n<!-- reproduce:end b -->\n", place: "d.md", content: Self.content)
    }
    #expect(throws: LabError.self) {
      try LiterateDocument.weave(
        "<!-- reproduce:begin a -->\n<!-- reproduce:end a -->\n<!-- reproduce:begin a -->\n<!-- reproduce:end a -->\n", place: "d.md",
        content: Self.content)
    }
    #expect(throws: LabError.self) {
      try LiterateDocument.weave("<!-- reproduce:begn a -->\n", place: "d.md", content: Self.content)
    }
  }

  @Test func unknownBlockIsAnErrorNamingTheLine() {
    #expect(throws: LabError.invalidInput(place: "d.md line 3", problem: "block 'zzz': unknown id 'zzz'; known ids: a, b")) {
      try LiterateDocument.weave("x\n\n<!-- reproduce:begin zzz -->\n<!-- reproduce:end zzz -->\n", place: "d.md", content: Self.content)
    }
  }
}
