import Foundation
import Testing

@testable import LabKit

@Suite struct PaperScaleTests {
  static func reproduction(fingerprint: String = "f1") -> Reproduction {
    Reproduction(catalog: Catalog(papers: [ReproductionTests.paper]), libraryVersions: [("gsl", "test")], fingerprints: ["Toy": fingerprint])
  }

  static func options(root: String, scale: Scale = .paper) -> Reproduction.Options {
    Reproduction.Options(scale: scale, seed: 3, jobs: 1, root: root)
  }

  /// A root whose document has the experiment's block, with the toy paper recorded at paper scale.
  static func recordedRoot() throws -> String {
    let root = try ReproductionTests.temporaryRoot()
    try "# Toy\n\n<!-- reproduce:begin toy.coin -->\n<!-- reproduce:end toy.coin -->\n".write(
      toFile: root + "/Papers/Toy.md", atomically: true, encoding: .utf8)
    try reproduction().recordPaperScale([], options: options(root: root)).write(root: root)
    return root
  }

  static let cellPath = "Reproduce/paper/Toy/cells/toy.coin.cell"

  static func candidates() -> [PaperScaleSample.Candidate] {
    (0..<8).map { PaperScaleSample.Candidate(id: "P/e\($0)", checksum: String(repeating: "\($0)", count: 16)) }
  }

  /// The draw is the definition: the digest of "id checksum\n" lines, then each id ranked by
  /// FNV-1a(digest + " " + id); computed here from that definition independently of the sort.
  @Test func samplingIsDeterministicAndFollowsTheRanks() {
    let all = Self.candidates()
    let chosen = PaperScaleSample.choose(all, count: 3)
    #expect(chosen == PaperScaleSample.choose(all, count: 3))
    #expect(chosen.count == 3)
    // Every cell can be drawn, and the chosen are the 3 least ranks.
    let digest = Checksum.fnv1a((0..<8).map { "P/e\($0) \(String(repeating: "\($0)", count: 16))\n" }.joined())
    #expect(PaperScaleSample.digest(all) == digest)
    let ids = (0..<8).map { "P/e\($0)" }
    let expected = ids.map { (Checksum.fnv1a(digest + " " + $0), $0) }.sorted { $0 < $1 }.prefix(3).map(\.1)
    #expect(chosen == Array(expected))
    #expect(Set(PaperScaleSample.choose(all, count: 100)) == Set(ids))
    #expect(PaperScaleSample.choose(all, count: 0).isEmpty)
    // The draw depends on the committed results: the same cells under other checksums give another digest.
    var changed = all
    changed[7] = PaperScaleSample.Candidate(id: "P/e7", checksum: "ffffffffffffffff")
    #expect(PaperScaleSample.digest(changed) != digest)
  }

  /// Recording writes the layout; checking the commit recomputes the cell and finds it identical.
  @Test func recordedCellsCheckIdentical() throws {
    let root = try Self.recordedRoot()
    for path in ["Reproduce/paper/Toy/MANIFEST.json", Self.cellPath, "Reproduce/paper/Toy/results.json", "Figures/paper/Toy/toy.coin.figure.svg"] {
      #expect(FileManager.default.fileExists(atPath: root + "/" + path), "\(path)")
    }
    let report = try Self.reproduction().checkPaperScale([], sample: 5, options: Self.options(root: root))
    #expect(report.sampled.map(\.cell) == ["Toy/toy.coin"])
    #expect(report.sampled.map(\.outcome) == [.identical])
    #expect(report.stale.isEmpty && report.damaged.isEmpty && !report.failed(strict: true))
    // A sample of 0 recomputes nothing but still counts the committed cells.
    let none = try Self.reproduction().checkPaperScale([], sample: 0, options: Self.options(root: root))
    #expect(none.sampled.isEmpty && none.eligible == 1 && none.committed == 1)
    // The manifest records no durations (committed outputs hold no timings).
    let manifest = try String(contentsOfFile: root + "/Reproduce/paper/Toy/MANIFEST.json", encoding: .utf8)
    #expect(!manifest.contains("seconds"))
  }

  /// An altered cell file fails on its checksum; altered together with its checksum, the
  /// recomputation differs. Negative control for the identical result above.
  @Test func tamperedCellIsDetected() throws {
    let root = try Self.recordedRoot()
    let original = try String(contentsOfFile: root + "/" + Self.cellPath, encoding: .utf8)
    let tampered = original.replacing("\"toy.coin.half\"", with: "\"toy.coin.HALF\"")
    #expect(tampered != original)
    try tampered.write(toFile: root + "/" + Self.cellPath, atomically: true, encoding: .utf8)
    let damaged = try Self.reproduction().checkPaperScale([], sample: 1, options: Self.options(root: root))
    #expect(damaged.damaged.count == 1 && damaged.damaged[0].hasPrefix("altered ") && damaged.failed(strict: false))
    let manifestPath = root + "/Reproduce/paper/Toy/MANIFEST.json"
    let manifest = try String(contentsOfFile: manifestPath, encoding: .utf8)
    try manifest.replacing(Checksum.fnv1a(original), with: Checksum.fnv1a(tampered)).write(toFile: manifestPath, atomically: true, encoding: .utf8)
    let differing = try Self.reproduction().checkPaperScale([], sample: 1, options: Self.options(root: root))
    #expect(differing.damaged.isEmpty)
    guard case .different(let offset, _, _)? = differing.sampled.first?.outcome else {
      Issue.record("the tampered cell was not found different")
      return
    }
    #expect(Array(original.utf8)[offset] != Array(tampered.utf8)[offset])
    #expect(differing.failed(strict: false))
  }

  /// Cells computed by other code are reported stale; they fail only under --strict.
  @Test func staleFingerprintIsReported() throws {
    let root = try Self.recordedRoot()
    let report = try Self.reproduction(fingerprint: "f2").checkPaperScale([], sample: 1, options: Self.options(root: root))
    #expect(report.stale == ["Toy/toy.coin (computed by code f1, the code is now f2)"])
    #expect(report.sampled.map(\.outcome) == [.identical])
    #expect(!report.failed(strict: false) && report.failed(strict: true))
    #expect(report.lines.contains { $0.hasPrefix("STALE") })
  }

  @Test func noPaperScaleResultsOrUnknownPaperIsAnError() throws {
    let root = try ReproductionTests.temporaryRoot()
    #expect(throws: LabError.self) {
      try Self.reproduction().checkPaperScale(["Toy"], sample: 1, options: Self.options(root: root))
    }
    #expect(throws: LabError.self) { try Self.reproduction().checkPaperScale([], sample: 1, options: Self.options(root: root)) }
    #expect(throws: LabError.self) {
      try Self.reproduction().checkPaperScale(["Nonesuch"], sample: 1, options: Self.options(root: root))
    }
  }

  /// Bad input to the recorder is refused before anything is written.
  @Test func badRecordingWritesNothing() throws {
    let root = try ReproductionTests.temporaryRoot()
    #expect(throws: LabError.self) { try Self.reproduction().recordPaperScale([], options: Self.options(root: root, scale: .smoke)) }
    #expect(throws: LabError.self) {
      try Self.reproduction().recordPaperScale([], options: Self.options(root: root), notRun: ["toy.nonesuch": "too slow"])
    }
    #expect(!FileManager.default.fileExists(atPath: root + "/Reproduce"))
    #expect(!FileManager.default.fileExists(atPath: root + "/Figures"))
  }

  /// The document shows the paper-scale paragraph under the experiment's standard block, or the
  /// reason it was not run; without paper-scale results the document is what it was.
  @Test func documentsShowBothScales() throws {
    let root = try Self.recordedRoot()
    let document = try Self.reproduction().run([], options: Self.options(root: root, scale: .standard)).tree.files["Papers/Toy.md"]!
    #expect(document.contains("**At paper scale** (`reproduce run toy.coin --scale paper --paper-layout`, seed 3)."))
    #expect(document.contains("Parameters: `draws` = 10000, `rule` = uniform."))
    #expect(document.contains("| `toy.coin.half` |"))
    #expect(document.contains("Figures at paper scale: [A figure](../Figures/paper/Toy/toy.coin.figure.svg)."))
    try Self.reproduction().recordPaperScale([], options: Self.options(root: root), notRun: ["toy.coin": "Too slow for CI."]).write(root: root)
    let notRun = try Self.reproduction().run([], options: Self.options(root: root, scale: .standard)).tree.files["Papers/Toy.md"]!
    #expect(notRun.contains("_At paper scale: not run. Too slow for CI._"))
    #expect(!FileManager.default.fileExists(atPath: root + "/" + Self.cellPath))
    #expect(!FileManager.default.fileExists(atPath: root + "/Figures/paper/Toy/toy.coin.figure.svg"))
    let plain = try ReproductionTests.temporaryRoot()
    try "# Toy\n\n<!-- reproduce:begin toy.coin -->\n<!-- reproduce:end toy.coin -->\n".write(
      toFile: plain + "/Papers/Toy.md", atomically: true, encoding: .utf8)
    let without = try Self.reproduction().run([], options: Self.options(root: plain, scale: .standard)).tree.files["Papers/Toy.md"]!
    #expect(!without.contains("paper scale"))
    #expect(document.hasPrefix(String(without.prefix(while: { $0 != "<" }))))
  }
}
