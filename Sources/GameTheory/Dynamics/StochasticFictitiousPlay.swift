import Foundation
import LabKit

/// Stochastic fictitious play (Fudenberg and Kreps 1993; Fudenberg and Levine 1998, *The Theory of
/// Learning in Games*, ch. 4; Hofbauer and Sandholm 2002): each iteration, each player forms the
/// other's empirical strategy from its counts (uniform while they are all zero), perturbs the
/// payoff of each of its actions by an independent uniform draw from [0, ε̄), and plays action i
/// with the logit probability
///
///     pᵢ = exp(ũᵢ / η) / Σₖ exp(ũₖ / η),   ũ = (payoff against the empirical strategy) + ε̄ U[0, 1).
///
/// This is nashpy's `stochastic_fictitious_play(A, B, iterations, etha=η, epsilon_bar=ε̄)`. For
/// numerical safety the largest ũ is subtracted before exponentiating, which leaves p unchanged.
///
/// Draws, per iteration, from one LabKit ``Random``: the row player's perturbations (one per row
/// action), the column player's, then the row player's action and the column player's (one uniform
/// each, by inversion of p). nashpy draws from numpy's generator, so single paths differ; the
/// distributions are the same, and the tests compare means over many runs.
public struct StochasticFictitiousPlay: Sendable {
  /// The game.
  public let game: Bimatrix
  /// The logit noise η > 0 (nashpy's `etha`, default 0.1).
  public let logitNoise: Double
  /// The largest payoff perturbation ε̄ ≥ 0 (nashpy's `epsilon_bar`, default 0.01).
  public let perturbation: Double

  /// - Throws: ``LabError/invalidInput(place:problem:)`` unless η is positive and finite and ε̄
  ///   non-negative and finite.
  public init(game: Bimatrix, logitNoise: Double = 0.1, perturbation: Double = 0.01) throws {
    guard logitNoise > 0, logitNoise.isFinite else {
      throw LabError.invalidInput(place: "stochastic fictitious play", problem: "the logit noise η must be positive, got \(logitNoise)")
    }
    guard perturbation >= 0, perturbation.isFinite else {
      throw LabError.invalidInput(
        place: "stochastic fictitious play", problem: "the perturbation ε̄ must be a non-negative number, got \(perturbation)")
    }
    self.game = game
    self.logitNoise = logitNoise
    self.perturbation = perturbation
  }

  /// Plays `iterations` iterations.
  ///
  /// - Throws: ``LabError/invalidInput(place:problem:)`` for negative iterations or malformed counts.
  public func run(
    iterations: Int, initialCounts: (row: [Double], column: [Double])? = nil, random: Random
  ) throws
    -> LearningPath
  {
    let (rows, columns) = game.shape
    var (r, c) = try checkedCounts(initialCounts, rows: rows, columns: columns, iterations: iterations)
    var path = ([r], [c])
    path.0.reserveCapacity(iterations + 1)
    path.1.reserveCapacity(iterations + 1)
    for _ in 0..<iterations {
      let rowChoice = choiceProbabilities(game.rowPayoffs(against: LearningPath.normalised(c)), random: random)
      let columnChoice = choiceProbabilities(game.columnPayoffs(against: LearningPath.normalised(r)), random: random)
      r[StochasticFictitiousPlay.sample(rowChoice, random: random)] += 1
      c[StochasticFictitiousPlay.sample(columnChoice, random: random)] += 1
      path.0.append(r)
      path.1.append(c)
    }
    return LearningPath(rowCounts: path.0, columnCounts: path.1)
  }

  /// The logit probabilities of the perturbed payoffs (draws one perturbation per action).
  func choiceProbabilities(_ payoffs: [Double], random: Random) -> [Double] {
    let perturbed = payoffs.map { $0 + random.uniform() * perturbation }
    let top = perturbed.max()!
    let weights = perturbed.map { exp(($0 - top) / logitNoise) }
    let total = weights.reduce(0, +)
    return weights.map { $0 / total }
  }

  /// The index i with P(i) = p[i], by inversion of one uniform draw.
  static func sample(_ probabilities: [Double], random: Random) -> Int {
    let u = random.uniform()
    var cumulative = 0.0
    for (i, p) in probabilities.enumerated() {
      cumulative += p
      if u < cumulative { return i }
    }
    return probabilities.lastIndex(where: { $0 > 0 }) ?? probabilities.count - 1
  }
}
