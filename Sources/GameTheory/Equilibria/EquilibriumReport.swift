import LabKit

/// The Nash equilibria of a game by one ``EquilibriumMethod``, with what the method
/// guarantees stated: whether the list is every equilibrium, the degeneracy witness when one was
/// seen, the maximal Nash subsets (support and vertex enumeration), exact fractions when asked, and
/// whether a time limit cut the search short.
public struct EquilibriumReport: Sendable {
  public let method: EquilibriumMethod
  /// The equilibria found (for support and vertex enumeration of a degenerate game, the extreme ones).
  public let equilibria: [NashEquilibrium]
  /// The same as fractions, when exact output was asked; nil entries are equilibria whose exact form
  /// could not be recovered (never for Lemke–Howson, which pivots exactly).
  public let exactEquilibria: [ExactEquilibrium?]?
  /// The maximal Nash subsets (support and vertex enumeration, when not cut short).
  public let subsets: [MaximalNashSubset]?
  /// A strategy with too many best responses, when one was seen.
  public let degeneracy: Degeneracy?
  /// Whether ``equilibria`` is provably every Nash equilibrium.
  public let listsEveryEquilibrium: Bool
  /// Whether the time limit stopped the search.
  public let isPartial: Bool
  /// Sentences on what the list means (completeness, degeneracy, limits).
  public let notes: [String]
  /// The largest regret at the equilibrium found and the target it had to reach (simplicial
  /// subdivision, whose answer is an ε-equilibrium); nil for the other methods.
  public let regret: (found: Double, target: Double)?

  /// Computes the equilibria of `game` by `method`.
  ///
  /// - Parameters:
  ///   - exact: Lemke–Howson pivots in exact integer arithmetic; support and vertex enumeration
  ///     re-solve each equilibrium exactly from its supports and best responses
  ///     (``ExactEquilibrium/init(rationalizing:of:tolerance:)``).
  ///   - limits: time limit and progress.
  /// - Precondition: finite payoffs (validated on input); a 2-player game unless the method is
  ///   ``EquilibriumMethod/simplicialSubdivision``.
  public init(_ game: NormalFormGame, method: EquilibriumMethod, exact: Bool = false, limits: SearchLimits = .none) {
    if method == .simplicialSubdivision {
      self.init(simplicialSubdivision: game.simplicialSubdivision(limits: limits), exact: exact)
    } else {
      self.init(bimatrix: game, method: method, exact: exact, limits: limits)
    }
  }

  /// The report of a 2-player method.
  private init(bimatrix game: NormalFormGame, method: EquilibriumMethod, exact: Bool, limits: SearchLimits) {
    precondition(game.playerCount == 2, "EquilibriumReport: a 2-player game")
    self.method = method
    regret = nil
    switch method {
    case .simplicialSubdivision:
      preconditionFailure("EquilibriumReport: simplicial subdivision has its own initialiser")
    case .lemkeHowson:
      let search = game.lemkeHowson(scope: .everyLabel, arithmetic: exact ? .exact : .floatingPoint, limits: limits)
      equilibria = search.equilibria
      exactEquilibria = search.exactEquilibria.map { $0.map { Optional($0) } }
      subsets = nil
      degeneracy = EquilibriumReport.witness(game, among: search.equilibria)
      listsEveryEquilibrium = false
      isPartial = search.isPartial
      notes = EquilibriumReport.lemkeHowsonNotes(game, search, degeneracy)
    case .support, .vertex:
      let analysis = BimatrixAnalysis(game, tolerance: 1e-9, limits: limits)
      let found =
        method == .support && (analysis.witness == nil || analysis.isPartial)
        ? analysis.supportEquilibria() : analysis.extremeEquilibria(includingSupportPairs: method == .support)
      equilibria = found
      exactEquilibria = exact ? found.map { ExactEquilibrium(rationalizing: $0, of: game) } : nil
      subsets = analysis.isPartial ? nil : analysis.maximalNashSubsets()
      degeneracy = analysis.witness
      isPartial = analysis.isPartial
      listsEveryEquilibrium = !analysis.isPartial && (subsets ?? []).allSatisfy(\.isSingleton)
      notes = EquilibriumReport.enumerationNotes(method, analysis, subsets)
    }
  }

  /// The report of a simplicial-subdivision search: one approximate equilibrium, never exact.
  private init(simplicialSubdivision search: SimplicialSubdivisionResult, exact: Bool) {
    method = .simplicialSubdivision
    equilibria = [search.equilibrium]
    exactEquilibria = nil
    subsets = nil
    degeneracy = nil
    listsEveryEquilibrium = false
    isPartial = search.isPartial
    regret = (search.regret, search.targetRegret)
    let regretText = DecimalFormat.compact(search.regret, significant: 3)
    let targetText = DecimalFormat.compact(search.targetRegret, significant: 3)
    var notes = [
      "Simplicial subdivision (van der Laan–Talman, as Gambit's simpdiv) from every player's first strategy, "
        + "\(search.grids) grid\(search.grids == 1 ? "" : "s") down to mesh 2^\(search.mesh.exponent): "
        + "one approximate equilibrium, largest regret \(regretText) (target \(targetText), 1e-7 of the payoff range); "
        + "it does not promise every equilibrium, nor an exact one."
    ]
    if exact { notes.append("--exact: simplicial subdivision is approximate, so no fractions are given.") }
    if search.isPartial {
      notes.append("Time limit reached before the target regret: the best profile found, not an equilibrium within the target.")
    } else if !search.reachedTarget {
      notes.append("The grid reached its finest mesh before the target regret: the best profile found.")
    }
    self.notes = notes
  }

  /// A degeneracy witness among the found equilibria: a strategy with more pure best responses of
  /// the other player than actions in its support (checked to 1e-9 of the payoff range).
  static func witness(_ game: NormalFormGame, among equilibria: [NashEquilibrium]) -> Degeneracy? {
    for equilibrium in equilibria {
      for player in 0..<2 {
        let other = 1 - player
        let values = game.profiles.map { game.payoff(other, $0) }
        let range = max(values.max()! - values.min()!, Double.leastNormalMagnitude)
        let strategy = equilibrium.strategies[player]
        // The other player's payoffs depend only on this player's strategy.
        let responses = game.pureBestResponses(other, to: equilibrium.strategies, tolerance: 1e-9 * range)
        if responses.count > strategy.support(tolerance: 1e-9).count {
          return Degeneracy(game: game, player: player, strategy: strategy, bestResponses: responses)
        }
      }
    }
    return nil
  }

  static func lemkeHowsonNotes(_ game: NormalFormGame, _ search: LemkeHowsonSearch, _ witness: Degeneracy?) -> [String] {
    let labels = game.actions[0].count + game.actions[1].count
    var notes = [
      "Lemke–Howson (lexicographic pivoting) from each of the \(labels) labels found \(search.equilibria.count) "
        + "equilibri\(search.equilibria.count == 1 ? "um" : "a"), each checked; it does not promise every equilibrium "
        + "(use --method support or vertex for that)."
    ]
    if let witness {
      notes.append(
        "The game is degenerate: \(witness). Lexicographic pivoting still ends at equilibria, but a degenerate game "
          + "can have more, including infinitely many.")
    }
    if search.isPartial { notes.append("Time limit reached after \(search.paths) of \(labels) paths: a partial list.") }
    notes += search.failures.map { "Warning: \($0)." }
    return notes
  }

  static func enumerationNotes(
    _ method: EquilibriumMethod, _ analysis: BimatrixAnalysis, _ subsets: [MaximalNashSubset]?
  )
    -> [String]
  {
    let name = method == .support ? "Support enumeration" : "Vertex enumeration"
    if analysis.isPartial {
      var note = "Time limit reached: \(name.lowercased()) was stopped, so these are the equilibria found so far, not all"
      if let witness = analysis.witness { note += "; the game is degenerate: \(witness)" }
      return [note + "."]
    }
    guard let witness = analysis.witness else {
      return ["\(name): the game is nondegenerate, so these are all its Nash equilibria."]
    }
    var notes = ["Degenerate game: \(witness). These are its extreme equilibria (vertex enumeration)."]
    if (subsets ?? []).allSatisfy(\.isSingleton) {
      notes.append("Each is isolated (every maximal Nash subset is a single point), so these are all the equilibria.")
    } else {
      notes.append("The equilibria are every point of the maximal Nash subsets below (infinitely many).")
    }
    return notes
  }
}
