/// A small JSON reader that keeps object key order, used to read back `results.json`.
extension JSONValue {
  /// Parses a JSON text; errors name the line and column.
  public static func parse(_ text: String, source: String = "JSON") throws -> JSONValue {
    var parser = JSONParser(bytes: Array(text.utf8), source: source)
    parser.skipWhitespace()
    let value = try parser.value()
    parser.skipWhitespace()
    guard parser.position == parser.bytes.count else { throw parser.error("unexpected text after the JSON value") }
    return value
  }
}

private struct JSONParser {
  let bytes: [UInt8]
  let source: String
  var position = 0

  init(bytes: [UInt8], source: String) {
    self.bytes = bytes
    self.source = source
  }

  func error(_ problem: String) -> LabError {
    var line = 1
    var column = 1
    for byte in bytes[..<min(position, bytes.count)] {
      if byte == 10 { line += 1; column = 1 } else { column += 1 }
    }
    return .invalidInput(place: "\(source) line \(line) column \(column)", problem: problem)
  }

  mutating func skipWhitespace() {
    while position < bytes.count, [9, 10, 13, 32].contains(bytes[position]) { position += 1 }
  }

  mutating func value() throws -> JSONValue {
    guard position < bytes.count else { throw error("unexpected end of input") }
    switch bytes[position] {
    case UInt8(ascii: "{"): return try object()
    case UInt8(ascii: "["): return try array()
    case UInt8(ascii: "\""): return .string(try string())
    case UInt8(ascii: "t"): try literal("true"); return .bool(true)
    case UInt8(ascii: "f"): try literal("false"); return .bool(false)
    case UInt8(ascii: "n"): try literal("null"); return .null
    default: return try number()
    }
  }

  mutating func literal(_ word: String) throws {
    let expected = Array(word.utf8)
    guard position + expected.count <= bytes.count, Array(bytes[position..<position + expected.count]) == expected else {
      throw error("expected '\(word)'")
    }
    position += expected.count
  }

  mutating func object() throws -> JSONValue {
    position += 1
    var members: [(String, JSONValue)] = []
    skipWhitespace()
    if position < bytes.count, bytes[position] == UInt8(ascii: "}") { position += 1; return .object(members) }
    while true {
      skipWhitespace()
      guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { throw error("expected a string key") }
      let key = try string()
      skipWhitespace()
      guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { throw error("expected ':'") }
      position += 1
      skipWhitespace()
      members.append((key, try value()))
      skipWhitespace()
      guard position < bytes.count else { throw error("unterminated object") }
      if bytes[position] == UInt8(ascii: ",") { position += 1; continue }
      if bytes[position] == UInt8(ascii: "}") { position += 1; return .object(members) }
      throw error("expected ',' or '}'")
    }
  }

  mutating func array() throws -> JSONValue {
    position += 1
    var items: [JSONValue] = []
    skipWhitespace()
    if position < bytes.count, bytes[position] == UInt8(ascii: "]") { position += 1; return .array(items) }
    while true {
      skipWhitespace()
      items.append(try value())
      skipWhitespace()
      guard position < bytes.count else { throw error("unterminated array") }
      if bytes[position] == UInt8(ascii: ",") { position += 1; continue }
      if bytes[position] == UInt8(ascii: "]") { position += 1; return .array(items) }
      throw error("expected ',' or ']'")
    }
  }

  mutating func string() throws -> String {
    position += 1
    var scalars = String.UnicodeScalarView()
    var raw: [UInt8] = []
    func flush() { scalars.append(contentsOf: String(decoding: raw, as: UTF8.self).unicodeScalars); raw.removeAll() }
    while position < bytes.count {
      let byte = bytes[position]
      position += 1
      if byte == UInt8(ascii: "\"") { flush(); return String(scalars) }
      if byte != UInt8(ascii: "\\") { raw.append(byte); continue }
      flush()
      guard position < bytes.count else { break }
      let escape = bytes[position]
      position += 1
      switch escape {
      case UInt8(ascii: "n"): scalars.append("\n")
      case UInt8(ascii: "t"): scalars.append("\t")
      case UInt8(ascii: "r"): scalars.append("\r")
      case UInt8(ascii: "b"): scalars.append("\u{8}")
      case UInt8(ascii: "f"): scalars.append("\u{c}")
      case UInt8(ascii: "u"):
        guard position + 4 <= bytes.count, let code = UInt32(String(decoding: bytes[position..<position + 4], as: UTF8.self), radix: 16)
        else { throw error("bad \\u escape") }
        position += 4
        var scalarValue = code
        // A UTF-16 surrogate pair: \uD83D\uDE00.
        if (0xD800...0xDBFF).contains(code), position + 6 <= bytes.count, bytes[position] == UInt8(ascii: "\\"),
          let low = UInt32(String(decoding: bytes[position + 2..<position + 6], as: UTF8.self), radix: 16)
        {
          scalarValue = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
          position += 6
        }
        guard let scalar = Unicode.Scalar(scalarValue) else { throw error("bad \\u escape") }
        scalars.append(scalar)
      default: scalars.append(Unicode.Scalar(escape))
      }
    }
    throw error("unterminated string")
  }

  /// A number; one whose shortest printing differs from how it is written (`0.500`) stays a literal.
  mutating func number() throws -> JSONValue {
    let start = position
    while position < bytes.count, "+-0123456789.eE".utf8.contains(bytes[position]) { position += 1 }
    let literal = String(decoding: bytes[start..<position], as: UTF8.self)
    guard let value = Double(literal) else {
      position = start
      throw error("expected a JSON value")
    }
    return JSONValue.numberText(value) == literal ? .number(value) : .numberLiteral(literal)
  }
}
