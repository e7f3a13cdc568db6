import ArgumentParser
import Foundation
import GameTheory
import LabKit

/// Strategies named on the command line (`--strategies A,B`, classics or library) and read from
/// strategy files (`--strategy FILE`, repeatable), in that order; shared by `game tournament` and
/// `game moran`.
struct StrategySelection {
  let names: [String]
  let files: [String]

  /// The strategies, or `defaults` when no name and no file is given.
  ///
  /// - Throws: ``LabError`` for an unknown name, an unreadable or malformed file, or a name that
  ///   appears twice.
  func strategies(game: StageGame, defaults: [String]) throws -> [FiniteMemoryStrategy] {
    let chosen = names.isEmpty && files.isEmpty ? defaults : names
    var result = try chosen.map { try FiniteMemoryStrategy.named($0, game: game) }
    for file in files { result += try StrategyFile.read(path: file) }
    var seen: Set<String> = []
    for strategy in result where !seen.insert(strategy.name).inserted {
      throw LabError.invalidInput(place: "strategies", problem: "\(strategy.name) appears twice; give each strategy once")
    }
    return result
  }

  /// Comma-separated names, trimmed; nil gives none.
  static func split(_ list: String?) -> [String] {
    list.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } } ?? []
  }
}

/// Comma-separated numbers, each finite, naming the option on error.
func numberList(_ text: String, option: String) throws -> [Double] {
  try text.split(separator: ",", omittingEmptySubsequences: false).enumerated().map { index, part in
    guard let value = Double(part.trimmingCharacters(in: .whitespaces)), value.isFinite else {
      throw LabError.invalidInput(place: "\(option) \(text)", problem: "entry \(index + 1) '\(part)' is not a finite number")
    }
    return value
  }
}
