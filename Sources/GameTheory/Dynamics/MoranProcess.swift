import Foundation
import LabKit

/// The frequency-dependent Moran process of a finite population (Moran 1958; Nowak, Sasaki, Taylor
/// and Fudenberg 2004, *Nature* 428; Taylor, Fudenberg, Sasaki and Nowak 2004; Nowak 2006,
/// *Evolutionary Dynamics*, ch. 6 and 7).
///
/// N individuals, each of one of k types, interact with every other individual once: an individual
/// of type t receives `payoffs[t][s]` from each interaction with one of type s. Each step, one
/// individual is chosen to reproduce with probability proportional to its fitness, and one
/// individual, chosen uniformly at random among all N (the reproducing one included), is replaced by
/// the offspring, of the parent's type. The process stops when one type has taken over.
///
/// Fitness (``Fitness``) is either the total payoff from the N − 1 interactions (axelrod's
/// `MoranProcess`, whose players' fitness is their total score in a round robin of matches without
/// self-play, birth proportional to it and death uniform among all players), or
/// 1 − w + w π with π the mean payoff and w the intensity of selection (Nowak et al. 2004).
///
/// The state is the count of each type, and the simulation moves the counts: each step draws one
/// uniform for the parent's type and one for the dead individual's type.
///
/// **Two types.** With i individuals of type A, fitnesses fᵢ (A) and gᵢ (B), the chain moves up with
/// probability (i fᵢ / (i fᵢ + (N − i) gᵢ)) (N − i)/N and down with ((N − i) gᵢ / (…)) i/N, so
/// their ratio is γᵢ = gᵢ / fᵢ and the probability that i individuals of A take over is
///
///     xᵢ = (1 + Σ_{k=1}^{i−1} Π_{j=1}^{k} γⱼ) / (1 + Σ_{k=1}^{N−1} Π_{j=1}^{k} γⱼ)
///
/// (Karlin and Taylor 1975; Nowak 2006, ch. 6; for one mutant ρ = x₁; constant fitness r gives
/// (1 − 1/r^i) / (1 − 1/r^N)). ``fixationProbability(of:initialCount:)`` computes it.
public struct MoranProcess: Sendable {
  /// How payoffs become fitness.
  public enum Fitness: Sendable, Equatable {
    /// The total payoff from the N − 1 interactions (axelrod's `MoranProcess`).
    case totalPayoff
    /// 1 − w + w · (mean payoff over the N − 1 interactions), w in [0, 1] (Nowak et al. 2004).
    case selectionIntensity(Double)
  }

  /// `payoffs[t][s]`: what an individual of type t receives from one interaction with one of type s.
  public let payoffs: [[Double]]
  /// The population size N ≥ 2.
  public let populationSize: Int
  /// How payoffs become fitness.
  public let fitness: Fitness

  /// - Throws: ``LabError/invalidInput(place:problem:)`` for a matrix that is not square and finite
  ///   (``Bimatrix``), N < 2, w outside [0, 1], or a fitness that is negative or, for a whole
  ///   population, zero in some composition (naming the composition).
  public init(payoffs: [[Double]], populationSize: Int, fitness: Fitness = .totalPayoff) throws {
    _ = try Bimatrix(symmetric: payoffs)
    guard populationSize >= 2 else {
      throw LabError.invalidInput(place: "Moran process", problem: "the population size must be at least 2, got \(populationSize)")
    }
    if case .selectionIntensity(let w) = fitness, !(w >= 0 && w <= 1) {
      throw LabError.invalidInput(place: "Moran process", problem: "the intensity of selection w must be in [0, 1], got \(w)")
    }
    self.payoffs = payoffs
    self.populationSize = populationSize
    self.fitness = fitness
    try checkFitness()
  }

  /// The number of types.
  public var typeCount: Int { payoffs.count }

  /// The fitness of one individual of type `type` when the counts are `counts` (which include it).
  public func fitness(of type: Int, counts: [Int]) -> Double {
    var total = 0.0
    for (other, count) in counts.enumerated() {
      let partners = other == type ? count - 1 : count
      total += Double(partners) * payoffs[type][other]
    }
    switch fitness {
    case .totalPayoff: return total
    case .selectionIntensity(let w): return 1 - w + w * total / Double(populationSize - 1)
    }
  }

  /// Every individual's fitness is non-negative in every composition of two types, and their total
  /// positive (for more types, checked pairwise: the payoffs enter linearly, so the extremes of
  /// fitness over compositions are reached with two types present).
  private func checkFitness() throws {
    let n = populationSize
    for a in 0..<typeCount {
      for b in 0..<typeCount where b != a {
        for i in 1...n {
          var counts = [Int](repeating: 0, count: typeCount)
          (counts[a], counts[b]) = (i, n - i)
          let fa = fitness(of: a, counts: counts)
          let fb = i < n ? fitness(of: b, counts: counts) : 0
          guard fa >= 0, fb >= 0, Double(i) * fa + Double(n - i) * fb > 0 else {
            throw LabError.invalidInput(
              place: "Moran process",
              problem:
                "with \(i) of type \(a + 1) and \(n - i) of type \(b + 1) the fitness is \(fa) and \(fb); it must be non-negative with a positive total"
            )
          }
        }
      }
    }
  }
}

extension MoranProcess {
  /// The probability that `initialCount` individuals of type `type` take over a population whose
  /// other N − `initialCount` individuals are all of type `resident` (the two-type formula above).
  ///
  /// - Throws: ``LabError/invalidInput(place:problem:)`` for a type out of range, equal types, or a
  ///   count outside 0…N.
  public func fixationProbability(of type: Int, against resident: Int, initialCount: Int = 1) throws -> Double {
    guard (0..<typeCount).contains(type), (0..<typeCount).contains(resident), type != resident else {
      throw LabError.invalidInput(place: "fixation probability", problem: "two different types among 1...\(typeCount) are needed")
    }
    guard (0...populationSize).contains(initialCount) else {
      throw LabError.invalidInput(place: "fixation probability", problem: "initial count \(initialCount) is not in 0...\(populationSize)")
    }
    if initialCount == 0 { return 0 }
    if initialCount == populationSize { return 1 }
    // log Π_{j ≤ k} γⱼ for k = 0 … N − 1, restarted after the last state J whose mutants cannot
    // reproduce (fⱼ = 0: the chain never climbs past J, so xᵢ = 0 for i ≤ J); sums in log space, so
    // that neither overflow nor 0 · ∞ occurs.
    var logProducts: [Double] = [0]
    var floor = 0
    for k in 1..<populationSize {
      var counts = [Int](repeating: 0, count: typeCount)
      (counts[type], counts[resident]) = (k, populationSize - k)
      let (f, g) = (fitness(of: type, counts: counts), fitness(of: resident, counts: counts))
      if f == 0 {
        floor = k
        logProducts.append(0)
      } else {
        logProducts.append(logProducts[k - 1] + log(g / f))
      }
    }
    guard initialCount > floor else { return 0 }
    let numerator = MoranProcess.logSumExp(logProducts[floor..<initialCount])
    let denominator = MoranProcess.logSumExp(logProducts[floor..<populationSize])
    return exp(numerator - denominator)
  }

  /// log Σ exp(vᵢ), computed stably.
  static func logSumExp(_ values: ArraySlice<Double>) -> Double {
    let top = values.max()!
    guard top.isFinite else { return top }
    return top + log(values.reduce(0) { $0 + exp($1 - top) })
  }

  /// Runs the process from `counts` until one type has taken over, or `maximumSteps` steps have
  /// passed; returns the winning type (nil if none has won by then) and the number of steps.
  ///
  /// - Throws: ``LabError/invalidInput(place:problem:)`` unless `counts` has one non-negative count per
  ///   type summing to N.
  public func run(from counts: [Int], random: Random, maximumSteps: Int = 100_000_000) throws -> (winner: Int?, steps: Int) {
    try checkCounts(counts)
    var state = counts
    var fitnesses = [Double](repeating: 0, count: typeCount)
    var steps = 0
    while steps < maximumSteps, !state.contains(populationSize) {
      var total = 0.0
      for t in 0..<typeCount {
        fitnesses[t] = state[t] == 0 ? 0 : Double(state[t]) * fitness(of: t, counts: state)
        total += fitnesses[t]
      }
      let parent = MoranProcess.pick(fitnesses, total: total, u: random.uniform())
      let dead = MoranProcess.pickIndividual(state, u: random.uniform())
      state[dead] -= 1
      state[parent] += 1
      steps += 1
    }
    return (state.firstIndex(of: populationSize), steps)
  }

  /// How many of `runs` runs from `counts` each type won, from the random stream
  /// `Random(master: seed, stream: "game.moran", replicate: run)` of each run.
  public func fixationCounts(from counts: [Int], runs: Int, seed: UInt64) throws -> [Int] {
    guard runs >= 1 else { throw LabError.invalidInput(place: "Moran process", problem: "runs must be at least 1, got \(runs)") }
    try checkCounts(counts)
    var wins = [Int](repeating: 0, count: typeCount)
    for run in 0..<runs {
      let random = Random(master: seed, stream: "game.moran", replicate: run)
      if let winner = try self.run(from: counts, random: random).winner { wins[winner] += 1 }
    }
    return wins
  }

  private func checkCounts(_ counts: [Int]) throws {
    guard counts.count == typeCount, counts.allSatisfy({ $0 >= 0 }), counts.reduce(0, +) == populationSize else {
      throw LabError.invalidInput(
        place: "Moran process", problem: "the counts \(counts) must give one non-negative count per type (\(typeCount)) summing to \(populationSize)")
    }
  }

  /// The index whose weight's cumulative sum first exceeds u · total.
  private static func pick(_ weights: [Double], total: Double, u: Double) -> Int {
    let target = u * total
    var cumulative = 0.0
    for (i, w) in weights.enumerated() where w > 0 {
      cumulative += w
      if target < cumulative { return i }
    }
    return weights.lastIndex(where: { $0 > 0 })!
  }

  /// The type of an individual chosen uniformly at random.
  private static func pickIndividual(_ counts: [Int], u: Double) -> Int {
    pick(counts.map(Double.init), total: Double(counts.reduce(0, +)), u: u)
  }
}
