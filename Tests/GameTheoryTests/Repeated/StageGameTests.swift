import LabKit
import Testing

@testable import GameTheory

@Suite struct StageGameTests {
  @Test func axelrodDefaultGame() throws {
    let game = StageGame.axelrod
    #expect(game == (try StageGame()))
    #expect(game.firstPayoffs == SIMD4(3, 0, 5, 1))
    #expect(game.secondPayoffs == SIMD4(3, 5, 0, 1))
    #expect(game.payoffs(.cooperate, .defect) == SIMD2(0, 5))
    #expect(game.payoffs(.defect, .cooperate) == SIMD2(5, 0))
    // axelrod's Game().RPST() is (3, 1, 0, 5).
    #expect(game.rpst == (reward: 3, punishment: 1, sucker: 0, temptation: 5))
    #expect(game.isSymmetric && game.isPrisonersDilemma)
    #expect(game.description == "(R, S, T, P) = (3.0, 0.0, 5.0, 1.0)")
  }

  @Test func fromNormalFormGame() throws {
    let pd = NormalFormGame.prisonersDilemma(reward: 3, sucker: 0, temptation: 5, punishment: 1)
    #expect(try StageGame(pd) == .axelrod)
    #expect(try StageGame(StageGame.axelrod.normalForm) == .axelrod)
    #expect(StageGame.axelrod.normalForm.payoffs([0, 1]) == [0, 5])

    // An asymmetric game: each seat keeps its own payoffs.
    let asymmetric = NormalFormGame(actions: [["a", "b"], ["x", "y"]]) { profile in
      [Double(1 + 2 * profile[0] + profile[1]), Double(10 * (1 + 2 * profile[0] + profile[1]))]
    }
    let stage = try StageGame(asymmetric)
    #expect(stage.firstPayoffs == SIMD4(1, 2, 3, 4))
    #expect(stage.secondPayoffs == SIMD4(10, 20, 30, 40))
    #expect(!stage.isSymmetric && !stage.isPrisonersDilemma)
    #expect(stage.description == "CC (1.0, 10.0), CD (2.0, 20.0), DC (3.0, 30.0), DD (4.0, 40.0)")
  }

  @Test func stagHuntIsNotAPrisonersDilemma() throws {
    let stagHunt = try StageGame(reward: 4, sucker: 0, temptation: 3, punishment: 3)
    #expect(stagHunt.isSymmetric && !stagHunt.isPrisonersDilemma)
  }

  @Test func badGamesAreRejected() {
    let threeActions = NormalFormGame(actions: [["a", "b", "c"], ["x", "y"]]) { _ in [0, 0] }
    let error = RepeatedTestSupport.labError { _ = try StageGame(threeActions) }
    #expect(
      error
        == .invalidInput(
          place: "stage game", problem: "a repeated match needs a 2-player game with 2 actions each, got 2 players (3 × 2)"))
    let threePlayers = NormalFormGame(actions: [["a", "b"], ["x", "y"], ["p", "q"]]) { _ in [0, 0, 0] }
    #expect(RepeatedTestSupport.labError { _ = try StageGame(threePlayers) } != nil)
    #expect(
      RepeatedTestSupport.labError { _ = try StageGame(reward: .infinity) }
        == .invalidInput(place: "stage game", problem: "reward R is inf, not a finite number"))
    #expect(RepeatedTestSupport.labError { _ = try StageGame(punishment: .nan) } != nil)
  }

  @Test func moveSequences() throws {
    #expect(try StageGame.Move.sequence("CD dc") == [.cooperate, .defect, .defect, .cooperate])
    #expect(StageGame.Move.defect.flipped == .cooperate)
    #expect(
      RepeatedTestSupport.labError { _ = try StageGame.Move.sequence("CXD") }
        == .invalidInput(place: "move sequence \"CXD\"", problem: "character 2 is 'X', not C or D"))
    #expect(try RepeatedMatch.Turn.transcript("CD", "DD").map(\.description) == ["CD", "DD"])
    #expect(RepeatedTestSupport.labError { _ = try RepeatedMatch.Turn.transcript("CD", "D") } != nil)
  }
}
