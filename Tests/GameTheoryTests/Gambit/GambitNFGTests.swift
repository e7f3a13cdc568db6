import Foundation
import LabKit
import Testing

@testable import GameTheory

/// Reading and writing Gambit `.nfg` files, checked against Gambit's documentation example and
/// against pygambit 16.7.0 (`Tests/Fixtures/gambit/make_gambit_fixtures.py`).
@Suite struct GambitNFGTests {
  /// e02.nfg, Selten (1975) Figure 2: profile (player 1's strategy, player 2's) → payoffs, from the
  /// documentation's walk through the payoff list.
  static let e02Payoffs: [[Int]: [Double]] = [
    [0, 0]: [1, 1], [1, 0]: [0, 2], [2, 0]: [0, 2],
    [0, 1]: [1, 1], [1, 1]: [0, 3], [2, 1]: [2, 0],
  ]

  @Test func readsTheDocumentationExamplePayoffVersion() throws {
    let file = try GambitStrategicGame(nfg: NashTestSupport.fixtureText("gambit/e02.nfg"), source: "e02.nfg")
    #expect(file.title == "Selten (IJGT, 75), Figure 2, normal form")
    #expect(file.comment == "")
    #expect(file.game.playerNames == ["Player 1", "Player 2"])
    #expect(file.game.actions == [["1", "2", "3"], ["1", "2"]])
    for (profile, payoffs) in Self.e02Payoffs { #expect(file.game.payoffs(profile) == payoffs, "\(profile)") }
  }

  @Test func readsTheDocumentationExampleOutcomeVersion() throws {
    let payoff = try GambitStrategicGame(nfg: NashTestSupport.fixtureText("gambit/e02.nfg"))
    let outcome = try GambitStrategicGame(nfg: NashTestSupport.fixtureText("gambit/e02-outcome.nfg"))
    #expect(outcome == payoff)
  }

  @Test func readsFromAFile() throws {
    let path = NashTestSupport.fixtureURL("gambit/e02.nfg").path
    #expect(try GambitStrategicGame.read(path: path).game.payoffs([2, 1]) == [2, 0])
    #expect(throws: LabError.fileSystem(path: "/nonexistent/x.nfg", problem: "no such file")) {
      try GambitStrategicGame.read(path: "/nonexistent/x.nfg")
    }
  }

  @Test func writesThePayoffVersionWithNames() {
    let game = NormalFormGame.prisonersDilemma(reward: 3, sucker: 0, temptation: 5, punishment: 1)
    let text = game.gambitNFG(title: "PD", comment: "a \"quoted\" comment")
    #expect(
      text == """
        NFG 1 R "PD" { "Player 1" "Player 2" }
        { { "cooperate" "defect" }
        { "cooperate" "defect" }
        }
        "a \\"quoted\\" comment"

        3 3
        5 0
        0 5
        1 1

        """)
  }

  @Test func numbersAreWrittenInFullAndReadBackExactly() throws {
    let values: [Double] = [
      0, -0.0, 3, -2.5, 0.1, 1.0 / 3, 1e-5, 1e-20, Double.leastNonzeroMagnitude, 1.5e20, 1e16, -123.456, .pi, Double.greatestFiniteMagnitude,
    ]
    let written = values.map(GambitStrategicGame.decimal)
    #expect(
      Array(written.prefix(10)) == [
        "0", "0", "3", "-2.5", "0.1", "0.3333333333333333", "0.00001", "0.00000000000000000001",
        "0." + String(repeating: "0", count: 323) + "5", "150000000000000000000",
      ])
    #expect(written.allSatisfy { !$0.contains("e") })
    for (value, text) in zip(values, written) { #expect(GambitNFGParser.parseNumber(text) == value, "\(text)") }
  }

  @Test func parsesGambitNumberForms() {
    let cases: [(String, Double?)] = [
      ("3", 3), ("-3", -3), ("+3", 3), ("3/2", 1.5), ("-3/2", -1.5), ("0.1", 0.1), (".5", 0.5), ("5.", 5), ("-.25", -0.25),
      ("1e3", 1000), ("1.5E-2", 0.015), ("2e+2", 200),
      ("3/0", nil), ("1/2/3", nil), ("abc", nil), ("1.2.3", nil), ("-", nil), (".", nil), ("1e", nil), ("1e+", nil), ("3x", nil),
      ("/2", nil), ("0x10", nil), ("1,5", nil), ("½", nil),
    ]
    for (text, value) in cases { #expect(GambitNFGParser.parseNumber(text) == value, "\(text)") }
  }

  @Test func readsCommentsRationalsDecimalsAndTheObsoleteDataType() throws {
    let text = """
      NFG 1 D "rationals" { "Row" "Column" }
      { { "U" "D" } { "L" "R" } }
      "a comment"
      1/2 -3/4   0.25 1e1
      +2 .5      -1 0
      """
    let file = try GambitStrategicGame(nfg: text)
    #expect(file.comment == "a comment")
    #expect(file.game.playerNames == ["Row", "Column"])
    // Gambit order: (U,L) (D,L) (U,R) (D,R).
    #expect(file.game.payoffs([0, 0]) == [0.5, -0.75])
    #expect(file.game.payoffs([1, 0]) == [0.25, 10])
    #expect(file.game.payoffs([0, 1]) == [2, 0.5])
    #expect(file.game.payoffs([1, 1]) == [-1, 0])
  }

  @Test func escapedQuotesInLabelsRoundTrip() throws {
    let game = NormalFormGame(playerNames: ["the \"first\"", "back\\slash"], actions: [["a \"b\""], ["c", "d"]]) { profile in
      [Double(profile[1]), 1]
    }
    let file = GambitStrategicGame(game: game, title: "say \"hi\"", comment: "")
    let read = try GambitStrategicGame(nfg: file.nfgText)
    #expect(read == file)
  }

  /// Write → read gives back the same game, title and comment, for 2- and 3-player games with
  /// decimal, integer and extreme payoffs.
  @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt32])
  func roundTrip(seed: UInt32) throws {
    let random = Random(seed: seed)
    let counts = (0..<(seed % 2 == 0 ? 2 : 3)).map { _ in random.integer(in: 1...4) }
    let games = [
      NormalFormGame.random(actionCounts: counts, payoffs: -1e6..<1e6, using: random),
      NormalFormGame.random(actionCounts: counts, integerPayoffs: -99...99, using: random),
      NormalFormGame.random(actionCounts: counts, payoffs: 0..<1e-12, using: random),
    ]
    for game in games {
      let file = GambitStrategicGame(game: game, title: "seed \(seed)", comment: "counts \(counts)")
      #expect(try GambitStrategicGame(nfg: file.nfgText) == file)
      #expect(try NormalFormGame(gambitNFG: game.gambitNFG()) == game)
    }
  }

  @Test func writesAndReadsFilesAtomically() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gambit-nfg-\(ProcessInfo.processInfo.processIdentifier)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("chicken.nfg").path
    let file = GambitStrategicGame(game: .chicken(), title: "Chicken")
    try file.write(to: path)
    #expect(try GambitStrategicGame.read(path: path) == file)
  }

  // MARK: - Errors name the line and column

  static let header = "NFG 1 R \"t\" { \"A\" \"B\" } { 2 2 }\n"

  @Test(arguments: [
    // (text, line, column, words the problem mentions)
    ("", 1, 1, "expected 'NFG' at the start, found the end of the file"),
    ("EFG 2 R \"tree\" { \"A\" }", 1, 1, "extensive-form"),
    ("\n  NFX 1 R", 2, 3, "expected 'NFG' at the start, found 'NFX'"),
    ("NFG 2 R \"t\" { \"A\" } { 1 }\n0", 1, 5, "unsupported NFG version '2'"),
    ("NFG 1 Q \"t\" { \"A\" } { 1 }\n0", 1, 7, "expected the data type 'R'"),
    ("NFG 1 R { \"A\" } { 1 }\n0", 1, 9, "expected the game title in double quotes, found '{'"),
    ("NFG 1 R \"t\" \"A\" \"B\" } { 2 2 }", 1, 13, "expected '{' before the player names, found the string \"A\""),
    ("NFG 1 R \"t\" { \"A\" \"B\" { 2 2 }", 1, 23, "a player name in double quotes or '}'"),
    ("NFG 1 R \"t\" { } { }", 1, 15, "no players"),
    ("NFG 1 R \"t\" { \"A\" \"B\" }\n 2 2 }", 2, 2, "expected '{' before the strategies, found '2'"),
    ("NFG 1 R \"t\" { \"A\" \"B\" } { 2 }\n1 2", 1, 29, "2 players but strategies for 1"),
    ("NFG 1 R \"t\" { \"A\" \"B\" } { 2 2 2 }", 1, 31, "more strategy counts than the 2 players"),
    ("NFG 1 R \"t\" { \"A\" \"B\" } { 2 0 }", 1, 29, "'0' is not a positive integer"),
    ("NFG 1 R \"t\" { \"A\" \"B\" } { 2 1.5 }", 1, 29, "'1.5' is not a positive integer"),
    ("NFG 1 R \"t\" { \"A\" \"B\" } { { \"x\" } { } }", 1, 35, "player 2 has no strategies"),
    ("NFG 1 R \"t\" { \"A\" \"B\" } { { \"x\" } }", 1, 35, "2 players but strategies for 1"),
    ("NFG 1 R \"t\" { \"A\" \"B\" } { { \"x\" } { \"y\" } { \"z\" } }", 1, 43, "more strategy lists than the 2 players"),
    ("NFG 1 R \"t\" { \"A\" \"B\" } { { \"x\" 3 } }", 1, 33, "a strategy name in double quotes or '}' after player 1's strategies, found '3'"),
    ("NFG 1 R \"t\" { \"A\" \"B } { 1 }", 1, 19, "unterminated string: no closing '\"' before the end of the file"),
    (header + "1 2 3 4\n5 6 7\n", 4, 1, "7 payoffs, but 4 profiles × 2 players need 8"),
    (header + "1 2 3 4\n5 6 7 8\n9\n", 4, 1, "more than the 8 payoffs"),
    (header + "1 2 3 4\n5 six 7 8\n", 3, 3, "'six' is not a number"),
    (header + "1 2 3 4\n5 6/0 7 8\n", 3, 3, "'6/0' is not a number"),
    (header + "1 2 3 4\n5 1e999 7 8\n", 3, 3, "'1e999' is out of range"),
    (header + "1 2 3 4\n5, 6 7 8\n", 3, 2, "expected a payoff, found ','"),
    (header + "\"comment\"\n", 3, 1, "expected the payoffs or the '{' of the outcome list, found the end of the file"),
    (header + "\"comment\" }", 2, 11, "expected the payoffs or the '{' of the outcome list, found '}'"),
    (header + "{ { \"o\" 1 2 } { \"p\" 3 } }\n1 1 1 1", 2, 15, "outcome 2 has 1 payoffs for 2 players"),
    (header + "{ { 1 2 } }\n1 1 1 1", 2, 5, "expected the outcome's name in double quotes, found '1'"),
    (header + "{ { \"o\" 1 2 }\n1 1 1 1", 3, 1, "'{' of another outcome or '}' after the outcomes, found '1'"),
    (header + "{ { \"o\" 1 2 } }\n1 1 2 1", 3, 5, "outcome 2 is not defined (there are 1)"),
    (header + "{ { \"o\" 1 2 } }\n1 1 -1 1", 3, 5, "expected an outcome number (0 to 1), found '-1'"),
    (header + "{ { \"o\" 1 2 } }\n1 1 1", 3, 6, "3 outcome numbers for 4 profiles"),
    (header + "{ { \"o\" 1 2 } }\n1 1 1 1\n0", 4, 1, "more than the 4 outcome numbers"),
    (header + "{ { \"o\" 1 x } }\n1 1 1 1", 2, 11, "'x' is not a number"),
  ])
  func errorsNameLineAndColumn(text: String, line: Int, column: Int, words: String) {
    do {
      _ = try GambitStrategicGame(nfg: text, source: "bad.nfg")
      Issue.record("no error for \(text.debugDescription)")
    } catch let LabError.invalidInput(place, problem) {
      #expect(place == "bad.nfg line \(line) column \(column)", "\(problem)")
      #expect(problem.contains(words), "\(place): \(problem)")
    } catch {
      Issue.record("unexpected error \(error)")
    }
  }

  // MARK: - Against pygambit 16.7.0

  /// Files written by this writer, committed under `Tests/Fixtures/gambit/written/`; the fixture
  /// script reads them with pygambit (`readback.json`).
  static var writtenGames: [(name: String, file: GambitStrategicGame)] {
    [
      (
        "prisoners-dilemma",
        GambitStrategicGame(
          game: .prisonersDilemma(reward: 3, sucker: 0, temptation: 5, punishment: 1),
          title: "Prisoner's dilemma, (R, S, T, P) = (3, 0, 5, 1)", comment: "written by CooperationLab")
      ),
      ("schelling-pub", GambitStrategicGame(game: .schellingPub(), title: "Schelling pub")),
      (
        "coordination-3-players",
        GambitStrategicGame(
          game: .coordination(payoffs: [2, 1, 0.5], playerCount: 3), title: "Three-player coordination")
      ),
      (
        "random-2x3x2",
        GambitStrategicGame(
          game: .random(actionCounts: [2, 3, 2], payoffs: -1..<1, seed: 7), title: "random(actionCounts: [2, 3, 2], payoffs: -1..<1, seed: 7)")
      ),
      (
        "quotes-and-extremes",
        GambitStrategicGame(
          game: NormalFormGame(playerNames: ["the \"row\"", "column"], actions: [["up", "down"], ["left", "right"]]) { profile in
            [[[1e-20, -0.1], [1.0 / 3, 1.5e20]][profile[0]][profile[1]], 0.7 * Double(profile[0] - profile[1])]
          },
          title: "A \"quoted\" title", comment: "tiny, huge and repeating decimals")
      ),
    ]
  }

  /// The writer's output is byte-identical to the committed files (record them with
  /// RECORD_GOLDEN=1; a recording fails so it never passes silently).
  @Test func writtenFilesMatchTheCommittedOnes() throws {
    let record = ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1"
    for (name, file) in Self.writtenGames {
      let url = NashTestSupport.fixtureURL("gambit/written/\(name).nfg")
      let committed = try? String(contentsOf: url, encoding: .utf8)
      if record || committed == nil {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try file.nfgText.write(to: url, atomically: true, encoding: .utf8)
        Issue.record("recorded \(url.path); run the tests again")
        continue
      }
      #expect(committed == file.nfgText, "\(name)")
    }
  }

  /// pygambit reads the files this writer wrote and finds the same title, labels and payoffs.
  @Test func pygambitReadsWhatWeWrite() throws {
    let readback = try NashTestSupport.json("gambit/readback.json")
    #expect(readback["versions"]?["pygambit"]?.stringValue == "16.7.0")
    let entries = try #require(readback["files"]?.arrayValue)
    #expect(entries.count == Self.writtenGames.count)
    for (name, file) in Self.writtenGames {
      let entry = try #require(entries.first { $0["file"]?.stringValue == "written/\(name).nfg" }, "\(name)")
      #expect(entry["title"]?.stringValue == file.title)
      #expect(entry["comment"]?.stringValue == file.comment)
      #expect(entry["players"]?.arrayValue?.map { $0.stringValue! } == file.game.playerNames)
      #expect(entry["strategies"]?.arrayValue?.map { $0.arrayValue!.map { $0.stringValue! } } == file.game.actions)
      #expect(NashTestSupport.matrix(entry["payoffs"]) == file.game.payoffVectors, "\(name)")
    }
  }

  /// This reader reads the files pygambit writes (outcome version) and finds pygambit's payoffs.
  @Test func weReadWhatPygambitWrites() throws {
    let written = try NashTestSupport.json("gambit/pygambit_written.json")
    let entries = try #require(written["files"]?.arrayValue)
    #expect(entries.count >= 3)
    for entry in entries {
      let name = entry["file"]!.stringValue!
      let file = try GambitStrategicGame(nfg: NashTestSupport.fixtureText("gambit/\(name)"), source: name)
      #expect(entry["title"]?.stringValue == file.title, "\(name)")
      #expect(entry["players"]?.arrayValue?.map { $0.stringValue! } == file.game.playerNames)
      #expect(entry["strategies"]?.arrayValue?.map { $0.arrayValue!.map { $0.stringValue! } } == file.game.actions)
      #expect(NashTestSupport.matrix(entry["payoffs"]) == file.game.payoffVectors, "\(name)")
    }
  }
}
