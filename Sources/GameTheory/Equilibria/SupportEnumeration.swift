/// Nash equilibria of 2-player games by support enumeration, with the degeneracy check and, for
/// degenerate games, vertex enumeration of the extreme equilibria.
///
/// The policy and the tolerances are documented on ``EquilibriumEnumeration``.
extension NormalFormGame {
  /// Every Nash equilibrium of a nondegenerate 2-player game by support enumeration, or, when the
  /// game is degenerate, its extreme equilibria flagged with the reason (see ``EquilibriumEnumeration``).
  ///
  /// For each k from 1 to min(m, n) and each pair of supports I (row actions) and J (column actions) of
  /// size k, in lexicographic order, it solves the two indifference systems (the row strategy on I
  /// that makes the column player indifferent on J, and vice versa) by Gaussian elimination with
  /// partial pivoting, and keeps the pair when both solutions are positive on their supports and no
  /// action outside a support does better: Algorithm 3.4 of Nisan et al. (2007), as nashpy's
  /// `support_enumeration`. Equilibria are sorted by support sizes, then supports, then probabilities
  /// (for a nondegenerate game this is nashpy's order). Cost: C(m + n, m) − 1 support pairs, each two
  /// (k + 1)×(k + 1) solves.
  ///
  /// - Precondition: a 2-player game; `tolerance` finite and ≥ 0.
  public func supportEnumeration(tolerance: Double = 1e-9) -> EquilibriumEnumeration {
    let analysis = BimatrixAnalysis(self, tolerance: tolerance)
    if let witness = analysis.witness {
      return .degenerate(
        found: analysis.extremeEquilibria(includingSupportPairs: true), reason: witness, subsets: analysis.maximalNashSubsets())
    }
    return .complete(analysis.supportEquilibria())
  }

  /// A witness that this 2-player game is degenerate (a mixed strategy with more pure best responses
  /// than actions in its support), or nil when it is nondegenerate within `tolerance`.
  ///
  /// Every vertex of both best-response polytopes is examined, which decides the definition exactly
  /// up to the tolerance: if some strategy has too many best responses, so does a vertex of the face
  /// where they are tight.
  ///
  /// - Precondition: a 2-player game.
  public func degeneracy(tolerance: Double = 1e-9) -> Degeneracy? {
    BimatrixAnalysis(self, tolerance: tolerance).witness
  }

  /// Whether this 2-player game is degenerate within `tolerance` (``degeneracy(tolerance:)`` is not nil).
  public func isDegenerate(tolerance: Double = 1e-9) -> Bool { degeneracy(tolerance: tolerance) != nil }

  /// Every extreme Nash equilibrium of this 2-player game, degenerate or not, by vertex enumeration:
  /// the completely labelled pairs of vertices of the two best-response polytopes (Mangasarian 1964;
  /// Avis, Rosenberg, Savani and von Stengel 2010). For a nondegenerate game these are all the
  /// equilibria, the same as ``supportEnumeration(tolerance:)`` finds.
  ///
  /// - Precondition: a 2-player game.
  public func extremeEquilibria(tolerance: Double = 1e-9) -> [NashEquilibrium] {
    BimatrixAnalysis(self, tolerance: tolerance).extremeEquilibria(includingSupportPairs: false)
  }

  /// The maximal Nash subsets of this 2-player game: products of convex hulls of extreme strategies
  /// whose union is the set of all Nash equilibria. A nondegenerate game has one singleton per
  /// equilibrium; a degenerate one can have segments, polygons and overlapping subsets.
  ///
  /// - Precondition: a 2-player game.
  public func maximalNashSubsets(tolerance: Double = 1e-9) -> [MaximalNashSubset] {
    BimatrixAnalysis(self, tolerance: tolerance).maximalNashSubsets()
  }
}

/// One pass over every pair of equal-size supports of a bimatrix game, collecting the solutions of
/// both indifference systems: the support-enumeration equilibria, the vertices of both best-response
/// polytopes (as mixed strategies with their labels) and the first degeneracy witness.
///
/// Why the same systems give the vertices: a nonzero vertex of P = {x ≥ 0 : Bᵀx ≤ 1} (payoffs made
/// positive) is fixed by m linearly independent tight constraints, x_i = 0 off a set I and
/// (Bᵀx)_j = 1 on a set J with |J| = |I|; scaled to a probability vector it is the solution of the
/// indifference system for (I, J). Degeneracy means some point of P has more than m tight constraints,
/// and then so does a vertex of the face they define.
struct BimatrixAnalysis {
  /// A solution of an indifference system that is a mixed strategy of `player` to which the actions
  /// it was solved against are best responses.
  struct Vertex {
    var probabilities: [Double]
    /// Actions with probability above the tolerance.
    var support: [Int]
    /// The other player's pure best responses.
    var bestResponses: [Int]
  }

  let game: NormalFormGame
  let tolerance: Double
  let rows: Int
  let columns: Int
  /// Rescaled payoffs, row-major rows × columns: player 0's and player 1's.
  private let scaled: [[Double]]
  /// Distinct solutions, per player, in order of discovery.
  private(set) var vertices: [[Vertex]] = [[], []]
  /// Support pairs (I, J) where both solutions have full support: indices into `vertices`.
  private(set) var supportPairs: [(row: Int, column: Int)] = []
  private(set) var witness: Degeneracy?
  private var vertexIndex: [[[Int]: Int]] = [[:], [:]]

  /// Whether the time limit stopped the pass before every support pair was solved: the vertices,
  /// pairs and witness are then those of the pairs solved so far.
  private(set) var isPartial = false

  init(_ game: NormalFormGame, tolerance: Double, limits: SearchLimits = .none) {
    precondition(game.playerCount == 2, "support enumeration: a 2-player game (this one has \(game.playerCount))")
    precondition(tolerance.isFinite && tolerance >= 0, "support enumeration: the tolerance must be finite and ≥ 0")
    self.game = game
    self.tolerance = tolerance
    rows = game.actions[0].count
    columns = game.actions[1].count
    scaled = (0..<2).map { player in
      let values = game.profiles.map { game.payoff(player, $0) }
      let low = values.min()!
      let high = values.max()!
      return values.map { high > low ? ($0 - low) / (high - low) : 0 }
    }
    let total = (1...min(rows, columns)).reduce(0) {
      $0 + BimatrixAnalysis.binomial(rows, $1) * BimatrixAnalysis.binomial(columns, $1)
    }
    var done = 0
    for size in 1...min(rows, columns) where !isPartial {
      let columnSetCount = BimatrixAnalysis.binomial(columns, size)
      BimatrixAnalysis.forEachCombination(rows, size) { rowSet in
        if limits.hasExpired {
          isPartial = true
          return false
        }
        BimatrixAnalysis.forEachCombination(columns, size) { columnSet in
          let x = solve(player: 0, support: rowSet, indifferent: columnSet)
          let y = solve(player: 1, support: columnSet, indifferent: rowSet)
          if let x, let y, x.fullSupport, y.fullSupport { supportPairs.append((row: x.index, column: y.index)) }
          return true
        }
        done += columnSetCount
        limits.report(done, of: total)
        return true
      }
    }
  }

  /// Calls `body` with each `size`-element subset of 0..<count in lexicographic order, without
  /// storing them, until `body` returns false.
  static func forEachCombination(_ count: Int, _ size: Int, _ body: ([Int]) -> Bool) {
    guard size <= count else { return }
    var current = Array(0..<size)
    while body(current) {
      var position = size - 1
      while position >= 0 && current[position] == count - size + position { position -= 1 }
      if position < 0 { return }
      current[position] += 1
      for later in (position + 1)..<size { current[later] = current[position] + later - position }
    }
  }

  /// C(n, k), saturating at Int.max.
  static func binomial(_ n: Int, _ k: Int) -> Int {
    guard k >= 0, k <= n else { return 0 }
    var result = 1
    for step in 0..<min(k, n - k) {
      let (product, overflow) = result.multipliedReportingOverflow(by: n - step)
      if overflow { return Int.max }
      result = product / (step + 1)
    }
    return result
  }

  /// The payoff to the other player when `player` plays `own` and the other plays `other`.
  private func otherPayoff(_ player: Int, own: Int, other: Int) -> Double {
    player == 0 ? scaled[1][own * columns + other] : scaled[0][other * columns + own]
  }

  /// Solves for `player`'s strategy on `support` that makes the other player indifferent among
  /// `indifferent`; records it when those actions are best responses to it.
  private mutating func solve(player: Int, support: [Int], indifferent: [Int]) -> (index: Int, fullSupport: Bool)? {
    let k = support.count
    let size = k + 1
    var matrix = [Double](repeating: 0, count: size * size)
    for (row, other) in indifferent.enumerated() {
      for (column, own) in support.enumerated() { matrix[row * size + column] = otherPayoff(player, own: own, other: other) }
      matrix[row * size + k] = -1
    }
    for column in 0..<k { matrix[k * size + column] = 1 }
    var rhs = [Double](repeating: 0, count: size)
    rhs[k] = 1
    guard let solution = DenseLinearAlgebra.solve(matrix, rhs, size: size) else { return nil }
    guard solution[0..<k].allSatisfy({ $0 >= -tolerance }) else { return nil }

    let total = solution[0..<k].reduce(0) { $0 + max(0, $1) }
    guard total > 0 else { return nil }
    var probabilities = [Double](repeating: 0, count: player == 0 ? rows : columns)
    for (column, own) in support.enumerated() { probabilities[own] = max(0, solution[column]) / total }
    let otherCount = player == 0 ? columns : rows
    let values = (0..<otherCount).map { other in support.reduce(0) { $0 + probabilities[$1] * otherPayoff(player, own: $1, other: other) } }
    let best = values.max()!
    guard indifferent.allSatisfy({ values[$0] >= best - tolerance }) else { return nil }

    let played = support.filter { probabilities[$0] > tolerance }
    let responses = values.indices.filter { values[$0] >= best - tolerance }
    let key = [played.count] + played + responses
    let index: Int
    if let known = vertexIndex[player][key] {
      index = known
    } else {
      index = vertices[player].count
      vertexIndex[player][key] = index
      vertices[player].append(Vertex(probabilities: probabilities, support: played, bestResponses: responses))
      if witness == nil, responses.count > played.count {
        witness = Degeneracy(game: game, player: player, strategy: MixedStrategy(unchecked: probabilities), bestResponses: responses)
      }
    }
    return (index: index, fullSupport: played.count == k)
  }

  /// Whether a recorded solution is a vertex of its best-response polytope: its tight constraints
  /// (zero probabilities and best responses) have full rank.
  private func isVertex(_ vertex: Vertex, player: Int) -> Bool {
    let rows = vertex.bestResponses.map { other in vertex.support.map { otherPayoff(player, own: $0, other: other) + 1 } }
    return DenseLinearAlgebra.rank(rows) == vertex.support.count
  }

  func supportEquilibria() -> [NashEquilibrium] {
    sorted(supportPairs.map { [$0.row, $0.column] })
  }

  /// The completely labelled vertex pairs, as index pairs (row vertex, column vertex).
  private func extremePairs() -> [[Int]] {
    let rowVertices = vertices[0].indices.filter { isVertex(vertices[0][$0], player: 0) }
    let columnVertices = vertices[1].indices.filter { isVertex(vertices[1][$0], player: 1) }
    var pairs: [[Int]] = []
    for r in rowVertices {
      let x = vertices[0][r]
      for c in columnVertices {
        let y = vertices[1][c]
        if Set(x.support).isSubset(of: y.bestResponses) && Set(y.support).isSubset(of: x.bestResponses) { pairs.append([r, c]) }
      }
    }
    return pairs
  }

  func extremeEquilibria(includingSupportPairs: Bool) -> [NashEquilibrium] {
    var pairs = extremePairs()
    if includingSupportPairs {
      let known = Set(pairs)
      pairs += supportPairs.map { [$0.row, $0.column] }.filter { !known.contains($0) }
    }
    return sorted(pairs)
  }

  func maximalNashSubsets() -> [MaximalNashSubset] {
    let pairs = extremePairs()
    var neighbours: [Int: Set<Int>] = [:]
    for pair in pairs { neighbours[pair[0], default: []].insert(pair[1]) }
    // The column sides of maximal bicliques are the intersections of neighbourhoods of row vertices.
    var sides = Set(neighbours.values)
    var frontier = Array(sides)
    while let side = frontier.popLast() {
      for other in Array(sides) {
        let meet = side.intersection(other)
        if !meet.isEmpty && sides.insert(meet).inserted { frontier.append(meet) }
      }
    }
    let subsets = sides.map { columnSide -> (rows: [Int], columns: [Int]) in
      (rows: neighbours.keys.filter { columnSide.isSubset(of: neighbours[$0]!) }.sorted(by: rowOrder), columns: columnSide.sorted(by: columnOrder))
    }
    return
      subsets
      .sorted { a, b in
        let ka = a.rows.map { vertexRank(0, $0) } + [-1] + a.columns.map { vertexRank(1, $0) }
        let kb = b.rows.map { vertexRank(0, $0) } + [-1] + b.columns.map { vertexRank(1, $0) }
        return ka.lexicographicallyPrecedes(kb)
      }
      .map { subset in
        MaximalNashSubset(
          rowStrategies: subset.rows.map { MixedStrategy(unchecked: vertices[0][$0].probabilities) },
          columnStrategies: subset.columns.map { MixedStrategy(unchecked: vertices[1][$0].probabilities) })
      }
  }

  // MARK: - Ordering and combinations

  /// Vertices ordered by support size, support, then probabilities.
  private func precedes(_ a: Vertex, _ b: Vertex) -> Bool {
    if a.support.count != b.support.count { return a.support.count < b.support.count }
    if a.support != b.support { return a.support.lexicographicallyPrecedes(b.support) }
    return a.probabilities.lexicographicallyPrecedes(b.probabilities)
  }

  private func rowOrder(_ a: Int, _ b: Int) -> Bool { precedes(vertices[0][a], vertices[0][b]) }
  private func columnOrder(_ a: Int, _ b: Int) -> Bool { precedes(vertices[1][a], vertices[1][b]) }

  private func vertexRank(_ player: Int, _ index: Int) -> Int {
    vertices[player].indices.filter { precedes(vertices[player][$0], vertices[player][index]) }.count
  }

  private func sorted(_ pairs: [[Int]]) -> [NashEquilibrium] {
    pairs
      .sorted { a, b in
        if a[0] != b[0] { return rowOrder(a[0], b[0]) }
        return columnOrder(a[1], b[1])
      }
      .map { pair in
        NashEquilibrium(
          game,
          [
            MixedStrategy(unchecked: vertices[0][pair[0]].probabilities),
            MixedStrategy(unchecked: vertices[1][pair[1]].probabilities),
          ])
      }
  }

  /// The `size`-element subsets of 0..<count in lexicographic order.
  static func combinations(_ count: Int, _ size: Int) -> [[Int]] {
    guard size <= count else { return [] }
    var result: [[Int]] = []
    var current = Array(0..<size)
    while true {
      result.append(current)
      var position = size - 1
      while position >= 0 && current[position] == count - size + position { position -= 1 }
      if position < 0 { return result }
      current[position] += 1
      for later in (position + 1)..<size { current[later] = current[position] + later - position }
    }
  }
}
