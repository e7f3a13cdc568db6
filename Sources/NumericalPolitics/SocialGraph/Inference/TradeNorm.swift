/// A concrete social norm π_n for the chapter-3 experiments (the text defines none): a trade dialogue
/// with stochastic nodes. It depends only on the last move (and position 0), so both sides follow the
/// same rules; every row is a distribution, including rows the norm never reaches.
///
/// - opening (position 0): say 1 ("hello") 0.7, say 0 0.1, goodbye (decline) 0.2;
/// - after say 1: give corn 0.6, say 1 0.2, goodbye 0.2;
/// - after say 0: goodbye 0.8, say 0 0.2;
/// - after give corn: give labour 0.7, goodbye 0.3 (corn is paid for with labour);
/// - after give labour: goodbye 0.6, give corn 0.4 (another round of trade);
/// - after give land: goodbye 1;
/// - after hit: hit 0.5, goodbye 0.5;
/// - after goodbye: goodbye 1 (the encounter ends politely).
public enum TradeNorm {
  /// The norm for encounters of at most `maximumMoves` moves.
  public static func policy(maximumMoves: Int) -> TabularPolicy {
    var policy = TabularPolicy(uniformWithMaximumMoves: maximumMoves)
    func row(_ entries: [(EncounterMove, Double)]) -> [Double] {
      var distribution = [Double](repeating: 0, count: EncounterMove.count)
      for (move, p) in entries { distribution[move.rawValue] = p }
      return distribution
    }
    policy.setDistribution(row([(.sayOne, 0.7), (.sayZero, 0.1), (.goodbye, 0.2)]), at: HistoryCode(position: 0, last: nil))
    let replies: [EncounterMove: [Double]] = [
      .sayOne: row([(.giveCorn, 0.6), (.sayOne, 0.2), (.goodbye, 0.2)]),
      .sayZero: row([(.goodbye, 0.8), (.sayZero, 0.2)]),
      .giveCorn: row([(.giveLabour, 0.7), (.goodbye, 0.3)]),
      .giveLabour: row([(.goodbye, 0.6), (.giveCorn, 0.4)]),
      .giveLand: row([(.goodbye, 1)]),
      .hit: row([(.hit, 0.5), (.goodbye, 0.5)]),
      .goodbye: row([(.goodbye, 1)]),
    ]
    for position in 1..<max(1, maximumMoves) {
      for last in EncounterMove.allCases { policy.setDistribution(replies[last]!, at: HistoryCode(position: position, last: last)) }
    }
    return policy
  }
}
