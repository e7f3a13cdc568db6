import Testing

@testable import LabKit

/// Same input, same text; no "nan" or "inf" whatever the data.
@Suite("Figures: determinism and non-finite data")
struct FigureDeterminismTests {
  @Test("the same figure twice gives identical text", arguments: FigureSample.all)
  func identical(sample: FigureSample) {
    #expect(sample.make() == sample.make())
  }

  @Test("no nan or inf reaches the output", arguments: FigureSample.all)
  func noNonFinite(sample: FigureSample) {
    let lowered = sample.make().lowercased()
    #expect(!lowered.contains("nan"))
    #expect(!lowered.contains("inf"))
  }

  @Test("every number in the output is plain fixed-point")
  func plainNumbers() {
    for sample in FigureSample.all {
      let svg = sample.make()
      // Attribute values that are numbers must not use exponent notation.
      for piece in svg.split(separator: "\"") where piece.first?.isNumber == true || piece.first == "-" {
        let tokens = piece.split(whereSeparator: { " ,()MLHVZ".contains($0) })
        for token in tokens where token.first?.isNumber == true {
          #expect(!token.contains("e"), "\(sample.name): \(token)")
        }
      }
    }
  }

  @Test("NaN and infinite points break a line instead of joining across the gap")
  func breaks() {
    var chart = Chart(title: "", x: Axis(label: "", range: 0...4), y: Axis(label: "", range: 0...4))
    chart.line(nil, [(0, 0), (1, 1), (2, .nan), (3, 3), (4, 4)])
    let svg = chart.svg()
    guard let path = svg.split(separator: "\n").first(where: { $0.contains("<path") && $0.contains("fill=\"none\"") })
    else {
      Issue.record("no line path in \(svg)")
      return
    }
    #expect(path.components(separatedBy: "M").count - 1 == 2)
  }

  @Test("changing the palette recolours series, explicit colours stay")
  func palette() {
    var chart = Chart(title: "", x: Axis(label: ""), y: Axis(label: ""))
    chart.line("a", [(0, 0), (1, 1)])
    chart.line("b", [(0, 1), (1, 0)], colour: Colour(hex: 0x123456))
    #expect(chart.svg().contains(Colour.blue.svgValue))
    #expect(chart.svg().contains("#123456"))
    chart.palette = Palette([Colour(hex: 0xABCDEF)])
    #expect(chart.svg().contains("#abcdef"))
    #expect(!chart.svg().contains(Colour.blue.svgValue))
  }
}
