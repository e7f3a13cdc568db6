import LabKit
import Testing

@testable import GameTheory

/// The named constructors, the validating initialisers and random games.
@Suite struct ClassicGamesTests {
  @Test func donationFormIsOesterheldTableOne() {
    let game = NormalFormGame.prisonersDilemma(donation: 3)
    #expect(game.payoffs([0, 0]) == [3, 3])
    #expect(game.payoffs([0, 1]) == [0, 4])
    #expect(game.payoffs([1, 0]) == [4, 0])
    #expect(game.payoffs([1, 1]) == [1, 1])
    // A prisoner's dilemma exactly when G > 1.
    #expect(NormalFormGame.prisonersDilemma(donation: 1.5).isPrisonersDilemma)
    #expect(!NormalFormGame.prisonersDilemma(donation: 1).isPrisonersDilemma)
    #expect(!NormalFormGame.prisonersDilemma(donation: 0.5).isPrisonersDilemma)
  }

  /// Additivity: u_i = G · P(other cooperates) + 1 − P(self cooperates), for independent and
  /// correlated play alike.
  @Test func donationFormIsAdditive() throws {
    let g = 3.0
    let game = NormalFormGame.prisonersDilemma(donation: g)
    for (p, q) in [(0.0, 0.0), (0.3, 0.8), (1, 0.5), (0.25, 1)] {
      let payoffs = game.expectedPayoffs([try MixedStrategy([p, 1 - p]), try MixedStrategy([q, 1 - q])])
      #expect(abs(payoffs[0] - (g * q + 1 - p)) < 1e-12 && abs(payoffs[1] - (g * p + 1 - q)) < 1e-12)
    }
    let correlated = try CorrelatedStrategy(players: [0, 1], distribution: [[0, 0]: 0.5, [1, 1]: 0.5])
    // Both cooperate with probability 1/2: (G/2 + 1/2, G/2 + 1/2).
    #expect(game.expectedPayoffs(correlated) == [2, 2])
  }

  @Test func stagHuntDefaultsAreOpenSpiel() {
    let game = NormalFormGame.stagHunt()
    #expect(game.actions == [["stag", "hare"], ["stag", "hare"]])
    #expect(game.payoffMatrix(0) == [[2, 0], [1, 1]] && game.payoffMatrix(1) == [[2, 1], [0, 1]])
    #expect(game.pureNashEquilibria() == [[0, 0], [1, 1]])
    #expect(!game.isPrisonersDilemma)
  }

  @Test func battleOfTheSexesAndSchellingPub() {
    let bos = NormalFormGame.battleOfTheSexes()
    #expect(bos.payoffMatrix(0) == [[2, 0], [0, 1]] && bos.payoffMatrix(1) == [[1, 0], [0, 2]])
    let pub = NormalFormGame.schellingPub()
    #expect(pub.playerNames == ["friend 1", "friend 2"] && pub.actions == [["pub X", "pub Y"], ["pub X", "pub Y"]])
    #expect(pub.payoffVectors == bos.payoffVectors)
    #expect(pub.pureNashEquilibria() == [[0, 0], [1, 1]])
    let mixed = pub.supportEnumeration().equilibria.first { $0.strategies[0].pureAction == nil }!
    #expect(mixed.strategies[0].isClose(to: try! MixedStrategy([2.0 / 3, 1.0 / 3]), tolerance: 1e-12))
    #expect(mixed.strategies[1].isClose(to: try! MixedStrategy([1.0 / 3, 2.0 / 3]), tolerance: 1e-12))
  }

  @Test func chickenMixesAtNinetyPercent() {
    let game = NormalFormGame.chicken()
    #expect(game.payoffs([1, 1]) == [-10, -10] && game.payoffs([1, 0]) == [1, -1])
    #expect(game.pureNashEquilibria() == [[0, 1], [1, 0]])
    let mixed = game.supportEnumeration().equilibria.first { $0.strategies[0].pureAction == nil }!
    #expect(abs(mixed.strategies[0][0] - 0.9) < 1e-12 && abs(mixed.strategies[1][0] - 0.9) < 1e-12)
  }

  @Test func matchingPenniesIsZeroSumWithNoPureEquilibrium() {
    let game = NormalFormGame.matchingPennies(stake: 2)
    #expect(game.profiles.allSatisfy { game.payoffs($0).reduce(0, +) == 0 })
    #expect(game.payoff(0, [1, 1]) == 2 && game.payoff(0, [0, 1]) == -2)
    #expect(game.pureNashEquilibria().isEmpty)
  }

  @Test func coordinationGamesOfAnySize() {
    let game = NormalFormGame.coordination(payoffs: [3, 2, 1], miscoordination: -1, playerCount: 3)
    #expect(game.actions == Array(repeating: ["A", "B", "C"], count: 3))
    #expect(game.payoffs([1, 1, 1]) == [2, 2, 2] && game.payoffs([0, 0, 1]) == [-1, -1, -1])
    // Besides full coordination, every profile of three different actions is an equilibrium: no single
    // player can restore coordination alone.
    #expect(
      game.pureNashEquilibria() == [[0, 0, 0], [0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 1, 1], [1, 2, 0], [2, 0, 1], [2, 1, 0], [2, 2, 2]])
    #expect(NormalFormGame.coordination(payoffs: [3, 2, 1], playerCount: 2).pureNashEquilibria() == [[0, 0], [1, 1], [2, 2]])
    #expect(NormalFormGame.coordination().payoffMatrix(0) == [[1, 0], [0, 1]])
  }

  @Test func symmetricTwoByTwoMirrorsTheColumnPlayer() {
    let game = NormalFormGame.symmetricTwoByTwo(reward: 1, sucker: 2, temptation: 3, punishment: 4, actions: ["a", "b"])
    #expect(game.payoffVectors == [[1, 1], [2, 3], [3, 2], [4, 4]])
  }

  @Test func playerNamesAndRenaming() {
    let game = NormalFormGame(playerNames: ["Alice", "Bob"], actions: [["x"], ["y", "z"]]) { _ in [0, 0] }
    #expect(game.playerNames == ["Alice", "Bob"])
    #expect(NormalFormGame.chicken().playerNames == ["Player 1", "Player 2"])
    let renamed = NormalFormGame.chicken().renamingPlayers(["Jim", "Buzz"])
    #expect(renamed.playerNames == ["Jim", "Buzz"] && renamed.payoffVectors == NormalFormGame.chicken().payoffVectors)
    #expect(renamed != NormalFormGame.chicken())
  }

  @Test func validatingInitialiserNamesTheProblem() {
    func problem(_ body: () throws -> NormalFormGame) -> String {
      do {
        _ = try body()
        return "no error"
      } catch let LabError.invalidInput(_, problem) {
        return problem
      } catch {
        return "\(error)"
      }
    }
    #expect(problem { try NormalFormGame(actions: [], payoffVectors: []) } == "a game needs at least one player")
    #expect(problem { try NormalFormGame(actions: [["a"], []], payoffVectors: []) } == "player 2 has no action")
    #expect(
      problem { try NormalFormGame(playerNames: ["A"], actions: [["a"], ["b"]], payoffVectors: [[0, 0]]) }
        == "1 player names for 2 players")
    #expect(problem { try NormalFormGame(actions: [["a", "b"]], payoffVectors: [[0]]) } == "1 payoff vectors for 2 profiles")
    #expect(
      problem { try NormalFormGame(actions: [["a", "b"]], payoffVectors: [[0], [1, 2]]) }
        == "the payoff vector of profile [1] has 2 entries for 1 players")
    #expect(
      problem { try NormalFormGame(actions: [["a"], ["b"]], payoffVectors: [[0, .nan]]) }
        == "player 2's payoff at profile [0, 0] is nan, not a finite number")
    #expect(problem { try NormalFormGame.bimatrix([[1, 2], [3]], [[1, 2], [3, 4]]) } == "the row player's matrix is not 2×2")
    #expect(problem { try NormalFormGame.bimatrix([[1, 2]], [[1, 2], [3, 4]]) } == "the column player's matrix is not 1×2")
    #expect(problem { try NormalFormGame.bimatrix([], []) } == "the payoff matrices are empty")
    #expect(problem { try NormalFormGame.bimatrix([[1]], [[1]], rowActions: ["a", "b"]) } == "action names do not match the 1×1 matrices")
  }

  @Test func bimatrixIsNashpysGame() throws {
    let game = try NormalFormGame.bimatrix([[1, 2, 3], [4, 5, 6]], [[7, 8, 9], [10, 11, 12]], rowActions: ["u", "d"])
    #expect(game.actions == [["u", "d"], ["1", "2", "3"]])
    #expect(game.payoffs([1, 2]) == [6, 12])
    #expect(game.payoffMatrix(1) == [[7, 8, 9], [10, 11, 12]])
  }

  @Test func randomGamesAreSeededAndInRange() {
    let a = NormalFormGame.random(actionCounts: [2, 3, 4], payoffs: -5..<5, seed: 42)
    let b = NormalFormGame.random(actionCounts: [2, 3, 4], payoffs: -5..<5, seed: 42)
    let c = NormalFormGame.random(actionCounts: [2, 3, 4], payoffs: -5..<5, seed: 43)
    #expect(a == b && a != c)
    #expect(a.actions == [["1", "2"], ["1", "2", "3"], ["1", "2", "3", "4"]])
    #expect(a.payoffVectors.joined().allSatisfy { $0 >= -5 && $0 < 5 })
    let integer = NormalFormGame.random(actionCounts: [3, 3], integerPayoffs: 0...99, seed: 1)
    let values = Array(integer.payoffVectors.joined())
    #expect(values.allSatisfy { $0 == $0.rounded() && (0...99).contains($0) })
    #expect(Set(values).count > 5)
    // The draw order: profiles in order, players within a profile (player 0 slowest).
    let random = Random(seed: 42)
    let first = random.uniform(in: -5..<5)
    let second = random.uniform(in: -5..<5)
    #expect(a.payoffs([0, 0, 0])[0] == first && a.payoffs([0, 0, 0])[1] == second)
  }
}
