/// A Nash equilibrium of a 2-player game in exact rational arithmetic: the strategies as fractions,
/// the expected payoffs as fractions, and a proof by computation that it is an equilibrium (every pure
/// action's exact expected payoff is at most the equilibrium payoff).
///
/// The payoffs are the game's numbers read as the decimals they print as (``ExactRational/init(decimal:)``).
public struct ExactEquilibrium: Sendable, Hashable, CustomStringConvertible {
  /// One probability vector per player.
  public let strategies: [[ExactRational]]
  /// Each player's exact expected payoff.
  public let payoffs: [ExactRational]

  /// Checks `strategies` exactly against `game`; nil when some pure action pays strictly more than
  /// the strategy it would replace (not an equilibrium), or the shapes are wrong.
  ///
  /// - Precondition: a 2-player game.
  init?(_ game: NormalFormGame, strategies: [[ExactRational]]) {
    precondition(game.playerCount == 2, "ExactEquilibrium: a 2-player game")
    let m = game.actions[0].count
    let n = game.actions[1].count
    guard strategies.count == 2, strategies[0].count == m, strategies[1].count == n else { return nil }
    let x = strategies[0]
    let y = strategies[1]
    let a = (0..<m).map { i in (0..<n).map { j in ExactRational(decimal: game.payoff(0, [i, j])) } }
    let b = (0..<m).map { i in (0..<n).map { j in ExactRational(decimal: game.payoff(1, [i, j])) } }
    let rowValues = (0..<m).map { i in (0..<n).reduce(ExactRational.zero) { $0 + a[i][$1] * y[$1] } }
    let columnValues = (0..<n).map { j in (0..<m).reduce(ExactRational.zero) { $0 + b[$1][j] * x[$1] } }
    let rowPayoff = (0..<m).reduce(ExactRational.zero) { $0 + x[$1] * rowValues[$1] }
    let columnPayoff = (0..<n).reduce(ExactRational.zero) { $0 + y[$1] * columnValues[$1] }
    guard rowValues.allSatisfy({ $0 <= rowPayoff }), columnValues.allSatisfy({ $0 <= columnPayoff }) else { return nil }
    self.strategies = strategies
    payoffs = [rowPayoff, columnPayoff]
  }

  /// The same equilibrium in Doubles.
  public func rounded(_ game: NormalFormGame) -> NashEquilibrium {
    NashEquilibrium(
      strategies: strategies.map { MixedStrategy(unchecked: $0.map(\.doubleValue)) }, payoffs: payoffs.map(\.doubleValue))
  }

  /// "(2/3, 1/3) × (1/2, 1/2), payoffs (5/2, 1)".
  public var description: String {
    strategies.map { "(" + $0.map(\.description).joined(separator: ", ") + ")" }.joined(separator: " × ")
      + ", payoffs (" + payoffs.map(\.description).joined(separator: ", ") + ")"
  }
}
