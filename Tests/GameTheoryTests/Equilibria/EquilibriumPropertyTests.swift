import LabKit
import Testing

@testable import GameTheory

/// Properties of the equilibrium enumeration on random games from the seeded generator.
@Suite struct EquilibriumPropertyTests {
  /// Real-valued uniform payoffs: nondegenerate with probability 1. Every reported equilibrium has no
  /// profitable pure deviation; the pure equilibria are among them; their number is odd; vertex
  /// enumeration agrees; every equilibrium is a singleton maximal Nash subset.
  @Test(arguments: 0..<40)
  func realValuedRandomGames(seed: Int) {
    let random = Random(master: 20240322, stream: "GameTheory.EquilibriumPropertyTests", replicate: seed)
    let counts = [random.integer(in: 1...6), random.integer(in: 1...6)]
    let game = NormalFormGame.random(actionCounts: counts, payoffs: -10..<10, using: random)
    let result = game.supportEnumeration()
    #expect(result.isComplete, "\(counts): \(result)")
    let equilibria = result.equilibria
    #expect(equilibria.count % 2 == 1)
    for equilibrium in equilibria {
      #expect(game.isNashEquilibrium(equilibrium.strategies, tolerance: 1e-9), "\(equilibrium)")
      #expect(game.deviationGains(equilibrium.strategies).max()! <= 1e-9)
      #expect(equilibrium.strategies[0].support.count == equilibrium.strategies[1].support.count)
      let payoffs = game.expectedPayoffs(equilibrium.strategies)
      #expect(zip(payoffs, equilibrium.payoffs).allSatisfy { abs($0 - $1) <= 1e-12 })
    }
    for pure in game.pureNashEquilibria() {
      #expect(equilibria.contains { $0.strategies.map(\.pureAction) == pure.map { Optional($0) } }, "\(pure)")
    }
    #expect(NashTestSupport.sameSet(NashTestSupport.strategyPairs(game.extremeEquilibria()), NashTestSupport.strategyPairs(equilibria)))
    #expect(game.maximalNashSubsets().count == equilibria.count)
  }

  /// Small integer payoffs make ties, hence degenerate games, common. Whatever the verdict, every
  /// listed equilibrium is one, the pure equilibria are listed, and every convex combination inside a
  /// maximal Nash subset is an equilibrium too.
  @Test(arguments: 0..<60)
  func smallIntegerRandomGames(seed: Int) {
    let random = Random(master: 20240322, stream: "GameTheory.EquilibriumPropertyTests.integer", replicate: seed)
    let counts = [random.integer(in: 1...4), random.integer(in: 1...4)]
    let game = NormalFormGame.random(actionCounts: counts, integerPayoffs: 0...3, using: random)
    let result = game.supportEnumeration()
    #expect(!result.equilibria.isEmpty)
    for equilibrium in result.equilibria {
      #expect(game.isNashEquilibrium(equilibrium.strategies), "\(equilibrium) in \(game.payoffVectors)")
    }
    for pure in game.pureNashEquilibria() {
      #expect(result.equilibria.contains { $0.strategies.map(\.pureAction) == pure.map { Optional($0) } }, "\(pure)")
    }
    if result.isComplete {
      #expect(result.equilibria.count % 2 == 1)
    } else {
      let witness = result.degeneracy!
      #expect(witness.bestResponses.count > witness.strategy.support.count)
      let responses = game.pureBestResponses(
        1 - witness.player,
        to: witness.player == 0
          ? [witness.strategy, .uniform(count: counts[1])] : [.uniform(count: counts[0]), witness.strategy])
      #expect(responses == witness.bestResponses)
    }
    for subset in game.maximalNashSubsets() {
      let row = Self.mixture(subset.rowStrategies, random)
      let column = Self.mixture(subset.columnStrategies, random)
      #expect(game.isNashEquilibrium([row, column]), "\(subset)")
    }
  }

  /// A random convex combination of strategies.
  static func mixture(_ strategies: [MixedStrategy], _ random: Random) -> MixedStrategy {
    let weights = strategies.map { _ in random.uniform() + 0.01 }
    let total = weights.reduce(0, +)
    var probabilities = [Double](repeating: 0, count: strategies[0].count)
    for (strategy, weight) in zip(strategies, weights) {
      for action in probabilities.indices { probabilities[action] += weight / total * strategy[action] }
    }
    return MixedStrategy(unchecked: probabilities)
  }

  /// Larger games stay fast: 8×8 has 12 869 support pairs.
  @Test func eightByEight() {
    let game = NormalFormGame.random(actionCounts: [8, 8], payoffs: 0..<1, seed: 8)
    let result = game.supportEnumeration()
    #expect(result.isComplete && result.equilibria.count % 2 == 1)
    #expect(result.equilibria.allSatisfy { game.isNashEquilibrium($0.strategies) })
  }
}
