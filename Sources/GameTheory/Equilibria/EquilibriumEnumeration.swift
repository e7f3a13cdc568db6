/// The answer of ``NormalFormGame/supportEnumeration(tolerance:)``: either provably every Nash
/// equilibrium, or a degenerate game flagged as such with the reason.
///
/// **Degeneracy policy.** A 2-player game is nondegenerate when no mixed strategy with k actions in
/// its support has more than k pure best responses (von Stengel, "Computing equilibria for two-person
/// games", Handbook of Game Theory vol. 3, 2002; Nisan et al., Algorithmic Game Theory, 2007, ch. 3).
/// Only then does support enumeration over equal-size supports find every equilibrium, each isolated
/// and unique to its support pair. The enumeration therefore also checks
/// the definition itself, on every vertex of both best-response polytopes (the solutions of the same
/// indifference systems), and answers
/// - ``complete(_:)`` when no vertex has more best responses than support actions: the list is every
///   Nash equilibrium (an odd number of them);
/// - ``degenerate(found:reason:subsets:)`` otherwise, never a silent partial list. `reason` is a witness
///   (a mixed strategy and its too many best responses). `found` lists every *extreme* equilibrium, by
///   vertex enumeration, which works in degenerate games too, and `subsets` the maximal Nash subsets,
///   whose union is the whole equilibrium set: when they are all single points (ties off the
///   equilibrium path) `found` is every equilibrium (``listsEveryEquilibrium``); otherwise there are
///   infinitely many, the convex combinations inside each subset. Equal-size support enumeration alone
///   would miss equilibria such as Selten's ((1,0,0), (1/2,1/2)) in Gambit's `e02.nfg`, whose
///   supports have sizes 1 and 2, and nashpy returns that partial list with no warning.
///
/// Numbers are Doubles. Each player's payoffs are first rescaled affinely to [0, 1] (which changes no
/// best response); rescaled expected payoffs within `tolerance` of each other count as equal, a
/// probability at most `tolerance` counts as 0, and a linear system whose largest pivot is below
/// 1e-12 counts as singular. A game that is degenerate only within `tolerance` is reported degenerate.
public enum EquilibriumEnumeration: Sendable, Equatable, CustomStringConvertible {
  /// The game is nondegenerate and these are all its Nash equilibria.
  case complete([NashEquilibrium])
  /// The game is degenerate (`reason` shows why); `found` lists its extreme equilibria, and the
  /// equilibria are the points of the maximal Nash `subsets` (infinitely many unless all are single points).
  case degenerate(found: [NashEquilibrium], reason: Degeneracy, subsets: [MaximalNashSubset])

  /// The equilibria listed: all of them when ``isComplete``, the extreme ones of a degenerate game
  /// otherwise (all of them too when ``listsEveryEquilibrium``).
  public var equilibria: [NashEquilibrium] {
    switch self {
    case .complete(let equilibria): return equilibria
    case .degenerate(let found, _, _): return found
    }
  }

  /// Whether the game is nondegenerate, so that support enumeration provably found every equilibrium.
  public var isComplete: Bool {
    if case .complete = self { return true }
    return false
  }

  /// Whether ``equilibria`` is every Nash equilibrium: the game is nondegenerate, or degenerate with
  /// only isolated equilibria.
  public var listsEveryEquilibrium: Bool {
    switch self {
    case .complete: return true
    case .degenerate(_, _, let subsets): return subsets.allSatisfy(\.isSingleton)
    }
  }

  /// The witness of degeneracy, if the game is degenerate.
  public var degeneracy: Degeneracy? {
    if case .degenerate(_, let reason, _) = self { return reason }
    return nil
  }

  /// A printable account: the verdict, the reason when degenerate, then one equilibrium per line.
  public var description: String {
    switch self {
    case .complete(let equilibria):
      return (["nondegenerate game: all \(equilibria.count) Nash equilibria"] + equilibria.map { "  \($0)" })
        .joined(separator: "\n")
    case .degenerate(let found, let reason, let subsets):
      var lines = [
        "degenerate game: \(reason). Equal-size support enumeration can miss equilibria here, so these are "
          + "the \(found.count) extreme equilibria (vertex enumeration)"
      ]
      lines += found.map { "  \($0)" }
      if subsets.allSatisfy(\.isSingleton) {
        lines.append("Each is isolated (every maximal Nash subset is a single point), so these are all the equilibria.")
      } else {
        lines.append("The equilibria are every point of these maximal Nash subsets (infinitely many):")
        lines += subsets.map { "  \($0)" }
      }
      return lines.joined(separator: "\n")
    }
  }
}

/// The witness that a 2-player game is degenerate: a mixed strategy of one player whose support has
/// fewer actions than the other player has pure best responses to it.
public struct Degeneracy: Sendable, Equatable, CustomStringConvertible {
  /// The player whose strategy is the witness (0 = row player).
  public let player: Int
  /// The witness strategy.
  public let strategy: MixedStrategy
  /// The other player's pure best responses to ``strategy``: more than ``strategy``'s support size.
  public let bestResponses: [Int]
  /// A sentence naming players and actions.
  public let description: String

  init(game: NormalFormGame, player: Int, strategy: MixedStrategy, bestResponses: [Int]) {
    self.player = player
    self.strategy = strategy
    self.bestResponses = bestResponses
    let other = 1 - player
    let support = strategy.support
    let supportNames = support.map { game.actions[player][$0] }.joined(separator: ", ")
    let responseNames = bestResponses.map { game.actions[other][$0] }.joined(separator: ", ")
    let kind = support.count == 1 ? "pure strategy" : "mixed strategy \(strategy) with support"
    description =
      "\(game.playerNames[player])'s \(kind) {\(supportNames)} (\(support.count) action"
      + "\(support.count == 1 ? "" : "s")) has \(bestResponses.count) pure best responses of \(game.playerNames[other]) "
      + "{\(responseNames)}; a nondegenerate game allows at most \(support.count)"
  }
}
