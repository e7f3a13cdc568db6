import Testing

@testable import GameTheory

@Suite struct NormalFormGameTests {
  @Test func prisonersDilemmaPayoffs() {
    let game = NormalFormGame.prisonersDilemma(reward: 3, sucker: 0, temptation: 5, punishment: 1)
    #expect(game.payoffs([0, 0]) == [3, 3])
    #expect(game.payoffs([0, 1]) == [0, 5])
    #expect(game.payoffs([1, 0]) == [5, 0])
    #expect(game.payoffs([1, 1]) == [1, 1])
    #expect(game.isPrisonersDilemma)
    #expect(game.pureNashEquilibria() == [[1, 1]])
  }

  @Test func notEveryGameIsAPrisonersDilemma() {
    // Stag hunt: (4,4), (0,3), (3,0), (3,3) has two pure equilibria and no dominant action.
    let stagHunt = NormalFormGame.prisonersDilemma(reward: 4, sucker: 0, temptation: 3, punishment: 3)
    #expect(!stagHunt.isPrisonersDilemma)
    #expect(stagHunt.pureNashEquilibria() == [[0, 0], [1, 1]])
    #expect(!stagHunt.isStrictlyDominant(0, for: 0))
    // 2R > T + S fails: alternating exploitation beats mutual cooperation.
    #expect(!NormalFormGame.prisonersDilemma(reward: 3, sucker: 0, temptation: 7, punishment: 1).isPrisonersDilemma)
  }

  @Test func threePlayerProfilesAndLookup() {
    let game = NormalFormGame(actions: [["a", "b"], ["x", "y", "z"], ["p", "q"]]) { profile in
      profile.map(Double.init)
    }
    #expect(game.profiles.count == 12)
    #expect(game.profiles[0] == [0, 0, 0] && game.profiles[11] == [1, 2, 1])
    #expect(game.payoffs([1, 2, 0]) == [1, 2, 0])
    #expect(game.pureNashEquilibria() == [[1, 2, 1]])
  }

  @Test func glpkIsLinked() {
    #expect(LinearProgramming.glpkVersion.hasPrefix("5."))
  }
}
