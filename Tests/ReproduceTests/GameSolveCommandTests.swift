import Foundation
import LabKit
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
    (["--method", "simplex"], "--method simplex: unknown method; known: lemke-howson, support, vertex, simpdiv"),
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

  /// Jordan's 3-player matching pennies (Tests/Fixtures/pygambit/games/jordan-3-player.nfg): its only
  /// equilibrium, everyone at (1/2, 1/2), is what Gambit's simpdiv returns.
  @Test func threePlayerGamesGetSimplicialSubdivisionByDefaultInJSON() throws {
    let game = try Self.file(
      try String(
        contentsOf: ReproduceCommand.packageRoot.appendingPathComponent("Tests/Fixtures/pygambit/games/jordan-3-player.nfg"), encoding: .utf8),
      "jordan.nfg")
    let result = try ReproduceCommand.run(["game", "solve", game.path, "--format", "json"])
    #expect(result.status == 0)
    let json = try JSONValue.parse(result.standardOutput, source: "stdout")
    let mixed = try #require(json["mixedEquilibria"])
    #expect(mixed["method"]?.stringValue == "simpdiv")
    #expect(mixed["regret"]?.numberValue == 0 && mixed["targetRegret"]?.numberValue == 2e-7)
    let strategies = mixed["equilibria"]?.arrayValue?.first?["strategies"]?.arrayValue?.map { $0.arrayValue!.map { $0.numberValue! } }
    #expect(strategies == [[0.5, 0.5], [0.5, 0.5], [0.5, 0.5]])
  }

  @Test func badPayoffsOfThreePlayerGamesAreRefusedNamingTheCell() throws {
    let body = "0 0 0 0 0 0 0 0 0 0 0 0 0 0 1e300 0 0 0 0 0 0 0 0 0"
    let game = try Self.file("NFG 1 R \"Three\" { \"A\" \"B\" \"C\" } { 2 2 2 }\n" + body + "\n", "big.nfg")
    let result = try ReproduceCommand.run(["game", "solve", game.path])
    #expect(result.status == 2)
    #expect(result.standardError.contains("player 3's payoff at profile [0, 0, 1] is 1e+300"), "\(result.standardError)")
    #expect(result.standardOutput.isEmpty)
    let notANumber = try Self.file(
      "NFG 1 R \"Three\" { \"A\" \"B\" \"C\" } { 2 2 2 }\n" + body.replacingOccurrences(of: "1e300", with: "nan") + "\n", "nan.nfg")
    let refused = try ReproduceCommand.run(["game", "solve", notANumber.path])
    #expect(refused.status == 2 && refused.standardOutput.isEmpty)
    #expect(refused.standardError.contains("line 2 column 29: 'nan' is not a number"), "\(refused.standardError)")
  }
}
