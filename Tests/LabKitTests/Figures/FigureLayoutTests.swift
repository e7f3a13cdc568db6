import Foundation
import Testing

@testable import LabKit

/// Issue 18, item 4: a rendering test per figure kind that looks for overprinted labels (text
/// boxes intersecting), legends drawn over data, and colour bars on categorical data; run over
/// representative figures of every kind and over every committed figure.
@Suite struct FigureLayoutTests {
  // MARK: The geometry itself, checked by hand

  @Test func textBoxesFollowAnchorFontSizeAndRotation() throws {
    let svg = """
      <svg xmlns="http://www.w3.org/2000/svg" font-size="12">
        <text x="100" y="50" text-anchor="middle">abcd</text>
        <g font-size="10" text-anchor="end"><text x="60" y="20">xyz</text></g>
        <text x="20" y="100" font-size="10" text-anchor="middle" transform="rotate(-90 20 100)">ab</text>
        <text x="5" y="5" stroke="#ffffff">halo</text>
      </svg>
      """
    let texts = SVGGeometry.read(svg).texts
    try #require(texts.count == 3)
    // "abcd" at 12 px: 4 × 0.6 × 12 = 28.8 wide, centred on x = 100; top 50 − 9.6, bottom 50 + 2.4.
    expectCorners(texts[0], [(85.6, 40.4), (114.4, 40.4), (114.4, 52.4), (85.6, 52.4)])
    // "xyz" at 10 px inherited, right-aligned at 60: 18 wide, from 42 to 60; top 12, bottom 22.
    expectCorners(texts[1], [(42, 12), (60, 12), (60, 22), (42, 22)])
    // "ab" at 10 px, 12 wide, box 14...26 × 92...102 before turning −90° about (20, 100):
    // (x, y) ↦ (20 + (y − 100), 100 − (x − 20)).
    expectCorners(texts[2], [(12, 106), (12, 94), (22, 94), (22, 106)])
  }

  @Test func intersectionNeedsOverlapOnEveryAxis() {
    func box(_ x: Double, _ y: Double, _ w: Double, _ h: Double) -> SVGTextBox {
      SVGTextBox(
        text: "", corners: [.init(x: x, y: y), .init(x: x + w, y: y), .init(x: x + w, y: y + h), .init(x: x, y: y + h)])
    }
    #expect(box(0, 0, 10, 10).intersects(box(5, 5, 10, 10)))
    #expect(!box(0, 0, 10, 10).intersects(box(10, 0, 10, 10)))  // touching edges
    #expect(!box(0, 0, 10, 10).intersects(box(0, 10.2, 10, 10)))  // 0.2 px apart
    // Two labels at 45°, side by side along their normal: their axis-aligned hulls overlap,
    // the boxes themselves do not.
    func turned(_ x: Double) -> SVGTextBox {
      let d = 1 / 2.0.squareRoot()
      let corners = [(0.0, 0.0), (20, 0), (20, 4), (0, 4)].map { p in
        SVGPoint(x: x + p.0 * d + p.1 * d, y: -p.0 * d + p.1 * d)
      }
      return SVGTextBox(text: "", corners: corners)
    }
    #expect(!turned(0).intersects(turned(8)))
    #expect(turned(0).intersects(turned(4)))
  }

  @Test func injectedOverprintIsFound() throws {
    let svg = try #require(FigureSample.all.first { $0.name == "line-legend" }).make()
    #expect(SVGGeometry.read(svg).overlappingTexts.isEmpty)
    let twin = "<text x=\"60\" y=\"30\">Overprinted label</text>\n<text x=\"70\" y=\"34\">Second label</text>\n</svg>"
    let damaged = svg.replacingOccurrences(of: "</svg>", with: twin)
    let pairs = SVGGeometry.read(damaged).overlappingTexts
    #expect(pairs.contains { $0 == ("Overprinted label", "Second label") })
  }

  @Test func legendOverDataIsFound() throws {
    // Rows of points 23 px inside the top and bottom edges: every inside corner covers some of them.
    var chart = Chart(title: "Forced legend", x: Axis(label: "x", range: 0...1), y: Axis(label: "y", range: 0...1))
    let xs = (0...20).map { Double($0) / 20 }
    chart.scatter("edge points", x: xs + xs, y: xs.map { _ in 0.93 } + xs.map { _ in 0.07 })
    let automatic = SVGGeometry.read(chart.svg())
    chart.legendPlacement = .topLeft
    let forced = SVGGeometry.read(chart.svg())
    #expect(automatic.legends.count == 1 && forced.legends.count == 1)
    #expect(automatic.samplesUnderLegends(inset: 2).isEmpty)
    #expect(!forced.samplesUnderLegends(inset: 2).isEmpty)
  }

  // MARK: Every figure kind

  /// The representative figures of every kind: charts with inside and outside legends, bands,
  /// error bars, reference lines and text, log axes, bar charts, histograms, continuous heatmaps,
  /// and a categorical heatmap.
  static let representative: [FigureSample] =
    FigureSample.all.filter { !["degenerate-sizes-and-ranges", "empty-bars-histogram-heatmap"].contains($0.name) }
    + [
      FigureSample(name: "heatmap-categorical") { FigureLayoutTests.categoricalHeatmap().svg() }
    ]

  static func categoricalHeatmap() -> Heatmap {
    let values = (0..<8).map { r in (0..<8).map { c in Double((r * c + r) % 3) } }
    var map = Heatmap(
      title: "Outcome by strategy pair", rows: (1...8).map { "row \($0)" }, columns: (1...8).map { "column \($0)" },
      values: values, xLabel: "Column strategy", yLabel: "Row strategy")
    map.colourBarLabel = "Outcome"
    map.categories = [
      HeatmapCategory(value: 0, name: "both defect", colour: .blue),
      HeatmapCategory(value: 1, name: "one defects", colour: .orange),
      HeatmapCategory(value: 2, name: "both cooperate", colour: .vermillion),
    ]
    return map
  }

  @Test(arguments: representative)
  func noTextBoxesIntersect(_ sample: FigureSample) {
    let geometry = SVGGeometry.read(sample.make())
    #expect(!geometry.texts.isEmpty)
    let pairs = geometry.overlappingTexts
    #expect(pairs.isEmpty, "\(sample.name): \(pairs.prefix(5))")
  }

  @Test(arguments: representative)
  func automaticLegendsCoverNoData(_ sample: FigureSample) {
    let geometry = SVGGeometry.read(sample.make())
    // Markers reach 1.3 × 3.5 px from their centre and LegendCoverage keeps a 3 px margin, so a
    // marker may enter the box by about 1.6 px: look 2 px inside the box.
    let covered = geometry.samplesUnderLegends(inset: 2)
    #expect(covered.isEmpty, "\(sample.name): \(covered.count) samples under the legend, e.g. \(covered.prefix(3))")
  }

  @Test func representativeLegendsAreExercised() {
    let withLegends = Self.representative.filter { !SVGGeometry.read($0.make()).legends.isEmpty }
    let names = Set(withLegends.map(\.name))
    #expect(names.isSuperset(of: ["line-legend", "scatter", "band", "grouped-bars", "many-series-outside-legend"]))
    for sample in withLegends where sample.name != "empty-log-chart" {
      #expect(!SVGGeometry.read(sample.make()).dataSamples.isEmpty, "\(sample.name)")
    }
  }

  // MARK: Categorical data

  @Test func valueKindByHand() {
    #expect(Heatmap.valueKind(of: [[0, 1], [1, 0]]) == .categorical(values: [0, 1]))
    #expect(Heatmap.valueKind(of: [[2, 0, .nan], [1, 0, 2]]) == .categorical(values: [0, 1, 2]))
    #expect(Heatmap.valueKind(of: [[0, 1, 2, 3], [3, 2, 1, 0]]) == .continuous)  // four values
    #expect(Heatmap.valueKind(of: [[0.25, 0.5]]) == .continuous)  // no more cells than values
    #expect(Heatmap.valueKind(of: []) == .continuous)
  }

  @Test func categoricalHeatmapDrawsSwatchesNotAColourBar() {
    let categorical = Self.categoricalHeatmap()
    #expect(!categorical.hasContinuousScaleOnCategoricalData)
    let drawn = SVGGeometry.read(categorical.svg())
    #expect(drawn.colourBars == 0)
    #expect(Set(drawn.texts.map(\.text)).isSuperset(of: ["both defect", "one defects", "both cooperate", "Outcome"]))

    var continuous = categorical
    continuous.categories = nil
    #expect(continuous.hasContinuousScaleOnCategoricalData)
    #expect(SVGGeometry.read(continuous.svg()).colourBars == 1)
  }

  // MARK: The committed figures

  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  static func committedFigures() throws -> [URL] {
    let folder = packageRoot.appendingPathComponent("Figures")
    let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
    return (enumerator?.allObjects as? [URL] ?? []).filter { $0.pathExtension == "svg" }
      .sorted { $0.path < $1.path }
  }

  @Test func committedFiguresHaveNoOverprintedText() throws {
    let figures = try Self.committedFigures()
    #expect(figures.count >= 40)
    for url in figures {
      let geometry = SVGGeometry.read(try String(contentsOf: url, encoding: .utf8))
      #expect(!geometry.texts.isEmpty, "\(url.lastPathComponent)")
      let pairs = geometry.overlappingTexts
      #expect(pairs.isEmpty, "\(url.lastPathComponent): \(pairs.prefix(5))")
    }
  }

  @Test func committedLegendsCoverNoData() throws {
    for url in try Self.committedFigures() {
      let covered = SVGGeometry.read(try String(contentsOf: url, encoding: .utf8)).samplesUnderLegends(inset: 2)
      #expect(covered.isEmpty, "\(url.lastPathComponent): \(covered.count) samples, e.g. \(covered.prefix(3))")
    }
  }

  /// Every heatmap in the committed `Reproduce/*/results.json` whose values look categorical
  /// carries categories (and so is drawn with swatches, not a colour bar).
  @Test func committedCategoricalHeatmapsUseCategories() throws {
    let folder = Self.packageRoot.appendingPathComponent("Reproduce")
    let papers = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    var heatmaps = 0
    for paper in papers {
      let url = folder.appendingPathComponent(paper).appendingPathComponent("results.json")
      guard let data = FileManager.default.contents(atPath: url.path) else { continue }
      for map in Self.heatmaps(in: try JSONSerialization.jsonObject(with: data)) {
        heatmaps += 1
        let values = (map["values"] as? [[Any]] ?? []).map { row in row.map { ($0 as? NSNumber)?.doubleValue ?? .nan } }
        if case .categorical(let distinct) = Heatmap.valueKind(of: values) {
          #expect(map["categories"] is [Any], "\(paper): \(map["title"] ?? "") takes only \(distinct)")
        }
      }
    }
    #expect(heatmaps >= 4)
  }

  static func heatmaps(in json: Any) -> [[String: Any]] {
    if let object = json as? [String: Any] {
      let own = object["kind"] as? String == "heatmap" ? [object] : []
      return own + object.values.flatMap(heatmaps(in:))
    }
    if let array = json as? [Any] { return array.flatMap(heatmaps(in:)) }
    return []
  }

  private func expectCorners(
    _ box: SVGTextBox, _ expected: [(Double, Double)], sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(box.corners.count == expected.count, sourceLocation: sourceLocation)
    for (corner, (x, y)) in zip(box.corners, expected) {
      #expect(abs(corner.x - x) < 1e-9 && abs(corner.y - y) < 1e-9, "\(corner) ≠ (\(x), \(y))", sourceLocation: sourceLocation)
    }
  }
}
