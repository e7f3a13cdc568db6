import LabKit

extension FiniteMemoryStrategy {
  /// The memory-one strategy with four-vector (P(C|CC), P(C|CD), P(C|DC), P(C|DD)), own move first,
  /// and a fixed first move (Nowak and Sigmund 1990; Press and Dyson 2012); axelrod's
  /// `MemoryOnePlayer(four_vector, initial)`.
  ///
  /// The machine has five states: the opening state, which plays `initial`, and one state per
  /// outcome of the previous round, which plays C with that outcome's probability. Every outcome
  /// leads to its state, whatever the current state.
  ///
  /// - Throws: ``LabError/invalidInput(place:problem:)`` unless the vector has four entries in [0, 1].
  public static func memoryOne(
    name: String, fourVector: [Double], initial: StageGame.Move = .cooperate
  ) throws
    -> FiniteMemoryStrategy
  {
    guard fourVector.count == 4 else {
      throw LabError.invalidInput(
        place: "strategy \"\(name)\"", problem: "a memory-one four-vector has 4 entries (CC, CD, DC, DD), got \(fourVector.count)")
    }
    let row = [1, 2, 3, 4]
    return try FiniteMemoryStrategy(
      name: name, cooperationProbabilities: [initial == .cooperate ? 1 : 0] + fourVector,
      transitions: Array(repeating: row, count: 5), initialState: 0)
  }

  /// The strategy that plays `moves` in order and starts again from the first when they run out,
  /// whatever the opponent does; axelrod's `Cycler(cycle)`, named as axelrod prints it
  /// (`Cycler: CCD`). Against it, other strategies can be tested on fixed sequences, as axelrod's
  /// tests do with `MockPlayer(actions=[...])`.
  ///
  /// - Throws: ``LabError/invalidInput(place:problem:)`` if `moves` is empty.
  public static func cycler(_ moves: [StageGame.Move]) throws -> FiniteMemoryStrategy {
    let text = moves.map(\.description).joined()
    guard !moves.isEmpty else {
      throw LabError.invalidInput(place: "strategy \"Cycler\"", problem: "a cycle needs at least one move")
    }
    let count = moves.count
    return try FiniteMemoryStrategy(
      name: "Cycler: \(text)", cooperationProbabilities: moves.map { $0 == .cooperate ? 1 : 0 },
      transitions: (0..<count).map { Array(repeating: ($0 + 1) % count, count: 4) }, initialState: 0)
  }

  /// ``cycler(_:)`` from a string of C and D ("CCD").
  public static func cycler(_ moves: String) throws -> FiniteMemoryStrategy {
    try cycler(StageGame.Move.sequence(moves))
  }
}
