import Testing

@testable import LabKit

/// Behaviour of the chart types beyond well-formedness: colours, legend, bins, cells.
@Suite("Figures: chart behaviour")
struct FigureChartTests {
  @Test("series take Okabe–Ito colours in order and bands share the next one")
  func colours() {
    #expect(Palette.okabeIto[0] == .blue)
    #expect(Palette.okabeIto[1] == .vermillion)
    #expect(Palette.okabeIto[8] == .blue)
    #expect(Palette.okabeIto.colours.count == 8)
    #expect(Colour(hex: 0xE69F00).svgValue == "#e69f00")

    var chart = Chart(title: "", x: Axis(label: ""), y: Axis(label: ""))
    chart.band("band", x: [0, 1], lower: [0, 0], upper: [1, 1])
    chart.line("line", [(0, 0.5), (1, 0.5)])
    chart.line("second", [(0, 0.2), (1, 0.2)])
    let entries = chart.layers.compactMap { $0.legendEntry(palette: chart.palette) }
    guard entries.count == 3 else {
      Issue.record("expected 3 legend entries")
      return
    }
    if case .area(let band, _) = entries[0].swatch, case .line(let line, _) = entries[1].swatch,
      case .line(let second, _) = entries[2].swatch
    {
      #expect(band == .blue && line == .blue && second == .vermillion)
    } else {
      Issue.record("unexpected swatches")
    }
  }

  @Test("the legend goes to a corner with no data, and outside when every corner has some")
  func legendPlacement() {
    let frame = PlotFrame(
      title: "t", width: 640, height: 420,
      horizontal: .numeric(ResolvedAxis(Axis(label: "x", range: 0...1), values: [])),
      vertical: ResolvedAxis(Axis(label: "y", range: 0...1), values: []))
    let legend = ChartLegend(entries: [LegendEntry(name: "series", swatch: .line(.blue, dashed: false))])
    var coverage = LegendCoverage()
    #expect(legend.freeCorner(in: frame, coverage: coverage) == .topRight)
    coverage.add(frame.right - 10, frame.top + 10)
    #expect(legend.freeCorner(in: frame, coverage: coverage) == .topLeft)
    coverage.add(frame.left + 10, frame.top + 10)
    coverage.add(frame.right - 10, frame.bottom - 10)
    #expect(legend.freeCorner(in: frame, coverage: coverage) == .bottomLeft)
    coverage.add(frame.left + 10, frame.bottom - 10)
    #expect(legend.freeCorner(in: frame, coverage: coverage) == nil)
  }

  @Test("a rising line puts its legend top left, not over the line")
  func legendAvoidsLine() {
    var chart = Chart(title: "", x: Axis(label: ""), y: Axis(label: ""))
    chart.line("rising", [(0, 0), (1, 1)])
    let svg = chart.svg()
    let legendBox = svg.split(separator: "\n").first { $0.contains("fill-opacity=\"0.9\"") }
    #expect(legendBox != nil)
    // Top left: the box starts left of the middle of the figure.
    if let box = legendBox, let x = box.split(separator: "\"").dropFirst().first, let value = Double(x) {
      #expect(value < 320)
    }
  }

  @Test("hidden legends draw no legend box")
  func hiddenLegend() {
    var chart = Chart(title: "", x: Axis(label: ""), y: Axis(label: ""))
    chart.line("a", [(0, 0), (1, 1)])
    chart.legendPlacement = .hidden
    #expect(!chart.svg().contains("fill-opacity=\"0.9\""))
  }

  @Test("histograms count values into equal bins, the maximum in the last")
  func histogramBins() {
    let chart = HistogramChart(title: "", x: Axis(label: ""), values: [0, 0.1, 0.5, 0.99, 1, .nan, .infinity], bins: 2)
    #expect(chart.edges == [0, 0.5, 1])
    #expect(chart.counts == [2, 3])
    let fixed = HistogramChart(title: "", x: Axis(label: "", range: 0...10), values: [-1, 1, 2, 9, 11], bins: 5)
    #expect(fixed.counts == [1, 1, 0, 0, 1])
    let log = HistogramChart(title: "", x: Axis(label: "", scale: .logarithmic), values: [1, 5, 10, 50, 100, -3, 0], bins: 2)
    #expect(log.edges == [1, 10, 100])
    #expect(log.counts == [2, 3])
    let given = HistogramChart(title: "", x: Axis(label: ""), edges: [0, 1, 2], counts: [3, 4, 5])
    #expect(given.edges == [0, 1, 2] && given.counts == [3, 4])
  }

  @Test("heatmap cells are labelled with the given digits and NaN cells are grey and unlabelled")
  func heatmapCells() {
    let map = Heatmap(
      title: "", rows: ["a", "b"], columns: ["x", "y"], values: [[0.123, .nan], [0.5, 1]],
      cellLabelDigits: 2)
    let svg = map.svg()
    let text = FigureXML.parse(svg).text
    #expect(text.contains("0.12"))
    #expect(text.contains("0.5"))
    #expect(svg.contains(FigureStyle.missingColour))
    #expect(svg.contains(ColourScale.viridis.stops.first!.svgValue))
    #expect(svg.contains(ColourScale.viridis.stops.last!.svgValue))
    let unlabelled = Heatmap(title: "", rows: ["a"], columns: ["x"], values: [[0.123]]).svg()
    #expect(!FigureXML.parse(unlabelled).text.contains("0.12"))
  }

  @Test("diverging heatmaps centre their automatic range on zero")
  func divergingRange() {
    var map = Heatmap(title: "", rows: ["a"], columns: ["x", "y"], values: [[-1, 3]])
    map.colourScale = .blueWhiteRed
    #expect(map.resolvedRange == (-3, 3))
    map.valueRange = 0...10
    #expect(map.resolvedRange == (0, 10))
  }

  @Test("colour scales interpolate between stops and clamp")
  func colourScale() {
    let scale = ColourScale(stops: [Colour(hex: 0x000000), Colour(hex: 0xFFFFFF)])
    #expect(scale.colour(at: 0.5) == Colour(red: 128, green: 128, blue: 128))
    #expect(scale.colour(at: -1) == .black)
    #expect(scale.colour(at: 2) == .white)
    #expect(scale.colour(at: .nan) == .black)
  }

  @Test("bar charts draw one rectangle per placeable value")
  func bars() {
    var chart = BarChart(title: "", categories: ["a", "b", "c"], y: Axis(label: ""))
    chart.bars("one", [1, 2, .nan])
    chart.bars("two", [3, 4, 5, 6])
    let report = FigureXML.parse(chart.svg())
    // 2 + 3 bars; background, clip area, plot background, frame, legend box; 2 legend swatches.
    #expect(report.elements.filter { $0 == "rect" }.count == 5 + 5 + 2)
  }

  @Test("figure math matches known values")
  func math() {
    #expect(abs(FigureMath.log10(1000) - 3) < 1e-14)
    #expect(abs(FigureMath.log10(2) - 0.30102999566398120) < 1e-15)
    #expect(abs(FigureMath.log(10) - 2.302585092994046) < 1e-15)
    #expect(abs(FigureMath.exp(1) - 2.718281828459045) < 1e-15)
    #expect(abs(FigureMath.exp10(0.5) - 3.1622776601683795) < 1e-14)
    #expect(FigureMath.floorLog10(1000) == 3)
    #expect(FigureMath.floorLog10(999.999) == 2)
    #expect(FigureMath.floorLog10(0.001) == -3)
    #expect(FigureMath.decimal(3, -1) == 0.3)
    #expect(FigureMath.pow10(-5) == 1e-5)
  }
}
