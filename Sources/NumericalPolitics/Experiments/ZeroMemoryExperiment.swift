import LabKit

/// §2.1 of Numerical Politics, checked: memoryless Q-learners and the dilemma.
///
/// The text's equilibrium algebra: at a fixed point of Q-learning, Q_t = 3P(t) + γ max(Q_t, Q_s) and
/// Q_s = 4P(t) + P(s) + γ max(Q_t, Q_s), where P(t) and P(s) are the probabilities that the other agent
/// trades or steals, so Q_s − Q_t = P(t) + P(s) = 1 whatever the other agent does (the text writes r for
/// the discount γ). From this the text concludes that a memoryless Q-learner always learns to steal and
/// that a society of them ends with average wellbeing 1.
///
/// Two claims are checked separately, because they are different statements:
/// - ``qDifferenceClaim``, the algebra: one learner against opponents that trade with fixed
///   probabilities 0, 0.25, 0.5, 0.75, 1, with a constant exploration rate so that an equilibrium
///   exists; the time average of Q_s − Q_t over the second half of the run must be within `tolerance` of 1
///   for every opponent.
/// - ``stealClaim``, the dynamics: learners that learn together, with the book-era decaying
///   exploration, two agents meeting repeatedly and a population meeting in random pairs. Every agent
///   must end greedy on steal, and the average wellbeing of the last window must be within 0.01 of 1
///   (with exploration ε its expectation is 1 + ε, which the table shows beside it).
///
/// Both standards were fixed before the results were seen.
public struct ZeroMemoryExperiment: Experiment {
  public init() {}

  public let id = "np.zero-memory"
  public let title = "Zero-memory Q-learning agents and the sugar-and-spice dilemma"
  public let sections = ["§2.1", "Table 2.1"]

  public static let qDifferenceClaim = Claim(
    id: "np.zero-memory.q-difference", source: "§2.1", kind: .claim,
    statement: "At equilibrium Q_t = 3P(t) + r max(Q_t, Q_s) and Q_s = 4P(t) + P(s) + r max(Q_t, Q_s), so Q_s − Q_t = P(t) + P(s) = 1 and Q_s > Q_t irrespective of the other agent's behaviour.")

  public static let stealClaim = Claim(
    id: "np.zero-memory.steal", source: "§2.1", kind: .claim,
    statement: "A zero memory Q-learning agent will always learn to steal, leading to a society where all agents try to steal and every agent is much worse off than in a trading society, with an average wellbeing of 1.")

  public var claims: [Claim] { [Self.qDifferenceClaim, Self.stealClaim] }

  public var parameters: [Parameter] {
    [
      Parameter("populationSize", "Agents in the population setting (the text gives no number).", domain: .integer(3...100_000), smoke: .integer(4), standard: .integer(10), paper: .integer(20)),
      Parameter("encountersPerAgent", "Encounters each agent takes part in (on average, in the population).", domain: .integer(100...2_000_000_000), smoke: .integer(200_000), standard: .integer(5_000_000), paper: .integer(50_000_000)),
      Parameter("replicates", "Independent runs of each setting.", domain: .integer(1...10_000), smoke: .integer(2), standard: .integer(8), paper: .integer(16)),
      Parameter("learningRate", "Constant learning rate α (book-era code: 0.01).", domain: .unitInterval(zeroAllowed: false), default: .real(0.01)),
      Parameter("discount", "Discount γ (book-era code: 0.99).", domain: .real(lower: 0, upper: 1, lowerIncluded: true, upperIncluded: false), default: .real(0.99)),
      Parameter("initialQ", "Every Q value before learning (book-era code: 1.0).", domain: .real(-1e6...1e6), default: .real(1.0)),
      Parameter("initialGreedy", "Greedy action of the population's agents before learning, a tie-break since both Q values start equal (book-era code: random for new agents). The pair is run from all three starts.", domain: .choice(ZeroMemorySociety.InitialGreedy.allCases.map(\.rawValue)), default: .choice("random")),
      Parameter("initialExploration", "Exploration probability ε before the first decision (book-era code: 0.25).", domain: .unitInterval(), default: .real(0.25)),
      Parameter("explorationDecay", "Factor applied to ε before every decision (book-era code: 0.9999999). Standard scale decays 10 times faster, so that ε ends near 0.002 after 5 million encounters, as the book's value does after 50 million.", domain: .unitInterval(zeroAllowed: false), smoke: .real(0.99998), standard: .real(0.999999), paper: .real(0.9999999)),
      Parameter("explorationFloor", "ε stops decaying at this value (book commit: none; code from f4d8200: 0.0025).", domain: .unitInterval(), default: .real(0)),
      Parameter("equilibriumExploration", "Constant ε of the learner against fixed opponents, where the equilibrium algebra is checked.", domain: .unitInterval(zeroAllowed: false), default: .real(0.25)),
      Parameter("checkpoints", "Points recorded along each run for the figures.", domain: .integer(2...10_000), default: .integer(60)),
      Parameter("tolerance", "Largest accepted distance of the mean equilibrium Q_s − Q_t from 1.", domain: .real(lower: 0, upper: 10, lowerIncluded: false, upperIncluded: true), default: .real(0.05)),
    ]
  }

  /// The fixed opponents' probabilities of trading.
  public static let opponentTradeProbabilities = [0.0, 0.25, 0.5, 0.75, 1.0]

  public func simulate(in context: RunContext) throws -> ExperimentResult {
    let p = context.parameters
    let constants = QLearningConstants(
      learningRate: p.real("learningRate"), discount: p.real("discount"), initialQ: p.real("initialQ"),
      initialExploration: p.real("initialExploration"), explorationDecay: p.real("explorationDecay"),
      explorationFloor: p.real("explorationFloor"))
    let perAgent = p.integer("encountersPerAgent")
    let replicates = p.integer("replicates")
    let checkpoints = p.integer("checkpoints")
    let population = p.integer("populationSize")
    let initial = ZeroMemorySociety.InitialGreedy(rawValue: p.choice("initialGreedy"))!

    func societies(_ size: Int, start: ZeroMemorySociety.InitialGreedy, stream: String) throws -> [ZeroMemorySociety.Outcome] {
      try context.replicates(replicates, stream: stream, label: "\(id): \(size) agents, \(start) start") { _, random in
        var society = ZeroMemorySociety(agents: size, constants: constants, initial: start, random: random)
        return society.run(encountersPerAgent: perAgent, checkpointCount: checkpoints, random: random)
      }
    }
    // The pair from every start: which start it has decides how it ends.
    let pairs = try ZeroMemorySociety.InitialGreedy.allCases.map { start in
      (start, try societies(2, start: start, stream: "pair-\(start)"))
    }
    let crowd = try societies(population, start: initial, stream: "population")

    var stationaryConstants = constants
    stationaryConstants.initialExploration = p.real("equilibriumExploration")
    stationaryConstants.explorationDecay = 1
    let stationary = stationaryConstants
    let settings = Self.opponentTradeProbabilities.flatMap { probability in (0..<replicates).map { _ in probability } }
    let fixed = try context.map(settings, stream: "fixed-opponent", label: "\(id): fixed opponents") { _, probability, random in
      FixedOpponentLearning.run(tradeProbability: probability, encounters: perAgent, constants: stationary, random: random)
    }
    let opponents = try Self.opponentTradeProbabilities.enumerated().map { k, probability in
      try OpponentSummary(tradeProbability: probability, runs: Array(fixed[(k * replicates)..<((k + 1) * replicates)]))
    }
    let societySummaries = try pairs.map { start, outcomes in
      try SocietySummary(name: "2 agents, \(Self.startName(start))", agents: 2, outcomes: outcomes)
    } + [try SocietySummary(name: "\(population) agents, \(Self.startName(initial))", agents: population, outcomes: crowd)]
    let pair = pairs.first { $0.0 == .random }!.1
    let pairTrading = pairs.first { $0.0 == .trade }!.1
    let series = [("2 agents, random start", pair), ("2 agents, trade start", pairTrading), ("\(population) agents, \(initial) start", crowd)]

    return ExperimentResult(
      tables: [societyTable(societySummaries, perAgent: perAgent, replicates: replicates),
               opponentTable(opponents, perAgent: perAgent, replicates: replicates, exploration: stationary.initialExploration)],
      figures: [
        figure(id: "np.zero-memory.stealing", title: "Zero-memory Q-learners: fraction of agents whose greedy action is steal",
               yLabel: "fraction of agents greedy on steal", series: series, value: \.stealing, bands: false,
               references: [(1, "text: all steal")]),
        figure(id: "np.zero-memory.q-difference", title: "Zero-memory Q-learners: Q_s − Q_t while learning together",
               yLabel: "Q_s − Q_t (mean over agents)", series: series, value: \.meanDifference,
               references: [(1, "text: Q_s − Q_t = 1")]),
        figure(id: "np.zero-memory.wellbeing", title: "Zero-memory Q-learners: average wellbeing per encounter",
               yLabel: "average wellbeing per encounter", series: series, value: \.wellbeing,
               references: [(1, "all steal: 1"), (3, "all trade: 3")]),
      ],
      claims: [qDifferenceVerdict(opponents, tolerance: p.real("tolerance")), stealVerdict(societySummaries)])
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
    let agents: Int
    let stealing: Int
    let agentCount: Int
    let runsAllStealing: Int
    let runsAllTrading: Int
    let runs: Int
    let difference: Double
    let firstWellbeing: Double
    let finalWellbeing: Double
    let finalExploration: Double

    init(name: String, agents: Int, outcomes: [ZeroMemorySociety.Outcome]) throws {
      self.name = name
      self.agents = agents
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
      columns: ["setting", "final ε", "agents greedy on steal", "runs all steal", "runs all trade", "mean Q_s − Q_t", "last-window wellbeing", "expected if all steal (1 + ε)"])
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
      title: "One learner against fixed opponents, constant ε = \(DecimalFormat.compact(exploration)): Q_s − Q_t averaged over the second half of \(perAgent) encounters (\(replicates) runs; 95% t-interval)",
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

  func qDifferenceVerdict(_ rows: [OpponentSummary], tolerance: Double) -> ClaimResult {
    let worst = rows.max { abs($0.difference.estimate - 1) < abs($1.difference.estimate - 1) }!
    let holds = abs(worst.difference.estimate - 1) <= tolerance
    let summary = "Against opponents trading with probability "
      + rows.map { "\(DecimalFormat.compact($0.tradeProbability)): \(DecimalFormat.fixed($0.difference.estimate, digits: 4))" }.joined(separator: "; ")
      + " (text: 1 for every opponent). Furthest from 1: \(DecimalFormat.fixed(worst.difference.estimate, digits: 4)) against probability \(DecimalFormat.compact(worst.tradeProbability))."
    var measurements: [Evidence.Measurement] = []
    for row in rows {
      let name = "opponent trades w.p. \(DecimalFormat.compact(row.tradeProbability))"
      measurements.append(.init("\(name): mean Q_s − Q_t", row.difference.estimate))
      measurements.append(.init("\(name): 95% interval", lower: row.difference.lower, upper: row.difference.upper))
    }
    return ClaimResult(Self.qDifferenceClaim, .checking(holds),
                       Evidence(summary: summary, measurements: measurements,
                                tolerance: "|mean Q_s − Q_t − 1| ≤ \(DecimalFormat.compact(tolerance)) against every opponent",
                                sampleSize: rows.reduce(0) { $0 + $1.runs }))
  }

  func stealVerdict(_ rows: [SocietySummary]) -> ClaimResult {
    let allSteal = rows.allSatisfy { $0.stealing == $0.agentCount }
    let wellbeingOne = rows.allSatisfy { abs($0.finalWellbeing - 1) <= 0.01 }
    let summary = rows.map { row in
      "\(row.name): \(row.stealing) of \(row.agentCount) agents end greedy on steal; in \(row.runsAllStealing) of \(row.runs) runs all steal and in \(row.runsAllTrading) all trade; last-window wellbeing \(DecimalFormat.fixed(row.finalWellbeing, digits: 4)) (text: 1)."
    }.joined(separator: " ")
    var measurements: [Evidence.Measurement] = []
    for row in rows {
      measurements.append(.init("\(row.name): agents greedy on steal", "\(row.stealing)/\(row.agentCount)"))
      measurements.append(.init("\(row.name): runs in which all trade", "\(row.runsAllTrading)/\(row.runs)"))
      measurements.append(.init("\(row.name): last-window wellbeing", row.finalWellbeing))
      measurements.append(.init("\(row.name): final ε", row.finalExploration))
    }
    return ClaimResult(Self.stealClaim, .checking(allSteal && wellbeingOne),
                       Evidence(summary: summary, measurements: measurements,
                                tolerance: "every agent of every run greedy on steal, and last-window wellbeing within 0.01 of 1, in both settings",
                                sampleSize: rows.reduce(0) { $0 + $1.agentCount }))
  }

  // MARK: - Figures

  /// A line per setting (the mean over runs), optionally a band for the range over runs, and
  /// reference lines.
  func figure(id: String, title: String, yLabel: String, series: [(String, [ZeroMemorySociety.Outcome])],
              value: KeyPath<ZeroMemorySociety.Checkpoint, Double>, bands: Bool = true, references: [(Double, String)]) -> Figure {
    let runs = series[0].1.count
    let label = "\(yLabel), mean of \(runs) runs" + (bands ? " (band: range)" : "")
    var chart = Chart(title: title + " (§2.1)", x: Axis(label: "encounters per agent", scale: .logarithmic), y: Axis(label: label))
    for (name, outcomes) in series {
      let x = outcomes[0].checkpoints.map(\.encountersPerAgent)
      let values = x.indices.map { k in outcomes.map { $0.checkpoints[k][keyPath: value] } }
      if bands { chart.band(nil, x: x, lower: values.map { $0.min()! }, upper: values.map { $0.max()! }) }
      chart.line(name, x.indices.map { (x: x[$0], y: values[$0].reduce(0, +) / Double(values[$0].count)) })
    }
    for (y, label) in references { chart.referenceLine(y: y, label: label) }
    return Figure(id: id, title: title, svg: chart.svg())
  }
}
