import LabKit

/// §2.1 of Numerical Politics, checked: memoryless Q-learners and the dilemma.
///
/// The text's equilibrium algebra: at a fixed point of Q-learning, Q_t = 3P(t) + γ max(Q_t, Q_s) and
/// Q_s = 4P(t) + P(s) + γ max(Q_t, Q_s), where P(t) and P(s) are the probabilities that the other agent
/// trades or steals, so Q_s − Q_t = P(t) + P(s) = 1 whatever the other agent does (the text writes r for
/// the discount γ). From this the text concludes that a memoryless Q-learner always learns to steal and
/// that a society of them ends with average wellbeing 1.
///
/// Three claims, because they are different statements:
/// - ``qDifferenceClaim``, the algebra: one learner against opponents that trade with fixed
///   probabilities 0, 0.25, 0.5, 0.75, 1, with a constant exploration rate so that an equilibrium
///   exists; the time average of Q_s − Q_t over the second half of the run must be within `tolerance`
///   of 1 for every opponent.
/// - ``stealClaim``, the population: learners meeting in random pairs must all end greedy on steal,
///   with the wellbeing of the last window within 0.01 of 1.
/// - ``stealPairClaim``, an isolated pair that starts greedy on trade (the hard case): the same test.
///
/// The dynamic claims are judged over the readings the text leaves open (learning-rate schedule,
/// discount, exploration schedule), one at a time around the book-era code. The standards were fixed
/// before the results were seen.
struct ZeroMemoryExperiment: Experiment {
  /// How ε evolves.
  enum ExplorationSchedule: String, ParameterChoice {
    /// ε ← ε · decay before every decision, with no floor (book-era commit 02526bb).
    case decaying
    /// The same, stopping at `explorationFloor` (code from f4d8200 on: 0.0025).
    case floored
  }

  /// What one cell's simulation returns.
  struct Outcome: Sendable {
    /// Pairs from each start (all three in the base cell; only the trade start in grid cells).
    var pairs: [(start: ZeroMemorySociety.InitialGreedy, runs: [ZeroMemorySociety.Outcome])] = []
    var population: [ZeroMemorySociety.Outcome] = []
    var populationSize = 0
    var opponents: [OpponentSummary] = []
    /// The negative controls (base cell only): the same checks with a payoff table in which trade
    /// dominates, and the fixed-opponent check with a temptation of 5.
    var controlPairs: [ZeroMemorySociety.Outcome] = []
    var controlPopulation: [ZeroMemorySociety.Outcome] = []
    var controlOpponents: [OpponentSummary] = []
    var exploration = 0.0
    var encounters = 0
    var opponentEncounters = 0
    var replicates = 0
  }

  static let populationSize = ParameterKey<Int>("populationSize")
  static let encountersPerAgent = ParameterKey<Int>("encountersPerAgent")
  static let opponentEncounters = ParameterKey<Int>("opponentEncounters")
  static let replicates = ParameterKey<Int>("replicates")
  static let populationReplicates = ParameterKey<Int>("populationReplicates")
  static let learningRate = ParameterKey<Double>("learningRate")
  static let schedule = ParameterKey<LearningRateSchedule>("learningRateSchedule")
  static let discount = ParameterKey<Double>("discount")
  static let initialQ = ParameterKey<Double>("initialQ")
  static let initialGreedy = ParameterKey<ZeroMemorySociety.InitialGreedy>("initialGreedy")
  static let initialExploration = ParameterKey<Double>("initialExploration")
  static let explorationDecay = ParameterKey<Double>("explorationDecay")
  static let explorationSchedule = ParameterKey<ExplorationSchedule>("explorationSchedule")
  static let explorationFloor = ParameterKey<Double>("explorationFloor")
  static let equilibriumExploration = ParameterKey<Double>("equilibriumExploration")
  static let checkpoints = ParameterKey<Int>("checkpoints")
  static let tolerance = ParameterKey<Double>("tolerance")

  let id = "np.zero-memory"
  let title = "Zero-memory Q-learning agents and the sugar-and-spice dilemma"
  let sections = ["§2.1", "Table 2.1"]

  /// Table 2.1 with the rewards of trading and stealing exchanged (own trade: 4, 1; own steal: 3, 0),
  /// so that trading dominates: the control under which no learner may end stealing.
  static let tradeDominant = [4.0, 1, 3, 0]
  /// Table 2.1 with a temptation of 5: Q_s − Q_t = 2P(t) + P(s) = 1 + P(t), not 1.
  static let temptationFive = [3.0, 0, 5, 1]

  static let qDifferenceClaim = Claim(
    id: "np.zero-memory.q-difference", source: "§2.1", kind: .claim,
    statement:
      "At equilibrium Q_t = 3P(t) + r max(Q_t, Q_s) and Q_s = 4P(t) + P(s) + r max(Q_t, Q_s), so Q_s − Q_t = P(t) + P(s) = 1 and Q_s > Q_t irrespective of the other agent's behaviour.",
    class: .empirical, control: Control("the same learners with a temptation of 5 instead of 4 (then Q_s − Q_t = 1 + P(t))"),
    readings: [schedule.erased, discount.erased], design: .oneAtATime)

  static let stealClaim = Claim(
    id: "np.zero-memory.steal", source: "§2.1", kind: .claim,
    statement:
      "A society of zero memory Q-learning agents meeting in random pairs: every agent learns to steal, and the average wellbeing is 1, much worse than in a trading society.",
    class: .empirical, control: Control("the same society with the rewards of trading and stealing exchanged, so that trading dominates"),
    readings: [schedule.erased, discount.erased, explorationSchedule.erased], design: .oneAtATime)

  static let stealPairClaim = Claim(
    id: "np.zero-memory.steal-pair", source: "§2.1", kind: .claim,
    statement:
      "A zero memory Q-learning agent will always learn to steal: an isolated pair of them that starts greedy on trade ends with both stealing and average wellbeing 1.",
    class: .empirical, control: Control("the same pair with the rewards of trading and stealing exchanged, so that trading dominates"),
    readings: [schedule.erased, discount.erased, explorationSchedule.erased], design: .oneAtATime)

  var claims: [Claim] { [Self.qDifferenceClaim, Self.stealClaim, Self.stealPairClaim] }

  var parameters: [Parameter] {
    [
      Parameter(
        Self.populationSize, "Agents in the population setting (the text gives no number).", domain: .integer(3...100_000), smoke: 4, standard: 10,
        paper: 20),
      Parameter(
        Self.encountersPerAgent, "Encounters each agent takes part in (on average, in the population).", domain: .integer(100...2_000_000_000),
        smoke: 200_000, standard: 5_000_000, paper: 50_000_000),
      Parameter(
        Self.opponentEncounters,
        "Encounters of the learner against each fixed opponent (the relaxation time 1/(α(1 − γ)) is 10⁴ at the book's constants).",
        domain: .integer(100...2_000_000_000), smoke: 200_000, standard: 1_000_000, paper: 10_000_000),
      Parameter(
        Self.replicates, "Independent runs of each pair start and of each fixed opponent, in every cell.", domain: .integer(1...10_000), smoke: 2,
        standard: 4, paper: 16),
      Parameter(
        Self.populationReplicates, "Independent runs of the population, in every cell (each is populationSize / 2 times as long as a pair's).",
        domain: .integer(1...10_000), smoke: 2, standard: 2, paper: 8),
      Parameter(
        Self.learningRate, "Learning rate α of the constant schedule (book-era code: 0.01).", domain: .unitInterval(zeroAllowed: false), default: 0.01
      ),
      Parameter(Self.schedule, "How α depends on the number n of updates of (state, action): constant α, 1/n, or 1/n^0.7.", default: .constant),
      Parameter(
        Self.discount, "Discount γ (book-era code: 0.99; the text's r).",
        domain: .real(lower: 0, upper: 1, lowerIncluded: true, upperIncluded: false), default: 0.99),
      Parameter(Self.initialQ, "Every Q value before learning (book-era code: 1.0).", domain: .real(-1e6...1e6), default: 1.0),
      Parameter(
        Self.initialGreedy,
        "Greedy action of the population's agents before learning, a tie-break since both Q values start equal (book-era code: random for new agents). The pair is run from all three starts; its claim is judged from the trade start.",
        default: .random),
      Parameter(
        Self.initialExploration, "Exploration probability ε before the first decision (book-era code: 0.25).", domain: .unitInterval(), default: 0.25),
      Parameter(
        Self.explorationDecay,
        "Factor applied to ε before every decision (book-era code: 0.9999999). Standard scale decays 10 times faster, so that ε ends near 0.002 after 5 million encounters, as the book's value does after 50 million.",
        domain: .unitInterval(zeroAllowed: false), smoke: 0.99998, standard: 0.999999, paper: 0.9999999),
      Parameter(
        Self.explorationSchedule, "Whether ε decays without bound (book commit 02526bb) or stops at explorationFloor (code from f4d8200 on).",
        default: .decaying),
      Parameter(
        Self.explorationFloor, "The floor of the floored exploration schedule (code from f4d8200: 0.0025).", domain: .unitInterval(), default: 0.0025),
      Parameter(
        Self.equilibriumExploration, "Constant ε of the learner against fixed opponents, where the equilibrium algebra is checked.",
        domain: .unitInterval(zeroAllowed: false), default: 0.25),
      Parameter(Self.checkpoints, "Points recorded along each run for the figures.", domain: .integer(2...10_000), default: 60),
      Parameter(
        Self.tolerance, "Largest accepted distance of the mean equilibrium Q_s − Q_t from 1.",
        domain: .real(lower: 0, upper: 10, lowerIncluded: false, upperIncluded: true), default: 0.05),
    ]
  }

  var readings: [Reading] {
    [
      Reading(
        Self.schedule,
        [
          .init(
            LearningRateSchedule.constant, reason: "the book-era code uses a constant α = 0.01",
            source: "danftang/NumericalPolitics c5cd7e0, QTablePolicy.h"),
          .init(
            LearningRateSchedule.harmonic, reason: "α = 1/n is the textbook rate under which Q-learning converges", source: "Watkins and Dayan 1992"),
          .init(LearningRateSchedule.power, reason: "α = 1/n^0.7 also converges, faster than 1/n for γ near 1", source: "Even-Dar and Mansour 2003"),
        ]),
      Reading(
        Self.discount,
        [
          .init(0.99, reason: "the book-era code's discount", source: "danftang/NumericalPolitics c5cd7e0"),
          .init(0.9, reason: "the text leaves r free; a shorter horizon", source: "§2.1 (r unspecified)"),
        ]),
      Reading(
        Self.explorationSchedule,
        [
          .init(
            ExplorationSchedule.decaying, reason: "ε \"reduces exponentially with time\", without a floor", source: "§2.2; book-era commit 02526bb"),
          .init(ExplorationSchedule.floored, reason: "later code stops the decay at 0.0025", source: "danftang/NumericalPolitics f4d8200"),
        ]),
    ]
  }

  func constants(_ p: Parameters) -> QLearningConstants {
    var constants = QLearningConstants(
      learningRate: p[Self.learningRate], discount: p[Self.discount], initialQ: p[Self.initialQ],
      initialExploration: p[Self.initialExploration], explorationDecay: p[Self.explorationDecay],
      explorationFloor: p[Self.explorationSchedule] == .floored ? p[Self.explorationFloor] : 0)
    constants.learningRateSchedule = p[Self.schedule]
    return constants
  }

  /// The fixed opponents' probabilities of trading.
  static let opponentTradeProbabilities = [0.0, 0.25, 0.5, 0.75, 1.0]

  // MARK: - Simulation

  func simulate(in context: RunContext) throws -> Outcome {
    let p = context.parameters
    var outcome = Outcome()
    outcome.replicates = p[Self.replicates]
    outcome.encounters = p[Self.encountersPerAgent]
    outcome.opponentEncounters = p[Self.opponentEncounters]
    outcome.exploration = p[Self.equilibriumExploration]
    outcome.populationSize = p[Self.populationSize]
    let constants = self.constants(p)
    if context.serves(Self.stealPairClaim) {
      let starts: [ZeroMemorySociety.InitialGreedy] = context.isBaseCell ? ZeroMemorySociety.InitialGreedy.allCases : [.trade]
      outcome.pairs = try starts.map { start in
        (start, try societies(2, start: start, constants: constants, stream: "pair-\(start)", in: context))
      }
    }
    if context.serves(Self.stealClaim) {
      outcome.population = try societies(
        outcome.populationSize, start: p[Self.initialGreedy], constants: constants, stream: "population", in: context,
        count: p[Self.populationReplicates])
    }
    if context.serves(Self.qDifferenceClaim) {
      outcome.opponents = try opponents(
        constants, rewards: SugarAndSpiceWorld.wellbeingTable, replicates: outcome.replicates, stream: "fixed-opponent", in: context)
    }
    if context.isBaseCell {
      outcome.controlPairs = try societies(
        2, start: .steal, constants: constants, stream: "control-pair", in: context, rewards: Self.tradeDominant, count: 1)
      outcome.controlPopulation = try societies(
        outcome.populationSize, start: .steal, constants: constants, stream: "control-population", in: context,
        rewards: Self.tradeDominant, count: 1)
      outcome.controlOpponents = try opponents(constants, rewards: Self.temptationFive, replicates: 2, stream: "control-opponent", in: context)
    }
    return outcome
  }

  /// `count` (default: the replicates) runs of a society of `size` agents.
  func societies(
    _ size: Int, start: ZeroMemorySociety.InitialGreedy, constants: QLearningConstants, stream: String, in context: RunContext,
    rewards: [Double] = SugarAndSpiceWorld.wellbeingTable, count: Int? = nil
  ) throws -> [ZeroMemorySociety.Outcome] {
    let p = context.parameters
    let perAgent = p[Self.encountersPerAgent]
    let checkpoints = p[Self.checkpoints]
    return try context.replicates(count ?? p[Self.replicates], stream: stream, label: "\(id): \(size) agents, \(start) start") { _, random in
      var society = ZeroMemorySociety(agents: size, constants: constants, initial: start, random: random, rewards: rewards)
      return society.run(encountersPerAgent: perAgent, checkpointCount: checkpoints, random: random)
    }
  }

  /// One learner against each fixed opponent, with constant exploration (so that an equilibrium exists).
  func opponents(
    _ constants: QLearningConstants, rewards: [Double], replicates: Int, stream: String, in context: RunContext
  ) throws -> [OpponentSummary] {
    var stationary = constants
    stationary.initialExploration = context.parameters[Self.equilibriumExploration]
    stationary.explorationDecay = 1
    stationary.explorationFloor = 0
    let frozen = stationary
    let encounters = context.parameters[Self.opponentEncounters]
    let settings = Self.opponentTradeProbabilities.flatMap { probability in (0..<replicates).map { _ in probability } }
    let fixed = try context.map(settings, stream: stream, label: "\(id): fixed opponents") { _, probability, random in
      FixedOpponentLearning.run(tradeProbability: probability, encounters: encounters, constants: frozen, random: random, rewards: rewards)
    }
    return try Self.opponentTradeProbabilities.enumerated().map { k, probability in
      try OpponentSummary(tradeProbability: probability, runs: Array(fixed[(k * replicates)..<((k + 1) * replicates)]))
    }
  }

  // MARK: - Judgement

  func judge(_ outcomes: Outcomes<Outcome>, in context: RunContext) throws -> ExperimentResult {
    let base = outcomes.base
    let population = "\(base.populationSize) agents, \(Self.startName(context.parameters[Self.initialGreedy]))"
    let summaries =
      try base.pairs.map { start, runs in
        try SocietySummary(name: "2 agents, \(Self.startName(start))", outcomes: runs)
      } + [try SocietySummary(name: population, outcomes: base.population)]
    let series = [
      ("2 agents, random start", base.pairs.first { $0.start == .random }!.runs),
      ("2 agents, trade start", base.pairs.first { $0.start == .trade }!.runs),
      (population, base.population),
    ]
    return ExperimentResult(
      tables: [
        societyTable(summaries, perAgent: base.encounters, replicates: base.replicates),
        opponentTable(base.opponents, perAgent: base.opponentEncounters, replicates: base.replicates, exploration: base.exploration),
      ],
      figures: figures(series),
      claims: [
        try qDifferenceVerdict(outcomes, tolerance: context.parameters[Self.tolerance]),
        try stealVerdict(Self.stealClaim, outcomes, name: population) { $0.population },
        try stealVerdict(Self.stealPairClaim, outcomes, name: "2 agents, all start greedy on trade") { $0.pairs.first { $0.start == .trade }!.runs },
      ])
  }

  static func startName(_ start: ZeroMemorySociety.InitialGreedy) -> String {
    switch start {
    case .trade: return "all start greedy on trade"
    case .steal: return "all start greedy on steal"
    case .random: return "random start"
    }
  }

  // MARK: - Summaries

  /// The learner against one fixed opponent, over replicates.
  struct OpponentSummary {
    let tradeProbability: Double
    let difference: ConfidenceInterval
    let stealingTime: Double
    let endStealing: Int
    let runs: Int

    init(tradeProbability: Double, runs: [FixedOpponentLearning.Outcome]) throws {
      self.tradeProbability = tradeProbability
      let averages = runs.map(\.averageDifference)
      difference = try ConfidenceInterval.meanOrPoint(of: averages)
      stealingTime = try Statistics.mean(runs.map(\.stealingTime))
      endStealing = runs.filter { $0.greedy == .steal }.count
      self.runs = runs.count
    }
  }

  /// One society setting at the end of its runs.
  struct SocietySummary {
    let name: String
    let stealing: Int
    let agentCount: Int
    let runsAllStealing: Int
    let runsAllTrading: Int
    let runs: Int
    let difference: Double
    let firstWellbeing: Double
    let finalWellbeing: Double
    let finalExploration: Double

    init(name: String, outcomes: [ZeroMemorySociety.Outcome]) throws {
      self.name = name
      stealing = outcomes.flatMap(\.greedy).filter { $0 == .steal }.count
      agentCount = outcomes.flatMap(\.greedy).count
      runsAllStealing = outcomes.filter { $0.greedy.allSatisfy { $0 == .steal } }.count
      runsAllTrading = outcomes.filter { $0.greedy.allSatisfy { $0 == .trade } }.count
      runs = outcomes.count
      difference = try Statistics.mean(outcomes.flatMap(\.differences))
      firstWellbeing = try Statistics.mean(outcomes.map { $0.checkpoints.first!.wellbeing })
      finalWellbeing = try Statistics.mean(outcomes.map { $0.checkpoints.last!.wellbeing })
      finalExploration = try Statistics.mean(outcomes.flatMap(\.exploration))
    }
  }

  func societyTable(_ rows: [SocietySummary], perAgent: Int, replicates: Int) -> Table {
    var table = Table(
      id: "np.zero-memory.societies",
      title: "Learning together with decaying exploration: the end of \(replicates) runs of \(perAgent) encounters per agent",
      columns: [
        "setting", "final ε", "agents greedy on steal", "runs all steal", "runs all trade", "mean Q_s − Q_t", "last-window wellbeing",
        "expected if all steal (1 + ε)",
      ])
    for row in rows {
      table.append([
        .text(row.name), .real(row.finalExploration, digits: 4), .text("\(row.stealing)/\(row.agentCount)"),
        .text("\(row.runsAllStealing)/\(row.runs)"), .text("\(row.runsAllTrading)/\(row.runs)"), .real(row.difference, digits: 3),
        .real(row.finalWellbeing, digits: 4), .real(1 + row.finalExploration, digits: 4),
      ])
    }
    return table
  }

  func opponentTable(_ rows: [OpponentSummary], perAgent: Int, replicates: Int, exploration: Double) -> Table {
    var table = Table(
      id: "np.zero-memory.fixed-opponents",
      title:
        "One learner against fixed opponents, constant ε = \(DecimalFormat.compact(exploration)): Q_s − Q_t averaged over the second half of \(perAgent) encounters (\(replicates) runs; 95% t-interval)",
      columns: ["opponent trades with probability", "mean Q_s − Q_t", "95% interval", "time greedy on steal", "runs ending on steal"])
    for row in rows {
      table.append([
        .real(row.tradeProbability, digits: 2), .real(row.difference.estimate, digits: 4),
        .text(row.difference.bracket(digits: 4)),
        .real(row.stealingTime, digits: 4), .text("\(row.endStealing)/\(row.runs)"),
      ])
    }
    return table
  }

  // MARK: - Verdicts

  /// The fixed-opponent check: holds when the 95% interval of the mean Q_s − Q_t lies within
  /// `tolerance` of 1 against every opponent, fails when it lies wholly outside against some opponent.
  static func qDifferenceHeadline(_ rows: [OpponentSummary], tolerance: Double) -> Headline {
    let verdicts = rows.map { row -> Headline in
      let above = Headline.comparing(row.difference, .atLeast(1 - tolerance))
      let below = Headline.comparing(row.difference, .atMost(1 + tolerance))
      if above == .fails || below == .fails { return .fails }
      return above == .holds && below == .holds ? .holds : .inconclusive
    }
    if verdicts.contains(.fails) { return .fails }
    return verdicts.allSatisfy { $0 == .holds } ? .holds : .inconclusive
  }

  /// The opponent whose mean Q_s − Q_t is furthest from 1.
  static func worst(_ rows: [OpponentSummary]) -> OpponentSummary {
    rows.max { abs($0.difference.estimate - 1) < abs($1.difference.estimate - 1) }!
  }

  func qDifferenceVerdict(_ outcomes: Outcomes<Outcome>, tolerance: Double) throws -> ClaimResult {
    let cells = outcomes.cells(of: Self.qDifferenceClaim).map { cell, outcome in
      let worst = Self.worst(outcome.opponents)
      return VerdictMap.Cell(
        reading: cell.readingSetting, verdict: Self.qDifferenceHeadline(outcome.opponents, tolerance: tolerance),
        estimate: worst.difference.estimate, lower: worst.difference.lower, upper: worst.difference.upper,
        n: outcome.opponents.reduce(0) { $0 + $1.runs })
    }
    let rows = outcomes.base.opponents
    let worst = Self.worst(rows)
    let control = ControlResult(
      Self.qDifferenceClaim.control!, verdict: Self.qDifferenceHeadline(outcomes.base.controlOpponents, tolerance: tolerance))
    let summary =
      "Against opponents trading with probability "
      + rows.map { "\(DecimalFormat.compact($0.tradeProbability)): \(DecimalFormat.fixed($0.difference.estimate, digits: 4))" }.joined(
        separator: "; ")
      + " (text: 1 for every opponent). Furthest from 1: \(DecimalFormat.fixed(worst.difference.estimate, digits: 4)) against probability \(DecimalFormat.compact(worst.tradeProbability)). Each cell of the map gives the furthest opponent's mean and interval."
    var measurements: [Evidence.Measurement] = []
    for row in rows {
      let name = "opponent trades w.p. \(DecimalFormat.compact(row.tradeProbability))"
      measurements.append(.init("\(name): mean Q_s − Q_t", row.difference.estimate))
      measurements.append(.init("\(name): 95% interval", lower: row.difference.lower, upper: row.difference.upper))
    }
    return ClaimResult(
      Self.qDifferenceClaim, map: VerdictMap(design: Self.qDifferenceClaim.design, cells: cells), control: control,
      evidence: Evidence(
        summary: summary, measurements: measurements,
        tolerance:
          "95% interval of the mean Q_s − Q_t within \(DecimalFormat.compact(tolerance)) of 1 against every opponent (wholly outside against one: fails; otherwise inconclusive)",
        sampleSize: rows.reduce(0) { $0 + $1.runs }))
  }

  /// Every agent of every run greedy on steal, and last-window wellbeing within 0.01 of 1.
  static func stealHeadline(_ runs: [ZeroMemorySociety.Outcome]) throws -> Headline {
    let summary = try SocietySummary(name: "", outcomes: runs)
    return .checking(summary.stealing == summary.agentCount && abs(summary.finalWellbeing - 1) <= 0.01)
  }

  func stealVerdict(
    _ claim: Claim, _ outcomes: Outcomes<Outcome>, name: String,
    runs: (Outcome) -> [ZeroMemorySociety.Outcome]
  ) throws -> ClaimResult {
    let cells = try outcomes.cells(of: claim).map { cell, outcome in
      let summary = try SocietySummary(name: name, outcomes: runs(outcome))
      return VerdictMap.Cell(
        reading: cell.readingSetting, verdict: try Self.stealHeadline(runs(outcome)),
        estimate: Double(summary.stealing) / Double(summary.agentCount), n: summary.runs)
    }
    let controlRuns = claim.id == Self.stealClaim.id ? outcomes.base.controlPopulation : outcomes.base.controlPairs
    let control = ControlResult(claim.control!, verdict: try Self.stealHeadline(controlRuns))
    let row = try SocietySummary(name: name, outcomes: runs(outcomes.base))
    let perCell = try outcomes.cells(of: claim).map { cell, outcome -> String in
      let s = try SocietySummary(name: name, outcomes: runs(outcome))
      return
        "\(VerdictMap.describe(cell.readingSetting)): \(s.stealing)/\(s.agentCount) agents steal, \(s.runsAllTrading)/\(s.runs) runs all trade, wellbeing \(DecimalFormat.fixed(s.finalWellbeing, digits: 4))"
    }
    let summary =
      "\(row.name): \(row.stealing) of \(row.agentCount) agents end greedy on steal; in \(row.runsAllStealing) of \(row.runs) runs all steal and in \(row.runsAllTrading) all trade; last-window wellbeing \(DecimalFormat.fixed(row.finalWellbeing, digits: 4)) (text: 1). By reading (cell estimate: the fraction of agents greedy on steal): "
      + perCell.joined(separator: "; ") + "."
    let measurements: [Evidence.Measurement] = [
      .init("\(row.name): agents greedy on steal", "\(row.stealing)/\(row.agentCount)"),
      .init("\(row.name): runs in which all trade", "\(row.runsAllTrading)/\(row.runs)"),
      .init("\(row.name): last-window wellbeing", row.finalWellbeing),
      .init("\(row.name): final ε", row.finalExploration),
    ]
    return ClaimResult(
      claim, map: VerdictMap(design: claim.design, cells: cells), control: control,
      evidence: Evidence(
        summary: summary, measurements: measurements,
        tolerance: "every agent of every run greedy on steal, and last-window wellbeing within 0.01 of 1 (fixed before the results were seen)",
        sampleSize: row.agentCount))
  }

  // MARK: - Figures

  func figures(_ series: [(String, [ZeroMemorySociety.Outcome])]) -> [Figure] {
    [
      figure(
        id: "np.zero-memory.stealing", title: "Zero-memory Q-learners: fraction of agents whose greedy action is steal",
        yLabel: "fraction of agents greedy on steal", series: series, value: \.stealing, bands: false,
        references: [(1, "the text's prediction: all steal")]),
      figure(
        id: "np.zero-memory.q-difference", title: "Zero-memory Q-learners: Q_s − Q_t while learning together",
        yLabel: "Q_s − Q_t (mean over agents)", series: series, value: \.meanDifference,
        references: [(1, "the text's prediction: Q_s − Q_t = 1")]),
      figure(
        id: "np.zero-memory.wellbeing", title: "Zero-memory Q-learners: average wellbeing per encounter",
        yLabel: "average wellbeing per encounter", series: series, value: \.wellbeing,
        references: [(1, "all steal: 1"), (3, "all trade: 3")]),
    ]
  }

  /// A line per setting (the mean over runs), optionally a band for the range over runs, and
  /// reference lines.
  func figure(
    id: String, title: String, yLabel: String, series: [(String, [ZeroMemorySociety.Outcome])],
    value: KeyPath<ZeroMemorySociety.Checkpoint, Double>, bands: Bool = true, references: [(Double, String)]
  ) -> Figure {
    let runs = series[0].1.count
    let label = "\(yLabel), mean of \(runs) runs" + (bands ? " (band: range)" : "")
    var chart = Chart(title: title + " (§2.1)", x: Axis(label: "encounters per agent", scale: .logarithmic), y: Axis(label: label))
    for (name, outcomes) in series {
      let x = outcomes[0].checkpoints.map(\.encountersPerAgent)
      let values = x.indices.map { k in outcomes.map { $0.checkpoints[k][keyPath: value] } }
      if bands { chart.band(nil, x: x, lower: values.map { $0.min()! }, upper: values.map { $0.max()! }) }
      chart.line(name, x.indices.map { (x: x[$0], y: (try? Statistics.mean(values[$0])) ?? .nan) })
    }
    for (y, label) in references { chart.referenceLine(y: y, label: label) }
    return Figure(id: id, title: title, drawing: chart).captioned(
      "Q_s and Q_t are an agent's learned values of stealing and of trading; wellbeing per encounter is 1 when both steal and 3 when both trade.")
  }
}
