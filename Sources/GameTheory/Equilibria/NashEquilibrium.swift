import LabKit

/// A Nash equilibrium in mixed strategies, with the players' expected payoffs.
public struct NashEquilibrium: Sendable, Equatable, CustomStringConvertible {
  /// One mixed strategy per player.
  public let strategies: [MixedStrategy]
  /// The expected payoff of each player at the equilibrium.
  public let payoffs: [Double]

  /// An equilibrium record; `payoffs` are the expected payoffs of `strategies`.
  public init(strategies: [MixedStrategy], payoffs: [Double]) {
    self.strategies = strategies
    self.payoffs = payoffs
  }

  /// The equilibrium of `game` at `strategies`, with its payoffs computed.
  public init(_ game: NormalFormGame, _ strategies: [MixedStrategy]) {
    self.init(strategies: strategies, payoffs: game.expectedPayoffs(strategies))
  }

  /// Each player's support: the actions played with positive probability.
  public var supports: [[Int]] { strategies.map(\.support) }

  /// Whether every probability is within `tolerance` of `other`'s.
  public func isClose(to other: NashEquilibrium, tolerance: Double) -> Bool {
    strategies.count == other.strategies.count
      && zip(strategies, other.strategies).allSatisfy { $0.isClose(to: $1, tolerance: tolerance) }
  }

  /// "(0.5, 0.5) × (0.5, 0.5), payoffs (0, 0)".
  public var description: String {
    strategies.map(\.description).joined(separator: " × ") + ", payoffs " + MixedStrategy.format(payoffs)
  }
}

/// A maximal Nash subset of a 2-player game: every pair of a row strategy in the convex hull of
/// ``rowStrategies`` and a column strategy in the convex hull of ``columnStrategies`` is a Nash
/// equilibrium, and no extreme equilibrium can be added on either side. The Nash equilibria of a
/// bimatrix game are exactly the union of its maximal Nash subsets (Jansen 1981; Avis, Rosenberg,
/// Savani and von Stengel 2010, who call them maximal cliques); Gambit's `enummixed` lists them too.
public struct MaximalNashSubset: Sendable, Equatable, CustomStringConvertible {
  /// The extreme row-player strategies whose convex hull is the row side.
  public let rowStrategies: [MixedStrategy]
  /// The extreme column-player strategies whose convex hull is the column side.
  public let columnStrategies: [MixedStrategy]

  /// Whether the subset is a single equilibrium.
  public var isSingleton: Bool { rowStrategies.count == 1 && columnStrategies.count == 1 }

  /// "conv{(1, 0, 0)} × conv{(1, 0), (0.5, 0.5)}".
  public var description: String {
    "conv{" + rowStrategies.map(\.description).joined(separator: ", ") + "} × conv{"
      + columnStrategies.map(\.description).joined(separator: ", ") + "}"
  }
}
