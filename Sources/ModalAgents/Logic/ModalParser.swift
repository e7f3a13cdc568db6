/// A syntax error in a formula, with the column (1-based, in characters) where it was found.
public struct ModalParseError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The column of the offending character (one past the end for "unexpected end of input").
  public let column: Int
  /// What is wrong and what was expected.
  public let message: String

  public init(column: Int, message: String) {
    self.column = column
    self.message = message
  }

  public var description: String { "column \(column): \(message)" }
}

/// A formula as parsed, with the column of every atom occurrence and whether it lies inside a
/// modality (so that callers can point at the column of an atom that is not fully modalized).
public struct ParsedFormula: Sendable {
  /// One occurrence of an atom in the text.
  public struct AtomOccurrence: Sendable, Equatable {
    public let atom: ModalAtom
    /// 1-based column of the atom's first character.
    public let column: Int
    /// 1-based column of the name inside `them(X)`, or of the variable itself.
    public let nameColumn: Int
    /// Whether the occurrence lies inside some □, ◇, [k] or ⟨k⟩.
    public let isModalized: Bool
  }

  public let formula: ModalFormula
  public let occurrences: [AtomOccurrence]
}

/// The parser of modal formulas, in ASCII (`T F ~ & | -> <-> [] <> [k] <k>`) or Unicode
/// (`⊤ ⊥ ¬ ∧ ∨ → ↔ □ ◇ [k] ⟨k⟩`) notation, mixed freely (`&&`, `||` and `!` are also accepted).
///
/// Atoms: `them(me)`, `me(them)`, `them(X)` for an agent named X, and bare names (p, q, ...) for the
/// variables of a system of equations. Names are letters, digits and `_`, starting with a letter
/// or `_`; `T` and `F` are the constants. Precedence as in ``ModalFormula/printed(_:)``.
///
/// Depth limit: a formula may nest at most ``maximumNesting`` levels (parentheses, prefix operators,
/// and each further operand of a chain such as `a & b & c` or `a -> b -> c` count one level each).
/// Every walk over a formula (printing, evaluation, hashing) recurses on its depth, so deeper input is
/// refused with the column where the limit was passed rather than overflowing the stack.
public enum ModalParser {
  /// The deepest nesting a formula may have. Hand-written agents nest a few levels; 500 levels keep
  /// the recursive walks far inside a thread's stack.
  public static let maximumNesting = 500

  /// Parses `text` as one formula.
  public static func parse(_ text: String) throws(ModalParseError) -> ModalFormula {
    try parseWithPositions(text).formula
  }

  /// Parses `text` as one formula and reports where each atom occurs.
  ///
  /// - Parameter columnOffset: added to every column reported (in errors and positions), for text
  ///   that starts after `columnOffset` characters of a longer line.
  public static func parseWithPositions(_ text: String, columnOffset: Int = 0) throws(ModalParseError) -> ParsedFormula {
    var parser = Parser(characters: Array(text), offset: columnOffset)
    let formula = try parser.parseFormula()
    parser.skipSpaces()
    if parser.position < parser.characters.count {
      let c = parser.characters[parser.position]
      if c == ")" {
        throw parser.error("unmatched ')': no '(' is open here")
      }
      throw parser.error(
        "unexpected '\(parser.describe(parser.position))' after a complete formula (a binary connective such as ∧ or → may be missing)")
    }
    return ParsedFormula(formula: formula, occurrences: parser.occurrences)
  }

  /// A recursive-descent parser over the characters of the text.
  private struct Parser {
    let characters: [Character]
    var position = 0
    var modalDepth = 0
    var occurrences: [ParsedFormula.AtomOccurrence] = []
    /// Levels of nesting open at the current position (see ``ModalParser/maximumNesting``).
    var nesting = 0
    /// Characters before the text on its line.
    let offset: Int

    init(characters: [Character], offset: Int) {
      self.characters = characters
      self.offset = offset
    }

    /// Opens one more level of nesting, refusing to pass ``ModalParser/maximumNesting``. Callers
    /// restore `nesting` when they return.
    mutating func deeper() throws(ModalParseError) {
      nesting += 1
      guard nesting <= ModalParser.maximumNesting else {
        throw error(
          "the formula nests more than \(ModalParser.maximumNesting) levels deep (parentheses, operators and chained operands each count one)")
      }
    }

    func error(_ message: String, at index: Int? = nil) -> ModalParseError {
      ModalParseError(column: (index ?? position) + 1 + offset, message: message)
    }

    /// The column of character `index`, as reported.
    func column(_ index: Int) -> Int { index + 1 + offset }

    mutating func skipSpaces() {
      while position < characters.count, characters[position].isWhitespace { position += 1 }
    }

    func peek(_ offset: Int = 0) -> Character? {
      position + offset < characters.count ? characters[position + offset] : nil
    }

    /// What is at `index`, for messages: the character, or a word when one starts there.
    func describe(_ index: Int) -> String {
      guard index < characters.count else { return "end of input" }
      if Parser.isNameStart(characters[index]) {
        var end = index
        while end < characters.count, Parser.isNameCharacter(characters[end]) { end += 1 }
        return String(characters[index..<end])
      }
      return String(characters[index])
    }

    static func isNameStart(_ c: Character) -> Bool { c == "_" || (c.isASCII && c.isLetter) }
    static func isNameCharacter(_ c: Character) -> Bool { isNameStart(c) || (c.isASCII && c.isNumber) }

    /// Whether the text at the current position starts with `word`.
    func looking(at word: String) -> Bool {
      var index = position
      for c in word {
        guard index < characters.count, characters[index] == c else { return false }
        index += 1
      }
      return true
    }

    // iff := implies (↔ implies)*
    mutating func parseFormula() throws(ModalParseError) -> ModalFormula {
      let saved = nesting
      defer { nesting = saved }
      var left = try parseImplication()
      while true {
        skipSpaces()
        if peek() == "↔" { position += 1 } else if looking(at: "<->") { position += 3 } else { return left }
        try deeper()
        let right = try parseImplication()
        left = .iff(left, right)
      }
    }

    // implies := or (→ implies)?
    mutating func parseImplication() throws(ModalParseError) -> ModalFormula {
      let left = try parseDisjunction()
      skipSpaces()
      if peek() == "→" { position += 1 } else if looking(at: "->") { position += 2 } else { return left }
      let saved = nesting
      defer { nesting = saved }
      try deeper()
      return .implies(left, try parseImplication())
    }

    // or := and (∨ and)*
    mutating func parseDisjunction() throws(ModalParseError) -> ModalFormula {
      let saved = nesting
      defer { nesting = saved }
      var left = try parseConjunction()
      while true {
        skipSpaces()
        if peek() == "∨" { position += 1 } else if looking(at: "||") { position += 2 } else if peek() == "|" { position += 1 } else { return left }
        try deeper()
        left = .or(left, try parseConjunction())
      }
    }

    // and := unary (∧ unary)*
    mutating func parseConjunction() throws(ModalParseError) -> ModalFormula {
      let saved = nesting
      defer { nesting = saved }
      var left = try parseUnary()
      while true {
        skipSpaces()
        if peek() == "∧" { position += 1 } else if looking(at: "&&") { position += 2 } else if peek() == "&" { position += 1 } else { return left }
        try deeper()
        left = .and(left, try parseUnary())
      }
    }

    /// A grade written as digits up to `close` (after `[`, `<` or `⟨`), or nil when none is there.
    mutating func grade(closing close: Character) throws(ModalParseError) -> Int? {
      var index = position + 1
      while index < characters.count, characters[index] == " " { index += 1 }
      let start = index
      while index < characters.count, characters[index].isASCII, characters[index].isNumber { index += 1 }
      guard index > start else { return nil }
      let digits = String(characters[start..<index])
      while index < characters.count, characters[index] == " " { index += 1 }
      guard index < characters.count, characters[index] == close else {
        throw error("expected '\(close)' after the grade \(digits)", at: min(index, characters.count))
      }
      guard let k = Int(digits), k <= 1_000_000 else {
        throw error("the grade \(digits) is too large (at most 1000000)", at: start)
      }
      position = index + 1
      return k
    }

    // unary := (¬ | □ | ◇ | [k] | ⟨k⟩) unary | primary
    mutating func parseUnary() throws(ModalParseError) -> ModalFormula {
      skipSpaces()
      guard let c = peek() else { throw error("expected a formula, found the end of the input") }
      switch c {
      case "¬", "~", "!":
        position += 1
        let saved = nesting
        defer { nesting = saved }
        try deeper()
        return .not(try parseUnary())
      case "□":
        position += 1
        return try modal { .box($0, grade: 0) }
      case "◇":
        position += 1
        return try modal { .diamond($0, grade: 0) }
      case "[":
        if peek(1) == "]" {
          position += 2
          return try modal { .box($0, grade: 0) }
        }
        guard let k = try grade(closing: "]") else { throw error("expected '[]' or a graded box '[k]' with a number k") }
        return try modal { .box($0, grade: k) }
      case "⟨":
        guard let k = try grade(closing: "⟩") else { throw error("expected a graded diamond '⟨k⟩' with a number k") }
        return try modal { .diamond($0, grade: k) }
      case "<":
        if looking(at: "<->") { throw error("expected a formula before '<->'") }
        if peek(1) == ">" {
          position += 2
          return try modal { .diamond($0, grade: 0) }
        }
        guard let k = try grade(closing: ">") else { throw error("expected '<>' or a graded diamond '<k>' with a number k") }
        return try modal { .diamond($0, grade: k) }
      default:
        return try parsePrimary()
      }
    }

    mutating func modal(_ make: (ModalFormula) -> ModalFormula) throws(ModalParseError) -> ModalFormula {
      modalDepth += 1
      let saved = nesting
      defer {
        modalDepth -= 1
        nesting = saved
      }
      try deeper()
      return make(try parseUnary())
    }

    // primary := ⊤ | ⊥ | atom | ( formula )
    mutating func parsePrimary() throws(ModalParseError) -> ModalFormula {
      skipSpaces()
      let start = position
      guard let c = peek() else { throw error("expected a formula, found the end of the input") }
      switch c {
      case "⊤":
        position += 1
        return .top
      case "⊥":
        position += 1
        return .bottom
      case "(":
        position += 1
        let saved = nesting
        defer { nesting = saved }
        try deeper()
        let inner = try parseFormula()
        skipSpaces()
        guard peek() == ")" else {
          if position >= characters.count {
            throw error("'(' at column \(column(start)) is never closed: expected ')'")
          }
          throw error("expected ')' to close the '(' at column \(column(start)), found '\(describe(position))'")
        }
        position += 1
        return inner
      case ")":
        throw error("expected a formula, found ')'")
      case "∧", "&", "∨", "|", "→", "↔":
        throw error("expected a formula before '\(c)'")
      case "-":
        throw error(looking(at: "->") ? "expected a formula before '->'" : "unexpected '-' (did you mean '->'?)")
      default:
        break
      }
      guard Parser.isNameStart(c) else { throw error("unexpected character '\(c)'") }
      let name = readName()
      switch name {
      case "T": return .top
      case "F": return .bottom
      case "them", "me":
        return try parseCall(name, start: start)
      default:
        record(.variable(name), column: start, nameColumn: start)
        return .atom(.variable(name))
      }
    }

    mutating func readName() -> String {
      let start = position
      while position < characters.count, Parser.isNameCharacter(characters[position]) { position += 1 }
      return String(characters[start..<position])
    }

    mutating func record(_ atom: ModalAtom, column: Int, nameColumn: Int) {
      occurrences.append(.init(atom: atom, column: self.column(column), nameColumn: self.column(nameColumn), isModalized: modalDepth > 0))
    }

    /// `them(me)`, `them(X)` or `me(them)`.
    mutating func parseCall(_ head: String, start: Int) throws(ModalParseError) -> ModalFormula {
      skipSpaces()
      guard peek() == "(" else {
        throw error(
          head == "them"
            ? "'them' must be followed by '(me)' or '(X)' with an agent name X"
            : "'me' must be followed by '(them)'")
      }
      position += 1
      skipSpaces()
      let nameStart = position
      guard let c = peek(), Parser.isNameStart(c) else {
        throw error(head == "them" ? "expected 'me' or an agent name inside them(...)" : "expected 'them' inside me(...)")
      }
      let argument = readName()
      skipSpaces()
      guard peek() == ")" else { throw error("expected ')' to close \(head)(\(argument)") }
      position += 1
      let atom: ModalAtom
      switch (head, argument) {
      case ("them", "me"): atom = .opponentCooperatesWithMe
      case ("me", "them"): atom = .iCooperateWithOpponent
      case ("them", "them"):
        throw error("them(them) is not an atom: an agent may mention them(me), me(them) and them(X) for another agent X", at: start)
      case ("them", _): atom = .opponentCooperatesWith(argument)
      default:
        throw error("me(\(argument)) is not an atom: an agent may mention me(them), them(me) and them(X) for another agent X", at: start)
      }
      record(atom, column: start, nameColumn: nameStart)
      return .atom(atom)
    }
  }
}
