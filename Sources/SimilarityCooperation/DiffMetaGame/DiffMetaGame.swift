import GameTheory
import LabKit

/// A diff function: for a policy pair, the distribution of the pair of observations (y₁, y₂) the two
/// agents receive (Definition 1: diff : Δ(A₁)^ℝ × Δ(A₂)^ℝ → ℝ², random in the introduction's example).
struct DiffFunction<Policy: DiffPolicy>: Sendable {
  /// A label for reports ("|θ₁ − θ₂| + N, N ~ U[0, 1] per player").
  let name: String
  let observe: @Sendable (Policy, Policy) -> ObservationDistribution

  init(name: String, observe: @escaping @Sendable (Policy, Policy) -> ObservationDistribution) {
    self.name = name
    self.observe = observe
  }
}

/// A class of unilateral deviations against which a profile is checked: for a player and a profile,
/// the policies that player may switch to. A Nash-equilibrium verdict is always relative to a stated
/// class (a grid of thresholds, all constant policies, every policy the diff treats alike, ...).
struct DeviationClass<Policy: DiffPolicy>: Sendable {
  let name: String
  let candidates: @Sendable (_ player: Int, _ profile: (Policy, Policy)) -> [Policy]

  init(name: String, candidates: @escaping @Sendable (_ player: Int, _ profile: (Policy, Policy)) -> [Policy]) {
    self.name = name
    self.candidates = candidates
  }
}

/// The distribution of the pure action pair of a meta-game play: `probabilities[a₁][a₂]`.
struct OutcomeDistribution: Sendable, Equatable {
  let probabilities: [[Double]]

  /// The probability that player `player` plays `action`.
  func marginal(_ player: Int, _ action: Int) -> Double {
    player == 0 ? probabilities[action].reduce(0, +) : probabilities.reduce(0) { $0 + $1[action] }
  }

  /// The expected payoffs in `game`.
  func expectedPayoffs(in game: NormalFormGame) -> [Double] {
    var totals = [0.0, 0.0]
    for (a, row) in probabilities.enumerated() {
      for (b, p) in row.enumerated() where p != 0 {
        totals[0] += p * game.payoff(0, [a, b])
        totals[1] += p * game.payoff(1, [a, b])
      }
    }
    return totals
  }
}

/// A Monte Carlo estimate of a meta game's utilities and of how often each player plays action 0
/// (cooperates, in the prisoner's dilemma).
struct MonteCarloEstimate: Sendable {
  /// Student t intervals of each player's mean payoff.
  let utilities: [ConfidenceInterval]
  /// Wilson intervals of each player's frequency of action 0.
  let firstActionFrequencies: [ConfidenceInterval]
  let samples: Int
}

/// A diff meta game (Definition 1; the notes' formal reading in §2.2): two players each submit a policy
/// ℝ → Δ(Aᵢ); the diff function turns the pair into a random observation pair (y₁, y₂); each agent
/// plays its policy's mixed action at its own observation, independently given (y₁, y₂); the meta-game
/// utility is Vᵢ(π₁, π₂) = E_{(y₁, y₂) ~ diff(π₁, π₂)}[uᵢ(π₁(y₁), π₂(y₂))].
///
/// Utilities are exact for every ``ObservationDistribution`` but ``ObservationDistribution/sampled(_:)``
/// (every policy is a step function, so only the probabilities of intervals of observations matter);
/// Monte Carlo estimates with intervals are available for all.
struct DiffMetaGame<Policy: DiffPolicy>: Sendable {
  let game: NormalFormGame
  let diff: DiffFunction<Policy>

  /// - Throws: ``LabError/invalidInput(place:problem:)`` unless the base game has two players.
  init(game: NormalFormGame, diff: DiffFunction<Policy>) throws {
    guard game.playerCount == 2 else {
      throw LabError.invalidInput(place: "diff meta game", problem: "the base game needs 2 players, not \(game.playerCount)")
    }
    self.game = game
    self.diff = diff
  }

  private func checkPolicies(_ first: StepPolicy, _ second: StepPolicy) throws {
    for (player, policy) in [(0, first), (1, second)] where policy.actionCount != game.actions[player].count {
      throw LabError.invalidInput(
        place: "diff meta game, player \(player + 1)'s policy \(policy)",
        problem: "its actions have \(policy.actionCount) entries for \(game.actions[player].count) base-game actions")
    }
  }

  /// The exact distribution of the action pair when the players submit (π₁, π₂).
  ///
  /// - Throws: ``LabError/invalidInput(place:problem:)`` when the diff is only a sampler, the policies
  ///   do not fit the base game, or the atoms are not a distribution.
  func outcome(_ first: Policy, _ second: Policy) throws -> OutcomeDistribution {
    let (p1, p2) = (first.stepPolicy, second.stepPolicy)
    try checkPolicies(p1, p2)
    let observation = diff.observe(first, second)
    try observation.validate(place: "diff \(diff.name) at (\(p1), \(p2))")
    let (n1, n2) = (game.actions[0].count, game.actions[1].count)
    var joint = [[Double]](repeating: [Double](repeating: 0, count: n2), count: n1)
    func add(_ weight: Double, _ s1: MixedStrategy, _ s2: MixedStrategy) {
      guard weight > 0 else { return }
      for a in 0..<n1 where s1[a] > 0 {
        for b in 0..<n2 where s2[b] > 0 { joint[a][b] += weight * s1[a] * s2[b] }
      }
    }
    switch observation {
    case .atoms(let atoms):
      for atom in atoms { add(atom.probability, p1.action(at: atom.first), p2.action(at: atom.second)) }
    case .independentNoise(let base, let noise):
      let m1 = Self.marginal(p1, base: base.0, noise: noise.0)
      let m2 = Self.marginal(p2, base: base.1, noise: noise.1)
      add(1, m1, m2)
    case .commonNoise(let base, let noise):
      // In noise space player i switches interval at bᵢ − baseᵢ; merge both players' cuts.
      let cuts1 = p1.breakpoints.map { $0 - base.0 }
      let cuts2 = p2.breakpoints.map { $0 - base.1 }
      let cuts = Array(Set(cuts1 + cuts2)).sorted()
      var previous = 0.0
      for upper in cuts + [.infinity] {
        let cumulative = noise.cdf(upper)
        let i1 = cuts1.firstIndex { $0 >= upper } ?? cuts1.count
        let i2 = cuts2.firstIndex { $0 >= upper } ?? cuts2.count
        add(cumulative - previous, p1.actions[i1], p2.actions[i2])
        previous = cumulative
      }
    case .sampled:
      throw LabError.invalidInput(place: "diff \(diff.name)", problem: "the diff is given only as a sampler: use a Monte Carlo estimate")
    }
    return OutcomeDistribution(probabilities: joint)
  }

  /// The mixed action a step policy plays when its observation is base + N: the intervals' actions
  /// weighted by P(base + N ∈ interval).
  static func marginal(_ policy: StepPolicy, base: Double, noise: NoiseDistribution) -> MixedStrategy {
    var probabilities = [Double](repeating: 0, count: policy.actionCount)
    var previous = 0.0
    for (j, action) in policy.actions.enumerated() {
      let cumulative = j < policy.breakpoints.count ? noise.cdf(policy.breakpoints[j] - base) : 1
      let weight = cumulative - previous
      previous = cumulative
      for a in probabilities.indices { probabilities[a] += weight * action[a] }
    }
    let total = probabilities.reduce(0, +)
    return try! MixedStrategy(probabilities.map { max(0, $0) / total }, tolerance: 1e-6)
  }

  /// (V₁, V₂): the exact meta-game utilities.
  func utilities(_ first: Policy, _ second: Policy) throws -> [Double] {
    try outcome(first, second).expectedPayoffs(in: game)
  }

  /// Monte Carlo estimate from `samples` plays: draw (y₁, y₂) from the diff, then each action from the
  /// policy's mixed action at the player's observation, independently.
  func simulate(
    _ first: Policy, _ second: Policy, samples: Int, random: Random, level: Double = 0.99
  ) throws
    -> MonteCarloEstimate
  {
    guard samples >= 2 else { throw LabError.invalidInput(place: "DiffMetaGame.simulate", problem: "needs at least 2 samples, got \(samples)") }
    let (p1, p2) = (first.stepPolicy, second.stepPolicy)
    try checkPolicies(p1, p2)
    let observation = diff.observe(first, second)
    try observation.validate(place: "diff \(diff.name)")
    var payoffs = [RunningStatistics(), RunningStatistics()]
    var firstAction = [0, 0]
    for _ in 0..<samples {
      let (y1, y2) = observation.sample(random)
      let s1 = p1.action(at: y1)
      let s2 = p2.action(at: y2)
      let a1 = s1.pureAction ?? s1.sample(using: random)
      let a2 = s2.pureAction ?? s2.sample(using: random)
      payoffs[0].add(game.payoff(0, [a1, a2]))
      payoffs[1].add(game.payoff(1, [a1, a2]))
      if a1 == 0 { firstAction[0] += 1 }
      if a2 == 0 { firstAction[1] += 1 }
    }
    return MonteCarloEstimate(
      utilities: try payoffs.map { try ConfidenceInterval.mean(of: $0, level: level) },
      firstActionFrequencies: try firstAction.map { try ConfidenceInterval.wilson(successes: $0, trials: samples, level: level) },
      samples: samples)
  }

  /// For each player, the largest gain of a deviation in `deviations` (0 when none gains), with the
  /// deviation attaining it.
  func deviationGains(
    _ profile: (Policy, Policy), against deviations: DeviationClass<Policy>
  ) throws
    -> [(gain: Double, deviation: Policy?)]
  {
    let current = try utilities(profile.0, profile.1)
    return try [0, 1].map { player in
      var best: (gain: Double, deviation: Policy?) = (0, nil)
      for candidate in deviations.candidates(player, profile) {
        let value = player == 0 ? try utilities(candidate, profile.1)[0] : try utilities(profile.0, candidate)[1]
        let gain = value - current[player]
        if gain > best.gain { best = (gain, candidate) }
      }
      return best
    }
  }

  /// Whether no player gains more than `tolerance` by a deviation in `deviations`.
  func isNashEquilibrium(
    _ profile: (Policy, Policy), against deviations: DeviationClass<Policy>, tolerance: Double = 1e-9
  )
    throws -> Bool
  {
    try deviationGains(profile, against: deviations).allSatisfy { $0.gain <= tolerance }
  }
}

extension DeviationClass {
  /// The constant policies that play one pure action whatever they observe (a player can always submit
  /// one; the converse of the folk theorem rests on them).
  static func constantPureActions(
    _ game: NormalFormGame, policy: @escaping @Sendable (_ player: Int, _ action: Int) -> Policy
  )
    -> DeviationClass
  {
    let counts = game.actions.map(\.count)
    return DeviationClass(name: "constant pure-action policies") { player, _ in
      (0..<counts[player]).map { policy(player, $0) }
    }
  }
}
