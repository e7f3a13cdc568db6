import Foundation
import LabKit

/// Strategies of the repeated prisoner's dilemma written as text, so that a researcher can add one
/// without writing Swift. A file holds one or more strategies; each becomes a
/// ``FiniteMemoryStrategy`` and plays in ``RepeatedMatch`` and ``Tournament`` like the built-in ones.
///
/// The format, line by line: words are separated by spaces, `#` starts a comment, blank lines are
/// ignored. Each strategy starts with `strategy NAME` (letters, digits, `_`, `-`, `.`), may have a
/// `source` line (free text: where the rule comes from), and then has one of two bodies.
///
/// **A machine** (axelrod's `FSMPlayer`, a Mealy machine: Rubinstein 1986; Miller 1996):
///
///     strategy TitForTat
///     source Rapoport; axelrod TitForTat
///     start s C          # the initial state and the first move
///     s C -> s C         # in state s, after the opponent's C: go to state s, play C
///     s D -> s D         # after the opponent's D: stay, play D
///
/// A rule `STATE CONDITION -> NEXT MOVE` reads: in STATE, after a round whose outcome fits
/// CONDITION, go to NEXT and play MOVE. A CONDITION is the opponent's last move (`C`, `D`, `*` for
/// either) or two letters, own move then the opponent's (`CD`, `D*`, `**`). A MOVE is `C`, `D`, or
/// the probability of C (`0.9`). Every state with rules needs exactly one rule for each outcome,
/// and every state that is entered needs rules.
///
/// **A memory-n table**: the move depends on the last n rounds (n from 1 to 6):
///
///     strategy TwoTitsForTat
///     memory 2
///     opening C          # the first moves, before the rules apply
///     *D ** -> D         # the rounds, oldest first: own move then opponent's, * for either
///     *D -> D
///     default C          # when no rule fits
///
/// Rules are tried in order and the first that fits decides; a rule of k rounds fits only once k
/// rounds have been played. `opening` (optional) gives the moves of the first rounds; `default` is
/// required.
///
/// Moves are those actually played, after noise, as everywhere in ``RepeatedMatch``. Errors name
/// the file, line and column (``LabError/invalidInput(place:problem:)``); no input makes the reader
/// crash.
public enum StrategyFile {
  /// The most states a strategy of a file may compile to.
  public static let maximumStates = 100_000

  /// The strategies defined in `text`, in order.
  ///
  /// - Parameter source: the name errors give as the place (a path).
  /// - Throws: ``LabError/invalidInput(place:problem:)`` naming line and column of the first problem.
  public static func parse(_ text: String, source: String = "strategy file") throws -> [FiniteMemoryStrategy] {
    let lines = try StrategyToken.lines(of: text, source: source)
    var blocks: [[[StrategyToken]]] = []
    for line in lines {
      if line[0].text == "strategy" {
        blocks.append([line])
      } else if blocks.isEmpty {
        throw line[0].error(source, "expected `strategy NAME` before '\(line[0].text)'")
      } else {
        blocks[blocks.count - 1].append(line)
      }
    }
    guard !blocks.isEmpty else {
      throw LabError.invalidInput(place: source, problem: "no strategy: a file starts with `strategy NAME`")
    }
    var names: [String: Int] = [:]
    var strategies: [FiniteMemoryStrategy] = []
    for block in blocks {
      let header = block[0]
      let strategy = try parseBlock(block, source: source)
      if let earlier = names[strategy.name] {
        throw header[1].error(source, "strategy \(strategy.name) is already defined on line \(earlier)")
      }
      names[strategy.name] = header[0].line
      strategies.append(strategy)
    }
    return strategies
  }

  /// The strategies of the file at `path` (`-` reads standard input).
  ///
  /// - Throws: ``LabError/fileSystem(path:problem:)`` if it cannot be read as UTF-8, and as
  ///   ``parse(_:source:)``.
  public static func read(path: String) throws -> [FiniteMemoryStrategy] {
    try parse(try InputFile.read(path), source: InputFile.displayName(path))
  }

  private static func parseBlock(_ block: [[StrategyToken]], source: String) throws -> FiniteMemoryStrategy {
    let header = block[0]
    guard header.count == 2 else {
      throw (header.count == 1 ? header[0] : header[2]).error(source, "expected `strategy NAME` with one name")
    }
    let name = header[1].text
    guard name.allSatisfy({ ($0.isASCII && ($0.isLetter || $0.isNumber)) || "_-.".contains($0) }) else {
      throw header[1].error(source, "a name may contain only ASCII letters, digits, '_', '-' and '.'")
    }
    let body = block.dropFirst().filter { $0[0].text != "source" }
    guard let first = body.first else {
      throw header[0].error(source, "strategy \(name) has no body: give `start STATE MOVE` and rules, or `memory N` and rules")
    }
    switch first[0].text {
    case "memory": return try MemoryTable.parse(name: name, lines: Array(body), source: source)
    case "start": return try MealyMachine.parse(name: name, lines: Array(body), source: source)
    default:
      if let start = body.first(where: { $0[0].text == "start" }) {
        throw start[0].error(source, "`start` must be the first line of a machine, before its rules")
      }
      if let memory = body.first(where: { $0[0].text == "memory" }) {
        throw memory[0].error(source, "`memory N` must be the first line of a memory table, before its rules")
      }
      throw first[0].error(source, "expected `start STATE MOVE` (a machine) or `memory N` (a memory table)")
    }
  }
}
