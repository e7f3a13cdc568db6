import Foundation
import Testing

@testable import LabKit

/// Generated values in prose: the reference syntax, its resolution and printing, weaving with line
/// numbers in errors, the book's plain text, and `check` flagging a stale value.
@Suite struct InlineValuesTests {
  /// An item as results.json stores it: a claim with measured values and trends, and table rows.
  static let claim = JSONValue.object([
    ("id", .string("x.claim")), ("headline", .string("holds")),
    (
      "measured",
      .object([
        ("runs meeting at X", .number(94)), ("d / X", .numberLiteral("0.25")), ("interval", .array([.number(0.7441886406), .number(0.9421187147)])),
      ])
    ),
    (
      "trends",
      .array([
        .object([("reading", .object([("apart", .string("0")), ("measure", .string("Pareto"))])), ("estimate", .number(0.8431536777))]),
        .object([("reading", .object([("apart", .string("-1")), ("measure", .string("Pareto"))])), ("estimate", .number(0.6978586869))]),
      ])
    ),
  ])
  static let rows = JSONValue.array([
    .object([("players", .number(3)), ("N", .number(2)), ("fraction", .numberLiteral("1.000"))]),
    .object([("players", .number(3)), ("N", .number(3)), ("fraction", .numberLiteral("0.925"))]),
    .object([
      ("players", .number(2)), ("N", .number(3)),
      ("fraction", .object([("estimate", .numberLiteral("0.83")), ("lower", .numberLiteral("0.77")), ("upper", .numberLiteral("0.88"))])),
      ("runs", .object([("successes", .number(16)), ("trials", .number(16)), ("lower", .numberLiteral("0.81")), ("upper", .numberLiteral("1.00"))])),
    ]),
  ])

  static func value(_ reference: String) throws -> String {
    let parsed = try ValueReference(parsing: reference)
    let item: JSONValue
    switch parsed.id {
    case "x.claim": item = claim
    case "x.table": item = rows
    default: throw LabError.unknownIdentifier(parsed.id, known: ["x.claim", "x.table"])
    }
    return try ValueReference.text(parsed.resolve(in: item), format: parsed.format)
  }

  @Test func parsesSteps() throws {
    let reference = try ValueReference(parsing: #"x.table/[players=3, "N"=3]/#2/"d / X"/key as percent 1"#)
    #expect(reference.id == "x.table")
    #expect(reference.steps == [.select([("players", "3"), ("N", "3")]), .index(2), .key("d / X"), .key("key")])
    #expect(reference.format == .percent(1))
    #expect(try ValueReference(parsing: #"a/"say \"as\" \\ here""#).steps == [.key(#"say "as" \ here"#)])
    #expect(try ValueReference(parsing: "a/[m=runs as X]").steps == [.select([("m", "runs as X")])])
    #expect(try ValueReference(parsing: "a/[v=[0.1, 0.2]]").steps == [.select([("v", "[0.1, 0.2]")])])
  }

  @Test func rejectsMalformedReferences() {
    for bad in [
      "", " /x", "a//b", "a/#0", "a/#x", "a/[x]", "a/[=1]", "a/[x=1", #"a/"open"#, #"a/b"c"#, "a as fixed", "a as fixed 13", "a as round 2",
    ] {
      #expect(throws: ValueReference.Problem.self, "\(bad)") { try ValueReference(parsing: bad) }
    }
  }

  @Test func resolvesAndPrints() throws {
    #expect(try Self.value("x.claim/headline") == "holds")
    #expect(try Self.value("x.claim/measured/runs meeting at X") == "94")
    #expect(try Self.value(#"x.claim/measured/"d / X""#) == "0.25")
    #expect(try Self.value("x.claim/measured/interval as fixed 2") == "[0.74, 0.94]")
    #expect(try Self.value("x.claim/trends/[apart=0, measure=Pareto]/estimate as fixed 2") == "0.84")
    #expect(try Self.value("x.claim/trends/[apart=-1]/estimate as fixed 3") == "0.698")
    #expect(try Self.value("x.table/[players=3, N=3]/fraction") == "0.925")
    #expect(try Self.value("x.table/[players=3, N=3]/fraction as percent 1") == "92.5%")
    #expect(try Self.value("x.table/#1/fraction as percent 0") == "100%")
    #expect(try Self.value("x.table/[players=2]/fraction") == "0.83 [0.77, 0.88]")
    #expect(try Self.value("x.table/[players=2]/fraction as fixed 1") == "0.8 [0.8, 0.9]")
    #expect(try Self.value("x.table/[players=2]/runs") == "16/16 [0.81, 1.00]")
    #expect(try Self.value("x.table/[players=2]/runs/successes") == "16")
    #expect(try Self.value("x.table/[players=2]/runs as percent 0") == "100%")
  }

  @Test func unresolvableReferencesSayWhy() {
    func problem(_ reference: String) -> String {
      do { return "resolved: \(try Self.value(reference))" } catch { return "\(error)" }
    }
    #expect(problem("x.table/[players=3]/fraction") == "x.table[players=3] matches 2 of 3 elements; a selector must match exactly one")
    #expect(problem("x.table/[players=4]/fraction") == "x.table[players=4] matches 0 of 3 elements; a selector must match exactly one")
    #expect(problem("x.table/#4") == "x.table has 3 elements, not 4")
    #expect(problem("x.claim/mesured") == "x.claim has no member 'mesured'; did you mean 'measured'?")
    #expect(problem("x.claim/headline/x") == "x.claim/headline is a string, not an object with member 'x'")
    #expect(problem("x.claim/headline as fixed 2") == "'holds' is a string, not a number to print as fixed 2")
    #expect(problem("x.nope/a").hasPrefix("unknown id 'x.nope'"))
  }

  static let document = """
    # Doc

    <!-- reproduce:begin b -->
    old
    <!-- reproduce:end b -->
    It held in <!-- reproduce:value x.table/[players=3, N=3]/fraction as percent 1 -->90%<!-- /reproduce:value --> of runs
    and <!-- reproduce:value x.claim/measured/runs meeting at X -->?<!-- /reproduce:value --> met at X.

    """

  @Test func weavingRewritesOnlyTheValuesText() throws {
    let woven = try LiterateDocument.weave(Self.document, place: "doc.md", content: { _ in "new\n" }, value: Self.value)
    #expect(
      woven == """
        # Doc

        <!-- reproduce:begin b -->
        new
        <!-- reproduce:end b -->
        It held in <!-- reproduce:value x.table/[players=3, N=3]/fraction as percent 1 -->92.5%<!-- /reproduce:value --> of runs
        and <!-- reproduce:value x.claim/measured/runs meeting at X -->94<!-- /reproduce:value --> met at X.

        """)
    #expect(try LiterateDocument.weave(woven, place: "doc.md", content: { _ in "new\n" }, value: Self.value) == woven)
    // Without a value closure, values are left as they are.
    #expect(try LiterateDocument.weave(Self.document, place: "doc.md", content: { _ in "old\n" }) == Self.document)
  }

  @Test func badReferencesNameTheDocumentAndLine() {
    let document = Self.document.replacing("runs meeting at X", with: "runs meting at X")
    #expect(
      throws: LabError.invalidInput(
        place: "doc.md line 7",
        problem: "value 'x.claim/measured/runs meting at X': x.claim/measured has no member 'runs meting at X'; did you mean 'runs meeting at X'?")
    ) { try LiterateDocument.weave(document, place: "doc.md", content: { _ in "" }, value: Self.value) }
    let unclosed = "a\nb <!-- reproduce:value x.claim/headline -->holds\n"
    #expect(
      throws: LabError.invalidInput(
        place: "doc.md line 2", problem: "value 'x.claim/headline' is not closed by '<!-- /reproduce:value -->' on the same line")
    ) { try LiterateDocument.weave(unclosed, place: "doc.md", content: { _ in "" }, value: Self.value) }
    let stray = "a\n\nb <!-- /reproduce:value -->\n"
    #expect(throws: LabError.invalidInput(place: "doc.md line 3", problem: "'<!-- /reproduce:value -->' without a value marker before it")) {
      try LiterateDocument.weave(stray, place: "doc.md", content: { _ in "" }, value: Self.value)
    }
    let misspelt = "a <!-- reproduce:valeu x -->1<!-- /reproduce:value -->\n"
    #expect(throws: LabError.self) { try LiterateDocument.weave(misspelt, place: "doc.md", content: { _ in "" }, value: Self.value) }
  }

  @Test func theBookShowsTheValueAsPlainText() {
    let line = "It held in <!-- reproduce:value x/a as percent 1 -->92.5%<!-- /reproduce:value --> of runs."
    #expect(InlineValues.plainText(line) == "It held in 92.5% of runs.")
    let html = BookSite.renderDocument("<!-- reproduce:value x/a -->92.5%<!-- /reproduce:value --> of runs\nheld.\n")
    #expect(html.contains("92.5% of runs"))
    #expect(!html.contains("reproduce:value") && !html.contains("&lt;!--"))
  }

  @Test func checkFlagsAStaleValue() throws {
    let root = try ReproductionTests.temporaryRoot()
    let document = "# Toy\n\nThe first mean is <!-- reproduce:value toy.coin.means/#1/mean -->?<!-- /reproduce:value -->.\n"
    try document.write(toFile: root + "/Papers/Toy.md", atomically: true, encoding: .utf8)
    let options = Reproduction.Options(scale: .standard, seed: 3, root: root)
    let outcome = try ReproductionTests.reproduction.run([], options: options)
    let woven = outcome.tree.files["Papers/Toy.md"]!
    let after = try #require(woven.firstRange(of: "mean -->")?.upperBound)
    let mean = try #require(woven[after...].split(separator: "<").first)
    #expect(mean.count == 6)  // the table prints 4 decimals: 0.xxxx
    try outcome.tree.write(root: root)
    #expect(try ReproductionTests.reproduction.run([], options: options).tree.staleFiles(root: root).isEmpty)
    // A hand edit of the number (or new results) makes the document stale.
    try woven.replacing("-->\(mean)<!--", with: "-->0.1234<!--").write(toFile: root + "/Papers/Toy.md", atomically: true, encoding: .utf8)
    #expect(
      try ReproductionTests.reproduction.run([], options: options).tree.staleFiles(root: root) == [.init(path: "Papers/Toy.md", reason: .different)])
    // A reference to no value fails the run, naming the document and line.
    try document.replacing("#1/mean", with: "#1/median").write(toFile: root + "/Papers/Toy.md", atomically: true, encoding: .utf8)
    #expect(
      throws: LabError.invalidInput(
        place: "Papers/Toy.md line 3", problem: "value 'toy.coin.means/#1/median': toy.coin.means/#1 has no member 'median'; did you mean 'mean'?")
    ) {
      try ReproductionTests.reproduction.run([], options: options)
    }
    // At smoke scale, where grids are smaller and numbers are not findings, such a value keeps its text.
    let smoke = try ReproductionTests.reproduction.run([], options: .init(scale: .smoke, seed: 3, root: root))
    #expect(smoke.tree.files["Papers/Toy.md"]!.contains("#1/median -->?<!--"))
    // A malformed reference is an error at every scale.
    try document.replacing("#1/mean", with: "#0/mean").write(toFile: root + "/Papers/Toy.md", atomically: true, encoding: .utf8)
    #expect(throws: LabError.self) { try ReproductionTests.reproduction.run([], options: .init(scale: .smoke, seed: 3, root: root)) }
  }

  @Test func anIDOfAnExperimentNotRunYetKeepsItsText() throws {
    let record = PaperRecord(paper: ReproductionTests.paper, scale: .standard, seed: 1, experiments: [])
    #expect(try MarkdownBlocks.value("toy.coin.means/#1/mean", record: record, complete: false) == nil)
    #expect(throws: LabError.self) { try MarkdownBlocks.value("toy.coin.means/#1/mean", record: record, complete: true) }
    #expect(throws: ValueReference.Problem.self) { try MarkdownBlocks.value("toy.coin.means/#0", record: record, complete: false) }
  }
}

/// The generated values of the committed literate documents against the committed results: every
/// reference resolves, and the text between its markers is the value (what `reproduce check` would
/// find, without running the experiments).
@Suite struct CommittedInlineValuesTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  @Test func everyValueInPapersResolvesAndIsCurrent() throws {
    let papers = try FileManager.default.contentsOfDirectory(atPath: Self.root.appendingPathComponent("Papers").path)
      .filter { $0.hasSuffix(".md") && $0 != "README.md" }.sorted()
    #expect(papers.count == 5)
    var values = 0
    for file in papers {
      let paper = String(file.dropLast(3))
      let text = try String(contentsOf: Self.root.appendingPathComponent("Papers/\(file)"), encoding: .utf8)
      let results = try String(contentsOf: Self.root.appendingPathComponent("Reproduce/\(paper)/results.json"), encoding: .utf8)
      let record = try PaperRecord(json: try JSONValue.parse(results), place: paper)
      for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where line.contains(InlineValues.open) {
        values += try InlineValues.occurrences(in: line).count
        let woven = try InlineValues.weave(line: line) { try MarkdownBlocks.value($0, record: record) }
        #expect(woven == line, "Papers/\(file) line \(number + 1) is stale: \(woven)")
      }
    }
    #expect(values > 0)
  }
}
