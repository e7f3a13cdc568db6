/// A reference from a literate document's prose to one value of the results (``InlineValues``).
///
/// Grammar (the text between `<!-- reproduce:value ` and ` -->`):
///
///     REFERENCE := ID ("/" STEP)* [" as " FORMAT]
///     STEP      := KEY | "#" N | "[" KEY "=" VALUE ("," KEY "=" VALUE)* "]"
///     FORMAT    := "fixed " D | "percent " D
///
/// `ID` is an experiment, claim or table id of the document's paper; it names that item's JSON as
/// results.json stores it, except that a table is the array of its rows, each an object keyed by
/// column name (`np.table-2-1/[agents=10]/mean`). A `KEY` step
/// takes an object's member; `#N` the N-th element of an array (1-based); a `[...]` selector the one
/// element of an array whose members (or the members of its object members, such as a reading's
/// `reading` and `size`) print as the given values; it is an error when it matches none or several.
/// A key or value holding `/`, `,`, `=`, `[`, `]` or ` as ` is written in double quotes (`\"` and
/// `\\` inside). Without a format the value prints as the tables print it (a number as stored, an
/// interval `E [L, U]`, a count `S/T [L, U]`, an array `[a, b]`); `fixed D` prints every number with
/// D decimals, `percent D` prints 100·x with D decimals and `%`.
public struct ValueReference: Equatable, Sendable {
  public enum Step: Equatable, Sendable {
    case key(String)
    /// 1-based.
    case index(Int)
    /// (key, printed value) pairs that must all match.
    case select([(String, String)])

    public static func == (a: Step, b: Step) -> Bool {
      switch (a, b) {
      case (.key(let x), .key(let y)): return x == y
      case (.index(let x), .index(let y)): return x == y
      case (.select(let x), .select(let y)): return x.elementsEqual(y) { $0 == $1 }
      default: return false
      }
    }
  }

  public enum Format: Equatable, Sendable {
    case fixed(Int)
    case percent(Int)
  }

  public let id: String
  public let steps: [Step]
  public let format: Format?

  /// Decimals a format may ask for.
  static let maximumDigits = 12

  /// Parses `text`; a malformed reference throws a message saying what is wrong.
  public init(parsing text: String) throws {
    let (path, formatText) = try Self.splitFormat(text)
    let parts = try Self.split(path, on: "/")
    guard let first = parts.first, case let id = first.trimmed, !id.isEmpty, !id.contains("\"") else {
      throw Problem("a reference starts with an experiment, claim or table id")
    }
    self.id = id
    steps = try parts.dropFirst().map(Self.step)
    format = try formatText.map(Self.format)
  }

  /// A malformed reference or one that does not resolve.
  public struct Problem: Error, Equatable, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
  }

  static func step(_ raw: String) throws -> Step {
    let text = raw.trimmed
    if text.hasPrefix("#") {
      guard let n = Int(text.dropFirst()), n >= 1 else { throw Problem("'\(text)': an index is # and a number from 1") }
      return .index(n)
    }
    if text.hasPrefix("[") {
      guard text.hasSuffix("]"), text.count >= 2 else { throw Problem("'\(text)': a selector ends with ]") }
      let pairs = try split(String(text.dropFirst().dropLast()), on: ",").map { pair -> (String, String) in
        let sides = try split(pair, on: "=")
        guard sides.count == 2, case let key = try unquote(sides[0]), !key.isEmpty else {
          throw Problem("'\(pair.trimmed)': a selector holds KEY=VALUE pairs separated by commas")
        }
        return (key, try unquote(sides[1]))
      }
      return .select(pairs)
    }
    let key = try unquote(text)
    guard !key.isEmpty else { throw Problem("an empty step (two / in a row, or / at the end)") }
    return .key(key)
  }

  static func format(_ raw: String) throws -> Format {
    let words = raw.split(separator: " ")
    guard words.count == 2, let digits = Int(words[1]), (0...maximumDigits).contains(digits) else {
      throw Problem("'as \(raw)': the format is 'fixed D' or 'percent D' with D decimals from 0 to \(maximumDigits)")
    }
    switch words[0] {
    case "fixed": return .fixed(digits)
    case "percent": return .percent(digits)
    default: throw Problem("'as \(raw)': the format is 'fixed D' or 'percent D'")
    }
  }
}

// MARK: - Lexing

extension ValueReference {
  /// `text` split at top-level occurrences of `separator`: not inside double quotes nor brackets.
  static func split(_ text: String, on separator: Character) throws -> [String] {
    var parts: [String] = []
    var current = ""
    var quoted = false
    var escaped = false
    var depth = 0
    for character in text {
      if quoted {
        if escaped { escaped = false } else if character == "\\" { escaped = true } else if character == "\"" { quoted = false }
        current.append(character)
        continue
      }
      switch character {
      case "\"": quoted = true
      case "[": depth += 1
      case "]": depth -= 1
      default: break
      }
      if character == separator, depth == 0 {
        parts.append(current)
        current = ""
      } else {
        current.append(character)
      }
    }
    guard !quoted else { throw Problem("a quote is never closed") }
    parts.append(current)
    return parts
  }

  /// The path and the format of `text`: the format follows the last top-level ` as `.
  static func splitFormat(_ text: String) throws -> (String, String?) {
    let characters = Array(text)
    var quoted = false
    var escaped = false
    var depth = 0
    var cut: Int?
    for (index, character) in characters.enumerated() {
      if quoted {
        if escaped { escaped = false } else if character == "\\" { escaped = true } else if character == "\"" { quoted = false }
      } else if character == "\"" {
        quoted = true
      } else if character == "[" || character == "]" {
        depth += character == "[" ? 1 : -1
      } else if character == " ", depth == 0, characters[index...].starts(with: " as ") {
        cut = index
      }
    }
    guard let cut else { return (text, nil) }
    return (String(characters[..<cut]), String(characters[(cut + 4)...]).trimmed)
  }

  /// A bare word trimmed, or a double-quoted string with `\"` and `\\` unescaped.
  static func unquote(_ raw: String) throws -> String {
    let text = raw.trimmed
    guard text.hasPrefix("\"") else {
      guard !text.contains("\"") else { throw Problem("'\(text)': a quote inside a word; quote the whole key") }
      return text
    }
    guard text.count >= 2, text.hasSuffix("\"") else { throw Problem("'\(text)': a quoted key ends with a quote") }
    var out = ""
    var escaped = false
    for character in text.dropFirst().dropLast() {
      if escaped {
        out.append(character)
        escaped = false
      } else if character == "\\" {
        escaped = true
      } else if character == "\"" {
        throw Problem("'\(text)': a quote inside a quoted key is written \\\"")
      } else {
        out.append(character)
      }
    }
    guard !escaped else { throw Problem("'\(text)': a quoted key ends with a quote") }
    return out
  }
}

extension String {
  /// The string without leading and trailing spaces.
  fileprivate var trimmed: String {
    var s = Substring(self)
    while s.first == " " { s = s.dropFirst() }
    while s.last == " " { s = s.dropLast() }
    return String(s)
  }
}
