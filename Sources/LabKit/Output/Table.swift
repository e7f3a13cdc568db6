/// A table of results, rendered as aligned text (reports), Markdown (literate documents) and JSON.
public struct Table: Sendable, Equatable {
  /// One cell: text, an integer, or a real number printed with a fixed number of decimals.
  public enum Cell: Sendable, Equatable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    case text(String)
    case integer(Int)
    /// A real number and the decimals it prints with; JSON keeps the rounded value.
    case real(Double, digits: Int)
    /// An estimate with its interval, printed `0.395 [0.349, 0.441]` (or `[0.349, 0.441]` without
    /// an estimate); the numbers are kept as printed. JSON: `{"estimate", "lower", "upper"}`.
    case interval(estimate: String?, lower: String, upper: String)
    /// A count of successes in trials with the interval of the proportion, printed
    /// `4/4 [0.51, 1.00]`. JSON: `{"successes", "trials", "lower", "upper"}`.
    case count(successes: Int, trials: Int, lower: String, upper: String)

    public init(stringLiteral value: String) { self = .text(value) }
    public init(integerLiteral value: Int) { self = .integer(value) }

    /// The cell as printed in text and Markdown.
    public var text: String {
      switch self {
      case .text(let s): return s
      case .integer(let n): return String(n)
      case .real(let x, let digits): return DecimalFormat.fixed(x, digits: digits)
      case .interval(let estimate?, let lower, let upper): return "\(estimate) [\(lower), \(upper)]"
      case .interval(nil, let lower, let upper): return "[\(lower), \(upper)]"
      case .count(let successes, let trials, let lower, let upper): return "\(successes)/\(trials) [\(lower), \(upper)]"
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
      case .interval(let estimate, let lower, let upper):
        return .object([
          ("estimate", estimate.map(JSONValue.numberLiteral) ?? .null), ("lower", .numberLiteral(lower)),
          ("upper", .numberLiteral(upper)),
        ])
      case .count(let successes, let trials, let lower, let upper):
        return .object([
          ("successes", .number(Double(successes))), ("trials", .number(Double(trials))), ("lower", .numberLiteral(lower)),
          ("upper", .numberLiteral(upper)),
        ])
      }
    }

    var isNumeric: Bool {
      switch self {
      case .integer, .real: return true
      case .text, .interval, .count: return false
      }
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

  /// Adds a row; it must have one cell per column. A text cell that prints an estimate with its
  /// interval or a count with one (``Cell/typed``) is stored typed, so results.json carries numbers.
  public mutating func append(_ row: [Cell]) {
    precondition(row.count == columns.count, "Table \(id): row has \(row.count) cells for \(columns.count) columns")
    rows.append(row.map(\.typed))
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
    case .object:
      if let successes = json["successes"]?.numberValue, let trials = json["trials"]?.numberValue,
        let lower = json["lower"]?.literalText, let upper = json["upper"]?.literalText
      {
        self = .count(successes: Int(successes), trials: Int(trials), lower: lower, upper: upper)
      } else if let lower = json["lower"]?.literalText, let upper = json["upper"]?.literalText {
        self = .interval(estimate: json["estimate"]?.literalText, lower: lower, upper: upper)
      } else {
        self = .text(json.inline)
      }
    default: self = .text(json.inline)
    }
  }

  /// The cell with its numbers typed: a text cell that is a decimal number becomes ``integer(_:)`` or
  /// ``real(_:digits:)``; one that prints `E [L, U]`, `[L, U]` or `K/N [L, U]` becomes
  /// ``interval(estimate:lower:upper:)`` or ``count(successes:trials:lower:upper:)``. Anything else,
  /// and any text that would not print back exactly the same, stays as it is.
  var typed: Table.Cell {
    guard case .text(let text) = self else { return self }
    if Substring(text).isDecimalLiteral {
      let candidate: Table.Cell =
        text.contains(".")
        ? .real(Double(text) ?? .nan, digits: text.count - 1 - text.distance(from: text.startIndex, to: text.firstIndex(of: ".")!))
        : Int(text).map(Table.Cell.integer) ?? self
      return candidate.text == text ? candidate : self
    }
    guard text.hasSuffix("]"), let open = text.lastIndex(of: "[") else { return self }
    let bounds = text[text.index(after: open)..<text.index(before: text.endIndex)].split(separator: ", ", omittingEmptySubsequences: false)
    guard bounds.count == 2, bounds.allSatisfy(\.isDecimalLiteral) else { return self }
    let (lower, upper) = (String(bounds[0]), String(bounds[1]))
    let head = text[..<open]
    let candidate: Table.Cell
    if head.isEmpty {
      candidate = .interval(estimate: nil, lower: lower, upper: upper)
    } else if head.hasSuffix(" "), head.dropLast().isDecimalLiteral {
      candidate = .interval(estimate: String(head.dropLast()), lower: lower, upper: upper)
    } else if head.hasSuffix(" "), case let parts = head.dropLast().split(separator: "/", omittingEmptySubsequences: false),
      parts.count == 2, let successes = Int(parts[0]), let trials = Int(parts[1])
    {
      candidate = .count(successes: successes, trials: trials, lower: lower, upper: upper)
    } else {
      return self
    }
    return candidate.text == text ? candidate : self
  }
}

extension Substring {
  /// An optional minus, digits, and optionally a point and digits: a number JSON can hold as written.
  var isDecimalLiteral: Bool {
    let body = hasPrefix("-") ? dropFirst() : self[...]
    let parts = body.split(separator: ".", omittingEmptySubsequences: false)
    guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) else { return false }
    return parts[0].count == 1 || parts[0].first != "0"
  }
}

extension Character {
  var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

extension JSONValue {
  /// A number as it is written in the JSON text.
  var literalText: String? {
    switch self {
    case .numberLiteral(let literal): return literal
    case .number(let x): return JSONValue.numberText(x)
    default: return nil
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
