/// A figure's title, broken at white space into lines that fit the figure's width.
///
/// A title that fits is one line at the title size (15 px, bold). A longer one is wrapped into two
/// lines, then shrunk to 13 px, then to 12 px (``FigureStyle/minimumFontSize``) over up to three,
/// then four lines; a title that still does not fit keeps the last attempt (the estimate is
/// conservative, so it is rarely cut).
struct FigureTitle {
  /// The lines, top to bottom; empty for an empty title.
  let lines: [String]
  /// The font size of every line.
  let fontSize: Double

  /// Bold glyphs are a little wider than the 0.6 em of ``FigureStyle/textWidth(_:fontSize:)``.
  private static func width(_ text: String, _ size: Double) -> Double {
    Double(text.count) * 0.65 * size
  }

  /// Lays out `text` within `availableWidth` pixels.
  init(_ text: String, availableWidth: Double) {
    let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
    guard !words.isEmpty else {
      lines = []
      fontSize = FigureStyle.titleFontSize
      return
    }
    let attempts: [(size: Double, maximumLines: Int)] = [
      (FigureStyle.titleFontSize, 1), (FigureStyle.titleFontSize, 2), (13, 2), (FigureStyle.minimumFontSize, 3),
      (FigureStyle.minimumFontSize, 4),
    ]
    var chosen: (lines: [String], size: Double) = ([], FigureStyle.titleFontSize)
    for attempt in attempts {
      let wrapped = FigureTitle.wrap(words, width: availableWidth, size: attempt.size)
      chosen = (wrapped, attempt.size)
      let fits = wrapped.allSatisfy { FigureTitle.width($0, attempt.size) <= availableWidth }
      if fits && wrapped.count <= attempt.maximumLines { break }
    }
    lines = chosen.lines
    fontSize = chosen.size
  }

  /// Greedy word wrap: as many words per line as fit (at least one).
  private static func wrap(_ words: [String], width: Double, size: Double) -> [String] {
    var result: [String] = []
    var current = ""
    for word in words {
      let candidate = current.isEmpty ? word : current + " " + word
      if current.isEmpty || FigureTitle.width(candidate, size) <= width {
        current = candidate
      } else {
        result.append(current)
        current = word
      }
    }
    if !current.isEmpty { result.append(current) }
    return result
  }

  /// The distance between baselines.
  var lineHeight: Double { fontSize * 1.25 }

  /// The vertical room the title takes below the top padding, including the gap under it.
  var height: Double { lines.isEmpty ? 8 : Double(lines.count) * lineHeight + 12 }

  /// The widest line's estimated width.
  var width: Double { lines.map { FigureTitle.width($0, fontSize) }.max() ?? 0 }

  /// Writes the lines centred on `centre`, the first baseline one line below `top`.
  func write(into writer: inout SVGWriter, centre: Double, top: Double) {
    for (index, line) in lines.enumerated() {
      writer.element(
        "text",
        [
          ("x", SVGWriter.number(centre)), ("y", SVGWriter.number(top + lineHeight * Double(index) + fontSize * 1.1)),
          ("font-size", SVGWriter.number(fontSize)), ("font-weight", "bold"),
          ("fill", FigureStyle.textColour), ("text-anchor", "middle"),
        ], text: line)
    }
  }
}
