import Foundation
import Testing

@testable import LabKit

/// No figure text under ``FigureStyle/minimumFontSize`` (12 px) at the figure's default width
/// (issue 18 item 4): every figure kind, a long title that must wrap, reference labels, bar-chart
/// annotations, and every committed `Figures/**/*.svg`.
@Suite struct FigureFontSizeTests {
  /// Every `font-size` the SVG text sets, as an attribute (`font-size="12"`) or in a style
  /// (`font-size: 12px`); a value that is not a plain number reads as 0, so it fails.
  static func fontSizes(in svg: String) -> [Double] {
    var sizes: [Double] = []
    for marker in ["font-size=\"", "font-size:"] {
      var cursor = svg.startIndex
      while let found = svg[cursor...].firstRange(of: marker) {
        let value = svg[found.upperBound...].drop { $0 == " " }.prefix { $0.isNumber || $0 == "." }
        sizes.append(Double(value) ?? 0)
        cursor = found.upperBound
      }
    }
    return sizes
  }

  @Test func readsAttributesAndStyles() {
    #expect(Self.fontSizes(in: #"<g font-size="11"><text style="font-size: 12.5px">a</text></g>"#) == [11, 12.5])
    #expect(Self.fontSizes(in: #"<text font-size="big">a</text>"#) == [0])
  }

  static let samples: [FigureSample] =
    FigureLayoutTests.representative + [
      FigureSample(name: "long-title") {
        var chart = Chart(
          title: String(repeating: "A title far too long for one line of a narrow figure, ", count: 4), x: Axis(label: "x"), y: Axis(label: "y"))
        chart.width = 320
        chart.line("series", [(0, 0), (1, 1)])
        return chart.svg()
      },
      FigureSample(name: "reference-labels") {
        var chart = Chart(title: "References", x: Axis(label: "x"), y: Axis(label: "y"))
        chart.line("series", [(0, 0), (1, 1)])
        chart.referenceLine(y: 0.5, label: "the text's bar")
        chart.referenceLine(x: 0.25, label: "a threshold")
        return chart.svg()
      },
    ]

  @Test(arguments: samples)
  func everyFigureKindWritesTextOf12PixelsOrMore(_ sample: FigureSample) {
    let sizes = Self.fontSizes(in: sample.make())
    #expect(!sizes.isEmpty, "\(sample.name)")
    #expect(sizes.allSatisfy { $0 >= FigureStyle.minimumFontSize }, "\(sample.name): \(sizes.filter { $0 < 12 })")
  }

  @Test func committedFiguresWriteTextOf12PixelsOrMore() throws {
    let figures = try FigureLayoutTests.committedFigures()
    #expect(figures.count >= 40)
    for url in figures {
      let sizes = Self.fontSizes(in: try String(contentsOf: url, encoding: .utf8))
      #expect(sizes.allSatisfy { $0 >= 12 }, "\(url.lastPathComponent): font sizes \(Set(sizes.filter { $0 < 12 }).sorted())")
    }
  }
}
