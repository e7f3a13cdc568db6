import LabKit

/// A strategic-form game as Gambit stores it in an `.nfg` file: the game with the file's title and
/// comment.
///
/// The format is Gambit's "strategic game (.nfg) file format" version 1 (Gambit documentation, "Game
/// representation formats"):
///
///     NFG 1 R "Selten (IJGT, 75), Figure 2, normal form"
///     { "Player 1" "Player 2" } { 3 2 }
///
///     1 1 0 2 0 2 1 1 0 3 2 0
///
/// - the prologue: `NFG`, version `1`, `R` (the obsolete `D` is accepted when reading), the quoted
///   title, the quoted player names in braces, then either each player's number of strategies
///   (`{ 3 2 }`, strategies named "1", "2", …) or their names (`{ { "U" "D" } { "L" "R" } }`), then an
///   optional quoted comment;
/// - the body, in one of two versions. **Payoff version:** a flat list of payoffs, profile by profile,
///   each profile's payoffs in player order. **Outcome version:** a braced list of outcomes
///   `{ "name" p1, p2 }` (commas optional; labels are not kept) followed by one outcome number per
///   profile, 0 meaning all-zero payoffs.
///
/// Profiles are listed with the **first player's strategy varying fastest**, the reverse of
/// ``NormalFormGame/profiles`` (player 0 slowest); reading and writing convert. Numbers may be
/// integers, decimals (with an optional exponent) or rationals such as `3/2`; Gambit treats them as
/// exact, here they become the nearest `Double`. Labels are double-quoted, with `\"` for a quote.
///
/// Reading accepts both versions and reports the first problem as ``LabError/invalidInput(place:problem:)``
/// whose place is "`source` line L column C": a missing `NFG`, an unsupported version or data type,
/// missing braces or title, an unterminated string, a count that is not a positive integer, too few or
/// too many strategy lists, payoffs or outcome numbers, a non-number, an undefined outcome. Writing
/// produces the payoff version with strategy names and the comment, which Gambit (pygambit 16.7)
/// reads back; the tests check both directions against pygambit's own files.
public struct GambitStrategicGame: Sendable, Equatable {
  /// The game's title (the first quoted string of the file).
  public var title: String
  /// The optional comment of the prologue ("" when absent).
  public var comment: String
  /// The game; its player names and action names are the file's labels.
  public var game: NormalFormGame

  public init(game: NormalFormGame, title: String = "", comment: String = "") {
    self.game = game
    self.title = title
    self.comment = comment
  }

  /// Parses the text of an `.nfg` file, payoff or outcome version.
  ///
  /// - Parameter source: how errors name the input, such as the file's path.
  /// - Throws: ``LabError/invalidInput(place:problem:)`` naming the line and column of the problem.
  public init(nfg text: String, source: String = "NFG file") throws {
    var parser = try GambitNFGParser(text: text, source: source)
    self = try parser.parse()
  }

  /// Reads and parses an `.nfg` file (`-` reads standard input).
  ///
  /// - Throws: ``LabError/fileSystem(path:problem:)`` when the file is missing or unreadable,
  ///   ``LabError/invalidInput(place:problem:)`` when it is not a valid `.nfg` file.
  public static func read(path: String) throws -> GambitStrategicGame {
    try GambitStrategicGame(nfg: try InputFile.read(path), source: InputFile.displayName(path))
  }

  /// The game as `.nfg` text, payoff version, with strategy names, ending in a newline:
  ///
  ///     NFG 1 R "title" { "Player 1" "Player 2" }
  ///     { { "cooperate" "defect" }
  ///     { "cooperate" "defect" }
  ///     }
  ///     "comment"
  ///
  ///     3 3
  ///     ...
  ///
  /// One profile per line, the first player's strategy varying fastest. Payoffs are the shortest
  /// decimal that reads back as the same `Double` (no exponent), so writing then reading gives the same
  /// game.
  public var nfgText: String {
    var lines = ["NFG 1 R \(GambitStrategicGame.quoted(title)) { \(game.playerNames.map(GambitStrategicGame.quoted).joined(separator: " ")) }"]
    for (player, names) in game.actions.enumerated() {
      lines.append((player == 0 ? "{ " : "") + "{ " + names.map(GambitStrategicGame.quoted).joined(separator: " ") + " }")
    }
    lines.append("}")
    lines.append(GambitStrategicGame.quoted(comment))
    lines.append("")
    let counts = game.actionCounts
    let total = counts.reduce(1, *)
    for position in 0..<total {
      var rest = position
      let profile = counts.map { count -> Int in
        defer { rest /= count }
        return rest % count
      }
      lines.append(game.payoffs(profile).map(GambitStrategicGame.decimal).joined(separator: " "))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Writes ``nfgText`` to `path` atomically.
  public func write(to path: String) throws {
    try AtomicFile.write(nfgText, to: path)
  }

  /// A label in double quotes, `"` escaped as `\"` (Gambit's only escape; other backslashes are
  /// kept as they are, so a label should not end in a backslash).
  static func quoted(_ label: String) -> String {
    "\"" + label.map { $0 == "\"" ? "\\\"" : String($0) }.joined() + "\""
  }

  /// The shortest decimal digits of `value` that read back as `value`, written without an exponent
  /// ("3", "-0.25", "0.00001", "150000000000000000000"); never "-0".
  static func decimal(_ value: Double) -> String {
    precondition(value.isFinite, "Gambit .nfg: payoffs must be finite")
    if value == 0 { return "0" }
    let text = "\(value.magnitude)"
    let parts = text.split(separator: "e", maxSplits: 1)
    let mantissa = parts[0]
    let exponent = parts.count > 1 ? Int(parts[1])! : 0
    let pieces = mantissa.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
    var digits = Array(pieces[0] + (pieces.count > 1 ? pieces[1] : ""))
    var point = pieces[0].count + exponent
    while digits.count > 1 && digits.first == "0" {
      digits.removeFirst()
      point -= 1
    }
    while digits.count > 1 && digits.last == "0" { digits.removeLast() }
    var result: String
    if point <= 0 {
      result = "0." + String(repeating: "0", count: -point) + String(digits)
    } else if point >= digits.count {
      result = String(digits) + String(repeating: "0", count: point - digits.count)
    } else {
      result = String(digits[..<point]) + "." + String(digits[point...])
    }
    if value < 0 { result = "-" + result }
    return result
  }
}

extension NormalFormGame {
  /// The game of an `.nfg` file's text (title and comment dropped; see ``GambitStrategicGame``).
  ///
  /// - Throws: ``LabError/invalidInput(place:problem:)`` naming the line and column of the problem.
  public init(gambitNFG text: String, source: String = "NFG file") throws {
    self = try GambitStrategicGame(nfg: text, source: source).game
  }

  /// The game as `.nfg` text, payoff version (see ``GambitStrategicGame/nfgText``).
  public func gambitNFG(title: String = "", comment: String = "") -> String {
    GambitStrategicGame(game: self, title: title, comment: comment).nfgText
  }
}
