import LabKit

/// The reader behind ``GambitStrategicGame/init(nfg:source:)``: a tokenizer that follows Gambit's
/// (whitespace is insignificant except inside double quotes, `\"` escapes a quote; braces and commas
/// are tokens of their own) and a recursive-descent parser of both `.nfg` versions.
struct GambitNFGParser {
  enum Kind: Equatable {
    case openBrace
    case closeBrace
    case comma
    /// A double-quoted label, unescaped.
    case text(String)
    /// Anything else up to whitespace, a brace, a comma or a quote: a keyword or a number.
    case word(String)
  }

  struct Token {
    let kind: Kind
    let line: Int
    let column: Int
  }

  let source: String
  private let tokens: [Token]
  private var position = 0
  /// Where the end of the input is, for errors about missing tokens.
  private let endLine: Int
  private let endColumn: Int

  init(text: String, source: String) throws {
    self.source = source
    var tokens: [Token] = []
    var line = 1
    var column = 1
    var scalars = Array(text.unicodeScalars)[...]
    func advance() -> Unicode.Scalar {
      let scalar = scalars.removeFirst()
      if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
      return scalar
    }
    func isSpace(_ scalar: Unicode.Scalar) -> Bool { [" ", "\t", "\n", "\r", "\u{0B}", "\u{0C}"].contains(scalar) }
    while let scalar = scalars.first {
      if isSpace(scalar) { _ = advance(); continue }
      let (startLine, startColumn) = (line, column)
      switch scalar {
      case "{": _ = advance(); tokens.append(Token(kind: .openBrace, line: startLine, column: startColumn))
      case "}": _ = advance(); tokens.append(Token(kind: .closeBrace, line: startLine, column: startColumn))
      case ",": _ = advance(); tokens.append(Token(kind: .comma, line: startLine, column: startColumn))
      case "\"":
        _ = advance()
        var label = String.UnicodeScalarView()
        var closed = false
        while !scalars.isEmpty {
          let next = advance()
          if next == "\"" { closed = true; break }
          if next == "\\", scalars.first == "\"" {
            label.append(advance())
          } else {
            label.append(next)
          }
        }
        guard closed else {
          throw LabError.invalidInput(
            place: "\(source) line \(startLine) column \(startColumn)", problem: "unterminated string: no closing '\"' before the end of the file")
        }
        tokens.append(Token(kind: .text(String(label)), line: startLine, column: startColumn))
      default:
        var word = String.UnicodeScalarView()
        while let next = scalars.first, !isSpace(next), !["{", "}", ",", "\""].contains(next) { word.append(advance()) }
        tokens.append(Token(kind: .word(String(word)), line: startLine, column: startColumn))
      }
    }
    self.tokens = tokens
    endLine = line
    endColumn = column
  }

  // MARK: - Parsing

  mutating func parse() throws -> GambitStrategicGame {
    guard case .word(let magic)? = peek?.kind, magic == "NFG" else {
      if case .word("EFG")? = peek?.kind {
        throw error(at: peek, "this is an extensive-form (.efg) file; only strategic-form .nfg files are read")
      }
      throw error(at: peek, "not a Gambit .nfg file: expected 'NFG' at the start, found \(found(peek))")
    }
    position += 1
    guard case .word(let version)? = peek?.kind, version == "1" else {
      throw error(at: peek, "unsupported NFG version \(found(peek)); only version 1 is defined")
    }
    position += 1
    guard case .word(let type)? = peek?.kind, type == "R" || type == "D" else {
      throw error(at: peek, "expected the data type 'R' after 'NFG 1', found \(found(peek))")
    }
    position += 1
    guard case .text(let title)? = peek?.kind else { throw error(at: peek, "expected the game title in double quotes, found \(found(peek))") }
    position += 1

    try expect(.openBrace, "'{' before the player names")
    var players: [String] = []
    while case .text(let name)? = peek?.kind {
      players.append(name)
      position += 1
    }
    try expect(.closeBrace, "a player name in double quotes or '}' after the player names")
    guard !players.isEmpty else { throw error(at: tokens[position - 1], "the game has no players") }

    let actions = try strategies(playerCount: players.count)
    var comment = ""
    if case .text(let text)? = peek?.kind {
      comment = text
      position += 1
    }

    let counts = actions.map(\.count)
    var profileCount = 1
    for count in counts {
      let (product, overflow) = profileCount.multipliedReportingOverflow(by: count)
      // Every profile needs a payoff or an outcome number in the file: more profiles than tokens
      // cannot be complete, and would only allocate.
      guard !overflow, product <= tokens.count else {
        throw error(at: nil, "the strategy counts \(counts) give more profiles than the file has numbers for (\(tokens.count) tokens)")
      }
      profileCount = product
    }
    let gambitVectors: [[Double]]
    switch peek?.kind {
    case .openBrace?: gambitVectors = try outcomeBody(playerCount: players.count, profileCount: profileCount)
    case .word?: gambitVectors = try payoffBody(playerCount: players.count, profileCount: profileCount)
    default: throw error(at: peek, "expected the payoffs or the '{' of the outcome list, found \(found(peek))")
    }

    // Gambit lists profiles with the first player fastest; the game wants player 0 slowest.
    var vectors = [[Double]](repeating: [], count: profileCount)
    for (gambitIndex, vector) in gambitVectors.enumerated() {
      var rest = gambitIndex
      var index = 0
      var stride = 1
      var profile = [Int](repeating: 0, count: counts.count)
      for player in counts.indices {
        profile[player] = rest % counts[player]
        rest /= counts[player]
      }
      for player in counts.indices.reversed() {
        index += profile[player] * stride
        stride *= counts[player]
      }
      vectors[index] = vector
    }
    let game = try NormalFormGame(playerNames: players, actions: actions, payoffVectors: vectors)
    return GambitStrategicGame(game: game, title: title, comment: comment)
  }

  /// `{ 3 2 }` or `{ { "a" "b" "c" } { "x" "y" } }`: each player's strategy names.
  private mutating func strategies(playerCount: Int) throws -> [[String]] {
    try expect(.openBrace, "'{' before the strategies")
    var actions: [[String]] = []
    switch peek?.kind {
    case .openBrace?:
      while case .openBrace? = peek?.kind {
        let open = peek
        guard actions.count < playerCount else {
          throw error(at: open, "more strategy lists than the \(playerCount) players")
        }
        position += 1
        var names: [String] = []
        while case .text(let name)? = peek?.kind {
          names.append(name)
          position += 1
        }
        try expect(.closeBrace, "a strategy name in double quotes or '}' after player \(actions.count + 1)'s strategies")
        guard !names.isEmpty else { throw error(at: open, "player \(actions.count + 1) has no strategies") }
        actions.append(names)
      }
    case .word?:
      while case .word(let text)? = peek?.kind {
        guard let count = Int(text), count > 0, text.allSatisfy(\.isNumber) else {
          throw error(at: peek, "the number of strategies '\(text)' is not a positive integer")
        }
        guard actions.count < playerCount else { throw error(at: peek, "more strategy counts than the \(playerCount) players") }
        // Every profile needs a payoff or an outcome number in the file, so no count can exceed its
        // number of tokens; checking it here keeps a huge count from allocating its names.
        guard count <= tokens.count else {
          throw error(at: peek, "\(count) strategies, more profiles than the file has numbers for (\(tokens.count) tokens)")
        }
        actions.append(NormalFormGame.defaultActionNames(count))
        position += 1
      }
    default:
      throw error(at: peek, "expected the numbers of strategies or the strategy lists, found \(found(peek))")
    }
    let close = peek
    try expect(.closeBrace, "'}' after the strategies")
    guard actions.count == playerCount else {
      throw error(at: close, "\(playerCount) players but strategies for \(actions.count)")
    }
    return actions
  }

  /// The payoff version's body: playerCount × profileCount numbers to the end of the file.
  private mutating func payoffBody(playerCount: Int, profileCount: Int) throws -> [[Double]] {
    let expected = playerCount * profileCount
    var values: [Double] = []
    while let token = peek {
      guard values.count < expected else {
        throw error(at: token, "more than the \(expected) payoffs of \(profileCount) profiles × \(playerCount) players")
      }
      values.append(try number(token, "a payoff"))
      position += 1
    }
    guard values.count == expected else {
      throw error(at: nil, "\(values.count) payoffs, but \(profileCount) profiles × \(playerCount) players need \(expected)")
    }
    return stride(from: 0, to: expected, by: playerCount).map { Array(values[$0..<$0 + playerCount]) }
  }

  /// The outcome version's body: `{ { "name" p1, p2 } ... }` then one outcome number per profile.
  private mutating func outcomeBody(playerCount: Int, profileCount: Int) throws -> [[Double]] {
    try expect(.openBrace, "'{' before the outcomes")
    var outcomes: [[Double]] = []
    while case .openBrace? = peek?.kind {
      let open = peek
      position += 1
      guard case .text? = peek?.kind else { throw error(at: peek, "expected the outcome's name in double quotes, found \(found(peek))") }
      position += 1
      var payoffs: [Double] = []
      while let token = peek, case .word = token.kind {
        payoffs.append(try number(token, "a payoff"))
        position += 1
        if case .comma? = peek?.kind { position += 1 }
      }
      try expect(.closeBrace, "a payoff or '}' in outcome \(outcomes.count + 1)")
      guard payoffs.count == playerCount else {
        throw error(at: open, "outcome \(outcomes.count + 1) has \(payoffs.count) payoffs for \(playerCount) players")
      }
      outcomes.append(payoffs)
    }
    try expect(.closeBrace, "'{' of another outcome or '}' after the outcomes")
    var vectors: [[Double]] = []
    while let token = peek {
      guard vectors.count < profileCount else { throw error(at: token, "more than the \(profileCount) outcome numbers of the profiles") }
      guard case .word(let text) = token.kind, let index = Int(text), index >= 0, text.allSatisfy(\.isNumber) else {
        throw error(at: token, "expected an outcome number (0 to \(outcomes.count)), found \(found(token))")
      }
      guard index <= outcomes.count else { throw error(at: token, "outcome \(index) is not defined (there are \(outcomes.count))") }
      vectors.append(index == 0 ? [Double](repeating: 0, count: playerCount) : outcomes[index - 1])
      position += 1
    }
    guard vectors.count == profileCount else {
      throw error(at: nil, "\(vectors.count) outcome numbers for \(profileCount) profiles")
    }
    return vectors
  }

  // MARK: - Tokens

  private var peek: Token? { position < tokens.count ? tokens[position] : nil }

  private mutating func expect(_ kind: Kind, _ what: String) throws {
    guard let token = peek, token.kind == kind else { throw error(at: peek, "expected \(what), found \(found(peek))") }
    position += 1
  }

  /// An integer, a decimal with an optional exponent, or a rational `p/q`, as Gambit writes them.
  private func number(_ token: Token, _ what: String) throws -> Double {
    guard case .word(let text) = token.kind else { throw error(at: token, "expected \(what), found \(found(token))") }
    guard let value = GambitNFGParser.parseNumber(text) else {
      throw error(at: token, "'\(text)' is not a number (integer, decimal or rational such as 3/2)")
    }
    guard value.isFinite else { throw error(at: token, "'\(text)' is out of range") }
    return value
  }

  /// The value of a Gambit number, or nil when `text` is not one (a zero denominator included).
  static func parseNumber(_ text: String) -> Double? {
    var body = Substring(text)
    var sign = 1.0
    if let first = body.first, first == "+" || first == "-" {
      sign = first == "-" ? -1 : 1
      body = body.dropFirst()
    }
    let digits: (Substring) -> Bool = { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    let parts = body.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
    if parts.count == 2 {
      guard digits(parts[0]), digits(parts[1]), let numerator = Double(parts[0]), let denominator = Double(parts[1]),
        denominator != 0
      else { return nil }
      return sign * numerator / denominator
    }
    var mantissa = body
    var exponent: Substring = "0"
    if let e = body.firstIndex(where: { $0 == "e" || $0 == "E" }) {
      mantissa = body[..<e]
      exponent = body[body.index(after: e)...]
      if let first = exponent.first, first == "+" || first == "-" {
        guard digits(exponent.dropFirst()) else { return nil }
      } else {
        guard digits(exponent) else { return nil }
      }
    }
    let pieces = mantissa.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
    let integer = pieces[0]
    let fraction = pieces.count > 1 ? pieces[1] : ""
    guard integer.isEmpty || digits(integer), fraction.isEmpty || digits(fraction), !(integer.isEmpty && fraction.isEmpty) else {
      return nil
    }
    guard let value = Double("\(integer.isEmpty ? "0" : integer).\(fraction.isEmpty ? "0" : fraction)e\(exponent)") else { return nil }
    return sign * value
  }

  private func found(_ token: Token?) -> String {
    switch token?.kind {
    case nil: return "the end of the file"
    case .openBrace?: return "'{'"
    case .closeBrace?: return "'}'"
    case .comma?: return "','"
    case .text(let text)?: return "the string \"\(text)\""
    case .word(let text)?: return "'\(text)'"
    }
  }

  /// An error at `token`, or at the end of the input when nil.
  private func error(at token: Token?, _ problem: String) -> LabError {
    let (line, column) = token.map { ($0.line, $0.column) } ?? (endLine, endColumn)
    return LabError.invalidInput(place: "\(source) line \(line) column \(column)", problem: problem)
  }
}
