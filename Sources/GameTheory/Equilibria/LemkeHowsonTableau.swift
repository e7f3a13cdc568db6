/// One of the two tableaux Lemke–Howson pivots on: the best-response polytope of one player written
/// as equations with slacks, M z + w = 1, z ≥ 0, w ≥ 0, where M is the other player's payoff matrix
/// made positive (von Stengel 2007, Algorithmic Game Theory ch. 3, §3.5). Every variable carries a
/// label, an action of one of the players; a label is present at a vertex when its variable is
/// nonbasic (zero).
///
/// **Lexicographic minimum-ratio test.** The leaving row is the lexicographic minimum, over the rows
/// with a positive entry in the entering column, of (rhs, the columns of the initial slack basis) divided by
/// that entry. This is the simplex with the right-hand side perturbed to 1 + (ε, ε², …): the rows of
/// the inverse basis are linearly independent, so the minimum is unique, no vertex of the perturbed
/// polytope is degenerate, and the path never cycles (von Stengel 2007, §3.7; Dantzig, Orden and
/// Wolfe 1955). Its end is an equilibrium of the perturbed game, and so, as ε → 0, of the game itself.
protocol LemkeHowsonTableau {
  /// The number of constraint rows.
  var rowCount: Int { get }
  /// The label of the basic variable of each row.
  var basicLabels: [Int] { get }
  /// Brings the variable of `label` into the basis by the lexicographic minimum-ratio test; returns
  /// the label of the variable that left, or nil when no row limits it (impossible for the positive
  /// payoff matrices Lemke–Howson is given: each variable of z is bounded).
  mutating func enter(_ label: Int) -> Int?
  /// Whether `label`'s variable is basic.
  func isBasic(_ label: Int) -> Bool
}

/// The column layout shared by both tableaux: `variables` columns, then the right-hand side.
/// Columns 0..<k are the structural variables z and k..<k + rows the slacks w (the initial basis).
struct TableauLayout {
  let rows: Int
  let variables: Int
  /// The label of each column.
  let columnLabels: [Int]
  /// The column of each label.
  let labelColumns: [Int]

  /// The layout of the tableau of the player whose strategy has `structural` entries with labels
  /// `structuralLabels`, and whose `rows` slacks carry `slackLabels`.
  init(structuralLabels: [Int], slackLabels: [Int]) {
    rows = slackLabels.count
    variables = structuralLabels.count + slackLabels.count
    columnLabels = structuralLabels + slackLabels
    var columns = [Int](repeating: 0, count: variables)
    for (column, label) in columnLabels.enumerated() { columns[label] = column }
    labelColumns = columns
  }

  var width: Int { variables + 1 }
  var rhs: Int { variables }
  /// The columns of the initial (slack) basis, which hold the inverse of the current basis.
  var slackColumns: Range<Int> { (variables - rows)..<variables }
}

/// The Lemke–Howson tableau over one kind of arithmetic (``TableauArithmetic``): Doubles
/// (``FloatingPivoting``) or big integers (``IntegerPivoting``). The entering step, the bookkeeping of
/// the basis and the lexicographic minimum-ratio test are written once here; the arithmetic says which
/// entries are positive, how two ratios compare and how a pivot updates the entries.
struct PivotingTableau<Arithmetic: TableauArithmetic>: LemkeHowsonTableau {
  let layout: TableauLayout
  private(set) var arithmetic: Arithmetic
  private var entries: [Arithmetic.Number]
  private(set) var basicLabels: [Int]
  private var basicFlags: [Bool]

  /// The tableau of M z + w = 1 for the rows × structural matrix `matrix` (row-major).
  init(matrix: [Arithmetic.Number], layout: TableauLayout, arithmetic: Arithmetic) {
    self.layout = layout
    self.arithmetic = arithmetic
    let structural = layout.variables - layout.rows
    entries = [Arithmetic.Number](repeating: 0, count: layout.rows * layout.width)
    for row in 0..<layout.rows {
      for column in 0..<structural { entries[row * layout.width + column] = matrix[row * structural + column] }
      entries[row * layout.width + structural + row] = 1
      entries[row * layout.width + layout.rhs] = 1
    }
    basicLabels = layout.columnLabels[layout.slackColumns].map { $0 }
    basicFlags = [Bool](repeating: false, count: layout.variables)
    for label in basicLabels { basicFlags[label] = true }
  }

  var rowCount: Int { layout.rows }

  func isBasic(_ label: Int) -> Bool { basicFlags[label] }

  /// The value of each basic variable, by label (nonbasic variables are 0).
  func values() -> [Int: Arithmetic.Value] {
    var result: [Int: Arithmetic.Value] = [:]
    for (row, label) in basicLabels.enumerated() {
      result[label] = arithmetic.value(ofRightHandSide: entries[row * layout.width + layout.rhs])
    }
    return result
  }

  mutating func enter(_ label: Int) -> Int? {
    let column = layout.labelColumns[label]
    var best: Int?
    for row in 0..<layout.rows where arithmetic.isPositive(entries[row * layout.width + column]) {
      if let current = best {
        if lexicographicallySmaller(row, than: current, column: column) { best = row }
      } else {
        best = row
      }
    }
    guard let pivotRow = best else { return nil }
    arithmetic.pivot(&entries, layout: layout, row: pivotRow, column: column)
    let leaving = basicLabels[pivotRow]
    basicFlags[leaving] = false
    basicFlags[label] = true
    basicLabels[pivotRow] = label
    return leaving
  }

  /// Whether row `a`'s ratio vector precedes row `b`'s: rhs first, then the slack columns in order.
  private func lexicographicallySmaller(_ a: Int, than b: Int, column: Int) -> Bool {
    let width = layout.width
    let pivotA = entries[a * width + column]
    let pivotB = entries[b * width + column]
    let firstSlack = layout.slackColumns.lowerBound
    for position in -1..<layout.rows {
      let compared = position < 0 ? layout.rhs : firstSlack + position
      let order = arithmetic.compareRatios(entries[a * width + compared], pivotA, entries[b * width + compared], pivotB)
      if order != 0 { return order < 0 }
    }
    return false
  }
}

/// The floating-point tableau.
typealias FloatingTableau = PivotingTableau<FloatingPivoting>
/// The exact tableau.
typealias IntegerPivotingTableau = PivotingTableau<IntegerPivoting>
