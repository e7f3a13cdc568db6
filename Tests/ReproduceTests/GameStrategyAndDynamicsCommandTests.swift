import Foundation
import Testing

/// `reproduce game strategies | tournament --strategy | dynamics | moran`, run as a researcher would.
@Suite struct GameStrategyAndDynamicsCommandTests {
  static func file(_ name: String, _ text: String) throws -> String {
    let url = try ReproduceCommand.temporaryFolder("game").appendingPathComponent(name)
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url.path
  }

  static let rockPaperScissors = """
    NFG 1 R "Rock paper scissors" { "Row" "Column" } { 3 3 }
    0 0 1 -1 -1 1 -1 1 0 0 1 -1 1 -1 -1 1 0 0
    """

  @Test func strategiesAreListedAndShown() throws {
    let list = try ReproduceCommand.run(["game", "strategies"])
    #expect(list.status == 0)
    #expect(list.standardOutput.split(separator: "\n").count >= 50)
    #expect(list.standardOutput.contains("Fortress3  (library)"))
    let shown = try ReproduceCommand.run(["game", "strategies", "--show", "Handshake"])
    #expect(shown.status == 0 && shown.standardOutput.contains("strategy Handshake\nstart h1 C\n"))
    let unknown = try ReproduceCommand.run(["game", "strategies", "--show", "Nobody"])
    #expect(unknown.status == 2 && unknown.standardOutput.isEmpty && unknown.standardError.contains("unknown id 'Nobody'"))
  }

  @Test func tournamentReadsStrategyFiles() throws {
    let path = try Self.file("mine.txt", "strategy Mine\nstart s C\ns C -> s C\ns D -> t C\nt C -> s C\nt D -> t D\n")
    let result = try ReproduceCommand.run([
      "game", "tournament", "--strategies", "TitForTat,Fortress3", "--strategy", path, "--turns", "20", "--repetitions", "1",
    ])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardOutput.contains("Mine") && result.standardOutput.contains("Fortress3"))
    let bad = try Self.file("bad.txt", "strategy Bad\nstart s Q\n")
    let refused = try ReproduceCommand.run(["game", "tournament", "--strategy", bad])
    #expect(refused.status == 2 && refused.standardOutput.isEmpty)
    #expect(refused.standardError.contains("\(bad):2:9: 'Q' is not a move"))
    let twice = try ReproduceCommand.run(["game", "tournament", "--strategies", "Grudger,grudger"])
    #expect(twice.status == 2 && twice.standardError.contains("Grudger appears twice"))
  }

  @Test func dynamicsRunAndRefuseBadInput() throws {
    let game = try Self.file("rps.nfg", Self.rockPaperScissors)
    let run = try ReproduceCommand.run(["game", "dynamics", game, "--initial", "0.5,0.3,0.2", "--points", "3"])
    #expect(run.status == 0)
    #expect(run.standardOutput.contains(" 0.0000  0.500000  0.300000  0.200000\n"))
    // The Taylor series method (the default) and RK4 print the same six-digit states.
    let rk4 = try ReproduceCommand.run(["game", "dynamics", game, "--initial", "0.5,0.3,0.2", "--points", "3", "--integrator", "rk4"])
    #expect(run.standardOutput.contains("Taylor series with tolerance 1e-10") && rk4.standardOutput.contains("RK4 with step ≤ 0.01"))
    let states = { (output: String) in output.split(separator: "\n").filter { $0.hasPrefix(" ") } }
    #expect(states(run.standardOutput).count == 3 && states(run.standardOutput) == states(rk4.standardOutput))
    let cases: [([String], String)] = [
      (["--initial", "0.5,0.3"], "--initial 0.5,0.3: 2 shares; the dynamics need 3"),
      (["--initial", "0.5,0.6,-0.1"], "initial population: entry 3 is -0.1, not a probability"),
      (["--method", "discrete-replicator"], "0.0 is not positive"),
      (["--method", "stochastic-fictitious-play", "--logit-noise", "0"], "the logit noise η must be positive"),
      (["--method", "fictitious-play", "--iterations=-1"], "--iterations: must be from 0 to 100000000, got -1"),
      (["--step", "nan"], "the step must be a positive number"),
      (["--tolerance", "0"], "the tolerance must be from 1e-15 to 1e-3, got 0.0"),
    ]
    for (arguments, message) in cases {
      let result = try ReproduceCommand.run(["game", "dynamics", game] + arguments)
      #expect(result.status == 2 && result.standardOutput.isEmpty, "\(arguments)")
      #expect(result.standardError.contains(message), "\(arguments): \(result.standardError)")
    }
    let asymmetric = try Self.file("asym.nfg", "NFG 1 R \"a\" { \"1\" \"2\" } { 2 2 }\n1 2 3 4 5 6 7 8\n")
    let one = try ReproduceCommand.run(["game", "dynamics", asymmetric, "--populations", "one"])
    #expect(one.status == 2 && one.standardError.contains("the game is not symmetric"))
    let infinite = try Self.file("inf.nfg", "NFG 1 R \"a\" { \"1\" \"2\" } { 2 2 }\n1 2 3 4 5 6 7 1e300\n")
    let huge = try ReproduceCommand.run(["game", "dynamics", infinite])
    #expect(huge.status == 2 && huge.standardError.contains("player 2's payoff at profile [1, 1] is 1e+300"), "\(huge.standardError)")
  }

  @Test func moranRunsAndRefusesBadInput() throws {
    let run = try ReproduceCommand.run(["game", "moran", "--strategies", "TitForTat,Defector", "--counts", "2,2", "--turns", "10", "--runs", "200"])
    #expect(run.status == 0)
    #expect(run.standardOutput.contains("0.584847"))  // the exact two-type fixation probability
    let cases: [([String], String)] = [
      (["--strategies", "TitForTat,Random", "--counts", "2,2"], "the strategies must be deterministic"),
      (["--strategies", "TitForTat", "--counts", "2"], "give at least two strategies"),
      (["--strategies", "TitForTat,Defector", "--counts", "2,1.5"], "1.5 is not a count"),
      (["--strategies", "TitForTat,Defector", "--counts", "2,2", "--runs", "0"], "--runs: must be from 1"),
    ]
    for (arguments, message) in cases {
      let result = try ReproduceCommand.run(["game", "moran"] + arguments)
      #expect(result.status == 2 && result.standardOutput.isEmpty, "\(arguments)")
      #expect(result.standardError.contains(message), "\(arguments): \(result.standardError)")
    }
  }
}
