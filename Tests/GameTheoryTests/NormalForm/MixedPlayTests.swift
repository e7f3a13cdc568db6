import LabKit
import Testing

@testable import GameTheory

/// Mixed and correlated strategies, expected payoffs, best responses and the Nash test.
@Suite struct MixedPlayTests {
  static func mixed(_ values: [Double]) -> MixedStrategy { try! MixedStrategy(values) }

  @Test func mixedStrategiesAreValidated() {
    #expect(throws: LabError.invalidInput(place: "mixed strategy", problem: "no probabilities given")) { try MixedStrategy([]) }
    #expect(throws: LabError.invalidInput(place: "mixed strategy (0.5, 0.6, -0.1)", problem: "the probability of action 2 is -0.1, below 0")) {
      try MixedStrategy([0.5, 0.6, -0.1])
    }
    #expect(throws: LabError.invalidInput(place: "mixed strategy (nan, 1)", problem: "the probability of action 0 is nan, not a finite number")) {
      try MixedStrategy([.nan, 1])
    }
    #expect(throws: LabError.invalidInput(place: "mixed strategy (0.5, 0.4)", problem: "the probabilities sum to 0.9, not 1 (tolerance 1e-09)")) {
      try MixedStrategy([0.5, 0.4])
    }
    #expect(throws: Never.self) { try MixedStrategy([0.1, 0.2, 0.7]) }  // sums to 1 within 1e-9
    #expect(throws: Never.self) { try MixedStrategy([0.5, 0.4], tolerance: 0.2) }
  }

  @Test func mixedStrategyAccessors() {
    let strategy = Self.mixed([0.25, 0, 0.75])
    #expect(strategy.count == 3 && strategy[2] == 0.75)
    #expect(strategy.support == [0, 2] && strategy.support(tolerance: 0.3) == [2])
    #expect(strategy.pureAction == nil && MixedStrategy.pure(1, count: 3).pureAction == 1)
    #expect(MixedStrategy.uniform(count: 4).probabilities == [0.25, 0.25, 0.25, 0.25])
    #expect(strategy.description == "(0.25, 0, 0.75)")
    let random = Random(seed: 5)
    var counts = [0, 0, 0]
    for _ in 0..<4000 { counts[strategy.sample(using: random)] += 1 }
    #expect(counts[1] == 0 && abs(Double(counts[0]) / 4000 - 0.25) < 0.03)
  }

  @Test func correlatedStrategiesAreValidatedAndSorted() throws {
    let strategy = try CorrelatedStrategy(players: [2, 0], profiles: [[1, 0], [0, 1]], probabilities: [0.25, 0.75])
    #expect(strategy.players == [0, 2])
    #expect(strategy.profiles == [[0, 1], [1, 0]])
    #expect(strategy.probability(of: [1, 0]) == 0.75 && strategy.probability(of: [1, 1]) == 0)
    #expect(strategy.marginal(of: 2, actionCount: 2).probabilities == [0.75, 0.25])
    #expect(strategy.description == "players [0, 2]: [0, 1] 0.25, [1, 0] 0.75")
    #expect(throws: LabError.self) { try CorrelatedStrategy(players: [0, 0], profiles: [[0, 0]], probabilities: [1]) }
    #expect(throws: LabError.self) { try CorrelatedStrategy(players: [0, 1], profiles: [[0]], probabilities: [1]) }
    #expect(throws: LabError.self) { try CorrelatedStrategy(players: [0], profiles: [[0], [0]], probabilities: [0.5, 0.5]) }
    #expect(throws: LabError.self) { try CorrelatedStrategy(players: [0], profiles: [[0], [1]], probabilities: [0.5, 0.6]) }
    #expect(throws: LabError.self) { try CorrelatedStrategy(players: [0], profiles: [[-1]], probabilities: [1]) }
    #expect(throws: LabError.self) { try CorrelatedStrategy(players: [0], profiles: [[0]], probabilities: [1, 0]) }
  }

  @Test func productOfMixedStrategies() {
    let product = CorrelatedStrategy.product([Self.mixed([0.5, 0.5]), Self.mixed([0, 1, 0])], players: [3, 1])
    #expect(product.players == [1, 3])
    #expect(product.profiles == [[1, 0], [1, 1]] && product.probabilities == [0.5, 0.5])
  }

  @Test func expectedPayoffsOfMixedProfiles() {
    let game = NormalFormGame.prisonersDilemma(reward: 3, sucker: 0, temptation: 5, punishment: 1)
    let payoffs = game.expectedPayoffs([Self.mixed([0.5, 0.5]), Self.mixed([0.25, 0.75])])
    // Row: 0.5·(0.25·3 + 0.75·0) + 0.5·(0.25·5 + 0.75·1) = 0.375 + 1 = 1.375.
    #expect(payoffs[0] == 1.375)
    #expect(game.expectedPayoff(1, [.pure(1, count: 2), .pure(0, count: 2)]) == 0)
    #expect(game.actionPayoffs(0, against: [.uniform(count: 2), Self.mixed([0.25, 0.75])]) == [0.75, 2])
    #expect(game.pureBestResponses(0, to: [.uniform(count: 2), Self.mixed([0.25, 0.75])]) == [1])
  }

  /// Expected payoffs are multilinear: linear in each player's strategy, the others fixed; and they
  /// match a brute-force sum over all profiles. Spot checks on random 3-player games.
  @Test(arguments: 0..<20)
  func expectedPayoffsAreMultilinear(seed: Int) {
    let random = Random(master: 7, stream: "GameTheory.MixedPlayTests", replicate: seed)
    let counts = (0..<3).map { _ in random.integer(in: 1...4) }
    let game = NormalFormGame.random(actionCounts: counts, payoffs: -1..<1, using: random)
    func randomStrategy(_ count: Int) -> MixedStrategy {
      let weights = (0..<count).map { _ in random.uniform() }
      let total = weights.reduce(0, +)
      return MixedStrategy(unchecked: weights.map { $0 / total })
    }
    let profile = counts.map(randomStrategy)
    // Brute force.
    var brute = [0.0, 0.0, 0.0]
    for pure in game.profiles {
      let probability = pure.enumerated().reduce(1.0) { $0 * profile[$1.offset][$1.element] }
      for player in 0..<3 { brute[player] += probability * game.payoff(player, pure) }
    }
    let payoffs = game.expectedPayoffs(profile)
    #expect(zip(payoffs, brute).allSatisfy { abs($0 - $1) < 1e-12 })
    // Linearity in player k's strategy.
    let k = seed % 3
    let (s, t, w) = (randomStrategy(counts[k]), randomStrategy(counts[k]), random.uniform())
    let mix = MixedStrategy(unchecked: zip(s.probabilities, t.probabilities).map { w * $0 + (1 - w) * $1 })
    func with(_ strategy: MixedStrategy) -> [MixedStrategy] {
      var changed = profile
      changed[k] = strategy
      return changed
    }
    let left = game.expectedPayoffs(with(mix))
    let right = zip(game.expectedPayoffs(with(s)), game.expectedPayoffs(with(t))).map { w * $0 + (1 - w) * $1 }
    #expect(zip(left, right).allSatisfy { abs($0 - $1) < 1e-12 })
    // The expected payoff of player k is the mixture of its action payoffs.
    let actionPayoffs = game.actionPayoffs(k, against: profile)
    let viaActions = zip(actionPayoffs, profile[k].probabilities).reduce(0) { $0 + $1.0 * $1.1 }
    #expect(abs(viaActions - payoffs[k]) < 1e-12)
    // The product correlated strategy gives the same payoffs; so does covering one player independently.
    #expect(zip(game.expectedPayoffs(CorrelatedStrategy.product(profile)), payoffs).allSatisfy { abs($0 - $1) < 1e-12 })
    let partial = CorrelatedStrategy.product([profile[0], profile[2]], players: [0, 2])
    #expect(zip(game.expectedPayoffs(partial, independent: [1: profile[1]]), payoffs).allSatisfy { abs($0 - $1) < 1e-12 })
  }

  @Test func correlatedPlayAndBestResponses() throws {
    let game = NormalFormGame.chicken()
    // The classic correlated equilibrium of chicken: (swerve, swerve), (swerve, straight), (straight, swerve) equally likely.
    let device = try CorrelatedStrategy(players: [0, 1], profiles: [[0, 0], [0, 1], [1, 0]], probabilities: [1.0 / 3, 1.0 / 3, 1.0 / 3])
    let payoffs = game.expectedPayoffs(device)
    #expect(abs(payoffs[0] - 0) < 1e-12 && abs(payoffs[1] - 0) < 1e-12)
    // Player 1 told "swerve" believes player 0 plays swerve/straight half-half.
    let told = try CorrelatedStrategy(players: [0], profiles: [[0], [1]], probabilities: [0.5, 0.5])
    #expect(game.actionPayoffs(1, against: told) == [-0.5, -4.5])
    #expect(game.pureBestResponses(1, to: told) == [0])
  }

  @Test func nashTestUsesPureDeviations() {
    let pennies = NormalFormGame.matchingPennies()
    #expect(pennies.isNashEquilibrium([.uniform(count: 2), .uniform(count: 2)]))
    #expect(!pennies.isNashEquilibrium([Self.mixed([0.6, 0.4]), .uniform(count: 2)]))
    #expect(pennies.deviationGains([Self.mixed([0.6, 0.4]), .uniform(count: 2)]).map { ($0 * 1e12).rounded() / 1e12 } == [0, 0.2])
    // Within tolerance.
    #expect(pennies.isNashEquilibrium([Self.mixed([0.5 + 1e-11, 0.5 - 1e-11]), .uniform(count: 2)]))
    #expect(!pennies.isNashEquilibrium([Self.mixed([0.5 + 1e-6, 0.5 - 1e-6]), .uniform(count: 2)], tolerance: 1e-9))
    let coordination = NormalFormGame.coordination(playerCount: 3)
    #expect(coordination.isNashEquilibrium([.pure(0, count: 2), .pure(0, count: 2), .pure(0, count: 2)]))
    #expect(!coordination.isNashEquilibrium([.pure(0, count: 2), .pure(0, count: 2), .pure(1, count: 2)]))
    #expect(coordination.pureBestResponses(2, to: [.pure(0, count: 2), .pure(1, count: 2), .uniform(count: 2)]) == [0, 1])
  }
}
