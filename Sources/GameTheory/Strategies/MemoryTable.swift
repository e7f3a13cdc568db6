import LabKit

/// The memory-n body of a strategy file (``StrategyFile``): the move is a function of the last n
/// rounds (a memory-n strategy: Nowak and Sigmund 1993 for n = 1; Hilbe et al. 2017 for n ≥ 1),
/// given as ordered rules with wildcards, after optional opening moves.
///
/// It compiles to ``FiniteMemoryStrategy`` with one state per (rounds played, capped at
/// L = max(opening length, n); outcomes of the last min(rounds, n) rounds): at most
/// Σ_{t<L} 4^min(t, n) + 4ⁿ states. In a state, the move is the opening move while rounds remain in
/// the opening, else that of the first rule that fits the recorded rounds, else the default.
enum MemoryTable {
  /// The longest memory.
  static let maximumMemory = 6
  /// The longest opening.
  static let maximumOpening = 64

  /// A rule: rounds oldest first, each a set of outcomes (bit o set when outcome o fits).
  private struct Rule {
    let rounds: [UInt8]
    let move: Double
  }

  static func parse(name: String, lines: [[StrategyToken]], source: String) throws -> FiniteMemoryStrategy {
    let header = lines[0]
    guard header.count == 2, let memory = Int(header[1].text), (1...maximumMemory).contains(memory) else {
      throw (header.count == 1 ? header[0] : header[1]).error(source, "expected `memory N` with N from 1 to \(maximumMemory)")
    }
    var opening: [Double] = []
    var rules: [Rule] = []
    var fallback: Double?
    for line in lines.dropFirst() {
      switch line[0].text {
      case "memory": throw line[0].error(source, "a memory table has one `memory` line")
      case "opening":
        guard opening.isEmpty, rules.isEmpty, line.count >= 2 else {
          throw line[0].error(source, "give one `opening MOVE ...` line, with at least one move, before the rules")
        }
        guard line.count - 1 <= maximumOpening else {
          throw line[maximumOpening + 1].error(source, "an opening has at most \(maximumOpening) moves")
        }
        opening = try line.dropFirst().map { try StrategyMoveEntry.probability($0, source: source) }
      case "default":
        guard fallback == nil, line.count == 2 else { throw line[0].error(source, "expected one `default MOVE` line") }
        fallback = try StrategyMoveEntry.probability(line[1], source: source)
      default:
        guard fallback == nil else { throw line[0].error(source, "rules come before `default`") }
        rules.append(try rule(line, memory: memory, source: source))
      }
    }
    guard let fallback else {
      throw lines.last!.last!.error(source, "strategy \(name) needs a `default MOVE` line (the move when no rule fits)")
    }
    return try compile(name: name, memory: memory, opening: opening, rules: rules, fallback: fallback, at: header[0], source: source)
  }

  /// `ROUND ... -> MOVE`, with 1 to n rounds.
  private static func rule(_ line: [StrategyToken], memory: Int, source: String) throws -> Rule {
    guard line.count >= 3, line[line.count - 2].text == "->" else {
      throw line[0].error(source, "expected a rule `ROUND ... -> MOVE` (rounds oldest first, such as `*D *D -> D`), `opening` or `default`")
    }
    let roundTokens = line.dropLast(2)
    guard roundTokens.count <= memory else {
      throw line[memory].error(source, "a rule of a memory-\(memory) table looks at most \(memory) rounds back")
    }
    var rounds: [UInt8] = []
    for token in roundTokens {
      guard token.text.count == 2 else {
        throw token.error(source, "'\(token.text)' is not a round: own move then opponent's, each C, D or * (CD, *D, **)")
      }
      let outcomes = try MealyMachine.condition(token, source: source)
      rounds.append(outcomes.reduce(UInt8(0)) { $0 | 1 << UInt8($1) })
    }
    return Rule(rounds: rounds, move: try StrategyMoveEntry.probability(line[line.count - 1], source: source))
  }

  private static func compile(
    name: String, memory: Int, opening: [Double], rules: [Rule], fallback: Double, at token: StrategyToken, source: String
  ) throws -> FiniteMemoryStrategy {
    let horizon = max(opening.count, memory)
    struct Key: Hashable {
      let played: Int
      let window: [UInt8]
    }
    var index: [Key: Int] = [Key(played: 0, window: []): 0]
    var keys = [Key(played: 0, window: [])]
    var transitions: [[Int]] = []
    var moves: [Double] = []
    var cursor = 0
    while cursor < keys.count {
      let key = keys[cursor]
      moves.append(key.played < opening.count ? opening[key.played] : move(after: key.window, rules: rules, fallback: fallback))
      var targets: [Int] = []
      for outcome in 0..<UInt8(4) {
        let next = Key(played: min(key.played + 1, horizon), window: Array((key.window + [outcome]).suffix(memory)))
        if let known = index[next] {
          targets.append(known)
        } else {
          guard keys.count < StrategyFile.maximumStates else {
            throw token.error(source, "strategy \(name) has more than \(StrategyFile.maximumStates) states")
          }
          index[next] = keys.count
          targets.append(keys.count)
          keys.append(next)
        }
      }
      transitions.append(targets)
      cursor += 1
    }
    return try FiniteMemoryStrategy(name: name, cooperationProbabilities: moves, transitions: transitions, initialState: 0)
  }

  /// The move of the first rule whose rounds fit the end of `window`.
  private static func move(after window: [UInt8], rules: [Rule], fallback: Double) -> Double {
    for rule in rules where rule.rounds.count <= window.count {
      let recent = window.suffix(rule.rounds.count)
      if zip(rule.rounds, recent).allSatisfy({ $0 & (1 << $1) != 0 }) { return rule.move }
    }
    return fallback
  }
}
