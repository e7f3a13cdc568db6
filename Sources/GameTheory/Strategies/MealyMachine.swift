import LabKit

/// The machine body of a strategy file (``StrategyFile``): a Mealy machine whose output is the next
/// move, as axelrod's `FSMPlayer(transitions, initial_state, initial_action)` (Miller 1996), with
/// the condition allowed to name the strategy's own last move too and the move allowed to be a
/// probability of C.
///
/// It compiles to the Moore machine ``FiniteMemoryStrategy`` by taking as states the pairs (state,
/// move about to be played) that can be reached from (start state, first move): in pair (s, m), the
/// strategy plays m; after outcome o it goes to the pair (s′, m′) given by the rule of s for o.
enum MealyMachine {
  /// A rule: after `outcome` in `state`, go to `next` and play C with probability `move`.
  private struct Rule {
    let next: String
    let move: Double
    let token: StrategyToken
  }

  static func parse(name: String, lines: [[StrategyToken]], source: String) throws -> FiniteMemoryStrategy {
    let start = lines[0]
    guard start.count == 3 else {
      throw (start.count < 3 ? start[start.count - 1] : start[3]).error(source, "expected `start STATE MOVE`")
    }
    let startState = try stateName(start[1], source: source)
    let startMove = try StrategyMoveEntry.probability(start[2], source: source)
    var rules: [String: [Rule?]] = [:]
    var firstLine: [String: StrategyToken] = [:]
    var order: [String] = []
    for line in lines.dropFirst() {
      if line[0].text == "start" { throw line[0].error(source, "a machine has one `start` line") }
      guard line.count == 5, line[2].text == "->" else {
        let at = line.count > 2 && line[2].text != "->" ? line[2] : line[min(line.count, 5) - 1]
        throw at.error(source, "expected a rule `STATE CONDITION -> NEXT MOVE`, such as `s D -> t D`")
      }
      let state = try stateName(line[0], source: source)
      let outcomes = try condition(line[1], source: source)
      let rule = Rule(next: try stateName(line[3], source: source), move: try StrategyMoveEntry.probability(line[4], source: source), token: line[0])
      if rules[state] == nil {
        rules[state] = [nil, nil, nil, nil]
        firstLine[state] = line[0]
        order.append(state)
      }
      for outcome in outcomes {
        if let earlier = rules[state]![outcome] {
          throw line[1].error(
            source, "state \(state) already has a rule after \(outcomeName(outcome)), on line \(earlier.token.line)")
        }
        rules[state]![outcome] = rule
      }
    }
    for state in order {
      if let missing = rules[state]!.firstIndex(where: { $0 == nil }) {
        throw firstLine[state]!.error(source, "state \(state) has no rule after \(outcomeName(missing))")
      }
    }
    return try compile(name: name, start: (startState, startMove, start[1]), rules: rules, source: source)
  }

  /// Breadth-first over the reachable (state, move) pairs.
  private static func compile(
    name: String, start: (String, Double, StrategyToken), rules: [String: [Rule?]], source: String
  ) throws -> FiniteMemoryStrategy {
    struct Pair: Hashable {
      let state: String
      let move: Double
    }
    var index: [Pair: Int] = [Pair(state: start.0, move: start.1): 0]
    var pairs = [Pair(state: start.0, move: start.1)]
    var transitions: [[Int]] = []
    var cursor = 0
    while cursor < pairs.count {
      let pair = pairs[cursor]
      guard let row = rules[pair.state] else {
        let entering = cursor == 0 ? start.2 : rules.values.lazy.flatMap { $0 }.compactMap { $0 }.first { $0.next == pair.state }!.token
        throw entering.error(source, "state \(pair.state) is entered here but has no rules")
      }
      var targets: [Int] = []
      for outcome in 0..<4 {
        let rule = row[outcome]!
        let target = Pair(state: rule.next, move: rule.move)
        if let known = index[target] {
          targets.append(known)
        } else {
          guard pairs.count < StrategyFile.maximumStates else {
            throw start.2.error(source, "strategy \(name) has more than \(StrategyFile.maximumStates) states")
          }
          index[target] = pairs.count
          targets.append(pairs.count)
          pairs.append(target)
        }
      }
      transitions.append(targets)
      cursor += 1
    }
    return try FiniteMemoryStrategy(
      name: name, cooperationProbabilities: pairs.map(\.move), transitions: transitions, initialState: 0)
  }

  /// A state name: ASCII letters, digits and '_'.
  private static func stateName(_ token: StrategyToken, source: String) throws -> String {
    guard token.text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else {
      throw token.error(source, "'\(token.text)' is not a state name (ASCII letters, digits and '_')")
    }
    return token.text
  }

  /// The outcomes (own move first: CC = 0, CD = 1, DC = 2, DD = 3) a condition covers.
  static func condition(_ token: StrategyToken, source: String) throws -> [Int] {
    let letters = Array(token.text)
    let pattern: [Character] = letters.count == 1 ? ["*", letters[0]] : letters
    func moves(_ letter: Character) -> [Int]? {
      switch letter {
      case "C": return [0]
      case "D": return [1]
      case "*": return [0, 1]
      default: return nil
      }
    }
    guard pattern.count == 2, let own = moves(pattern[0]), let other = moves(pattern[1]) else {
      throw token.error(
        source,
        "'\(token.text)' is not a condition: the opponent's last move (C, D or *) or own move then opponent's (CD, D*, **)")
    }
    return own.flatMap { o in other.map { o << 1 | $0 } }
  }

  /// "CD (own C, opponent D)".
  static func outcomeName(_ outcome: Int) -> String {
    let own = outcome >> 1 == 0 ? "C" : "D"
    let other = outcome & 1 == 0 ? "C" : "D"
    return "\(own)\(other) (own \(own), opponent \(other))"
  }
}
