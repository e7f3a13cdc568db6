import LabKit

/// The outcome of a ``Tournament``: every match, and the per-player measures of axelrod's
/// `ResultSet` (axelrod 4.14.0, `result_set.py`), with the same definitions:
///
/// - ``normalisedScores``: `[i][r]`, player i's mean payoff per round against each opponent j ≠ i
///   in repetition r, averaged over the n − 1 opponents (`normalised_scores`; self-play excluded),
///   summed in pair order with Kahan's compensated summation as pandas' `groupby().mean()` does;
/// - ``medianScores``: the median over repetitions of the normalised scores (`Median_score` of
///   `summarise()`); the median of an even number of values is the mean of the middle two (numpy);
/// - ``meanScores``: the mean over repetitions of the normalised scores (not in axelrod's summary);
/// - ``wins``: `[i][r]`, the number of matches of repetition r, self-play excluded, in which i scored
///   strictly more than its opponent (`wins`); ``medianWins`` is their median over repetitions, the
///   `Wins` column of `summarise()` (so with 10 repetitions it is not a total);
/// - ``cooperationRating``: the number of rounds i played C against opponents j ≠ i, over all
///   repetitions, divided by the number of those rounds (`cooperating_rating`);
/// - ``initialCooperationRate``: the share of i's matches against j ≠ i that i opened with C
///   (`Initial_C_rate`);
/// - ``ranking``: players by decreasing median score, ties in player order (axelrod sorts stably by
///   `-nanmedian(normalised_scores[i])`).
public struct TournamentResult: Sendable, Equatable {
  /// The players' names, in tournament order.
  public let names: [String]
  public let turns: Int
  public let repetitions: Int
  /// The pairs in play order (``Tournament/pairs``).
  public let pairs: [SIMD2<Int>]
  let tallies: [MatchTally]
  let game: StageGame

  public let normalisedScores: [[Double]]
  /// Player i's total payoff against opponents j ≠ i in each repetition (axelrod's `scores`).
  public let scores: [[Double]]
  public let wins: [[Int]]
  public let cooperationRating: [Double]
  public let initialCooperationRate: [Double]
  /// `[i][j]`: player i's mean payoff per round against j, averaged over repetitions (axelrod's
  /// `payoff_matrix`); on the diagonal, over both seats of the self-play match.
  public let payoffMatrix: [[Double]]
  public let medianScores: [Double]
  public let meanScores: [Double]
  public let medianWins: [Double]
  public let ranking: [Int]

  init(tournament: Tournament, pairs: [SIMD2<Int>], tallies: [MatchTally]) {
    let n = tournament.strategies.count
    let repetitions = tournament.repetitions
    let turns = Double(tournament.turns)
    let game = tournament.game
    names = tournament.strategies.map(\.name)
    self.turns = tournament.turns
    self.repetitions = repetitions
    self.pairs = pairs
    self.tallies = tallies
    self.game = game

    var scoreSums = [[Double]](repeating: [Double](repeating: 0, count: repetitions), count: n)
    // Sums of per-turn scores over opponents, compensated (Kahan) as pandas' groupby mean is, which
    // axelrod's ResultSet uses: the normalised scores then agree with axelrod's to the last bit.
    var perTurnSums = scoreSums
    var compensations = scoreSums
    func addCompensated(_ value: Double, _ player: Int, _ repetition: Int) {
      let y = value - compensations[player][repetition]
      let t = perTurnSums[player][repetition] + y
      compensations[player][repetition] = (t - perTurnSums[player][repetition]) - y
      perTurnSums[player][repetition] = t
    }
    var wins = [[Int]](repeating: [Int](repeating: 0, count: repetitions), count: n)
    var cooperations = [Int](repeating: 0, count: n)
    var openings = [Int](repeating: 0, count: n)
    var payoffs = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
    for (index, pair) in pairs.enumerated() {
      let (i, j) = (pair[0], pair[1])
      for r in 0..<repetitions {
        let tally = tallies[index * repetitions + r]
        let counts = SIMD4<Double>(tally.outcomes)
        let first = (counts * game.firstPayoffs).sum()
        let second = (counts * game.secondPayoffs).sum()
        if i == j {
          payoffs[i][i] += (first + second) / (2 * turns)
          continue
        }
        payoffs[i][j] += first / turns
        payoffs[j][i] += second / turns
        scoreSums[i][r] += first
        scoreSums[j][r] += second
        addCompensated(first / turns, i, r)
        addCompensated(second / turns, j, r)
        if first > second { wins[i][r] += 1 }
        if second > first { wins[j][r] += 1 }
        cooperations[i] += tally.outcomes[0] + tally.outcomes[1]
        cooperations[j] += tally.outcomes[0] + tally.outcomes[2]
        if tally.opening >> 1 == 0 { openings[i] += 1 }
        if tally.opening & 1 == 0 { openings[j] += 1 }
      }
    }
    let opponents = Double(n - 1)
    let matchesPerPlayer = Double((n - 1) * repetitions)
    normalisedScores = perTurnSums.map { $0.map { $0 / opponents } }
    scores = scoreSums
    self.wins = wins
    cooperationRating = cooperations.map { Double($0) / (matchesPerPlayer * turns) }
    initialCooperationRate = openings.map { Double($0) / matchesPerPlayer }
    payoffMatrix = payoffs.map { $0.map { $0 / Double(repetitions) } }
    // Every player has `repetitions` ≥ 1 values, so the medians never throw.
    medianScores = normalisedScores.map { try! Statistics.median($0) }
    meanScores = normalisedScores.map { $0.reduce(0, +) / Double(repetitions) }
    medianWins = wins.map { try! Statistics.median($0.map(Double.init)) }
    let medians = medianScores
    ranking = (0..<n).sorted { medians[$0] != medians[$1] ? medians[$0] > medians[$1] : $0 < $1 }
  }

  /// The names in rank order (axelrod's `ranked_names`).
  public var rankedNames: [String] { ranking.map { names[$0] } }

  /// Repetition `repetition` of the match between players `i` and `j` (in either order), seen
  /// from i's seat. Without transcript.
  public func match(_ i: Int, _ j: Int, repetition: Int) -> RepeatedMatch.Result {
    let (low, high) = (min(i, j), max(i, j))
    let n = names.count
    // Pairs (a, b), a ≤ b, in order: pair (low, high) comes after low · n − low (low − 1) / 2 others.
    let index = low * n - low * (low - 1) / 2 + (high - low)
    let result = RepeatedMatch.Result(
      tally: tallies[index * repetitions + repetition], turns: turns, game: game, transcript: nil)
    return i <= j ? result : result.swapped
  }

  /// A summary like axelrod's `ResultSet.summarise()`, one row per player in rank order, with the
  /// columns Rank (`rankBase` for the best: 1 by default, 0 as axelrod counts), Name (as given, or
  /// through `displayName`, such as axelrod's "Tit For Tat" for `TitForTat`), Median score (per
  /// round), Mean score (per round), Cooperation rating, Wins (median over repetitions) and Initial C
  /// rate; see the type's documentation for the definitions.
  public func summary(
    id: String = "game.tournament.summary", title: String = "Round-robin tournament", digits: Int = 3, rankBase: Int = 1,
    displayName: (String) -> String = { $0 }
  )
    -> Table
  {
    let columns = ["Rank", "Name", "Median score", "Mean score", "Cooperation rating", "Wins", "Initial C rate"]
    let rows: [[Table.Cell]] = ranking.enumerated().map { rank, i in
      [
        .integer(rank + rankBase), .text(displayName(names[i])), .real(medianScores[i], digits: digits), .real(meanScores[i], digits: digits),
        .real(cooperationRating[i], digits: digits), .real(medianWins[i], digits: 1),
        .real(initialCooperationRate[i], digits: digits),
      ]
    }
    return Table(id: id, title: title, columns: columns, rows: rows)
  }
}
