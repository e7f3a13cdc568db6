import Foundation
import GameTheory
import LabKit

/// §Multiplayer games, §When can a coalition be formed?, §Stable cycles for multiplayer games.
///
/// Standards, fixed before the runs:
/// - cake splitting: 2/3 · 5/12 + 1/3 · 0 = 5/18 < 1/3 in exact arithmetic; every agent's first
///   demand is 5/12; and the fraction of runs whose stable cycle gives a mutual pair 5/12 each and the
///   third player 0 in every round has a 95% Wilson interval above 0.9.
/// - three-player demands: (2, 2, 0) is the most frequent final payoff vector and its fraction has a
///   95% Wilson interval above 1/2; (3, 3, 1) is feasible and Pareto-dominates it.
/// - coalition sets: on the examples, U_C and U′_C contain exactly the vectors the text and the
///   definitions say (table), and on random 3-player games U′_C ⊆ U_C for every coalition (support
///   functions compared in several directions) with the singletons' largest guarantees equal to the
///   pure and mixed maxmin.
/// - multiplayer cycles (conjecture): a stable cycle is a counterexample when no ordered partition into
///   coalitions meets the text's conditions (i) and (ii)
///   (``CoalitionAnalysis/stableCycleFailure(game:cycle:payoffs:partition:)``). The conjecture is about
///   agents of any size, so it is judged on the trend of the counterexample rate of cake runs and random 3-player
///   games over N: supported when the fitted limit (N → ∞) is at most 0, refuted when its 95%
///   interval lies above 0.
///
/// The cake, the demand game and the cycle conjecture are judged under the three hypothesis classes
/// (``DealSemantics``: literal, partner-only and upward-relaxed deals), the three priors and the two
/// rankings, one reading at a time. Under the discounted ranking a demand is V(h, γ), below its γ → 1
/// limit whenever h has a password, so the cake's "initial demands 5/12" is checked on the γ → 1 limit
/// of each agent's first hypothesis (exactly, as under the limit ranking).
///
/// Counterexamples to the cycle conjecture are ranked by robustness, as the two-player ones: first by
/// the number of (reading, N) cells in which the same random game (or the same cake cycle) is a
/// counterexample, then by the cycle's utilitarian gap (the best feasible payoff sum minus the cycle's,
/// over the game's payoff range); the evidence quotes the strongest and a table lists the top 10.
struct MultiplayerExperiment: Experiment {
  init() {}

  let id = "ibh.multiplayer"
  let title = "Multiplayer games: cake splitting, the demand game, coalition sets and stable cycles"
  let sections = ["§Multiplayer games", "§When can a coalition be formed?", "§Stable cycles for multiplayer games"]

  static let cakeStates = ParameterKey<Int>("cakeStates")
  static let demandStates = ParameterKey<Int>("demandStates")
  static let runs = ParameterKey<Int>("runs")
  static let randomGames = ParameterKey<Int>("randomGames")
  static let randomStates = ParameterKey<Int>("randomStates")
  static let cycleCakeRuns = ParameterKey<Int>("cycleCakeRuns")
  static let controlRuns = ParameterKey<Int>("controlRuns")
  static let deals = HagglingParameters.dealsKey
  static let prior = HagglingParameters.priorKey
  static let ranking = HagglingParameters.rankingKey

  static let cakeClaim = Claim(
    id: "ibh.cake-splitting", source: "§Multiplayer games, Example (cake splitting)", kind: .example,
    statement:
      "The initial demands are (5/12, 5/12, 5/12); two players lock in at 5/12 each and the third gets 0. \"Trying to cooperate with someone mutually\" has expected utility 2/3 · 5/12 + 1/3 · 0 = 5/18 < 1/3: the reached payoff is Pareto-optimal, the meta-strategy is not.",
    class: .empirical, control: Control("agents without password hypotheses (⊤ only): no deal can form"),
    readings: [deals.erased, prior.erased, ranking.erased], design: .oneAtATime)
  static let demandsClaim = Claim(
    id: "ibh.three-player-demands", source: "§Multiplayer games, Example (Alice, Bob, Charlie)", kind: .example,
    statement:
      "If the three lower their demands at a similar rate, Alice and Bob eventually ask for 2 and the haggling stops at (2, 2, 0), which is not Pareto-optimal: (3, 3, 1) exists.",
    class: .empirical, control: Control("agents without password hypotheses (⊤ only): no deal can form"),
    readings: [deals.erased, prior.erased, ranking.erased], design: .oneAtATime)
  static let coalitionClaim = Claim(
    id: "ibh.coalition-sets", source: "§When can a coalition be formed?", kind: .definition,
    statement:
      "U_C (outsiders' randomness independent of the coalition's) and U′_C (outsiders may synchronise with it) are the payoff vectors a coalition can guarantee its members; U′_C, not U_C, is the criterion for agents that play deterministic cycles.",
    class: .consistency(
      because:
        "U_C and U′_C are definitions, computed by linear programs; the check compares them with hand-worked examples and with the inclusion U′_C ⊆ U_C that follows from the definitions, so it can fail only through a bug"
    ),
    control: Control("the two definitions swapped (outsiders synchronised for U_C, independent for U′_C)"))
  static let cyclesClaim = Claim(
    id: "ibh.multiplayer-cycles", source: "§Stable cycles for multiplayer games", kind: .conjecture,
    statement:
      "In a stable cycle the players form coalitions C₁, …, C_n partitioning them; the payoffs of C_m's members are in U′_{C_m, α≤m−1}, and no C′ ⊆ C_m could guarantee each of its members strictly more given α≤m−1.",
    class: .empirical,
    control: Control(
      "the admissible coalition structures replaced by the empty set, so that no stable cycle is explained: the same trend check on the runs, every one of them now a counterexample, must fail"
    ),
    readings: [deals.erased, prior.erased, ranking.erased], sizes: [randomStates.erased], design: .oneAtATime)

  var claims: [Claim] { [Self.cakeClaim, Self.demandsClaim, Self.coalitionClaim, Self.cyclesClaim] }

  var parameters: [Parameter] {
    [
      Parameter(
        Self.cakeStates, "N for the cake-splitting agents (2 actions, 4 observations: 12,113 hypotheses at 5).", domain: .integer(2...7),
        smoke: 4, standard: 5, paper: 6),
      Parameter(
        Self.demandStates, "N for the demand-game agents (3 actions, 9 observations: 2,432 hypotheses at 3).", domain: .integer(2...5),
        smoke: 3, standard: 3, paper: 4),
      Parameter(Self.runs, "Runs of each game.", domain: .integer(2...100_000), smoke: 20, standard: 200, paper: 1000),
      Parameter(
        Self.randomGames, "Random 3-player games (2 actions each, integer payoffs 0 … 4) for the coalition checks and stable cycles.",
        domain: .integer(1...10_000), smoke: 8, standard: 40, paper: 200),
      Parameter(Self.randomStates, "N for the agents of the random 3-player games.", domain: .integer(2...6), smoke: 3, standard: 4, paper: 5),
      Parameter(
        Self.cycleCakeRuns, "Cake-splitting runs added to the stable-cycle check in each cell (agents of the cell's N).",
        domain: .integer(1...100_000),
        smoke: 5, standard: 20, paper: 200),
      Parameter(
        Self.controlRuns,
        "Runs of the cake and the demand game by agents holding ⊤ only (the controls; such agents play their pure maxmin, so few runs suffice).",
        domain: .integer(1...100_000), smoke: 5, standard: 20, paper: 200),
      HagglingParameters.deals,
    ] + HagglingParameters.common
  }

  var readings: [Reading] { [HagglingParameters.dealsReading, HagglingParameters.priorReading, HagglingParameters.rankingReading] }
  var sizes: [Size] {
    [
      Size(
        Self.randomStates, "bound N on the hypothesis states of the random games' agents", smoke: [2, 3, 4], standard: [2, 3, 4, 5],
        paper: [2, 3, 4, 5, 6])
    ]
  }

  /// One random 3-player game: the relation checks of U_C and U′_C, and one haggling run.
  struct RandomGame: Sendable {
    let checks: Int
    let strictlyLarger: Int
    let failures: [String]
    let game: NormalFormGame
    let run: HagglingRun
    /// Whether the run's stable cycle has an ordered coalition structure meeting (i) and (ii).
    let explained: Bool
  }

  /// A distinct stable cycle of the cake or the demand game and the coalition structure explaining it.
  struct ObservedCycle: Sendable {
    let source: String
    let game: NormalFormGame
    let run: HagglingRun
    let partition: [[Int]]?
  }

  /// One example vector of the coalition table, with membership computed both ways.
  struct ExampleRow: Sendable {
    let game: String
    let coalition: [Int]
    let vector: [Double]
    let inU: Bool
    let inUPrime: Bool
    let why: String
    /// Computed membership in U_C (outsiders independent) and U′_C (outsiders synchronised).
    let u: Bool
    let uPrime: Bool
  }

  /// What one cell simulates; parts a cell's claims do not need are nil.
  struct Outcome: Sendable {
    let runs: Int
    let deals: DealSemantics
    let randomStates: Int
    let cakeStates: Int
    let demandStates: Int
    var cake: [HagglingRun]?
    /// The γ → 1 limit value of each agent's first hypothesis in each cake run.
    var cakeFirstLimits: [[Rational?]]?
    var demands: [HagglingRun]?
    var cakeControl: [HagglingRun]?
    var cakeControlFirstLimits: [[Rational?]]?
    var demandsControl: [HagglingRun]?
    var examples: [ExampleRow]?
    var randomGames: [RandomGame]?
    var cycles: [ObservedCycle]?
    /// Cake runs by agents of the cycle claim's N, and whether a coalition structure explains each.
    var cycleCake: [(run: HagglingRun, explained: Bool)]?
  }

  func simulate(in context: RunContext) throws -> Outcome {
    let p = context.parameters
    var outcome = Outcome(
      runs: p[Self.runs], deals: p[Self.deals], randomStates: p[Self.randomStates], cakeStates: p[Self.cakeStates], demandStates: p[Self.demandStates]
    )
    let deals = outcome.deals
    if context.serves(Self.cakeClaim) || context.isBaseCell {
      let cake = try Self.batchWithSetup(
        context, game: HagglingGames.cakeSplitting(), states: outcome.cakeStates, deals: deals, stream: "cake", runs: outcome.runs)
      outcome.cake = cake.runs
      outcome.cakeFirstLimits = try Self.firstLimits(cake.runs, setup: cake.setup)
    }
    if context.serves(Self.demandsClaim) || context.isBaseCell {
      outcome.demands = try Self.batch(
        context, game: HagglingGames.threePlayerDemands(), states: outcome.demandStates, deals: deals, stream: "demands", runs: outcome.runs)
    }
    if context.isBaseCell {
      let control = try Self.batchWithSetup(
        context, game: HagglingGames.cakeSplitting(), states: outcome.cakeStates, deals: .literal, stream: "cake-control",
        runs: p[Self.controlRuns], passwords: false)
      outcome.cakeControl = control.runs
      outcome.cakeControlFirstLimits = try Self.firstLimits(control.runs, setup: control.setup)
      outcome.demandsControl = try Self.batch(
        context, game: HagglingGames.threePlayerDemands(), states: outcome.demandStates, deals: .literal,
        stream: "demands-control", runs: p[Self.controlRuns], passwords: false)
      outcome.examples = try Self.coalitionExamples()
    }
    if context.serves(Self.cyclesClaim) || context.serves(Self.coalitionClaim) {
      outcome.randomGames = try randomGames(context, deals: deals)
    }
    if context.serves(Self.cyclesClaim) {
      let runs = try Self.batch(
        context, game: HagglingGames.cakeSplitting(), states: outcome.randomStates, deals: deals, stream: "cycle-cake",
        runs: p[Self.cycleCakeRuns])
      outcome.cycleCake = try Self.explained(context, runs, game: HagglingGames.cakeSplitting())
    }
    if context.isBaseCell {
      outcome.cycles = try Self.observedCycles(context, cake: outcome.cake ?? [], demands: outcome.demands ?? [])
    }
    return outcome
  }

  /// `runs` runs of `game`, every player a haggler holding ⊤ and (unless `passwords` is false) the
  /// password hypotheses with at most `states` states, literal or partner-only.
  static func batch(
    _ context: RunContext, game: NormalFormGame, states: Int, deals: DealSemantics, stream: String, runs: Int, passwords: Bool = true
  ) throws -> [HagglingRun] {
    try batchWithSetup(context, game: game, states: states, deals: deals, stream: stream, runs: runs, passwords: passwords).runs
  }

  /// ``batch(_:game:states:deals:stream:runs:passwords:)`` with the valued hypothesis spaces the agents held.
  static func batchWithSetup(
    _ context: RunContext, game: NormalFormGame, states: Int, deals: DealSemantics, stream: String, runs: Int, passwords: Bool = true
  ) throws -> (runs: [HagglingRun], setup: HagglingSetup) {
    let p = context.parameters
    let setup = try HagglingSetup(
      game: game, options: .init(maximumStates: states, passwords: passwords), ranking: HagglingParameters.ranking(p),
      policyDiscount: p[HagglingParameters.discountKey], jobs: context.jobs, deals: deals)
    let specs = setup.hagglers(prior: HagglingParameters.prior(p))
    let suffix = deals.streamSuffix
    let batch = try HagglingBatch.run(context, stream: stream + suffix, runs: runs, game: game, options: HagglingParameters.options(p)) { _, _ in
      specs.map { .haggler($0) }
    }
    return (batch, setup)
  }

  /// The γ → 1 limit value of each agent's first hypothesis in each run: the exact value the limit
  /// ranking valued it at, or, under the discounted ranking, lim_{γ→1} V(h, γ) computed exactly.
  static func firstLimits(_ runs: [HagglingRun], setup: HagglingSetup) throws -> [[Rational?]] {
    var cache: [[Int]: Rational] = [:]
    return try runs.map { run in
      try setup.views.indices.map { agent -> Rational? in
        guard let first = run.switches.first(where: { $0.agent == agent }) else { return nil }
        if let exact = first.exactDemand { return exact }
        if let known = cache[[agent, first.hypothesis]] { return known }
        let valuation = setup.valuations[agent]
        let value = valuation.space.hypothesis(first.hypothesis).limitValue(reward: try setup.views[agent].requireExactRewards())
        cache[[agent, first.hypothesis]] = value
        return value
      }
    }
  }

  /// Each run with whether an ordered coalition structure explains its stable cycle (capped runs are
  /// not counterexamples; each distinct cycle is checked once).
  static func explained(_ context: RunContext, _ runs: [HagglingRun], game: NormalFormGame) throws -> [(run: HagglingRun, explained: Bool)] {
    var keys: [String] = []
    var representative: [String: HagglingRun] = [:]
    for run in runs where !run.capped {
      let key = HagglingText.canonicalCycle(run.cycle, game: game)
      if representative[key] == nil { keys.append(key); representative[key] = run }
    }
    let cases = keys.map { representative[$0]! }
    let answers = try context.map(cases, stream: "cycle-check") { _, run, _ in
      try CoalitionAnalysis.explainingPartition(game: game, cycle: run.cycle, payoffs: run.averagePayoffs) != nil
    }
    let byKey = Dictionary(uniqueKeysWithValues: zip(keys, answers))
    return runs.map { run in (run, run.capped || byKey[HagglingText.canonicalCycle(run.cycle, game: game)]!) }
  }

  /// The distinct stable cycles of the cake and the demand game, each with an explaining partition.
  static func observedCycles(_ context: RunContext, cake: [HagglingRun], demands: [HagglingRun]) throws -> [ObservedCycle] {
    var seen = Set<String>()
    var distinct: [(source: String, game: NormalFormGame, run: HagglingRun)] = []
    for (source, game, runs) in [
      ("cake splitting", HagglingGames.cakeSplitting(), cake), ("demand game", HagglingGames.threePlayerDemands(), demands),
    ] {
      for run in runs where !run.capped && seen.insert(source + "|" + HagglingText.canonicalCycle(run.cycle, game: game)).inserted {
        distinct.append((source, game, run))
      }
    }
    return try context.map(distinct, stream: "coalitions") { _, entry, _ in
      ObservedCycle(
        source: entry.source, game: entry.game, run: entry.run,
        partition: try CoalitionAnalysis.explainingPartition(game: entry.game, cycle: entry.run.cycle, payoffs: entry.run.averagePayoffs))
    }
  }

  /// Random 3-player games: U′_C ⊆ U_C (when the coalition claim is served), and one haggling run each,
  /// by agents of the cell's N and deals.
  func randomGames(_ context: RunContext, deals: DealSemantics) throws -> [RandomGame] {
    let p = context.parameters
    let states = p[Self.randomStates]
    let relations = context.serves(Self.coalitionClaim)
    return try context.map(Array(0..<p[Self.randomGames]), stream: "random-games", label: "\(id): random 3-player games") {
      g, _, random -> RandomGame in
      let game = NormalFormGame.random(actionCounts: [2, 2, 2], integerPayoffs: 0...4, using: random)
      let checked = relations ? try Self.relationChecks(game, index: g, random: random) : (checks: 0, strictlyLarger: 0, failures: [])
      func haggle(passwords: Bool, stream: String) throws -> HagglingRun {
        let setup = try HagglingSetup(
          game: game, options: .init(maximumStates: states, passwords: passwords), ranking: HagglingParameters.ranking(p),
          policyDiscount: p[HagglingParameters.discountKey], jobs: 1, deals: passwords ? deals : .literal)
        let specs = setup.hagglers(prior: HagglingParameters.prior(p))
        let generators = (0..<3).map { context.random(stream: "\(stream)/game\(g)/agent\($0 + 1)", replicate: 0) }
        return try Haggling.run(game: game, participants: specs.map { .haggler($0) }, generators: generators, options: HagglingParameters.options(p))
      }
      func explained(_ run: HagglingRun) throws -> Bool {
        if run.capped { return false }
        return try CoalitionAnalysis.explainingPartition(game: game, cycle: run.cycle, payoffs: run.averagePayoffs) != nil
      }
      let run = try haggle(passwords: true, stream: "random-games")
      return RandomGame(
        checks: checked.checks, strictlyLarger: checked.strictlyLarger, failures: checked.failures, game: game, run: run,
        explained: try explained(run))
    }
  }

  /// U′_C ⊆ U_C compared through support functions in several directions for every coalition, and the
  /// singletons' best guarantees against the pure and mixed maxmin.
  static func relationChecks(_ game: NormalFormGame, index g: Int, random: Random) throws -> (checks: Int, strictlyLarger: Int, failures: [String]) {
    var checks = 0
    var strictly = 0
    var failures: [String] = []
    let directions = [[1.0, 0, 0], [0, 1, 0], [0, 0, 1], [1, 1, 1]] + (0..<4).map { _ in (0..<3).map { _ in 0.1 + random.uniform() } }
    for coalition in CoalitionAnalysis.nonEmptySubsets([0, 1, 2]) {
      let u = try CoalitionSet(game: game, coalition: coalition, outsiders: .independent)
      let uPrime = try CoalitionSet(game: game, coalition: coalition, outsiders: .synchronised)
      var larger = false
      for direction in directions where coalition.contains(where: { direction[$0] > 0 }) {
        let weights = coalition.map { direction[$0] }
        let a = try uPrime.frontierPoint(weights: weights, exact: true).value
        let b = try u.frontierPoint(weights: weights, exact: true).value
        checks += 1
        if a > b + 1e-9 {
          failures.append("game \(g + 1), coalition \(CoalitionAnalysis.names(coalition)), weights \(weights): U′ reaches \(a), U only \(b)")
        }
        if b > a + 1e-9 { larger = true }
      }
      if larger { strictly += 1 }
      if coalition.count == 1 {
        let i = coalition[0]
        let pureBest = try uPrime.bestGuarantee(for: i, exact: true)!.value
        let mixedBest = try u.bestGuarantee(for: i, exact: true)!.value
        checks += 2
        if abs(pureBest - (try game.pureMaxmin(i)).value) > 1e-9 {
          failures.append("game \(g + 1), player \(i + 1): U′ best \(pureBest), pure maxmin \(try game.pureMaxmin(i).value)")
        }
        if abs(mixedBest - (try game.maxmin(i, exact: true)).value) > 1e-9 {
          failures.append("game \(g + 1), player \(i + 1): U best \(mixedBest), maxmin \(try game.maxmin(i, exact: true).value)")
        }
      }
    }
    return (checks, strictly, failures)
  }

  /// The example vectors of the coalition table, with membership in U_C and U′_C computed.
  static func coalitionExamples() throws -> [ExampleRow] {
    let pd = HagglingGames.prisonersDilemma(), pennies = NormalFormGame.matchingPennies()
    let cake = HagglingGames.cakeSplitting(), demands = HagglingGames.threePlayerDemands()
    let rows: [(String, NormalFormGame, [Int], [Double], Bool, Bool, String)] = [
      ("PD", pd, [0], [1], true, true, "P = 1 is both the mixed and the pure maxmin"),
      ("PD", pd, [0], [1.25], false, false, "no one can guarantee more than P alone"),
      ("PD", pd, [0, 1], [2, 2], true, true, "no outsiders: (2, 2) is feasible"),
      ("matching pennies", pennies, [0], [0], true, false, "mixing ½–½ guarantees 0 only if the other cannot see the coin"),
      ("matching pennies", pennies, [0], [-1], true, true, "the pure maxmin −1"),
      ("cake splitting", cake, [0, 1], [5.0 / 12, 5.0 / 12], true, true, "naming each other, whatever player 3 does"),
      ("cake splitting", cake, [0], [0.01], false, false, "players 2 and 3 can pair up"),
      ("cake splitting", cake, [0, 1, 2], [1.0 / 3, 1.0 / 3, 1.0 / 3], true, true, "no mutual pair: feasible"),
      ("demand game", demands, [0, 1], [2, 2], true, true, "Alice and Bob ask 2: (2, 2, 0) whatever Charlie asks"),
      ("demand game", demands, [0, 1], [3, 3], false, false, "(3, 3) needs Charlie to ask 1"),
      ("demand game", demands, [0, 1, 2], [3, 3, 1], true, true, "all three ask (3, 3, 1)"),
    ]
    return try rows.map { name, game, coalition, vector, inU, inUPrime, why in
      ExampleRow(
        game: name, coalition: coalition, vector: vector, inU: inU, inUPrime: inUPrime, why: why,
        u: try CoalitionAnalysis.contains(CoalitionAnalysis.set(game: game, coalition: coalition, outsiders: .independent), vector),
        uPrime: try CoalitionAnalysis.contains(CoalitionAnalysis.set(game: game, coalition: coalition, outsiders: .synchronised), vector))
    }
  }

  func judge(_ outcomes: Outcomes<Outcome>, in context: RunContext) throws -> ExperimentResult {
    let base = outcomes.base
    let cake = try cakeResult(outcomes)
    let demands = try demandsResult(outcomes)
    let coalition = try coalitionResult(base)
    let cycles = try cyclesResult(outcomes)
    var readingsTable = Table(
      id: "ibh.multiplayer.readings", title: "Both examples under each reading, one reading at a time (\(base.runs) runs each)",
      columns: ["game", "reading", "N", "runs at the text's outcome", "fraction", "95% interval", "most frequent final payoffs"])
    for (claim, name, target) in [
      (Self.cakeClaim, "cake splitting", "a pair at 5/12, the third at 0"), (Self.demandsClaim, "demand game", "(2, 2, 0)"),
    ] {
      for (cell, outcome) in outcomes.cells(of: claim) {
        let runs = (claim == Self.cakeClaim ? outcome.cake : outcome.demands) ?? []
        let count =
          claim == Self.cakeClaim ? runs.filter { Self.pair(of: $0) != nil }.count : runs.filter { HagglingText.payoffs($0) == target }.count
        var tally = OutcomeTally()
        for (r, run) in runs.enumerated() { tally.add(HagglingText.payoffs(run), run: r) }
        let interval = try wilson(count, runs.count)
        readingsTable.append([
          .text(name), .text(VerdictMap.describe(cell.readingSetting)),
          .integer(claim == Self.cakeClaim ? outcome.cakeStates : outcome.demandStates),
          .text("\(count) (\(target))"), .real(interval.estimate, digits: 3), .text(HagglingText.interval(interval)),
          .text(tally.sorted.first.map { "\($0.key) (\($0.count))" } ?? "–"),
        ])
      }
    }
    return ExperimentResult(
      tables: [try Self.cakeTable(base), try Self.demandTable(base), readingsTable, Self.examplesTable(base.examples ?? [])] + cycles.tables,
      figures: [
        Figure(id: "ibh.cake-splitting-outcomes", title: "Cake splitting: which pair locks in", drawing: Self.cakeFigure(outcomes))
          .captioned(
            "Players are numbered 1 to 3; {i, j} is a stable cycle in which players i and j split the cake between them and the third gets nothing; \"other\" is every other cycle. One bar group per hypothesis class (the deals the password hypotheses may make: literal, partner-only, upward-relaxed), at the base prior and ranking."
          )
      ],
      claims: [cake, demands, coalition, cycles.claim])
  }

  /// The mutual pair of a run that locks into two players at 5/12 each in every round and the third at 0.
  static func pair(of run: HagglingRun) -> [Int]? {
    let cake = HagglingGames.cakeSplitting()
    guard !run.capped, let u = run.exactAveragePayoffs else { return nil }
    let pair = (0..<3).filter { u[$0] == Rational(5, 12) }
    guard pair.count == 2, u[(0..<3).first { !pair.contains($0) }!] == .zero else { return nil }
    return run.cycle.allSatisfy { cake.payoffs($0) == cake.payoffs(run.cycle[0]) } ? pair : nil
  }

  /// "Trying to cooperate with someone mutually": 2/3 · 5/12 + 1/3 · 0, exactly.
  static let metaStrategy = Rational(2, 3) * Rational(5, 12) + Rational(1, 3) * .zero

  /// The cake check on a batch: exact arithmetic, every first demand 5/12, and the pair fraction
  /// against 0.9.
  static func cakeCheck(
    _ runs: [HagglingRun], firstLimits: [[Rational?]]
  ) throws -> (verdict: Headline, paired: Int, interval: ConfidenceInterval, firstDemands: Bool) {
    let metaStrategy = Self.metaStrategy
    let arithmetic = metaStrategy == Rational(5, 18) && metaStrategy < Rational(1, 3)
    let firstDemands = firstLimits.count == runs.count && firstLimits.allSatisfy { $0.count == 3 && $0.allSatisfy { $0 == Rational(5, 12) } }
    let paired = runs.filter { pair(of: $0) != nil }.count
    let interval = try wilson(paired, runs.count)
    let verdict: Headline = arithmetic && firstDemands ? .comparing(interval, .atLeast(0.9)) : .fails
    return (verdict, paired, interval, firstDemands)
  }

  func cakeResult(_ outcomes: Outcomes<Outcome>) throws -> ClaimResult {
    let base = outcomes.base
    let cells = try outcomes.cells(of: Self.cakeClaim).map { cell, outcome in
      let check = try Self.cakeCheck(outcome.cake ?? [], firstLimits: outcome.cakeFirstLimits ?? [])
      return VerdictMap.Cell(
        reading: cell.readingSetting, verdict: check.verdict, estimate: check.interval.estimate, lower: check.interval.lower,
        upper: check.interval.upper, n: outcome.runs)
    }
    let check = try Self.cakeCheck(base.cake ?? [], firstLimits: base.cakeFirstLimits ?? [])
    let control = try Self.cakeCheck(base.cakeControl ?? [], firstLimits: base.cakeControlFirstLimits ?? [])
    let runs = base.cake ?? []
    let playerOne = try ConfidenceInterval.mean(of: runs.filter { !$0.capped }.map(\.averagePayoffs[0]), level: 0.95)
    let inPair = (0..<3).map { player in runs.filter { Self.pair(of: $0)?.contains(player) ?? false }.count }
    let evidence = Evidence(
      summary:
        "Exactly, 2/3 · 5/12 + 1/3 · 0 = 5/18 < 1/3. Base reading (deals = \(base.deals.rawValue)): every agent's first demand is 5/12 in every run: \(check.firstDemands); \(check.paired) of \(base.runs) runs lock into a mutual pair at 5/12 each with the third player at 0: \(DecimalFormat.fixed(check.interval.estimate, digits: 3)) \(HagglingText.interval(check.interval)). Players 1, 2, 3 are in the pair in \(inPair.map(String.init).joined(separator: ", ")) runs; player 1's mean payoff is \(DecimalFormat.fixed(playerOne.estimate, digits: 4)) \(HagglingText.interval(playerOne, digits: 4)). Each reading: \(Self.describe(cells)). Control (⊤ only): \(control.paired) pairs, first demands 5/12: \(control.firstDemands).",
      measurements: [
        .init("runs ending in a mutual pair", check.paired), .init("fraction", lower: check.interval.lower, upper: check.interval.upper),
        .init("2/3 · 5/12 + 1/3 · 0", Self.metaStrategy.description), .init("below 1/3", Self.metaStrategy < Rational(1, 3)),
        .init("first demands all 5/12", check.firstDemands), .init("player 1's mean payoff", lower: playerOne.lower, upper: playerOne.upper),
      ],
      tolerance: "exact arithmetic and demands; fraction of pair outcomes above 0.9 (95% Wilson interval)", sampleSize: base.runs)
    return ClaimResult(
      Self.cakeClaim, map: VerdictMap(design: Self.cakeClaim.design, cells: cells),
      control: ControlResult(Self.cakeClaim.control!, verdict: control.verdict), evidence: evidence)
  }

  /// "deals=literal: fails (0.745 [0.680, 0.800]); …"
  static func describe(_ cells: [VerdictMap.Cell]) -> String { ShareMap.describe(cells) }

  /// The demand check on a batch: (2, 2, 0) the most frequent outcome, its fraction against 1/2, and
  /// (3, 3, 1) Pareto-dominating it.
  static func demandsCheck(_ runs: [HagglingRun]) throws -> (verdict: Headline, count: Int, interval: ConfidenceInterval, modal: String) {
    let demands = HagglingGames.threePlayerDemands()
    var tally = OutcomeTally()
    for (r, run) in runs.enumerated() { tally.add(HagglingText.payoffs(run), run: r) }
    let count = tally.counts["(2, 2, 0)"] ?? 0
    let interval = try wilson(count, runs.count)
    let modal = tally.sorted.first?.key ?? "–"
    let optimal = try demands.isParetoOptimal([2, 2, 0], exact: true)
    let dominates = demands.payoffs([2, 2, 0]) == [3, 3, 1] && !optimal
    let verdict: Headline = !dominates ? .fails : (modal != "(2, 2, 0)" && interval.upper < 0.5 ? .fails : .comparing(interval, .atLeast(0.5)))
    return (verdict, count, interval, modal)
  }

  func demandsResult(_ outcomes: Outcomes<Outcome>) throws -> ClaimResult {
    let base = outcomes.base
    let cells = try outcomes.cells(of: Self.demandsClaim).map { cell, outcome in
      let check = try Self.demandsCheck(outcome.demands ?? [])
      return VerdictMap.Cell(
        reading: cell.readingSetting, verdict: check.verdict, estimate: check.interval.estimate, lower: check.interval.lower,
        upper: check.interval.upper, n: outcome.runs)
    }
    let check = try Self.demandsCheck(base.demands ?? [])
    let control = try Self.demandsCheck(base.demandsControl ?? [])
    let evidence = Evidence(
      summary:
        "Base reading (deals = \(base.deals.rawValue)): \(check.count) of \(base.runs) runs stop at (2, 2, 0): \(DecimalFormat.fixed(check.interval.estimate, digits: 3)) \(HagglingText.interval(check.interval)); the most frequent outcome is \(check.modal). Asking (3, 3, 1) gives (3, 3, 1), which Pareto-dominates (2, 2, 0). Each reading: \(Self.describe(cells)). Control (⊤ only): \(control.count) runs at (2, 2, 0), most frequent \(control.modal).",
      measurements: [
        .init("runs at (2, 2, 0)", check.count), .init("fraction", lower: check.interval.lower, upper: check.interval.upper),
        .init("most frequent", check.modal),
      ],
      tolerance: "(2, 2, 0) the most frequent outcome with fraction above 1/2 (95% Wilson interval)", sampleSize: base.runs)
    return ClaimResult(
      Self.demandsClaim, map: VerdictMap(design: Self.demandsClaim.design, cells: cells),
      control: ControlResult(Self.demandsClaim.control!, verdict: control.verdict), evidence: evidence)
  }

  func coalitionResult(_ base: Outcome) throws -> ClaimResult {
    let rows = base.examples ?? []
    let games = base.randomGames ?? []
    let agree = rows.allSatisfy { $0.u == $0.inU && $0.uPrime == $0.inUPrime }
    let swappedAgree = rows.allSatisfy { $0.uPrime == $0.inU && $0.u == $0.inUPrime }
    let checks = games.reduce(0) { $0 + $1.checks }
    let failures = games.flatMap(\.failures)
    let strictly = games.reduce(0) { $0 + $1.strictlyLarger }
    let evidence = Evidence(
      summary:
        "On the \(rows.count) example vectors, membership in U_C and U′_C is as expected: \(agree) (matching pennies shows the difference: mixing guarantees 0 in U_C, but an opponent synchronised with the coin holds the player to −1 in U′_C). On \(games.count) random 3-player games, \(checks) checks found \(failures.count) violations of U′_C ⊆ U_C; U_C reaches strictly further than U′_C for \(strictly) of the \(7 * games.count) coalitions. With the definitions swapped, the examples agree: \(swappedAgree).",
      measurements: [
        .init("examples as expected", agree), .init("random checks", checks), .init("violations", failures.count),
        .init("coalitions with U_C strictly larger", strictly),
      ],
      tolerance: "membership with δ = 10⁻⁹ (exact GLPK); support functions within 10⁻⁹", sampleSize: rows.count + checks,
      counterexample: failures.first)
    return ClaimResult(
      Self.coalitionClaim, map: .single(.checking(agree && failures.isEmpty), n: rows.count + checks),
      control: ControlResult(Self.coalitionClaim.control!, verdict: .checking(swappedAgree)), evidence: evidence)
  }

  /// The conjecture judged on the trend, over N, of the share of runs (random games and the cake) whose stable cycle no
  /// coalition structure explains (fitted limit at most 0 to hold), one trend per reading of deals.
  func cyclesResult(_ outcomes: Outcomes<Outcome>) throws -> (claim: ClaimResult, tables: [Table]) {
    let entries = outcomes.cells(of: Self.cyclesClaim)
    var table = Table(
      id: "ibh.multiplayer.stable-cycles",
      title:
        "Random 3-player games and cake runs whose stable cycle no ordered coalition structure meeting the text's conditions (i) and (ii) explains",
      columns: [
        "reading", "N", "random games", "capped", "counterexamples", "cake runs", "cake counterexamples", "rate (both)",
        "control (no admissible structure): counterexamples",
      ])
    var cells: [VerdictMap.Cell] = []
    var byReading: [(reading: Setting, observations: [(size: Double, value: Double)], control: [(size: Double, value: Double)])] = []
    for (cell, outcome) in entries {
      let games = (outcome.randomGames ?? []).filter { !$0.run.capped }
      let bad = games.filter { !$0.explained }
      let cake = outcome.cycleCake ?? []
      let badCake = cake.filter { !$0.explained }
      let total = games.count + cake.count
      let rate = total == 0 ? 0 : Double(bad.count + badCake.count) / Double(total)
      cells.append(
        VerdictMap.Cell(
          reading: cell.readingSetting, size: cell.sizeSetting, verdict: .checking(bad.isEmpty && badCake.isEmpty), estimate: rate, n: total))
      table.append([
        .text(VerdictMap.describe(cell.readingSetting)), .integer(outcome.randomStates), .integer(outcome.randomGames?.count ?? 0),
        .integer((outcome.randomGames?.count ?? 0) - games.count),
        .integer(bad.count), .integer(cake.count), .integer(badCake.count), .real(rate, digits: 3), .integer(games.count + cake.count),
      ])
      let observations =
        games.map { (size: Double(outcome.randomStates), value: $0.explained ? 0.0 : 1.0) }
        + cake.map { (size: Double(outcome.randomStates), value: $0.explained ? 0.0 : 1.0) }
      // The control: the same runs judged with the set of admissible coalition structures replaced by the
      // empty set, under which no cycle is explained.
      let control =
        games.map { (size: Double(outcome.randomStates), value: Self.explainedByNoStructure($0.run) ? 0.0 : 1.0) }
        + cake.map { (size: Double(outcome.randomStates), value: $0.run.capped || Self.explainedByNoStructure($0.run) ? 0.0 : 1.0) }
      if let index = byReading.firstIndex(where: { $0.reading == cell.readingSetting }) {
        byReading[index].observations += observations
        byReading[index].control += control
      } else {
        byReading.append((cell.readingSetting, observations, control))
      }
    }
    let bar = Bar.atMost(0)
    let trends = byReading.compactMap {
      try? Trend(reading: $0.reading, sizeName: Self.randomStates.name, observations: $0.observations, statistic: .limit, bar: bar, validRange: 0...1)
    }
    let controlTrend = byReading.first.flatMap {
      try? Trend(reading: $0.reading, sizeName: Self.randomStates.name, observations: $0.control, statistic: .limit, bar: bar, validRange: 0...1)
    }
    let robust = Self.robustCounterexamples(entries)
    let base = outcomes.base
    let distinct = base.cycles ?? []
    let unexplained = distinct.filter { $0.partition == nil }
    let evidence = Evidence(
      summary:
        "Counterexample rate (random 3-player games, one run each, and cake-splitting runs, agents of the same N) by reading and N: \(Self.describe(cells)). Trends: \(trends.map { VerdictMap.describe($0.reading) + ": " + $0.described }.joined(separator: "; ")). Of the \(distinct.count) distinct stable cycles of the cake and the demand game (base reading), \(unexplained.count) have no explaining coalition structure\(unexplained.first.map { ", e.g. \($0.source): \(HagglingText.cycle($0.run.cycle, game: $0.game)) paying \(HagglingText.payoffs($0.run))" } ?? "").",
      measurements: [
        .init("random-game runs", cells.reduce(0) { $0 + $1.n }), .init("distinct counterexamples (random games and cake cycles)", robust.count),
        .init("cake and demand cycles unexplained", unexplained.count),
      ],
      tolerance:
        "the fitted limit (N → ∞, 1/N regression) of the counterexample rate: at most 0 supports, a 95% interval above 0 refutes; LP membership and blocking with δ = 10⁻⁹",
      sampleSize: cells.reduce(0) { $0 + $1.n }, counterexample: robust.first.map { Self.describe($0, cellCount: entries.count) })
    let map = VerdictMap(design: Self.cyclesClaim.design, cells: cells, trends: trends)
    return (
      ClaimResult(
        Self.cyclesClaim, map: map, control: ControlResult(Self.cyclesClaim.control!, verdict: controlTrend?.verdict ?? .inconclusive),
        evidence: evidence), [table, Self.robustTable(robust, cellCount: entries.count)]
    )
  }

  /// A counterexample to the cycle conjecture with how robust it is: the (reading, N) cells in which
  /// the same random game (or the same cake cycle) is one, and its largest utilitarian gap.
  struct RobustCycleCounterexample: Sendable {
    let key: String
    let cells: Int
    let sizes: [Int]
    let gap: Double
    let example: String
  }

  /// The best feasible payoff sum minus the cycle's, over the game's payoff range (0 for a cycle on
  /// the utilitarian frontier).
  static func utilitarianGap(_ run: HagglingRun, game: NormalFormGame) -> Double {
    let payoffs = game.profiles.flatMap { game.payoffs($0) }
    let range = max((payoffs.max() ?? 0) - (payoffs.min() ?? 0), 1e-12)
    let best = game.profiles.map { game.payoffs($0).reduce(0, +) }.max() ?? 0
    return (best - run.averagePayoffs.reduce(0, +)) / range
  }

  /// Counterexamples ranked by robustness: recurrence across the (reading, N) cells first, then the
  /// utilitarian gap, then first appearance.
  static func robustCounterexamples(_ entries: [(cell: GridCell, outcome: Outcome)]) -> [RobustCycleCounterexample] {
    var found: [String: (cells: Int, sizes: Set<Int>, gap: Double, example: String)] = [:]
    var order: [String] = []
    for (cell, outcome) in entries {
      let setting = VerdictMap.describe(cell.readingSetting)
      var cases: [(key: String, gap: Double, example: String)] = []
      for (g, entry) in (outcome.randomGames ?? []).enumerated() where !entry.run.capped && !entry.explained {
        cases.append(
          (
            "random game \(g + 1)", utilitarianGap(entry.run, game: entry.game),
            "\(setting), N = \(outcome.randomStates): random game \(g + 1), stable cycle \(HagglingText.cycle(entry.run.cycle, game: entry.game)), payoffs \(HagglingText.payoffs(entry.run)), in the game \(HagglingText.game(entry.game))"
          ))
      }
      let cake = HagglingGames.cakeSplitting()
      for entry in outcome.cycleCake ?? [] where !entry.explained {
        cases.append(
          (
            "cake " + HagglingText.canonicalCycle(entry.run.cycle, game: cake), utilitarianGap(entry.run, game: cake),
            "\(setting), N = \(outcome.randomStates): cake cycle \(HagglingText.cycle(entry.run.cycle, game: cake)) paying \(HagglingText.payoffs(entry.run))"
          ))
      }
      var seen = Set<String>()
      for c in cases {
        if found[c.key] == nil {
          found[c.key] = (0, [], c.gap, c.example)
          order.append(c.key)
        }
        if seen.insert(c.key).inserted {
          found[c.key]!.cells += 1
          found[c.key]!.sizes.insert(outcome.randomStates)
        }
        if c.gap > found[c.key]!.gap { (found[c.key]!.gap, found[c.key]!.example) = (c.gap, c.example) }
      }
    }
    return order.enumerated().map { position, key in
      let entry = found[key]!
      return (position, RobustCycleCounterexample(key: key, cells: entry.cells, sizes: entry.sizes.sorted(), gap: entry.gap, example: entry.example))
    }.sorted { ($0.1.cells, $0.1.gap, -$0.0) > ($1.1.cells, $1.1.gap, -$1.0) }.map(\.1)
  }

  /// "random game 7, a counterexample in 9 of 24 cells (N = 2, 3, 4, 5), gap 0.250: …".
  static func describe(_ c: RobustCycleCounterexample, cellCount: Int) -> String {
    "\(c.key), a counterexample in \(c.cells) of \(cellCount) (reading, N) cells (N = \(c.sizes.map(String.init).joined(separator: ", "))), utilitarian gap \(DecimalFormat.fixed(c.gap, digits: 3)); its widest case: \(c.example)"
  }

  /// The top 10 counterexamples of the cycle conjecture by robustness.
  static func robustTable(_ robust: [RobustCycleCounterexample], cellCount: Int) -> Table {
    var table = Table(
      id: "ibh.multiplayer.robust",
      title:
        "Counterexamples to the stable-cycle conjecture ranked by robustness: (reading, N) cells in which the same random game or cake cycle is one (of \(cellCount)), then the utilitarian gap (best feasible payoff sum minus the cycle's, over the payoff range)",
      columns: ["rank", "counterexample", "cells", "at N", "utilitarian gap", "widest case"])
    for (k, c) in robust.prefix(10).enumerated() {
      table.append([
        .integer(k + 1), .text(c.key), .integer(c.cells), .text(c.sizes.map(String.init).joined(separator: ", ")), .real(c.gap, digits: 3),
        .text(c.example),
      ])
    }
    return table
  }

  /// Whether a run's stable cycle is explained when the admissible coalition structures are the empty
  /// set (the cycle claim's control): never.
  static func explainedByNoStructure(_ run: HagglingRun) -> Bool {
    let admissible: [[[Int]]] = []
    return admissible.contains { _ in !run.capped }
  }

  static func cakeTable(_ base: Outcome) throws -> Table {
    let runs = base.cake ?? []
    let cake = HagglingGames.cakeSplitting()
    func key(_ run: HagglingRun) -> String {
      if let pair = pair(of: run) { return "pair \(CoalitionAnalysis.names(pair)) at 5/12, the third at 0" }
      return run.capped ? "capped" : "other: payoffs \(HagglingText.payoffs(run)), cycle \(HagglingText.canonicalCycle(run.cycle, game: cake))"
    }
    var tally = OutcomeTally()
    for (r, run) in runs.enumerated() { tally.add(key(run), run: r) }
    var table = Table(
      id: "ibh.multiplayer.cake",
      title: "Cake splitting: stable cycles of three haggling players (N = \(base.cakeStates), deals \(base.deals.rawValue), \(base.runs) runs)",
      columns: ["outcome", "runs", "fraction", "median lock-in round"])
    for (k, count) in tally.sorted {
      let members = runs.filter { key($0) == k }
      table.append([
        .text(k), .integer(count), .real(Double(count) / Double(base.runs), digits: 3),
        .real(try Statistics.median(members.map { Double($0.lockInTime) }), digits: 1),
      ])
    }
    return table
  }

  static func demandTable(_ base: Outcome) throws -> Table {
    let runs = base.demands ?? []
    let demands = HagglingGames.threePlayerDemands()
    var tally = OutcomeTally()
    for (r, run) in runs.enumerated() { tally.add(HagglingText.payoffs(run), run: r) }
    var table = Table(
      id: "ibh.multiplayer.demands",
      title:
        "The demand game (Alice, Bob, Charlie ask 1, 2 or 3): final payoffs (N = \(base.demandStates), deals \(base.deals.rawValue), \(base.runs) runs)",
      columns: ["payoffs", "runs", "fraction", "example stable cycle (asks)", "Pareto-optimal"])
    for (key, count) in tally.sorted {
      let run = runs[tally.examples[key]!]
      table.append([
        .text(key), .integer(count), .real(Double(count) / Double(base.runs), digits: 3),
        .text(HagglingText.canonicalCycle(run.cycle, game: demands)),
        .text(run.capped ? "–" : (try demands.isParetoOptimal(run.averagePayoffs, exact: true) ? "yes" : "no")),
      ])
    }
    return table
  }

  static func examplesTable(_ rows: [ExampleRow]) -> Table {
    var table = Table(
      id: "ibh.multiplayer.coalition-examples", title: "U_C and U′_C on the examples (players numbered from 1)",
      columns: ["game", "coalition C", "vector", "in U_C", "in U′_C", "expected", "why"])
    for row in rows {
      table.append([
        .text(row.game), .text(CoalitionAnalysis.names(row.coalition)),
        .text("(" + row.vector.map { DecimalFormat.compact($0, significant: 4) }.joined(separator: ", ") + ")"),
        .text(row.u ? "yes" : "no"), .text(row.uPrime ? "yes" : "no"), .text("\(row.inU ? "yes" : "no"), \(row.inUPrime ? "yes" : "no")"),
        .text(row.why),
      ])
    }
    return table
  }

  static func cakeFigure(_ outcomes: Outcomes<Outcome>) -> BarChart {
    var bars = BarChart(
      title: "Cake splitting: who ends in the pair", categories: ["{1, 2}", "{1, 3}", "{2, 3}", "other"], xLabel: "stable cycle",
      y: Axis(label: "runs"))
    // The three hypothesis classes, at the base prior and ranking (the first cell is the base reading).
    let cells = outcomes.cells(of: cakeClaim)
    let first = cells.first?.cell
    for (cell, outcome) in cells where cell.value(prior) == first?.value(prior) && cell.value(ranking) == first?.value(ranking) {
      let runs = outcome.cake ?? []
      let pairs = [[0, 1], [0, 2], [1, 2]].map { wanted in runs.filter { pair(of: $0) == wanted }.count }
      bars.bars("deals \(outcome.deals.rawValue), \(runs.count) runs", (pairs + [runs.count - pairs.reduce(0, +)]).map(Double.init))
    }
    return bars
  }
}
