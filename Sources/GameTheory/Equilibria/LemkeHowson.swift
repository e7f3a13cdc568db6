/// Which Lemke–Howson paths a search follows.
public enum LemkeHowsonScope: Sendable, Equatable {
  /// One path from the artificial equilibrium (0, 0), dropping this label (row actions 0..<m, column
  /// actions m..<m + n): one equilibrium.
  case label(Int)
  /// Every label dropped at the artificial equilibrium: m + n paths, the equilibria they end at
  /// (nashpy's `lemke_howson_enumeration`).
  case everyLabel
  /// Every label dropped at the artificial equilibrium and then at every equilibrium found, until no
  /// new one appears: the whole component of the Lemke–Howson graph that holds (0, 0) (Shapley 1974).
  case reachable
}

/// Whether the pivoting is done in Doubles or exactly.
public enum PivotArithmetic: String, Sendable, Equatable {
  /// Doubles, payoffs rescaled to [1, 2], ties within a tolerance; each end point is checked as an
  /// equilibrium (to 1e-7 of the payoff range) and one that fails is reported, never returned.
  case floatingPoint
  /// Integer pivoting on arbitrary-precision integers: no tolerance, exact fractions, exact check.
  case exact
}

/// What a Lemke–Howson search returns.
public struct LemkeHowsonSearch: Sendable {
  /// The distinct equilibria found, in the order found.
  public let equilibria: [NashEquilibrium]
  /// The same equilibria as exact fractions, with ``PivotArithmetic/exact``.
  public let exactEquilibria: [ExactEquilibrium]?
  /// For each equilibrium, the labels that lead to it from the artificial equilibrium.
  public let labels: [[Int]]
  /// Paths whose end did not pass the equilibrium check or that stopped abnormally: a sentence each
  /// (always empty with exact arithmetic, and never seen in floating point so far).
  public let failures: [String]
  /// Whether the time limit stopped the search before it followed every path of its scope.
  public let isPartial: Bool
  /// The number of paths followed and of pivots made.
  public let paths: Int
  public let pivots: Int
}

extension NormalFormGame {
  /// Nash equilibria of a 2-player game by the Lemke–Howson algorithm with the lexicographic
  /// minimum-ratio test (Lemke and Howson 1964; von Stengel 2007, Algorithmic Game Theory ch. 3).
  ///
  /// Guarantees. Every path ends, at a Nash equilibrium, in degenerate games too: the lexicographic
  /// rule is the simplex on a perturbed right-hand side whose vertices are all nondegenerate, so the
  /// path is unique and cannot cycle, and its end is an equilibrium of the perturbed game and hence of
  /// the game. With ``PivotArithmetic/exact`` this holds exactly; in floating point ties are decided
  /// within `tolerance` and every end point is checked, a failure being listed in
  /// ``LemkeHowsonSearch/failures``. What it does not promise: every equilibrium. Lemke–Howson reaches
  /// the equilibria of one component of its graph; others, and in degenerate games the continua of
  /// equilibria, need ``supportEnumeration(tolerance:)`` or ``extremeEquilibria(tolerance:)``.
  ///
  /// Payoffs are assumed finite (games are validated on input).
  ///
  /// - Precondition: a 2-player game; for ``LemkeHowsonScope/label(_:)``, a label in 0..<m + n.
  public func lemkeHowson(
    scope: LemkeHowsonScope = .everyLabel, arithmetic: PivotArithmetic = .floatingPoint, limits: SearchLimits = .none,
    tolerance: Double = 1e-9
  ) -> LemkeHowsonSearch {
    precondition(playerCount == 2, "Lemke–Howson: a 2-player game (this one has \(playerCount))")
    let labelCount = actions[0].count + actions[1].count
    if case .label(let label) = scope {
      precondition((0..<labelCount).contains(label), "Lemke–Howson: label \(label) out of 0..<\(labelCount)")
    }
    switch arithmetic {
    case .floatingPoint:
      let start = LemkeHowsonState<FloatingTableau>(floating: self, tolerance: tolerance)
      let range = (0..<2).map { player in
        let values = profiles.map { payoff(player, $0) }
        return max(values.max()! - values.min()!, Double.leastNormalMagnitude)
      }
      return LemkeHowsonWalk(start: start, scope: scope, labelCount: labelCount, limits: limits).run { state in
        guard let strategies = state.strategies(tolerance: tolerance) else { return .artificial }
        let profile = strategies.map { MixedStrategy(unchecked: $0) }
        let gains = deviationGains(profile)
        if gains[0] > 1e-7 * range[0] || gains[1] > 1e-7 * range[1] {
          return .rejected(
            "the end point \(MixedStrategy.format(strategies[0])) × \(MixedStrategy.format(strategies[1])) is not an equilibrium (deviation gains \(MixedStrategy.format(gains)))"
          )
        }
        return .equilibrium(NashEquilibrium(self, profile), nil)
      }
    case .exact:
      let start = LemkeHowsonState<IntegerPivotingTableau>(exact: self)
      return LemkeHowsonWalk(start: start, scope: scope, labelCount: labelCount, limits: limits).run { state in
        guard let strategies = state.exactStrategies() else { return .artificial }
        guard let exact = ExactEquilibrium(self, strategies: strategies) else {
          return .rejected("the end point \(strategies) is not an equilibrium in exact arithmetic")
        }
        return .equilibrium(exact.rounded(self), exact)
      }
    }
  }
}

/// The breadth-first walk over Lemke–Howson paths behind ``NormalFormGame/lemkeHowson(scope:arithmetic:limits:tolerance:)``.
struct LemkeHowsonWalk<Tableau: LemkeHowsonTableau> {
  /// What a completely labelled pair is.
  enum EndPoint {
    case artificial
    case equilibrium(NashEquilibrium, ExactEquilibrium?)
    case rejected(String)
  }

  let start: LemkeHowsonState<Tableau>
  let scope: LemkeHowsonScope
  let labelCount: Int
  let limits: SearchLimits

  /// Follows the paths of the scope; `classify` turns each end into an equilibrium.
  func run(classify: (LemkeHowsonState<Tableau>) -> EndPoint) -> LemkeHowsonSearch {
    let startLabels: [Int]
    if case .label(let label) = scope { startLabels = [label] } else { startLabels = Array(0..<labelCount) }
    // A path visits each basis at most once, so the number of bases bounds it; this bound is far
    // below that and far above any path seen (a safety net against bugs, reported if ever hit).
    let pivotLimit = 1_000_000
    var queue = [(state: start, origin: -1)]
    var seen: Set<[Int]> = [start.key]
    var equilibria: [NashEquilibrium] = []
    var exact: [ExactEquilibrium] = []
    var labels: [[Int]] = []
    var failures: [String] = []
    var (paths, pivots, partial) = (0, 0, false)
    var next = 0
    walk: while next < queue.count {
      let (node, origin) = queue[next]
      next += 1
      for label in (origin < 0 ? startLabels : Array(0..<labelCount)) {
        if limits.hasExpired {
          partial = true
          break walk
        }
        var state = node
        let outcome = state.follow(dropping: label, pivotLimit: pivotLimit)
        paths += 1
        limits.report(paths, of: startLabels.count + (queue.count - 1) * labelCount)
        switch outcome {
        case .unbounded(let count), .tooManyPivots(let count):
          pivots += count
          failures.append("the path dropping label \(label) stopped after \(count) pivots without reaching an equilibrium")
          continue
        case .reached(let count): pivots += count
        }
        let endPoint = classify(state)
        var index: Int?
        switch endPoint {
        case .artificial: break
        case .rejected(let reason): failures.append("label \(label): \(reason)")
        case .equilibrium(let equilibrium, let exactEquilibrium):
          index = equilibria.indices.first(where: { known in
            if let exactEquilibrium { return exact[known] == exactEquilibrium }
            return equilibria[known].isClose(to: equilibrium, tolerance: 1e-6)
          })
          if index == nil {
            equilibria.append(equilibrium)
            if let exactEquilibrium { exact.append(exactEquilibrium) }
            labels.append([])
            index = equilibria.count - 1
          }
        }
        if origin < 0, let index { labels[index].append(label) }
        if scope == .reachable, seen.insert(state.key).inserted, let index { queue.append((state: state, origin: index)) }
      }
    }
    return LemkeHowsonSearch(
      equilibria: equilibria, exactEquilibria: Tableau.self == IntegerPivotingTableau.self ? exact : nil,
      labels: labels, failures: failures, isPartial: partial, paths: paths, pivots: pivots)
  }
}
