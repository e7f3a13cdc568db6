import BigInt

/// Integer pivoting on arbitrary-precision integers (Edmonds 1967; Bareiss 1968;
/// as in von Stengel 2007, Algorithmic Game Theory ch. 3, §3.5, and nashpy's `integer_pivoting`).
///
/// The payoffs are made integers first. The tableau is then kept equal to D · B⁻¹[M | I | 1], where
/// B is the current basis and D = |det B| is the previous pivot element, so that every entry stays an
/// integer: a pivot on (r, c) replaces each other row i by (T[r][c]·T[i] − T[i][c]·T[r]) / D, a
/// division that is exact. Every row shares the positive factor D, so ratios compare by
/// cross-multiplication and the lexicographic test is exact: no tolerance anywhere, and no cycling.
struct IntegerPivoting: TableauArithmetic {
  /// D, the previous pivot element (1 at the start).
  private var previousPivot = BigInt(1)

  func isPositive(_ entry: BigInt) -> Bool { entry > 0 }

  /// a/pivotA against b/pivotB exactly: a/pivotA < b/pivotB ⇔ a·pivotB < b·pivotA, both pivots
  /// being positive.
  func compareRatios(_ a: BigInt, _ pivotA: BigInt, _ b: BigInt, _ pivotB: BigInt) -> Int {
    let left = a * pivotB
    let right = b * pivotA
    return left < right ? -1 : (left > right ? 1 : 0)
  }

  mutating func pivot(_ entries: inout [BigInt], layout: TableauLayout, row pivotRow: Int, column: Int) {
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

  /// The fraction rhs / D.
  func value(ofRightHandSide entry: BigInt) -> ExactRational { ExactRational(entry, previousPivot) }
}
