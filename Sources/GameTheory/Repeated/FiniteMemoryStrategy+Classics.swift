import LabKit

/// The ten classic strategies of the iterated prisoner's dilemma, as machines that play exactly as
/// axelrod 4.14.0 defines them. Each is named by its axelrod class name, and each doc comment gives
/// axelrod's rule, quoted from its source (`axelrod/strategies/*.py`).
///
/// Transition rows list the next state after CC, CD, DC, DD, the strategy's own move first.
extension FiniteMemoryStrategy {
  /// Always C. Axelrod (1984); axelrod `Cooperator` (`cooperator.py`: `return C`).
  public static let cooperator = known("Cooperator", [1], [[0, 0, 0, 0]])

  /// Always D. Axelrod (1984); axelrod `Defector` (`defector.py`: `return D`).
  public static let defector = known("Defector", [0], [[0, 0, 0, 0]])

  /// C first, then the opponent's previous move. Rapoport's entry to Axelrod's (1980) first
  /// tournament; axelrod `TitForTat` ("Tit For Tat"; `titfortat.py`: C if no history, else D exactly
  /// when `opponent.history[-1] == D`). State 0 plays C, state 1 plays D; the opponent's move picks
  /// the next state.
  public static let titForTat = known("TitForTat", [1, 0], [[0, 1, 0, 1], [0, 1, 0, 1]])

  /// C until the opponent has defected once, then D for ever. Friedman's entry to Axelrod's (1980)
  /// first tournament, also Grim Trigger; axelrod `Grudger` (`grudger.py`: D exactly when
  /// `opponent.defections` > 0). State 1 is absorbing.
  public static let grudger = known("Grudger", [1, 0], [[0, 1, 0, 1], [1, 1, 1, 1]])

  /// C first; then C after CC or DD (the last round "won": stay) and D after CD or DC ("lost":
  /// shift). Also Pavlov (Kraines and Kraines 1989; Nowak and Sigmund 1993); axelrod
  /// `WinStayLoseShift` ("Win-Stay Lose-Shift"; `memoryone.py`: C when `(self.history[-1],
  /// opponent.history[-1])` is (C, C) or (D, D), else D); four-vector (1, 0, 0, 1).
  public static let winStayLoseShift = known("WinStayLoseShift", [1, 0], [[0, 1, 1, 0], [0, 1, 1, 0]])

  /// C, except D when the opponent's last two moves were both D. John Maynard Smith's entry to
  /// Axelrod's (1980b) second tournament; axelrod `TitFor2Tats` ("Tit For 2 Tats"; `titfortat.py`:
  /// `D if opponent.history[-2:] == [D, D] else C`). The state counts the opponent's consecutive
  /// latest defections, capped at 2: states 0 and 1 play C, state 2 plays D.
  public static let titFor2Tats = known("TitFor2Tats", [1, 1, 0], [[0, 1, 0, 1], [0, 2, 0, 2], [0, 2, 0, 2]])

  /// Tit for Tat that opens with D (Hilbe et al. 2013; "Mistrust", Beaufils et al. 1997); axelrod
  /// `SuspiciousTitForTat` ("Suspicious Tit For Tat"; `titfortat.py`:
  /// `C if opponent.history[-1:] == [C] else D`, which is D on the first move).
  public static let suspiciousTitForTat = known(
    "SuspiciousTitForTat", [1, 0], [[0, 1, 0, 1], [0, 1, 0, 1]], initialState: 1)

  /// C, D, C, D, ...: C first, then the opposite of its own previous (played) move. Axelrod (1984);
  /// axelrod `Alternator` (`alternator.py`: C if no history, else D exactly when
  /// `self.history[-1] == C`). With noise it alternates from the move actually played.
  public static let alternator = known("Alternator", [1, 0], [[1, 1, 0, 0], [1, 1, 0, 0]])

  /// C with probability 1/2 every round, the first included. Axelrod (1980); axelrod `Random`
  /// (`rand.py`: `random_choice(p)` with p = 0.5).
  public static let random = known("Random", [0.5], [[0, 0, 0, 0]])

  /// C with probability `cooperationProbability` every round; axelrod `Random(p)`.
  ///
  /// - Throws: ``LabError/invalidInput(place:problem:)`` unless the probability is in [0, 1].
  public static func random(cooperationProbability: Double) throws -> FiniteMemoryStrategy {
    try FiniteMemoryStrategy(name: "Random", cooperationProbabilities: [cooperationProbability], transitions: [[0, 0, 0, 0]])
  }

  /// Generous Tit for Tat: C first; then C after the opponent's C, and after the opponent's D, C with
  /// probability `forgiveness` (Nowak and Sigmund 1992); axelrod `GTFT(p)` (`memoryone.py`: a memory-one
  /// player with four-vector (1, p, 1, p) and first move C). `GTFT(0)` is Tit for Tat.
  ///
  /// - Throws: ``LabError/invalidInput(place:problem:)`` unless `forgiveness` is in [0, 1] (axelrod
  ///   raises `ValueError` then).
  public static func gtft(forgiveness: Double) throws -> FiniteMemoryStrategy {
    try FiniteMemoryStrategy(name: "GTFT", cooperationProbabilities: [1, forgiveness], transitions: [[0, 1, 0, 1], [0, 1, 0, 1]])
  }

  /// GTFT with axelrod's default forgiveness for `game`, ``gtftForgiveness(for:)``; (1/3 for
  /// axelrod's default game (R, S, T, P) = (3, 0, 5, 1)).
  public static func gtft(game: StageGame = .axelrod) throws -> FiniteMemoryStrategy {
    try gtft(forgiveness: gtftForgiveness(for: game))
  }

  /// axelrod's default GTFT forgiveness, `p = min(1 − (T − R)/(R − S), (R − P)/(T − P))`, computed
  /// (as axelrod's `GTFT.receive_match_attributes` does) from `game.RPST()`, i.e. from the first
  /// player's payoffs, in the same floating-point order (so 0.33333333333333337 for (3, 0, 5, 1)).
  /// axelrod's `AsymmetricGame` has no `RPST`, so for asymmetric games this is our extension.
  ///
  /// - Throws: ``LabError/invalidInput(place:problem:)`` if R = S or T = P (the formula divides by
  ///   zero) or p falls outside [0, 1] (e.g. when T − R > R − S; axelrod raises `ValueError` then).
  public static func gtftForgiveness(for game: StageGame) throws -> Double {
    let (r, p, s, t) = game.rpst
    guard r != s, t != p else {
      throw LabError.invalidInput(
        place: "GTFT forgiveness", problem: "min(1 − (T − R)/(R − S), (R − P)/(T − P)) is undefined for \(game): R = S or T = P")
    }
    let forgiveness = min(1 - (t - r) / (r - s), (r - p) / (t - p))
    guard forgiveness >= 0, forgiveness <= 1 else {
      throw LabError.invalidInput(
        place: "GTFT forgiveness", problem: "min(1 − (T − R)/(R − S), (R − P)/(T − P)) = \(forgiveness) for \(game) is not in [0, 1]")
    }
    return forgiveness
  }
}

// MARK: - Look-up by name

extension FiniteMemoryStrategy {
  /// The axelrod class names of the ten classic strategies, in the order.
  public static let classicNames = [
    "Cooperator", "Defector", "TitForTat", "Grudger", "WinStayLoseShift", "TitFor2Tats", "SuspiciousTitForTat",
    "Alternator", "Random", "GTFT",
  ]

  /// The name axelrod prints for each classic strategy (its `name` attribute; for GTFT and Random
  /// axelrod's `str` adds the parameter: "GTFT: 0.33", "Random: 0.5").
  public static let axelrodDisplayNames: [String: String] = [
    "Cooperator": "Cooperator", "Defector": "Defector", "TitForTat": "Tit For Tat", "Grudger": "Grudger",
    "WinStayLoseShift": "Win-Stay Lose-Shift", "TitFor2Tats": "Tit For 2 Tats",
    "SuspiciousTitForTat": "Suspicious Tit For Tat", "Alternator": "Alternator", "Random": "Random", "GTFT": "GTFT",
  ]

  /// The eight deterministic classic strategies (all but Random and GTFT), in ``classicNames`` order.
  public static let deterministicClassics: [FiniteMemoryStrategy] = [
    .cooperator, .defector, .titForTat, .grudger, .winStayLoseShift, .titFor2Tats, .suspiciousTitForTat, .alternator,
  ]

  /// All ten classic strategies in ``classicNames`` order, GTFT with the default forgiveness for `game`.
  ///
  /// - Throws: as ``gtftForgiveness(for:)``.
  public static func classics(game: StageGame = .axelrod) throws -> [FiniteMemoryStrategy] {
    try deterministicClassics + [.random, gtft(game: game)]
  }

  /// The classic strategy called `name`: its axelrod class name ("TitForTat") or axelrod display
  /// name ("Tit For Tat", "Win-Stay Lose-Shift"), ignoring case, spaces, hyphens and underscores.
  /// GTFT gets the default forgiveness for `game`.
  ///
  /// - Throws: ``LabError/unknownIdentifier(_:known:)`` listing ``classicNames`` for an unknown name;
  ///   for GTFT, as ``gtftForgiveness(for:)``.
  public static func classic(named name: String, game: StageGame = .axelrod) throws -> FiniteMemoryStrategy {
    let key = normalisedName(name)
    switch key {
    case "cooperator": return .cooperator
    case "defector": return .defector
    case "titfortat": return .titForTat
    case "grudger": return .grudger
    case "winstayloseshift": return .winStayLoseShift
    case "titfor2tats": return .titFor2Tats
    case "suspicioustitfortat": return .suspiciousTitForTat
    case "alternator": return .alternator
    case "random": return .random
    case "gtft": return try gtft(game: game)
    default: throw LabError.unknownIdentifier(name, known: classicNames)
    }
  }

  /// Lower case without spaces, hyphens or underscores: "Win-Stay Lose-Shift" → "winstayloseshift".
  static func normalisedName(_ name: String) -> String {
    String(name.lowercased().filter { !$0.isWhitespace && $0 != "-" && $0 != "_" })
  }
}
