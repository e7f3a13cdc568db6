/// How the mixed Nash equilibria of a game are computed: the first three for 2-player games,
/// simplicial subdivision for any number of players.
public enum EquilibriumMethod: String, Sendable, CaseIterable {
  /// Lemke–Howson from every label (``NormalFormGame/lemkeHowson(scope:arithmetic:limits:tolerance:)``):
  /// some equilibria, quickly (polynomial per pivot; exponential paths exist but are rare), never
  /// all of them by promise.
  case lemkeHowson = "lemke-howson"
  /// Support enumeration with the degeneracy check (``NormalFormGame/supportEnumeration(tolerance:)``):
  /// every equilibrium of a nondegenerate game, the extreme ones and the maximal Nash subsets of a
  /// degenerate one; exponential in the number of actions.
  case support
  /// Vertex enumeration (``NormalFormGame/extremeEquilibria(tolerance:)``): every extreme
  /// equilibrium and the maximal Nash subsets, degenerate or not; exponential too.
  case vertex
  /// Simplicial subdivision (``NormalFormGame/simplicialSubdivision(maximumRegret:refinement:leash:limits:)``,
  /// Gambit's `simpdiv`): one ε-equilibrium of a game with any number of players, every player's
  /// regret at most 1e-7 of the payoff range; the default for 3 or more players.
  case simplicialSubdivision = "simpdiv"
}
