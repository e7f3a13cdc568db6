import LabKit
import Testing

@testable import GameTheory

/// No input crashes the strategy-file reader: random texts over the format's own vocabulary and
/// random mutations of the library's texts either parse into strategies that play, or are refused
/// with a ``LabError/invalidInput(place:problem:)`` whose place is the file, line and column.
@Suite struct StrategyFileFuzzTests {
  static let vocabulary = [
    "strategy", "start", "memory", "opening", "default", "source", "->", "C", "D", "*", "CD", "*D", "D*", "**", "CC", "DD",
    "s", "t", "0.5", "1", "0", "2", "7", "-1", "1e400", "nan", "#", "\n", "\n", "\n", " ", "  ", "\t", "\r\n", "é", "\u{0}",
    "x", "->s", "strategy T", "start s C", "memory 2", "s * -> s C", "default C",
  ]

  /// Checks one input: parses, or throws a LabError that names a place.
  static func check(_ text: String) throws {
    do {
      let strategies = try StrategyFile.parse(text, source: "fuzz")
      let match = try RepeatedMatch(turns: 20, noise: 0.1)
      for strategy in strategies {
        #expect(strategy.stateCount >= 1)
        _ = try match.play(strategy, .titForTat, random: Random(seed: 1))
      }
    } catch let error as LabError {
      guard case .invalidInput(let place, let problem) = error else {
        Issue.record("unexpected error \(error) for \(text.debugDescription)")
        return
      }
      #expect(place.hasPrefix("fuzz") && !problem.isEmpty)
    }
  }

  @Test func randomTextsAreParsedOrRefused() throws {
    let random = Random(seed: 20_240_322)
    var parsed = 0
    for _ in 0..<3000 {
      let words = (0..<random.integer(in: 0...40)).map { _ in Self.vocabulary[random.index(below: Self.vocabulary.count)] }
      let text = words.joined(separator: random.bernoulli(0.7) ? " " : "")
      try Self.check(text)
      if (try? StrategyFile.parse(text)) != nil { parsed += 1 }
    }
    // Random vocabulary seldom makes a valid strategy; the texts are not all refused for one reason.
    #expect(parsed < 3000)
  }

  @Test func mutatedLibraryTextsAreParsedOrRefused() throws {
    let random = Random(seed: 7)
    let texts = StrategyLibrary.names.map { try! StrategyLibrary.text(named: $0) }
    var accepted = 0
    for _ in 0..<3000 {
      var characters = Array(texts[random.index(below: texts.count)])
      for _ in 0..<random.integer(in: 1...4) {
        let position = random.index(below: characters.count)
        switch random.index(below: 4) {
        case 0: characters.remove(at: position)
        case 1: characters.insert(contentsOf: Array(Self.vocabulary[random.index(below: Self.vocabulary.count)]), at: position)
        case 2: characters[position] = ["C", "D", "*", " ", "\n", "-", ">", "1", "9", "x"][random.index(below: 10)]
        default: characters.insert(contentsOf: characters[position...].prefix(random.integer(in: 1...12)), at: position)
        }
      }
      let text = String(characters)
      try Self.check(text)
      if (try? StrategyFile.parse(text)) != nil { accepted += 1 }
    }
    #expect(accepted > 0 && accepted < 3000)
  }

  /// Arbitrary bytes decoded as UTF-8 (with replacement characters).
  @Test func randomBytesAreParsedOrRefused() throws {
    let random = Random(seed: 99)
    for _ in 0..<2000 {
      let bytes = (0..<random.integer(in: 0...200)).map { _ in UInt8(random.index(below: 256)) }
      try Self.check(String(decoding: bytes, as: UTF8.self))
    }
  }
}
