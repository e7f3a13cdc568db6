import LabKit

/// The classic small games, each with its payoffs and the convention it follows.
///
/// Two-player tables below list (row payoff, column payoff); the row player is player 0 ("Player 1").
/// None of the five texts the toolkit reproduces gives numbers for the stag hunt, the battle of the
/// sexes (Schelling pub) or chicken, so their defaults are conventions from the literature and from
/// other libraries, stated at each constructor; every payoff is a parameter.
extension NormalFormGame {
  /// The symmetric 2×2 game with row payoffs R (both play action 0), S (action 0 against action 1),
  /// T (action 1 against action 0), P (both play action 1); the column player's payoffs mirror them:
  ///
  ///                 a0       a1
  ///     a0          R, R     S, T
  ///     a1          T, S     P, P
  ///
  /// The prisoner's dilemma, stag hunt and chicken are the orderings T > R > P > S, R > T ≥ P > S and
  /// T > R > S > P of this family.
  ///
  /// - Precondition: two action names; all payoffs finite.
  public static func symmetricTwoByTwo(
    reward: Double, sucker: Double, temptation: Double, punishment: Double, actions: [String]
  ) -> NormalFormGame {
    precondition(actions.count == 2, "symmetricTwoByTwo: two action names")
    let row = [[reward, sucker], [temptation, punishment]]
    return NormalFormGame(actions: [actions, actions]) { profile in
      [row[profile[0]][profile[1]], row[profile[1]][profile[0]]]
    }
  }

  /// The stag hunt (Rousseau's parable, Skyrms 2004): hunting stag pays only if both do; hare is safe.
  ///
  ///                 stag         hare
  ///     stag        R, R         S, T
  ///     hare        T, S         P, P
  ///
  /// with R > T ≥ P > S. The defaults (R, S, T, P) = (2, 0, 1, 1) are OpenSpiel's `matrix_sh`: a hare
  /// hunter gets 1 whatever the other does. Pure equilibria (stag, stag) and (hare, hare); the mixed
  /// one has each hunt stag with probability (P − S) / (R − T + P − S) = 1/2 at the defaults.
  public static func stagHunt(
    reward: Double = 2, sucker: Double = 0, temptation: Double = 1, punishment: Double = 1,
    actions: [String] = ["stag", "hare"]
  ) -> NormalFormGame {
    symmetricTwoByTwo(reward: reward, sucker: sucker, temptation: temptation, punishment: punishment, actions: actions)
  }

  /// Chicken (hawk–dove with a costly crash): each driver swerves or goes straight.
  ///
  ///                 swerve       straight
  ///     swerve      R, R         S, T
  ///     straight    T, S         P, P
  ///
  /// with T > R > S > P. The defaults (R, S, T, P) = (0, −1, 1, −10) are the usual textbook shape:
  /// tie 0, losing face −1, winning 1, crash −10. Pure equilibria (swerve, straight) and
  /// (straight, swerve); in the mixed one each swerves with probability (P − S) / (P − S + R − T)
  /// = 0.9 at the defaults.
  public static func chicken(
    reward: Double = 0, sucker: Double = -1, temptation: Double = 1, punishment: Double = -10,
    actions: [String] = ["swerve", "straight"]
  ) -> NormalFormGame {
    symmetricTwoByTwo(reward: reward, sucker: sucker, temptation: temptation, punishment: punishment, actions: actions)
  }

  /// The battle of the sexes ("Bach or Stravinsky"): both want to be together, player 0 prefers the
  /// first action and player 1 the second.
  ///
  ///                 Bach                   Stravinsky
  ///     Bach        preferred, compromise  apart, apart
  ///     Stravinsky  apart, apart           compromise, preferred
  ///
  /// The defaults (2, 1, 0) give the textbook table ((2,1), (0,0); (0,0), (1,2)), as in Osborne, *An
  /// Introduction to Game Theory* (2004). Pure equilibria (Bach, Bach) and (Stravinsky, Stravinsky);
  /// in the mixed one player 0 plays its preferred action with probability (preferred − apart) /
  /// (preferred + compromise − 2·apart) = 2/3 at the defaults, and player 1 its own with the same
  /// probability.
  public static func battleOfTheSexes(
    preferred: Double = 2, compromise: Double = 1, apart: Double = 0,
    actions: [String] = ["Bach", "Stravinsky"], playerNames: [String]? = nil
  ) -> NormalFormGame {
    precondition(actions.count == 2, "battleOfTheSexes: two action names, player 0's favourite first")
    let row = [[preferred, apart], [apart, compromise]]
    let column = [[compromise, apart], [apart, preferred]]
    return NormalFormGame(playerNames: playerNames ?? defaultPlayerNames(2), actions: [actions, actions]) { profile in
      [row[profile[0]][profile[1]], column[profile[0]][profile[1]]]
    }
  }

  /// The Schelling pub of the infra-Bayesian haggling post: two friends each go to pub X or pub Y;
  /// both "prefer meeting, even at the unpreferred pub, to being alone at the preferred one", friend 1
  /// prefers X and friend 2 prefers Y. It is the battle of the sexes with that story:
  ///
  ///                 pub X                  pub Y
  ///     pub X       preferred, compromise  apart, apart
  ///     pub Y       apart, apart           compromise, preferred
  ///
  /// The post gives no numbers; the defaults (2, 1, 0) are the textbook battle of the sexes (see
  /// ``battleOfTheSexes(preferred:compromise:apart:actions:playerNames:)``). The story needs
  /// compromise > apart. Players are named "friend 1" and "friend 2".
  public static func schellingPub(preferred: Double = 2, compromise: Double = 1, apart: Double = 0) -> NormalFormGame {
    battleOfTheSexes(
      preferred: preferred, compromise: compromise, apart: apart, actions: ["pub X", "pub Y"],
      playerNames: ["friend 1", "friend 2"])
  }

  /// Matching pennies: player 0 wins `stake` from player 1 when the pennies match, loses it otherwise.
  ///
  ///                 heads          tails
  ///     heads       stake, −stake  −stake, stake
  ///     tails       −stake, stake  stake, −stake
  ///
  /// Zero-sum, no pure equilibrium; the unique equilibrium has both mix (1/2, 1/2), value 0.
  public static func matchingPennies(stake: Double = 1, actions: [String] = ["heads", "tails"]) -> NormalFormGame {
    precondition(actions.count == 2, "matchingPennies: two action names")
    return NormalFormGame(actions: [actions, actions]) { profile in
      let win = profile[0] == profile[1] ? stake : -stake
      return [win, -win]
    }
  }

  /// A pure coordination game of `playerCount` players with `payoffs.count` actions each: when every
  /// player picks action k, each gets `payoffs[k]`; any mismatch gives everyone `miscoordination`.
  ///
  /// The default is the 2-player, 2-action game ((1,1), (0,0); (0,0), (1,1)) (OpenSpiel's
  /// `matrix_coordination`). Unequal payoffs such as [2, 1] make one outcome Pareto-dominant (the
  /// "generalised stag hunt" of the infra-Bayesian haggling post has a unique Pareto-optimal profile).
  /// Actions are named "A", "B", … unless given.
  ///
  /// - Precondition: at least one player and one action; as many action names as payoffs.
  public static func coordination(
    payoffs: [Double] = [1, 1], miscoordination: Double = 0, playerCount: Int = 2, actions: [String]? = nil
  ) -> NormalFormGame {
    precondition(playerCount >= 1 && !payoffs.isEmpty, "coordination: at least one player and one action")
    let names = actions ?? payoffs.indices.map { $0 < 26 ? String(UnicodeScalar(UInt8(65 + $0))) : "A\($0)" }
    precondition(names.count == payoffs.count, "coordination: \(names.count) action names for \(payoffs.count) payoffs")
    return NormalFormGame(actions: Array(repeating: names, count: playerCount)) { profile in
      let together = profile.allSatisfy { $0 == profile[0] }
      return Array(repeating: together ? payoffs[profile[0]] : miscoordination, count: playerCount)
    }
  }

  /// A 2-player game from its two payoff matrices (rows: player 0's actions, columns: player 1's),
  /// validated: nashpy's `Game(A, B)`.
  ///
  /// - Throws: ``LabError/invalidInput(place:problem:)`` for empty or ragged matrices, matrices of
  ///   different shapes, non-finite payoffs, or action-name lists of the wrong length.
  public static func bimatrix(
    _ rowPayoffs: [[Double]], _ columnPayoffs: [[Double]],
    rowActions: [String]? = nil, columnActions: [String]? = nil, playerNames: [String]? = nil
  ) throws -> NormalFormGame {
    let place = "bimatrix game"
    let rows = rowPayoffs.count
    let columns = rowPayoffs.first?.count ?? 0
    guard rows > 0, columns > 0 else { throw LabError.invalidInput(place: place, problem: "the payoff matrices are empty") }
    for (name, matrix) in [("row", rowPayoffs), ("column", columnPayoffs)] {
      guard matrix.count == rows, matrix.allSatisfy({ $0.count == columns }) else {
        throw LabError.invalidInput(place: place, problem: "the \(name) player's matrix is not \(rows)×\(columns)")
      }
    }
    let rowNames = rowActions ?? defaultActionNames(rows)
    let columnNames = columnActions ?? defaultActionNames(columns)
    guard rowNames.count == rows, columnNames.count == columns else {
      throw LabError.invalidInput(place: place, problem: "action names do not match the \(rows)×\(columns) matrices")
    }
    var vectors: [[Double]] = []
    for row in 0..<rows {
      for column in 0..<columns { vectors.append([rowPayoffs[row][column], columnPayoffs[row][column]]) }
    }
    return try NormalFormGame(playerNames: playerNames, actions: [rowNames, columnNames], payoffVectors: vectors)
  }

  /// Player `player`'s payoffs in a 2-player game as a matrix: rows are player 0's actions, columns
  /// player 1's (nashpy's A for player 0, B for player 1).
  ///
  /// - Precondition: a 2-player game.
  public func payoffMatrix(_ player: Int) -> [[Double]] {
    precondition(playerCount == 2, "payoffMatrix: a 2-player game")
    return actions[0].indices.map { row in actions[1].indices.map { column in payoff(player, [row, column]) } }
  }
}
