import Foundation
import Testing

@testable import LabKit

/// Every figure type and awkward case gives a well-formed, self-contained SVG 1.1 document.
@Suite("Figures: well-formed SVG")
struct FigureWellFormedTests {
  @Test("parses as XML with an svg root", arguments: FigureSample.all)
  func wellFormed(sample: FigureSample) throws {
    let document = sample.make()
    // Samples made of several documents are split at the XML declaration.
    let parts = document.components(separatedBy: "<?xml ").filter { !$0.isEmpty }.map { "<?xml " + $0 }
    #expect(!parts.isEmpty)
    for part in parts {
      let report = FigureXML.parse(part)
      #expect(report.parsed, "parse() failed for \(sample.name)")
      #expect(report.error == nil, "parser error for \(sample.name): \(String(describing: report.error))")
      #expect(report.root == "svg")
      #expect(report.rootAttributes["xmlns"] == "http://www.w3.org/2000/svg")
      #expect(report.rootAttributes["version"] == "1.1")
      #expect(report.rootAttributes["viewBox"]?.hasPrefix("0 0 ") == true)
      #expect(report.rootAttributes["font-family"] == "DejaVu Sans, sans-serif")
      #expect(report.elements.contains("title"))
    }
  }

  @Test("is self-contained: no scripts, external references, fonts or images", arguments: FigureSample.all)
  func selfContained(sample: FigureSample) {
    let document = sample.make()
    for forbidden in ["<script", "<image", "xlink:", "@font-face", "<style", "<foreignObject", "href="] {
      #expect(!document.contains(forbidden), "\(sample.name) contains \(forbidden)")
    }
    #expect(!document.contains("paint-order"), "paint-order is SVG 2")
    let withoutNamespace = document.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "")
    #expect(!withoutNamespace.contains("http"))
    #expect(!withoutNamespace.contains("url(http"))
  }

  /// Where Debian's w3c-sgml-lib puts the SVG 1.1 (Second Edition) DTD.
  static let svg11DTD = "/usr/share/xml/w3c-sgml-lib/schema/dtd/REC-SVG11-20110816/svg11.dtd"
  static let xmllint = "/usr/bin/xmllint"
  static var canValidate: Bool {
    FileManager.default.isExecutableFile(atPath: xmllint) && FileManager.default.fileExists(atPath: svg11DTD)
  }

  @Test(
    "validates against the SVG 1.1 DTD",
    .enabled(if: canValidate, "optional: needs xmllint (libxml2-utils) and the DTD (w3c-sgml-lib)"),
    arguments: FigureSample.all)
  func validSVG11(sample: FigureSample) throws {
    let parts = sample.make().components(separatedBy: "<?xml ").filter { !$0.isEmpty }.map { "<?xml " + $0 }
    for part in parts {
      let file = FileManager.default.temporaryDirectory
        .appendingPathComponent("labkit-figure-\(UUID().uuidString).svg")
      try Data(part.utf8).write(to: file)
      defer { try? FileManager.default.removeItem(at: file) }
      let process = Process()
      process.executableURL = URL(fileURLWithPath: Self.xmllint)
      process.arguments = ["--noout", "--nonet", "--dtdvalid", Self.svg11DTD, file.path]
      let errors = Pipe()
      process.standardError = errors
      process.standardOutput = FileHandle.nullDevice
      try process.run()
      let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      process.waitUntilExit()
      #expect(process.terminationStatus == 0, "\(sample.name) is not valid SVG 1.1: \(message)")
    }
  }

  @Test("the malformed-document check itself catches malformed documents")
  func detectorWorks() {
    let report = FigureXML.parse("<?xml version=\"1.0\"?><svg><g></svg>")
    #expect(!report.isWellFormed)
    let escaped = FigureXML.parse("<?xml version=\"1.0\"?><svg>a & b</svg>")
    #expect(!escaped.isWellFormed)
  }

  @Test("empty charts still draw axes")
  func emptyChartsHaveAxes() {
    let svg = Chart(title: "Empty", x: Axis(label: "x"), y: Axis(label: "y")).svg()
    let report = FigureXML.parse(svg)
    #expect(report.isWellFormed)
    // Frame, ticks and tick labels of the default 0 ... 1 range.
    #expect(report.elements.filter { $0 == "line" }.count >= 10)
    #expect(report.text.contains("0.2"))
    #expect(report.text.contains("x"))
    let log = Chart(title: "Empty", x: Axis(label: "x", scale: .logarithmic), y: Axis(label: "y")).svg()
    #expect(FigureXML.parse(log).isWellFormed)
    #expect(FigureXML.parse(log).text.contains("10"))
  }
}
