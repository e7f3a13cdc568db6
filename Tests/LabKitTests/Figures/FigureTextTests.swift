import Testing

@testable import LabKit

/// Text escaping and text-width estimates.
@Suite("Figures: text")
struct FigureTextTests {
  @Test("the five XML specials are escaped")
  func escaping() {
    #expect(SVGWriter.escape("<&>\"'") == "&lt;&amp;&gt;&quot;&apos;")
    #expect(SVGWriter.escape("plain text ±×⁴") == "plain text ±×⁴")
    #expect(SVGWriter.escape("a\u{1}b\u{FFFE}") == "a\u{FFFD}b\u{FFFD}")
  }

  @Test("a title with <&>\"' appears escaped and the document stays well-formed")
  func escapedTitle() {
    let title = "Payoffs <&>\"' of A & B"
    var chart = Chart(title: title, x: Axis(label: "x <1>"), y: Axis(label: "y & z"))
    chart.line("it's \"quoted\"", [(0, 0), (1, 1)])
    let svg = chart.svg()
    #expect(svg.contains("Payoffs &lt;&amp;&gt;&quot;&apos; of A &amp; B"))
    #expect(!svg.contains(title))
    #expect(svg.contains("it&apos;s &quot;quoted&quot;"))
    let report = FigureXML.parse(svg)
    #expect(report.parsed && report.error == nil)
    #expect(report.text.contains(title))
  }

  @Test("control characters in labels cannot break the document")
  func controlCharacters() {
    let svg = Heatmap(title: "bell\u{7} tab\t", rows: ["\u{0}row"], columns: ["col\u{1B}"], values: [[1]]).svg()
    let report = FigureXML.parse(svg)
    #expect(report.parsed && report.error == nil)
  }

  @Test("long titles wrap and shrink to fit the figure")
  func titles() {
    #expect(FigureTitle("", availableWidth: 600).lines.isEmpty)
    let short = FigureTitle("Payoffs", availableWidth: 600)
    #expect(short.lines == ["Payoffs"] && short.fontSize == FigureStyle.titleFontSize)
    let long = FigureTitle(
      "A rather long title that is wider than the plotting area of this small chart",
      availableWidth: 400)
    #expect(long.lines.count == 2)
    #expect(long.width <= 400)
    #expect(long.lines.joined(separator: " ") == "A rather long title that is wider than the plotting area of this small chart")
    let longer = FigureTitle(String(repeating: "word ", count: 40), availableWidth: 300)
    #expect(longer.fontSize < FigureStyle.titleFontSize)
  }

  @Test("text widths are estimated at 0.6 em per character")
  func widths() {
    #expect(FigureStyle.textWidth("abcde", fontSize: 10) == 30)
    #expect(FigureStyle.textWidth("", fontSize: 10) == 0)
  }
}
