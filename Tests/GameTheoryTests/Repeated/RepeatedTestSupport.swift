import Foundation
import LabKit
import Testing

@testable import GameTheory

/// Fixtures and helpers shared by the repeated-game tests.
enum RepeatedTestSupport {
  /// `Tests/Fixtures/axelrod`, found from this file's real location: symlinks are resolved (a
  /// scratch package may link this folder in), then the folders above are searched for
  /// `Fixtures/axelrod`. In the package, this file is `Tests/GameTheoryTests/Repeated/…`.
  static let axelrodFolder: URL = {
    var folder = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
    while folder.pathComponents.count > 1 {
      let candidate = folder.appendingPathComponent("Fixtures").appendingPathComponent("axelrod")
      if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
      folder = folder.deletingLastPathComponent()
    }
    preconditionFailure("Tests/Fixtures/axelrod not found above \(#filePath)")
  }()

  /// Decodes `Tests/Fixtures/axelrod/<name>`.
  static func fixture<T: Decodable>(_ name: String, as type: T.Type) throws -> T {
    let data = try Data(contentsOf: axelrodFolder.appendingPathComponent(name))
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    return try decoder.decode(T.self, from: data)
  }

  /// The classic strategy with this axelrod class name (the fixtures use class names).
  static func strategy(_ className: String) throws -> FiniteMemoryStrategy {
    try FiniteMemoryStrategy.classic(named: className)
  }

  /// The first player's moves and the second player's moves of a transcript, as strings of C and D.
  static func moves(_ transcript: [RepeatedMatch.Turn]) -> (String, String) {
    (transcript.map(\.first.description).joined(), transcript.map(\.second.description).joined())
  }

  /// The LabError a throwing expression raised, or nil.
  static func labError(_ body: () throws -> Void) -> LabError? {
    do {
      try body()
      return nil
    } catch let error as LabError {
      return error
    } catch {
      return nil
    }
  }
}

// MARK: - Fixture formats

/// `match_scores.json` (`make_match_scores.py`).
struct AxelrodMatchScores: Decodable {
  struct Match: Decodable {
    let first: String
    let second: String
    let scores: [Int]
    let cooperations: [Int]
    let winner: Int?
    let outcomes: [Int]
    let firstMoves: String
    let secondMoves: String
  }
  let axelrodVersion: String
  let turns: Int
  let strategies: [String]
  let displayNames: [String]
  let matches: [Match]
}

/// `tournament_summary.json` (`make_tournament_summary.py`).
struct AxelrodTournamentSummary: Decodable {
  struct Player: Decodable {
    let strategy: String
    let name: String
    let rank: Int
    let medianScore: Double
    let cooperationRating: Double
    let wins: Double
    let initialCRate: Double
    let normalisedScores: [Double]
    let repetitionWins: [Int]
  }
  let axelrodVersion: String
  let turns: Int
  let repetitions: Int
  let rankedNames: [String]
  let players: [Player]
  let payoffMatrix: [[Double]]
}

/// `stochastic_means.json` (`make_stochastic_means.py`).
struct AxelrodStochasticMeans: Decodable {
  struct Pairing: Decodable {
    let first: String
    let second: String
    let noise: Double
    let scorePerTurnMean: [Double]
    let scorePerTurnSd: [Double]
    let cooperationRateMean: [Double]
    let cooperationRateSd: [Double]
  }
  let axelrodVersion: String
  let turns: Int
  let matches: Int
  let pairings: [Pairing]
}
