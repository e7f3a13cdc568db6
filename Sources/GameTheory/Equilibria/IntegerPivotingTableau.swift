import BigInt

/// The exact tableau: integer pivoting on arbitrary-precision integers (Edmonds 1967; Bareiss 1968;
/// as in von Stengel 2007, Algorithmic Game Theory ch. 3, §3.5, and nashpy's `integer_pivoting`).
///
/// The payoffs are made integers first. The tableau is then kept equal to D · B⁻¹[M | I | 1], where
/// B is the current basis and D = |det B| is the previous pivot element, so that every entry stays an
/// integer: a pivot on (r, c) replaces each other row i by (T[r][c]·T[i] − T[i][c]·T[r]) / D, a
/// division that is exact. Every row shares the positive factor D, so ratios compare by
/// cross-multiplication and the lexicographic test is exact: no tolerance anywhere, and no cycling.
struct IntegerPivotingTableau: LemkeHowsonTableau {
  let layout: TableauLayout
  private var entries: [BigInt]
  private var previousPivot = BigInt(1)
  private(set) var basicLabels: [Int]
  private var basicFlags: [Bool]

  /// The tableau of M z + w = 1 for the rows × structural integer matrix `matrix` (row-major).
  init(matrix: [BigInt], layout: TableauLayout) {
    self.layout = layout
    let structural = layout.variables - layout.rows
    entries = [BigInt](repeating: 0, count: layout.rows * layout.width)
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

  /// The value of each basic variable, by label, as the fraction rhs / D (nonbasic variables are 0).
  func values() -> [Int: ExactRational] {
    var result: [Int: ExactRational] = [:]
    for (row, label) in basicLabels.enumerated() {
      result[label] = ExactRational(entries[row * layout.width + layout.rhs], previousPivot)
    }
    return result
  }

  mutating func enter(_ label: Int) -> Int? {
    let column = layout.labelColumns[label]
    var best: Int?
    for row in 0..<layout.rows where entries[row * layout.width + column] > 0 {
      if let current = best {
        if lexicographicallySmaller(row, than: current, column: column) { best = row }
      } else {
        best = row
      }
    }
    guard let pivotRow = best else { return nil }
    pivot(row: pivotRow, column: column)
    let leaving = basicLabels[pivotRow]
    basicFlags[leaving] = false
    basicFlags[label] = true
    basicLabels[pivotRow] = label
    return leaving
  }

  /// Whether row `a`'s ratio vector precedes row `b`'s, compared exactly: a[k]/a[c] < b[k]/b[c]
  /// ⇔ a[k]·b[c] < b[k]·a[c] since both pivot entries are positive.
  private func lexicographicallySmaller(_ a: Int, than b: Int, column: Int) -> Bool {
    let width = layout.width
    let pivotA = entries[a * width + column]
    let pivotB = entries[b * width + column]
    let firstSlack = layout.slackColumns.lowerBound
    for position in -1..<layout.rows {
      let compared = position < 0 ? layout.rhs : firstSlack + position
      let left = entries[a * width + compared] * pivotB
      let right = entries[b * width + compared] * pivotA
      if left != right { return left < right }
    }
    return false
  }

  private mutating func pivot(row pivotRow: Int, column: Int) {
    let width = layout.width
    let pivotValue = entries[pivotRow * width + column]
    for row in 0..<layout.rows where row != pivotRow {
      let factor = entries[row * width + column]
      for k in 0..<width {
        entries[row * width + k] = (pivotValue * entries[row * width + k] - factor * entries[pivotRow * width + k]) / previousPivot
      }
    }
    previousPivot = pivotValue
  }
}
