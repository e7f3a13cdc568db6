import LabKit
import Testing

@testable import GameTheory

/// Each classic strategy against fixed move sequences, in the style of axelrod's `versus_test`
/// (whose `MockPlayer(actions=[...])` is our ``FiniteMemoryStrategy/cycler(_:)``). Every expected
/// transcript was also checked with axelrod 4.14.0: `Match((TitForTat(), Cycler("CDDC")), turns=8)`
/// gives the same moves.
@Suite struct ClassicTranscriptTests {
  /// `strategy` against the opponent cycling `cycle`, for as many turns as `expected` has moves:
  /// the strategy's moves must be `expected`, the opponent's its cycle.
  func versus(
    _ strategy: FiniteMemoryStrategy, cycle: String, expected: String, noise: Double = 0,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let match = try RepeatedMatch(turns: expected.count, noise: noise)
    let opponent = try FiniteMemoryStrategy.cycler(cycle)
    let result = try match.play(strategy, opponent, transcript: true)
    let (mine, theirs) = RepeatedTestSupport.moves(try #require(result.transcript))
    let cycled = String((0..<expected.count).map { Array(cycle)[$0 % cycle.count] })
    #expect(mine == expected, "\(strategy.name) v \(opponent.name)", sourceLocation: sourceLocation)
    #expect(theirs == cycled, sourceLocation: sourceLocation)
    // The fast engine (no transcript) counts the same rounds.
    #expect(try match.play(strategy, opponent).outcomeCounts == result.outcomeCounts, sourceLocation: sourceLocation)
  }

  @Test func cooperatorAndDefector() throws {
    try versus(.cooperator, cycle: "DDCD", expected: "CCCCCCCC")
    try versus(.defector, cycle: "CCCC", expected: "DDDDDDDD")
  }

  @Test func titForTatCopiesTheLastMove() throws {
    try versus(.titForTat, cycle: "CDDC", expected: "CCDDCCDD")
    try versus(.titForTat, cycle: "D", expected: "CDDDD")
  }

  @Test func grudgerNeverForgives() throws {
    try versus(.grudger, cycle: "CCDC", expected: "CCCDDDDD")
    try versus(.grudger, cycle: "C", expected: "CCCCC")
  }

  @Test func winStayLoseShift() throws {
    try versus(.winStayLoseShift, cycle: "CDDC", expected: "CCDCCCDC")
    // Against D: after CD (a loss) it shifts to D, after DD (a loss too) back to C.
    try versus(.winStayLoseShift, cycle: "D", expected: "CDCDCDCD")
  }

  @Test func titForTwoTatsNeedsTwoDefectionsInARow() throws {
    try versus(.titFor2Tats, cycle: "DCDDCDDD", expected: "CCCCDCCDDD")
    try versus(.titFor2Tats, cycle: "DC", expected: "CCCCCCCC")
  }

  @Test func suspiciousTitForTatOpensWithD() throws {
    try versus(.suspiciousTitForTat, cycle: "CDDC", expected: "DCDDCCDD")
  }

  @Test func alternator() throws {
    try versus(.alternator, cycle: "DDDD", expected: "CDCDCDCD")
  }

  @Test func gtftWithForgivenessZeroOrOne() throws {
    try versus(FiniteMemoryStrategy.gtft(forgiveness: 0), cycle: "CDDC", expected: "CCDDCCDD")
    try versus(FiniteMemoryStrategy.gtft(forgiveness: 1), cycle: "CDDC", expected: "CCCCCCCC")
  }

  /// Noise 1 flips every intended move, without draws, and the strategies react to the moves
  /// played. axelrod 4.14.0: `Match((TitForTat(), Cooperator()), turns=6, noise=1).play()` is
  /// DD, CD, CD, CD, CD, CD and `Match((Alternator(), Grudger()), turns=6, noise=1)` is DD, DC, DC, ...
  @Test func certainNoiseFlipsEveryMoveAndIsSeen() throws {
    let match = try RepeatedMatch(turns: 6, noise: 1)
    let tft = try match.play(.titForTat, .cooperator, transcript: true)
    #expect(tft.transcript == (try RepeatedMatch.Turn.transcript("DCCCCC", "DDDDDD")))
    let alternator = try match.play(.alternator, .grudger, transcript: true)
    #expect(alternator.transcript == (try RepeatedMatch.Turn.transcript("DDDDDD", "DCCCCC")))
    #expect(try match.play(.alternator, .grudger).outcomeCounts == alternator.outcomeCounts)
    #expect(!match.drawsRandomNumbers(.alternator, .grudger))
  }

  /// axelrod's `test_sample_tournaments.py`: over 10 turns Cooperator scores 0 against Defector's 50,
  /// and Tit for Tat 9 against Defector's 14.
  @Test func axelrodSampleScores() throws {
    let match = try RepeatedMatch(turns: 10)
    let cooperator = try match.play(.cooperator, .defector)
    #expect(cooperator.scores == SIMD2(0, 50) && cooperator.winner == 1)
    let tft = try match.play(.titForTat, .defector)
    #expect(tft.scores == SIMD2(9, 14) && tft.winner == 1)
    #expect(tft.cooperations == SIMD2(1, 0) && tft.outcomeCounts == SIMD4(0, 1, 0, 9))
    #expect(tft.meanScores == SIMD2(0.9, 1.4))
    #expect(tft.opening == RepeatedMatch.Turn(.cooperate, .defect))
    #expect(tft.swapped.scores == SIMD2(14, 9) && tft.swapped.winner == 0 && tft.swapped.outcomeCounts == SIMD4(0, 0, 1, 9))
    #expect(try match.play(.titForTat, .titForTat).winner == nil)
  }

  /// An asymmetric stage game: each seat is paid from its own table.
  @Test func asymmetricStageGame() throws {
    let game = try StageGame(
      NormalFormGame(actions: [["C", "D"], ["C", "D"]]) { p in
        let outcome = 2 * p[0] + p[1]
        return [[1, 2, 3, 4][outcome], [10, 20, 30, 40][outcome]]
      })
    // Tit for Tat v Alternator: CC, CD, DC, CD, DC, ... so over 5 turns CC 1, CD 2, DC 2.
    let result = try RepeatedMatch(turns: 5, game: game).play(.titForTat, .alternator, transcript: true)
    #expect(result.transcript.map(RepeatedTestSupport.moves)! == ("CCDCD", "CDCDC"))
    #expect(result.outcomeCounts == SIMD4(1, 2, 2, 0))
    #expect(result.scores == SIMD2<Double>(1 + 2 * 2 + 2 * 3, 10 + 2 * 20 + 2 * 30))
  }
}
