import LabKit

/// §4 and Definitions 2.4 and 3.2 of Social Environment Design, on a grid of tax schedules: players
/// are trained to each schedule (their learned policy stands for the followers' best response), each
/// voting rule's η picks the schedule it prefers, and the outcome a learning principal reaches with
/// the players is tested as an (ε, δ)-strong Stackelberg-Markov-Nash equilibrium.
///
/// Standards fixed in advance:
/// - `sed.voting` (consistency): the implemented f equals the mean of the reported σ on every sampled
///   population (to 1e-12); the other rules are compared on the same populations (no verdict rests on
///   them). Control: the same check on the median rule, a wrong f.
/// - `sed.stackelberg-check` (empirical; the module's own conjecture, not a statement of the text):
///   δ̂ = the largest paired gain of a single player's deviation to another restraint level, ε̂ = the
///   largest paired gain of the objective over the grid schedules (with the players trained to them).
///   Tolerance 5 % (of the player's own return, at least 1 apple, for δ; of the best grid objective for
///   ε). Holds when every 95 % interval lies below its tolerance, fails when some interval lies above
///   it, inconclusive otherwise (Holm-corrected one-sided tests). Control: a planted equilibrium, the
///   whole test (training to every schedule, the principal, every deviation) repeated in a barren
///   orchard, the map without apple cells, where every gain is exactly 0: the check must hold there,
///   so a failure is the learned outcome's, not the test's.
struct ScheduleGridExperiment: Experiment {
  static let populations = ParameterKey<Int>("populations")
  static let gridLevels = ParameterKey<Int>("gridLevels")
  static let trainingRounds = ParameterKey<Int>("trainingRounds")
  static let principalRounds = ParameterKey<Int>("principalRounds")
  static let evaluationEpisodes = ParameterKey<Int>("evaluationEpisodes")
  static let votePopulations = ParameterKey<Int>("votePopulations")
  static let principalLearningRate = ParameterKey<Double>("principalLearningRate")

  let id = "sed.schedule-grid"
  let title = "Voting rules and the (ε, δ)-equilibrium test on a grid of tax schedules"
  let sections = ["§4", "Definition 2.4", "Definition 3.2"]

  static let votingClaim = Claim(
    id: "sed.voting", source: "§4", kind: .definition,
    statement: "The social choice function f(σ) = (1/n) Σ_i σ_i sets η, the weight of the utilitarian part of the objective.",
    class: .consistency(
      because:
        "it is the definition of f in §4; the check compares the implemented rule with the mean of the reports, so it can fail only through a bug"),
    control: Control("a wrong social choice function: the median of the reports in place of their mean"))
  static let equilibriumClaim = Claim(
    id: "sed.stackelberg-check", source: "Definition 2.4 (the module's own conjecture)", kind: .conjecture,
    statement: "The learned (principal, players) outcome is an (ε, δ)-strong Stackelberg-Markov-Nash equilibrium for small ε and δ.",
    class: .empirical,
    control: Control(
      "a planted equilibrium: the same test in a barren orchard (the map without apple cells), where every profile and schedule gives every player 0 apples, so every gain is 0 and the check must hold",
      expected: .holds))

  var claims: [Claim] { [Self.votingClaim, Self.equilibriumClaim] }

  var parameters: [Parameter] {
    [
      Parameter(Self.populations, "Populations (types) studied.", domain: .integer(1...1000), smoke: 1, standard: 2, paper: 8),
      Parameter(
        Self.gridLevels, "Rate levels per bracket of the schedule grid (levels^3 schedules).", domain: .integer(2...11), smoke: 2, standard: 3,
        paper: 5),
      Parameter(
        Self.trainingRounds, "Rounds the players train on each schedule.", domain: .integer(1...1_000_000), smoke: 4, standard: 40, paper: 5000),
      Parameter(
        Self.principalRounds,
        "Rounds the REINFORCE principal and the players train together (the first quarter is phase 1, the next quarter anneals).",
        domain: .integer(4...1_000_000), smoke: 8, standard: 80, paper: 20_000),
      Parameter(
        Self.evaluationEpisodes, "Rounds from a fresh orchard per evaluation, common random numbers across profiles.", domain: .integer(2...100_000),
        smoke: 3, standard: 10, paper: 200),
      Parameter(
        Self.votePopulations, "Sampled populations for the comparison of voting rules.", domain: .integer(1...10_000_000), smoke: 100, standard: 5000,
        paper: 100_000),
      Parameter(Self.principalLearningRate, "REINFORCE principal's step size.", domain: .real(0.0001...100), default: 0.5),
    ] + Support.gameParameters()
  }

  /// Per-episode outcome of one (schedule, restraint profile).
  struct Evaluation: Sendable {
    var apples: [[Double]]
    var mixed: [[Double]]
    var sustainability: Double
    func objective(_ eta: Double) -> [Double] { apples.map { WelfareObjective.interpolation(eta: eta).value($0) } }
    var gini: Double { Support.average(apples.map(SocialOutcomeMetrics.gini)) }
  }

  /// The voting rules on sampled populations.
  struct Votes: Sendable {
    var count: Int
    var largestMeanError: Double
    /// The control: |η − mean σ| of the median rule.
    var largestMedianError: Double
    var truthful: [Double], strategic: [Double], distanceToMean: [Double], manipulable: [Double]
  }

  /// One population's learned outcome and its deviation gains.
  /// One population's equilibrium test. The best grid schedule is selected on the first half of the
  /// evaluation rounds; every gain (ε of the selected schedule, δ of every single deviation) is
  /// estimated on the second half only, so the selection does not bias the estimate.
  struct Check: Sendable {
    var epsilon: ConfidenceInterval
    /// The selected schedule's paired objective gains on the estimation half.
    var epsilonSample: [Double]
    var epsilonTolerance: Double
    var deltas: [ConfidenceInterval]
    var deltaSamples: [[Double]]
    var deltaTolerances: [Double]
    var phi: [Double]
    var restraint: [Int]
    var value: Double
  }

  struct GridPoint: Sendable { var restraint: [Int]; var evaluation: Evaluation }

  struct Outcome: Sendable {
    var votes: Votes
    var grid: [[Double]]
    /// points[population][schedule]
    var points: [[GridPoint]]
    var types: [[PlayerType]]
    var checks: [Check]
    /// The same test in the barren orchard (the control), where every gain is 0.
    var controlChecks: [Check]
    var episodes: Int
    var roundLength: Int
  }

  static func evaluate(
    _ configuration: AppleGameConfiguration, types: [PlayerType], schedule: [Double], restraint: [Int], episodes: Int,
    context: RunContext, population: Int
  ) throws -> Evaluation {
    var out = Evaluation(apples: [], mixed: [], sustainability: 0)
    var s = 0.0
    for e in 0..<episodes {
      let random = context.random(stream: "evaluation-\(population)", replicate: e)
      let o = try ApplePickingGame(configuration: configuration, types: types).playRound(restraint: restraint, random) { _ in schedule }
      out.apples.append(o.apples)
      out.mixed.append(o.mixedReturn)
      s += SocialOutcomeMetrics.sustainability(rewardTimeSums: o.rewardTimeSums, rewardCounts: o.rewardCounts, steps: configuration.roundLength)
    }
    out.sustainability = s / Double(episodes)
    return out
  }

  static func votes(count: Int, n: Int, _ random: Random) throws -> Votes {
    let rules = VotingRule.allCases
    var v = Votes(
      count: count, largestMeanError: 0, largestMedianError: 0, truthful: Array(repeating: 0, count: rules.count),
      strategic: Array(repeating: 0, count: rules.count),
      distanceToMean: Array(repeating: 0, count: rules.count), manipulable: Array(repeating: 0, count: rules.count))
    for _ in 0..<count {
      let sigma = (0..<n).map { _ in random.uniform() }
      let codeVotes = (0..<n).map { _ in random.uniform() }
      let meanSigma = sigma.reduce(0, +) / Double(n)  // computed apart from the rule, on purpose: the check compares the two
      for (r, rule) in rules.enumerated() {
        let truthful = try rule.eta(reports: sigma, codeVotes: codeVotes)
        let strategic = try rule.eta(reports: try rule.reports(selfishness: sigma, reporting: .strategic, codeVotes: codeVotes), codeVotes: codeVotes)
        if rule == .meanSelfishness { v.largestMeanError = max(v.largestMeanError, abs(truthful - meanSigma)) }
        if rule == .medianSelfishness { v.largestMedianError = max(v.largestMedianError, abs(truthful - meanSigma)) }
        v.truthful[r] += truthful / Double(count)
        v.strategic[r] += strategic / Double(count)
        v.distanceToMean[r] += abs(truthful - meanSigma) / Double(count)
        if try rule.manipulators(selfishness: sigma, codeVotes: codeVotes) > 0 { v.manipulable[r] += 1 / Double(count) }
      }
    }
    return v
  }

  func simulate(in context: RunContext) throws -> Outcome {
    let p = context.parameters
    let levels = (0..<p[Self.gridLevels]).map { Double($0) / Double(p[Self.gridLevels] - 1) }
    var grid: [[Double]] = [[]]
    for _ in 0..<3 { grid = grid.flatMap { a in levels.map { a + [$0] } } }
    let configuration = Support.configuration(p)
    let n = configuration.agentCount
    let types = (0..<p[Self.populations]).map { PlayerType.uniform(n, context.random(stream: "types", replicate: $0)) }
    let votes = try Self.votes(count: p[Self.votePopulations], n: n, context.random(stream: "votes"))
    let (points, checks) = try equilibriumTests(grid: grid, types: types, configuration: configuration, context: context, label: "")
    var barren = configuration
    barren.map = try configuration.map.withoutApples()
    let (_, controlChecks) = try equilibriumTests(grid: grid, types: types, configuration: barren, context: context, label: " (control)")
    return Outcome(
      votes: votes, grid: grid, points: points, types: types, checks: checks, controlChecks: controlChecks, episodes: p[Self.evaluationEpisodes],
      roundLength: configuration.roundLength)
  }

  /// Players trained to every grid schedule for every population, then each population's equilibrium test.
  func equilibriumTests(
    grid: [[Double]], types: [[PlayerType]], configuration: AppleGameConfiguration, context: RunContext, label: String
  ) throws -> (points: [[GridPoint]], checks: [Check]) {
    let p = context.parameters
    let episodes = p[Self.evaluationEpisodes]
    let trainingSchedule = try Support.schedule(p, rounds: p[Self.trainingRounds], phaseOne: 0, anneal: 0, annealing: .none)
    let jobs = types.indices.flatMap { pop in grid.indices.map { (population: pop, schedule: $0) } }
    let flat = try context.map(jobs, stream: "unused", label: "\(id): \(jobs.count) schedules\(label)") { _, job, _ in
      let game = try ApplePickingGame(configuration: configuration, types: types[job.population])
      let result = try OnlineTraining.run(
        game: game, schedule: trainingSchedule, principal: FixedPrincipal(grid[job.schedule], name: "grid"),
        context.random(stream: "grid-training-\(job.population)", replicate: job.schedule))
      let restraint = result.learners.map(\.mode)
      return GridPoint(
        restraint: restraint,
        evaluation: try Self.evaluate(
          configuration, types: types[job.population], schedule: grid[job.schedule],
          restraint: restraint, episodes: episodes, context: context, population: job.population))
    }
    let points = types.indices.map { pop in Array(flat[pop * grid.count..<(pop + 1) * grid.count]) }
    let checks = try context.map(Array(types.indices), stream: "unused", label: "\(id): equilibrium test\(label)") { _, pop, _ in
      try Self.equilibrium(population: pop, types: types[pop], points: points[pop], configuration: configuration, context: context)
    }
    return (points, checks)
  }

  /// Trains the REINFORCE principal with the players, then measures every single deviation and the best grid schedule's gain.
  static func equilibrium(
    population pop: Int, types: [PlayerType], points: [GridPoint], configuration: AppleGameConfiguration, context: RunContext
  ) throws -> Check {
    let p = context.parameters
    let rounds = p[principalRounds], episodes = p[evaluationEpisodes]
    let eta = try VotingRule.meanSelfishness.eta(reports: types.map(\.selfishness))
    let trained = try OnlineTraining.run(
      game: try ApplePickingGame(configuration: configuration, types: types),
      schedule: try Support.schedule(p, rounds: rounds, phaseOne: rounds / 4, anneal: rounds / 4),
      principal: BracketReinforcePrincipal(learningRate: p[principalLearningRate]), context.random(stream: "principal-training", replicate: pop))
    let principal = trained.principal as! BracketReinforcePrincipal
    let phi = principal.logits.map { l in RateGrid.levels[l.indices.max { (l[$0], -$0) < (l[$1], -$1) }!] }
    let restraint = trained.learners.map(\.mode)
    let base = try evaluate(configuration, types: types, schedule: phi, restraint: restraint, episodes: episodes, context: context, population: pop)
    let split = episodes / 2
    var deltaSamples: [[Double]] = [], tolerances: [Double] = []
    for i in types.indices {
      for k in 0...p[Support.maximumRestraint] where k != restraint[i] {
        var alternative = restraint
        alternative[i] = k
        let d = try evaluate(
          configuration, types: types, schedule: phi, restraint: alternative, episodes: episodes, context: context, population: pop)
        deltaSamples.append(Array(zip(d.mixed, base.mixed).map { $0[i] - $1[i] }[split...]))
        tolerances.append(0.05 * max(abs(Support.average(base.mixed.map { $0[i] })), 1))
      }
    }
    let baseObjective = base.objective(eta)
    let gains = points.map { zip($0.evaluation.objective(eta), baseObjective).map { $0 - $1 } }
    // Selection on the first half, estimation on the second.
    let best = gains.indices.max { (Support.average(Array(gains[$0][..<split])), -$0) < (Support.average(Array(gains[$1][..<split])), -$1) }!
    let epsilonSample = Array(gains[best][split...])
    let bestValue = Support.average(Array(points[best].evaluation.objective(eta)[..<split]))
    return Check(
      epsilon: try ConfidenceInterval.meanOrPoint(of: epsilonSample), epsilonSample: epsilonSample,
      epsilonTolerance: 0.05 * max(abs(bestValue), 1), deltas: try deltaSamples.map { try ConfidenceInterval.meanOrPoint(of: $0) },
      deltaSamples: deltaSamples, deltaTolerances: tolerances, phi: phi, restraint: restraint, value: Support.average(baseObjective))
  }
}
