/// Following a ``ValueReference`` through an item's JSON and printing the value it reaches.
extension ValueReference {
  /// The value `steps` reach from `root` (the JSON of the item named by `id`).
  public func resolve(in root: JSONValue) throws -> JSONValue {
    var value = root
    var path = id
    for step in steps {
      value = try Self.apply(step, to: value, at: path)
      path += "/" + Self.describe(step)
    }
    return value
  }

  static func apply(_ step: Step, to value: JSONValue, at path: String) throws -> JSONValue {
    switch step {
    case .key(let key):
      guard let members = value.objectValue else { throw Problem("\(path) is \(kind(of: value)), not an object with member '\(key)'") }
      guard let member = members.first(where: { $0.0 == key }) else {
        let nearest = NearestNames.suggestions(for: key, among: members.map(\.0))
        let hint =
          nearest.isEmpty
          ? "its members: " + members.prefix(12).map { "'\($0.0)'" }.joined(separator: ", ") + (members.count > 12 ? ", ..." : "")
          : "did you mean " + nearest.map { "'\($0)'" }.joined(separator: ", ") + "?"
        throw Problem("\(path) has no member '\(key)'; \(hint)")
      }
      return member.1
    case .index(let n):
      guard let items = value.arrayValue else { throw Problem("\(path) is \(kind(of: value)), not an array") }
      guard n <= items.count else { throw Problem("\(path) has \(items.count) elements, not \(n)") }
      return items[n - 1]
    case .select(let pairs):
      guard let items = value.arrayValue else { throw Problem("\(path) is \(kind(of: value)), not an array to select from") }
      let found = items.filter { item in pairs.allSatisfy { Self.matches(item, key: $0.0, printed: $0.1) } }
      guard found.count == 1 else {
        throw Problem("\(path)\(describe(step)) matches \(found.count) of \(items.count) elements; a selector must match exactly one")
      }
      return found[0]
    }
  }

  /// Whether `item`'s member `key`, or the member `key` of one of its object members, prints as
  /// `printed`.
  static func matches(_ item: JSONValue, key: String, printed: String) -> Bool {
    guard let members = item.objectValue else { return false }
    if let member = members.first(where: { $0.0 == key }) { return text(member.1) == printed }
    return members.contains { $0.1[key].map { text($0) == printed } ?? false }
  }

  static func describe(_ step: Step) -> String {
    switch step {
    case .key(let key): return key
    case .index(let n): return "#\(n)"
    case .select(let pairs): return "[" + pairs.map { "\($0.0)=\($0.1)" }.joined(separator: ", ") + "]"
    }
  }

  static func kind(of value: JSONValue) -> String {
    switch value {
    case .null: return "null"
    case .bool: return "a boolean"
    case .number, .numberLiteral: return "a number"
    case .string: return "a string"
    case .array: return "an array"
    case .object: return "an object"
    }
  }
}

// MARK: - Printing

extension ValueReference {
  /// `value` as the prose shows it, in `format` (see the type's documentation).
  public static func text(_ value: JSONValue, format: Format? = nil) throws -> String {
    guard let format else { return text(value) }
    switch value {
    case .number, .numberLiteral:
      return number(value.numberValue!, format)
    case .array(let items) where items.allSatisfy({ $0.numberValue != nil }):
      return "[" + items.map { number($0.numberValue!, format) }.joined(separator: ", ") + "]"
    case .object:
      if let successes = value["successes"]?.numberValue, let trials = value["trials"]?.numberValue, trials > 0,
        case .percent = format
      {
        return number(successes / trials, format)
      }
      if let lower = value["lower"]?.numberValue, let upper = value["upper"]?.numberValue {
        let interval = "[\(number(lower, format)), \(number(upper, format))]"
        return value["estimate"]?.numberValue.map { number($0, format) + " " + interval } ?? interval
      }
      throw Problem("\(text(value)) is an object with no number to print as \(describe(format))")
    default:
      throw Problem("'\(text(value))' is \(kind(of: value)), not a number to print as \(describe(format))")
    }
  }

  /// The unformatted text: strings as they are, numbers as stored, intervals and counts as the
  /// tables print them, arrays in brackets.
  static func text(_ value: JSONValue) -> String {
    switch value {
    case .string(let s): return s
    case .array(let items): return "[" + items.map { text($0) }.joined(separator: ", ") + "]"
    case .object:
      let cell = Table.Cell(json: value)
      if case .text = cell { return value.inline }
      return cell.text
    default: return value.inline
    }
  }

  static func number(_ x: Double, _ format: Format) -> String {
    switch format {
    case .fixed(let digits): return DecimalFormat.fixed(x, digits: digits)
    case .percent(let digits): return DecimalFormat.fixed(100 * x, digits: digits) + "%"
    }
  }

  static func describe(_ format: Format) -> String {
    switch format {
    case .fixed(let digits): return "fixed \(digits)"
    case .percent(let digits): return "percent \(digits)"
    }
  }
}
