import BigInt

/// The two tableaux of a bimatrix game and the Lemke–Howson path between completely labelled vertex
/// pairs (Lemke and Howson 1964; Shapley 1974; von Stengel 2007, Algorithmic Game Theory ch. 3, §3.5).
///
/// Labels: the row player's actions are 0..<m, the column player's m..<m + n (nashpy's and Gambit's
/// numbering). The row tableau is P = {x ≥ 0 : B'ᵀx ≤ 1}, with the variable x_i labelled i and the
/// slack of column j labelled m + j; the column tableau is Q = {y ≥ 0 : A'y ≤ 1}, with y_j labelled
/// m + j and the slack of row i labelled i. A', B' are the payoff matrices made positive. A pair is
/// completely labelled when each label is nonbasic in one of the two tableaux; (0, 0) is the artificial
/// one, and every other is a Nash equilibrium (x / Σx, y / Σy).
struct LemkeHowsonState<Tableau: LemkeHowsonTableau> {
  var row: Tableau
  var column: Tableau
  let rowActions: Int

  /// The result of following one path.
  enum Outcome {
    /// Reached a completely labelled pair after this many pivots.
    case reached(pivots: Int)
    /// A ratio test found no leaving row (cannot happen for positive payoff matrices).
    case unbounded(pivots: Int)
    /// More pivots than the bound; never seen, kept so that a bug cannot hang the program.
    case tooManyPivots(Int)
  }

  /// Follows the path that drops `label` until the duplicate label is `label` again: each step brings
  /// into one tableau the variable whose label the other tableau's last pivot made duplicate.
  mutating func follow(dropping label: Int, pivotLimit: Int) -> Outcome {
    var entering = label
    var inRowTableau = !row.isBasic(label)
    var pivots = 0
    while pivots < pivotLimit {
      let leaving = inRowTableau ? row.enter(entering) : column.enter(entering)
      pivots += 1
      guard let leaving else { return .unbounded(pivots: pivots) }
      if leaving == label { return .reached(pivots: pivots) }
      entering = leaving
      inRowTableau.toggle()
    }
    return .tooManyPivots(pivots)
  }

  /// The bases of both tableaux, sorted: identifies a completely labelled pair.
  var key: [Int] { row.basicLabels.sorted() + [-1] + column.basicLabels.sorted() }
}

extension LemkeHowsonState where Tableau == FloatingTableau {
  /// The tableaux of `game` with each player's payoffs rescaled affinely to [1, 2] (which changes no
  /// best response and keeps every entry positive).
  init(floating game: NormalFormGame, tolerance: Double) {
    let m = game.actions[0].count
    let n = game.actions[1].count
    let scaled = (0..<2).map { player -> [Double] in
      let values = game.profiles.map { game.payoff(player, $0) }
      let low = values.min()!
      let high = values.max()!
      return values.map { high > low ? 1 + ($0 - low) / (high - low) : 1 }
    }
    let transposedB = (0..<(n * m)).map { index in scaled[1][(index % m) * n + index / m] }
    let rowLayout = TableauLayout(structuralLabels: Array(0..<m), slackLabels: Array(m..<(m + n)))
    let columnLayout = TableauLayout(structuralLabels: Array(m..<(m + n)), slackLabels: Array(0..<m))
    row = FloatingTableau(matrix: transposedB, layout: rowLayout, arithmetic: FloatingPivoting(tolerance: tolerance))
    column = FloatingTableau(matrix: scaled[0], layout: columnLayout, arithmetic: FloatingPivoting(tolerance: tolerance))
    rowActions = m
  }

  /// The normalised strategies, or nil at the artificial pair (0, 0). Values at most `tolerance` are 0.
  func strategies(tolerance: Double) -> [[Double]]? {
    let m = rowActions
    let n = row.rowCount
    let rowValues = row.values()
    let columnValues = column.values()
    let x = (0..<m).map { max(0, rowValues[$0] ?? 0) }.map { $0 > tolerance ? $0 : 0 }
    let y = (0..<n).map { max(0, columnValues[m + $0] ?? 0) }.map { $0 > tolerance ? $0 : 0 }
    let sumX = x.reduce(0, +)
    let sumY = y.reduce(0, +)
    guard sumX > 0, sumY > 0 else { return nil }
    return [x.map { $0 / sumX }, y.map { $0 / sumY }]
  }
}

extension LemkeHowsonState where Tableau == IntegerPivotingTableau {
  /// The integer tableaux of `game`: each payoff taken as the exact decimal it prints as
  /// (``ExactRational/init(decimal:)``), each player's payoffs multiplied by the common denominator and
  /// shifted so that the smallest is 1.
  init(exact game: NormalFormGame) {
    let m = game.actions[0].count
    let n = game.actions[1].count
    let integers = (0..<2).map { player -> [BigInt] in
      let values = game.profiles.map { ExactRational(decimal: game.payoff(player, $0)) }
      let common = values.reduce(BigInt(1)) { lcm($0, $1.denominator) }
      let scaled = values.map { $0.numerator * (common / $0.denominator) }
      let low = scaled.min()!
      return scaled.map { $0 - low + 1 }
    }
    let transposedB = (0..<(n * m)).map { index in integers[1][(index % m) * n + index / m] }
    let rowLayout = TableauLayout(structuralLabels: Array(0..<m), slackLabels: Array(m..<(m + n)))
    let columnLayout = TableauLayout(structuralLabels: Array(m..<(m + n)), slackLabels: Array(0..<m))
    row = IntegerPivotingTableau(matrix: transposedB, layout: rowLayout, arithmetic: IntegerPivoting())
    column = IntegerPivotingTableau(matrix: integers[0], layout: columnLayout, arithmetic: IntegerPivoting())
    rowActions = m
  }

  /// The normalised strategies as exact fractions, or nil at the artificial pair (0, 0).
  func exactStrategies() -> [[ExactRational]]? {
    let m = rowActions
    let n = row.rowCount
    let rowValues = row.values()
    let columnValues = column.values()
    let x = (0..<m).map { rowValues[$0] ?? .zero }
    let y = (0..<n).map { columnValues[m + $0] ?? .zero }
    let sumX = x.reduce(ExactRational.zero, +)
    let sumY = y.reduce(ExactRational.zero, +)
    guard sumX > .zero, sumY > .zero else { return nil }
    return [x.map { $0 / sumX }, y.map { $0 / sumY }]
  }
}

/// The least common multiple of two positive integers.
private func lcm(_ a: BigInt, _ b: BigInt) -> BigInt {
  a / a.greatestCommonDivisor(with: b) * b
}
