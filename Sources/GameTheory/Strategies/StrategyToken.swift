import LabKit

/// A word of a strategy file (``StrategyFile``) and where it starts: line and column, both counted
/// from 1, columns in characters.
struct StrategyToken: Sendable, Equatable {
  let text: String
  let line: Int
  let column: Int

  /// The words of each non-empty line of `text`, without comments (from `#` to the end of the line).
  /// Lines end at "\n"; a "\r" before it is dropped, other control characters are refused.
  static func lines(of text: String, source: String) throws -> [[StrategyToken]] {
    var result: [[StrategyToken]] = []
    for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      var tokens: [StrategyToken] = []
      var current = ""
      var start = 0
      var column = 0
      for character in rawLine {
        column += 1
        if character == "#" { break }
        if character.isWhitespace {
          if !current.isEmpty { tokens.append(StrategyToken(text: current, line: index + 1, column: start)) }
          current = ""
          continue
        }
        if character.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
          throw LabError.invalidInput(
            place: "\(source):\(index + 1):\(column)", problem: "a control character (\(character.unicodeScalars.first!.value)) is not allowed")
        }
        if current.isEmpty { start = column }
        current.append(character)
      }
      if !current.isEmpty { tokens.append(StrategyToken(text: current, line: index + 1, column: start)) }
      if !tokens.isEmpty { result.append(tokens) }
    }
    return result
  }

  /// "source:line:column", the place of an error at this token.
  func place(_ source: String) -> String { "\(source):\(line):\(column)" }

  /// The error `problem` at this token.
  func error(_ source: String, _ problem: String) -> LabError { .invalidInput(place: place(source), problem: problem) }
}

/// What a move entry of a strategy file means: C, D, or C with a probability.
enum StrategyMoveEntry {
  /// Reads "C", "D" or a probability of C in [0, 1] ("0.25").
  static func probability(_ token: StrategyToken, source: String) throws -> Double {
    switch token.text {
    case "C": return 1
    case "D": return 0
    default:
      guard token.text.first.map({ $0.isNumber || $0 == "." }) == true, let value = Double(token.text), value >= 0, value <= 1
      else {
        throw token.error(source, "'\(token.text)' is not a move: write C, D, or the probability of C as a number in [0, 1]")
      }
      return value
    }
  }
}
