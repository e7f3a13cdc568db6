import LabKit

/// Regret matching (Hart and Mas-Colell 2000, *Econometrica* 68: 1127–1150, in its unconditional
/// form; Hart 2005, "Adaptive heuristics", *Econometrica* 73): each player keeps, for each of its
/// actions k, the cumulative regret
///
///     Rₜ(k) = Σ_{s ≤ t} (u(k, b_s) − u(a_s, b_s)),
///
/// what it would have gained by always playing k instead of what it played, and plays k with
/// probability proportional to max(Rₜ(k), 0), uniformly when no regret is positive. Whatever the
/// opponent does, the expected squared norm of the positive regrets grows by at most m Δ² per
/// iteration for m actions and payoff range Δ (the cross term has mean zero: Blackwell's
/// approachability, as in Hart and Mas-Colell 2000; Cesa-Bianchi and Lugosi 2006, *Prediction,
/// Learning, and Games*, ch. 2, for the polynomial potential with p = 2), so the largest average
/// regret falls like Δ √(m / t): the empirical joint distribution of play approaches the set of coarse
/// correlated equilibria, and in two-player zero-sum games each player's empirical strategy approaches
/// the maxmin strategies.
///
/// (nashpy's `regret_minimization` is another procedure: it adds positive "regrets" computed as
/// payoff minus current probability to the current mixed strategy, and is not reproduced here.)
public struct RegretMatching: Sendable {
  /// The game.
  public let game: Bimatrix

  public init(game: Bimatrix) { self.game = game }

  /// The outcome of a run.
  public struct Result: Sendable, Equatable {
    /// The counts of each player's actions over all iterations.
    public let rowCounts: [Double]
    public let columnCounts: [Double]
    /// Each player's cumulative regret for each action after the last iteration.
    public let rowRegrets: [Double]
    public let columnRegrets: [Double]
    /// The number of iterations.
    public let iterations: Int

    /// Each player's largest cumulative regret divided by the number of iterations (0 for none).
    public var averageRegrets: (row: Double, column: Double) {
      let t = Double(max(iterations, 1))
      return (max(0, rowRegrets.max()!) / t, max(0, columnRegrets.max()!) / t)
    }

    /// Each player's empirical strategy.
    public var empiricalStrategies: (row: [Double], column: [Double]) {
      (LearningPath.normalised(rowCounts), LearningPath.normalised(columnCounts))
    }
  }

  /// Plays `iterations` iterations, drawing per iteration one uniform for the row player's action,
  /// then one for the column player's.
  ///
  /// - Throws: ``LabError/invalidInput(place:problem:)`` if `iterations` < 0.
  public func run(iterations: Int, random: Random) throws -> Result {
    guard iterations >= 0 else {
      throw LabError.invalidInput(place: "regret matching", problem: "iterations must be at least 0, got \(iterations)")
    }
    let (rows, columns) = game.shape
    var rowRegrets = [Double](repeating: 0, count: rows)
    var columnRegrets = [Double](repeating: 0, count: columns)
    var rowCounts = [Double](repeating: 0, count: rows)
    var columnCounts = [Double](repeating: 0, count: columns)
    for _ in 0..<iterations {
      let a = StochasticFictitiousPlay.sample(RegretMatching.strategy(rowRegrets), random: random)
      let b = StochasticFictitiousPlay.sample(RegretMatching.strategy(columnRegrets), random: random)
      rowCounts[a] += 1
      columnCounts[b] += 1
      for k in 0..<rows { rowRegrets[k] += game.row[k][b] - game.row[a][b] }
      for k in 0..<columns { columnRegrets[k] += game.column[a][k] - game.column[a][b] }
    }
    return Result(
      rowCounts: rowCounts, columnCounts: columnCounts, rowRegrets: rowRegrets, columnRegrets: columnRegrets, iterations: iterations)
  }

  /// The mixed strategy proportional to the positive regrets, uniform when none is positive.
  public static func strategy(_ regrets: [Double]) -> [Double] {
    let positive = regrets.map { max($0, 0) }
    let total = positive.reduce(0, +)
    return total > 0 ? positive.map { $0 / total } : regrets.map { _ in 1 / Double(regrets.count) }
  }
}
