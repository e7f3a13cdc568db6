import LabKit
import Testing

@testable import GameTheory

/// The strategy file format: what it means, and its errors.
@Suite struct StrategyFileTests {
  static func error(_ text: String) -> LabError? {
    RepeatedTestSupport.labError { _ = try StrategyFile.parse(text, source: "f.txt") }
  }

  /// The examples of the format's documentation play as Tit for Tat and Two Tits for Tat.
  @Test func documentedExamplesPlayAsTheirNames() throws {
    let text = """
      strategy MyTitForTat
      source Rapoport; axelrod TitForTat
      start s C          # the initial state and the first move
      s C -> s C
      s D -> s D

      strategy MyTwoTits
      memory 2
      opening C
      *D ** -> D
      *D -> D
      default C
      """
    let strategies = try StrategyFile.parse(text)
    #expect(strategies.map(\.name) == ["MyTitForTat", "MyTwoTits"])
    let match = try RepeatedMatch(turns: 40)
    let probe = try FiniteMemoryStrategy.cycler("CCDCCDDCCCD")
    let mine = try match.play(strategies[0], probe, transcript: true).transcript
    let classic = try match.play(.titForTat, probe, transcript: true).transcript
    #expect(mine == classic)
    // Two Tits for Tat answers each D of the probe with two Ds.
    let two = try match.play(strategies[1], probe, transcript: true).transcript!
    #expect(RepeatedTestSupport.moves(Array(two.prefix(11))).0 == "CCCDDCDDDCC")
  }

  /// A probability as a move, and own-move conditions: Generous Tit for Tat and Alternator.
  @Test func probabilitiesAndOwnMoves() throws {
    let gtft = try StrategyFile.parse("strategy G\nstart c C\nc C -> c C\nc D -> d 0.25\nd C -> c C\nd D -> d 0.25")[0]
    #expect(gtft.cooperationProbabilities == [1, 0.25])
    #expect(gtft.transitions == [[0, 1, 0, 1], [0, 1, 0, 1]])
    let alternator = try StrategyFile.parse("strategy A\nstart s C\ns C* -> s D\ns D* -> s C")[0]
    let moves = try RepeatedMatch(turns: 6).play(alternator, .defector, transcript: true).transcript!
    #expect(RepeatedTestSupport.moves(moves).0 == "CDCDCD")
  }

  /// Every error names the file, line and column and says what is wrong.
  @Test func errorsNameLineAndColumn() {
    let cases: [(String, String, String)] = [
      ("s C -> s C", "f.txt:1:1", "expected `strategy NAME` before 's'"),
      ("strategy T\nstart s Q", "f.txt:2:9", "'Q' is not a move: write C, D, or the probability of C as a number in [0, 1]"),
      ("strategy T\nstart s C\ns C -> s C", "f.txt:3:1", "state s has no rule after CD (own C, opponent D)"),
      (
        "strategy T\nstart s C\ns C -> s C\ns D -> s D\ns *C -> s C", "f.txt:5:3",
        "state s already has a rule after CC (own C, opponent C), on line 3"
      ),
      ("strategy T\nstart s C\ns * -> t D", "f.txt:3:1", "state t is entered here but has no rules"),
      ("strategy T\nstart s 1.5\ns * -> s C", "f.txt:2:9", "'1.5' is not a move: write C, D, or the probability of C as a number in [0, 1]"),
      ("strategy T\nstart s nan\ns * -> s C", "f.txt:2:9", "'nan' is not a move: write C, D, or the probability of C as a number in [0, 1]"),
      (
        "strategy T\nstart s C\ns X -> s C", "f.txt:3:3",
        "'X' is not a condition: the opponent's last move (C, D or *) or own move then opponent's (CD, D*, **)"
      ),
      ("strategy T\nstart s C\ns * => s C", "f.txt:3:5", "expected a rule `STATE CONDITION -> NEXT MOVE`, such as `s D -> t D`"),
      ("strategy T\nmemory 7\ndefault C", "f.txt:2:8", "expected `memory N` with N from 1 to 6"),
      ("strategy T\nmemory 2\n*D -> D", "f.txt:3:7", "strategy T needs a `default MOVE` line (the move when no rule fits)"),
      ("strategy T\nmemory 1\n*D *D -> D\ndefault C", "f.txt:3:4", "a rule of a memory-1 table looks at most 1 rounds back"),
      ("strategy T\nmemory 2\nD -> D\ndefault C", "f.txt:3:1", "'D' is not a round: own move then opponent's, each C, D or * (CD, *D, **)"),
      ("strategy T\nmemory 1\ndefault C\n*D -> D", "f.txt:4:1", "rules come before `default`"),
      ("strategy T\nmemory 1\ndefault C\nstrategy T\nmemory 1\ndefault D", "f.txt:4:10", "strategy T is already defined on line 1"),
      ("strategy T U", "f.txt:1:12", "expected `strategy NAME` with one name"),
      ("strategy Tä", "f.txt:1:10", "a name may contain only ASCII letters, digits, '_', '-' and '.'"),
      ("strategy T", "f.txt:1:1", "strategy T has no body: give `start STATE MOVE` and rules, or `memory N` and rules"),
      ("strategy T\ns C -> s C\nstart s C", "f.txt:3:1", "`start` must be the first line of a machine, before its rules"),
      ("strategy T\nstart s C\ns * -> s C\u{7}", "f.txt:3:11", "a control character (7) is not allowed"),
    ]
    for (text, place, problem) in cases {
      #expect(Self.error(text) == .invalidInput(place: place, problem: problem), "\(text)")
    }
    #expect(Self.error("") == .invalidInput(place: "f.txt", problem: "no strategy: a file starts with `strategy NAME`"))
    #expect(Self.error("# only a comment\n\n") == .invalidInput(place: "f.txt", problem: "no strategy: a file starts with `strategy NAME`"))
  }

  /// The size limits: a memory-6 table with a long opening exceeds the state limit.
  @Test func stateLimitIsEnforced() {
    let opening = Array(repeating: "C", count: 64).joined(separator: " ")
    let error = Self.error("strategy Big\nmemory 6\nopening \(opening)\ndefault C")
    #expect(error == .invalidInput(place: "f.txt:2:1", problem: "strategy Big has more than 100000 states"))
    #expect(Self.error("strategy Big\nmemory 6\ndefault C") == nil)
  }

  /// Reading a file that is missing or not UTF-8 is an error naming the path.
  @Test func unreadableFiles() {
    let missing = RepeatedTestSupport.labError { _ = try StrategyFile.read(path: "/nonexistent/strategy.txt") }
    #expect(missing == .fileSystem(path: "/nonexistent/strategy.txt", problem: "no such file"))
  }
}
