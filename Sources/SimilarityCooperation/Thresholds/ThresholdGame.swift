import GameTheory
import LabKit

/// The introduction's example of a diff meta game: policies are thresholds θᵢ ("cooperate iff the
/// perceived difference is at most θᵢ"), and the perceived difference is diff(θ₁, θ₂) = |θ₁ − θ₂| + N,
/// with N drawn independently for each player (the introduction: uniform on [0, 1]) or, as a variant,
/// once for both (common noise).
///
/// With independent noise of CDF F, player i cooperates with probability pᵢ = F(θᵢ − |θ₁ − θ₂|) (notes
/// §2.3) and the actions are independent; with common noise they are correlated through the one draw.
/// The base game is any 2 × 2 game whose action 0 is "cooperate" (the prisoner's dilemma of Table 1 by
/// default); payoffs are computed from the joint distribution of the action pair, exactly.
///
/// Deviations are searched over all real thresholds and −∞ (never cooperate): a fine grid over the
/// thresholds where the payoff can change, every point where the payoff can have a kink (evaluated
/// exactly), and a golden-section refinement around the best grid points (see ``bestResponse(_:to:)``).
struct ThresholdGame: Sendable {
  /// How the two players' noise is drawn.
  enum Coupling: String, Sendable, CaseIterable {
    /// N₁, N₂ independent (the introduction's example).
    case independent
    /// One draw N for both players.
    case common
  }

  /// The base game, 2 × 2, action 0 = cooperate.
  let game: NormalFormGame
  let noise: NoiseDistribution
  let coupling: Coupling
  /// Points of the fine deviation grid per stretch where the payoff varies (the grid step is the
  /// stretch's width divided by this); 4000 over U[0, X] gives a step of X / 4000, below the notes'
  /// 5·10⁻⁴ × scale.
  let gridPoints: Int
  /// The payoff tables: payoffs[player][outcome], outcome = 2·a₁ + a₂ (CC, CD, DC, DD).
  let payoffTable: [[Double]]
  /// The stretch of noise values outside which F is within 1e-12 of 0 or 1 (capped at ±200 scales).
  let core: ClosedRange<Double>
  /// The smallest threshold a player may submit (−∞: every real threshold and "never cooperate").
  /// Deviation searches stay at or above it.
  let lowestThreshold: Double

  /// - Throws: ``LabError/invalidInput(place:problem:)`` unless the game is 2-player 2 × 2 and
  ///   `gridPoints` ≥ 10.
  init(
    game: NormalFormGame, noise: NoiseDistribution, coupling: Coupling = .independent, gridPoints: Int = 4000,
    lowestThreshold: Double = -.infinity
  ) throws {
    guard game.playerCount == 2, game.actions.allSatisfy({ $0.count == 2 }) else {
      throw LabError.invalidInput(place: "threshold game", problem: "the base game must be 2 × 2 (action 0 = cooperate)")
    }
    guard gridPoints >= 10 else {
      throw LabError.invalidInput(place: "threshold game", problem: "gridPoints must be at least 10, got \(gridPoints)")
    }
    self.game = game
    self.noise = noise
    self.coupling = coupling
    self.gridPoints = gridPoints
    guard !lowestThreshold.isNaN, lowestThreshold < .infinity else {
      throw LabError.invalidInput(place: "threshold game", problem: "the lowest threshold must be a real number or −∞, got \(lowestThreshold)")
    }
    self.lowestThreshold = lowestThreshold
    let outcomes = [[0, 0], [0, 1], [1, 0], [1, 1]]
    payoffTable = [0, 1].map { player in outcomes.map { game.payoff(player, $0) } }
    let support = noise.support
    let median = noise.median
    let lower = support.lowerBound.isFinite ? support.lowerBound : max(noise.quantile(1e-12), median - 200 * noise.scale)
    let upper = support.upperBound.isFinite ? support.upperBound : min(noise.quantile(1 - 1e-12), median + 200 * noise.scale)
    core = lower...upper
  }

  /// The prisoner's dilemma of Table 1 with gain G (`NormalFormGame.prisonersDilemma(donation:)`).
  static func prisonersDilemma(
    gain: Double, noise: NoiseDistribution, coupling: Coupling = .independent,
    gridPoints: Int = 4000, lowestThreshold: Double = -.infinity
  ) throws -> ThresholdGame {
    try ThresholdGame(
      game: .prisonersDilemma(donation: gain), noise: noise, coupling: coupling, gridPoints: gridPoints,
      lowestThreshold: lowestThreshold)
  }

  // MARK: - Closed forms

  /// The deterministic part of the perceived difference, |θ₁ − θ₂| (∞ when exactly one is −∞, 0 when both are).
  static func distance(_ a: Double, _ b: Double) -> Double {
    if a == b { return 0 }
    return abs(a - b)
  }

  /// (p₁, p₂): each player's probability of cooperating, pᵢ = F(θᵢ − |θ₁ − θ₂|) (the introduction; notes
  /// §2.3). The same formula holds for either coupling (it is a statement about one player's noise).
  func cooperationProbabilities(_ theta1: Double, _ theta2: Double) -> (Double, Double) {
    let d = Self.distance(theta1, theta2)
    return (noise.cdf(theta1 - d), noise.cdf(theta2 - d))
  }

  /// The probabilities of the outcomes (CC, CD, DC, DD), player 1's action first.
  func outcomeProbabilities(_ theta1: Double, _ theta2: Double) -> (cc: Double, cd: Double, dc: Double, dd: Double) {
    let (p1, p2) = cooperationProbabilities(theta1, theta2)
    switch coupling {
    case .independent:
      return (p1 * p2, p1 * (1 - p2), (1 - p1) * p2, (1 - p1) * (1 - p2))
    case .common:
      // Both cooperate iff N ≤ min(θ) − d: the player with the smaller threshold cooperates only when the other does.
      let both = min(p1, p2)
      return (both, p1 - both, p2 - both, 1 - max(p1, p2))
    }
  }

  /// (V₁, V₂): the meta-game utilities of the threshold profile.
  func payoffs(_ theta1: Double, _ theta2: Double) -> (Double, Double) {
    let o = outcomeProbabilities(theta1, theta2)
    let p = payoffTable
    return (
      o.cc * p[0][0] + o.cd * p[0][1] + o.dc * p[0][2] + o.dd * p[0][3],
      o.cc * p[1][0] + o.cd * p[1][1] + o.dc * p[1][2] + o.dd * p[1][3]
    )
  }

  /// Player `player`'s utility when it submits `own` and the other player `opponent`.
  func payoff(_ player: Int, own: Double, opponent: Double) -> Double {
    player == 0 ? payoffs(own, opponent).0 : payoffs(opponent, own).1
  }

  /// The same game as a ``DiffMetaGame`` over ``ThresholdPolicy``, for the generic machinery (exact
  /// utilities from step policies, Monte Carlo).
  var diffMetaGame: DiffMetaGame<ThresholdPolicy> {
    let noise = self.noise
    let coupling = self.coupling
    let name = "|θ₁ − θ₂| + N, N ~ \(noise) " + (coupling == .independent ? "independently for each player" : "common to both players")
    let diff = DiffFunction<ThresholdPolicy>(name: name) { a, b in
      let d = ThresholdGame.distance(a.theta, b.theta)
      let base = d.isFinite ? d : 1e300
      return coupling == .independent ? .independentNoise(base: (base, base), noise: (noise, noise)) : .commonNoise(base: (base, base), noise: noise)
    }
    return try! DiffMetaGame(game: game, diff: diff)
  }

  // MARK: - Best responses and equilibria

  /// The result of a search over a player's thresholds against a fixed opponent threshold.
  struct BestResponse: Sendable, Equatable {
    /// The best utility found.
    let value: Double
    /// A threshold attaining it (the smallest among the near-optimal points found).
    let threshold: Double
    /// The smallest and largest thresholds found whose utility is within the tolerance of the best:
    /// the best-response set when it is an interval (−∞ when "never cooperate" is among them).
    let lowest: Double
    let highest: Double
  }

  /// The thresholds a deviation search evaluates against opponent threshold θ: a fine grid over each
  /// stretch where one of the noise arguments (2t − θ and t below θ; 2θ − t above θ) lies in the core of
  /// the noise, the kinks of F mapped to t, θ itself, a few points beyond, and −∞.
  func candidateThresholds(against theta: Double) -> [Double] {
    // Against a player who never cooperates every finite threshold is infinitely far away: all are alike.
    guard theta.isFinite else { return [-.infinity, core.lowerBound, core.upperBound] }
    let (lo, hi) = (core.lowerBound, core.upperBound)
    var stretches: [(Double, Double)] = []
    // t < θ: own argument 2t − θ, opponent argument t.
    stretches.append(((theta + lo) / 2, min(theta, (theta + hi) / 2)))
    stretches.append((lo, min(theta, hi)))
    // t > θ: opponent argument 2θ − t.
    stretches.append((max(theta, 2 * theta - hi), 2 * theta - lo))
    var points: [Double] = [-.infinity, theta]
    for (a, b) in stretches where a < b {
      let step = (b - a) / Double(gridPoints)
      for k in 0...gridPoints { points.append(a + step * Double(k)) }
    }
    for e in noise.kinks + [lo, hi, noise.mode] {
      points += [e, (theta + e) / 2, 2 * theta - e]
    }
    // Beyond the stretches the payoff is constant up to 1e-12; a few points show it.
    let width = hi - lo
    points += [lo - width, min(lo, (theta + lo) / 2) - width, max(theta, 2 * theta - lo) + width, theta + width]
    if lowestThreshold > -.infinity { points.append(lowestThreshold) }
    return points.filter { !$0.isNaN && $0 >= lowestThreshold }.sorted()
  }

  /// Player `player`'s best response to the other's threshold `opponent` over all real thresholds and −∞.
  ///
  /// The candidates of ``candidateThresholds(against:)`` are evaluated exactly; the best eight local
  /// maxima of the grid are refined by golden-section search on their neighbouring grid cells (60
  /// steps). Points within `tolerance` of the best value form ``BestResponse/lowest`` ...
  /// ``BestResponse/highest``. For piecewise-linear F (uniform noise) the maximum lies on a kink, so the
  /// value is exact; for smooth F it is exact to the refinement's precision.
  func bestResponse(_ player: Int, to opponent: Double, tolerance: Double = 1e-9) -> BestResponse {
    let ts = candidateThresholds(against: opponent)
    let values = ts.map { payoff(player, own: $0, opponent: opponent) }
    var refined: [(Double, Double)] = []
    // Local maxima of the grid, best first.
    var peaks: [Int] = []
    for k in values.indices where (k == 0 || values[k] >= values[k - 1]) && (k == values.count - 1 || values[k] >= values[k + 1]) {
      peaks.append(k)
    }
    peaks.sort { values[$0] > values[$1] }
    for k in peaks.prefix(8) where k > 0 && k < ts.count - 1 && ts[k - 1].isFinite && ts[k + 1].isFinite {
      var (a, b) = (ts[k - 1], ts[k + 1])
      let ratio = (5.0.squareRoot() - 1) / 2
      var c = b - ratio * (b - a)
      var d = a + ratio * (b - a)
      var fc = payoff(player, own: c, opponent: opponent)
      var fd = payoff(player, own: d, opponent: opponent)
      for _ in 0..<60 {
        if fc >= fd {
          b = d; d = c; fd = fc
          c = b - ratio * (b - a); fc = payoff(player, own: c, opponent: opponent)
        } else {
          a = c; c = d; fc = fd
          d = a + ratio * (b - a); fd = payoff(player, own: d, opponent: opponent)
        }
      }
      refined.append(fc >= fd ? (c, fc) : (d, fd))
    }
    let all = zip(ts, values).map { ($0, $1) } + refined
    let best = all.map(\.1).max()!
    let near = all.filter { $0.1 >= best - tolerance }.map(\.0)
    return BestResponse(value: best, threshold: near.min()!, lowest: near.min()!, highest: near.max()!)
  }

  /// For each player, the largest gain of a unilateral threshold deviation from (θ₁, θ₂) (never below 0),
  /// and the deviation attaining it.
  func deviationGains(_ theta1: Double, _ theta2: Double) -> [(gain: Double, deviation: Double)] {
    let current = payoffs(theta1, theta2)
    let b1 = bestResponse(0, to: theta2)
    let b2 = bestResponse(1, to: theta1)
    return [(max(0, b1.value - current.0), b1.threshold), (max(0, b2.value - current.1), b2.threshold)]
  }

  /// Whether (θ₁, θ₂) is a Nash equilibrium of the meta game restricted to threshold policies: no
  /// player gains more than `tolerance` by any other threshold (or by never cooperating).
  func isEquilibrium(_ theta1: Double, _ theta2: Double, tolerance: Double = 1e-9) -> Bool {
    deviationGains(theta1, theta2).allSatisfy { $0.gain <= tolerance }
  }

  /// Whether the base game is symmetric (player 2's payoffs are player 1's with the roles swapped).
  var isSymmetricGame: Bool {
    payoffTable[0][0] == payoffTable[1][0] && payoffTable[0][3] == payoffTable[1][3] && payoffTable[0][1] == payoffTable[1][2]
      && payoffTable[0][2] == payoffTable[1][1]
  }

  /// The largest gain of a deviation from the symmetric profile (θ, θ) (both players checked unless the
  /// base game and noise are symmetric, where one suffices).
  func symmetricDeviationGain(_ theta: Double) -> Double {
    let current = payoffs(theta, theta)
    let first = bestResponse(0, to: theta).value - current.0
    if isSymmetricGame { return max(0, first) }
    return max(0, first, bestResponse(1, to: theta).value - current.1)
  }

  /// The most cooperative symmetric equilibrium (θ, θ): every θ of `grid` is checked; between the largest
  /// equilibrium grid point and the next grid point (not an equilibrium) the boundary is found by
  /// bisection (`refinementSteps` halvings). Returns `nil` when no grid point is an equilibrium, and the
  /// number of grid points that are equilibria.
  func mostCooperativeSymmetricEquilibrium(
    grid: [Double], refinementSteps: Int = 30, tolerance: Double = 1e-9
  )
    -> (theta: Double, cooperation: Double, equilibriumGridPoints: Int)?
  {
    symmetricEquilibriumFrontier(grid: grid, tolerances: [tolerance], refinementSteps: refinementSteps)[0]
  }

  /// ``mostCooperativeSymmetricEquilibrium(grid:refinementSteps:tolerance:)`` for several tolerances ε at
  /// once (ε-equilibria: no deviation gains more than ε), sharing the scan of the grid.
  func symmetricEquilibriumFrontier(
    grid: [Double], tolerances: [Double], refinementSteps: Int = 30
  )
    -> [(theta: Double, cooperation: Double, equilibriumGridPoints: Int)?]
  {
    let sorted = grid.sorted()
    let gains = sorted.map { symmetricDeviationGain($0) }
    return tolerances.map { tolerance in
      guard let best = gains.lastIndex(where: { $0 <= tolerance }) else { return nil }
      var low = sorted[best]
      if best + 1 < sorted.count {
        var high = sorted[best + 1]
        for _ in 0..<refinementSteps {
          let middle = (low + high) / 2
          if symmetricDeviationGain(middle) <= tolerance { low = middle } else { high = middle }
        }
      }
      return (low, cooperationProbabilities(low, low).0, gains.filter { $0 <= tolerance }.count)
    }
  }
}
