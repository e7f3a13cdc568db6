/// What ``NormalFormGame/simplicialSubdivision(maximumRegret:refinement:leash:limits:)`` returns.
public struct SimplicialSubdivisionResult: Sendable {
  /// The approximate equilibrium: the best grid point seen on the last (finest) grid.
  public let equilibrium: NashEquilibrium
  /// Its largest regret: the most any player gains by switching to a pure best response.
  public let regret: Double
  /// The regret the search had to reach: `maximumRegret` × (largest payoff − smallest payoff).
  public let targetRegret: Double
  /// The mesh of the last grid (probabilities are multiples of it).
  public let mesh: Double
  /// How many grids were searched (the mesh halves from one to the next).
  public let grids: Int
  /// How many grid points were labelled in all.
  public let labelledPoints: Int
  /// Whether the time limit stopped the search before ``regret`` reached ``targetRegret``.
  public let isPartial: Bool
  /// Whether ``regret`` is at most ``targetRegret``.
  public var reachedTarget: Bool { regret <= targetRegret }
}

extension NormalFormGame {
  /// One approximate Nash equilibrium of a game with any number of players, by simplicial subdivision:
  /// the restart algorithm of van der Laan and Talman on the product of the players' simplices (van der
  /// Laan, G. and Talman, A. J. J. (1982), "On the computation of fixed points in the product space of
  /// unit simplices and an application to noncooperative N person games", Mathematics of Operations
  /// Research 7(1), 1–13), as Gambit's `simpdiv` implements it (`src/solvers/simpdiv/simpdiv.cc`,
  /// Gambit 16.x, GPL-2-or-later; ``SimplicialSubdivisionPath`` follows its steps, in Doubles instead of
  /// rationals).
  ///
  /// The mixed profiles whose probabilities are multiples of a mesh d form a grid, triangulated into
  /// simplices; each grid point is labelled by the player with the largest regret and that player's
  /// first pure best response. From a start point the algorithm follows a path of adjacent simplices,
  /// growing and shrinking the face it moves on, to a simplex whose labels are complete for one player;
  /// the best vertex seen (least regret) restarts the search on a grid of half the mesh, until the
  /// largest regret is at most `maximumRegret` × (largest − smallest payoff of the game).
  ///
  /// Guarantees. Each path is finite and ends at a complete simplex; as the mesh goes to zero the
  /// complete simplices converge to Nash equilibria (van der Laan and Talman 1982), so the search ends
  /// with an ε-equilibrium: every player's regret is at most the target, computed directly at the
  /// returned profile (``SimplicialSubdivisionResult/regret``). The first grid starts where every
  /// player plays its first action (Gambit's default start), and the path is deterministic.
  /// What it does not promise: every equilibrium, or any particular one (the equilibrium found depends
  /// on the start; where the game has one equilibrium it is that one, within ε); an exact equilibrium
  /// (probabilities are multiples of the final mesh, dyadic fractions); nor a bound on the time: paths
  /// can be long, and `leash` cuts a path after that many grid steps from its start, trading the
  /// guarantee for time, as in Gambit. In Doubles, products of dyadic probabilities and payoffs are
  /// exact until the mesh passes about 2^(−53 / (players − 1)) of the payoffs' precision; past it
  /// a near-tie may be decided differently from Gambit's rationals (the regret is still computed at the
  /// end). The search stops at a mesh of 2^−50, when the limit on `limits` passes, or at the target.
  ///
  /// - Parameters:
  ///   - maximumRegret: the target regret relative to the payoff range (pygambit's default `maxregret`, 1e-7).
  ///   - refinement: the factor the mesh shrinks by from one grid to the next (Gambit's `refine`, 2).
  ///   - leash: the most grid steps a path may stray from its start (Gambit's default, 32000).
  ///   - limits: a time limit, after which the best profile so far is returned, marked partial.
  /// - Precondition: finite payoffs (validated on input), `maximumRegret` > 0, `refinement` ≥ 2.
  public func simplicialSubdivision(
    maximumRegret: Double = 1e-7, refinement: Int = 2, leash: Int = 32000, limits: SearchLimits = .none
  ) -> SimplicialSubdivisionResult {
    precondition(maximumRegret > 0 && refinement >= 2, "simplicialSubdivision: maximumRegret > 0 and refinement ≥ 2")
    let range = (payoffTable.max() ?? 0) - (payoffTable.min() ?? 0)
    let target = maximumRegret * range
    var start = actions.map { counts in [1.0] + [Double](repeating: 0, count: counts.count - 1) }
    var mesh = 1.0
    var grids = 0
    var labelled = 0
    var regret = Double.infinity
    var isPartial = false
    while true {
      mesh /= Double(refinement)
      var path = SimplicialSubdivisionPath(game: self, start: start, mesh: mesh, leash: leash, limits: limits)
      let finished = path.run()
      grids += 1
      labelled += path.labelledPoints
      start = path.bestProfile
      regret = path.bestRegret
      if !finished {
        isPartial = true
        break
      }
      if regret <= target || mesh < 0x1p-50 { break }
      if limits.hasExpired {
        isPartial = true
        break
      }
    }
    let strategies = start.map { MixedStrategy(unchecked: $0) }
    return SimplicialSubdivisionResult(
      equilibrium: NashEquilibrium(self, strategies), regret: regret, targetRegret: target, mesh: mesh, grids: grids,
      labelledPoints: labelled, isPartial: isPartial && regret > target)
  }
}

extension NormalFormGame {
  /// For each player, the expected payoff of each of its actions when the others play `profile`
  /// (0-based; probability vectors, not checked): u_i(a, x_−i) = Σ over the others' actions of
  /// Π_{k ≠ i} x_k(a_k) · u_i(a, a_−i).
  func actionValues(against profile: [[Double]]) -> [[Double]] {
    var values = actions.map { [Double](repeating: 0, count: $0.count) }
    var current = [Int](repeating: 0, count: playerCount)
    var prefix = [Double](repeating: 1, count: playerCount + 1)
    var suffix = [Double](repeating: 1, count: playerCount + 1)
    for index in 0..<(payoffTable.count / playerCount) {
      for player in 0..<playerCount { prefix[player + 1] = prefix[player] * profile[player][current[player]] }
      for player in stride(from: playerCount - 1, through: 0, by: -1) {
        suffix[player] = suffix[player + 1] * profile[player][current[player]]
      }
      for player in 0..<playerCount {
        let weight = prefix[player] * suffix[player + 1]
        if weight != 0 { values[player][current[player]] += weight * payoffTable[index * playerCount + player] }
      }
      var level = playerCount - 1
      while level >= 0 {
        current[level] += 1
        if current[level] < actions[level].count { break }
        current[level] = 0
        level -= 1
      }
    }
    return values
  }
}
