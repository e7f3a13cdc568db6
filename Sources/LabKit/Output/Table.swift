/// A table of results, rendered as aligned text (reports), Markdown (literate documents) and JSON.
public struct Table: Sendable, Equatable {
  /// One cell: text, an integer, or a real number printed with a fixed number of decimals.
  public enum Cell: Sendable, Equatable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    case text(String)
    case integer(Int)
    /// A real number and the decimals it prints with; JSON keeps the rounded value.
    case real(Double, digits: Int)

    public init(stringLiteral value: String) { self = .text(value) }
    public init(integerLiteral value: Int) { self = .integer(value) }

    /// The cell as printed in text and Markdown.
    public var text: String {
      switch self {
      case .text(let s): return s
      case .integer(let n): return String(n)
      case .real(let x, let digits): return DecimalFormat.fixed(x, digits: digits)
      }
    }

    /// The cell in results.json: strings stay strings, numbers are the printed (rounded) numbers.
    public var json: JSONValue {
      switch self {
      case .text(let s): return .string(s)
      case .integer(let n): return .number(Double(n))
      case .real(let x, let digits):
        guard x.isFinite else { return .null }
        return .numberLiteral(DecimalFormat.fixed(x, digits: digits))
      }
    }

    var isNumeric: Bool {
      if case .text = self { return false }
      return true
    }
  }

  /// Stable id, used for literate-document blocks (`np.table-2-1`).
  public let id: String
  public let title: String
  public let columns: [String]
  public private(set) var rows: [[Cell]]

  public init(id: String, title: String, columns: [String], rows: [[Cell]] = []) {
    self.id = id
    self.title = title
    self.columns = columns
    self.rows = []
    for row in rows { append(row) }
  }

  /// Adds a row; it must have one cell per column.
  public mutating func append(_ row: [Cell]) {
    precondition(row.count == columns.count, "Table \(id): row has \(row.count) cells for \(columns.count) columns")
    rows.append(row)
  }

  /// The printed cells of the column named `name`, top to bottom; nil when there is no such column.
  public func column(_ name: String) -> [String]? {
    columns.firstIndex(of: name).map { index in rows.map { $0[index].text } }
  }

  /// A column is right-aligned when every cell in it is a number.
  func isNumericColumn(_ column: Int) -> Bool {
    !rows.isEmpty && rows.allSatisfy { $0[column].isNumeric }
  }
}

// MARK: - Rendering

extension Table {
  /// Aligned plain text: the title, a header, a rule, the rows; numeric columns right-aligned.
  public func renderedText() -> String {
    let widths = columns.indices.map { c in
      max(columns[c].count, rows.map { $0[c].text.count }.max() ?? 0)
    }
    func line(_ cells: [String]) -> String {
      cells.indices.map { c -> String in
        let pad = String(repeating: " ", count: widths[c] - cells[c].count)
        return isNumericColumn(c) ? pad + cells[c] : cells[c] + pad
      }.joined(separator: "  ").trailingSpacesRemoved
    }
    var out = "\(title)\n"
    out += line(columns) + "\n"
    out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
    for row in rows { out += line(row.map(\.text)) + "\n" }
    return out
  }

  /// A GitHub-flavoured Markdown table, numeric columns right-aligned, `|` in cells escaped.
  public func renderedMarkdown() -> String {
    func escape(_ s: String) -> String { s.replacing("|", with: "\\|") }
    var out = "| " + columns.map(escape).joined(separator: " | ") + " |\n"
    out += "|" + columns.indices.map { isNumericColumn($0) ? " ---: |" : " --- |" }.joined() + "\n"
    for row in rows { out += "| " + row.map { escape($0.text) }.joined(separator: " | ") + " |\n" }
    return out
  }

  /// `{"id", "title", "columns", "rows"}` as in DESIGN.md.
  public var json: JSONValue {
    .object([
      ("id", .string(id)),
      ("title", .string(title)),
      ("columns", .array(columns.map { .string($0) })),
      ("rows", .array(rows.map { .array($0.map(\.json)) })),
    ])
  }

  /// Reads a table back from its JSON form (cells come back as text or numbers as printed).
  public init(json: JSONValue, place: String) throws {
    guard let id = json["id"]?.stringValue, let title = json["title"]?.stringValue,
      let columns = json["columns"]?.arrayValue?.compactMap(\.stringValue), let rows = json["rows"]?.arrayValue
    else { throw LabError.invalidInput(place: place, problem: "a table needs id, title, columns and rows") }
    self.init(id: id, title: title, columns: columns)
    for (r, row) in rows.enumerated() {
      guard let cells = row.arrayValue, cells.count == columns.count else {
        throw LabError.invalidInput(place: "\(place), table \(id) row \(r + 1)", problem: "expected \(columns.count) cells")
      }
      append(cells.map(Cell.init(json:)))
    }
  }
}

extension Table.Cell {
  /// A cell read back from JSON; a number keeps the decimals it was printed with.
  init(json: JSONValue) {
    switch json {
    case .string(let s): self = .text(s)
    case .numberLiteral(let literal):
      let digits = literal.firstIndex(of: ".").map { literal.distance(from: $0, to: literal.endIndex) - 1 } ?? 0
      self = .real(Double(literal) ?? .nan, digits: digits)
    case .number(let x):
      let printed = JSONValue.numberText(x)
      if let dot = printed.firstIndex(of: ".") {
        self = .real(x, digits: printed.distance(from: dot, to: printed.endIndex) - 1)
      } else if let n = Int(exactly: x) {
        self = .integer(n)
      } else {
        self = .real(x, digits: 0)
      }
    case .null: self = .real(.nan, digits: 0)
    default: self = .text(json.inline)
    }
  }
}

extension String {
  var trailingSpacesRemoved: String {
    var s = Substring(self)
    while s.hasSuffix(" ") { s = s.dropLast() }
    return String(s)
  }

}
