/// How the Nash equilibria of a 2-player game are computed.
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
}
