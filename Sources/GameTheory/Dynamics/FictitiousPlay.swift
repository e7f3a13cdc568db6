import LabKit

/// Fictitious play (Brown 1951; Robinson 1951; Fudenberg and Levine 1998, *The Theory of Learning
/// in Games*, ch. 2): each iteration, both players play a pure best response to the counts of the
/// other's past actions,
///
///     aₜ ∈ argmaxᵢ (A cₜ)ᵢ,   bₜ ∈ argmaxⱼ (Bᵀ rₜ)ⱼ,
///
/// where rₜ and cₜ are the row and column players' action counts (initial counts included), and
/// then both counts grow by the actions played. In two-player zero-sum games the empirical
/// strategies converge to the equilibrium set (Robinson 1951).
///
/// This is nashpy's `fictitious_play(A, B, iterations, play_counts)`, whose utilities are computed
/// from the raw counts and whose ties (exact equality with the maximum) are broken uniformly at
/// random; ``TieBreak`` offers that and the lowest index.
public struct FictitiousPlay: Sendable {
  /// How a player chooses among several best responses.
  public enum TieBreak: String, Sendable, CaseIterable {
    /// The best response with the lowest index: deterministic.
    case lowestIndex = "lowest-index"
    /// One of the best responses uniformly at random (nashpy's `np.random.choice`).
    case uniformlyAtRandom = "random"
  }

  /// The game.
  public let game: Bimatrix
  /// How ties are broken.
  public let tieBreak: TieBreak

  public init(game: Bimatrix, tieBreak: TieBreak = .uniformlyAtRandom) {
    self.game = game
    self.tieBreak = tieBreak
  }

  /// Plays `iterations` iterations.
  ///
  /// - Parameters:
  ///   - initialCounts: each player's initial counts (non-negative, finite); zero when nil.
  ///   - random: needed when ties are broken at random.
  /// - Throws: ``LabError/invalidInput(place:problem:)`` for negative iterations, malformed counts, or
  ///   a missing generator.
  public func run(
    iterations: Int, initialCounts: (row: [Double], column: [Double])? = nil, random: Random? = nil
  ) throws
    -> LearningPath
  {
    let (rows, columns) = game.shape
    var (r, c) = try checkedCounts(initialCounts, rows: rows, columns: columns, iterations: iterations)
    if tieBreak == .uniformlyAtRandom && random == nil {
      throw LabError.invalidInput(place: "fictitious play", problem: "random tie-breaking needs a random generator")
    }
    var path = ([r], [c])
    path.0.reserveCapacity(iterations + 1)
    path.1.reserveCapacity(iterations + 1)
    for _ in 0..<iterations {
      let rowAction = bestResponse(game.rowPayoffs(against: c), random: random)
      let columnAction = bestResponse(game.columnPayoffs(against: r), random: random)
      r[rowAction] += 1
      c[columnAction] += 1
      path.0.append(r)
      path.1.append(c)
    }
    return LearningPath(rowCounts: path.0, columnCounts: path.1)
  }

  /// An action of maximal payoff, chosen by ``tieBreak``.
  private func bestResponse(_ payoffs: [Double], random: Random?) -> Int {
    let best = payoffs.max()!
    let maximisers = payoffs.indices.filter { payoffs[$0] == best }
    if maximisers.count == 1 || tieBreak == .lowestIndex { return maximisers[0] }
    return maximisers[random!.index(below: maximisers.count)]
  }
}

/// The initial counts of a learning process, checked: zero when nil, else one non-negative finite
/// count per action of each player; `iterations` must be ≥ 0.
func checkedCounts(
  _ counts: (row: [Double], column: [Double])?, rows: Int, columns: Int, iterations: Int
) throws
  -> ([Double], [Double])
{
  guard iterations >= 0 else {
    throw LabError.invalidInput(place: "learning", problem: "iterations must be at least 0, got \(iterations)")
  }
  guard let counts else { return ([Double](repeating: 0, count: rows), [Double](repeating: 0, count: columns)) }
  for (name, vector, size) in [("row", counts.row, rows), ("column", counts.column, columns)] {
    guard vector.count == size else {
      throw LabError.invalidInput(place: "initial \(name) counts", problem: "\(vector.count) counts for \(size) actions")
    }
    if let bad = vector.firstIndex(where: { !($0 >= 0 && $0.isFinite) }) {
      throw LabError.invalidInput(place: "initial \(name) counts", problem: "count \(bad + 1) is \(vector[bad]), not a non-negative number")
    }
  }
  return (counts.row, counts.column)
}
