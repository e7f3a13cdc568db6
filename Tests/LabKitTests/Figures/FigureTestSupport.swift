import Foundation
import Testing

@testable import LabKit

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// One example figure of the library, named for test output.
struct FigureSample: Sendable, CustomTestStringConvertible {
  let name: String
  let make: @Sendable () -> String

  var testDescription: String { name }
}

/// What an XML parse of a document found.
struct FigureXMLReport {
  /// Whether `parse()` returned true.
  var parsed: Bool
  /// The parser's error, if any.
  var error: Error?
  /// The root element's name.
  var root: String?
  /// The root element's attributes.
  var rootAttributes: [String: String] = [:]
  /// All element names, in document order.
  var elements: [String] = []
  /// All character data, concatenated.
  var text = ""

  var isWellFormed: Bool { parsed && error == nil }
}

/// Collects what ``FigureXML/parse(_:)`` reports.
private final class FigureXMLCollector: NSObject, XMLParserDelegate {
  var report = FigureXMLReport(parsed: false)

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
    attributes attributeDict: [String: String] = [:]
  ) {
    if report.root == nil {
      report.root = elementName
      report.rootAttributes = attributeDict
    }
    report.elements.append(elementName)
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    report.text += string
  }

  func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
    report.error = report.error ?? parseError
  }
}

/// Well-formedness checks with FoundationXML.
enum FigureXML {
  /// Parses `document`; on Linux `parse()` may return true for malformed input, so callers check
  /// ``FigureXMLReport/isWellFormed`` (both the result and `parserError`).
  static func parse(_ document: String) -> FigureXMLReport {
    let parser = XMLParser(data: Data(document.utf8))
    let collector = FigureXMLCollector()
    parser.delegate = collector
    let parsed = parser.parse()
    var report = collector.report
    report.parsed = parsed
    report.error = report.error ?? parser.parserError
    return report
  }
}

/// Rendering with `rsvg-convert`.
enum FigureRenderer {
  static let rsvgPath = "/usr/bin/rsvg-convert"

  static var rsvgAvailable: Bool { FileManager.default.isExecutableFile(atPath: rsvgPath) }
  static var isCI: Bool { ProcessInfo.processInfo.environment["CI"].map { !$0.isEmpty } ?? false }

  struct Result {
    var status: Int32
    var png: Data
    var standardError: String
  }

  /// Renders `svg` to PNG in a fresh temporary folder and returns the exit status, the PNG bytes
  /// and what rsvg-convert printed on standard error.
  static func render(_ svg: String, name: String) throws -> Result {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("labkit-figures-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let input = folder.appendingPathComponent("\(name).svg")
    let output = folder.appendingPathComponent("\(name).png")
    try Data(svg.utf8).write(to: input)

    let process = Process()
    process.executableURL = URL(fileURLWithPath: rsvgPath)
    process.arguments = ["-o", output.path, input.path]
    let errorPipe = Pipe()
    process.standardError = errorPipe
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let errorData = errorPipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let png = (try? Data(contentsOf: output)) ?? Data()

    // For looking at the figures: FIGURE_PREVIEW_DIR=/some/folder swift test
    if let preview = ProcessInfo.processInfo.environment["FIGURE_PREVIEW_DIR"], !preview.isEmpty {
      let target = URL(fileURLWithPath: preview, isDirectory: true)
      try? FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
      try? Data(svg.utf8).write(to: target.appendingPathComponent("\(name).svg"))
      try? png.write(to: target.appendingPathComponent("\(name).png"))
    }
    return Result(
      status: process.terminationStatus, png: png,
      standardError: String(decoding: errorData, as: UTF8.self))
  }
}

extension FigureSample {
  /// A smooth curve for examples: y = a + b·sin(x / c), built without Foundation's sin.
  static func wave(_ count: Int, phase: Double, scale: Double) -> [(x: Double, y: Double)] {
    (0..<count).map { i in
      let x = Double(i)
      var t = (x / 6 + phase).truncatingRemainder(dividingBy: 2 * Double.pi)
      if t > Double.pi { t -= 2 * Double.pi }
      // sin by its Taylor series on -π ... π (enough for a picture).
      var term = t
      var sum = t
      for n in 1..<12 {
        term *= -t * t / Double((2 * n) * (2 * n + 1))
        sum += term
      }
      return (x, scale * (1 + 0.6 * sum) + x * 0.05)
    }
  }

  /// A scrambled but deterministic number in 0 ..< modulus: (i × multiplier) mod modulus.
  static func jitter(_ i: Int, _ multiplier: Int, _ modulus: Int) -> Double {
    Double((i * multiplier) % modulus)
  }

  /// One example of every figure type and feature, plus the awkward cases.
  static let all: [FigureSample] = [
    FigureSample(name: "line-legend") {
      var chart = Chart(title: "Cooperation over rounds", x: Axis(label: "Round"), y: Axis(label: "Share cooperating"))
      chart.line("Tit for tat", wave(60, phase: 0, scale: 0.4))
      chart.line("Grim trigger", wave(60, phase: 1.5, scale: 0.35), dashed: true)
      chart.line("Win-stay, lose-shift", wave(60, phase: 3, scale: 0.3))
      return chart.svg()
    },
    FigureSample(name: "scatter") {
      var chart = Chart(title: "Payoff against similarity", x: Axis(label: "Similarity"), y: Axis(label: "Payoff"))
      let a: [(x: Double, y: Double)] = (0..<40).map { i in (x: Double(i) / 40, y: jitter(i, 37, 23) / 10 + Double(i) / 20) }
      let b: [(x: Double, y: Double)] = (0..<40).map { i in (x: Double(i) / 40, y: jitter(i, 17, 19) / 12 + 1) }
      chart.scatter("Population A", a)
      chart.scatter("Population B", b, marker: .triangle)
      return chart.svg()
    },
    FigureSample(name: "band") {
      var chart = Chart(title: "Mean with 95 % interval", x: Axis(label: "Generation"), y: Axis(label: "Mean payoff"))
      let mean = wave(50, phase: 0.5, scale: 2)
      chart.band("95 % interval", x: mean.map(\.x), lower: mean.map { $0.y - 0.4 }, upper: mean.map { $0.y + 0.4 })
      chart.line("Mean", mean)
      return chart.svg()
    },
    FigureSample(name: "error-bars") {
      var chart = Chart(title: "Estimates with standard errors", x: Axis(label: "Noise level"), y: Axis(label: "Cooperation"))
      let x = [0.0, 0.05, 0.1, 0.15, 0.2, 0.25]
      let y = [0.92, 0.85, 0.71, 0.6, 0.42, 0.35]
      chart.errorBars("Simulation", x: x, y: y, lower: y.map { $0 - 0.06 }, upper: y.map { $0 + 0.05 })
      chart.line("Model", x: x, y: [0.95, 0.83, 0.72, 0.58, 0.45, 0.33], dashed: true)
      return chart.svg()
    },
    FigureSample(name: "reference-lines-text-polygon") {
      var chart = Chart(
        title: "Feasible payoffs of the prisoner's dilemma",
        x: Axis(label: "Payoff to row player", range: -0.5...5.5),
        y: Axis(label: "Payoff to column player", range: -0.5...5.5))
      chart.polygon("Feasible set", [(0, 5), (3, 3), (5, 0), (1, 1)])
      chart.scatter("Pure outcomes", [(0, 5), (3, 3), (5, 0), (1, 1)], marker: .diamond)
      chart.referenceLine(y: 1, label: "Minmax (column)")
      chart.referenceLine(x: 1, label: "Minmax (row)")
      chart.text("Mutual cooperation", at: (3, 3.4))
      return chart.svg()
    },
    FigureSample(name: "log-axes") {
      var chart = Chart(
        title: "Convergence time", x: Axis(label: "Population size", scale: .logarithmic),
        y: Axis(label: "Rounds to converge", scale: .logarithmic))
      let sizes = [10.0, 30, 100, 300, 1000, 3000, 10000, 30000, 100000]
      chart.line("Simulation", x: sizes, y: sizes.map { $0 * 1.8 + 20 })
      chart.scatter("Bound", x: sizes, y: sizes.map { $0 * 0.9 })
      return chart.svg()
    },
    FigureSample(name: "log-short-range") {
      var chart = Chart(title: "Short logarithmic range", x: Axis(label: "x"), y: Axis(label: "y", scale: .logarithmic))
      chart.line("y", x: [0, 1, 2, 3, 4], y: [1.2, 3, 9, 30, 80])
      return chart.svg()
    },
    FigureSample(name: "grouped-bars") {
      var chart = BarChart(
        title: "Mean payoff by strategy", categories: ["TFT", "ALLD", "ALLC", "GRIM", "WSLS"],
        xLabel: "Strategy", y: Axis(label: "Mean payoff"))
      chart.bars("No noise", [3.0, 1.2, 2.5, 2.9, 3.0], lower: [2.8, 1.0, 2.2, 2.7, 2.85], upper: [3.2, 1.4, 2.8, 3.1, 3.15])
      chart.bars("5 % noise", [2.4, 1.3, 2.0, 1.9, 2.7], lower: [2.2, 1.1, 1.8, 1.7, 2.5], upper: [2.6, 1.5, 2.2, 2.1, 2.9])
      chart.bars("10 % noise", [2.0, 1.4, 1.6, 1.5, 2.4])
      chart.referenceLine(y: 1, label: "Mutual defection")
      return chart.svg()
    },
    FigureSample(name: "bars-long-names") {
      var chart = BarChart(
        title: "Rotated category names",
        categories: [
          "Generous tit for tat", "Always defect", "Always cooperate", "Grim trigger",
          "Win-stay, lose-shift", "Random",
        ],
        xLabel: "Strategy", y: Axis(label: "Share"))
      chart.bars(nil, [0.3, -0.1, 0.2, 0.25, 0.35, 0.05])
      return chart.svg()
    },
    FigureSample(name: "histogram") {
      let values: [Double] = (0..<500).map { i in (jitter(i, 7919, 1000) + jitter(i, 104_729, 1000)) / 1000 }
      var chart = HistogramChart(
        title: "Distribution of final payoffs", x: Axis(label: "Payoff"),
        values: values, bins: 20)
      chart.referenceLine(x: 1, label: "Mean")
      return chart.svg()
    },
    FigureSample(name: "histogram-edges") {
      HistogramChart(
        title: "Given bins", x: Axis(label: "Rounds"), edges: [0, 10, 20, 50, 100],
        counts: [12, 30, 22, 5]
      ).svg()
    },
    FigureSample(name: "heatmap-labels") {
      let values = (0..<6).map { r in (0..<7).map { c in Double(r * 7 + c) / 41 } }
      var map = Heatmap(
        title: "Cooperation rate by benefit and cost", rows: (1...6).map { "b = \($0)" },
        columns: ["0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7"], values: values,
        xLabel: "Cost c", yLabel: "Benefit b", cellLabelDigits: 2)
      map.colourBarLabel = "Cooperation rate"
      return map.svg()
    },
    FigureSample(name: "heatmap-diverging-nan") {
      var map = Heatmap(
        title: "Payoff difference", rows: ["A", "B", "C"], columns: ["x", "y", "z", "w"],
        values: [[-2, -1, 0, .nan], [1, 2, .infinity, 0.5], [3]], cellLabelDigits: 1)
      map.colourScale = .blueWhiteRed
      return map.svg()
    },
    FigureSample(name: "heatmap-large") {
      let values: [[Double]] = (0..<30).map { r in (0..<40).map { c in jitter(r * 40 + c, 7919, 101) / 100 } }
      var map = Heatmap(
        title: "Forty strategies against thirty environments",
        rows: (0..<30).map { "Environment \($0 + 1)" }, columns: (0..<40).map { "Strategy \($0 + 1)" },
        values: values, xLabel: "Strategy", yLabel: "Environment", width: 720, height: 560)
      map.colourBarLabel = "Payoff"
      map.valueRange = 0...1
      return map.svg()
    },
    FigureSample(name: "log-x-long-title") {
      var chart = Chart(
        title: "A rather long title that is wider than the plotting area of this small chart",
        x: Axis(label: "Learning rate", scale: .logarithmic), y: Axis(label: "Error"),
        width: 420, height: 300)
      chart.scatter("runs", x: [1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 0.1], y: [0.9, 0.6, 0.3, 0.2, 0.35, 0.8], marker: .square)
      chart.legendPlacement = .bottomLeft
      return chart.svg()
    },
    FigureSample(name: "bands-long-names-log-x") {
      var chart = Chart(
        title: "Zero-memory Q-learners: Q_s − Q_t approaches 1 (§2.1)",
        x: Axis(label: "encounters per agent", scale: .logarithmic),
        y: Axis(label: "Q_s − Q_t (mean over agents)"))
      let x: [Double] = [1, 3, 10, 30, 100, 300, 1000, 3000, 10000, 30000, 100_000]
      for (k, name) in ["2 agents", "100 agents"].enumerated() {
        let mean: [Double] = x.indices.map { i in 1 - 0.9 / Double(i + 1 + 2 * k) }
        chart.band(nil, x: x, lower: mean.map { $0 - 0.08 }, upper: mean.map { $0 + 0.06 })
        chart.line("\(name) (mean of 20 runs; band: range)", x.indices.map { (x: x[$0], y: mean[$0]) })
      }
      chart.referenceLine(y: 1, label: "text: Q_s − Q_t = 1")
      return chart.svg()
    },
    FigureSample(name: "degenerate-sizes-and-ranges") {
      var chart = Chart(
        title: "Odd sizes", x: Axis(label: "x", range: 3...3), y: Axis(label: "y", range: -.infinity ... .infinity),
        width: .nan, height: 10)
      chart.line("flat", [(3, 5), (3, 5)])
      let bars = BarChart(
        title: "Tiny", categories: ["a"], y: Axis(label: "y", scale: .logarithmic, range: -1...0),
        width: -5, height: .infinity)
      let histogram = HistogramChart(title: "One value", x: Axis(label: "x"), values: [2, 2, 2], bins: 0)
      var heatmap = Heatmap(title: "Flat", rows: ["r"], columns: ["c"], values: [[7]], width: 1e9, height: .nan)
      heatmap.valueRange = 1 ... .infinity
      return chart.svg() + bars.svg() + histogram.svg() + heatmap.svg()
    },
    FigureSample(name: "empty-chart") {
      Chart(title: "No data yet", x: Axis(label: "x"), y: Axis(label: "y")).svg()
    },
    FigureSample(name: "empty-log-chart") {
      var chart = Chart(title: "", x: Axis(label: "x", scale: .logarithmic), y: Axis(label: "", scale: .logarithmic))
      chart.line("nothing placeable", [(0, 1), (-1, 2), (.nan, 3)])
      return chart.svg()
    },
    FigureSample(name: "empty-bars-histogram-heatmap") {
      BarChart(title: "Empty", categories: [], y: Axis(label: "y")).svg()
        + HistogramChart(title: "Empty", x: Axis(label: "x"), values: [], bins: 5).svg()
        + Heatmap(title: "Empty", rows: [], columns: [], values: []).svg()
    },
    FigureSample(name: "non-finite-data") {
      var chart = Chart(title: "Gaps in data", x: Axis(label: "x"), y: Axis(label: "y"))
      chart.line("with gaps", [(0, 1), (1, .nan), (2, 3), (3, .infinity), (4, 2), (5, 2.5), (.nan, 1), (7, -.infinity)])
      chart.scatter("points", [(0, .nan), (1, 2), (.infinity, 2)])
      chart.band(nil, x: [0, 1, 2, 3], lower: [0, .nan, 1, 1], upper: [1, 2, .infinity, 2])
      chart.errorBars(nil, x: [0, 1, .nan], y: [1, .nan, 1], lower: [0.5, 1, 1], upper: [.nan, 2, 2])
      chart.polygon(nil, [(0, 0), (.nan, 1), (2, 2), (3, 0)])
      chart.referenceLine(y: .nan, label: "not drawn")
      chart.referenceLine(x: .infinity)
      chart.text("not drawn", at: (.nan, 1))
      return chart.svg()
    },
    FigureSample(name: "log-non-positive") {
      var chart = Chart(
        title: "Log axis skips non-positive values", x: Axis(label: "x"),
        y: Axis(label: "y", scale: .logarithmic))
      chart.line("series", x: [0, 1, 2, 3, 4, 5], y: [1, 0, 10, -5, 100, 1000])
      chart.band(nil, x: [0, 1, 2], lower: [0, 0.5, 1], upper: [2, 3, 4])
      return chart.svg()
    },
    FigureSample(name: "special-characters") {
      var chart = Chart(title: "Tom & Jerry <\"quoted\"> 'single'", x: Axis(label: "a < b"), y: Axis(label: "c > d & e"))
      chart.line("<series & \"one\">", [(0, 0), (1, 1)])
      chart.text("x < 'y' & z", at: (0.5, 0.5))
      chart.referenceLine(y: 0.25, label: "</svg>")
      return chart.svg()
    },
    FigureSample(name: "many-series-outside-legend") {
      var chart = Chart(title: "Ten series", x: Axis(label: "t"), y: Axis(label: "value"))
      for k in 0..<10 {
        chart.line("Series \(k + 1)", wave(40, phase: Double(k) * 0.6, scale: 1 + Double(k) * 0.2))
      }
      return chart.svg()
    },
    FigureSample(name: "tiny-and-huge-values") {
      var chart = Chart(title: "Extreme magnitudes", x: Axis(label: "x"), y: Axis(label: "y"), width: 320, height: 240)
      chart.line("tiny", [(1e-9, 1e12), (2e-9, 3e12), (3e-9, 2e12)])
      return chart.svg()
    },
  ]
}
