import Foundation
import LabKit
import Testing

@testable import GameTheory

/// Fixtures and comparisons shared by the equilibrium and Gambit tests.
enum NashTestSupport {
  /// `Tests/` of the package, found from this file; the test folders of a scratch package may be
  /// symlinks into the real package, so symlinks are resolved first.
  static let testsFolder = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  static func fixtureURL(_ relativePath: String) -> URL {
    testsFolder.appendingPathComponent("Fixtures").appendingPathComponent(relativePath)
  }

  static func fixtureText(_ relativePath: String) throws -> String {
    try String(contentsOf: fixtureURL(relativePath), encoding: .utf8)
  }

  static func json(_ relativePath: String) throws -> JSONValue {
    try JSONValue.parse(fixtureText(relativePath), source: relativePath)
  }

  static func matrix(_ value: JSONValue?) -> [[Double]] {
    (value?.arrayValue ?? []).map { ($0.arrayValue ?? []).map { $0.numberValue! } }
  }

  /// The 50 random bimatrix games of `Tests/Fixtures/games/random_games.json`, by id.
  static func randomGames() throws -> [(id: String, game: NormalFormGame)] {
    let games = try json("games/random_games.json")["games"]!.arrayValue!
    return try games.map { entry in
      (
        id: entry["id"]!.stringValue!,
        game: try NormalFormGame.bimatrix(matrix(entry["row_payoffs"]), matrix(entry["column_payoffs"]))
      )
    }
  }

  /// A list of equilibria as [[row strategy], [column strategy]] pairs, as the fixtures write them.
  static func strategyPairs(_ value: JSONValue?) -> [[[Double]]] {
    (value?.arrayValue ?? []).map { pair in (pair.arrayValue ?? []).map { ($0.arrayValue ?? []).map { $0.numberValue! } } }
  }

  static func strategyPairs(_ equilibria: [NashEquilibrium]) -> [[[Double]]] {
    equilibria.map { $0.strategies.map(\.probabilities) }
  }

  /// Whether two lists of equilibria are equal as sets, probabilities within `tolerance`.
  static func sameSet(_ a: [[[Double]]], _ b: [[[Double]]], tolerance: Double = 1e-9) -> Bool {
    func close(_ x: [[Double]], _ y: [[Double]]) -> Bool {
      x.count == y.count && zip(x, y).allSatisfy { u, v in u.count == v.count && zip(u, v).allSatisfy { abs($0 - $1) <= tolerance } }
    }
    return a.allSatisfy { x in b.contains { close(x, $0) } } && b.allSatisfy { y in a.contains { close(y, $0) } }
      && a.count == b.count
  }

  static func describe(_ pairs: [[[Double]]]) -> String {
    pairs.map { $0.map(MixedStrategy.format).joined(separator: " × ") }.joined(separator: "; ")
  }
}
