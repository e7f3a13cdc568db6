import LabKit

/// The payoff geometry of a 2-player game, as polygons and polylines ready to draw (player 0's payoff
/// on x, player 1's on y):
///
/// - ``feasibleSet``: the convex hull of the pure payoff vectors, F = conv{ r(a) };
/// - ``paretoFrontier``: its strictly Pareto-optimal boundary (points of F no point of F weakly
///   dominates), and ``weakParetoFrontier`` (points no point of F improves strictly for both);
/// - ``minimax``: the minimax (= maxmin, for 2 players) values, the threat point of the folk theorem;
/// - ``individuallyRational``: F ∩ { u : u₀ ≥ minimax₀, u₁ ≥ minimax₁ } (weak inequalities), a
///   polygon, a segment or a point (never empty: every Nash equilibrium's payoff is in it). A vertex
///   of F up to 1e-9 × the payoff scale below a minimax value counts as meeting it, so an LP rounding
///   error cannot lose a region that only touches the threat point's lines;
/// - ``paretoOptimalProfiles``: the pure profiles whose payoff vector lies on ``paretoFrontier`` (to
///   within 1e-12 of the payoff scale), i.e. that no feasible vector Pareto-dominates.
public struct TwoPlayerPayoffGeometry: Sendable, Equatable {
  public let feasibleSet: PayoffPolygon
  public let paretoFrontier: [PayoffPoint]
  public let weakParetoFrontier: [PayoffPoint]
  public let minimax: PayoffPoint
  public let individuallyRational: PayoffPolygon
  public let paretoOptimalProfiles: [[Int]]

  /// The geometry of `game`.
  ///
  /// - Parameter exact: compute the minimax values with GLPK's rational simplex.
  /// - Throws: ``LabError/invalidInput(place:problem:)`` unless the game has 2 players.
  public init(_ game: NormalFormGame, exact: Bool = false) throws {
    guard game.playerCount == 2 else {
      throw LabError.invalidInput(place: "TwoPlayerPayoffGeometry", problem: "needs a 2-player game, not \(game.playerCount) players")
    }
    let points = game.profiles.map { PayoffPoint(game.payoff(0, $0), game.payoff(1, $0)) }
    let hull = PayoffPolygon(convexHullOf: points)
    feasibleSet = hull
    paretoFrontier = hull.paretoFrontier
    weakParetoFrontier = hull.weakParetoFrontier
    minimax = PayoffPoint(try game.minimax(0, exact: exact).value, try game.minimax(1, exact: exact).value)
    let scale = max(1, points.map { max(abs($0.x), abs($0.y)) }.max()!)
    individuallyRational = hull.clipped(minimumX: minimax.x, minimumY: minimax.y, tolerance: 1e-9 * scale)
    // Exact for integer payoffs; the tolerance only absorbs rounding in collinearity tests otherwise.
    let tolerance = 1e-12 * scale
    paretoOptimalProfiles = zip(game.profiles, points).filter { hull.isOnParetoFrontier($0.1, tolerance: tolerance) }.map(\.0)
  }
}
