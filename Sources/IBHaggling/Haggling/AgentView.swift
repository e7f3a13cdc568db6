import GameTheory
import LabKit

/// A game seen by one player i, as the text's reinforcement-learning setup has it (§Repeated games):
/// actions A_i, observations O = A_{−i} (the others' joint action, perfect monitoring) and rewards
/// r_i(a_i, o).
///
/// Observations are numbered like GameTheory's joint profiles: the other players in ascending order,
/// the lowest one's action varying slowest. Rewards are kept as doubles and, when every payoff of i
/// is a fraction with a denominator of at most 10⁶ (5/12, 2.5, 3), also as exact rationals, which the
/// γ → 1 values need.
public struct AgentView: Sendable {
  public let game: NormalFormGame
  public let player: Int
  /// The other players, ascending.
  public let others: [Int]
  public let actionCount: Int
  public let observationCount: Int
  /// reward[a][o] = r_i(a, o).
  public let reward: [[Double]]
  /// The same rewards as exact rationals, or `nil` when some payoff is not a small fraction.
  public let exactReward: [[Rational]]?

  /// Player `player`'s view of `game`.
  ///
  /// - Throws: ``LabError/invalidInput(place:problem:)`` for a player that does not exist or more than
  ///   255 observations.
  public init(game: NormalFormGame, player: Int) throws {
    guard (0..<game.playerCount).contains(player) else {
      throw LabError.invalidInput(place: "AgentView", problem: "player \(player) does not exist in a \(game.playerCount)-player game")
    }
    self.game = game
    self.player = player
    others = (0..<game.playerCount).filter { $0 != player }
    actionCount = game.actions[player].count
    observationCount = others.reduce(1) { $0 * game.actions[$1].count }
    guard observationCount <= 255 else {
      throw LabError.invalidInput(
        place: "AgentView", problem: "player \(player) would observe \(observationCount) joint actions; at most 255 are supported")
    }
    var table: [[Double]] = []
    for a in 0..<actionCount {
      var row: [Double] = []
      for o in 0..<observationCount {
        var profile = [Int](repeating: 0, count: game.playerCount)
        var rest = o
        for other in others.reversed() {
          profile[other] = rest % game.actions[other].count
          rest /= game.actions[other].count
        }
        profile[player] = a
        row.append(game.payoff(player, profile))
      }
      table.append(row)
    }
    reward = table
    let exact = table.map { $0.map { Rational(approximating: $0) } }
    exactReward = exact.allSatisfy { $0.allSatisfy { $0 != nil } } ? exact.map { $0.map { $0! } } : nil
  }

  /// The observation player i makes when the joint profile `profile` is played.
  public func observation(of profile: [Int]) -> Int {
    others.reduce(0) { $0 * game.actions[$1].count + profile[$1] }
  }

  /// The joint profile in which i plays `action` and observes `observation`.
  public func profile(action: Int, observation: Int) -> [Int] {
    var profile = [Int](repeating: 0, count: game.playerCount)
    var rest = observation
    for other in others.reversed() {
      profile[other] = rest % game.actions[other].count
      rest /= game.actions[other].count
    }
    profile[player] = action
    return profile
  }

  /// The exact rewards, or an error explaining why the γ → 1 comparison cannot be exact.
  public func requireExactRewards() throws -> [[Rational]] {
    guard let exactReward else {
      throw LabError.invalidInput(
        place: "player \(player + 1)'s payoffs",
        problem:
          "values in the γ → 1 limit are compared exactly, which needs payoffs that are fractions with denominators up to 10^6 (such as 5/12 or 2.5); use ranking = discounted for other payoffs"
      )
    }
    return exactReward
  }

  /// min_o r_i(a, o) for each action: what ⊤ promises for it.
  public var worstRewards: [Double] { reward.map { $0.min()! } }

  /// The pure maxmin max_a min_o r_i(a, o) = V(⊤) (GameTheory's `pureMaxmin`, §2.1 of the notes).
  public var pureMaxmin: Double { worstRewards.max()! }

  /// ⊤'s action: the maxmin action with the highest best-case payoff, then the lowest index (the
  /// notes' ambiguity 14; in the Schelling pub the text's minimax player "goes to X no matter what").
  public var topAction: Int {
    let worst = worstRewards
    let best = worst.max()!
    return worst.indices.filter { worst[$0] == best }.max { (reward[$0].max()!, -$0) < (reward[$1].max()!, -$1) }!
  }
}
