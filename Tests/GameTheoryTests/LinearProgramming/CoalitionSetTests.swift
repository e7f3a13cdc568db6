import LabKit
import Testing

@testable import GameTheory

@Suite struct CoalitionSetTests {
  /// "Coordination with a swapper". Players 0 and 1 choose A or B; player 2 (payoff 0) chooses L or R.
  /// Mismatched actions pay (0, 0). Matched actions pay (2, 1) or (1, 2):
  ///
  ///     L:  AA → (2, 1)   BB → (1, 2)         R:  AA → (1, 2)   BB → (2, 1)
  ///
  /// Worked by hand for the coalition C = {0, 1} (x is its correlated strategy):
  /// - U_C: against L the guarantees are g₀ = 2x_AA + x_BB and g₁ = x_AA + 2x_BB; against R they swap,
  ///   so g₀ = g₁ = min(2x_AA + x_BB, x_AA + 2x_BB) ≤ 1.5(x_AA + x_BB) ≤ 1.5, with equality only at
  ///   x = ½AA + ½BB. So (1.5, 1.5) ∈ U_C, uniquely by that strategy; the largest uniform guarantee is
  ///   1.5 and the frontier point for weights (1, 1) has value 3.
  /// - It takes correlation: independent mixtures p, q of A give at most 1 to both (at p = q = 1, or
  ///   p = q = 0), because pq + (1−p)(1−q) < 1 unless p = q ∈ {0, 1}.
  /// - U′_C: player 2 sees the realised profile and answers AA with R against player 0 and with L
  ///   against player 1: w(AA) = w(BB) = (1, 1), w(AB) = w(BA) = (0, 0). The largest uniform
  ///   guarantee is 1, and (1.5, 1.5) ∉ U′_C ⊊ U_C.
  /// - With player 2 committed to ½L + ½R, the coalition may correlate with player 2's (known)
  ///   randomisation: x = ½(AA, L) + ½(BB, R) gives player 0 exactly 2 (it is always the favoured
  ///   one), the most possible; weights (1, 1) give 3 and the uniform guarantee is 1.5.
  static let swapper = NormalFormGame(actions: [["A", "B"], ["A", "B"], ["L", "R"]]) { profile in
    guard profile[0] == profile[1] else { return [0, 0, 0] }
    return profile[0] == profile[2] ? [2, 1, 0] : [1, 2, 0]
  }

  @Test func independentOutsidersNeedCorrelationToReachTheBoundary() throws {
    let set = try CoalitionSet(game: Self.swapper, coalition: [1, 0], outsiders: .independent)
    #expect(set.members == [0, 1] && set.outsiderPlayers == [2] && set.strategyPlayers == [0, 1])
    #expect(set.strategyProfiles == [[0, 0], [0, 1], [1, 0], [1, 1]])
    let member = try #require(try set.contains([1.5, 1.5], exact: true))
    #expect(member.strategy.probabilities == [0.5, 0, 0, 0.5])
    #expect(member.guarantees == [1.5, 1.5])
    // On the boundary, a hair outside is outside when decided exactly.
    #expect(try set.contains([1.5 + 1e-9, 1.5], exact: true) == nil)
    #expect(try set.contains([1.5, 1.5 + 1e-9], exact: true) == nil)
    #expect(try set.contains([1.6, 1.0]) == nil)

    let uniform = try set.largestUniformGuarantee(above: [0, 0], exact: true)
    #expect(uniform.value == 1.5 && uniform.guarantees == [1.5, 1.5])
    #expect(try set.largestUniformGuarantee(above: [1, 2], exact: true).value == -0.5)
    let frontier = try set.frontierPoint(weights: [1, 1], exact: true)
    #expect(frontier.value == 3 && frontier.guarantees == [1.5, 1.5])
    #expect(try set.bestGuarantee(for: 0, exact: true)?.value == 1.5)
    #expect(try set.bestGuarantee(for: 0, floors: [1: 1.5], exact: true)?.value == 1.5)
    // g₀ = g₁ for every x here, so a floor of 1.6 for player 1 cannot be met.
    #expect(try set.bestGuarantee(for: 0, floors: [1: 1.6], exact: true) == nil)

    // Without correlation: the best uniform guarantee over a grid of independent mixtures is 1.
    var best = -Double.infinity
    for i in 0...200 {
      for j in 0...200 {
        let (p, q) = (Double(i) / 200, Double(j) / 200)
        let x = [p * q, p * (1 - q), (1 - p) * q, (1 - p) * (1 - q)]
        best = max(best, set.guarantees(x).min()!)
      }
    }
    #expect(abs(best - 1) < 1e-12)
  }

  @Test func synchronisedOutsidersAnswerEachRealisedProfile() throws {
    let set = try CoalitionSet(game: Self.swapper, coalition: [0, 1], outsiders: .synchronised)
    #expect(try set.largestUniformGuarantee(above: [0, 0], exact: true).value == 1)
    #expect(try set.contains([1.5, 1.5], exact: true) == nil)
    #expect(try set.contains([1, 1], exact: true) != nil)
    #expect(try set.frontierPoint(weights: [1, 1], exact: true).value == 2)
    #expect(try set.bestGuarantee(for: 1, exact: true)?.value == 1)
    #expect(set.guarantees([0.5, 0, 0, 0.5]) == [1, 1])
  }

  @Test func committedPlayersCanBeCorrelatedWith() throws {
    let half = try CorrelatedStrategy(players: [2], profiles: [[0], [1]], probabilities: [0.5, 0.5])
    for outsiders in [CoalitionSet.Outsiders.independent, .synchronised] {
      let set = try CoalitionSet(game: Self.swapper, coalition: [0, 1], outsiders: outsiders, committed: half)
      #expect(set.strategyPlayers == [0, 1, 2] && set.outsiderPlayers.isEmpty)
      let best = try #require(try set.bestGuarantee(for: 0, exact: true))
      #expect(best.value == 2 && best.guarantees[0] == 2)
      #expect(best.strategy.probability(of: [0, 0, 0]) == 0.5 && best.strategy.probability(of: [1, 1, 1]) == 0.5)
      #expect(try best.strategy.marginal(on: [2]).probabilities == [0.5, 0.5])
      #expect(try set.frontierPoint(weights: [1, 1], exact: true).value == 3)
      #expect(try set.largestUniformGuarantee(above: [0, 0], exact: true).value == 1.5)
    }
    // Committed to L for sure: only L-profiles are strategy profiles.
    let left = try CorrelatedStrategy.pure(players: [2], profile: [0])
    let set = try CoalitionSet(game: Self.swapper, coalition: [0, 1], outsiders: .independent, committed: left)
    #expect(set.strategyProfiles == [[0, 0, 0], [0, 1, 0], [1, 0, 0], [1, 1, 0]])
    #expect(try set.bestGuarantee(for: 1, exact: true)?.value == 2)
    #expect(try set.frontierPoint(weights: [1, 0], exact: true).guarantees == [2, 1])
  }

  /// For one player without commitments, U_C's best guarantee is the mixed maxmin and U′_C's is the
  /// pure maxmin (exactly, with the rational simplex), on every fixture game.
  @Test func singletonCoalitionsAreSecurityLevels() throws {
    for entry in try LPTestSupport.randomBimatrixGames() {
      for player in 0..<2 {
        let mixed = try CoalitionSet(game: entry.game, coalition: [player], outsiders: .independent)
        #expect(try mixed.bestGuarantee(for: player, exact: true)?.value == entry.game.maxmin(player, exact: true).value)
        let pure = try CoalitionSet(game: entry.game, coalition: [player], outsiders: .synchronised)
        #expect(try pure.bestGuarantee(for: player, exact: true)?.value == entry.game.pureMaxmin(player).value)
      }
    }
  }

  /// U′_C ⊆ U_C, and every answer is a distribution with the right marginal achieving what it claims,
  /// on random 3-player games (every coalition) and 4-player games (coalition {0, 1} after player 2
  /// committed to a random distribution, player 3 outside).
  @Test func synchronisedSetIsInsideIndependentSet() throws {
    var generator = LPTestSupport.SplitMix(seed: 99)
    var cases: [(NormalFormGame, [Int], CorrelatedStrategy?)] = []
    for _ in 0..<15 {
      let game = LPTestSupport.randomGame(players: 3, using: &generator)
      for coalition in [[0], [1], [2], [0, 1], [0, 2], [1, 2], [0, 1, 2]] { cases.append((game, coalition, nil)) }
    }
    for _ in 0..<15 {
      let game = LPTestSupport.randomGame(players: 4, using: &generator)
      let weights = game.actions[2].indices.map { _ in Double(Int.random(in: 0...4, using: &generator)) + 0.5 }
      let alpha = try CorrelatedStrategy(
        players: [2], profiles: game.actions[2].indices.map { [$0] },
        probabilities: weights.map { $0 / weights.reduce(0, +) })
      cases.append((game, [0, 1], alpha))
    }
    for (game, coalition, alpha) in cases {
      let independent = try CoalitionSet(game: game, coalition: coalition, outsiders: .independent, committed: alpha)
      let synchronised = try CoalitionSet(game: game, coalition: coalition, outsiders: .synchronised, committed: alpha)
      for _ in 0..<3 {
        let weights = coalition.map { _ in Double(Int.random(in: 1...5, using: &generator)) }
        let demand = coalition.map { _ in Double(Int.random(in: 0...9, using: &generator)) }
        for set in [independent, synchronised] {
          for answer in [try set.frontierPoint(weights: weights), try set.largestUniformGuarantee(above: demand)] {
            #expect(LPTestSupport.isDistribution(answer.strategy.probabilities))
            if let alpha {
              let marginal = try answer.strategy.marginal(on: [2])
              #expect(zip(marginal.probabilities, alpha.probabilities).allSatisfy { abs($0 - $1) < 1e-9 })
            }
          }
          let frontier = try set.frontierPoint(weights: weights)
          #expect(abs(zip(weights, frontier.guarantees).reduce(0) { $0 + $1.0 * $1.1 } - frontier.value) < 1e-9)
          let uniform = try set.largestUniformGuarantee(above: demand)
          #expect(zip(uniform.guarantees, demand).allSatisfy { $0 >= $1 + uniform.value - 1e-9 })
        }
        // A frontier point of U′ is a member of U; U′'s uniform guarantee never beats U's.
        let inner = try synchronised.frontierPoint(weights: weights)
        #expect(try independent.largestUniformGuarantee(above: inner.guarantees).value >= -1e-9)
        #expect(try independent.contains(inner.guarantees.map { $0 - 1e-9 }) != nil)
        #expect(
          try synchronised.largestUniformGuarantee(above: demand).value
            <= independent.largestUniformGuarantee(above: demand).value + 1e-9)
      }
    }
  }

  @Test func badCoalitionQuestionsAreErrors() throws {
    let game = Self.swapper
    #expect(throws: LabError.self) { try CoalitionSet(game: game, coalition: [], outsiders: .independent) }
    #expect(throws: LabError.self) { try CoalitionSet(game: game, coalition: [0, 0], outsiders: .independent) }
    #expect(throws: LabError.self) { try CoalitionSet(game: game, coalition: [3], outsiders: .independent) }
    let onZero = try CorrelatedStrategy.pure(players: [0], profile: [1])
    #expect(throws: LabError.self) { try CoalitionSet(game: game, coalition: [0, 1], outsiders: .independent, committed: onZero) }
    let badAction = try CorrelatedStrategy.pure(players: [2], profile: [2])
    #expect(throws: LabError.self) { try CoalitionSet(game: game, coalition: [0], outsiders: .independent, committed: badAction) }
    let set = try CoalitionSet(game: game, coalition: [0, 1], outsiders: .independent)
    #expect(throws: LabError.self) { try set.contains([1]) }
    #expect(throws: LabError.self) { try set.contains([1, .nan]) }
    #expect(throws: LabError.self) { try set.frontierPoint(weights: [0, 0]) }
    #expect(throws: LabError.self) { try set.frontierPoint(weights: [1, -1]) }
    #expect(throws: LabError.self) { try set.bestGuarantee(for: 2) }
    #expect(throws: LabError.self) { try set.bestGuarantee(for: 0, floors: [2: 1]) }
  }

  @Test func jointStrategies() throws {
    // Players are sorted, with the profile columns.
    let strategy = try CorrelatedStrategy(players: [2, 0], profiles: [[1, 0], [0, 1]], probabilities: [0.25, 0.75])
    #expect(strategy.players == [0, 2] && strategy.profiles == [[0, 1], [1, 0]])
    #expect(strategy.probability(of: [1, 0]) == 0.75 && strategy.probability(of: [1, 1]) == 0)
    #expect(try strategy.marginal(on: [2]).profiles == [[1], [0]])
    let cycle = try CorrelatedStrategy.empirical(players: [1, 2], sequence: [[0, 1], [1, 1], [0, 1], [0, 0]])
    #expect(cycle.profiles == [[0, 1], [1, 1], [0, 0]] && cycle.probabilities == [0.5, 0.25, 0.25])
    #expect(cycle.support.count == 3)
    #expect(throws: LabError.self) { try CorrelatedStrategy(players: [0], profiles: [[0], [0]], probabilities: [0.5, 0.5]) }
    #expect(throws: LabError.self) { try CorrelatedStrategy(players: [0], profiles: [[0]], probabilities: [0.9]) }
    #expect(throws: LabError.self) { try CorrelatedStrategy(players: [0, 0], profiles: [[0, 0]], probabilities: [1]) }
    #expect(throws: LabError.self) { try CorrelatedStrategy(players: [0], profiles: [[0, 1]], probabilities: [1]) }
    #expect(throws: LabError.self) { try strategy.marginal(on: [1]) }
  }
}
