import LabKit

/// The payoffs of a finite two-player game as two matrices: `row[i][j]` and `column[i][j]` are the
/// row and column player's payoffs when the row player plays action i and the column player action
/// j (the (A, B) of nashpy's `Game(A, B)`). The learning dynamics of this folder read games this way.
///
/// A symmetric game in the sense of evolutionary game theory is the one-population special case
/// `column = rowᵀ`, given by the row player's matrix alone (Hofbauer and Sigmund 1998).
public struct Bimatrix: Sendable, Equatable {
  /// The row player's payoffs, one row per row action.
  public let row: [[Double]]
  /// The column player's payoffs, indexed like ``row``.
  public let column: [[Double]]

  /// - Throws: ``LabError/invalidInput(place:problem:)`` naming the first problem: an empty matrix,
  ///   rows of unequal length, matrices of different shapes, or a payoff that is not finite or whose
  ///   magnitude exceeds 1e150 (products of two such numbers must stay finite).
  public init(row: [[Double]], column: [[Double]]) throws {
    try Bimatrix.check(row, "row player's matrix")
    try Bimatrix.check(column, "column player's matrix")
    guard row.count == column.count, row[0].count == column[0].count else {
      throw LabError.invalidInput(
        place: "bimatrix game",
        problem: "the row player's matrix is \(row.count) × \(row[0].count) but the column player's is \(column.count) × \(column[0].count)")
    }
    self.row = row
    self.column = column
  }

  /// The symmetric game in which the row player's matrix is `matrix` and the column player's its
  /// transpose.
  public init(symmetric matrix: [[Double]]) throws {
    try Bimatrix.check(matrix, "payoff matrix")
    guard matrix.count == matrix[0].count else {
      throw LabError.invalidInput(
        place: "payoff matrix", problem: "a symmetric game needs a square matrix, got \(matrix.count) × \(matrix[0].count)")
    }
    try self.init(row: matrix, column: Bimatrix.transpose(matrix))
  }

  /// The two-player game `game`, player 1 in the row.
  ///
  /// - Throws: ``LabError/invalidInput(place:problem:)`` unless the game has two players.
  public init(_ game: NormalFormGame) throws {
    guard game.playerCount == 2 else {
      throw LabError.invalidInput(place: "game", problem: "the learning dynamics need a two-player game, got \(game.playerCount) players")
    }
    let (rows, columns) = (game.actions[0].count, game.actions[1].count)
    let row = (0..<rows).map { i in (0..<columns).map { game.payoff(0, [i, $0]) } }
    let column = (0..<rows).map { i in (0..<columns).map { game.payoff(1, [i, $0]) } }
    try self.init(row: row, column: column)
  }

  /// The number of actions of the row player and of the column player.
  public var shape: (rows: Int, columns: Int) { (row.count, row[0].count) }

  /// Whether `column` is the transpose of `row` (a symmetric game).
  public var isSymmetric: Bool { shape.rows == shape.columns && column == Bimatrix.transpose(row) }

  /// The largest magnitude a payoff may have.
  public static let largestPayoff = 1e150

  static func transpose(_ matrix: [[Double]]) -> [[Double]] {
    (0..<matrix[0].count).map { j in matrix.map { $0[j] } }
  }

  private static func check(_ matrix: [[Double]], _ name: String) throws {
    guard let first = matrix.first, !first.isEmpty else {
      throw LabError.invalidInput(place: name, problem: "a matrix needs at least one row and one column")
    }
    for (i, line) in matrix.enumerated() {
      guard line.count == first.count else {
        throw LabError.invalidInput(place: "\(name), row \(i + 1)", problem: "\(line.count) entries, but row 1 has \(first.count)")
      }
      if let j = line.firstIndex(where: { !$0.isFinite || abs($0) > largestPayoff }) {
        throw LabError.invalidInput(
          place: "\(name), row \(i + 1), column \(j + 1)", problem: "\(line[j]) is not a finite number of magnitude at most 1e150")
      }
    }
  }
}

extension Bimatrix {
  /// `matrix · vector`.
  static func times(_ matrix: [[Double]], _ vector: [Double]) -> [Double] {
    matrix.map { line in zip(line, vector).reduce(0) { $0 + $1.0 * $1.1 } }
  }

  /// `vectorᵀ · matrix`.
  static func times(_ vector: [Double], _ matrix: [[Double]]) -> [Double] {
    var result = [Double](repeating: 0, count: matrix[0].count)
    for (weight, line) in zip(vector, matrix) {
      for j in line.indices { result[j] += weight * line[j] }
    }
    return result
  }

  /// The payoff of each row action against the column player's mixed strategy `column`: `A y`.
  public func rowPayoffs(against columnStrategy: [Double]) -> [Double] { Bimatrix.times(row, columnStrategy) }

  /// The payoff of each column action against the row player's mixed strategy `row`: `xᵀ B`.
  public func columnPayoffs(against rowStrategy: [Double]) -> [Double] { Bimatrix.times(rowStrategy, column) }
}

/// Checks that `vector` is a probability vector of `count` entries (non-negative, summing to 1 within
/// 1e-9), naming `place` otherwise.
func checkDistribution(_ vector: [Double], count: Int, place: String) throws {
  guard vector.count == count else {
    throw LabError.invalidInput(place: place, problem: "\(vector.count) entries for \(count) actions")
  }
  if let bad = vector.firstIndex(where: { !($0 >= 0 && $0 <= 1) }) {
    throw LabError.invalidInput(place: place, problem: "entry \(bad + 1) is \(vector[bad]), not a probability")
  }
  let total = vector.reduce(0, +)
  guard abs(total - 1) <= 1e-9 else {
    throw LabError.invalidInput(place: place, problem: "the entries sum to \(total), not 1")
  }
}
