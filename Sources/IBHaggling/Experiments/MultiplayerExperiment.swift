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
/// - multiplayer cycles (conjecture): every distinct 3-player stable cycle observed (cake, demands,
///   random games) has an ordered partition into coalitions meeting the text's conditions (i) and (ii)
///   (``CoalitionAnalysis/stableCycleFailure(game:cycle:payoffs:partition:)``); supported if all do,
///   refuted with the first that does not.
public struct MultiplayerExperiment: Experiment {
  public init() {}

  public let id = "ibh.multiplayer"
  public let title = "Multiplayer games: cake splitting, the demand game, coalition sets and stable cycles"
  public let sections = ["§Multiplayer games", "§When can a coalition be formed?", "§Stable cycles for multiplayer games"]

  public static let cakeClaim = Claim(
    id: "ibh.cake-splitting", source: "§Multiplayer games, Example (cake splitting)", kind: .example,
    statement: "The initial demands are (5/12, 5/12, 5/12); two players lock in at 5/12 each and the third gets 0. \"Trying to cooperate with someone mutually\" has expected utility 2/3 · 5/12 + 1/3 · 0 = 5/18 < 1/3: the reached payoff is Pareto-optimal, the meta-strategy is not.")
  public static let demandsClaim = Claim(
    id: "ibh.three-player-demands", source: "§Multiplayer games, Example (Alice, Bob, Charlie)", kind: .example,
    statement: "If the three lower their demands at a similar rate, Alice and Bob eventually ask for 2 and the haggling stops at (2, 2, 0), which is not Pareto-optimal: (3, 3, 1) exists.")
  public static let coalitionClaim = Claim(
    id: "ibh.coalition-sets", source: "§When can a coalition be formed?", kind: .definition,
    statement: "U_C (outsiders' randomness independent of the coalition's) and U′_C (outsiders may synchronise with it) are the payoff vectors a coalition can guarantee its members; U′_C, not U_C, is the criterion for agents that play deterministic cycles.")
  public static let cyclesClaim = Claim(
    id: "ibh.multiplayer-cycles", source: "§Stable cycles for multiplayer games", kind: .conjecture,
    statement: "In a stable cycle the players form coalitions C₁, …, C_n partitioning them; the payoffs of C_m's members are in U′_{C_m, α≤m−1}, and no C′ ⊆ C_m could guarantee each of its members strictly more given α≤m−1.")

  public var claims: [Claim] { [Self.cakeClaim, Self.demandsClaim, Self.coalitionClaim, Self.cyclesClaim] }

  public var parameters: [Parameter] {
    [
      Parameter("cakeStates", "N for the cake-splitting agents (2 actions, 4 observations: 12,113 hypotheses at 5).", domain: .integer(2...7),
                smoke: .integer(4), standard: .integer(5), paper: .integer(6)),
      Parameter("demandStates", "N for the demand-game agents (3 actions, 9 observations: 2,432 hypotheses at 3).", domain: .integer(2...5),
                smoke: .integer(3), standard: .integer(3), paper: .integer(4)),
      Parameter("runs", "Runs of each game.", domain: .integer(2...100_000), smoke: .integer(20), standard: .integer(200), paper: .integer(1000)),
      Parameter("randomGames", "Random 3-player games (2 actions each, integer payoffs 0 … 4) for the coalition checks and stable cycles.",
                domain: .integer(1...10_000), smoke: .integer(5), standard: .integer(40), paper: .integer(200)),
      Parameter("randomStates", "N for the agents of the random 3-player games.", domain: .integer(2...6), smoke: .integer(3), standard: .integer(4), paper: .integer(5)),
      HagglingParameters.ranking(), HagglingParameters.discount, HagglingParameters.prior, HagglingParameters.maximumSteps, HagglingParameters.rankAt,
    ]
  }

  public func simulate(in context: RunContext) throws -> ExperimentResult {
    let p = context.parameters
    let ranking = HagglingParameters.ranking(p)
    let prior = HagglingParameters.prior(p)
    let runs = p.integer("runs")
    let options = HagglingParameters.options(p)
    var observed: [(source: String, game: NormalFormGame, run: HagglingRun)] = []

    // Cake splitting.
    let cake = HagglingGames.cakeSplitting()
    let cakeSetup = try HagglingSetup(game: cake, options: .init(maximumStates: p.integer("cakeStates")), ranking: ranking, policyDiscount: p.real("discount"), jobs: context.jobs)
    let cakeSpecs = cakeSetup.hagglers(prior: prior)
    let cakeRuns = try HagglingBatch.run(context, stream: "cake", runs: runs, game: cake, options: options) { _, _ in cakeSpecs.map { .haggler($0) } }
    observed += cakeRuns.filter { !$0.capped }.map { ("cake splitting", cake, $0) }
    let fiveTwelfths = Rational(5, 12)
    func pairOf(_ run: HagglingRun) -> [Int]? {
      guard !run.capped, let u = run.exactAveragePayoffs else { return nil }
      let pair = (0..<3).filter { u[$0] == fiveTwelfths }
      guard pair.count == 2, u[(0..<3).first { !pair.contains($0) }!] == .zero else { return nil }
      // Every round, not only on average: the pair is mutual in each profile.
      return run.cycle.allSatisfy { cake.payoffs($0) == cake.payoffs(run.cycle[0]) } ? pair : nil
    }
    func cakeKey(_ run: HagglingRun) -> String {
      if let pair = pairOf(run) { return "pair \(CoalitionAnalysis.names(pair)) at 5/12, the third at 0" }
      return run.capped ? "capped" : "other: payoffs \(HagglingText.payoffs(run)), cycle \(HagglingText.canonicalCycle(run.cycle, game: cake))"
    }
    var cakeTally = OutcomeTally()
    for (r, run) in cakeRuns.enumerated() { cakeTally.add(cakeKey(run), run: r) }
    var cakeTable = Table(id: "ibh.multiplayer.cake", title: "Cake splitting: stable cycles of three haggling players (N = \(p.integer("cakeStates")), \(runs) runs)",
                          columns: ["outcome", "runs", "fraction", "median lock-in round"])
    for (key, count) in cakeTally.sorted {
      let members = cakeRuns.filter { cakeKey($0) == key }
      cakeTable.append([.text(key), .integer(count), .real(Double(count) / Double(runs), digits: 3),
                        .real(try Statistics.median(members.map { Double($0.lockInTime) }), digits: 1)])
    }
    let paired = cakeRuns.filter { pairOf($0) != nil }.count
    let pairedInterval = try wilson(paired, runs)
    let metaStrategy = Rational(2, 3) * fiveTwelfths + Rational(1, 3) * .zero
    let arithmetic = metaStrategy == Rational(5, 18) && metaStrategy < Rational(1, 3)
    let firstDemands = cakeRuns.allSatisfy { run in (0..<3).allSatisfy { agent in run.switches.first { $0.agent == agent }?.exactDemand == fiveTwelfths } }
    let playerOne = cakeRuns.filter { !$0.capped }.map(\.averagePayoffs[0])
    let playerOneMean = try ConfidenceInterval.mean(of: playerOne, level: 0.95)
    let inPair = (0..<3).map { player in cakeRuns.filter { pairOf($0)?.contains(player) ?? false }.count }
    let cakeHolds = arithmetic && firstDemands && pairedInterval.lower > 0.9
    var cakeEvidence = Evidence(
      summary: "Exactly, 2/3 · 5/12 + 1/3 · 0 = \(metaStrategy) < 1/3: \(arithmetic). Every agent's first demand is 5/12 in every run: \(firstDemands). \(paired) of \(runs) runs lock into a mutual pair at 5/12 each with the third player at 0: \(DecimalFormat.fixed(pairedInterval.estimate, digits: 3)) \(HagglingText.interval(pairedInterval)). Players 1, 2, 3 are in the pair in \(inPair.map(String.init).joined(separator: ", ")) runs; player 1's mean payoff is \(DecimalFormat.fixed(playerOneMean.estimate, digits: 4)) \(HagglingText.interval(playerOneMean, digits: 4)) (5/18 = \(DecimalFormat.fixed(5.0 / 18.0, digits: 4)), 1/3 = \(DecimalFormat.fixed(1.0 / 3.0, digits: 4))).",
      measurements: [.init("2/3 · 5/12 + 1/3 · 0", metaStrategy.description), .init("below 1/3", arithmetic), .init("first demands all 5/12", firstDemands),
                     .init("runs ending in a mutual pair", paired), .init("fraction", lower: pairedInterval.lower, upper: pairedInterval.upper),
                     .init("player 1's mean payoff", lower: playerOneMean.lower, upper: playerOneMean.upper)],
      tolerance: "exact arithmetic and demands; fraction of pair outcomes above 0.9 (95% Wilson interval)", sampleSize: runs)

    // The demand game.
    let demands = HagglingGames.threePlayerDemands()
    let demandSetup = try HagglingSetup(game: demands, options: .init(maximumStates: p.integer("demandStates")), ranking: ranking, policyDiscount: p.real("discount"), jobs: context.jobs)
    let demandSpecs = demandSetup.hagglers(prior: prior)
    let demandRuns = try HagglingBatch.run(context, stream: "demands", runs: runs, game: demands, options: options) { _, _ in demandSpecs.map { .haggler($0) } }
    observed += demandRuns.filter { !$0.capped }.map { ("demand game", demands, $0) }
    var demandTally = OutcomeTally()
    for (r, run) in demandRuns.enumerated() { demandTally.add(HagglingText.payoffs(run), run: r) }
    var demandTable = Table(id: "ibh.multiplayer.demands", title: "The demand game (Alice, Bob, Charlie ask 1, 2 or 3): final payoffs (N = \(p.integer("demandStates")), \(runs) runs)",
                            columns: ["payoffs", "runs", "fraction", "example stable cycle (asks)", "Pareto-optimal"])
    for (key, count) in demandTally.sorted {
      let run = demandRuns[demandTally.examples[key]!]
      demandTable.append([.text(key), .integer(count), .real(Double(count) / Double(runs), digits: 3), .text(HagglingText.canonicalCycle(run.cycle, game: demands)),
                          .text(run.capped ? "–" : (try demands.isParetoOptimal(run.averagePayoffs, exact: true) ? "yes" : "no"))])
    }
    let target = "(2, 2, 0)"
    let targetCount = demandTally.counts[target] ?? 0
    let targetInterval = try wilson(targetCount, runs)
    let modal = demandTally.sorted.first?.key == target
    let dominated = try !demands.isParetoOptimal([2, 2, 0], exact: true)
    let dominates = demands.payoffs([2, 2, 0]) == [3, 3, 1] && dominated
    let demandsHolds = modal && targetInterval.lower > 0.5 && dominates
    var demandsEvidence = Evidence(
      summary: "\(targetCount) of \(runs) runs stop at (2, 2, 0): \(DecimalFormat.fixed(targetInterval.estimate, digits: 3)) \(HagglingText.interval(targetInterval)); the most frequent outcome is \(demandTally.sorted.first?.key ?? "–"). Asking (3, 3, 1) gives (3, 3, 1), which Pareto-dominates (2, 2, 0), so (2, 2, 0) is not Pareto-optimal: \(dominates).",
      measurements: [.init("runs at (2, 2, 0)", targetCount), .init("fraction", lower: targetInterval.lower, upper: targetInterval.upper), .init("most frequent", demandTally.sorted.first?.key ?? "–"),
                     .init("(3, 3, 1) dominates (2, 2, 0)", dominates)],
      tolerance: "(2, 2, 0) the most frequent outcome with fraction above 1/2 (95% Wilson interval)", sampleSize: runs)

    // The same games with relaxed deals (an extension: deals predict the agent's payoff, not the
    // others' exact actions). Reported, not judged.
    var relaxedShare: [String: (count: Int, interval: ConfidenceInterval)] = [:]
    var relaxedCakeRuns: [HagglingRun] = []
    var relaxedTable = Table(id: "ibh.multiplayer.relaxed", title: "Extension, not the text's definition: the same games when deal loops are relaxed to the agent's own payoff (\(runs) runs each)",
                             columns: ["game", "N", "final payoffs", "runs", "fraction", "distinct stable cycles meeting conditions (i) and (ii)"])
    for (name, game, states) in [("cake splitting", cake, p.integer("cakeStates")), ("demand game", demands, p.integer("demandStates"))] {
      let relaxedSetup = try HagglingSetup(game: game, options: .init(maximumStates: states), ranking: ranking, policyDiscount: p.real("discount"),
                                           jobs: context.jobs, relaxed: true)
      let relaxedSpecs = relaxedSetup.hagglers(prior: prior)
      let batch = try HagglingBatch.run(context, stream: "relaxed-\(name)", runs: runs, game: game, options: options) { _, _ in relaxedSpecs.map { .haggler($0) } }
      var byPayoff = OutcomeTally()
      for (r, run) in batch.enumerated() { byPayoff.add(HagglingText.payoffs(run), run: r) }
      var cycles: [String: [[Int]]] = [:]
      for run in batch where !run.capped { cycles[HagglingText.canonicalCycle(run.cycle, game: game)] = run.cycle }
      let distinctCycles = cycles.keys.sorted().map { cycles[$0]! }
      let explained = try distinctCycles.filter { cycle in
        let payoffs = (0..<3).map { player in cycle.reduce(0) { $0 + game.payoff(player, $1) } / Double(cycle.count) }
        return try CoalitionAnalysis.explainingPartition(game: game, cycle: cycle, payoffs: payoffs) != nil
      }.count
      if name == "cake splitting" { relaxedCakeRuns = batch }
      let expected = name == "cake splitting" ? batch.filter { pairOf($0) != nil }.count : byPayoff.counts["(2, 2, 0)"] ?? 0
      relaxedShare[name] = (expected, try wilson(expected, runs))
      for (k, entry) in byPayoff.sorted.enumerated() {
        relaxedTable.append([.text(k == 0 ? name : ""), .text(k == 0 ? "\(states)" : ""), .text(entry.key), .integer(entry.count),
                             .real(Double(entry.count) / Double(runs), digits: 3), .text(k == 0 ? "\(explained) of \(distinctCycles.count)" : "")])
      }
    }

    if let share = relaxedShare["cake splitting"] {
      cakeEvidence.summary += " With deal loops relaxed to the agent's own payoff (an extension in the spirit of the text's \"relaxed password hypotheses\"), \(share.count) of \(runs) runs end in a mutual pair: \(HagglingText.interval(share.interval))."
    }
    if let share = relaxedShare["demand game"] {
      demandsEvidence.summary += " With deal loops relaxed to the agent's own payoff (an extension), \(share.count) of \(runs) runs stop at (2, 2, 0): \(HagglingText.interval(share.interval))."
    }

    // Coalition sets on the examples.
    struct Row { let game: String; let g: NormalFormGame; let coalition: [Int]; let vector: [Double]; let inU: Bool; let inUPrime: Bool; let why: String }
    let pd = HagglingGames.prisonersDilemma()
    let pennies = NormalFormGame.matchingPennies()
    let rows: [Row] = [
      Row(game: "PD", g: pd, coalition: [0], vector: [1], inU: true, inUPrime: true, why: "P = 1 is both the mixed and the pure maxmin"),
      Row(game: "PD", g: pd, coalition: [0], vector: [1.25], inU: false, inUPrime: false, why: "no one can guarantee more than P alone"),
      Row(game: "PD", g: pd, coalition: [0, 1], vector: [2, 2], inU: true, inUPrime: true, why: "no outsiders: (2, 2) is feasible"),
      Row(game: "matching pennies", g: pennies, coalition: [0], vector: [0], inU: true, inUPrime: false, why: "mixing ½–½ guarantees 0 only if the other cannot see the coin"),
      Row(game: "matching pennies", g: pennies, coalition: [0], vector: [-1], inU: true, inUPrime: true, why: "the pure maxmin −1"),
      Row(game: "cake splitting", g: cake, coalition: [0, 1], vector: [5.0 / 12, 5.0 / 12], inU: true, inUPrime: true, why: "naming each other, whatever player 3 does"),
      Row(game: "cake splitting", g: cake, coalition: [0], vector: [0.01], inU: false, inUPrime: false, why: "players 2 and 3 can pair up"),
      Row(game: "cake splitting", g: cake, coalition: [0, 1, 2], vector: [1.0 / 3, 1.0 / 3, 1.0 / 3], inU: true, inUPrime: true, why: "no mutual pair: feasible"),
      Row(game: "demand game", g: demands, coalition: [0, 1], vector: [2, 2], inU: true, inUPrime: true, why: "Alice and Bob ask 2: (2, 2, 0) whatever Charlie asks"),
      Row(game: "demand game", g: demands, coalition: [0, 1], vector: [3, 3], inU: false, inUPrime: false, why: "(3, 3) needs Charlie to ask 1"),
      Row(game: "demand game", g: demands, coalition: [0, 1, 2], vector: [3, 3, 1], inU: true, inUPrime: true, why: "all three ask (3, 3, 1)"),
    ]
    var examples = Table(id: "ibh.multiplayer.coalition-examples", title: "U_C and U′_C on the examples (players numbered from 1)",
                         columns: ["game", "coalition C", "vector", "in U_C", "in U′_C", "expected", "why"])
    var examplesAgree = true
    for row in rows {
      let u = try CoalitionAnalysis.contains(CoalitionAnalysis.set(game: row.g, coalition: row.coalition, outsiders: .independent), row.vector)
      let uPrime = try CoalitionAnalysis.contains(CoalitionAnalysis.set(game: row.g, coalition: row.coalition, outsiders: .synchronised), row.vector)
      examplesAgree = examplesAgree && u == row.inU && uPrime == row.inUPrime
      examples.append([.text(row.game), .text(CoalitionAnalysis.names(row.coalition)), .text("(" + row.vector.map { DecimalFormat.compact($0, significant: 4) }.joined(separator: ", ") + ")"),
                       .text(u ? "yes" : "no"), .text(uPrime ? "yes" : "no"), .text("\(row.inU ? "yes" : "no"), \(row.inUPrime ? "yes" : "no")"), .text(row.why)])
    }

    // Random 3-player games: U′_C ⊆ U_C, singletons, and their stable cycles.
    let randomStates = p.integer("randomStates")
    let randomSpace = try HypothesisSpace(actionCount: 2, observationCount: 4, options: .init(maximumStates: randomStates))
    let discount = p.real("discount")
    struct RandomGameResult: Sendable {
      let checks: Int
      let strictlyLarger: Int
      let failures: [String]
      let runs: [HagglingRun]
      let game: NormalFormGame
    }
    let randomResults = try context.map(Array(0..<p.integer("randomGames")), stream: "random-games", label: "\(id): random 3-player games") { g, _, random -> RandomGameResult in
      let game = NormalFormGame.random(actionCounts: [2, 2, 2], integerPayoffs: 0...4, using: random)
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
          if a > b + 1e-9 { failures.append("game \(g + 1), coalition \(CoalitionAnalysis.names(coalition)), weights \(weights): U′ reaches \(a), U only \(b)") }
          if b > a + 1e-9 { larger = true }
        }
        if larger { strictly += 1 }
        if coalition.count == 1 {
          let i = coalition[0]
          let pureBest = try uPrime.bestGuarantee(for: i, exact: true)!.value
          let mixedBest = try u.bestGuarantee(for: i, exact: true)!.value
          checks += 2
          if abs(pureBest - (try game.pureMaxmin(i)).value) > 1e-9 { failures.append("game \(g + 1), player \(i + 1): U′ best \(pureBest), pure maxmin \(try game.pureMaxmin(i).value)") }
          if abs(mixedBest - (try game.maxmin(i, exact: true)).value) > 1e-9 { failures.append("game \(g + 1), player \(i + 1): U best \(mixedBest), maxmin \(try game.maxmin(i, exact: true).value)") }
        }
      }
      let views = try (0..<3).map { try AgentView(game: game, player: $0) }
      let specs = try views.map { HagglerSpec(valuation: try HypothesisValuation(space: randomSpace, view: $0, ranking: ranking, policyDiscount: discount), view: $0, prior: prior) }
      let generators = (0..<3).map { context.random(stream: "random-games/game\(g)/agent\($0 + 1)", replicate: 0) }
      let run = try Haggling.run(game: game, participants: specs.map { .haggler($0) }, generators: generators, options: options)
      return RandomGameResult(checks: checks, strictlyLarger: strictly, failures: failures, runs: [run], game: game)
    }
    for result in randomResults { observed += result.runs.filter { !$0.capped }.map { ("random games", result.game, $0) } }
    let relationChecks = randomResults.reduce(0) { $0 + $1.checks }
    let relationFailures = randomResults.flatMap(\.failures)
    let strictlyLarger = randomResults.reduce(0) { $0 + $1.strictlyLarger }
    let coalitionHolds = examplesAgree && relationFailures.isEmpty
    let coalitionEvidence = Evidence(
      summary: "On the \(rows.count) example vectors, membership in U_C and U′_C is as expected: \(examplesAgree) (matching pennies shows the difference: mixing guarantees 0 in U_C, but an opponent synchronised with the coin holds the player to −1 in U′_C). On \(randomResults.count) random 3-player games, \(relationChecks) checks (support functions of U′_C and U_C in 8 directions for each of the 7 coalitions, and the singletons' best guarantees against the pure and mixed maxmin) found \(relationFailures.count) violations of U′_C ⊆ U_C; U_C reaches strictly further than U′_C for \(strictlyLarger) of the \(7 * randomResults.count) coalitions.",
      measurements: [.init("examples as expected", examplesAgree), .init("random checks", relationChecks), .init("violations", relationFailures.count),
                     .init("coalitions with U_C strictly larger", strictlyLarger)],
      tolerance: "membership with δ = 10⁻⁹ (exact GLPK); support functions within 10⁻⁹", sampleSize: rows.count + relationChecks,
      counterexample: relationFailures.first)

    // Stable cycles: coalition structure.
    var seen = Set<String>()
    var distinct: [(source: String, game: NormalFormGame, run: HagglingRun)] = []
    for entry in observed {
      let key = entry.source + "|" + "\(entry.game.payoffVectors)" + "|" + HagglingText.canonicalCycle(entry.run.cycle, game: entry.game)
      if seen.insert(key).inserted { distinct.append(entry) }
    }
    let cases = distinct.map { (game: $0.game, cycle: $0.run.cycle, payoffs: $0.run.averagePayoffs) }
    let explanations = try context.map(cases, stream: "coalitions") { _, entry, _ -> [[Int]]? in
      try CoalitionAnalysis.explainingPartition(game: entry.game, cycle: entry.cycle, payoffs: entry.payoffs)
    }
    var cyclesTable = Table(id: "ibh.multiplayer.stable-cycles", title: "Distinct 3-player stable cycles observed, and an ordered coalition structure meeting the text's conditions (i) and (ii)",
                            columns: ["source", "distinct stable cycles", "explained", "most common first explaining structure", "unexplained"])
    var unexplained: [String] = []
    for source in ["cake splitting", "demand game", "random games"] {
      let indices = distinct.indices.filter { distinct[$0].source == source }
      var structures = OutcomeTally()
      for i in indices { if let partition = explanations[i] { structures.add(partition.map(CoalitionAnalysis.names).joined(separator: " then "), run: i) } }
      let missing = indices.filter { explanations[$0] == nil }
      unexplained += missing.map { i in "\(source): stable cycle \(HagglingText.cycle(distinct[i].run.cycle, game: distinct[i].game)), payoffs \(HagglingText.payoffs(distinct[i].run)), in the game \(HagglingText.game(distinct[i].game))" }
      cyclesTable.append([.text(source), .integer(indices.count), .integer(indices.count - missing.count), .text(structures.sorted.first.map { "\($0.key) (\($0.count))" } ?? "–"), .integer(missing.count)])
    }
    let cyclesVerdict: Verdict = unexplained.isEmpty ? .supported : .refuted
    let cyclesEvidence = Evidence(
      summary: "\(distinct.count - unexplained.count) of the \(distinct.count) distinct stable cycles observed (cake splitting, the demand game and \(randomResults.count) random 3-player games) have an ordered partition into coalitions whose payoffs lie in U′_{C_m, α≤m−1} and that no sub-coalition could improve on strictly for all its members.",
      measurements: [.init("distinct stable cycles", distinct.count), .init("explained", distinct.count - unexplained.count), .init("unexplained", unexplained.count)],
      tolerance: "LP membership and blocking with δ = 10⁻⁹ (exact GLPK)", sampleSize: distinct.count, counterexample: unexplained.first)

    // Figure: the cake.
    var bars = BarChart(title: "Cake splitting: who ends in the pair", categories: ["{1, 2}", "{1, 3}", "{2, 3}", "other"], xLabel: "stable cycle", y: Axis(label: "runs"))
    for (name, batch) in [("deals as the text defines them", cakeRuns), ("deals relaxed to one's payoff (extension)", relaxedCakeRuns)] {
      let pairs = [[0, 1], [0, 2], [1, 2]].map { pair in batch.filter { pairOf($0) == pair }.count }
      bars.bars("\(name), \(runs) runs", (pairs + [runs - pairs.reduce(0, +)]).map(Double.init))
    }
    return ExperimentResult(
      tables: [cakeTable, demandTable, relaxedTable, examples, cyclesTable],
      figures: [Figure(id: "ibh.cake-splitting-outcomes", title: "Cake splitting: which pair locks in", svg: bars.svg())],
      claims: [ClaimResult(Self.cakeClaim, .checking(cakeHolds), cakeEvidence), ClaimResult(Self.demandsClaim, .checking(demandsHolds), demandsEvidence),
               ClaimResult(Self.coalitionClaim, .checking(coalitionHolds), coalitionEvidence), ClaimResult(Self.cyclesClaim, cyclesVerdict, cyclesEvidence)])
  }
}
