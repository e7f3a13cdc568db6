import LabKit

extension MoranProcess {
  /// The payoff matrix of a Moran process among strategies of the repeated game, as axelrod's
  /// `MoranProcess` scores them: entry [t][s] is the mean payoff per turn of strategy t in a match of
  /// `match.turns` turns against strategy s (its `final_score_per_turn`), so that with
  /// ``Fitness/totalPayoff`` an individual's fitness is its summed per-turn score against all others.
  ///
  /// - Throws: ``LabError/invalidInput(place:problem:)`` if a strategy is stochastic or the match is
  ///   noisy (a match would then have no single score; axelrod draws a new match every step).
  public static func payoffs(of strategies: [FiniteMemoryStrategy], match: RepeatedMatch) throws -> [[Double]] {
    try strategies.map { first in
      try strategies.map { second in
        guard !match.drawsRandomNumbers(first, second) else {
          throw LabError.invalidInput(
            place: "Moran process of \(first.name) and \(second.name)",
            problem: "the strategies must be deterministic and the match noiseless, so that each pair has one score")
        }
        return try match.play(first, second).meanScores[0]
      }
    }
  }
}
