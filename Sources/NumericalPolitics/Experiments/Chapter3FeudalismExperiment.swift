import LabKit

/// Chapter 3 of Numerical Politics, "Social graph: Emergent feudalism", run: does a hierarchy emerge
/// among agents that own land, corn and labour and trade along a social graph they rewire?
///
/// The text is a design sketch with no code; ``SocialGraphWorld`` is the toolkit's model of it, and
/// every quantity the text leaves open is a parameter here. Three sets of runs:
/// - the base setting, `replicates` seeds: inequality of land and corn over time, labour and corn
///   flows along ties, the degree distribution, collective wellbeing Ω, the graph at the end;
/// - the imitate/innovate sweep (§3.1.1): imitation weights 0, 0.25, 0.5, 0.75, 1;
/// - the deviants sweep (§3.1.2): deviant fractions 0, 0.1, 0.2, 0.3, 0.5, under both models of
///   others (experience and conformist).
///
/// Claims: the mutual-consent invariant (checked on every encounter of every run), and three
/// exploratory questions. For `np.ch3.emergent-feudalism` an operational answer was fixed before the
/// runs: a hierarchy has emerged when, at the end of the base runs, the land Gini is above
/// `hierarchyGini` AND the share of the harvest grown with others' labour is above
/// `hierarchyLabourShare` AND land and net labour received are positively correlated (all three as
/// 95% intervals over seeds); it has not when the land-Gini or labour-share interval lies below its
/// threshold or the correlation interval below 0; otherwise inconclusive. The sweeps are descriptive.
public struct FeudalismExperiment: Experiment {
  public init() {}

  public let id = "np.ch3-feudalism"
  public let title = "Chapter 3: the social graph and emergent feudalism"
  public let sections = ["Chapter 3", "§3.1", "§3.1.1", "§3.1.2"]

  public static let mutualConsentClaim = Claim(
    id: "np.ch3.mutual-consent", source: "Chapter 3", kind: .claim,
    statement: "An encounter ends when both agents say goodbye, or the first-mover begins the conversation with goodbye. This ensures that a game is entered into with mutual consent, which means that both agents expect to gain from the encounter under prior assumptions.")
  public static let feudalismClaim = Claim(
    id: "np.ch3.emergent-feudalism", source: "Chapter 3 (title question)", kind: .exploratory,
    statement: "Social graph: emergent feudalism. Does a hierarchy emerge (inequality of land and corn, labour flowing to the landed, concentrated ties) among agents that start equal?")
  public static let imitationClaim = Claim(
    id: "np.ch3.imitation", source: "§3.1.1", kind: .exploratory,
    statement: "We can study the effect of having different levels of innovation/copying in society: how collective wellbeing and inequality change with the imitate/innovate weight.")
  public static let deviantsClaim = Claim(
    id: "np.ch3.deviants", source: "§3.1.2", kind: .exploratory,
    statement: "A minority of deviants choose a policy uniform randomly: how collective wellbeing and inequality change with the fraction of deviants.")

  public var claims: [Claim] { [Self.mutualConsentClaim, Self.feudalismClaim, Self.imitationClaim, Self.deviantsClaim] }

  /// The sweep points (fixed, so that every scale draws the same curves).
  public static let imitationWeights = [0.0, 0.25, 0.5, 0.75, 1.0]
  public static let deviantFractions = [0.0, 0.1, 0.2, 0.3, 0.5]

  public var parameters: [Parameter] {
    let defaults = SocialGraphSettings()
    let rules = defaults.rules
    return [
      Parameter("agents", "Population (the text gives none; paper scale: at least 1000, as the issue asks).", domain: .integer(2...100_000), smoke: .integer(30), standard: .integer(200), paper: .integer(1000)),
      Parameter("rounds", "Rounds; in each, every agent initiates one game.", domain: .integer(1...10_000_000), smoke: .integer(100), standard: .integer(1000), paper: .integer(10_000)),
      Parameter("replicates", "Seeds per setting.", domain: .integer(1...1000), smoke: .integer(2), standard: .integer(4), paper: .integer(8)),
      Parameter("initialGraph", "The initial graph: random out-ties, or complete (small populations; text: 'could start with a fully connected graph').", domain: .choice(SocialGraphSettings.InitialGraph.allCases.map(\.rawValue)), default: .choice(defaults.initialGraph.rawValue)),
      Parameter("tiesPerAgent", "Out-ties per agent in the random graph, kept constant by replacement.", domain: .integer(1...1000), default: .integer(defaults.tiesPerAgent)),
      Parameter("contexts", "Tie contexts ('just an integer ID').", domain: .integer(1...100), default: .integer(defaults.contexts)),
      Parameter("walkStopProbability", "Stopping probability of the random walk that finds a new partner.", domain: .real(lower: 0, upper: 1, lowerIncluded: false, upperIncluded: false), default: .real(defaults.walkStopProbability)),
      Parameter("tieThreshold", "A tie whose expected value falls below this is replaced.", domain: .real(-1e6...1e6), default: .real(defaults.tieThreshold)),
      Parameter("newTieOptimism", "Benefit of the doubt added to a new tie's values of starting and of accepting an encounter.", domain: .real(0...1e6), default: .real(defaults.newTieOptimism)),
      Parameter("initialCorn", "Grains each agent starts with.", domain: .real(0...1e9), default: .real(defaults.initialCorn)),
      Parameter("yieldPerUnit", "Grains per unit of min(land, labour) at a harvest (text: 100).", domain: .real(lower: 0, upper: 1e9, lowerIncluded: false, upperIncluded: true), default: .real(rules.yieldPerUnit)),
      Parameter("grainsPerMeal", "Grains in a meal; a body's hunger rises by one meal per time step.", domain: .real(lower: 0, upper: 1e9, lowerIncluded: false, upperIncluded: true), default: .real(rules.grainsPerMeal)),
      Parameter("maximumHunger", "Hunger stops rising here (meals).", domain: .real(1...1000), default: .real(rules.maximumHunger)),
      Parameter("landGift", "Land handed over by one 'give land' move.", domain: .real(lower: 0, upper: 1e6, lowerIncluded: false, upperIncluded: true), default: .real(rules.landGift)),
      Parameter("cornGift", "Grains handed over by one 'give corn' move.", domain: .real(lower: 0, upper: 1e9, lowerIncluded: false, upperIncluded: true), default: .real(rules.cornGift)),
      Parameter("labourGift", "Labour handed over by one 'give labour' move.", domain: .real(lower: 0, upper: 1e6, lowerIncluded: false, upperIncluded: true), default: .real(rules.labourGift)),
      Parameter("hitPain", "Pain of being hit with the stick (wellbeing units).", domain: .real(0...1e6), default: .real(rules.hitPain)),
      Parameter("hitEffort", "Effort of hitting, felt by the hitter.", domain: .real(0...1e6), default: .real(rules.hitEffort)),
      Parameter("tieLearningRate", "α of the tie Q-functions (discount 1 within an encounter, as the text says).", domain: .unitInterval(zeroAllowed: false), default: .real(defaults.tieLearningRate)),
      Parameter("discount", "γ between an agent's own games (the body value V*).", domain: .real(lower: 0, upper: 1, lowerIncluded: true, upperIncluded: false), default: .real(defaults.discount)),
      Parameter("exploration", "ε at the meta-game and at each move (never at consent).", domain: .unitInterval(), default: .real(defaults.exploration)),
      Parameter("bufferSize", "Histories kept per context in the public buffer B.", domain: .integer(1...10_000_000), default: .integer(defaults.bufferSize)),
      Parameter("bufferSampleProbability", "Probability that an encounter is copied into B.", domain: .unitInterval(), default: .real(defaults.bufferSampleProbability)),
      Parameter("refreshInterval", "Rounds between re-estimates of the empirical policy, the norm and the new-tie prior.", domain: .integer(1...1_000_000), default: .integer(defaults.refreshInterval)),
      Parameter("selfPlayEncounters", "Self-play encounters per role and context that train a new tie's prior against the empirical policy.", domain: .integer(0...1_000_000), default: .integer(defaults.selfPlayEncounters)),
      Parameter("selfPlayExploration", "ε of those self-play encounters.", domain: .unitInterval(), default: .real(defaults.selfPlayExploration)),
      Parameter("imitationWeight", "Imitate/innovate weight of the base runs (probability that a move copies the empirical policy).", domain: .unitInterval(), default: .real(defaults.imitationWeight)),
      Parameter("empiricalSmoothing", "Pseudo-count per move of the empirical policy.", domain: .real(lower: 0, upper: 1e6, lowerIncluded: false, upperIncluded: true), default: .real(defaults.empiricalSmoothing)),
      Parameter("othersModel", "How initiators value a tie in the base runs: experience (Q-learning only) or conformist (§3.1.2's norm/deviant posterior).", domain: .choice(SocialGraphSettings.OthersModel.allCases.map(\.rawValue)), default: .choice(defaults.othersModel.rawValue)),
      Parameter("deviantFraction", "Fraction of deviants in the base runs.", domain: .unitInterval(), default: .real(defaults.deviantFraction)),
      Parameter("deviantPriorShape", "n of the prior P(Δ) = (n+1)(n+2)Δ(1−Δ)^n.", domain: .real(0...1e6), default: .real(defaults.deviantPriorShape)),
      Parameter("maximumMoves", "Encounter length cap.", domain: .integer(2...64), default: .integer(defaults.maximumMoves)),
      Parameter("checkpointInterval", "Rounds between recorded checkpoints.", domain: .integer(1...1_000_000), smoke: .integer(10), standard: .integer(20), paper: .integer(100)),
      Parameter("hierarchyGini", "Operational answer, fixed before the runs: land Gini above which a hierarchy counts as emerged.", domain: .unitInterval(), default: .real(0.3)),
      Parameter("hierarchyLabourShare", "Operational answer, fixed before the runs: share of the harvest grown with others' labour above which labour counts as working others' land.", domain: .unitInterval(), default: .real(0.05)),
    ]
  }

  /// The settings the parameters describe.
  public static func settings(_ p: Parameters) -> SocialGraphSettings {
    var s = SocialGraphSettings()
    s.agents = p.integer("agents")
    s.rounds = p.integer("rounds")
    s.initialGraph = SocialGraphSettings.InitialGraph(rawValue: p.choice("initialGraph"))!
    s.tiesPerAgent = p.integer("tiesPerAgent")
    s.contexts = p.integer("contexts")
    s.walkStopProbability = p.real("walkStopProbability")
    s.tieThreshold = p.real("tieThreshold")
    s.newTieOptimism = p.real("newTieOptimism")
    s.initialCorn = p.real("initialCorn")
    s.rules.yieldPerUnit = p.real("yieldPerUnit")
    s.rules.grainsPerMeal = p.real("grainsPerMeal")
    s.rules.maximumHunger = p.real("maximumHunger")
    s.rules.landGift = p.real("landGift")
    s.rules.cornGift = p.real("cornGift")
    s.rules.labourGift = p.real("labourGift")
    s.rules.hitPain = p.real("hitPain")
    s.rules.hitEffort = p.real("hitEffort")
    s.tieLearningRate = p.real("tieLearningRate")
    s.discount = p.real("discount")
    s.exploration = p.real("exploration")
    s.bufferSize = p.integer("bufferSize")
    s.bufferSampleProbability = p.real("bufferSampleProbability")
    s.refreshInterval = p.integer("refreshInterval")
    s.selfPlayEncounters = p.integer("selfPlayEncounters")
    s.selfPlayExploration = p.real("selfPlayExploration")
    s.imitationWeight = p.real("imitationWeight")
    s.empiricalSmoothing = p.real("empiricalSmoothing")
    s.othersModel = SocialGraphSettings.OthersModel(rawValue: p.choice("othersModel"))!
    s.deviantFraction = p.real("deviantFraction")
    s.deviantPriorShape = p.real("deviantPriorShape")
    s.maximumMoves = p.integer("maximumMoves")
    s.checkpointInterval = p.integer("checkpointInterval")
    return s
  }

  /// One setting of a sweep.
  struct Setting: Sendable {
    var label: String
    var settings: SocialGraphSettings
  }

  public func simulate(in context: RunContext) throws -> ExperimentResult {
    let p = context.parameters
    let base = Self.settings(p)
    try base.validate()
    let replicates = p.integer("replicates")
    // Every setting shares the body's physics and discount: solve V* once.
    let bodyValue = BodyValue(rules: base.rules, discount: base.discount)

    func runAll(_ settings: [Setting], stream: String, label: String) throws -> [[SocialGraphOutcome]] {
      let jobs = settings.flatMap { setting in (0..<replicates).map { _ in setting.settings } }
      let outcomes = try context.map(jobs, stream: stream, label: "\(id): \(label)", algorithm: .taus2) { _, settings, random in
        var world = try SocialGraphWorld(settings: settings, random: random, bodyValue: bodyValue)
        world.run()
        return SocialGraphOutcome(world)
      }
      return (0..<settings.count).map { Array(outcomes[($0 * replicates)..<(($0 + 1) * replicates)]) }
    }

    let baseRuns = try runAll([Setting(label: "base", settings: base)], stream: "base", label: "base runs")[0]
    let imitation = Self.imitationWeights.map { w -> Setting in
      var s = base; s.imitationWeight = w
      return Setting(label: DecimalFormat.compact(w), settings: s)
    }
    let imitationRuns = try runAll(imitation, stream: "imitation", label: "imitate/innovate sweep")
    let deviants = SocialGraphSettings.OthersModel.allCases.flatMap { model in
      Self.deviantFractions.map { fraction -> Setting in
        var s = base; s.othersModel = model; s.deviantFraction = fraction
        return Setting(label: "\(model.rawValue) \(DecimalFormat.compact(fraction))", settings: s)
      }
    }
    let deviantRuns = try runAll(deviants, stream: "deviants", label: "deviants sweep")

    let all = baseRuns + imitationRuns.flatMap { $0 } + deviantRuns.flatMap { $0 }
    let feudal = try FeudalismSummary(baseRuns)
    let imitationRows = try imitation.indices.map { try SweepRow(x: Self.imitationWeights[$0], label: imitation[$0].label, runs: imitationRuns[$0]) }
    let deviantRows = try deviants.indices.map { try SweepRow(x: deviants[$0].settings.deviantFraction, label: deviants[$0].label, runs: deviantRuns[$0]) }

    return ExperimentResult(
      tables: [feudal.table(baseRuns, settings: base), Self.degreeTable(baseRuns),
               Self.sweepTable(id: "np.ch3.imitation-sweep", title: "Imitate/innovate (§3.1.1): the end of the runs against the imitation weight (\(replicates) seeds each; mean and 95% t-interval)", column: "imitation weight", imitationRows),
               Self.sweepTable(id: "np.ch3.deviants-sweep", title: "Deviants (§3.1.2): the end of the runs against the fraction of deviants, for both models of others (\(replicates) seeds each)", column: "model, deviant fraction", deviantRows)],
      figures: [Self.giniFigure(baseRuns), SocialGraphDrawing.figure(baseRuns[0], agents: base.agents),
                Self.sweepFigure(id: "np.ch3.imitation", title: "Ω against the imitation weight (§3.1.1)", xLabel: "imitation weight (0 innovator, 1 imitator)", groups: [("Ω per agent-step", imitationRows)]),
                Self.sweepFigure(id: "np.ch3.deviants", title: "Ω against the fraction of deviants (§3.1.2)", xLabel: "fraction of deviants Δ",
                                 groups: SocialGraphSettings.OthersModel.allCases.enumerated().map { k, model in
                                   ("\(model.rawValue) model", Array(deviantRows[(k * Self.deviantFractions.count)..<((k + 1) * Self.deviantFractions.count)]))
                                 })],
      claims: [Self.consentVerdict(all), feudal.verdict(gini: p.real("hierarchyGini"), labourShare: p.real("hierarchyLabourShare")),
               Self.sweepVerdict(Self.imitationClaim, imitationRows, what: "imitation weight"),
               Self.sweepVerdict(Self.deviantsClaim, deviantRows, what: "model and deviant fraction")])
  }
}
