import LabKit

/// Definition 3.1 and eq. 1 of Social Environment Design: the online game chains rounds so that
/// "the first state of a new round [is] made equal to the final state of the last round"
/// (µ0^{P(φ)} = Δ(s_T)), and the leader's action is bounded by D(φ0, φ) ≤ δ, a constraint that "can
/// also be transformed into an unconstrained problem by using an additional reparameterization
/// R : ξ ↦ Φ̂".
///
/// Standards fixed in advance:
/// - `sed.continuity`: with the paper's continuity, every round's initial state equals the previous
///   round's final state exactly (apples, positions, orientations), in every history. Control: the
///   same check on the released code's resets.
/// - `sed.divergence`: a learning principal under the bound never sets a φ with D(φ0, φ) > δ; and the
///   best schedule found over ξ ∈ R^3 through R (snapped to the 11-level rate grid) equals the best
///   feasible schedule found by constrained search, in value and in φ, with R reaching exactly the
///   feasible grid points. Control: the same check with the unconstrained game's R (onto [0, 1]^3).
struct RoundsExperiment: Experiment {
  static let histories = ParameterKey<Int>("histories")
  static let roundsPerHistoryChecked = ParameterKey<Int>("roundsPerHistoryChecked")
  static let delta = ParameterKey<Double>("delta")
  static let principalRounds = ParameterKey<Int>("principalRounds")
  static let episodes = ParameterKey<Int>("episodes")

  let id = "sed.rounds"
  let title = "Chained rounds and the divergence bound"
  let sections = ["Definition 3.1", "eq. 1"]

  static let continuityClaim = Claim(
    id: "sed.continuity", source: "Definition 3.1, eq. 1", kind: .definition,
    statement: "Rounds are chained: the first state of a new round equals the final state of the last round.",
    class: .consistency(
      because:
        "it is the definition of the online game (µ0 = Δ(s_T)); the game keeps its world between rounds, so the check can fail only through a bug"),
    control: Control("the released code's resets (every round and every 200 steps) in place of the paper's continuity"))
  static let divergenceClaim = Claim(
    id: "sed.divergence", source: "Definition 3.1, eq. 1", kind: .definition,
    statement: "The principal's action obeys D(φ0, φ) ≤ δ, and the reparameterised unconstrained problem over ξ gives the same optimum.",
    class: .consistency(
      because: "the bound is enforced by clipping and R maps onto the feasible box by construction; the check can fail only through a bug"),
    control: Control("a wrong reparameterisation: the unconstrained game's R onto [0, 1]^3, ignoring δ"))

  var claims: [Claim] { [Self.continuityClaim, Self.divergenceClaim] }

  var parameters: [Parameter] {
    [
      Parameter(Self.histories, "Histories of chained rounds.", domain: .integer(1...100_000), smoke: 2, standard: 10, paper: 200),
      Parameter(
        Self.roundsPerHistoryChecked, "Rounds per history in the continuity check.", domain: .integer(2...10_000), smoke: 3, standard: 5, paper: 20),
      Parameter(
        Self.delta, "The divergence bound δ (maximum divergence from φ0 = 0).",
        domain: .real(lower: 0, upper: 1, lowerIncluded: false, upperIncluded: true), default: 0.3),
      Parameter(
        Self.principalRounds, "Rounds of the constrained REINFORCE principal.", domain: .integer(2...1_000_000), smoke: 12, standard: 60, paper: 5000),
      Parameter(
        Self.episodes, "Fixed-seed rounds the objective of the search is averaged over.", domain: .integer(1...100_000), smoke: 3, standard: 10,
        paper: 200),
    ] + Support.gameParameters()
  }

  /// One round of a history: did it start where the last ended, live apples at its start, apples harvested.
  struct RoundRow: Sendable { var equal: Bool; var live: Int; var apples: Double }

  /// The divergence check for one reparameterisation.
  struct DivergenceCheck: Sendable {
    var largestDivergence: Double, allFeasible: Bool, feasibleCount: Int, reachedCount: Int, coversFeasible: Bool
    var constrained: (phi: [Double], value: Double), reparameterised: (phi: [Double], value: Double), unconstrained: (phi: [Double], value: Double)
    var delta: Double
    var sameOptimum: Bool { reparameterised.phi == constrained.phi && reparameterised.value == constrained.value }
    var verdict: Headline { .checking(largestDivergence <= delta + 1e-12 && allFeasible && sameOptimum && coversFeasible) }
  }

  struct Outcome: Sendable {
    var paper: [[RoundRow]]
    var code: [[RoundRow]]
    var divergence: DivergenceCheck
    var wrongR: DivergenceCheck
    var decisions: Int
  }

  /// A fixed population: restrained players and two greedy ones, so that the orchard changes.
  static func restraint(_ n: Int) -> [Int] { (0..<n).map { $0 < 2 ? 0 : 4 } }

  static func histories(_ configuration: AppleGameConfiguration, count: Int, rounds: Int, context: RunContext) throws -> [[RoundRow]] {
    let n = configuration.agentCount
    return try context.replicates(count, stream: "histories") { _, random in
      let game = try ApplePickingGame(configuration: configuration, types: PlayerType.uniform(n, random))
      game.resetWorld(random)
      var previous = game.world.state
      var rows: [RoundRow] = []
      for _ in 0..<rounds {
        var start: HarvestState?
        var live = 0
        let o = game.playRound(
          restraint: Self.restraint(n), random,
          onStart: {
            start = $0.state; live = $0.liveApples
          }
        ) { _ in [0.1, 0.25, 0.37] }
        rows.append(RoundRow(equal: start! == previous, live: live, apples: o.apples.reduce(0, +)))
        previous = game.world.state
      }
      return rows
    }
  }

  func simulate(in context: RunContext) throws -> Outcome {
    let p = context.parameters
    var configuration = Support.configuration(p)
    configuration.continuity = .paper
    let paper = try Self.histories(configuration, count: p[Self.histories], rounds: p[Self.roundsPerHistoryChecked], context: context)
    configuration.continuity = .code
    let code = try Self.histories(configuration, count: p[Self.histories], rounds: p[Self.roundsPerHistoryChecked], context: context)
    configuration.continuity = p[Support.continuity]
    let game = SocialEnvironmentDesignGame.applePicking
    let constrained = try SocialEnvironmentDesignGame(
      actionSpace: game.actionSpace, initialAction: game.initialAction, divergence: .maximum,
      divergenceBound: p[Self.delta], socialChoice: .meanSelfishness)
    var schedule = try Support.schedule(p, rounds: p[Self.principalRounds], phaseOne: 0, anneal: 0, annealing: .none)
    schedule.maximumRate = constrained.feasibleBox.map(\.upperBound).min()!
    let principalRandom = context.random(stream: "principal")
    let types = PlayerType.uniform(configuration.agentCount, principalRandom)
    let trained = try OnlineTraining.run(
      game: try ApplePickingGame(configuration: configuration, types: types), schedule: schedule,
      principal: BracketReinforcePrincipal(learningRate: 0.5), principalRandom)
    let decisions = trained.records.flatMap(\.periodRates)
    let incomes = try Self.periodIncomes(configuration, types: types, episodes: p[Self.episodes], context: context)
    let eta = try VotingRule.meanSelfishness.eta(reports: types.map(\.selfishness))
    func check(_ r: @escaping ([Double]) -> [Double]) -> DivergenceCheck {
      Self.divergenceCheck(
        constrained: constrained, reparameterise: r, decisions: decisions, incomes: incomes, eta: eta, brackets: configuration.brackets)
    }
    return Outcome(
      paper: paper, code: code, divergence: check(constrained.reparameterise), wrongR: check(game.reparameterise), decisions: decisions.count)
  }

  /// Per-period incomes (episode × period × player) of the fixed population; rates do not change
  /// behaviour within a round, so the objective of any schedule can be settled afterwards.
  static func periodIncomes(_ configuration: AppleGameConfiguration, types: [PlayerType], episodes: Int, context: RunContext) throws -> [[[Double]]] {
    let n = configuration.agentCount
    return try (0..<episodes).map { e in
      let random = context.random(stream: "search", replicate: e)
      let g = try ApplePickingGame(configuration: configuration, types: types)
      var periods: [[Double]] = [], current = [Double](repeating: 0, count: n), t = 0
      _ = g.playRound(
        restraint: Self.restraint(n), random,
        onStep: { world in
          for i in 0..<n { current[i] += Double(world.eaten(i)) }
          t += 1
          if t % configuration.taxPeriod == 0 { periods.append(current); current = Array(repeating: 0, count: n) }
        }
      ) { _ in [0, 0, 0] }
      return periods
    }
  }

  static func divergenceCheck(
    constrained: SocialEnvironmentDesignGame, reparameterise: ([Double]) -> [Double], decisions: [[Double]],
    incomes: [[[Double]]], eta: Double, brackets: TaxBrackets
  ) -> DivergenceCheck {
    let n = incomes.first?.first?.count ?? 0
    func objective(_ phi: [Double]) -> Double {
      Support.average(
        incomes.map { periods in
          var wealth = [Double](repeating: 0, count: n)
          for a in periods { for (i, x) in Redistribution.extrinsic(incomes: a, rates: phi, brackets: brackets).enumerated() { wealth[i] += x } }
          return WelfareObjective.interpolation(eta: eta).value(wealth)
        })
    }
    func best(_ candidates: [[Double]]) -> (phi: [Double], value: Double) {
      var result = (phi: candidates[0], value: objective(candidates[0]))
      for c in candidates.dropFirst() { let v = objective(c); if v > result.value + 1e-12 { result = (c, v) } }
      return result
    }
    var fullGrid: [[Double]] = [[]]
    for _ in 0..<3 { fullGrid = fullGrid.flatMap { a in RateGrid.levels.map { a + [$0] } } }
    let feasible = fullGrid.filter(constrained.isFeasible)
    let xis = Swift.stride(from: -8.0, through: 8.0, by: 0.5).map { $0 }
    var reached = Set<[Double]>()
    for a in xis { for b in xis { for c in xis { reached.insert(reparameterise([a, b, c]).map { ($0 * 10).rounded() / 10 }) } } }
    return DivergenceCheck(
      largestDivergence: decisions.map { constrained.divergence.value(constrained.initialAction, $0) }.max() ?? 0,
      allFeasible: decisions.allSatisfy(constrained.isFeasible), feasibleCount: feasible.count, reachedCount: reached.count,
      coversFeasible: Set(feasible) == reached, constrained: best(feasible),
      reparameterised: best(reached.sorted { $0.lexicographicallyPrecedes($1) }),
      unconstrained: best(fullGrid), delta: constrained.divergenceBound ?? 1)
  }
}

extension RoundsExperiment {
  static func continuityHolds(_ histories: [[RoundRow]]) -> Headline { .checking(histories.allSatisfy { $0.allSatisfy(\.equal) }) }

  func judge(_ outcomes: Outcomes<Outcome>, in context: RunContext) throws -> ExperimentResult {
    let o = outcomes.base
    let histories = o.paper.count, perHistory = o.paper.first?.count ?? 0
    var continuityTable = Table(
      id: "sed.rounds.continuity",
      title: "Chained rounds: does each round start where the last ended? (\(histories) histories × \(perHistory) rounds)",
      columns: ["continuity", "round", "starts equal to previous end", "live apples at the start", "apples harvested"])
    for (mode, runs) in [("paper", o.paper), ("code", o.code)] {
      for r in 0..<perHistory {
        continuityTable.append([
          .text(mode), .integer(r + 1), .text("\(runs.filter { $0[r].equal }.count)/\(histories)"),
          .real(Support.average(runs.map { Double($0[r].live) }), digits: 1), .real(Support.average(runs.map { $0[r].apples }), digits: 1),
        ])
      }
    }
    let paperHolds = Self.continuityHolds(o.paper)
    let codeFresh = o.code.reduce(0) { $0 + $1.dropFirst().filter { !$0.equal }.count }
    let continuityEvidence = Evidence(
      summary:
        "With the paper's continuity every round began in the previous round's final state (\(paperHolds == .holds ? "all" : "NOT all") of \(histories * perHistory) rounds); with the released code's resets (the control) \(codeFresh) of \(histories * (perHistory - 1)) later rounds began elsewhere.",
      measurements: [.init("paper continuity holds", paperHolds == .holds), .init("code rounds not continuous", codeFresh)],
      tolerance: "exact equality of the whole physical state", sampleSize: histories * perHistory)
    let continuity = ClaimResult(
      Self.continuityClaim, map: .single(paperHolds, n: histories * perHistory),
      control: ControlResult(Self.continuityClaim.control!, verdict: Self.continuityHolds(o.code)), evidence: continuityEvidence)
    let d = o.divergence
    func show(_ x: (phi: [Double], value: Double)) -> String { Support.list(x.phi, digits: 1) + " → " + DecimalFormat.fixed(x.value, digits: 3) }
    var divergenceTable = Table(
      id: "sed.rounds.divergence",
      title: "The divergence bound δ = \(DecimalFormat.compact(d.delta)) (maximum divergence from φ0 = 0) and the reparameterisation",
      columns: ["check", "value"])
    divergenceTable.append([.text("decisions of the constrained REINFORCE principal"), .integer(o.decisions)])
    divergenceTable.append([.text("largest D(φ0, φ) among them"), .real(d.largestDivergence, digits: 3)])
    divergenceTable.append([.text("constrained search: best φ on the feasible grid (\(d.feasibleCount) points)"), .text(show(d.constrained))])
    divergenceTable.append([
      .text("search over ξ ∈ [−8, 8]^3 through R (33^3 points, \(d.reachedCount) distinct schedules)"), .text(show(d.reparameterised)),
    ])
    divergenceTable.append([.text("unconstrained best on the whole grid (for comparison)"), .text(show(d.unconstrained))])
    divergenceTable.append([
      .text("control: search through the unconstrained R (\(o.wrongR.reachedCount) distinct schedules)"), .text(show(o.wrongR.reparameterised)),
    ])
    let divergenceEvidence = Evidence(
      summary:
        "The constrained principal's \(o.decisions) decisions had D(φ0, φ) ≤ \(DecimalFormat.fixed(d.largestDivergence, digits: 3)) (δ = \(DecimalFormat.compact(d.delta))); search through R reached \(d.reachedCount) of the \(d.feasibleCount) feasible schedules and found the same optimum as constrained search: \(d.sameOptimum ? "yes" : "no"). The control's R reached \(o.wrongR.reachedCount) schedules.",
      measurements: [
        .init("largest divergence", d.largestDivergence), .init("same optimum", d.sameOptimum), .init("R covers the feasible grid", d.coversFeasible),
      ],
      tolerance: "D ≤ δ for every decision; identical optimum (φ and value); R reaches exactly the feasible grid", sampleSize: o.decisions)
    let divergence = ClaimResult(
      Self.divergenceClaim, map: .single(d.verdict, estimate: d.largestDivergence, n: o.decisions),
      control: ControlResult(Self.divergenceClaim.control!, verdict: o.wrongR.verdict), evidence: divergenceEvidence)
    return ExperimentResult(tables: [continuityTable, divergenceTable], claims: [continuity, divergence])
  }
}
