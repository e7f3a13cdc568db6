import LabKit

extension FiniteMemoryStrategy {
  /// The strategy called `name`: one of the ten classics (``classic(named:game:)``, GTFT with the
  /// default forgiveness for `game`), else one of the ``StrategyLibrary``; names are compared
  /// ignoring case, spaces, hyphens and underscores.
  ///
  /// - Throws: ``LabError/unknownIdentifier(_:known:)`` listing every name, and as
  ///   ``classic(named:game:)``.
  public static func named(_ name: String, game: StageGame = .axelrod) throws -> FiniteMemoryStrategy {
    if classicNames.contains(where: { normalisedName($0) == normalisedName(name) }) {
      return try classic(named: name, game: game)
    }
    do { return try StrategyLibrary.strategy(named: name) } catch {
      throw LabError.unknownIdentifier(name, known: allNames)
    }
  }

  /// The names ``named(_:game:)`` knows: the classics, then the library's other strategies.
  public static var allNames: [String] {
    classicNames + StrategyLibrary.names.filter { !classicNames.contains($0) }
  }
}
