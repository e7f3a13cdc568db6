import Foundation
import Testing

/// `reproduce game solve` with --method, --exact, --time-limit, and bad input.
@Suite struct GameSolveCommandTests {
  /// Battle of the sexes: pure (1,1), (2,2) and the mixed ((2/3, 1/3), (1/3, 2/3)).
  static let battle = """
    NFG 1 R "Battle" { "Row" "Col" } { 2 2 }
    2 1 0 0 0 0 1 2
    """

  /// A 3-player game (every payoff 0).
  static let threePlayers = """
    NFG 1 R "Three" { "A" "B" "C" } { 2 2 2 }
    0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0
    """

  static func file(_ text: String, _ name: String) throws -> URL {
    let folder = try ReproduceCommand.temporaryFolder("solve")
    let url = folder.appendingPathComponent(name)
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url
  }

  @Test func vertexMethodGivesExactFractionsAndSubsetsInJSON() throws {
    let game = try Self.file(Self.battle, "battle.nfg")
    let text = try ReproduceCommand.run(["game", "solve", game.path, "--method", "vertex", "--exact"])
    #expect(text.status == 0)
    #expect(text.standardOutput.contains("  (2/3, 1/3) × (1/3, 2/3), payoffs (2/3, 2/3)"))
    let json = try ReproduceCommand.run(["game", "solve", game.path, "--format", "json", "--exact"])
    #expect(json.status == 0)
    #expect(json.standardOutput.contains("\"maximalNashSubsets\": ["))
    #expect(json.standardOutput.contains("[\"2/3\", \"1/3\"]"))
  }

  @Test func lemkeHowsonSaysItDoesNotPromiseEveryEquilibrium() throws {
    let game = try Self.file(Self.battle, "battle.nfg")
    let result = try ReproduceCommand.run(["game", "solve", game.path, "--method", "lemke-howson"])
    #expect(result.status == 0)
    #expect(result.standardOutput.contains("from each of the 4 labels found 2 equilibria, each checked; it does not promise every equilibrium"))
  }

  @Test(arguments: [
    (["--method", "simplex"], "--method simplex: unknown method; known: lemke-howson, support, vertex"),
    (["--time-limit", "soon"], "--time-limit soon: expected a positive number of seconds"),
    (["--time-limit=-1"], "--time-limit -1: expected a positive number of seconds"),
    (["--time-limit", "nan"], "--time-limit nan: expected a positive number of seconds"),
  ])
  func badOptionsExitTwoAndPrintNothing(arguments: [String], message: String) throws {
    let game = try Self.file(Self.battle, "battle.nfg")
    let result = try ReproduceCommand.run(["game", "solve", game.path] + arguments)
    #expect(result.status == 2)
    #expect(result.standardError.contains(message), "\(result.standardError)")
    #expect(result.standardOutput.isEmpty)
  }

  @Test func twoPlayerMethodsRefuseThreePlayerGames() throws {
    let game = try Self.file(Self.threePlayers, "three.nfg")
    let result = try ReproduceCommand.run(["game", "solve", game.path, "--method", "lemke-howson"])
    #expect(result.status == 2)
    #expect(result.standardError.contains("--method lemke-howson: it solves 2-player games, and \(game.path) has 3 players"))
    #expect(result.standardOutput.isEmpty)
    #expect(try ReproduceCommand.run(["game", "solve", game.path]).status == 0)
  }
}
