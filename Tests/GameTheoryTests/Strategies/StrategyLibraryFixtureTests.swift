import LabKit
import Testing

@testable import GameTheory

/// `library_moves.json` (`make_library_moves.py`): axelrod 4.14.0's matches of every library strategy.
struct AxelrodLibraryMoves: Decodable {
  let axelrodVersion: String
  let turns: Int
  let strategies: [String]
  let displayNames: [String]
  /// [strategy, opponent, strategy's moves, opponent's moves]
  let matches: [[String]]
}

/// Every library strategy plays exactly as axelrod's player of the same name.
@Suite struct StrategyLibraryFixtureTests {
  /// The opponent named in the fixture: a classic, `Cycler:MOVES`, or `self`.
  static func opponent(_ name: String, of strategy: FiniteMemoryStrategy) throws -> FiniteMemoryStrategy {
    if name == "self" { return strategy }
    if name.hasPrefix("Cycler:") { return try .cycler(String(name.dropFirst("Cycler:".count))) }
    return try FiniteMemoryStrategy.classic(named: name)
  }

  @Test func everyLibraryStrategyPlaysAxelrodsMoves() throws {
    let fixture = try RepeatedTestSupport.fixture("library_moves.json", as: AxelrodLibraryMoves.self)
    #expect(fixture.axelrodVersion == "4.14.0")
    #expect(fixture.strategies == StrategyLibrary.names)
    #expect(StrategyLibrary.names.count >= 40)
    #expect(fixture.matches.count == fixture.strategies.count * 15)
    let match = try RepeatedMatch(turns: fixture.turns)
    for entry in fixture.matches {
      let strategy = try StrategyLibrary.strategy(named: entry[0])
      let result = try match.play(strategy, try Self.opponent(entry[1], of: strategy), transcript: true)
      let (moves, opponentMoves) = RepeatedTestSupport.moves(try #require(result.transcript))
      #expect(moves == entry[2], "\(entry[0]) v \(entry[1])")
      #expect(opponentMoves == entry[3], "\(entry[0]) v \(entry[1]): the opponent's moves")
    }
  }

  /// The library's texts of the eight classics define the same machines' play as the Swift ones:
  /// every ordered pair gives the same transcript.
  @Test func libraryClassicsPlayLikeTheBuiltInOnes() throws {
    let match = try RepeatedMatch(turns: 60)
    for builtIn in FiniteMemoryStrategy.deterministicClassics {
      let text = try StrategyLibrary.strategy(named: builtIn.name)
      for opponent in FiniteMemoryStrategy.deterministicClassics + [try .cycler("CDDCCCD")] {
        let a = try match.play(builtIn, opponent, transcript: true).transcript
        let b = try match.play(text, opponent, transcript: true).transcript
        #expect(a == b, "\(builtIn.name) v \(opponent.name)")
      }
    }
  }

  /// Each strategy's text, as `game strategies --show` prints it, parses back to the same strategy.
  @Test func textsParseBackToTheStrategies() throws {
    for name in StrategyLibrary.names {
      let text = try StrategyLibrary.text(named: name)
      #expect(text.contains("strategy \(name)\n"))
      let parsed = try StrategyFile.parse(text, source: name)
      #expect(parsed == [try StrategyLibrary.strategy(named: name)])
    }
    #expect(throws: LabError.self) { try StrategyLibrary.strategy(named: "NoSuchStrategy") }
    #expect(try StrategyLibrary.strategy(named: "cycler-ccd").name == "CyclerCCD")
  }
}
