import LabKit
import Testing

@testable import GameTheory

/// Exact agreement with axelrod 4.14.0 on deterministic play (`Tests/Fixtures/axelrod/`).
@Suite struct AxelrodFixtureTests {
  /// Every ordered pair of the eight deterministic classic strategies, 200 turns
  /// (`make_match_scores.py`): scores, cooperation counts, winner, outcome counts and both move
  /// sequences agree exactly.
  @Test func everyOrderedPairMatchesAxelrod() throws {
    let fixture = try RepeatedTestSupport.fixture("match_scores.json", as: AxelrodMatchScores.self)
    #expect(fixture.axelrodVersion == "4.14.0")
    #expect(fixture.strategies == FiniteMemoryStrategy.deterministicClassics.map(\.name))
    #expect(fixture.displayNames == fixture.strategies.map { FiniteMemoryStrategy.axelrodDisplayNames[$0]! })
    #expect(fixture.matches.count == 64)
    let match = try RepeatedMatch(turns: fixture.turns)
    for expected in fixture.matches {
      let pair = "\(expected.first) v \(expected.second)"
      let first = try RepeatedTestSupport.strategy(expected.first)
      let second = try RepeatedTestSupport.strategy(expected.second)
      let fast = try match.play(first, second)
      #expect(fast.scores == SIMD2(Double(expected.scores[0]), Double(expected.scores[1])), "\(pair)")
      #expect(fast.cooperations == SIMD2(expected.cooperations[0], expected.cooperations[1]), "\(pair)")
      #expect(fast.winner == expected.winner, "\(pair)")
      #expect(fast.outcomeCounts == SIMD4(expected.outcomes[0], expected.outcomes[1], expected.outcomes[2], expected.outcomes[3]), "\(pair)")
      let recorded = try match.play(first, second, transcript: true)
      let (firstMoves, secondMoves) = RepeatedTestSupport.moves(try #require(recorded.transcript))
      #expect(firstMoves == expected.firstMoves && secondMoves == expected.secondMoves, "\(pair)")
      #expect(recorded.outcomeCounts == fast.outcomeCounts && recorded.scores == fast.scores)
    }
  }

  /// `Tournament(8 deterministic classics, turns=200, repetitions=1).play().summarise()`
  /// (`make_tournament_summary.py`). Compared exactly: ranking, Median_score, Cooperation_rating,
  /// Wins, Initial_C_rate, the per-repetition normalised scores and wins, the payoff matrix. Our Rank
  /// counts from 1, axelrod's from 0; our extra Mean score column equals the median here (1 repetition).
  @Test func tournamentSummaryMatchesAxelrod() throws {
    let fixture = try RepeatedTestSupport.fixture("tournament_summary.json", as: AxelrodTournamentSummary.self)
    #expect(fixture.axelrodVersion == "4.14.0")
    // Three repetitions instead of axelrod's one: deterministic play makes them identical, and the
    // medians equal the single values.
    for repetitions in [fixture.repetitions, 3] {
      let tournament = try Tournament(
        names: fixture.players.map(\.strategy), turns: fixture.turns, repetitions: repetitions)
      let result = tournament.play()
      let display = result.rankedNames.map { FiniteMemoryStrategy.axelrodDisplayNames[$0]! }
      #expect(display == fixture.rankedNames)
      for (i, player) in fixture.players.enumerated() {
        #expect(result.names[i] == player.strategy)
        #expect(result.ranking.firstIndex(of: i) == player.rank, "\(player.strategy)")
        #expect(result.medianScores[i] == player.medianScore, "\(player.strategy)")
        #expect(result.meanScores[i] == player.medianScore, "\(player.strategy)")
        #expect(result.cooperationRating[i] == player.cooperationRating, "\(player.strategy)")
        #expect(result.medianWins[i] == player.wins, "\(player.strategy)")
        #expect(result.initialCooperationRate[i] == player.initialCRate, "\(player.strategy)")
        #expect(result.normalisedScores[i] == Array(repeating: player.normalisedScores[0], count: repetitions))
        #expect(result.wins[i] == Array(repeating: player.repetitionWins[0], count: repetitions))
        for j in fixture.players.indices {
          #expect(abs(result.payoffMatrix[i][j] - fixture.payoffMatrix[i][j]) <= 1e-12, "\(player.strategy) v \(j)")
        }
      }
      let table = result.summary()
      #expect(table.columns == ["Rank", "Name", "Median score", "Mean score", "Cooperation rating", "Wins", "Initial C rate"])
      #expect(table.rows.map { $0[1] } == result.rankedNames.map { Table.Cell.text($0) })
      #expect(table.rows.first?.first == .integer(1))
    }
  }

  /// The summary as text (3 decimals), which a report would show.
  @Test func summaryTableText() throws {
    let result = try Tournament(strategies: FiniteMemoryStrategy.deterministicClassics, turns: 200, repetitions: 1).play()
    let text = result.summary(title: "Deterministic classics, 200 turns").renderedText()
    #expect(
      text == """
        Deterministic classics, 200 turns
        Rank  Name                 Median score  Mean score  Cooperation rating  Wins  Initial C rate
        ----  -------------------  ------------  ----------  ------------------  ----  --------------
           1  TitForTat                   2.569       2.569               0.716   0.0           1.000
           2  TitFor2Tats                 2.496       2.496               0.859   0.0           1.000
           3  Grudger                     2.428       2.428               0.574   1.0           1.000
           4  WinStayLoseShift            2.394       2.394               0.762   0.0           1.000
           5  Cooperator                  2.355       2.355               1.000   0.0           1.000
           6  Alternator                  2.329       2.329               0.500   3.0           1.000
           7  Defector                    2.154       2.154               0.000   6.0           0.000
           8  SuspiciousTitForTat         2.149       2.149               0.476   2.0           0.000

        """)
  }
}
