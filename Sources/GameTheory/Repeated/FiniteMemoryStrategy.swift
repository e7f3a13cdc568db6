import LabKit

/// A strategy of the repeated 2 × 2 game as a finite machine (a Moore machine with random output):
/// finitely many states `0 ..< stateCount`, each with a probability of playing C, a transition on the
/// outcome of every round, and an initial state.
///
/// In state `s` the machine plays C with probability `cooperationProbabilities[s]` (deterministic
/// strategies use 0 and 1) and D otherwise. After the round it moves to `transitions[s][o]`, where
/// `o` is the outcome as it saw it, its own move first: CC = 0, CD = 1, DC = 2, DD = 3 (the order of
/// axelrod's memory-one "four-vector" (P(C|CC), P(C|CD), P(C|DC), P(C|DD)); Press and Dyson 2012).
/// The outcome is the moves actually played, after any noise, as in axelrod, whose players record the
/// flipped moves in their histories.
///
/// Every strategy of bounded memory, and some of unbounded memory (Grudger), is such a machine: this
/// is the finite-automaton representation of repeated-game strategies of Rubinstein (1986) and
/// Abreu and Rubinstein (1988), and of axelrod's `FSMPlayer` (with the move drawn per state). The ten
/// classic strategies are in `FiniteMemoryStrategy+Classics.swift`.
///
/// The tables are also kept flat (`4 · state + outcome`) for the match engine, which therefore does
/// one array read per player per round and no dynamic dispatch.
public struct FiniteMemoryStrategy: Sendable, Equatable, CustomStringConvertible {
  /// The strategy's name (the axelrod class name for the classic ones, e.g. `TitForTat`).
  public let name: String
  /// The probability of playing C in each state.
  public let cooperationProbabilities: [Double]
  /// The state of the first round.
  public let initialState: Int
  /// Whether every state plays C with probability 0 or 1, so the strategy never draws.
  public let isDeterministic: Bool

  /// `nextStates[4 · s + o]`: the state after outcome `o` (own move first) in state `s`.
  let nextStates: [Int32]
  /// For the deterministic engine: `packedNext[4 · s + o] = next << 1 | m`, where `next` is the next
  /// state and `m` its move (0 = C, 1 = D), so the move of the current state is the low bit of the
  /// current packed state and costs no memory read. Meaningful only when ``isDeterministic``.
  let packedNext: [UInt32]
  /// The initial state packed in the same way.
  let packedInitial: UInt32

  /// The largest number of states a machine may have (the packed tables hold `state << 1` in 32 bits).
  public static let maximumStateCount = 1 << 30

  /// A machine from its tables.
  ///
  /// - Parameters:
  ///   - name: a non-empty name.
  ///   - cooperationProbabilities: the probability of C in each state, each in [0, 1]; one per state.
  ///   - transitions: for each state, the next state after the outcomes CC, CD, DC, DD (own move first).
  ///   - initialState: the state of the first round.
  /// - Throws: ``LabError/invalidInput(place:problem:)`` naming the first problem: an empty name, no
  ///   states, a probability that is not a number in [0, 1], a transition row that is missing or
  ///   does not have four entries, a target state or initial state out of range.
  public init(name: String, cooperationProbabilities: [Double], transitions: [[Int]], initialState: Int = 0) throws {
    let place = "strategy \"\(name)\""
    guard !name.allSatisfy(\.isWhitespace) else {
      throw LabError.invalidInput(place: "strategy", problem: "the name is empty")
    }
    let count = cooperationProbabilities.count
    guard count > 0 else { throw LabError.invalidInput(place: place, problem: "a machine needs at least one state") }
    guard count <= Self.maximumStateCount else {
      throw LabError.invalidInput(place: place, problem: "\(count) states exceed the maximum of \(Self.maximumStateCount)")
    }
    if let bad = cooperationProbabilities.firstIndex(where: { !($0 >= 0 && $0 <= 1) }) {
      throw LabError.invalidInput(
        place: place, problem: "state \(bad) plays C with probability \(cooperationProbabilities[bad]), which is not in [0, 1]")
    }
    guard transitions.count == count else {
      throw LabError.invalidInput(
        place: place, problem: "\(transitions.count) transition rows for \(count) states; give one row per state")
    }
    let outcomeNames = ["CC", "CD", "DC", "DD"]
    var flat: [Int32] = []
    flat.reserveCapacity(4 * count)
    for (state, row) in transitions.enumerated() {
      guard row.count == 4 else {
        throw LabError.invalidInput(
          place: place,
          problem: "state \(state) has \(row.count) transitions; it needs 4, for the outcomes CC, CD, DC, DD (own move first)")
      }
      for (outcome, target) in row.enumerated() {
        guard (0..<count).contains(target) else {
          throw LabError.invalidInput(
            place: place,
            problem: "state \(state) after \(outcomeNames[outcome]) goes to state \(target), but the states are 0...\(count - 1)")
        }
        flat.append(Int32(target))
      }
    }
    guard (0..<count).contains(initialState) else {
      throw LabError.invalidInput(place: place, problem: "initial state \(initialState) is not one of the states 0...\(count - 1)")
    }

    self.name = name
    self.cooperationProbabilities = cooperationProbabilities
    self.initialState = initialState
    self.isDeterministic = cooperationProbabilities.allSatisfy { $0 == 0 || $0 == 1 }
    self.nextStates = flat
    // Deterministic move of each state: 0 (C) when it cooperates for sure, 1 (D) otherwise.
    let moves = cooperationProbabilities.map { $0 == 1 ? UInt32(0) : UInt32(1) }
    self.packedNext = flat.map { UInt32($0) << 1 | moves[Int($0)] }
    self.packedInitial = UInt32(initialState) << 1 | moves[initialState]
  }

  /// The number of states.
  public var stateCount: Int { cooperationProbabilities.count }

  /// The transition table: for each state, the next state after CC, CD, DC, DD (own move first).
  public var transitions: [[Int]] {
    (0..<stateCount).map { s in (0..<4).map { Int(nextStates[4 * s + $0]) } }
  }

  /// The state that follows `state` after a round in which this strategy played `own` and its
  /// opponent `opponent`.
  public func nextState(after state: Int, own: StageGame.Move, opponent: StageGame.Move) -> Int {
    Int(nextStates[4 * state + (Int(own.rawValue) << 1 | Int(opponent.rawValue))])
  }

  /// The same machine under another name.
  public func renamed(_ newName: String) throws -> FiniteMemoryStrategy {
    try FiniteMemoryStrategy(
      name: newName, cooperationProbabilities: cooperationProbabilities, transitions: transitions, initialState: initialState)
  }

  public var description: String { name }
}

extension FiniteMemoryStrategy {
  /// A machine known to be valid (the library's own catalogue); a failure is a programming error.
  static func known(
    _ name: String, _ cooperationProbabilities: [Double], _ transitions: [[Int]], initialState: Int = 0
  )
    -> FiniteMemoryStrategy
  {
    do {
      return try FiniteMemoryStrategy(
        name: name, cooperationProbabilities: cooperationProbabilities, transitions: transitions, initialState: initialState)
    } catch {
      preconditionFailure("FiniteMemoryStrategy.\(name): \(error)")
    }
  }
}
