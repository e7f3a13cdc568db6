import LabKit

/// Random games drawn from a LabKit ``Random`` (GSL), so a seed fixes the game.
///
/// Draw order, which fixes the game for a given generator state: profiles in ``NormalFormGame/profiles``
/// order (player 0's action varying slowest) and, within a profile, players in order; one draw per
/// payoff. Actions are named "1", "2", … (Gambit's default labels).
extension NormalFormGame {
  /// A game whose payoffs are independent and uniform on `payoffs` (`Random.uniform(in:)`, half-open).
  ///
  /// - Precondition: at least one player, every count positive, a finite non-empty range.
  public static func random(actionCounts: [Int], payoffs range: Range<Double> = 0..<1, using random: Random) -> NormalFormGame {
    precondition(range.lowerBound.isFinite && range.upperBound.isFinite, "NormalFormGame.random: the payoff range must be finite")
    return generated(actionCounts) { random.uniform(in: range) }
  }

  /// A game whose payoffs are independent uniform integers in `integerPayoffs`
  /// (`Random.integer(in:)`), stored as `Double`.
  ///
  /// - Precondition: at least one player, every count positive, and a range the generator can serve
  ///   (at most 2^32 values for mt19937).
  public static func random(actionCounts: [Int], integerPayoffs range: ClosedRange<Int>, using random: Random) -> NormalFormGame {
    generated(actionCounts) { Double(random.integer(in: range)) }
  }

  /// ``random(actionCounts:payoffs:using:)`` with a fresh mt19937 generator seeded with `seed`.
  public static func random(actionCounts: [Int], payoffs range: Range<Double> = 0..<1, seed: UInt32) -> NormalFormGame {
    random(actionCounts: actionCounts, payoffs: range, using: Random(seed: seed))
  }

  /// ``random(actionCounts:integerPayoffs:using:)`` with a fresh mt19937 generator seeded with `seed`.
  public static func random(actionCounts: [Int], integerPayoffs range: ClosedRange<Int>, seed: UInt32) -> NormalFormGame {
    random(actionCounts: actionCounts, integerPayoffs: range, using: Random(seed: seed))
  }

  private static func generated(_ actionCounts: [Int], draw: () -> Double) -> NormalFormGame {
    precondition(!actionCounts.isEmpty && actionCounts.allSatisfy { $0 > 0 }, "NormalFormGame.random: every player needs an action")
    let total = actionCounts.reduce(actionCounts.count, *)
    var table: [Double] = []
    table.reserveCapacity(total)
    for _ in 0..<total { table.append(draw()) }
    return NormalFormGame(
      unchecked: defaultPlayerNames(actionCounts.count), actions: actionCounts.map(defaultActionNames), payoffTable: table)
  }
}
