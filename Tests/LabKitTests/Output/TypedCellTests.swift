import Testing

@testable import LabKit

/// Table cells that print several numbers are typed in results.json (issue "For the researcher").
@Suite struct TypedCellTests {
  @Test func anEstimateWithItsIntervalIsTyped() {
    let cell = Table.Cell.text("0.395 [0.349, 0.441]").typed
    #expect(cell == .interval(estimate: "0.395", lower: "0.349", upper: "0.441"))
    #expect(cell.text == "0.395 [0.349, 0.441]")
    #expect(cell.json.rendered() == "{\n  \"estimate\": 0.395,\n  \"lower\": 0.349,\n  \"upper\": 0.441\n}\n")
  }

  @Test func aCountWithItsIntervalIsTyped() {
    let cell = Table.Cell.text("4/4 [0.51, 1.00]").typed
    #expect(cell == .count(successes: 4, trials: 4, lower: "0.51", upper: "1.00"))
    #expect(cell.text == "4/4 [0.51, 1.00]")
  }

  @Test func aBareIntervalAndPlainNumbersAreTyped() {
    #expect(Table.Cell.text("[1.0000, 1.0000]").typed == .interval(estimate: nil, lower: "1.0000", upper: "1.0000"))
    #expect(Table.Cell.text("0.25").typed == .real(0.25, digits: 2))
    #expect(Table.Cell.text("-3").typed == .integer(-3))
  }

  @Test func textThatIsNotExactlyANumberStaysText() {
    for text in ["3/8", "0.25…", "007", "1e-05", "(1, 1)", "[a, b]", "0.4 [0.3,0.5]", "2 – 3", "-", "", "1.", ".5"] {
      #expect(Table.Cell.text(text).typed == .text(text), "\(text)")
    }
  }

  @Test func typedCellsReadBackFromJSONUnchanged() throws {
    let table = Table(
      id: "t", title: "T", columns: ["a", "b", "c"], rows: [["0.395 [0.349, 0.441]", "4/4 [0.51, 1.00]", "[0.1, 0.2]"]])
    let text = table.json.rendered()
    let back = try Table(json: try JSONValue.parse(text), place: "test")
    #expect(back == table)
    #expect(back.json.rendered() == text)
  }
}

@Suite struct NearestNamesTests {
  @Test func aTypoGetsTheNearestIds() {
    let known = ["np.table-2-1", "np.table-2-2", "np.exp1.unexploitable", "sbc.folk-theorem"]
    #expect(NearestNames.suggestions(for: "np.tabel-2-1", among: known) == ["np.table-2-1", "np.table-2-2"])
    #expect(NearestNames.suggestions(for: "folk-theorem", among: known) == ["sbc.folk-theorem"])
    #expect(NearestNames.suggestions(for: "zzzzzz", among: known).isEmpty)
  }

  @Test func editDistanceIsLevenshtein() {
    #expect(NearestNames.editDistance(Array("kitten"), Array("sitting"), bound: 10) == 3)
    #expect(NearestNames.editDistance(Array(""), Array("abc"), bound: 10) == 3)
    #expect(NearestNames.editDistance(Array("abc"), Array("abc"), bound: 0) == 0)
  }

  @Test func theErrorMessageSaysDidYouMean() {
    let message = LabError.unknownIdentifier("np.tabel-2-1", known: ["np.table-2-1", "ma.cost"]).description
    #expect(message == "unknown id 'np.tabel-2-1'; did you mean 'np.table-2-1'? (`reproduce list` shows every id)")
  }
}

@Suite struct FigureDataTests {
  @Test func aChartGivesEverySeriesPoints() {
    var chart = Chart(title: "T", x: Axis(label: "population"), y: Axis(label: "wellbeing", range: 0...4))
    chart.line("trade", [(1, 3), (2, .nan), (3, 2.5)])
    chart.referenceLine(y: 1, label: "all steal")
    let data = chart.data
    #expect(data["kind"]?.stringValue == "chart")
    #expect(data["x"]?["label"]?.stringValue == "population")
    #expect(data["y"]?["range"] == .array([.number(0), .number(4)]))
    let series = data["series"]?.arrayValue ?? []
    #expect(series.count == 2)
    #expect(series[0]["x"] == .array([.number(1), .number(2), .number(3)]))
    #expect(series[0]["y"] == .array([.number(3), .null, .number(2.5)]))
    #expect(series[1]["kind"]?.stringValue == "reference")
    #expect(series[1]["value"] == .number(1))
  }

  @Test func aFigureFromADrawingCarriesItsData() {
    var bars = BarChart(title: "B", categories: ["x", "y"], y: Axis(label: "v"))
    bars.bars("s", [1, 2], lower: [0.5, 1.5], upper: [1.5, 2.5])
    let figure = Figure(id: "f", title: "F", drawing: bars)
    #expect(figure.svg == bars.svg())
    #expect(figure.data?["series"]?.arrayValue?.first?["upper"] == .array([.number(1.5), .number(2.5)]))
  }

  @Test func aHeatmapGivesItsCells() {
    let map = Heatmap(title: "H", rows: ["a"], columns: ["b", "c"], values: [[1, .infinity]], xLabel: "x", yLabel: "y")
    #expect(map.data["values"] == .array([.array([.number(1), .null])]))
  }
}
