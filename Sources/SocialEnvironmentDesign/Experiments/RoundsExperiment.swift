import LabKit

/// Definition 3.1 and eq. 1 of Social Environment Design: the online game chains rounds so that
/// "the first state of a new round [is] made equal to the final state of the last round"
/// (µ0^{P(φ)} = Δ(s_T)), and the leader's action is bounded by D(φ0, φ) ≤ δ, a constraint that "can
/// also be transformed into an unconstrained problem by using an additional reparameterization
/// R : ξ ↦ Φ̂".
///
/// Standards fixed in advance:
/// - `sed.continuity`: with the paper's continuity, every round's initial state equals the previous
///   round's final state exactly (apples, positions, orientations), in every history; the released
///   code's resets are shown beside it.
/// - `sed.divergence`: a learning principal under the bound never sets a φ with D(φ0, φ) > δ; and the
///   best schedule found over ξ ∈ R^3 through R (snapped to the 11-level rate grid) equals the best
///   feasible schedule found by constrained search, in value and in φ, with R reaching every
///   feasible grid point.
public struct RoundsExperiment: Experiment {
  public init() {}

  public let id = "sed.rounds"
  public let title = "Chained rounds and the divergence bound"
  public let sections = ["Definition 3.1", "eq. 1"]

  public static let continuityClaim = Claim(
    id: "sed.continuity", source: "Definition 3.1, eq. 1", kind: .definition,
    statement: "Rounds are chained: the first state of a new round equals the final state of the last round.")
  public static let divergenceClaim = Claim(
    id: "sed.divergence", source: "Definition 3.1, eq. 1", kind: .definition,
    statement: "The principal's action obeys D(φ0, φ) ≤ δ, and the reparameterised unconstrained problem over ξ gives the same optimum.")

  public var claims: [Claim] { [Self.continuityClaim, Self.divergenceClaim] }

  public var parameters: [Parameter] {
    [
      Parameter("histories", "Histories of chained rounds.", domain: .integer(1...100_000), smoke: .integer(2), standard: .integer(20), paper: .integer(200)),
      Parameter("roundsPerHistoryChecked", "Rounds per history in the continuity check.", domain: .integer(2...10_000), smoke: .integer(3), standard: .integer(6), paper: .integer(20)),
      Parameter("delta", "The divergence bound δ (maximum divergence from φ0 = 0).", domain: .real(lower: 0, upper: 1, lowerIncluded: false, upperIncluded: true),
                default: .real(0.3)),
      Parameter("principalRounds", "Rounds of the constrained REINFORCE principal.", domain: .integer(2...1_000_000), smoke: .integer(12), standard: .integer(200), paper: .integer(5000)),
      Parameter("episodes", "Fixed-seed rounds the objective of the search is averaged over.", domain: .integer(1...100_000), smoke: .integer(3), standard: .integer(20), paper: .integer(200)),
    ] + Support.gameParameters()
  }

  public func simulate(in context: RunContext) throws -> ExperimentResult {
    let p = context.parameters
    let histories = p.integer("histories"), perHistory = p.integer("roundsPerHistoryChecked")
    let delta = p.real("delta")
    var base = Support.configuration(p)
    let n = base.agentCount
    // A fixed population: restrained players and two greedy ones, so that the orchard changes.
    let restraint = (0..<n).map { $0 < 2 ? 0 : 4 }

    // Continuity, paper and code.
    var continuityTable = Table(id: "sed.rounds.continuity", title: "Chained rounds: does each round start where the last ended? (\(histories) histories × \(perHistory) rounds)",
                                columns: ["continuity", "round", "starts equal to previous end", "live apples at the start", "apples harvested"])
    var paperHolds = true
    var codeFresh = 0, codeRounds = 0
    for mode in [Continuity.paper, Continuity.code] {
      base.continuity = mode
      let configuration = base
      let runs = try context.replicates(histories, stream: "histories") { _, random in
        let game = try ApplePickingGame(configuration: configuration, types: PlayerType.uniform(n, random))
        game.resetWorld(random)
        var previous = game.world.state
        var rows: [(equal: Bool, live: Int, apples: Double)] = []
        for _ in 0..<perHistory {
          var start: HarvestState?
          var live = 0
          let o = game.playRound(restraint: restraint, random, onStart: { start = $0.state; live = $0.liveApples }) { _ in [0.1, 0.25, 0.37] }
          rows.append((start! == previous, live, o.apples.reduce(0, +)))
          previous = game.world.state
        }
        return rows
      }
      for r in 0..<perHistory {
        let equal = runs.filter { $0[r].equal }.count
        if mode == .paper && equal != histories { paperHolds = false }
        if mode == .code && r > 0 { codeRounds += histories; codeFresh += histories - equal }
        continuityTable.append([.text(mode.rawValue), .integer(r + 1), .text("\(equal)/\(histories)"),
                                .real(Support.average(runs.map { Double($0[r].live) }), digits: 1),
                                .real(Support.average(runs.map { $0[r].apples }), digits: 1)])
      }
    }
    let continuityEvidence = Evidence(
      summary: "With the paper's continuity every round began in the previous round's final state (\(paperHolds ? "all" : "NOT all") of \(histories * perHistory) rounds); with the released code's resets \(codeFresh) of \(codeRounds) later rounds began elsewhere.",
      measurements: [.init("paper continuity holds", paperHolds), .init("code rounds not continuous", codeFresh)],
      tolerance: "exact equality of the whole physical state", sampleSize: histories * perHistory)

    // Divergence: a constrained learning principal.
    base.continuity = Continuity(rawValue: p.choice("continuity"))!
    let configuration = base
    let game = SocialEnvironmentDesignGame.applePicking
    let constrained = try SocialEnvironmentDesignGame(actionSpace: game.actionSpace, initialAction: game.initialAction, divergence: .maximum,
                                                      divergenceBound: delta, socialChoice: .meanSelfishness)
    var schedule = try Support.schedule(p, rounds: p.integer("principalRounds"), phaseOne: 0, anneal: 0, annealing: .none)
    schedule.maximumRate = constrained.feasibleBox.map(\.upperBound).min()!
    let principalRandom = context.random(stream: "principal")
    let types = PlayerType.uniform(n, principalRandom)
    let trained = try OnlineTraining.run(game: try ApplePickingGame(configuration: configuration, types: types), schedule: schedule,
                                         principal: BracketReinforcePrincipal(learningRate: 0.5), principalRandom)
    let decisions = trained.records.flatMap(\.periodRates)
    let largestDivergence = decisions.map { constrained.divergence.value(constrained.initialAction, $0) }.max() ?? 0
    let allFeasible = decisions.allSatisfy(constrained.isFeasible)

    // The reparameterisation: objective on post-tax wealth for a fixed population on fixed seeds.
    // Rates do not change behaviour within a round, so the per-period incomes are recorded once.
    let episodes = p.integer("episodes")
    let eta = try VotingRule.meanSelfishness.eta(reports: types.map(\.selfishness))
    var incomes: [[[Double]]] = []  // episode × period × player
    for e in 0..<episodes {
      let random = context.random(stream: "search", replicate: e)
      let g = try ApplePickingGame(configuration: configuration, types: types)
      var periods: [[Double]] = []
      var current = [Double](repeating: 0, count: n)
      var t = 0
      _ = g.playRound(restraint: restraint, random, onStep: { world in
        for i in 0..<n { current[i] += Double(world.eaten(i)) }
        t += 1
        if t % configuration.taxPeriod == 0 { periods.append(current); current = Array(repeating: 0, count: n) }
      }) { _ in [0, 0, 0] }
      incomes.append(periods)
    }
    func objective(_ phi: [Double]) -> Double {
      Support.average(incomes.map { periods in
        var wealth = [Double](repeating: 0, count: n)
        for a in periods {
          let extrinsic = Redistribution.extrinsic(incomes: a, rates: phi, brackets: configuration.brackets)
          for i in 0..<n { wealth[i] += extrinsic[i] }
        }
        return WelfareObjective.interpolation(eta: eta).value(wealth)
      })
    }
    func snap(_ x: Double) -> Double { (x * 10).rounded() / 10 }
    let levels = RateGrid.levels
    var fullGrid: [[Double]] = [[]]
    for _ in 0..<3 { fullGrid = fullGrid.flatMap { a in levels.map { a + [$0] } } }
    let feasible = fullGrid.filter(constrained.isFeasible)
    func best(_ candidates: [[Double]]) -> (phi: [Double], value: Double) {
      var bestPhi = candidates[0], bestValue = objective(candidates[0])
      for c in candidates.dropFirst() {
        let v = objective(c)
        if v > bestValue + 1e-12 { bestPhi = c; bestValue = v }
      }
      return (bestPhi, bestValue)
    }
    let constrainedBest = best(feasible)
    let xiValues = Swift.stride(from: -8.0, through: 8.0, by: 0.5).map { $0 }
    var reached = Set<[Double]>()
    for a in xiValues { for b in xiValues { for c in xiValues { reached.insert(constrained.reparameterise([a, b, c]).map(snap)) } } }
    let reachedSorted = reached.sorted { $0.lexicographicallyPrecedes($1) }
    let reparameterisedBest = best(reachedSorted)
    let unconstrainedBest = best(fullGrid)
    let sameOptimum = reparameterisedBest.phi == constrainedBest.phi && reparameterisedBest.value == constrainedBest.value
    let coversFeasible = Set(feasible) == reached
    var divergenceTable = Table(id: "sed.rounds.divergence", title: "The divergence bound δ = \(DecimalFormat.compact(delta)) (maximum divergence from φ0 = 0) and the reparameterisation",
                                columns: ["check", "value"])
    divergenceTable.append([.text("decisions of the constrained REINFORCE principal"), .integer(decisions.count)])
    divergenceTable.append([.text("largest D(φ0, φ) among them"), .real(largestDivergence, digits: 3)])
    divergenceTable.append([.text("constrained search: best φ on the feasible grid (\(feasible.count) points)"),
                            .text(constrainedBest.phi.map { DecimalFormat.fixed($0, digits: 1) }.joined(separator: ", ") + " → " + DecimalFormat.fixed(constrainedBest.value, digits: 3))])
    divergenceTable.append([.text("search over ξ ∈ [−8, 8]^3 through R (\(xiValues.count)^3 points, \(reached.count) distinct schedules)"),
                            .text(reparameterisedBest.phi.map { DecimalFormat.fixed($0, digits: 1) }.joined(separator: ", ") + " → " + DecimalFormat.fixed(reparameterisedBest.value, digits: 3))])
    divergenceTable.append([.text("unconstrained best on the whole grid (for comparison)"),
                            .text(unconstrainedBest.phi.map { DecimalFormat.fixed($0, digits: 1) }.joined(separator: ", ") + " → " + DecimalFormat.fixed(unconstrainedBest.value, digits: 3))])
    let divergenceHolds = largestDivergence <= delta + 1e-12 && allFeasible && sameOptimum && coversFeasible
    let divergenceEvidence = Evidence(
      summary: "The constrained principal's \(decisions.count) decisions had D(φ0, φ) ≤ \(DecimalFormat.fixed(largestDivergence, digits: 3)) (δ = \(DecimalFormat.compact(delta))); search through R reached \(reached.count) of the \(feasible.count) feasible schedules and found the same optimum as constrained search: \(sameOptimum ? "yes" : "no").",
      measurements: [.init("largest divergence", largestDivergence), .init("same optimum", sameOptimum), .init("R covers the feasible grid", coversFeasible)],
      tolerance: "D ≤ δ for every decision; identical optimum (φ and value)", sampleSize: decisions.count)
    return ExperimentResult(tables: [continuityTable, divergenceTable],
                            claims: [ClaimResult(Self.continuityClaim, .checking(paperHolds), continuityEvidence),
                                     ClaimResult(Self.divergenceClaim, .checking(divergenceHolds), divergenceEvidence)])
  }
}
