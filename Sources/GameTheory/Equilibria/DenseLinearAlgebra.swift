/// Small dense linear algebra for the equilibrium solvers: Gaussian elimination with partial pivoting.
///
/// The systems are tiny (one row per action of a support) and their entries are rescaled payoffs in
/// [0, 1] or ±1, so an absolute pivot threshold is meaningful: a system whose largest available pivot
/// falls below `singularity` is treated as singular.
enum DenseLinearAlgebra {
  /// The default pivot threshold below which a system counts as singular.
  static let singularity = 1e-12

  /// The solution of the n×n system `matrix · x = rhs` (`matrix` row-major, n² entries), or nil when
  /// the system is singular.
  static func solve(_ matrix: [Double], _ rhs: [Double], size n: Int, singularity: Double = singularity) -> [Double]? {
    precondition(matrix.count == n * n && rhs.count == n, "DenseLinearAlgebra.solve: shapes")
    var a = matrix
    var b = rhs
    for column in 0..<n {
      var pivotRow = column
      var pivotSize = abs(a[column * n + column])
      for row in (column + 1)..<max(column + 1, n) where abs(a[row * n + column]) > pivotSize {
        pivotRow = row
        pivotSize = abs(a[row * n + column])
      }
      guard pivotSize > singularity else { return nil }
      if pivotRow != column {
        for k in 0..<n { a.swapAt(column * n + k, pivotRow * n + k) }
        b.swapAt(column, pivotRow)
      }
      let pivot = a[column * n + column]
      for row in (column + 1)..<max(column + 1, n) {
        let factor = a[row * n + column] / pivot
        if factor == 0 { continue }
        a[row * n + column] = 0
        for k in (column + 1)..<n { a[row * n + k] -= factor * a[column * n + k] }
        b[row] -= factor * b[column]
      }
    }
    var x = [Double](repeating: 0, count: n)
    for row in stride(from: n - 1, through: 0, by: -1) {
      var sum = b[row]
      for k in (row + 1)..<max(row + 1, n) { sum -= a[row * n + k] * x[k] }
      x[row] = sum / a[row * n + row]
    }
    return x
  }

  /// The rank of a matrix given as rows, by elimination with partial pivoting; entries below
  /// `tolerance` after elimination count as zero.
  static func rank(_ rows: [[Double]], tolerance: Double = singularity) -> Int {
    var a = rows
    guard let width = a.first?.count else { return 0 }
    var rank = 0
    for column in 0..<width where rank < a.count {
      var pivotRow = rank
      for row in rank..<a.count where abs(a[row][column]) > abs(a[pivotRow][column]) { pivotRow = row }
      guard abs(a[pivotRow][column]) > tolerance else { continue }
      a.swapAt(rank, pivotRow)
      for row in (rank + 1)..<max(rank + 1, a.count) {
        let factor = a[row][column] / a[rank][column]
        if factor == 0 { continue }
        for k in column..<width { a[row][k] -= factor * a[rank][k] }
      }
      rank += 1
    }
    return rank
  }
}
