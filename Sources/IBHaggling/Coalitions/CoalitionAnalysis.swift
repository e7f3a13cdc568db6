import GameTheory
import LabKit

/// The coalition sets of §When can a coalition be formed? and the conditions of §Stable cycles for
/// multiplayer games, computed with GameTheory's ``CoalitionSet`` (one linear program per question).
///
/// - U_C: what C can guarantee its members with a correlated strategy when the outsiders' randomness is
///   independent of C's (`CoalitionSet(…, outsiders: .independent)`).
/// - U′_C: the same when the outsiders may synchronise with C's randomness, the right criterion for
///   agents that play deterministic cycles (`.synchronised`).
/// - U′_{C,α≤m}: U′_C once the coalitions C₁ … C_m have locked in to α≤m, a distribution of their joint
///   actions; for a locked cycle α≤m is the empirical distribution of their joint actions over one
///   period (`committed: CorrelatedStrategy.empirical(players:sequence:)`).
///
/// Payoffs of a cycle are averages of doubles and empirical distributions have denominators such as
/// 3, so exact equality cannot be asked of the LP: a vector v counts as in a set when v − δ is (GLPK's
/// rational simplex), and a coalition blocks v when it can guarantee every member more than v + δ, with
/// δ = 10⁻⁹ · max(1, largest |payoff|). The tolerance was fixed before any result was looked at.
public enum CoalitionAnalysis {
  /// δ for `game`.
  public static func tolerance(_ game: NormalFormGame) -> Double {
    1e-9 * max(1, game.profiles.flatMap { game.payoffs($0) }.map(\.magnitude).max() ?? 1)
  }

  /// The set U_C or U′_C of `coalition`, after the players of `lockedPlayers` have locked in to the
  /// joint actions of `lockedCycle` (one entry per round of a period, actions in the order of
  /// `lockedPlayers`), when given.
  public static func set(
    game: NormalFormGame, coalition: [Int], outsiders: CoalitionSet.Outsiders,
    lockedPlayers: [Int] = [], lockedCycle: [[Int]] = []
  ) throws -> CoalitionSet {
    let committed = lockedPlayers.isEmpty ? nil : try CorrelatedStrategy.empirical(players: lockedPlayers, sequence: lockedCycle)
    return try CoalitionSet(game: game, coalition: coalition, outsiders: outsiders, committed: committed)
  }

  /// Whether `payoffs` (one per member, ascending) is in the set, up to δ.
  public static func contains(_ set: CoalitionSet, _ payoffs: [Double]) throws -> Bool {
    let δ = tolerance(set.game)
    return try set.contains(payoffs.map { $0 - δ }, exact: true) != nil
  }

  /// Whether the coalition can guarantee every member strictly more than `payoffs` (by more than δ).
  public static func blocks(_ set: CoalitionSet, _ payoffs: [Double]) throws -> Bool {
    try set.largestUniformGuarantee(above: payoffs, exact: true).value > tolerance(set.game)
  }

  /// Whether `vector` (one payoff per player) is in the downward closure of the feasible payoffs:
  /// some correlated profile (a cycle, in the limit) gives every player at least as much. This is
  /// U_P of the grand coalition, which has no outsiders.
  public static func downwardClosureContains(game: NormalFormGame, _ vector: [Double]) throws -> Bool {
    let set = try CoalitionSet(game: game, coalition: Array(0..<game.playerCount), outsiders: .synchronised)
    return try contains(set, vector)
  }

  /// The ordered partitions (C₁, …, C_n) of `players`.
  public static func orderedPartitions(_ players: [Int]) -> [[[Int]]] {
    guard let first = players.first else { return [[]] }
    var result: [[[Int]]] = []
    for partition in orderedPartitions(Array(players.dropFirst())) {
      // Put `first` into an existing block, or as a new block in any position.
      for b in partition.indices {
        var copy = partition
        copy[b] = ([first] + copy[b]).sorted()
        result.append(copy)
      }
      for position in 0...partition.count {
        var copy = partition
        copy.insert([first], at: position)
        result.append(copy)
      }
    }
    return result
  }

  /// The text's conditions on a stable cycle of a multiplayer game, for one ordered partition
  /// C₁, …, C_n of the players, with v the cycle's average payoffs and α≤m the empirical distribution
  /// of the joint actions of C₁ ∪ … ∪ C_m over the cycle:
  ///
  /// (i) v restricted to C_m is in U′_{C_m, α≤m−1};
  /// (ii) no C′ ⊆ C_m has a v′ ∈ U′_{C′, α≤m−1} with v′_i > v_i for every i ∈ C′.
  ///
  /// Returns `nil` when both hold for every m, or the first failure in words.
  public static func stableCycleFailure(game: NormalFormGame, cycle: [[Int]], payoffs: [Double], partition: [[Int]]) throws -> String? {
    var locked: [Int] = []
    for coalition in partition {
      let lockedCycle = cycle.map { profile in locked.map { profile[$0] } }
      let set = try self.set(game: game, coalition: coalition, outsiders: .synchronised, lockedPlayers: locked, lockedCycle: lockedCycle)
      let v = coalition.map { payoffs[$0] }
      if try !contains(set, v) { return "payoffs \(v.map { DecimalFormat.compact($0) }) of \(names(coalition)) are not in U′ given \(names(locked))" }
      for subset in nonEmptySubsets(coalition) {
        let sub = try self.set(game: game, coalition: subset, outsiders: .synchronised, lockedPlayers: locked, lockedCycle: lockedCycle)
        if try blocks(sub, subset.map { payoffs[$0] }) { return "\(names(subset)) could guarantee each member more given \(names(locked))" }
      }
      locked = (locked + coalition).sorted()
    }
    return nil
  }

  /// The first ordered partition (in ``orderedPartitions(_:)`` order) that meets the conditions, or `nil`.
  public static func explainingPartition(game: NormalFormGame, cycle: [[Int]], payoffs: [Double]) throws -> [[Int]]? {
    for partition in orderedPartitions(Array(0..<game.playerCount))
    where try stableCycleFailure(game: game, cycle: cycle, payoffs: payoffs, partition: partition) == nil {
      return partition
    }
    return nil
  }

  static func nonEmptySubsets(_ players: [Int]) -> [[Int]] {
    (1..<(1 << players.count)).map { mask in players.indices.filter { mask & (1 << $0) != 0 }.map { players[$0] } }
  }

  /// "{1, 3}" (players numbered from 1), "∅" for none.
  public static func names(_ players: [Int]) -> String {
    players.isEmpty ? "∅" : "{" + players.map { String($0 + 1) }.joined(separator: ", ") + "}"
  }
}
