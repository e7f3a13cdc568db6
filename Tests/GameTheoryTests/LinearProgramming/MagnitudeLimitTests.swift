import Foundation
import LabKit
import Testing

@testable import GameTheory

/// Numbers GLPK cannot solve reliably are refused before any linear program, with the place named
/// (issue 20: a payoff of −1e300 aborted the process inside GLPK, −1e20 gave "infeasible" and 1e38
/// "unbounded" on valid games).
@Suite struct MagnitudeLimitTests {
  /// The 2×2 game of the issue, with `value` in the two cells that held −1e300.
  static func nfg(_ value: String) -> String {
    "NFG 1 R \"huge\" { \"P1\" \"P2\" } { 2 2 }\n3 0 \(value) 0 \(value) 0 0 1\n"
  }

  @Test(arguments: ["-1e300", "-1e20", "1e38", "1e10"])
  func aGameWithAHugePayoffIsRefusedWithItsCell(value: String) throws {
    do {
      _ = try GambitStrategicGame(nfg: Self.nfg(value), source: "huge.nfg")
      Issue.record("a payoff of \(value) was accepted")
    } catch let error as LabError {
      let text = "\(error)"
      #expect(text.contains("player 1's payoff at profile [0, 1] is \(Double(value)!)"), "\(text)")
      #expect(text.contains("payoffs must lie within ±1e9"), "\(text)")
    }
  }

  @Test func aGameAtTheLimitIsSolvedExactly() throws {
    // Matching pennies scaled by 1e9: player 1's maxmin value is 0, playing each action with 1/2.
    let game = try NormalFormGame(actions: [["H", "T"], ["H", "T"]], payoffVectors: [[1e9, -1e9], [-1e9, 1e9], [-1e9, 1e9], [1e9, -1e9]])
    let level = try game.maxmin(0)
    #expect(abs(level.value) < 1e-3)
    #expect(level.strategy.map { abs($0 - 0.5) < 1e-9 } == [true, true])
    // And a maxmin of 1e9 scale with a nonzero value: [[1e9, 0], [0, 1e9]] gives 5e8.
    let coordination = try NormalFormGame(actions: [["A", "B"], ["A", "B"]], payoffVectors: [[1e9, 1e9], [0, 0], [0, 0], [1e9, 1e9]])
    #expect(abs(try coordination.maxmin(0).value - 5e8) < 1)
  }

  @Test func aLinearProgramWithAHugeCoefficientOrBoundNamesIt() throws {
    var lp = LinearProgram()
    let x = lp.addVariable("x")
    lp.addConstraint("big", [x: -1e300], .atMost(1))
    lp.maximise([x: 1])
    #expect(throws: LabError.self) { try lp.solve() }
    do { _ = try lp.solve() } catch let error as LabError {
      #expect("\(error)".contains("LinearProgram constraint 0 'big': coefficient -1e+300 on variable 0 'x' exceeds ±1e12"))
    }
    var bounded = LinearProgram()
    let y = bounded.addVariable("y", .init(lower: -1e20, upper: nil))
    bounded.minimise([y: 1])
    do {
      _ = try bounded.solve()
      Issue.record("a bound of -1e20 was accepted")
    } catch let error as LabError {
      #expect("\(error)".contains("LinearProgram variable 0 'y': lower bound -1e+20 exceeds"), "\(error)")
    }
  }

  @Test func supportEnumerationBeyondItsLimitIsRefusedAtOnce() throws {
    let zero = try NormalFormGame(
      actions: [Array(repeating: "a", count: 20), Array(repeating: "b", count: 20)], payoffVectors: Array(repeating: [0, 0], count: 400))
    let start = Date()
    do {
      _ = try GameAnalysis(zero)
      Issue.record("a 20 × 20 game was analysed")
    } catch let error as LabError {
      #expect(
        "\(error)".contains("game 20 × 20: support enumeration would try 137847000000 support pairs, more than the limit of 3000000"), "\(error)")
    }
    #expect(Date().timeIntervalSince(start) < 1)
    // A 4 × 4 game is within the limit (C(8, 4) − 1 = 69 pairs).
    let small = try NormalFormGame(
      actions: [Array(repeating: "a", count: 4), Array(repeating: "b", count: 4)], payoffVectors: Array(repeating: [0, 0], count: 16))
    #expect(try GameAnalysis(small).security.count == 2)
  }

  @Test func tournamentLimitsAndHugeStagePayoffs() throws {
    #expect(throws: LabError.self) { try Tournament(names: ["Cooperator", "Defector"], turns: 100_000_000_000) }
    do { _ = try Tournament(names: ["Cooperator", "Defector"], turns: 100_000_000_000) } catch let error as LabError {
      #expect("\(error)".contains("3 pairs × 10 repetitions × 100000000000 turns is more than 10000000000 rounds in all"), "\(error)")
    }
    do {
      _ = try StageGame(reward: 3, sucker: 0, temptation: 1e308, punishment: 1)
      Issue.record("a temptation of 1e308 was accepted")
    } catch let error as LabError {
      #expect("\(error)".contains("temptation T is 1e+308; payoffs must lie within ±1e9"), "\(error)")
    }
    // At the limit, a tournament's sums stay finite: Defector earns T = 1e9 against Cooperator every turn.
    let game = try StageGame(reward: 3, sucker: 0, temptation: 1e9, punishment: 1)
    let result = try Tournament(names: ["Cooperator", "Defector"], turns: 1000, repetitions: 2, game: game).play(jobs: 1)
    #expect(result.summary(title: "t").json.rendered().contains("null") == false)
  }
}

/// Strategy counts that cannot fit the file are refused before anything is allocated (found by
/// fuzzing: `{ 3333333333333333 2 }` aborted allocating the strategy names, and counts whose product
/// overflows trapped).
@Suite struct NFGSizeLimitTests {
  @Test(arguments: [
    ("NFG 1 R \"x\" { \"A\" \"B\" } { 3333333333333333 2 }\n1 2\n", "3333333333333333 strategies, more profiles than the file has numbers for"),
    (
      "NFG 1 R \"x\" { \"A\" \"B\" \"C\" } { 100000 100000 100000 }\n1 2\n",
      "100000 strategies, more profiles than the file has numbers for (16 tokens)"
    ),
    (
      "NFG 1 R \"x\" { \"A\" \"B\" \"C\" } { 10 10 10 }\n1 2\n",
      "the strategy counts [10, 10, 10] give more profiles than the file has numbers for (16 tokens)"
    ),
  ])
  func hugeStrategyCountsAreRefused(text: String, message: String) throws {
    do {
      _ = try GambitStrategicGame(nfg: text, source: "big.nfg")
      Issue.record("accepted")
    } catch let error as LabError {
      #expect("\(error)".contains(message), "\(error)")
    }
  }
}
