/// A small population of known policies for the §3.1 empirical-policy check (the text names none):
/// the ``TradeNorm`` (weight 0.6), a "hawk" that mostly hits (weight 0.25), and the uniform random
/// policy (weight 0.15). Encounters pair two members drawn independently with these weights.
public enum ExamplePopulation {
  public static let weights = [0.6, 0.25, 0.15]
  public static let names = ["trade norm", "hawk", "uniform"]

  /// The hawk: at every node hit 0.5, goodbye 0.3, say 0 0.2.
  public static func hawk(maximumMoves: Int) -> TabularPolicy {
    var policy = TabularPolicy(uniformWithMaximumMoves: maximumMoves)
    var row = [Double](repeating: 0, count: EncounterMove.count)
    row[EncounterMove.hit.rawValue] = 0.5
    row[EncounterMove.goodbye.rawValue] = 0.3
    row[EncounterMove.sayZero.rawValue] = 0.2
    for position in 0..<maximumMoves {
      for last in position == 0 ? [nil] : EncounterMove.allCases.map(Optional.some) {
        policy.setDistribution(row, at: HistoryCode(position: position, last: last))
      }
    }
    return policy
  }

  /// The three policies, in the order of ``weights``.
  public static func policies(maximumMoves: Int) -> [TabularPolicy] {
    [TradeNorm.policy(maximumMoves: maximumMoves), hawk(maximumMoves: maximumMoves), TabularPolicy(uniformWithMaximumMoves: maximumMoves)]
  }
}
