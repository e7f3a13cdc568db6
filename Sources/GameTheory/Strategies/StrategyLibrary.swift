import LabKit

/// Strategies of axelrod (Knight et al. 2016, the Axelrod library, version 4.14.0) written in the
/// text format of ``StrategyFile``, under axelrod's class names, each with the axelrod source it
/// transcribes. Every one plays the same moves as axelrod's player of that name: the tests replay
/// axelrod's own matches against a set of opponents (`Tests/Fixtures/axelrod/library_moves.json`,
/// made by `make_library_moves.py`) and compare every move.
///
/// The texts are in `Library/`, grouped as axelrod's modules group them; `reproduce game strategies
/// --show NAME` prints one, as a starting point for a strategy of one's own.
public enum StrategyLibrary {
  /// The texts of the library, file by file, in order.
  static let texts: [String] = [
    AxelrodLibraryTexts.classics, AxelrodLibraryTexts.cyclers, AxelrodLibraryTexts.grudgers,
    AxelrodLibraryTexts.titForTats, AxelrodLibraryTexts.probers, AxelrodLibraryTexts.finiteStateMachines,
    AxelrodLibraryTexts.others,
  ]

  /// Every strategy of the library with its text, in order.
  static let entries: [(strategy: FiniteMemoryStrategy, text: String)] = {
    var result: [(FiniteMemoryStrategy, String)] = []
    for text in texts {
      let blocks = StrategyLibrary.blocks(text)
      let strategies: [FiniteMemoryStrategy]
      do { strategies = try StrategyFile.parse(text, source: "library") } catch {
        preconditionFailure("StrategyLibrary: \(error)")
      }
      precondition(blocks.count == strategies.count, "StrategyLibrary: one block per strategy")
      result += zip(strategies, blocks).map { ($0, $1) }
    }
    return result
  }()

  /// The names of the library's strategies, in order.
  public static var names: [String] { entries.map(\.strategy.name) }

  /// The library's strategies, in order.
  public static var strategies: [FiniteMemoryStrategy] { entries.map(\.strategy) }

  /// The strategy called `name` (exactly, or ignoring case, spaces, hyphens and underscores).
  ///
  /// - Throws: ``LabError/unknownIdentifier(_:known:)`` listing the names.
  public static func strategy(named name: String) throws -> FiniteMemoryStrategy {
    try entry(named: name).strategy
  }

  /// The text defining the strategy called `name`, as in ``strategy(named:)``.
  public static func text(named name: String) throws -> String {
    try entry(named: name).text
  }

  private static func entry(named name: String) throws -> (strategy: FiniteMemoryStrategy, text: String) {
    let key = FiniteMemoryStrategy.normalisedName(name)
    if let found = entries.first(where: { FiniteMemoryStrategy.normalisedName($0.strategy.name) == key }) { return found }
    throw LabError.unknownIdentifier(name, known: names)
  }

  /// The text of each strategy of `text`: from its `strategy` line (and the comments just above it)
  /// to the next.
  static func blocks(_ text: String) -> [String] {
    var blocks: [[Substring]] = []
    var pending: [Substring] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      let trimmed = line.drop { $0 == " " }
      if trimmed.hasPrefix("strategy ") {
        blocks.append(pending + [line])
        pending = []
      } else if trimmed.hasPrefix("#") || trimmed.isEmpty {
        pending.append(line)
      } else if !blocks.isEmpty {
        blocks[blocks.count - 1] += pending + [line]
        pending = []
      }
    }
    return blocks.map { lines in
      lines.drop { $0.allSatisfy(\.isWhitespace) }.joined(separator: "\n").trimmingTrailingBlankLines() + "\n"
    }
  }
}

extension String {
  fileprivate func trimmingTrailingBlankLines() -> String {
    var lines = split(separator: "\n", omittingEmptySubsequences: false)
    while let last = lines.last, last.allSatisfy(\.isWhitespace) { lines.removeLast() }
    return lines.joined(separator: "\n")
  }
}
