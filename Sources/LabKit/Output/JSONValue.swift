/// A JSON document with ordered object keys and deterministic printing.
///
/// Foundation's encoders neither keep key order nor promise how a `Double` prints, and
/// `results.json` must keep the order DESIGN.md gives and be byte-identical run after run.
/// Numbers print through ``DecimalFormat/compact(_:significant:)`` with 10 significant digits;
/// integers below 2^53 print exactly.
public indirect enum JSONValue: Sendable, Equatable {
  case null
  case bool(Bool)
  case number(Double)
  /// A number printed exactly as written, such as `0.500`: a table cell keeps its decimals through
  /// results.json and back. Its value is `Double(literal)`.
  case numberLiteral(String)
  case string(String)
  case array([JSONValue])
  case object([(String, JSONValue)])

  public static func == (a: JSONValue, b: JSONValue) -> Bool {
    switch (a, b) {
    case (.null, .null): return true
    case (.bool(let x), .bool(let y)): return x == y
    case (.number, .number), (.number, .numberLiteral), (.numberLiteral, .number):
      return a.numberValue == b.numberValue || (a.numberValue!.isNaN && b.numberValue!.isNaN)
    case (.numberLiteral(let x), .numberLiteral(let y)): return x == y
    case (.string(let x), .string(let y)): return x == y
    case (.array(let x), .array(let y)): return x == y
    case (.object(let x), .object(let y)):
      return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    default: return false
    }
  }

  /// The value for `key` of an object, or nil.
  public subscript(key: String) -> JSONValue? {
    if case .object(let members) = self { return members.first { $0.0 == key }?.1 }
    return nil
  }

  public var stringValue: String? { if case .string(let s) = self { return s }; return nil }
  public var numberValue: Double? {
    switch self {
    case .number(let x): return x
    case .numberLiteral(let literal): return Double(literal)
    default: return nil
    }
  }
  public var arrayValue: [JSONValue]? { if case .array(let a) = self { return a }; return nil }
  public var objectValue: [(String, JSONValue)]? { if case .object(let o) = self { return o }; return nil }
  public var boolValue: Bool? { if case .bool(let b) = self { return b }; return nil }

  /// Pretty-printed JSON, two-space indent, one member per line, a final newline.
  public func rendered() -> String {
    var out = ""
    write(to: &out, indent: 0)
    out += "\n"
    return out
  }

  /// The value printed on one line, as in text reports.
  public var inline: String {
    switch self {
    case .null: return "null"
    case .bool(let b): return b ? "true" : "false"
    case .number(let x): return JSONValue.numberText(x)
    case .numberLiteral(let literal): return literal
    case .string(let s): return s
    case .array(let items): return "[" + items.map(\.inline).joined(separator: ", ") + "]"
    case .object(let members): return "{" + members.map { "\($0.0): \($0.1.inline)" }.joined(separator: ", ") + "}"
    }
  }

  /// Integers below 2^53 (seeds, counts) print exactly; other numbers with 10 significant digits.
  static func numberText(_ x: Double) -> String {
    guard x.isFinite else { return "null" }
    if x == x.rounded(), abs(x) < 9_007_199_254_740_992 { return String(Int64(x)) }
    return DecimalFormat.compact(x, significant: 10)
  }

  private func write(to out: inout String, indent: Int) {
    let pad = String(repeating: "  ", count: indent + 1)
    let closing = String(repeating: "  ", count: indent)
    switch self {
    case .null, .bool, .number, .numberLiteral:
      out += inline
    case .string(let s):
      out += JSONValue.quoted(s)
    case .array(let items):
      if items.isEmpty { out += "[]"; return }
      if items.allSatisfy({ $0.isScalar }) {
        out += "[" + items.map { $0.scalarText }.joined(separator: ", ") + "]"
        return
      }
      out += "[\n"
      for (i, item) in items.enumerated() {
        out += pad
        item.write(to: &out, indent: indent + 1)
        out += i + 1 < items.count ? ",\n" : "\n"
      }
      out += closing + "]"
    case .object(let members):
      if members.isEmpty { out += "{}"; return }
      out += "{\n"
      for (i, (key, value)) in members.enumerated() {
        out += pad + JSONValue.quoted(key) + ": "
        value.write(to: &out, indent: indent + 1)
        out += i + 1 < members.count ? ",\n" : "\n"
      }
      out += closing + "}"
    }
  }

  private var isScalar: Bool {
    switch self {
    case .array, .object: return false
    default: return true
    }
  }

  private var scalarText: String {
    if case .string(let s) = self { return JSONValue.quoted(s) }
    return inline
  }

  /// `text` as a JSON string literal.
  static func quoted(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }
}
