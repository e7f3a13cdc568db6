import LabKit

/// §4 of Social Environment Design: "If all apples in an area are harvested, they never grow back.
/// The dilemma arises when individual self-interest drives rapid harvesting, which could permanently
/// deplete resources. Thus, agents must sacrifice personal benefit and cooperate for collective
/// well-being."
///
/// Populations of restraint-threshold players (no tax) play `horizonRounds` chained rounds from a
/// fresh orchard. Standards fixed before running:
/// - `sed.no-regrowth`: no regrowth ever happens where the rule's probability is 0, no patch (a
///   connected group of apple cells) ever regrows once empty, and the empirical regrowth rate for
///   every neighbour count with at least 200 trials lies in its 99.9 % Wilson interval.
/// - `sed.commons-dilemma`: greedy populations end with no live apple in at least 90 % of replicates;
///   restrained ones keep apples in at least 90 %; the restrained total harvest exceeds the greedy
///   one (95 % interval of the difference above 0); and a lone greedy player among restrained ones
///   gains in its own return (eq. 2) over playing restrained (95 % paired interval above 0).
public struct CommonsExperiment: Experiment {
  public init() {}

  public let id = "sed.commons"
  public let title = "The commons dilemma: depletion, regrowth and the gain from greed"
  public let sections = ["§4", "Appendix A"]

  public static let noRegrowthClaim = Claim(
    id: "sed.no-regrowth", source: "§4", kind: .claim,
    statement: "If all apples in an area are harvested, they never grow back.")
  public static let dilemmaClaim = Claim(
    id: "sed.commons-dilemma", source: "§4", kind: .claim,
    statement: "Self-interested rapid harvesting can permanently deplete the resource, while restraint sustains it; a lone greedy agent among restrained ones gains.")

  public var claims: [Claim] { [Self.noRegrowthClaim, Self.dilemmaClaim] }

  public var parameters: [Parameter] {
    [
      Parameter("replicates", "Independent orchards (types and seeds) per population.", domain: .integer(2...100_000),
                smoke: .integer(4), standard: .integer(40), paper: .integer(400)),
      Parameter("horizonRounds", "Chained 1000-step rounds played from a fresh orchard.", domain: .integer(1...1000),
                smoke: .integer(1), standard: .integer(3), paper: .integer(10)),
      Parameter("restrainedLevel", "The restrained players' threshold k.", domain: .integer(1...12), default: .integer(4)),
      Parameter("regrowthRule", "paper (Appendix A read literally) or code (released Melting Pot rule).", domain: .choice(["paper", "code"]), default: .choice("paper")),
    ]
  }

  struct Population: Sendable {
    let name: String
    let restraint: [Int]
  }

  struct Run: Sendable {
    var apples: [Double]
    var mixed: [Double]
    var liveTrace: [Int]
    var depleted: Bool
    var trials: [Int]
    var successes: [Int]
    var patchRegrowths: Int
    var patchDepletions: Int
    /// Each player's cumulative apples after steps 200, 1000 and the whole horizon.
    var applesAt: [[Double]]
    /// Perolat's sustainability inputs over the whole horizon (steps counted from the first round).
    var rewardTimeSums: [Double] = []
    var rewardCounts: [Int] = []
  }

  /// The horizons at which the lone greedy player's gain is also reported: the released code's
  /// physical reset (200 steps) and one round (1000 steps).
  static let horizons = [200, 1000]

  /// The connected groups of apple cells under the radius-2 neighbour relation.
  static func patches(_ world: HarvestWorld) -> [[Int]] {
    var label = [Int](repeating: -1, count: world.appleCount)
    var out: [[Int]] = []
    for start in 0..<world.appleCount where label[start] < 0 {
      var stack = [start], members: [Int] = []
      label[start] = out.count
      while let a = stack.popLast() {
        members.append(a)
        for b in world.neighbours(apple: a) where label[b] < 0 { label[b] = out.count; stack.append(b) }
      }
      out.append(members.sorted())
    }
    return out
  }

  static func play(_ population: Population, configuration: AppleGameConfiguration, rounds: Int, rates: [Double], _ random: Random) throws -> Run {
    let types = PlayerType.uniform(configuration.agentCount, random)
    let game = try ApplePickingGame(configuration: configuration, types: types)
    game.resetWorld(random)
    game.world.tallyRegrowth = true
    let patches = Self.patches(game.world)
    var dead = [Bool](repeating: false, count: patches.count)
    var regrowths = 0, depletions = 0
    var run = Run(apples: Array(repeating: 0, count: configuration.agentCount), mixed: Array(repeating: 0, count: configuration.agentCount),
                  liveTrace: [], depleted: false, trials: [], successes: [], patchRegrowths: 0, patchDepletions: 0, applesAt: [])
    var cumulative = [Double](repeating: 0, count: configuration.agentCount)
    var step = 0
    run.rewardTimeSums = Array(repeating: 0, count: configuration.agentCount)
    run.rewardCounts = Array(repeating: 0, count: configuration.agentCount)
    for round in 0..<rounds {
      let outcome = game.playRound(restraint: population.restraint, recordTrace: true, random, onStep: { world in
        step += 1
        for i in cumulative.indices { cumulative[i] += Double(world.eaten(i)) }
        if Self.horizons.contains(step) { run.applesAt.append(cumulative) }
        for (p, members) in patches.enumerated() {
          let anyAlive = members.contains { world.isAlive(apple: $0) }
          if dead[p] && anyAlive { regrowths += 1 }
          if !dead[p] && !anyAlive { depletions += 1 }
          dead[p] = !anyAlive
        }
      }) { _ in rates }
      for i in 0..<configuration.agentCount {
        run.apples[i] += outcome.apples[i]
        run.mixed[i] += outcome.mixedReturn[i]
        run.rewardTimeSums[i] += outcome.rewardTimeSums[i] + Double(round * configuration.roundLength * outcome.rewardCounts[i])
        run.rewardCounts[i] += outcome.rewardCounts[i]
      }
      run.liveTrace += outcome.liveTrace
    }
    run.applesAt.append(cumulative)
    run.depleted = game.world.liveApples == 0
    run.trials = game.world.regrowthTrials
    run.successes = game.world.regrowthSuccesses
    run.patchRegrowths = regrowths
    run.patchDepletions = depletions
    return run
  }

  public func simulate(in context: RunContext) throws -> ExperimentResult {
    let replicates = context.parameters.integer("replicates")
    let rounds = context.parameters.integer("horizonRounds")
    let k = context.parameters.integer("restrainedLevel")
    var settings = AppleGameConfiguration()
    settings.regrowth = context.parameters.choice("regrowthRule") == "code" ? .code : .paper
    let configuration = settings
    let n = configuration.agentCount
    let lone = 3
    var loneRestraint = Array(repeating: k, count: n)
    loneRestraint[lone] = 0
    let populations = [
      Population(name: "greedy (k = 0)", restraint: Array(repeating: 0, count: n)),
      Population(name: "moderate (k = 2)", restraint: Array(repeating: 2, count: n)),
      Population(name: "restrained (k = \(k))", restraint: Array(repeating: k, count: n)),
      Population(name: "lone greedy among k = \(k)", restraint: loneRestraint),
    ]
    // The same stream name for every population: the same types and the same initial orchard per replicate.
    let steps = rounds * configuration.roundLength
    var runs: [[Run]] = []
    for population in populations {
      runs.append(try context.replicates(replicates, stream: "orchard", label: "\(id): \(population.name)") { _, random in
        try Self.play(population, configuration: configuration, rounds: rounds, rates: [0, 0, 0], random)
      })
    }
    // Table and figure of the populations.
    var table = Table(id: "sed.commons.populations", title: "Populations without tax over \(rounds) chained round(s) of 1000 steps, \(replicates) orchards each",
                      columns: ["population", "apples per player", "95% interval", "efficiency U", "equality E", "sustainability S", "peace P",
                                "depleted at the end", "mean depletion step", "live apples at the end"])
    var chart = Chart(title: "Live apples over time (mean over \(replicates) orchards)", x: Axis(label: "step"), y: Axis(label: "live apples", range: 0...64))
    for (population, rs) in zip(populations, runs) {
      let perPlayer = rs.map { $0.apples.reduce(0, +) / Double(n) }
      let ci = try ConfidenceInterval.meanOrPoint(of: perPlayer)
      let depleted = rs.filter(\.depleted).count
      let depletionSteps = rs.compactMap { r in r.liveTrace.firstIndex(of: 0).map { Double($0 + 1) } }
      table.append([.text(population.name), .real(ci.estimate, digits: 1), .text(ci.bracket(digits: 1)),
                    .real(Support.average(rs.map { SocialOutcomeMetrics.efficiency(returns: $0.apples, steps: steps) }), digits: 4),
                    .real(Support.average(rs.map { SocialOutcomeMetrics.equality($0.apples) }), digits: 3),
                    .real(Support.average(rs.map { SocialOutcomeMetrics.sustainability(rewardTimeSums: $0.rewardTimeSums, rewardCounts: $0.rewardCounts, steps: steps) }), digits: 0),
                    .real(SocialOutcomeMetrics.peace(agents: n, steps: steps), digits: 0),
                    .text("\(depleted)/\(rs.count)"), .text(depletionSteps.isEmpty ? "–" : DecimalFormat.fixed(Support.average(depletionSteps), digits: 0)),
                    .real(Support.average(rs.map { Double($0.liveTrace.last ?? 0) }), digits: 1)])
      let points = Swift.stride(from: 0, to: steps, by: 10).map { t in (x: Double(t + 1), y: Support.average(rs.map { Double($0.liveTrace[t]) })) }
      chart.line(population.name, points)
    }

    // sed.no-regrowth.
    let everything = runs.flatMap { $0 }
    var trials = [Int](repeating: 0, count: 13), successes = [Int](repeating: 0, count: 13)
    for r in everything { for j in 0..<13 { trials[j] += r.trials[j]; successes[j] += r.successes[j] } }
    var regrowthTable = Table(id: "sed.commons.regrowth", title: "Regrowth of eaten apple cells by live neighbours within distance 2",
                              columns: ["live neighbours n", "trials", "regrowths", "empirical rate", "99.9% Wilson interval", "rule p(n)"])
    var ratesInside = true, forbidden = 0
    for j in 0..<13 where trials[j] > 0 {
      let p = configuration.regrowth.probability(liveNeighbours: j)
      let wilson = try ConfidenceInterval.wilson(successes: successes[j], trials: trials[j], level: 0.999)
      if p == 0 { forbidden += successes[j] }
      if trials[j] >= 200 && !wilson.contains(p) { ratesInside = false }
      regrowthTable.append([.integer(j), .integer(trials[j]), .integer(successes[j]), .real(Double(successes[j]) / Double(trials[j]), digits: 5),
                            .text(wilson.bracket(digits: 5)), .real(p, digits: 4)])
    }
    let patchRegrowths = everything.reduce(0) { $0 + $1.patchRegrowths }
    let patchDepletions = everything.reduce(0) { $0 + $1.patchDepletions }
    let noRegrowth = forbidden == 0 && patchRegrowths == 0 && ratesInside && patchDepletions > 0
    let noRegrowthEvidence = Evidence(
      summary: "\(patchDepletions) patches were emptied and \(patchRegrowths) of them ever grew back; \(forbidden) regrowths happened where the rule's probability is 0; empirical rates inside their Wilson intervals: \(ratesInside ? "yes" : "no").",
      measurements: [.init("patches emptied", patchDepletions), .init("emptied patches that regrew", patchRegrowths),
                     .init("regrowths where p(n) = 0", forbidden), .init("rates inside 99.9% intervals", ratesInside)],
      tolerance: "no regrowth at p(n) = 0 and none in an emptied patch (exact); rates with ≥ 200 trials inside 99.9% Wilson intervals",
      sampleSize: trials.reduce(0, +))

    // sed.commons-dilemma.
    let greedy = runs[0], restrained = runs[2], loneRuns = runs[3]
    let greedyDepleted = Double(greedy.filter(\.depleted).count) / Double(replicates)
    let restrainedDepleted = Double(restrained.filter(\.depleted).count) / Double(replicates)
    let totalDifference = try ConfidenceInterval.meanOrPoint(of: zip(restrained, greedy).map { $0.apples.reduce(0, +) - $1.apples.reduce(0, +) })
    // Paired by orchard: the same player, greedy among restrained versus restrained among restrained.
    let loneGain = try ConfidenceInterval.meanOrPoint(of: zip(loneRuns, restrained).map { $0.mixed[lone] - $1.mixed[lone] })
    let loneApplesGain = try ConfidenceInterval.meanOrPoint(of: zip(loneRuns, restrained).map { $0.apples[lone] - $1.apples[lone] })
    let othersLoss = try ConfidenceInterval.meanOrPoint(of: zip(loneRuns, restrained).map { l, r in
      (0..<n).filter { $0 != lone }.reduce(0.0) { $0 + l.apples[$1] - r.apples[$1] } / Double(n - 1)
    })
    var dilemma = Table(id: "sed.commons.dilemma", title: "The dilemma, paired by orchard (95% t-intervals over \(replicates) orchards)",
                        columns: ["quantity", "mean", "95% interval"])
    dilemma.append([.text("total apples: restrained − greedy"), .real(totalDifference.estimate, digits: 1), .text(totalDifference.bracket(digits: 1))])
    dilemma.append([.text("lone greedy player's own return (eq. 2) − its return when restrained"), .real(loneGain.estimate, digits: 2), .text(loneGain.bracket(digits: 2))])
    dilemma.append([.text("lone greedy player's apples − its apples when restrained"), .real(loneApplesGain.estimate, digits: 2), .text(loneApplesGain.bracket(digits: 2))])
    dilemma.append([.text("each other player's apples: with the lone greedy − without"), .real(othersLoss.estimate, digits: 2), .text(othersLoss.bracket(digits: 2))])

    var horizonTable = Table(id: "sed.commons.horizons", title: "The lone greedy player's apples minus its apples when restrained, by horizon (paired by orchard)",
                             columns: ["horizon (steps)", "gain in apples", "95% interval"])
    let checkpoints = Self.horizons.filter { $0 < steps } + [steps]
    for (c, horizon) in checkpoints.enumerated() {
      let gain = try ConfidenceInterval.meanOrPoint(of: zip(loneRuns, restrained).map { $0.applesAt[c][lone] - $1.applesAt[c][lone] })
      horizonTable.append([.integer(horizon), .real(gain.estimate, digits: 2), .text(gain.bracket(digits: 2))])
    }

    // Does a tax take the gain away? The same orchards re-played under schedules (trajectories do
    // not depend on the rates within a round, so only the settlement differs).
    let schedules: [(String, [Double])] = [("no tax", [0, 0, 0]), ("U.S.-like (0.1, 0.25, 0.37)", [0.1, 0.25, 0.37]), ("(0, 0.6, 1)", [0, 0.6, 1]), ("flat 1", [1, 1, 1])]
    var taxTable = Table(id: "sed.commons.tax", title: "The lone greedy player's gain in its own return under fixed schedules (same orchards)",
                         columns: ["schedule", "gain", "95% interval"])
    for (name, rates) in schedules {
      let with = try context.replicates(replicates, stream: "orchard") { _, random in
        try Self.play(populations[3], configuration: configuration, rounds: rounds, rates: rates, random).mixed[lone]
      }
      let without = try context.replicates(replicates, stream: "orchard") { _, random in
        try Self.play(populations[2], configuration: configuration, rounds: rounds, rates: rates, random).mixed[lone]
      }
      let gain = try ConfidenceInterval.meanOrPoint(of: zip(with, without).map { $0 - $1 })
      taxTable.append([.text(name), .real(gain.estimate, digits: 2), .text(gain.bracket(digits: 2))])
    }

    let dilemmaHolds = greedyDepleted >= 0.9 && restrainedDepleted <= 0.1 && totalDifference.lower > 0 && loneGain.lower > 0
    let dilemmaEvidence = Evidence(
      summary: "Greedy populations ran the orchard dry in \(DecimalFormat.fixed(100 * greedyDepleted, digits: 0))% of orchards, restrained ones (k = \(k)) in \(DecimalFormat.fixed(100 * restrainedDepleted, digits: 0))%; restraint harvested \(DecimalFormat.fixed(totalDifference.estimate, digits: 0)) more apples in all (95% \(totalDifference.bracket(digits: 0))); a lone greedy player gained \(DecimalFormat.fixed(loneGain.estimate, digits: 1)) in its own return (95% \(loneGain.bracket(digits: 1))).",
      measurements: [.init("greedy depleted share", greedyDepleted), .init("restrained depleted share", restrainedDepleted),
                     .init("total apples restrained − greedy", lower: totalDifference.lower, upper: totalDifference.upper),
                     .init("lone greedy gain", lower: loneGain.lower, upper: loneGain.upper)],
      tolerance: "greedy depleted ≥ 90%, restrained depleted ≤ 10%, both 95% intervals above 0 (fixed in advance)",
      sampleSize: replicates * populations.count)

    return ExperimentResult(
      tables: [table, dilemma, horizonTable, taxTable, regrowthTable],
      figures: [Figure(id: "sed.commons.live-apples", title: "Live apples over time per population type", svg: chart.svg())],
      claims: [ClaimResult(Self.noRegrowthClaim, .checking(noRegrowth), noRegrowthEvidence),
               ClaimResult(Self.dilemmaClaim, .checking(dilemmaHolds), dilemmaEvidence)])
  }
}
