import LabKit
import Testing

@testable import GameTheory

@Suite struct SecurityLevelTests {
  @Test func matchingPennies() throws {
    let game = LPTestSupport.matchingPennies
    for player in 0..<2 {
      let mixed = try game.maxmin(player)
      #expect(abs(mixed.value) < 1e-12)
      #expect(mixed.strategy.map { abs($0 - 0.5) < 1e-12 } == [true, true])
      // The rational simplex gives exactly 0 and exactly (1/2, 1/2).
      let exact = try game.maxmin(player, exact: true)
      #expect(exact.value == 0)
      #expect(exact.strategy == [0.5, 0.5])
      // A pure action can always be matched or mismatched: −1, attained by both actions.
      #expect(try game.pureMaxmin(player) == PureSecurityLevel(player: player, value: -1, actions: [0, 1]))
      let punishment = try game.minimax(player, exact: true)
      #expect(punishment.value == 0)
      #expect(punishment.punishment.probabilities == [0.5, 0.5])
      #expect(punishment.bestReplies == [0, 1])
    }
  }

  /// (R, S, T, P) = (3, 0, 5, 1): defecting guarantees P = 1, and defecting is the only way to; the
  /// opponent holds a player to 1 by defecting, to which defecting is the only best reply.
  @Test(arguments: [false, true])
  func prisonersDilemma(exact: Bool) throws {
    let game = NormalFormGame.prisonersDilemma(reward: 3, sucker: 0, temptation: 5, punishment: 1)
    for player in 0..<2 {
      let maxmin = try game.maxmin(player, exact: exact)
      #expect(maxmin.value == 1 && maxmin.strategy == [0, 1])
      let minimax = try game.minimax(player, exact: exact)
      #expect(minimax.value == 1)
      #expect(minimax.punishment.players == [1 - player])
      #expect(minimax.punishment.profiles == [[0], [1]] && minimax.punishment.probabilities == [0, 1])
      #expect(minimax.bestReplies == [1])
      #expect(try game.pureMaxmin(player) == PureSecurityLevel(player: player, value: 1, actions: [1]))
    }
  }

  /// "Guess my action": player 2 picks H or T and loses (gets 0) only when both punishers 0 and 1
  /// picked that same action; otherwise it gets 1.
  ///
  /// - Correlated punishers play (H,H) or (T,T) with ½ each: whatever player 2 picks it gets ½, so the
  ///   minimax value is ½, and it equals player 2's maxmin (½H + ½T is caught half the time at worst).
  /// - Independent punishers mixing H with probabilities p and q leave player 2
  ///   max(1 − pq, 1 − (1−p)(1−q)), least at p = q = ½: ¾. The LP does not compute this (a non-convex
  ///   problem); the grid below only confirms the number.
  static let guessMyAction = NormalFormGame(actions: [["H", "T"], ["H", "T"], ["H", "T"]]) { profile in
    [0, 0, profile[0] == profile[2] && profile[1] == profile[2] ? 0 : 1]
  }

  @Test func correlatedPunishmentBeatsIndependentPunishment() throws {
    let game = Self.guessMyAction
    let minimax = try game.minimax(2, exact: true)
    #expect(minimax.value == 0.5)
    #expect(minimax.punishment.players == [0, 1])
    #expect(minimax.punishment.probability(of: [0, 0]) == 0.5 && minimax.punishment.probability(of: [1, 1]) == 0.5)
    #expect(try game.maxmin(2, exact: true).value == 0.5)
    #expect(try game.pureMaxmin(2).value == 0)
    var independent = Double.infinity
    for i in 0...100 {
      for j in 0...100 {
        let (p, q) = (Double(i) / 100, Double(j) / 100)
        independent = min(independent, max(1 - p * q, 1 - (1 - p) * (1 - q)))
      }
    }
    #expect(abs(independent - 0.75) < 1e-12)
  }

  /// Every value and unique strategy of scipy's HiGHS (`Tests/Fixtures/scipy/maxmin.json`) on the 50
  /// shared random bimatrix games, to 1e-9, with and without the rational simplex.
  @Test(arguments: [false, true])
  func agreesWithScipy(exact: Bool) throws {
    let expected = try LPTestSupport.scipyMaxmin()
    let games = try LPTestSupport.randomBimatrixGames()
    #expect(games.count == 50 && expected.count == 50)
    var uniqueStrategies = 0
    for entry in games {
      let records = try #require(expected[entry.id])
      for player in 0..<2 {
        let record = records[player]
        let maxmin = try entry.game.maxmin(player, exact: exact)
        #expect(abs(maxmin.value - record.maxmin) < 1e-9, "\(entry.id) player \(player)")
        if let strategy = record.strategy {
          uniqueStrategies += 1
          #expect(
            zip(maxmin.strategy, strategy).allSatisfy { abs($0 - $1) < 1e-9 }, "\(entry.id) player \(player): \(maxmin.strategy) vs \(strategy)")
        }
        #expect(abs(try entry.game.minimax(player, exact: exact).value - record.minimax) < 1e-9)
        #expect(try entry.game.pureMaxmin(player).value == record.pureMaxmin)
      }
    }
    // The comparison of strategies is not vacuous: scipy's strategy is unique for most players (all
    // 100 in the current fixture).
    #expect(uniqueStrategies >= 90)
  }

  /// Properties on the fixture games and on random 3-player games with small integer payoffs:
  /// - every maxmin strategy is a distribution whose worst case is the reported value;
  /// - every punishment is a distribution holding the player to the value, and the best replies attain it;
  /// - maxmin = minimax (minimax theorem, correlated punishers), pure maxmin ≤ maxmin;
  /// - maxmin ≤ the player's payoff at every pure Nash equilibrium (found by brute force here).
  @Test func propertiesOfSecurityLevels() throws {
    var generator = LPTestSupport.SplitMix(seed: 2024)
    let games =
      try LPTestSupport.randomBimatrixGames().map(\.game)
      + (0..<40).map { _ in LPTestSupport.randomGame(players: 3, using: &generator) }
    var equilibriaSeen = 0
    for game in games {
      let equilibria = game.profiles.filter { profile in
        (0..<game.playerCount).allSatisfy { player in
          game.actions[player].indices.allSatisfy { action in
            var deviation = profile
            deviation[player] = action
            return game.payoff(player, deviation) <= game.payoff(player, profile)
          }
        }
      }
      equilibriaSeen += equilibria.count
      for player in 0..<game.playerCount {
        let maxmin = try game.maxmin(player)
        #expect(LPTestSupport.isDistribution(maxmin.strategy))
        #expect(abs(LPTestSupport.worstCase(of: maxmin.strategy, for: player, in: game) - maxmin.value) < 1e-9)
        let minimax = try game.minimax(player)
        #expect(LPTestSupport.isDistribution(minimax.punishment.probabilities))
        #expect(abs(minimax.value - maxmin.value) < 1e-9)
        let replies = game.actions[player].indices.map { action in
          zip(minimax.punishment.profiles, minimax.punishment.probabilities).reduce(0.0) { total, entry in
            var full = entry.0
            full.insert(action, at: player)
            return total + entry.1 * game.payoff(player, full)
          }
        }
        #expect(abs(replies.max()! - minimax.value) < 1e-9)
        #expect(minimax.bestReplies.allSatisfy { abs(replies[$0] - minimax.value) < 1e-9 })
        #expect(try game.pureMaxmin(player).value <= maxmin.value + 1e-9)
        for equilibrium in equilibria {
          #expect(maxmin.value <= game.payoff(player, equilibrium) + 1e-9)
        }
      }
    }
    #expect(equilibriaSeen > 20)
  }

  @Test func badPlayersAreErrors() {
    let game = LPTestSupport.matchingPennies
    #expect(throws: LabError.self) { try game.maxmin(2) }
    #expect(throws: LabError.self) { try game.minimax(-1) }
    #expect(throws: LabError.self) { try game.pureMaxmin(5) }
  }
}
