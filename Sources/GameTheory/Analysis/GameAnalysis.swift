import LabKit

/// What `reproduce game solve` reports for a game: its pure Nash equilibria, its Nash equilibria in
/// mixed strategies by an ``EquilibriumMethod`` (for two players support enumeration, with the
/// degeneracy policy of ``EquilibriumEnumeration``, by default; for three or more, simplicial
/// subdivision, the only method that applies), each player's maxmin (security) value
/// and strategy (von Neumann's LP), and the Pareto-optimal pure profiles (those no feasible payoff
/// vector dominates).
public struct GameAnalysis: Sendable {
  public let game: NormalFormGame
  public let title: String
  public let pureEquilibria: [[Int]]
  /// The mixed Nash equilibria; nil for a 1-player game.
  public let mixedEquilibria: EquilibriumReport?
  public let security: [SecurityLevel]
  public let paretoOptimalProfiles: [[Int]]

  /// The most pairs of equal-size supports the enumeration of a 2-player game may have to try,
  /// C(m + n, m) − 1 for an m × n game: 12 × 12 (2.7 million, about two seconds on a degenerate game)
  /// passes, 13 × 13 does not. The work grows about ninefold per two more strategies each, so a 20 × 20
  /// game would run for hours; it is refused at once instead, unless a time limit bounds the search or
  /// the method is Lemke–Howson (polynomial per path in practice).
  public static let largestSupportPairs = 3_000_000

  /// Analyses `game`. `exact` solves the linear programs with GLPK's rational simplex and gives the
  /// equilibria as fractions (see ``EquilibriumReport/init(_:method:exact:limits:)``); `method` and
  /// `limits` choose how the mixed equilibria are computed; `method` nil is support enumeration for
  /// two players and simplicial subdivision for more.
  ///
  /// - Throws: ``LabError/invalidInput(place:problem:)`` when an enumeration without a time limit
  ///   would pass ``largestSupportPairs``, and as the linear programs do.
  public init(
    _ game: NormalFormGame, title: String = "", exact: Bool = false, method chosen: EquilibriumMethod? = nil,
    limits: SearchLimits = .none
  ) throws {
    let method = chosen ?? (game.playerCount == 2 ? .support : .simplicialSubdivision)
    if game.playerCount == 2, method == .support || method == .vertex, limits.deadline == nil {
      try Self.checkSupportPairs(game)
    }
    self.game = game
    self.title = title
    pureEquilibria = game.pureNashEquilibria()
    let solvable = game.playerCount == 2 || (game.playerCount > 2 && method == .simplicialSubdivision)
    mixedEquilibria = solvable ? EquilibriumReport(game, method: method, exact: exact, limits: limits) : nil
    security = try (0..<game.playerCount).map { try game.maxmin($0, exact: exact) }
    paretoOptimalProfiles = try game.paretoOptimalProfiles(exact: exact)
  }

  /// Refuses a game whose support enumeration would pass ``largestSupportPairs``.
  static func checkSupportPairs(_ game: NormalFormGame) throws {
    let (m, n) = (game.actions[0].count, game.actions[1].count)
    // C(m + n, m) as a double: exact well past the limit, and no integer overflow for any size.
    var combinations = 1.0
    for step in 0..<min(m, n) { combinations = combinations * Double(m + n - step) / Double(step + 1) }
    let pairs = combinations - 1
    guard pairs <= Double(Self.largestSupportPairs) else {
      throw LabError.invalidInput(
        place: "game \(m) × \(n)",
        problem:
          "support enumeration would try \(DecimalFormat.compact(pairs)) support pairs, more than the limit of \(Self.largestSupportPairs) (a 12 × 12 game); it would run for hours: use --method lemke-howson for some equilibria, or --time-limit for a partial enumeration"
      )
    }
  }

  // MARK: - Text

  /// The analysis as text for a terminal.
  public func text() -> String {
    var out = title.isEmpty ? "" : "Game: \(title)\n"
    out +=
      "Players: " + (0..<game.playerCount).map { "\(game.playerNames[$0]) (\(game.actions[$0].joined(separator: ", ")))" }.joined(separator: "; ")
      + "\n"

    out += "\nPure Nash equilibria (\(pureEquilibria.count)):\n"
    out += pureEquilibria.isEmpty ? "  none\n" : pureEquilibria.map { "  \(profileText($0))  payoffs \(vectorText(game.payoffs($0)))\n" }.joined()

    out += "\nNash equilibria in mixed strategies:\n"
    if let mixed = mixedEquilibria {
      out += mixed.textLines().map { "  \($0)\n" }.joined()
    } else {
      out += "  not computed: this game has \(game.playerCount) player\(game.playerCount == 1 ? "" : "s")\n"
    }

    out += "\nMaxmin (security) values, against every pure profile of the others:\n"
    for level in security {
      let strategy = zip(game.actions[level.player], level.strategy).map { "\($0): \(number($1))" }.joined(separator: ", ")
      out += "  \(game.playerNames[level.player]): \(number(level.value)), playing [\(strategy)]\n"
    }

    out += "\nPareto-optimal pure profiles, dominated by no feasible payoff vector, mixtures included (\(paretoOptimalProfiles.count)):\n"
    out += paretoOptimalProfiles.map { "  \(profileText($0))  payoffs \(vectorText(game.payoffs($0)))\n" }.joined()
    return out
  }

  private func profileText(_ profile: [Int]) -> String {
    "(" + profile.enumerated().map { game.actions[$0.offset][$0.element] }.joined(separator: ", ") + ")"
  }

  private func vectorText(_ values: [Double]) -> String {
    "(" + values.map(number).joined(separator: ", ") + ")"
  }

  private func number(_ x: Double) -> String { DecimalFormat.compact(x, significant: 6) }

  // MARK: - JSON

  /// The analysis as JSON: `{"title", "players", "pureEquilibria", "mixedEquilibria", "maxmin",
  /// "paretoOptimalProfiles"}`; profiles are given by action names, strategies as probability lists in
  /// the order of the player's actions; "mixedEquilibria" is ``EquilibriumReport/json``.
  public var json: JSONValue {
    func profileJSON(_ profile: [Int]) -> JSONValue {
      .object([
        ("profile", .array(profile.enumerated().map { .string(game.actions[$0.offset][$0.element]) })),
        ("payoffs", .array(game.payoffs(profile).map { .number($0) })),
      ])
    }
    let mixed = mixedEquilibria?.json ?? .null
    return .object([
      ("title", .string(title)),
      (
        "players",
        .array(
          (0..<game.playerCount).map { player in
            .object([("name", .string(game.playerNames[player])), ("actions", .array(game.actions[player].map { .string($0) }))])
          })
      ),
      ("pureEquilibria", .array(pureEquilibria.map(profileJSON))),
      ("mixedEquilibria", mixed),
      (
        "maxmin",
        .array(
          security.map { level in
            .object([
              ("player", .string(game.playerNames[level.player])), ("value", .number(level.value)),
              ("strategy", .array(level.strategy.map { .number($0) })),
            ])
          })
      ),
      ("paretoOptimalProfiles", .array(paretoOptimalProfiles.map(profileJSON))),
    ])
  }
}
