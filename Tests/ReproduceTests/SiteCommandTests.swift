import Foundation
import Testing

/// `reproduce site`: the HTML book from the committed documents, and bad output folders refused
/// with one clear error and nothing written.
@Suite struct SiteCommandTests {
  @Test func writesOnePagePerDocumentWithMathFiguresAndCodeLinks() throws {
    let output = try ReproduceCommand.temporaryFolder("site").appendingPathComponent("book")
    let result = try ReproduceCommand.run(["site", "--output", output.path, "--input", ReproduceCommand.packageRoot.path])
    #expect(result.status == 0, "\(result.standardError)")
    let files = ReproduceCommand.files(under: output).mapValues { String(decoding: $0, as: UTF8.self) }
    for page in ["index", "NumericalPolitics", "IBHaggling", "SimilarityCooperation", "SocialEnvironmentDesign", "ModalAgents"] {
      #expect(files["\(page).html"] != nil, "\(page).html is missing")
    }
    #expect(!files.keys.contains { $0.hasPrefix(".reproduce-staging") })
    let haggling = try #require(files["IBHaggling.html"])
    // The maths of the issue's example, as MathML.
    #expect(haggling.contains("<msubsup><mi>a</mi><mrow><mo>−</mo><mi>i</mi></mrow><mrow><mo>(</mo><mi>n</mi><mo>)</mo></mrow></msubsup>"))
    // Numbered figures with captions, and the figure files beside the page.
    #expect(haggling.contains("<figcaption><span class=\"number\">Figure 1.</span>"))
    #expect(files.keys.contains("figures/IBHaggling/ibh.pd-demand-trajectories.svg"))
    // Every claim of the dashboard links to its anchor, and the anchor exists on its page.
    let dashboard = try #require(files["index.html"])
    #expect(dashboard.contains("href=\"NumericalPolitics.html#np.zero-memory.steal\""))
    let politics = try #require(files["NumericalPolitics.html"])
    #expect(politics.contains("id=\"np.zero-memory.steal\" class=\"claim\""))
    // A claim names its section and the code file (a page of the site) that computes it.
    #expect(politics.contains("judged in section <a href=\"NumericalPolitics.html#"))
    let codeLinks = politics.components(separatedBy: "class=\"code\" href=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    #expect(!codeLinks.isEmpty)
    for link in codeLinks {
      let page = String(link.prefix { $0 != "#" })
      #expect(files[page] != nil, "\(link) has no page")
    }
    #expect(!politics.contains("<script"))
  }

  @Test(arguments: [
    (["site", "--output", "input.txt"], "exists and is not a folder"),
    (["site", "--output", "input.txt/book"], "is not a folder"),
    (["site", "--output", "/proc/book"], "under /proc"),
    (["site", "--output", "book", "--input", "nowhere"], "the document does not exist"),
  ])
  func badOutputIsRefused(arguments: [String], message: String) throws {
    let folder = try ReproduceCommand.temporaryFolder("site-bad")
    try Data("x".utf8).write(to: folder.appendingPathComponent("input.txt"))
    let result = try ReproduceCommand.run(arguments, in: folder)
    #expect(result.status == 2, "\(arguments): status \(result.status), \(result.standardError)")
    #expect(result.standardError.contains(message), "\(arguments): \(result.standardError)")
    #expect(ReproduceCommand.files(under: folder).keys.sorted() == ["input.txt"])
  }

  @Test func anUnwritableFolderGetsNoPartialSite() throws {
    guard getuid() != 0 else { return }  // root writes anywhere; the permission check cannot be exercised
    let folder = try ReproduceCommand.temporaryFolder("site-readonly")
    try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder.path)
    defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path) }
    let result = try ReproduceCommand.run(["site", "--output", folder.path + "/book", "--input", ReproduceCommand.packageRoot.path])
    #expect(result.status == 2)
    #expect(result.standardError.contains("not writable"), "\(result.standardError)")
    #expect(ReproduceCommand.files(under: folder).isEmpty)
  }
}

/// `reproduce figures --format`: the committed SVGs converted by rsvg-convert, checked by their magic bytes.
@Suite struct FiguresCommandTests {
  @Test(arguments: [("pdf", Array("%PDF".utf8)), ("png", [0x89, 0x50, 0x4E, 0x47]), ("svg", Array("<?xml".utf8))])
  func convertsOneFigure(format: String, magic: [UInt8]) throws {
    let output = try ReproduceCommand.temporaryFolder("figures-\(format)")
    let result = try ReproduceCommand.run([
      "figures", "ma.cost", "--format", format, "--output", output.path, "--input", ReproduceCommand.packageRoot.path,
    ])
    #expect(result.status == 0, "\(result.standardError)")
    let files = ReproduceCommand.files(under: output)
    #expect(files.keys.sorted() == ["ModalAgents/ma.cost.\(format)"])
    let bytes = [UInt8](files["ModalAgents/ma.cost.\(format)"] ?? Data())
    #expect(bytes.count > 500)
    #expect(Array(bytes.prefix(magic.count)) == magic)
  }

  @Test func aPaperSelectsAllItsFiguresAndAnUnknownIdSuggestsOne() throws {
    let output = try ReproduceCommand.temporaryFolder("figures-paper")
    let result = try ReproduceCommand.run(["figures", "ma", "--format", "png", "--output", output.path, "--input", ReproduceCommand.packageRoot.path])
    #expect(result.status == 0, "\(result.standardError)")
    let expected = try FileManager.default.contentsOfDirectory(atPath: ReproduceCommand.packageRoot.path + "/Figures/ModalAgents")
      .filter { $0.hasSuffix(".svg") }.map { "ModalAgents/" + $0.dropLast(4) + ".png" }.sorted()
    #expect(ReproduceCommand.files(under: output).keys.sorted() == expected)
    let folder = try ReproduceCommand.temporaryFolder("figures-bad")
    let bad = try ReproduceCommand.run(["figures", "ma.cots", "--output", "out", "--input", ReproduceCommand.packageRoot.path], in: folder)
    #expect(bad.status == 2)
    #expect(bad.standardError.contains("did you mean 'ma.cost'"), "\(bad.standardError)")
    let wrongFormat = try ReproduceCommand.run(["figures", "--format", "gif", "--output", "out"], in: folder)
    #expect(wrongFormat.status == 2)
    #expect(ReproduceCommand.files(under: folder).isEmpty)
  }
}
