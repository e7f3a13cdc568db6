import LabKit

/// §4 of Social Environment Design: "Preliminary results were promising" — the paper publishes no
/// numbers. Here a learning principal and learning players are trained together in the online game
/// (two-phase curriculum with tax annealing, Appendix A), and the voted objective O_η (η = mean σ) is
/// compared with the no-tax principal on the same types and the same random streams.
///
/// Standard fixed in advance: the mean objective over the last `evaluationRounds` rounds, paired by
/// seed with the no-tax run; a cell holds when the 95 % t-interval of the difference for the
/// per-bracket REINFORCE principal (the analogue of the paper's principal) lies above 0, fails when it
/// lies below 0, inconclusive otherwise. Judged over the round structure (chained histories or a fresh
/// orchard each round) × the welfare basis (apples collected or post-tax wealth). The UCB principal
/// and a fixed U.S.-like schedule are reported beside it. Control: the bar moved past the base cell's
/// interval (last resort: an anti-principal cannot flip the check where the tax has no lever).
struct PrincipalsExperiment: Experiment {
  static let seeds = ParameterKey<Int>("seeds")
  static let rounds = ParameterKey<Int>("rounds")
  static let phaseOneRounds = ParameterKey<Int>("phaseOneRounds")
  static let annealRounds = ParameterKey<Int>("annealRounds")
  static let annealing = ParameterKey<TaxAnnealing>("annealing")
  static let evaluationRounds = ParameterKey<Int>("evaluationRounds")
  static let principalLearningRate = ParameterKey<Double>("principalLearningRate")
  static let votingRule = ParameterKey<VotingRule>("votingRule")
  static let reporting = ParameterKey<VotingRule.Reporting>("reporting")
  static let ucbLevels = ParameterKey<Int>("ucbLevels")

  let id = "sed.principals"
  let title = "Learning principals against no tax in the online game"
  let sections = ["§4", "Appendix A"]

  static let improvesClaim = Claim(
    id: "sed.principal-improves", source: "§4 (\"Preliminary results were promising\")", kind: .conjecture,
    statement: "A learning principal raises the voted objective over no tax.",
    class: .empirical,
    control: Control("the bar moved past the measured interval of the base cell (a principal without a lever cannot make the check fail)"),
    readings: [Support.roundStructure.erased, Support.welfareBasis.erased], design: .product)

  var claims: [Claim] { [Self.improvesClaim] }

  var parameters: [Parameter] {
    [
      Parameter(
        Self.seeds, "Independent populations (types and streams), each trained under every principal.", domain: .integer(2...10_000), smoke: 2,
        standard: 4, paper: 32),
      Parameter(
        Self.rounds, "Voting rounds (1000 steps each) in all; the released code runs 100 000 episodes.", domain: .integer(2...1_000_000), smoke: 8,
        standard: 60, paper: 100_000),
      Parameter(
        Self.phaseOneRounds, "Curriculum phase 1: players learn under φ = 0.", domain: .integer(0...1_000_000), smoke: 2, standard: 15, paper: 2000),
      Parameter(
        Self.annealRounds, "Rounds of phase 2 over which the rate cap rises from 0.1 to 1 (the code: 2% of episodes).",
        domain: .integer(0...1_000_000), smoke: 2, standard: 15, paper: 2000),
      Parameter(
        Self.annealing, "rateCap = the paper's bound on the rates; transferMultiplier = the released code's scaling of transfers; none.",
        default: .rateCap),
      Parameter(
        Self.evaluationRounds, "Last rounds averaged for the comparison.", domain: .integer(1...1_000_000), smoke: 4, standard: 20, paper: 10_000),
      Parameter(Self.principalLearningRate, "REINFORCE principal's step size.", domain: .real(0.0001...100), default: 0.5),
      Parameter(Self.votingRule, "The social choice function f (the paper: meanSelfishness).", default: .meanSelfishness),
      Parameter(Self.reporting, "truthful, or strategic (one-shot best-response) reports of σ.", default: .truthful),
      Parameter(
        Self.ucbLevels, "Rate levels per bracket of the UCB grid (levels^3 arms, evenly spaced in [0, 1]).", domain: .integer(2...11), smoke: 2,
        standard: 3, paper: 5),
    ] + Support.gameParameters()
  }

  var readings: [Reading] {
    [
      Reading(
        Support.roundStructure,
        [
          .init(
            RoundStructure.chained, reason: "eq. 1 chains rounds (µ0 = Δ(s_T)); a history of roundsPerHistory rounds then a fresh orchard",
            source: "Definition 3.1, eq. 1"),
          .init(
            RoundStructure.fresh,
            reason: "chained rounds start rounds 2 … 5 with an empty orchard; a fresh orchard each round keeps every round live",
            source: "released code (reset every episode); issue 16"),
        ]),
      Reading(
        Support.welfareBasis,
        [
          .init(WelfareBasis.apples, reason: "O_η on a_i, \"the number of apples collected\" (pre-tax): the tax has no direct lever", source: "§4"),
          .init(
            WelfareBasis.wealth, reason: "O_η on post-tax wealth, where redistribution acts on equality",
            source: "released code's social welfare on rewards; issue 16"),
        ]),
    ]
  }

  static let principalNames = ["no tax", "U.S.-like (0.1, 0.25, 0.37)", "REINFORCE per bracket", "UCB over a rate grid"]
  static let primary = 2

  /// One training run, reduced to what the judgement reads.
  struct Run: Sendable {
    var objective: [Double], gini: [Double], sustainability: [Double], restraint: [Double], meanRates: [[Double]], periodRates: [[Double]]
  }

  struct Outcome: Sendable {
    /// runs[seed][principal]
    var runs: [[Run]]
    var rounds: Int
    var phaseOne: Int
    var window: Int
  }

  func simulate(in context: RunContext) throws -> Outcome {
    let p = context.parameters
    let seeds = p[Self.seeds], rounds = p[Self.rounds]
    let phaseOne = min(p[Self.phaseOneRounds], rounds - 1)
    let schedule = try Support.schedule(p, rounds: rounds, phaseOne: phaseOne, anneal: p[Self.annealRounds], annealing: p[Self.annealing])
    let configuration = Support.configuration(p)
    let lr = p[Self.principalLearningRate], rule = p[Self.votingRule], reporting = p[Self.reporting]
    let levels = (0..<p[Self.ucbLevels]).map { Double($0) / Double(p[Self.ucbLevels] - 1) }
    let jobs = (0..<seeds).flatMap { s in Self.principalNames.indices.map { (seed: s, principal: $0) } }
    let runs = try context.map(jobs, stream: "unused", label: "\(id): \(jobs.count) training runs") { _, job, _ in
      let typeRandom = context.random(stream: "types", replicate: job.seed)
      let types = PlayerType.uniform(configuration.agentCount, typeRandom)
      let codeVotes = (0..<configuration.agentCount).map { _ in typeRandom.uniform() }
      let principal: any TaxPrincipal =
        switch job.principal {
        case 0: NoTaxPrincipal()
        case 1: FixedPrincipal([0.1, 0.25, 0.37], name: Self.principalNames[1])
        case 2: BracketReinforcePrincipal(learningRate: lr)
        default: UCBPrincipal(levels: levels)
        }
      let game = try ApplePickingGame(configuration: configuration, types: types)
      let records = try OnlineTraining.run(
        game: game, schedule: schedule, principal: principal, votingRule: rule, reporting: reporting,
        codeVotes: codeVotes, context.random(stream: "training", replicate: job.seed)
      ).records
      return Run(
        objective: records.map(\.objective), gini: records.map(\.gini), sustainability: records.map(\.sustainability),
        restraint: records.map(\.meanRestraint), meanRates: records.map(\.meanRates),
        periodRates: job.seed == 0 && job.principal == Self.primary && context.isBaseCell ? records.flatMap(\.periodRates) : [])
    }
    let count = Self.principalNames.count
    return Outcome(
      runs: (0..<seeds).map { s in Array(runs[s * count..<(s + 1) * count]) }, rounds: rounds, phaseOne: phaseOne,
      window: min(p[Self.evaluationRounds], rounds - phaseOne))
  }

  /// The mean of the last `window` values.
  static func late(_ values: [Double], _ window: Int) -> Double { Support.average(Array(values.suffix(window))) }

  /// Each principal's objective minus no tax, paired by seed.
  static func differences(_ o: Outcome) throws -> [ConfidenceInterval] {
    try principalNames.indices.map { j in
      try ConfidenceInterval.meanOrPoint(of: o.runs.map { late($0[j].objective, o.window) - late($0[0].objective, o.window) })
    }
  }

  func judge(_ outcomes: Outcomes<Outcome>, in context: RunContext) throws -> ExperimentResult {
    let cells = try outcomes.cells(of: Self.improvesClaim).map { cell, outcome in (cell, outcome, try Self.differences(outcome)) }
    let mapCells = cells.map { cell, outcome, d in
      VerdictMap.Cell(
        reading: cell.readingSetting, verdict: Headline.comparing(d[Self.primary], .above(0)), estimate: d[Self.primary].estimate,
        lower: d[Self.primary].lower, upper: d[Self.primary].upper, n: outcome.runs.count)
    }
    let base = try Self.differences(outcomes.base)[Self.primary]
    let control = ControlResult(Self.improvesClaim.control!, verdict: .comparing(base, Bar.above(0).movedPast(lower: base.lower, upper: base.upper)))
    let evidence = Evidence(
      summary: "REINFORCE principal minus no tax over the last rounds: "
        + cells.map { cell, _, d in
          "\(VerdictMap.describe(cell.readingSetting)): \(DecimalFormat.fixed(d[Self.primary].estimate, digits: 2)) \(d[Self.primary].bracket(digits: 2)) (UCB \(DecimalFormat.fixed(d[3].estimate, digits: 2)) \(d[3].bracket(digits: 2)); U.S.-like \(DecimalFormat.fixed(d[1].estimate, digits: 2)) \(d[1].bracket(digits: 2)))"
        }.joined(separator: "; ") + ".",
      measurements: cells.map { cell, _, d in
        .init("\(VerdictMap.describe(cell.readingSetting)): REINFORCE minus no tax", lower: d[Self.primary].lower, upper: d[Self.primary].upper)
      },
      tolerance: "95% t-interval over populations of the paired difference (REINFORCE principal): above 0 holds, below 0 fails, else inconclusive",
      sampleSize: outcomes.base.runs.count)
    let claim = ClaimResult(
      Self.improvesClaim, map: VerdictMap(design: Self.improvesClaim.design, cells: mapCells), control: control, evidence: evidence)
    return ExperimentResult(tables: [try summaryTable(cells.map { ($0.0, $0.1) })], figures: figures(outcomes.base), claims: [claim])
  }

  func summaryTable(_ cells: [(GridCell, Outcome)]) throws -> Table {
    var table = Table(
      id: "sed.principals.summary", title: "Last rounds of each run, per reading (95% t-intervals over populations, paired with no tax)",
      columns: ["reading", "principal", "objective O_η", "minus no tax", "95% interval", "Gini", "sustainability", "mean restraint", "mean rates"])
    for (cell, o) in cells {
      let d = try Self.differences(o)
      for j in Self.principalNames.indices {
        let runs = o.runs.map { $0[j] }
        let rates = (0..<3).map { b in Support.average(runs.map { Self.late($0.meanRates.map { $0[b] }, o.window) }) }
        table.append([
          .text(VerdictMap.describe(cell.readingSetting)), .text(Self.principalNames[j]),
          .real(Support.average(runs.map { Self.late($0.objective, o.window) }), digits: 1),
          .real(d[j].estimate, digits: 2), .text(d[j].bracket(digits: 2)),
          .real(Support.average(runs.map { Self.late($0.gini, o.window) }), digits: 3),
          .real(Support.average(runs.map { Self.late($0.sustainability, o.window) }), digits: 0),
          .real(Support.average(runs.map { Self.late($0.restraint, o.window) }), digits: 2), .text(Support.list(rates)),
        ])
      }
    }
    return table
  }

  func figures(_ o: Outcome) -> [Figure] {
    var objective = Chart(
      title: "Voted objective O_η per round (mean over \(o.runs.count) populations, 10-round moving average)", x: Axis(label: "voting round"),
      y: Axis(label: "O_η"))
    for j in Self.principalNames.indices {
      let perRound = (0..<o.rounds).map { r in Support.average(o.runs.map { $0[j].objective[r] }) }
      objective.line(Self.principalNames[j], perRound.indices.map { r in (x: Double(r + 1), y: Support.average(Array(perRound[max(0, r - 9)...r]))) })
    }
    objective.referenceLine(x: Double(o.phaseOne) + 0.5, label: "phase 2")
    var rates = Chart(
      title: "Tax rates per period, REINFORCE principal (population 0; 20-period moving average)", x: Axis(label: "tax period"),
      y: Axis(label: "rate", range: 0...1))
    let periods = o.runs[0][Self.primary].periodRates
    for b in 0..<3 {
      let raw = periods.map { $0[b] }
      rates.line(
        "bracket \(b + 1) (\(["1–10", "11–20", "21–10000"][b]) apples)",
        Swift.stride(from: 0, to: raw.count, by: max(1, raw.count / 400)).map { t in
          (x: Double(t + 1), y: Support.average(Array(raw[max(0, t - 19)...t])))
        })
    }
    rates.referenceLine(x: Double(o.phaseOne * 20) + 0.5, label: "phase 2")
    return [
      Figure(id: "sed.principals.objective", title: "The voted objective against rounds for each principal", drawing: objective).captioned(
        "O_η = η · (sum of the players' apples) + (1 − η) · (the smallest player's apples), the objective the players vote for, with η the mean of their reported selfishness σ (§4); in phase 1 the players learn without tax; in phase 2 the principal learns the tax rates too."
      ),
      Figure(id: "sed.principals.rates", title: "Tax rates per period as the principal learns", drawing: rates).captioned(
        "Population 0 is the first of the simulated populations (its seed); a bracket is a band of pre-tax income in apples, each taxed at its own rate; in phase 1 the players learn without tax; in phase 2 the principal learns the tax rates too."
      ),
    ]
  }
}
