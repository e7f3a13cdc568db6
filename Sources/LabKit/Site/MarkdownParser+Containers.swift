/// A list item's marker: `- `, `* `, `+ `, `1. ` or `1) `, its indentation and where its text starts.
struct ListMarker {
  var ordered: Bool
  var start: Int
  /// Spaces before the marker.
  var indent: Int
  /// The column of the item's text (the continuation indent).
  var contentColumn: Int

  init?(_ line: String) {
    let characters = Array(line)
    var column = 0
    while column < characters.count, characters[column] == " " { column += 1 }
    guard column < 4, column < characters.count else { return nil }
    indent = column
    if "-*+".contains(characters[column]) {
      ordered = false
      start = 1
      column += 1
    } else {
      var digits = ""
      while column < characters.count, characters[column].isASCII, characters[column].isNumber, digits.count < 9 {
        digits.append(characters[column])
        column += 1
      }
      guard !digits.isEmpty, column < characters.count, characters[column] == "." || characters[column] == ")" else { return nil }
      ordered = true
      start = Int(digits) ?? 1
      column += 1
    }
    guard column == characters.count || characters[column] == " " else { return nil }
    var text = column
    while text < characters.count, characters[text] == " ", text - column < 4 { text += 1 }
    contentColumn = text == characters.count ? column + 1 : text
  }

  func sameKind(_ other: ListMarker) -> Bool { ordered == other.ordered && indent == other.indent }
}

extension MarkdownParser {
  /// The list starting at `index`, and the index after it.
  static func list(_ lines: [String], _ index: Int, first: ListMarker, depth: Int) -> (MarkdownBlock, Int) {
    var items: [[MarkdownBlock]] = []
    var next = index
    while next < lines.count, let marker = ListMarker(lines[next]), marker.sameKind(first) {
      var itemLines = [String(lines[next].dropFirst(min(marker.contentColumn, lines[next].count)))]
      next += 1
      var lastWasBlank = false
      while next < lines.count {
        let line = lines[next]
        let indent = line.prefix { $0 == " " }.count
        if line.trimmingLeadingSpaces.isEmpty {
          lastWasBlank = true
          itemLines.append("")
        } else if indent >= marker.contentColumn {
          itemLines.append(String(line.dropFirst(marker.contentColumn)))
          lastWasBlank = false
        } else if !lastWasBlank, !startsBlock(line), ListMarker(line) == nil {
          itemLines.append(line.trimmingLeadingSpaces)  // a lazy continuation of the item's paragraph
        } else {
          break
        }
        next += 1
      }
      while itemLines.last == "" { itemLines.removeLast() }
      items.append(parse(itemLines, depth: depth + 1))
      // A blank line between items keeps the list going; anything else after a blank ends it.
      while next < lines.count, lines[next].trimmingLeadingSpaces.isEmpty, next + 1 < lines.count,
        ListMarker(lines[next + 1])?.sameKind(first) == true
      {
        next += 1
      }
    }
    return (.list(ordered: first.ordered, start: first.start, items: items), next)
  }

  /// A GitHub table: a row of cells, a delimiter row (`| --- | ---: |`), then rows until a line that
  /// is not one.
  static func table(_ lines: [String], _ index: Int) -> (MarkdownBlock?, Int)? {
    guard index + 1 < lines.count, lines[index].trimmingLeadingSpaces.hasPrefix("|") else { return nil }
    let header = cells(lines[index])
    let delimiter = cells(lines[index + 1])
    guard header.count == delimiter.count, let alignments = alignments(delimiter) else { return nil }
    var rows: [[String]] = []
    var next = index + 2
    while next < lines.count, lines[next].trimmingLeadingSpaces.hasPrefix("|") {
      var row = cells(lines[next])
      if row.count < header.count { row += Array(repeating: "", count: header.count - row.count) }
      rows.append(Array(row.prefix(header.count)))
      next += 1
    }
    return (.table(header: header, alignments: alignments, rows: rows), next)
  }

  /// The cells of a table row, trimmed, with `\|` read as a literal `|`.
  static func cells(_ line: String) -> [String] {
    var text = Array(line.trimming(" \t"))
    if text.first == "|" { text.removeFirst() }
    if text.last == "|", text.count < 2 || text[text.count - 2] != "\\" { text.removeLast() }
    var cells: [String] = []
    var current = ""
    var index = 0
    while index < text.count {
      if text[index] == "\\", index + 1 < text.count, text[index + 1] == "|" {
        current.append("|")
        index += 2
        continue
      }
      if text[index] == "|" {
        cells.append(current.trimming(" \t"))
        current = ""
      } else {
        current.append(text[index])
      }
      index += 1
    }
    cells.append(current.trimming(" \t"))
    return cells
  }

  static func alignments(_ delimiter: [String]) -> [MarkdownBlock.Alignment]? {
    var alignments: [MarkdownBlock.Alignment] = []
    for cell in delimiter {
      let dashes = cell.filter { $0 == "-" }.count
      guard dashes >= 1, cell.allSatisfy({ $0 == "-" || $0 == ":" }) else { return nil }
      switch (cell.hasPrefix(":"), cell.hasSuffix(":")) {
      case (true, true): alignments.append(.center)
      case (true, false): alignments.append(.left)
      case (false, true): alignments.append(.right)
      case (false, false): alignments.append(.none)
      }
    }
    return alignments
  }
}
