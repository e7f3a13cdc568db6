extension ExactEquilibrium {
  /// The exact equilibrium behind a floating-point one of a 2-player game, or nil if there is none
  /// to recover.
  ///
  /// Each player's strategy is re-solved in rational arithmetic from the equations that hold at the
  /// floating-point point: probability 0 off its support (probabilities ≤ `tolerance`), equal
  /// payoffs to the other player on that player's best responses (within `tolerance` of the payoff
  /// range), and probabilities summing to 1. When these equations have a unique solution (the point is
  /// an extreme equilibrium, as those of support and vertex enumeration are) it is checked exactly by
  /// ``init(_:strategies:)``; otherwise, or when the check fails, the result is nil.
  ///
  /// - Precondition: a 2-player game.
  public init?(rationalizing equilibrium: NashEquilibrium, of game: NormalFormGame, tolerance: Double = 1e-9) {
    let profile = equilibrium.strategies
    var strategies: [[ExactRational]] = []
    for player in 0..<2 {
      let other = 1 - player
      let values = game.profiles.map { game.payoff(other, $0) }
      let range = max(values.max()! - values.min()!, Double.leastNormalMagnitude)
      let support = profile[player].support(tolerance: tolerance)
      let responses = game.pureBestResponses(other, to: profile, tolerance: tolerance * range)
      guard let strategy = ExactEquilibrium.indifferentStrategy(game, player: player, support: support, responses: responses)
      else { return nil }
      strategies.append(strategy)
    }
    self.init(game, strategies: strategies)
  }

  /// Solves, exactly, for `player`'s probabilities on `support` (and the other player's payoff v)
  /// with Σ_i payoff_other(i, j) x_i = v for every j in `responses` and Σ x_i = 1; nil unless the
  /// solution is unique and nonnegative.
  static func indifferentStrategy(_ game: NormalFormGame, player: Int, support: [Int], responses: [Int]) -> [ExactRational]? {
    let other = 1 - player
    let unknowns = support.count + 1
    var rows: [[ExactRational]] = responses.map { response in
      support.map { own in
        var profile = [0, 0]
        profile[player] = own
        profile[other] = response
        return ExactRational(decimal: game.payoff(other, profile))
      } + [ExactRational(-1), .zero]
    }
    rows.append([ExactRational](repeating: .one, count: support.count) + [.zero, .one])
    guard let solution = exactSolve(rows, unknowns: unknowns) else { return nil }
    guard solution.prefix(support.count).allSatisfy({ $0 >= .zero }) else { return nil }
    var strategy = [ExactRational](repeating: .zero, count: game.actions[player].count)
    for (index, own) in support.enumerated() { strategy[own] = solution[index] }
    return strategy
  }

  /// The unique solution of the consistent linear system whose augmented rows are `rows` (each
  /// `unknowns` coefficients then the right-hand side), by Gauss–Jordan elimination over the
  /// rationals; nil when the system is inconsistent or its solution not unique.
  static func exactSolve(_ rows: [[ExactRational]], unknowns: Int) -> [ExactRational]? {
    var matrix = rows
    var pivotRow = 0
    for column in 0..<unknowns {
      guard let found = (pivotRow..<matrix.count).first(where: { matrix[$0][column] != .zero }) else { return nil }
      matrix.swapAt(pivotRow, found)
      let pivot = matrix[pivotRow][column]
      matrix[pivotRow] = matrix[pivotRow].map { $0 / pivot }
      for row in matrix.indices where row != pivotRow && matrix[row][column] != .zero {
        let factor = matrix[row][column]
        matrix[row] = zip(matrix[row], matrix[pivotRow]).map { $0 - factor * $1 }
      }
      pivotRow += 1
    }
    guard matrix[pivotRow...].allSatisfy({ $0[unknowns] == .zero }) else { return nil }
    return (0..<unknowns).map { matrix[$0][unknowns] }
  }
}
