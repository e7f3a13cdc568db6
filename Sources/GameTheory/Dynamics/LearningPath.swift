/// What a learning process of two players produced, iteration by iteration: each player's counts of
/// the actions it has played, as nashpy's `fictitious_play` and `stochastic_fictitious_play` yield
/// them (the counts before the first iteration come first).
public struct LearningPath: Sendable, Equatable {
  /// `rowCounts[t]`: how often the row player played each action in the first t iterations, added to
  /// the initial counts.
  public let rowCounts: [[Double]]
  /// The same for the column player.
  public let columnCounts: [[Double]]

  /// The empirical mixed strategies after the last iteration: each player's counts divided by their
  /// sum (uniform when no action has been counted).
  public var empiricalStrategies: (row: [Double], column: [Double]) {
    (LearningPath.normalised(rowCounts.last!), LearningPath.normalised(columnCounts.last!))
  }

  static func normalised(_ counts: [Double]) -> [Double] {
    let total = counts.reduce(0, +)
    return total > 0 ? counts.map { $0 / total } : counts.map { _ in 1 / Double(counts.count) }
  }
}
