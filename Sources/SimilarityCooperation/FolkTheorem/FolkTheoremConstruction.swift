import Foundation
import GameTheory
import LabKit

/// The folk theorem for diff meta games, constructively (the introduction, summarising §4: "for every
/// individually rational strategy profile σ … there is a diff function such that σ is played in an
/// equilibrium of the resulting diff meta game"), with the standard construction of the notes (§3.1):
///
/// - policies πᵢ*(y) = σᵢ when y ≤ ½ and mᵢ otherwise, where mᵢ is a strategy with which player i holds
///   the other to its minimax value;
/// - diff(π₁*, π₂*) = (0, 0) with certainty, and (1, 1) for every other policy pair.
///
/// On the equilibrium path both observe 0 and play σ. A player who submits any other policy makes both
/// observe 1, so the other plays its punishment and the deviator gets at most its minimax value vᵢ ≤
/// uᵢ(σ). The diff treats two different policies as identical, which is the "very non-natural" asymmetry
/// the first author mentions.
///
/// "Individually rational" is read with weak inequalities, uᵢ(σ) ≥ vᵢ (the notes §3.1 mark ≥ versus > as
/// unconfirmed; the construction works for ≥).
struct FolkTheoremConstruction: Sendable {
  let game: NormalFormGame
  /// The target profile σ (independent mixed strategies, as in Figure 1b).
  let target: [MixedStrategy]
  /// vᵢ: each player's minimax value (= maxmin, two players), from GameTheory's LP.
  let minimaxValues: [Double]
  /// mᵢ: player i's strategy punishing the other (the minimax LP's punishment of player 1 − i).
  let punishments: [MixedStrategy]
  /// π₁*, π₂*.
  let policies: (StepPolicy, StepPolicy)
  /// The meta game with the constructed diff.
  let metaGame: DiffMetaGame<StepPolicy>

  /// - Throws: ``LabError/invalidInput(place:problem:)`` unless the game has two players and σ one mixed
  ///   strategy per player over its actions; errors of the minimax LP.
  init(game: NormalFormGame, target: [MixedStrategy]) throws {
    guard game.playerCount == 2 else {
      throw LabError.invalidInput(place: "folk-theorem construction", problem: "needs a 2-player game, not \(game.playerCount) players")
    }
    guard target.count == 2, target[0].count == game.actions[0].count, target[1].count == game.actions[1].count else {
      throw LabError.invalidInput(place: "folk-theorem construction", problem: "the target needs one mixed strategy per player over its actions")
    }
    self.game = game
    self.target = target
    let minimax = try [0, 1].map { try game.minimax($0) }
    minimaxValues = minimax.map(\.value)
    // The punishment of player i is a (correlated = mixed, with one punisher) strategy of player 1 − i.
    punishments = try [1, 0].map { punished in
      let punishment = minimax[punished].punishment
      let probabilities = punishment.probabilities.map { max(0, $0) }
      let total = probabilities.reduce(0, +)
      return try MixedStrategy(probabilities.map { $0 / total }, tolerance: 1e-6)
    }
    let first = StepPolicy.threshold(0.5, below: target[0], above: punishments[0], label: "π₁*")
    let second = StepPolicy.threshold(0.5, below: target[1], above: punishments[1], label: "π₂*")
    policies = (first, second)
    let diff = DiffFunction<StepPolicy>(name: "(0, 0) for (π₁*, π₂*), (1, 1) otherwise") { a, b in
      a == first && b == second ? .point(0, 0) : .point(1, 1)
    }
    metaGame = try DiffMetaGame(game: game, diff: diff)
  }

  /// uᵢ(σ): the payoffs of the target profile in the base game.
  var targetPayoffs: [Double] { game.expectedPayoffs(target) }

  /// Whether σ is individually rational: uᵢ(σ) ≥ vᵢ − tolerance for both players.
  func isIndividuallyRational(tolerance: Double = 1e-9) -> Bool {
    zip(targetPayoffs, minimaxValues).allSatisfy { $0 >= $1 - tolerance }
  }

  /// For each player, the most it can get by submitting any policy other than πᵢ*: every such policy
  /// makes the deviator observe 1 and the other play its punishment, so the deviator's payoff is that of
  /// its mixed action at 1 against the punishment, at most the best pure reply (payoffs are linear in the
  /// deviator's mixture). Computed from the base game, not assumed equal to vᵢ.
  var bestDeviationPayoffs: [Double] {
    [0, 1].map { player in
      var profile = [MixedStrategy.uniform(count: game.actions[0].count), MixedStrategy.uniform(count: game.actions[1].count)]
      profile[1 - player] = punishments[1 - player]
      return game.actionPayoffs(player, against: profile).max()!
    }
  }

  /// The largest gain of a deviation by each player (may be negative: the deviation loses).
  var deviationGains: [Double] {
    let onPath = (try? metaGame.utilities(policies.0, policies.1)) ?? targetPayoffs
    return zip(bestDeviationPayoffs, onPath).map { $0 - $1 }
  }

  /// Whether (π₁*, π₂*) is a Nash equilibrium of the constructed meta game against every policy:
  /// no deviation gains more than `tolerance`.
  func isEquilibrium(tolerance: Double = 1e-9) -> Bool { deviationGains.allSatisfy { $0 <= tolerance } }

  /// A class of concrete deviating policies for numerical checks through the generic meta-game code:
  /// every constant pure-action policy, the target policy with its two halves swapped, and `random`
  /// step policies with random breakpoints and random mixed actions.
  func sampledDeviations(count: Int, random: Random) -> [[StepPolicy]] {
    [0, 1].map { player in
      let n = game.actions[player].count
      var policies = (0..<n).map { StepPolicy.constant(.pure($0, count: n)) }
      let own = player == 0 ? self.policies.0 : self.policies.1
      policies.append(StepPolicy.threshold(0.5, below: own.actions[1], above: own.actions[0]))
      for _ in 0..<count {
        let breaks = (0..<(1 + random.index(below: 3))).map { _ in random.uniform(in: -1..<2) }.sorted()
        let distinct = zip(breaks, breaks.dropFirst()).allSatisfy { $0 < $1 } ? breaks : [breaks[0]]
        let actions = (0...distinct.count).map { _ in FolkTheoremConstruction.randomMixedStrategy(n, random: random) }
        policies.append(try! StepPolicy(breakpoints: distinct, actions: actions))
      }
      return policies
    }
  }

  /// A mixed strategy drawn uniformly from the simplex (normalised exponential draws: Dirichlet(1, …, 1)).
  static func randomMixedStrategy(_ count: Int, random: Random) -> MixedStrategy {
    let draws = (0..<count).map { _ in -log(1 - random.uniform()) }
    let total = draws.reduce(0, +)
    return try! MixedStrategy(draws.map { $0 / total }, tolerance: 1e-9)
  }
}

/// The converse of the folk theorem (notes §3.1, [D]): whatever the diff function, a player can submit
/// the constant policy that plays a maxmin strategy and so guarantee its maxmin value, which equals its
/// minimax value in a 2-player game. No equilibrium of any diff meta game whose policy sets contain the
/// constant policies gives a player less than its minimax value.
enum FolkTheoremConverse {
  /// Player `player`'s utility from the constant maxmin policy against `opponent` under the observation
  /// distribution `observation`: it does not depend on the observation, so it is the maxmin strategy's
  /// expected payoff against the opponent's mixture of actions.
  static func maxminGuarantee(
    game: NormalFormGame, player: Int, opponent: StepPolicy, observation: ObservationDistribution
  )
    throws -> (guarantee: Double, maxmin: Double)
  {
    let security = try game.maxmin(player)
    let own = StepPolicy.constant(try MixedStrategy(security.strategy.map { max(0, $0) }, tolerance: 1e-6))
    let diff = DiffFunction<StepPolicy>(name: "given") { _, _ in observation }
    let meta = try DiffMetaGame(game: game, diff: diff)
    let utilities = player == 0 ? try meta.utilities(own, opponent) : try meta.utilities(opponent, own)
    return (utilities[player], security.value)
  }
}
