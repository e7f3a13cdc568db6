import Foundation
import Testing

/// Every bad input of issue 20 gets one clear error naming the problem, exit code 2, and writes
/// nothing: run from an empty folder, which must stay empty.
@Suite struct BadInputTests {
  static let fixtures = ReproduceCommand.packageRoot.appendingPathComponent("Tests/Fixtures/reliability").path

  static func expectRefused(_ arguments: [String], _ message: String, writing file: String? = nil) throws {
    let folder = try ReproduceCommand.temporaryFolder("bad-input")
    if let file { try Data(file.utf8).write(to: folder.appendingPathComponent("input.txt")) }
    let result = try ReproduceCommand.run(arguments, in: folder)
    #expect(result.status == 2, "\(arguments): status \(result.status), \(result.standardError)")
    #expect(result.standardError.contains(message), "\(arguments): \(result.standardError)")
    #expect(!result.standardError.contains("Missing value"), "\(arguments)")
    let left = ReproduceCommand.files(under: folder).keys.filter { $0 != "input.txt" }
    #expect(left.isEmpty, "\(arguments) wrote \(left.sorted())")
  }

  @Test(arguments: [
    (["run", "--output", ""], "the output folder is empty"),
    (["run", "--output", "/"], "the file-system root"),
    (["run", "--output", "/dev/null"], "under /dev"),
    (["check", "--output", "input.txt"], "exists and is not a folder"),
    (["run", "--jobs", "-1"], "--jobs must be at least 1, not -1"),
    (["run", "ma.cost", "--scale", "smoke", "--set", "systemSize=100000"], "100000 is out of range: expected an integer in 2...4096"),
    (["run", "--seed", "-1"], "'-1' is invalid for '--seed"),
    (["check", "--scale", "paper", "--sample", "1"], "no paper-scale results are committed"),
    (["check", "ModalAgents", "--scale", "paper", "--sample", "1"], "no paper-scale results are committed for ModalAgents"),
    (["check", "Nonesuch", "--scale", "paper", "--sample", "1"], "unknown id 'Nonesuch'"),
    (["check", "--sample", "1"], "--sample checks paper-scale results: add --scale paper"),
    (["run", "ma.cost", "--paper-layout"], "records paper-scale results; add --scale paper"),
    (["run", "ma.cost", "--scale", "paper", "--paper-layout", "--not-run", "ma.loops=slow"], "'ma.loops' is not a selected experiment"),
    (["game", "tournament", "--jobs", "-2"], "--jobs must be at least 1, not -2"),
    (["game", "tournament", "--turns", "-5"], "turns must be at least 1, got -5"),
    (["game", "tournament", "--turns", "100000000000"], "rounds in all"),
    (["game", "tournament", "--noise", "-0.5"], "noise must be a probability in [0, 1], got -0.5"),
    (["game", "tournament", "--payoffs", "3,0,1e308,1"], "payoffs must lie within"),
    (["ibh", "haggle", "input.txt", "--runs", "-1"], "--runs: -1 is not in 1...1000000"),
    (["ibh", "haggle", "input.txt", "--max-steps", "-1"], "--max-steps: -1 is not in 1...100000000"),
  ])
  func optionValues(arguments: [String], message: String) throws {
    try Self.expectRefused(arguments, message, writing: "NFG 1 R \"pd\" { \"P1\" \"P2\" } { 2 2 }\n3 3 0 5 5 0 1 1\n")
  }

  @Test func gamesGLPKCannotSolveAndGamesTooLargeToEnumerate() throws {
    try Self.expectRefused(
      ["game", "solve", Self.fixtures + "/huge-payoff.nfg"], "player 1's payoff at profile [0, 1] is -1e+300; payoffs must lie within")
    try Self.expectRefused(["game", "solve", Self.fixtures + "/zero-20x20.nfg"], "support enumeration would try 137847000000 support pairs")
    // A device is read like a file (so /dev/stdin works); /dev/null is then an empty game file.
    try Self.expectRefused(["game", "solve", "/dev/null"], "/dev/null line 1 column 1: not a Gambit .nfg file")
    try Self.expectRefused(["game", "solve", "/tmp"], "/tmp: is a folder, not a file")
  }

  @Test func deepOrCostlyModalInput() throws {
    let deep = "A = " + String(repeating: "(", count: 12_800) + "[]them(me)" + String(repeating: ")", count: 12_800) + "\n"
    try Self.expectRefused(["modal", "matrix", "input.txt"], "input.txt:1:506: the formula nests more than 500 levels deep", writing: deep)
    let chain = "A = " + Array(repeating: "[]them(me)", count: 65_000).joined(separator: " -> ") + "\n"
    try Self.expectRefused(["modal", "matrix", "input.txt"], "the formula nests more than 500 levels deep", writing: chain)
    let negations = String(repeating: "~", count: 65_000) + "[]them(me)"
    try Self.expectRefused(["modal", "compete", negations, "FairBot"], "nests more than 500 levels deep")
    let boxes = "A = " + String(repeating: "[1000000]", count: 300) + "them(me)\n"
    try Self.expectRefused(["modal", "matrix", "input.txt"], "node evaluations", writing: boxes)
    // Many cheap agents whose matchups add up: 60 agents of two [1000000] boxes each.
    let many = (0..<60).map { "A\($0) = [1000000][1000000]them(me)\n" }.joined()
    try Self.expectRefused(["modal", "matrix", "input.txt"], "solving every matchup may take more than the limit", writing: many)
    try Self.expectRefused(["modal", "matrix", "/dev/null"], "/dev/null: no agents defined")
  }
}

/// File arguments read standard input for `-` (issue "For the researcher": a game built in Python
/// goes to the tool without a temporary file).
@Suite struct StandardInputTests {
  @Test func gameSolveReadsStandardInput() throws {
    let game = "NFG 1 R \"pd\" { \"1\" \"2\" }\n{ { \"C\" \"D\" } { \"C\" \"D\" } }\n\n3 3 5 0 0 5 1 1\n"
    let result = try ReproduceCommand.run(["game", "solve", "-", "--format", "json"], input: game)
    #expect(result.status == 0)
    #expect(result.standardOutput.contains("\"profile\": [\"D\", \"D\"]"))
  }

  @Test func errorsNameStandardInput() throws {
    let result = try ReproduceCommand.run(["modal", "matrix", "-"], input: "Odd = [] them(Nobody)\n")
    #expect(result.status == 2)
    #expect(
      result.standardError
        == "error: standard input:1:15: unknown agent 'Nobody' (not in the library and not defined earlier)\n")
  }
}
