import LabKit
import Testing

@testable import GameTheory

@Suite struct PayoffGeometryTests {
  private func points(_ pairs: [(Double, Double)]) -> [PayoffPoint] { pairs.map { PayoffPoint($0.0, $0.1) } }

  @Test func hullIsCounterClockwiseWithoutDuplicatesOrCollinearPoints() {
    // A square with repeated corners, edge midpoints and an interior point.
    let hull = PayoffPolygon(
      convexHullOf: points([
        (2, 2), (0, 0), (2, 0), (0, 2), (1, 0), (2, 1), (1, 1), (0, 0), (2, 2), (0, 1),
      ]))
    #expect(hull.vertices == points([(0, 0), (2, 0), (2, 2), (0, 2)]))
    #expect(hull.area == 4)
    #expect(hull.contains(PayoffPoint(1, 2)) && hull.contains(PayoffPoint(1, 1)) && !hull.contains(PayoffPoint(2.1, 1)))
  }

  @Test func degenerateHulls() {
    #expect(PayoffPolygon(convexHullOf: []).isEmpty)
    #expect(PayoffPolygon(convexHullOf: points([(1, 1), (1, 1), (1, 1)])).vertices == points([(1, 1)]))
    // Collinear points: the two ends, lexicographically least first.
    let segment = PayoffPolygon(convexHullOf: points([(2, 1), (0, 3), (1, 2), (3, 0), (1, 2)]))
    #expect(segment.vertices == points([(0, 3), (3, 0)]))
    #expect(segment.area == 0)
    #expect(segment.contains(PayoffPoint(1.5, 1.5)) && !segment.contains(PayoffPoint(1, 1)))
    // A segment of negative slope is all Pareto optimal; of positive slope only its top end is.
    #expect(segment.paretoFrontier == points([(0, 3), (3, 0)]))
    let rising = PayoffPolygon(convexHullOf: points([(0, 0), (1, 1), (2, 2)]))
    #expect(rising.vertices == points([(0, 0), (2, 2)]) && rising.paretoFrontier == points([(2, 2)]))
    // A horizontal segment: strictly, its right end; weakly, all of it.
    let flat = PayoffPolygon(convexHullOf: points([(0, 1), (3, 1), (2, 1)]))
    #expect(flat.paretoFrontier == points([(3, 1)]) && flat.weakParetoFrontier == points([(0, 1), (3, 1)]))
    // Clipping can leave a segment, a point or nothing.
    #expect(segment.clipped(minimumX: 1, minimumY: 1).vertices == points([(1, 2), (2, 1)]))
    #expect(segment.clipped(minimumX: 1.5, minimumY: 1.5).vertices == points([(1.5, 1.5)]))
    #expect(segment.clipped(minimumX: 2, minimumY: 2).isEmpty)
    #expect(PayoffPolygon(convexHullOf: points([(1, 1)])).clipped(minimumX: 1, minimumY: 0).vertices == points([(1, 1)]))
    #expect(PayoffPolygon(convexHullOf: points([(1, 1)])).clipped(minimumX: 1.5, minimumY: 0).isEmpty)
    // A bound a rounding error above a vertex keeps that vertex when told the tolerance.
    let triangle = PayoffPolygon(convexHullOf: points([(0, 0), (6, 5), (6, 0)]))
    #expect(triangle.clipped(minimumX: 6, minimumY: 5 + 1e-15).isEmpty)
    #expect(triangle.clipped(minimumX: 6, minimumY: 5 + 1e-15, tolerance: 1e-9).vertices == points([(6, 5)]))
    #expect(triangle.clipped(minimumX: 3, minimumY: 1, tolerance: 1e-9).vertices == points([(3, 1), (6, 1), (6, 5), (3, 2.5)]))
  }

  /// The prisoner's dilemma (3, 0, 5, 1), by hand. The feasible set is the hull of (3,3), (0,5), (5,0)
  /// and (1,1), all four vertices: counter-clockwise from (0,5) it is (0,5), (1,1), (5,0), (3,3). The
  /// Pareto frontier is (0,5) – (3,3) – (5,0). Minimax values are (1, 1); the individually rational
  /// region cuts the hull at x = 1 (on the edge (0,5)–(3,3): y = 5 − 2/3 = 13/3) and y = 1 (on
  /// (3,3)–(5,0): x = 13/3), giving the quadrilateral (1,1), (13/3,1), (3,3), (1,13/3): two triangles
  /// from (1,1) of area ½·(10/3)·2 each, 20/3 in all. The hull's area is 10 (shoelace: ½·(−5 − 5 + 15
  /// + 15)). Every profile but (defect, defect) is Pareto optimal.
  @Test(arguments: [false, true])
  func prisonersDilemmaByHand(exact: Bool) throws {
    let game = NormalFormGame.prisonersDilemma(reward: 3, sucker: 0, temptation: 5, punishment: 1)
    let geometry = try TwoPlayerPayoffGeometry(game, exact: exact)
    #expect(geometry.feasibleSet.vertices == points([(0, 5), (1, 1), (5, 0), (3, 3)]))
    #expect(geometry.feasibleSet.area == 10)
    #expect(geometry.paretoFrontier == points([(0, 5), (3, 3), (5, 0)]))
    #expect(geometry.weakParetoFrontier == geometry.paretoFrontier)
    #expect(geometry.minimax == PayoffPoint(1, 1))
    let ir = geometry.individuallyRational.vertices
    let expected = points([(1, 1), (13.0 / 3, 1), (3, 3), (1, 13.0 / 3)])
    #expect(ir.count == 4)
    #expect(zip(ir, expected).allSatisfy { abs($0.x - $1.x) < 1e-12 && abs($0.y - $1.y) < 1e-12 })
    #expect(abs(geometry.individuallyRational.area - 20.0 / 3) < 1e-12)
    #expect(geometry.individuallyRational.paretoFrontier.count == 3)
    #expect(geometry.paretoOptimalProfiles == [[0, 0], [0, 1], [1, 0]])
    #expect(try game.paretoOptimalProfiles(exact: exact) == [[0, 0], [0, 1], [1, 0]])
  }

  /// A fuzzed 2 × 2 game (Tests/Fuzz/nfg/regressions/glpk-cycling-2x2.nfg) on whose Pareto LPs GLPK's
  /// floating-point simplex cycled for minutes; past the iteration limit the rational simplex decides.
  @Test(arguments: [false, true])
  func paretoProfilesWhereTheFloatingPointSimplexCycles(exact: Bool) throws {
    let payoffs: [[Int]: [Double]] = [[0, 0]: [2.0000000000001e-16, 0], [1, 0]: [0.33333333, 0.7], [0, 1]: [-0.1, 0], [1, 1]: [20000, 0]]
    let game = NormalFormGame(actions: [["up", "down"], ["left", "right"]]) { payoffs[$0]! }
    #expect(try game.paretoOptimalProfiles(exact: exact) == [[1, 0], [1, 1]])
  }

  @Test func individuallyRationalRegionCanBeEmptyOrAPoint() throws {
    // Matching pennies: every outcome sums to 0, so the hull is the segment (−1,1)–(1,−1); minimax is
    // (0,0) and the only individually rational point is (0,0).
    let pennies = try TwoPlayerPayoffGeometry(LPTestSupport.matchingPennies, exact: true)
    #expect(pennies.feasibleSet.vertices == points([(-1, 1), (1, -1)]))
    #expect(pennies.individuallyRational.vertices == points([(0, 0)]))
    #expect(pennies.paretoOptimalProfiles.count == 4)
    // The empty case cannot arise from a game (the minimax point is dominated by a feasible point), so
    // clip by hand.
    #expect(pennies.feasibleSet.clipped(minimumX: 0.5, minimumY: 0.5).isEmpty)
  }

  @Test func nPlayerMembershipAndParetoOptimality() throws {
    let pd = NormalFormGame.prisonersDilemma(reward: 3, sucker: 0, temptation: 5, punishment: 1)
    for exact in [false, true] {
      #expect(try pd.feasibleSetContains([3, 3], exact: exact))
      #expect(try pd.feasibleSetContains([2.5, 2.5], exact: exact))
      #expect(try pd.feasibleSetContains([1.5, 4], exact: exact))  // ½(3,3) + ½(0,5)
      #expect(try !pd.feasibleSetContains([4, 4], exact: exact))
      #expect(try !pd.feasibleSetContains([0, 0], exact: exact))
      #expect(try pd.isParetoOptimal([3, 3], exact: exact))
      #expect(try pd.isParetoOptimal([1.5, 4], exact: exact))
      #expect(try !pd.isParetoOptimal([2.5, 2.5], exact: exact))
      #expect(try !pd.isParetoOptimal([4, 4], exact: exact))
    }
    // Three players: the "swapper" game of the coalition tests. (2,1,0) and (1,2,0) are Pareto optimal;
    // (1.5,1.5,0) is too (the sum of the first two is at most 3); (1,1,0) is dominated.
    let swapper = CoalitionSetTests.swapper
    #expect(try swapper.isParetoOptimal([1.5, 1.5, 0], exact: true))
    #expect(try !swapper.isParetoOptimal([1, 1, 0], exact: true))
    #expect(try !swapper.feasibleSetContains([1.5, 1.5, 1], exact: true))
    #expect(try swapper.paretoOptimalProfiles() == [[0, 0, 0], [0, 0, 1], [1, 1, 0], [1, 1, 1]])
    #expect(throws: LabError.self) { try swapper.isParetoOptimal([1, 1]) }
    #expect(throws: LabError.self) { try swapper.feasibleSetContains([1, .infinity, 0]) }
    #expect(throws: LabError.self) { try TwoPlayerPayoffGeometry(swapper) }
  }

  /// On the 50 fixture games and on random 2-player games with small integer payoffs (many ties):
  /// - the hull is strictly convex, counter-clockwise, made of payoff points, and contains them all;
  /// - no frontier point is Pareto-dominated by a pure payoff vector, and the frontier runs with x
  ///   increasing and y decreasing;
  /// - the frontier's pure profiles are exactly the LP's Pareto-optimal profiles;
  /// - the individually rational region lies in the hull and above the minimax point.
  @Test func propertiesOfTwoPlayerGeometry() throws {
    var generator = LPTestSupport.SplitMix(seed: 31)
    let games =
      try LPTestSupport.randomBimatrixGames().map(\.game)
      + (0..<60).map { _ in LPTestSupport.randomGame(players: 2, using: &generator) }
    for game in games {
      let geometry = try TwoPlayerPayoffGeometry(game)
      let payoffPoints = game.profiles.map { PayoffPoint(game.payoff(0, $0), game.payoff(1, $0)) }
      let hull = geometry.feasibleSet.vertices
      #expect(hull.allSatisfy(payoffPoints.contains))
      #expect(payoffPoints.allSatisfy { geometry.feasibleSet.contains($0) })
      if hull.count > 2 {
        for i in hull.indices {
          #expect(PayoffPolygon.cross(hull[i], hull[(i + 1) % hull.count], hull[(i + 2) % hull.count]) > 0)
        }
      }
      let frontier = geometry.paretoFrontier
      #expect(!frontier.isEmpty)
      for point in frontier {
        #expect(!payoffPoints.contains { $0.dominates(point) })
      }
      #expect(zip(frontier, frontier.dropFirst()).allSatisfy { $0.x < $1.x && $0.y > $1.y })
      #expect(try geometry.paretoOptimalProfiles == game.paretoOptimalProfiles())
      #expect(try geometry.paretoOptimalProfiles == game.paretoOptimalProfiles(exact: true))
      for vertex in geometry.individuallyRational.vertices {
        #expect(geometry.feasibleSet.contains(vertex, tolerance: 1e-9))
        #expect(vertex.x >= geometry.minimax.x - 1e-9 && vertex.y >= geometry.minimax.y - 1e-9)
        #expect(try game.feasibleSetContains([vertex.x, vertex.y]))
      }
      #expect(
        !geometry.individuallyRational.isEmpty,
        "\(game.profiles.map { game.payoffs($0) }) minimax \(geometry.minimax) hull \(geometry.feasibleSet.vertices)")
    }
  }
}
