import LabKit

/// §4 and Definitions 2.4 and 3.2 of Social Environment Design, on a grid of tax schedules: players
/// are trained to each schedule (their learned policy stands for the followers' best response), each
/// voting rule's η picks the schedule it prefers, and the outcome a learning principal reaches with
/// the players is tested as an (ε, δ)-strong Stackelberg-Markov-Nash equilibrium.
///
/// Standards fixed in advance:
/// - `sed.voting`: the implemented f equals the mean of the reported σ on every sampled population
///   (to 1e-12); the other rules are compared on the same populations (no verdict rests on them).
/// - `sed.stackelberg-check`: δ̂ = the largest paired gain of a single player's deviation to another
///   restraint level, ε̂ = the largest paired gain of the objective over the grid schedules (with the
///   players trained to them). Tolerance 5 % (of the player's own return, at least 1 apple, for δ; of
///   the best grid objective for ε). Supported when every 95 % interval lies below its tolerance,
///   refuted when some interval lies above it, inconclusive otherwise.
public struct ScheduleGridExperiment: Experiment {
  public init() {}

  public let id = "sed.schedule-grid"
  public let title = "Voting rules and the (ε, δ)-equilibrium test on a grid of tax schedules"
  public let sections = ["§4", "Definition 2.4", "Definition 3.2"]

  public static let votingClaim = Claim(
    id: "sed.voting", source: "§4", kind: .definition,
    statement: "The social choice function f(σ) = (1/n) Σ_i σ_i sets η, the weight of the utilitarian part of the objective.")
  public static let equilibriumClaim = Claim(
    id: "sed.stackelberg-check", source: "Definition 2.4", kind: .conjecture,
    statement: "The learned (principal, players) outcome is an (ε, δ)-strong Stackelberg-Markov-Nash equilibrium for small ε and δ.")

  public var claims: [Claim] { [Self.votingClaim, Self.equilibriumClaim] }

  public var parameters: [Parameter] {
    [
      Parameter("populations", "Populations (types) studied.", domain: .integer(1...1000), smoke: .integer(1), standard: .integer(2), paper: .integer(8)),
      Parameter("gridLevels", "Rate levels per bracket of the schedule grid (levels^3 schedules).", domain: .integer(2...11),
                smoke: .integer(2), standard: .integer(3), paper: .integer(5)),
      Parameter("trainingRounds", "Rounds the players train on each schedule.", domain: .integer(1...1_000_000),
                smoke: .integer(8), standard: .integer(120), paper: .integer(5000)),
      Parameter("principalRounds", "Rounds the REINFORCE principal and the players train together (the first quarter is phase 1, the next quarter anneals).",
                domain: .integer(4...1_000_000), smoke: .integer(16), standard: .integer(300), paper: .integer(20_000)),
      Parameter("evaluationEpisodes", "Rounds from a fresh orchard per evaluation, common random numbers across profiles.", domain: .integer(2...100_000),
                smoke: .integer(3), standard: .integer(16), paper: .integer(200)),
      Parameter("votePopulations", "Sampled populations for the comparison of voting rules.", domain: .integer(1...10_000_000),
                smoke: .integer(100), standard: .integer(5000), paper: .integer(100_000)),
      Parameter("principalLearningRate", "REINFORCE principal's step size.", domain: .real(0.0001...100), default: .real(0.5)),
    ] + Support.gameParameters()
  }

  /// Per-episode outcome of one (schedule, restraint profile).
  struct Evaluation: Sendable {
    var apples: [[Double]]
    var mixed: [[Double]]
    func objective(_ eta: Double) -> [Double] { apples.map { WelfareObjective.interpolation(eta: eta).value($0) } }
    var gini: Double { Support.average(apples.map(SocialOutcomeMetrics.gini)) }
    var sustainability: Double
  }

  static func evaluate(_ configuration: AppleGameConfiguration, types: [PlayerType], schedule: [Double], restraint: [Int], episodes: Int,
                       context: RunContext, population: Int) throws -> Evaluation {
    var out = Evaluation(apples: [], mixed: [], sustainability: 0)
    var s = 0.0
    for e in 0..<episodes {
      let random = context.random(stream: "evaluation-\(population)", replicate: e)
      let game = try ApplePickingGame(configuration: configuration, types: types)
      let o = game.playRound(restraint: restraint, random) { _ in schedule }
      out.apples.append(o.apples)
      out.mixed.append(o.mixedReturn)
      s += SocialOutcomeMetrics.sustainability(rewardTimeSums: o.rewardTimeSums, rewardCounts: o.rewardCounts, steps: configuration.roundLength)
    }
    out.sustainability = s / Double(episodes)
    return out
  }

  public func simulate(in context: RunContext) throws -> ExperimentResult {
    let p = context.parameters
    let populations = p.integer("populations")
    let levelCount = p.integer("gridLevels")
    let levels = (0..<levelCount).map { Double($0) / Double(levelCount - 1) }
    var gridBuilder: [[Double]] = [[]]
    for _ in 0..<3 { gridBuilder = gridBuilder.flatMap { a in levels.map { a + [$0] } } }
    let grid = gridBuilder
    let episodes = p.integer("evaluationEpisodes")
    let configuration = Support.configuration(p)
    let n = configuration.agentCount
    let maximumRestraint = p.integer("maximumRestraint")
    let trainingSchedule = try Support.schedule(p, rounds: p.integer("trainingRounds"), phaseOne: 0, anneal: 0, annealing: .none)
    let principalRounds = p.integer("principalRounds")
    let principalSchedule = try Support.schedule(p, rounds: principalRounds, phaseOne: principalRounds / 4, anneal: principalRounds / 4)
    let typesOf = (0..<populations).map { PlayerType.uniform(n, context.random(stream: "types", replicate: $0)) }

    // sed.voting on many sampled populations.
    let votePopulations = p.integer("votePopulations")
    let voteRandom = context.random(stream: "votes")
    var largestMeanError = 0.0
    var etaSums = [[Double]](repeating: [0, 0], count: VotingRule.allCases.count)
    var manipulable = [Int](repeating: 0, count: VotingRule.allCases.count)
    var distanceToMean = [Double](repeating: 0, count: VotingRule.allCases.count)
    for _ in 0..<votePopulations {
      let sigma = (0..<n).map { _ in voteRandom.uniform() }
      let codeVotes = (0..<n).map { _ in voteRandom.uniform() }
      let meanSigma = sigma.reduce(0, +) / Double(n)
      for (r, rule) in VotingRule.allCases.enumerated() {
        let truthful = try rule.eta(reports: sigma, codeVotes: codeVotes)
        let strategic = try rule.eta(reports: try rule.reports(selfishness: sigma, reporting: .strategic, codeVotes: codeVotes), codeVotes: codeVotes)
        if rule == .meanSelfishness { largestMeanError = max(largestMeanError, abs(truthful - meanSigma)) }
        etaSums[r][0] += truthful
        etaSums[r][1] += strategic
        distanceToMean[r] += abs(truthful - meanSigma)
        if try rule.manipulators(selfishness: sigma, codeVotes: codeVotes) > 0 { manipulable[r] += 1 }
      }
    }
    var votingTable = Table(id: "sed.schedule-grid.voting", title: "Voting rules on \(votePopulations) sampled populations of 7 (σ ~ U[0, 1])",
                            columns: ["rule", "mean η, truthful", "mean η, strategic reports", "mean |η − mean σ|", "populations where someone gains by misreporting"])
    for (r, rule) in VotingRule.allCases.enumerated() {
      votingTable.append([.text(rule.rawValue), .real(etaSums[r][0] / Double(votePopulations), digits: 3), .real(etaSums[r][1] / Double(votePopulations), digits: 3),
                          .real(distanceToMean[r] / Double(votePopulations), digits: 3),
                          .text("\(DecimalFormat.fixed(100 * Double(manipulable[r]) / Double(votePopulations), digits: 1))%")])
    }

    // Players trained to every grid schedule, per population; then evaluated.
    let gridJobs = (0..<populations).flatMap { pop in grid.indices.map { (population: pop, schedule: $0) } }
    let gridResults = try context.map(gridJobs, stream: "unused", label: "\(id): \(gridJobs.count) schedules") { _, job, _ in
      let types = typesOf[job.population]
      let game = try ApplePickingGame(configuration: configuration, types: types)
      let result = try OnlineTraining.run(game: game, schedule: trainingSchedule, principal: FixedPrincipal(grid[job.schedule], name: "grid"),
                                          context.random(stream: "grid-training-\(job.population)", replicate: job.schedule))
      let restraint = result.learners.map(\.mode)
      return (restraint: restraint, evaluation: try Self.evaluate(configuration, types: types, schedule: grid[job.schedule], restraint: restraint,
                                                                   episodes: episodes, context: context, population: job.population))
    }
    @Sendable func gridResult(_ pop: Int, _ g: Int) -> (restraint: [Int], evaluation: Evaluation) { gridResults[pop * grid.count + g] }

    // Each rule's choice on the grid (population 0 in the figure; all populations in the table).
    var ruleTable = Table(id: "sed.schedule-grid.rules", title: "The schedule each rule's η prefers on the grid, and its outcome (players trained to it)",
                          columns: ["population", "rule", "η", "schedule", "O_η", "Gini", "sustainability"])
    var giniBars: [Double] = [], sustainabilityBars: [Double] = []
    for pop in 0..<populations {
      let sigma = typesOf[pop].map(\.selfishness)
      let codeVotes = (0..<n).map { _ in context.random(stream: "code-votes", replicate: pop).uniform() }
      for rule in VotingRule.allCases {
        let eta = try rule.eta(reports: sigma, codeVotes: codeVotes)
        let best = grid.indices.max { Support.average(gridResult(pop, $0).evaluation.objective(eta)) < Support.average(gridResult(pop, $1).evaluation.objective(eta)) }!
        let e = gridResult(pop, best).evaluation
        ruleTable.append([.integer(pop), .text(rule.rawValue), .real(eta, digits: 3), .text(grid[best].map { DecimalFormat.fixed($0, digits: 2) }.joined(separator: ", ")),
                          .real(Support.average(e.objective(eta)), digits: 1), .real(e.gini, digits: 3), .real(e.sustainability, digits: 0)])
        if pop == 0 { giniBars.append(e.gini); sustainabilityBars.append(e.sustainability / Double(configuration.roundLength)) }
      }
    }
    var bars = BarChart(title: "Outcome of each voting rule's preferred schedule (population 0)", categories: VotingRule.allCases.map(\.rawValue),
                        xLabel: "voting rule", y: Axis(label: "value", range: 0...1))
    bars.bars("Gini", giniBars)
    bars.bars("sustainability / round length", sustainabilityBars)

    // The learned outcome and its deviation gains.
    struct Check: Sendable { var epsilon: ConfidenceInterval; var epsilonTolerance: Double; var deltas: [(ConfidenceInterval, Double)]; var phi: [Double]; var restraint: [Int]; var value: Double }
    let checks = try context.map(Array(0..<populations), stream: "unused", label: "\(id): equilibrium test") { _, pop, _ in
      let types = typesOf[pop]
      let eta = try VotingRule.meanSelfishness.eta(reports: types.map(\.selfishness))
      let game = try ApplePickingGame(configuration: configuration, types: types)
      let trained = try OnlineTraining.run(game: game, schedule: principalSchedule, principal: BracketReinforcePrincipal(learningRate: p.real("principalLearningRate")),
                                           context.random(stream: "principal-training", replicate: pop))
      let principal = trained.principal as! BracketReinforcePrincipal
      let phi = principal.logits.map { l in RateGrid.levels[l.indices.max { (l[$0], -$0) < (l[$1], -$1) }!] }
      let restraint = trained.learners.map(\.mode)
      let base = try Self.evaluate(configuration, types: types, schedule: phi, restraint: restraint, episodes: episodes, context: context, population: pop)
      let baseObjective = base.objective(eta)
      var deltas: [(ConfidenceInterval, Double)] = []
      for i in 0..<n {
        let own = Support.average(base.mixed.map { $0[i] })
        for k in 0...maximumRestraint where k != restraint[i] {
          var alternative = restraint
          alternative[i] = k
          let d = try Self.evaluate(configuration, types: types, schedule: phi, restraint: alternative, episodes: episodes, context: context, population: pop)
          deltas.append((try ConfidenceInterval.meanOrPoint(of: zip(d.mixed, base.mixed).map { $0[i] - $1[i] }), 0.05 * max(abs(own), 1)))
        }
      }
      var bestGain: ConfidenceInterval?
      var bestValue = -Double.infinity
      for g in grid.indices {
        let o = gridResult(pop, g).evaluation.objective(eta)
        bestValue = max(bestValue, Support.average(o))
        let gain = try ConfidenceInterval.meanOrPoint(of: zip(o, baseObjective).map { $0 - $1 })
        if bestGain == nil || gain.estimate > bestGain!.estimate { bestGain = gain }
      }
      return Check(epsilon: bestGain!, epsilonTolerance: 0.05 * max(abs(bestValue), 1), deltas: deltas, phi: phi, restraint: restraint, value: Support.average(baseObjective))
    }
    var equilibriumTable = Table(id: "sed.schedule-grid.equilibrium", title: "The learned outcome's deviation gains (paired over \(episodes) evaluation rounds)",
                                 columns: ["population", "φ*", "players' k*", "O_η(φ*, π*)", "ε̂ (best grid schedule)", "95% interval", "ε tolerance", "δ̂ (best single deviation)", "95% interval", "deviations above tolerance"])
    var anyAbove = false, allBelow = true
    for (pop, c) in checks.enumerated() {
      let worst = c.deltas.max { $0.0.estimate < $1.0.estimate }!
      let above = c.deltas.filter { $0.0.lower > $0.1 }.count
      let epsilonAbove = c.epsilon.lower > c.epsilonTolerance
      anyAbove = anyAbove || above > 0 || epsilonAbove
      allBelow = allBelow && c.deltas.allSatisfy { $0.0.upper <= $0.1 } && c.epsilon.upper <= c.epsilonTolerance
      equilibriumTable.append([.integer(pop), .text(c.phi.map { DecimalFormat.fixed($0, digits: 1) }.joined(separator: ", ")),
                               .text(c.restraint.map(String.init).joined(separator: " ")), .real(c.value, digits: 1),
                               .real(max(0, c.epsilon.estimate), digits: 1), .text(c.epsilon.bracket(digits: 1)), .real(c.epsilonTolerance, digits: 1),
                               .real(max(0, worst.0.estimate), digits: 2), .text(worst.0.bracket(digits: 2)), .text("\(above) of \(c.deltas.count)")])
    }
    let verdict: Verdict = anyAbove ? .refuted : (allBelow ? .supported : .inconclusive)
    let first = checks[0]
    let firstWorst = first.deltas.max { $0.0.estimate < $1.0.estimate }!.0
    let equilibriumEvidence = Evidence(
      summary: "Population 0: ε̂ = \(DecimalFormat.fixed(max(0, first.epsilon.estimate), digits: 1)) (95% \(first.epsilon.bracket(digits: 1)), tolerance \(DecimalFormat.fixed(first.epsilonTolerance, digits: 1))), δ̂ = \(DecimalFormat.fixed(max(0, firstWorst.estimate), digits: 2)) (95% \(firstWorst.bracket(digits: 2))); across \(populations) population(s) some interval lies above its tolerance: \(anyAbove ? "yes" : "no").",
      measurements: [.init("epsilon (population 0)", max(0, first.epsilon.estimate)), .init("delta (population 0)", max(0, firstWorst.estimate)),
                     .init("some gain above tolerance", anyAbove)],
      tolerance: "5% of the best grid objective (ε) and of each player's return, at least 1 (δ); 95% paired t-intervals",
      sampleSize: populations * episodes)
    let votingEvidence = Evidence(
      summary: "f = mean σ on \(votePopulations) sampled populations: largest |η − mean σ| = \(DecimalFormat.compact(largestMeanError)). Truthful mean η: mean rule \(DecimalFormat.fixed(etaSums[0][0] / Double(votePopulations), digits: 3)), median \(DecimalFormat.fixed(etaSums[1][0] / Double(votePopulations), digits: 3)), Borda \(DecimalFormat.fixed(etaSums[2][0] / Double(votePopulations), digits: 3)), code majority \(DecimalFormat.fixed(etaSums[3][0] / Double(votePopulations), digits: 3)); someone gains by misreporting under the mean rule in \(DecimalFormat.fixed(100 * Double(manipulable[0]) / Double(votePopulations), digits: 1))% of populations, under the median in \(DecimalFormat.fixed(100 * Double(manipulable[1]) / Double(votePopulations), digits: 1))%.",
      measurements: [.init("largest |η − mean σ|", largestMeanError), .init("mean rule manipulable share", Double(manipulable[0]) / Double(votePopulations)),
                     .init("median rule manipulable share", Double(manipulable[1]) / Double(votePopulations))],
      tolerance: "|η − mean σ| ≤ 1e-12", sampleSize: votePopulations)
    return ExperimentResult(
      tables: [votingTable, ruleTable, equilibriumTable],
      figures: [Figure(id: "sed.schedule-grid.gini-sustainability", title: "Gini and sustainability per voting rule", svg: bars.svg())],
      claims: [ClaimResult(Self.votingClaim, .checking(largestMeanError <= 1e-12), votingEvidence),
               ClaimResult(Self.equilibriumClaim, verdict, equilibriumEvidence)])
  }
}
