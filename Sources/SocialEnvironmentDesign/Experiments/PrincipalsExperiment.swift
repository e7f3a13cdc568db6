import LabKit

/// §4 of Social Environment Design: "Preliminary results were promising" — the paper publishes no
/// numbers. The design loop (``DesignLoop``): seven PPO players with a shared policy learn under a
/// principal that taxes the apples collected in every 50-step period by the bracket schedule of
/// Appendix A (Table 1) and redistributes the tax in equal shares; the voted objective O_η (η from the
/// players' types by the voting rule, the paper's mean σ by default) is measured on the post-tax
/// apples, so redistribution is the principal's lever on the egalitarian part and the tax's effect on
/// what the players learn is its lever on the total.
///
/// Standard fixed in advance: the mean post-tax O_η over the last `evaluationRounds` rounds, paired by
/// population (types and the players' stream) with the no-tax run; a cell holds when the 95 %
/// t-interval of the difference for the PPO principal (the text's principal) lies above 0, fails when
/// it lies below 0, inconclusive otherwise. Judged over the orchard reset (the released code's fresh
/// orchard every 200-step sampling horizon, or the 1000-step round played continuously). A fixed
/// U.S.-like schedule and a UCB bandit over a rate grid are reported beside it. Control: the lever
/// reversed — the schedule forced to (1, 1, 1) and redistribution switched off, so every apple is taxed
/// away and the post-tax objective is 0 in every round; every paired difference is then minus the
/// no-tax objective, so the check must fail (on pre-tax apples it would not).
struct PrincipalsExperiment: Experiment {
  static let seeds = ParameterKey<Int>("seeds")
  static let rounds = ParameterKey<Int>("rounds")
  static let roundLength = ParameterKey<Int>("roundLength")
  static let evaluationRounds = ParameterKey<Int>("evaluationRounds")
  static let playerLearningRate = ParameterKey<Double>("playerLearningRate")
  static let principalLearningRate = ParameterKey<Double>("principalLearningRate")
  static let votingRule = ParameterKey<VotingRule>("votingRule")
  static let ucbLevels = ParameterKey<Int>("ucbLevels")
  static let orchardReset = ParameterKey<OrchardReset>("orchardReset")
  static let redistribution = ParameterKey<RedistributionMode>("redistribution")

  let id = "sed.principals"
  let title = "Principals with a lever: taxed and redistributed apples under learning players"
  let sections = ["§4", "Appendix A"]

  static let improvesClaim = Claim(
    id: "sed.principal-improves", source: "§4 (\"Preliminary results were promising\")", kind: .conjecture,
    statement: "A learning principal raises the voted objective, measured after tax and redistribution, over no tax, with players that learn.",
    class: .empirical,
    control: Control(
      "the lever reversed: the schedule forced to (1, 1, 1) and redistribution switched off, so the post-tax objective is 0 and every paired difference is minus the no-tax objective"
    ),
    readings: [orchardReset.erased], design: .product)

  var claims: [Claim] { [Self.improvesClaim] }

  var parameters: [Parameter] {
    [
      Parameter(
        Self.seeds, "Independent populations (types and the players' stream), each trained under every principal.",
        domain: .integer(2...10_000), smoke: 4, standard: 4, paper: 32),
      Parameter(
        Self.rounds, "Voting rounds; the released code runs 100 000 episodes.", domain: .integer(1...1_000_000), smoke: 3, standard: 10,
        paper: 100_000),
      Parameter(
        Self.roundLength, "Steps per voting round (Table 1: 1000), a multiple of the 200-step sampling horizon.",
        domain: .integer(200...1_000_000), smoke: 200, standard: 1000, paper: 1000),
      Parameter(
        Self.evaluationRounds, "Last rounds averaged for the comparison.", domain: .integer(1...1_000_000), smoke: 2, standard: 4, paper: 10_000),
      Parameter(
        Self.playerLearningRate,
        "Adam step size of the players, annealed to 0 (the released code's 2.5e-4 is for 5·10^5 updates; raised for budgets of 10^1 to 10^2).",
        domain: .real(lower: 1e-6, upper: 1, lowerIncluded: true, upperIncluded: true), default: 1e-3),
      Parameter(
        Self.principalLearningRate, "Adam step size of the PPO principal (one update per round), annealed to 0.",
        domain: .real(lower: 1e-6, upper: 1, lowerIncluded: true, upperIncluded: true), default: 3e-3),
      Parameter(Self.votingRule, "The social choice function f (the paper: meanSelfishness).", default: .meanSelfishness),
      Parameter(
        Self.ucbLevels, "Rate levels per bracket of the UCB grid (levels^3 arms, evenly spaced in [0, 1]).", domain: .integer(2...11), default: 2),
      Parameter(
        Self.orchardReset, "everyRound = a fresh orchard each 1000-step round (Table 1); everyHorizon = every 200-step horizon (released code).",
        default: .everyRound),
      Parameter(
        Self.redistribution, "equalShares = the tax is returned in equal shares (§4, released code); none = kept (the lever removed).",
        default: .equalShares),
      Parameter(Support.regrowthRule, "paper (Appendix A read literally) or code (released Melting Pot rule).", default: .paper),
    ]
  }

  var readings: [Reading] {
    [
      Reading(
        Self.orchardReset,
        [
          .init(
            OrchardReset.everyRound, reason: "Table 1's 1000-step episode played continuously, a fresh orchard each round",
            source: "Appendix A, Table 1"),
          .init(
            OrchardReset.everyHorizon, reason: "the released code resets the substrate every 200-step sampling horizon",
            source: "released code (notes §3.5)"),
        ])
    ]
  }

  static let principalNames = ["no tax", "U.S.-like (0.1, 0.25, 0.37)", "UCB over a rate grid", "PPO principal"]
  static let primary = 3

  struct Outcome: Sendable {
    /// runs[seed][principal]
    var runs: [[[DesignRound]]]
    /// Base cell: the control's runs, one per seed.
    var control: [[DesignRound]]?
    /// types[seed] and codeVotes[seed], for the vote table.
    var types: [[PlayerType]]
    var codeVotes: [[Double]]
    var window: Int
  }

  /// One job: population `seed` under principal `principal` (−1 = the control).
  struct Job: Sendable {
    var seed: Int
    var principal: Int
  }

  func simulate(in context: RunContext) throws -> Outcome {
    let p = context.parameters
    let seeds = p[Self.seeds], rounds = p[Self.rounds]
    var configuration = AppleGameConfiguration()
    configuration.regrowth = p[Support.regrowthRule].rule
    configuration.intrinsic = .off
    var settings = DesignLoopSettings(rounds: rounds, reset: p[Self.orchardReset])
    settings.roundLength = p[Self.roundLength]
    settings.redistribution = p[Self.redistribution]
    settings.players.hyperparameters.learningRate = p[Self.playerLearningRate]
    _ = try settings.validated(taxPeriod: configuration.taxPeriod)
    var jobs = (0..<seeds).flatMap { s in Self.principalNames.indices.map { Job(seed: s, principal: $0) } }
    if context.isBaseCell { jobs += (0..<seeds).map { Job(seed: $0, principal: -1) } }
    let population = try (0..<seeds).map { s in try Self.population(seed: s, configuration: configuration, rule: p[Self.votingRule], context: context)
    }
    let (fixed, parameters, loop) = (configuration, p, settings)
    let runs = try context.map(jobs, stream: "unused", label: "\(id): \(jobs.count) training runs") { _, job, _ in
      var s = loop
      if job.principal < 0 { s.redistribution = .none }
      var principal = try Self.principal(job.principal, settings: s, parameters: parameters, context: context, seed: job.seed)
      let (types, eta) = population[job.seed]
      return try DesignLoop.run(
        configuration: fixed, types: types.types, eta: eta, settings: s, principal: &principal,
        random: context.random(stream: "players", replicate: job.seed), principalRandom: context.random(stream: "principal", replicate: job.seed))
    }
    let count = Self.principalNames.count
    return Outcome(
      runs: (0..<seeds).map { s in Array(runs[s * count..<(s + 1) * count]) }, control: context.isBaseCell ? Array(runs[(seeds * count)...]) : nil,
      types: population.map { $0.0.types }, codeVotes: population.map { $0.0.codeVotes }, window: min(p[Self.evaluationRounds], rounds))
  }

  /// Population `seed`: types σ, β ~ U[0, 1], the released code's independent vote vector, and η by `rule`.
  static func population(
    seed: Int, configuration: AppleGameConfiguration, rule: VotingRule, context: RunContext
  ) throws -> ((types: [PlayerType], codeVotes: [Double]), Double) {
    let random = context.random(stream: "types", replicate: seed)
    let types = PlayerType.uniform(configuration.agentCount, random)
    let codeVotes = (0..<configuration.agentCount).map { _ in random.uniform() }
    return ((types, codeVotes), try rule.eta(reports: types.map(\.selfishness), codeVotes: codeVotes))
  }

  /// Principal `index` of ``principalNames`` (−1: the control's forced (1, 1, 1)).
  static func principal(
    _ index: Int, settings: DesignLoopSettings, parameters p: Parameters, context: RunContext, seed: Int
  ) throws -> any DesignPrincipal {
    let levels = (0..<p[ucbLevels]).map { Double($0) / Double(p[ucbLevels] - 1) }
    switch index {
    case -1: return ScheduledPrincipal(FixedPrincipal([1, 1, 1], name: "(1, 1, 1) without redistribution"))
    case 0: return ScheduledPrincipal(NoTaxPrincipal())
    case 1: return ScheduledPrincipal(FixedPrincipal([0.1, 0.25, 0.37], name: principalNames[1]))
    case 2: return ScheduledPrincipal(UCBPrincipal(levels: levels))
    default:
      return try PPOPrincipal(
        players: AppleGameConfiguration().agentCount, periods: settings.roundLength / AppleGameConfiguration().taxPeriod, rounds: settings.rounds,
        learningRate: p[principalLearningRate], random: context.random(stream: "principal-init", replicate: seed))
    }
  }

  /// The mean of `value` over the last `window` rounds.
  static func late(_ rounds: [DesignRound], _ window: Int, _ value: (DesignRound) -> Double) -> Double {
    Support.average(rounds.suffix(window).map(value))
  }

  /// Each principal's late post-tax O_η minus no tax's, paired by population.
  static func differences(_ o: Outcome) throws -> [ConfidenceInterval] {
    try principalNames.indices.map { j in
      try ConfidenceInterval.meanOrPoint(of: o.runs.map { late($0[j], o.window, \.objective) - late($0[0], o.window, \.objective) })
    }
  }

  /// The control's late O_η minus no tax's, paired by population.
  static func controlDifference(_ o: Outcome) throws -> ConfidenceInterval {
    try ConfidenceInterval.meanOrPoint(of: zip(o.control ?? [], o.runs).map { late($0, o.window, \.objective) - late($1[0], o.window, \.objective) })
  }
}
