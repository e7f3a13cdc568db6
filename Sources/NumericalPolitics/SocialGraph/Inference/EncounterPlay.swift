import LabKit

/// Chapter 3 of Numerical Politics: playing one encounter out under ``EncounterRules``.
///
/// `move(position, history)` gives the move at `position` (even positions are the first mover's, odd the
/// initiator's); the play stops as soon as the rules say the encounter has ended.
public enum EncounterPlay {
  /// The moves of one encounter.
  public static func play(maximumMoves: Int, _ move: (_ position: Int, _ history: [EncounterMove]) -> EncounterMove) -> [EncounterMove] {
    precondition(maximumMoves >= 1, "EncounterPlay: maximumMoves must be at least 1")
    var history: [EncounterMove] = []
    history.reserveCapacity(maximumMoves)
    while true {
      let position = history.count
      let next = move(position, history)
      let ended = EncounterRules.ends(after: next, previous: history.last, position: position, maximumMoves: maximumMoves)
      history.append(next)
      if ended { return history }
    }
  }

  /// An encounter between two tabular policies: `first` moves at even positions, `second` at odd ones.
  public static func play<Source: UniformRandomSource>(
    _ first: TabularPolicy, _ second: TabularPolicy, maximumMoves: Int, random: inout Source
  ) -> [EncounterMove] {
    var history: [EncounterMove] = []
    while true {
      let position = history.count
      let code = HistoryCode(position: position, last: history.last)
      let next = (position % 2 == 0 ? first : second).sample(at: code, random: &random)
      let ended = EncounterRules.ends(after: next, previous: history.last, position: position, maximumMoves: maximumMoves)
      history.append(next)
      if ended { return history }
    }
  }

  /// Whether `history` is a complete encounter under the rules: not empty, no more than `maximumMoves`
  /// moves, not ended before its last move, and ended after it. Nil when it is; otherwise the problem.
  public static func problem(with history: [EncounterMove], maximumMoves: Int) -> String? {
    if history.isEmpty { return "an encounter has at least one move" }
    if history.count > maximumMoves { return "\(history.count) moves, more than maximumMoves = \(maximumMoves)" }
    for position in 0..<(history.count - 1)
    where EncounterRules.ends(
      after: history[position], previous: position > 0 ? history[position - 1] : nil, position: position, maximumMoves: maximumMoves)
    {
      return "the encounter ended at move \(position + 1) of \(history.count)"
    }
    return nil
  }
}
