import LabKit

/// The 2-player, 2-action game repeated in a ``RepeatedMatch``: action 0 is C (cooperate), action 1
/// is D (defect).
///
/// Payoffs are kept as two flat tables indexed by the outcome `o = 2 · a₁ + a₂` (CC = 0, CD = 1,
/// DC = 2, DD = 3, the first player's action first), so a match engine looks a payoff up with one
/// index and never builds a profile array.
///
/// The symmetric form takes Rapoport and Chammah's (1965) reward R, sucker's payoff S, temptation T
/// and punishment P, in the argument order of axelrod's `Game(r=3, s=0, t=5, p=1)`; its defaults are
/// axelrod's (and Axelrod's 1980 tournaments'). Any 2 × 2 ``NormalFormGame`` is also accepted,
/// symmetric or not, with its first action read as C.
public struct StageGame: Sendable, Equatable, CustomStringConvertible {
  /// The first player's payoff at each outcome CC, CD, DC, DD.
  public let firstPayoffs: SIMD4<Double>
  /// The second player's payoff at each outcome CC, CD, DC, DD (the first player's action first).
  public let secondPayoffs: SIMD4<Double>

  /// axelrod's default `Game()`: (R, S, T, P) = (3, 0, 5, 1).
  public static let axelrod = StageGame(unchecked: 3, 0, 5, 1)

  /// The symmetric game with payoffs R, S, T, P to a player for (C, C), (C, D), (D, C), (D, D),
  /// its own action first; axelrod's `Game(r:s:t:p:)`. No ordering is imposed (axelrod imposes none):
  /// ``isPrisonersDilemma`` tells whether T > R > P > S and 2R > T + S.
  ///
  /// - Throws: ``LabError/invalidInput(place:problem:)`` if a payoff is not finite or its magnitude
  ///   exceeds ``NormalFormGame/largestPayoffMagnitude`` (a tournament's sums would overflow to ∞).
  public init(reward: Double = 3, sucker: Double = 0, temptation: Double = 5, punishment: Double = 1) throws {
    for (name, value) in [("reward R", reward), ("sucker S", sucker), ("temptation T", temptation), ("punishment P", punishment)]
    where !value.isFinite || abs(value) > NormalFormGame.largestPayoffMagnitude {
      throw LabError.invalidInput(
        place: "stage game",
        problem: value.isFinite
          ? "\(name) is \(value); payoffs must lie within ±1e9 so that sums over a tournament stay exact enough and finite"
          : "\(name) is \(value), not a finite number")
    }
    self.init(unchecked: reward, sucker, temptation, punishment)
  }

  /// The payoffs of a 2-player game in which each player has exactly two actions, the first read as
  /// C and the second as D. The game need not be symmetric.
  ///
  /// - Throws: ``LabError/invalidInput(place:problem:)`` if the game does not have two players with
  ///   two actions each.
  public init(_ game: NormalFormGame) throws {
    guard game.playerCount == 2, game.actions.allSatisfy({ $0.count == 2 }) else {
      let shape = game.actions.map { String($0.count) }.joined(separator: " × ")
      throw LabError.invalidInput(
        place: "stage game", problem: "a repeated match needs a 2-player game with 2 actions each, got \(game.playerCount) players (\(shape))")
    }
    let outcomes = [[0, 0], [0, 1], [1, 0], [1, 1]]
    let first = outcomes.map { game.payoff(0, $0) }
    let second = outcomes.map { game.payoff(1, $0) }
    firstPayoffs = SIMD4(first[0], first[1], first[2], first[3])
    secondPayoffs = SIMD4(second[0], second[1], second[2], second[3])
  }

  private init(unchecked r: Double, _ s: Double, _ t: Double, _ p: Double) {
    firstPayoffs = SIMD4(r, s, t, p)
    secondPayoffs = SIMD4(r, t, s, p)
  }

  /// The first player's (R, P, S, T) in Press and Dyson's order, as axelrod's `Game.RPST()` returns
  /// them: R at CC, P at DD, S at CD, T at DC.
  public var rpst: (reward: Double, punishment: Double, sucker: Double, temptation: Double) {
    (firstPayoffs[0], firstPayoffs[3], firstPayoffs[1], firstPayoffs[2])
  }

  /// Whether the second player's payoffs are the first's with the roles swapped.
  public var isSymmetric: Bool {
    secondPayoffs == SIMD4(firstPayoffs[0], firstPayoffs[2], firstPayoffs[1], firstPayoffs[3])
  }

  /// Whether the game is symmetric with T > R > P > S and 2R > T + S (Rapoport and Chammah 1965;
  /// the second condition is the repeated-game convention).
  public var isPrisonersDilemma: Bool {
    let (r, p, s, t) = rpst
    return isSymmetric && t > r && r > p && p > s && 2 * r > t + s
  }

  /// The payoffs (first player's, second player's) when they play `first` and `second`.
  @inlinable
  public func payoffs(_ first: Move, _ second: Move) -> SIMD2<Double> {
    let outcome = Int(first.rawValue) << 1 | Int(second.rawValue)
    return SIMD2(firstPayoffs[outcome], secondPayoffs[outcome])
  }

  /// The same game as a ``NormalFormGame`` with actions named "C" and "D".
  public var normalForm: NormalFormGame {
    let (first, second) = (firstPayoffs, secondPayoffs)
    return NormalFormGame(actions: [["C", "D"], ["C", "D"]]) { profile in
      let outcome = profile[0] << 1 | profile[1]
      return [first[outcome], second[outcome]]
    }
  }

  public var description: String {
    if isSymmetric {
      let (r, p, s, t) = rpst
      return "(R, S, T, P) = (\(r), \(s), \(t), \(p))"
    }
    let cells = (0..<4).map { "(\(firstPayoffs[$0]), \(secondPayoffs[$0]))" }
    return "CC \(cells[0]), CD \(cells[1]), DC \(cells[2]), DD \(cells[3])"
  }
}
