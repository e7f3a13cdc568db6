import LabKit

/// Appendix A's learning principal: "separate, discrete, action subspaces for each tax bracket",
/// trained by standard PPO. Choices made here (the released code's principal never learns, notes §3.5):
/// - Observation (12 numbers for 7 players): the players' cumulative post-tax apples in the current
///   round, sorted ascending and divided by 50 (Figure 2's "running totals of all the players'
///   cumulative extrinsic rewards"; sorted so the principal cannot single out a player), the share of
///   live apples (in place of the released code's unrestricted RGB view), the period's index within the
///   round divided by the periods per round, then a one-hot bracket index.
/// - Action: per bracket one of the 11 levels {0, 0.1, …, 1} (``RateGrid``; the released code's
///   twelfth action, "keep", is left out). The three brackets are three rows of one shared
///   actor-critic, told apart by the one-hot index (parameter sharing across the bracket heads).
/// - Reward: the change in O_η over the period, the same for the three heads.
/// - Update: one PPO update (GAE, clipped surrogate) per voting round on its periods × 3 decisions,
///   minibatches of 18 (the released code's 128 // 7).
public struct PPOPrincipal: DesignPrincipal {
  public private(set) var learner: PPOLearner
  public let periods: Int
  public let players: Int
  var rollout: Rollout
  var period = 0

  /// Inputs per row for `players` players.
  public static func observationSize(players: Int) -> Int { players + 2 + TaxBrackets.paper.count }

  /// `gamma` discounts later periods of the round (0.99, the released code's; the round's O_η is the
  /// undiscounted sum of the period rewards).
  public init(
    players: Int, periods: Int, rounds: Int, hidden: [Int] = [32], learningRate: Double, gamma: Double = 0.99, random: Random
  ) throws {
    guard players >= 1, periods >= 1, rounds >= 1, gamma >= 0, gamma <= 1 else {
      throw LabError.invalidInput(place: "PPOPrincipal", problem: "need players, periods per round and rounds ≥ 1 and γ in [0, 1]")
    }
    var h = ProximalPolicyOptimisation.Hyperparameters()
    h.learningRate = learningRate
    h.gamma = gamma
    h.minibatchSize = 18
    let size = Self.observationSize(players: players)
    let policy = try ActorCritic(observationSize: size, hidden: hidden, actionCount: RateGrid.levels.count, random: random)
    learner = PPOLearner(policy: policy, hyperparameters: h, plannedUpdates: rounds)
    self.periods = periods
    self.players = players
    rollout = Rollout(steps: periods, players: TaxBrackets.paper.count, observationSize: size)
  }

  public var name: String { "PPO principal" }

  /// The three rows (one per bracket) of the policy's input for a shared observation.
  static func rows(_ observation: [Double]) -> [Double] {
    let b = TaxBrackets.paper.count
    return (0..<b).flatMap { k in observation + (0..<b).map { $0 == k ? 1.0 : 0.0 } }
  }

  public mutating func decide(observation: [Double], random: Random) -> [Double] {
    precondition(observation.count == players + 2, "PPOPrincipal: observation of \(observation.count) numbers for \(players) players")
    let levels = rollout.act(step: min(period, periods - 1), observations: Self.rows(observation), policy: learner.policy, random: random)
    return levels.map { RateGrid.levels[$0] }
  }

  public mutating func reward(_ value: Double) {
    guard period < periods else { return }
    rollout.reward(step: period, Array(repeating: value, count: TaxBrackets.paper.count), terminal: period == periods - 1)
    period += 1
  }

  public mutating func finishRound(objective: Double, random: Random) {
    learner.update(rollout, random: random)
    rollout = Rollout(steps: periods, players: TaxBrackets.paper.count, observationSize: Self.observationSize(players: players))
    period = 0
  }
}
