/// The arithmetic a ``PivotingTableau`` pivots in: which entries count as positive in the ratio test,
/// how two ratios compare, and how a pivot on (row, column) updates the entries.
protocol TableauArithmetic {
  associatedtype Number: ExpressibleByIntegerLiteral
  /// What a basic variable's value is read as.
  associatedtype Value

  /// Whether `entry` counts as positive (a candidate row of the ratio test).
  func isPositive(_ entry: Number) -> Bool
  /// The order of a / pivotA and b / pivotB (both pivots positive): −1, 0 (equal) or 1.
  func compareRatios(_ a: Number, _ pivotA: Number, _ b: Number, _ pivotB: Number) -> Int
  /// Pivots the row-major `entries` on (row, column).
  mutating func pivot(_ entries: inout [Number], layout: TableauLayout, row: Int, column: Int)
  /// The value of a basic variable whose right-hand-side entry is `entry`.
  func value(ofRightHandSide entry: Number) -> Value
}

/// Ordinary Gauss–Jordan pivoting on Doubles. Ratios within `tolerance` of each other count as equal
/// in the lexicographic test, and entries at most `tolerance` as not positive; payoffs are rescaled to
/// [1, 2] first, so the tolerance is relative to the payoff range.
struct FloatingPivoting: TableauArithmetic {
  let tolerance: Double

  func isPositive(_ entry: Double) -> Bool { entry > tolerance }

  func compareRatios(_ a: Double, _ pivotA: Double, _ b: Double, _ pivotB: Double) -> Int {
    let ratioA = a / pivotA
    let ratioB = b / pivotB
    if ratioA < ratioB - tolerance { return -1 }
    if ratioA > ratioB + tolerance { return 1 }
    return 0
  }

  func pivot(_ entries: inout [Double], layout: TableauLayout, row pivotRow: Int, column: Int) {
    let width = layout.width
    let pivotValue = entries[pivotRow * width + column]
    for k in 0..<width { entries[pivotRow * width + k] /= pivotValue }
    entries[pivotRow * width + column] = 1
    for row in 0..<layout.rows where row != pivotRow {
      let factor = entries[row * width + column]
      if factor == 0 { continue }
      for k in 0..<width { entries[row * width + k] -= factor * entries[pivotRow * width + k] }
      entries[row * width + column] = 0
    }
  }

  func value(ofRightHandSide entry: Double) -> Double { entry }
}
