import LabKit

/// §4 of Social Environment Design: "Preliminary results were promising" — the paper publishes no
/// numbers. Here a learning principal and learning players are trained together in the online game
/// (two-phase curriculum with tax annealing, Appendix A), and the voted objective O_η (η = mean σ) is
/// compared with the no-tax principal on the same types and the same random streams.
///
/// Standard fixed in advance: the mean objective over the last `evaluationRounds` rounds, paired by
/// seed with the no-tax run; the conjecture is supported when the 95 % t-interval of the difference for
/// the per-bracket REINFORCE principal (the analogue of the paper's principal) lies above 0, refuted
/// when it lies below 0, inconclusive otherwise. The UCB principal and a fixed U.S.-like schedule are
/// reported beside it.
public struct PrincipalExperiment: Experiment {
  public init() {}

  public let id = "sed.principals"
  public let title = "Learning principals against no tax in the online game"
  public let sections = ["§4", "Appendix A"]

  public static let improvesClaim = Claim(
    id: "sed.principal-improves", source: "§4 (\"Preliminary results were promising\")", kind: .conjecture,
    statement: "A learning principal raises the voted objective over no tax.")

  public var claims: [Claim] { [Self.improvesClaim] }

  public var parameters: [Parameter] {
    [
      Parameter("seeds", "Independent populations (types and streams), each trained under every principal.", domain: .integer(2...10_000),
                smoke: .integer(2), standard: .integer(8), paper: .integer(32)),
      Parameter("rounds", "Voting rounds (1000 steps each) in all; the released code runs 100 000 episodes.", domain: .integer(2...1_000_000),
                smoke: .integer(24), standard: .integer(400), paper: .integer(100_000)),
      Parameter("phaseOneRounds", "Curriculum phase 1: players learn under φ = 0.", domain: .integer(0...1_000_000),
                smoke: .integer(6), standard: .integer(100), paper: .integer(2000)),
      Parameter("annealRounds", "Rounds of phase 2 over which the rate cap rises from 0.1 to 1 (the code: 2% of episodes).", domain: .integer(0...1_000_000),
                smoke: .integer(6), standard: .integer(100), paper: .integer(2000)),
      Parameter("annealing", "rateCap = the paper's bound on the rates; transferMultiplier = the released code's scaling of transfers; none.",
                domain: .choice(TaxAnnealing.allCases.map(\.rawValue)), default: .choice("rateCap")),
      Parameter("evaluationRounds", "Last rounds averaged for the comparison.", domain: .integer(1...1_000_000),
                smoke: .integer(6), standard: .integer(100), paper: .integer(10_000)),
      Parameter("principalLearningRate", "REINFORCE principal's step size.", domain: .real(0.0001...100), default: .real(0.5)),
      Parameter("votingRule", "The social choice function f (the paper: meanSelfishness).", domain: .choice(VotingRule.allCases.map(\.rawValue)),
                default: .choice("meanSelfishness")),
      Parameter("reporting", "truthful, or strategic (one-shot best-response) reports of σ.", domain: .choice(VotingRule.Reporting.allCases.map(\.rawValue)),
                default: .choice("truthful")),
      Parameter("ucbLevels", "Rate levels per bracket of the UCB grid (levels^3 arms, evenly spaced in [0, 1]).", domain: .integer(2...11),
                smoke: .integer(2), standard: .integer(3), paper: .integer(5)),
    ] + Support.gameParameters()
  }

  static let principalNames = ["no tax", "U.S.-like (0.1, 0.25, 0.37)", "REINFORCE per bracket", "UCB over a rate grid"]

  public func simulate(in context: RunContext) throws -> ExperimentResult {
    let p = context.parameters
    let seeds = p.integer("seeds")
    let rounds = p.integer("rounds")
    let phaseOne = min(p.integer("phaseOneRounds"), rounds - 1)
    let window = min(p.integer("evaluationRounds"), rounds - phaseOne)
    let schedule = try Support.schedule(p, rounds: rounds, phaseOne: phaseOne, anneal: p.integer("annealRounds"),
                                        annealing: TaxAnnealing(rawValue: p.choice("annealing"))!)
    let configuration = Support.configuration(p)
    let lr = p.real("principalLearningRate")
    let levels = (0..<p.integer("ucbLevels")).map { Double($0) / Double(p.integer("ucbLevels") - 1) }
    let rule = VotingRule(rawValue: p.choice("votingRule"))!
    let reporting = VotingRule.Reporting(rawValue: p.choice("reporting"))!
    let jobs = (0..<seeds).flatMap { s in (0..<Self.principalNames.count).map { (seed: s, principal: $0) } }
    let results = try context.map(jobs, stream: "unused", label: "\(id): \(jobs.count) training runs") { _, job, _ in
      let typeRandom = context.random(stream: "types", replicate: job.seed)
      let types = PlayerType.uniform(configuration.agentCount, typeRandom)
      let codeVotes = (0..<configuration.agentCount).map { _ in typeRandom.uniform() }
      let random = context.random(stream: "training", replicate: job.seed)
      let principal: any TaxPrincipal
      switch job.principal {
      case 0: principal = NoTaxPrincipal()
      case 1: principal = FixedPrincipal([0.1, 0.25, 0.37], name: Self.principalNames[1])
      case 2: principal = BracketReinforcePrincipal(learningRate: lr)
      default: principal = UCBPrincipal(levels: levels)
      }
      let game = try ApplePickingGame(configuration: configuration, types: types)
      return try OnlineTraining.run(game: game, schedule: schedule, principal: principal, votingRule: rule, reporting: reporting,
                                    codeVotes: codeVotes, random).records
    }
    func records(_ seed: Int, _ principal: Int) -> [RoundRecord] { results[seed * Self.principalNames.count + principal] }
    func late(_ r: [RoundRecord], _ key: (RoundRecord) -> Double) -> Double { Support.average(r.suffix(window).map(key)) }

    var table = Table(id: "sed.principals.summary", title: "Last \(window) rounds of \(rounds), \(seeds) populations (95% t-intervals over populations)",
                      columns: ["principal", "objective O_η", "minus no tax", "95% interval", "Gini", "sustainability", "mean restraint", "mean rates"])
    var differences: [ConfidenceInterval] = []
    for j in Self.principalNames.indices {
      let objective = try ConfidenceInterval.meanOrPoint(of: (0..<seeds).map { late(records($0, j), \.objective) })
      let difference = try ConfidenceInterval.meanOrPoint(of: (0..<seeds).map { late(records($0, j), \.objective) - late(records($0, 0), \.objective) })
      differences.append(difference)
      let rates = (0..<3).map { b in Support.average((0..<seeds).map { s in late(records(s, j)) { $0.meanRates[b] } }) }
      table.append([.text(Self.principalNames[j]), .real(objective.estimate, digits: 1), .real(difference.estimate, digits: 1),
                    .text(difference.bracket(digits: 1)),
                    .real(Support.average((0..<seeds).map { late(records($0, j), \.gini) }), digits: 3),
                    .real(Support.average((0..<seeds).map { late(records($0, j), \.sustainability) }), digits: 0),
                    .real(Support.average((0..<seeds).map { late(records($0, j), \.meanRestraint) }), digits: 2),
                    .text(rates.map { DecimalFormat.fixed($0, digits: 2) }.joined(separator: ", "))])
    }

    // Figures: the objective against rounds, and the REINFORCE principal's rates per period.
    var objectiveChart = Chart(title: "Voted objective O_η per round (mean over \(seeds) populations, 10-round moving average)",
                               x: Axis(label: "voting round"), y: Axis(label: "O_η"))
    for j in Self.principalNames.indices {
      let perRound = (0..<rounds).map { r in Support.average((0..<seeds).map { records($0, j)[r].objective }) }
      let smooth = perRound.indices.map { r in (x: Double(r + 1), y: Support.average(Array(perRound[max(0, r - 9)...r]))) }
      objectiveChart.line(Self.principalNames[j], smooth)
    }
    objectiveChart.referenceLine(x: Double(phaseOne) + 0.5, label: "phase 2")
    var ratesChart = Chart(title: "Tax rates per period, REINFORCE principal (population 0; 20-period moving average)",
                           x: Axis(label: "tax period"), y: Axis(label: "rate", range: 0...1))
    let periods = records(0, 2).flatMap(\.periodRates)
    for b in 0..<3 {
      let raw = periods.map { $0[b] }
      let smooth = Swift.stride(from: 0, to: raw.count, by: max(1, raw.count / 400)).map { t in
        (x: Double(t + 1), y: Support.average(Array(raw[max(0, t - 19)...t])))
      }
      ratesChart.line("bracket \(b + 1) (\(["1–10", "11–20", "21–10000"][b]) apples)", smooth)
    }
    ratesChart.referenceLine(x: Double(phaseOne * 20) + 0.5, label: "phase 2")

    let primary = differences[2]
    let verdict: Verdict = primary.lower > 0 ? .supported : (primary.upper < 0 ? .refuted : .inconclusive)
    let evidence = Evidence(
      summary: "Over the last \(window) rounds, the REINFORCE principal's objective minus no tax: \(DecimalFormat.fixed(primary.estimate, digits: 1)) (95% \(primary.bracket(digits: 1))); UCB: \(DecimalFormat.fixed(differences[3].estimate, digits: 1)) (95% \(differences[3].bracket(digits: 1))); fixed U.S.-like schedule: \(DecimalFormat.fixed(differences[1].estimate, digits: 1)) (95% \(differences[1].bracket(digits: 1))).",
      measurements: [.init("REINFORCE minus no tax", lower: primary.lower, upper: primary.upper),
                     .init("UCB minus no tax", lower: differences[3].lower, upper: differences[3].upper),
                     .init("fixed U.S.-like minus no tax", lower: differences[1].lower, upper: differences[1].upper)],
      tolerance: "95% t-interval over populations of the paired difference (REINFORCE principal): above 0 supported, below 0 refuted, else inconclusive",
      sampleSize: seeds)
    return ExperimentResult(
      tables: [table],
      figures: [Figure(id: "sed.principals.objective", title: "The voted objective against rounds for each principal", svg: objectiveChart.svg()),
                Figure(id: "sed.principals.rates", title: "Tax rates per period as the principal learns", svg: ratesChart.svg())],
      claims: [ClaimResult(Self.improvesClaim, verdict, evidence)])
  }
}
