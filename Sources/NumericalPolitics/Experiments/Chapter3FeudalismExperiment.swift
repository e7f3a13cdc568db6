import LabKit

extension SocialGraphSettings.InitialGraph: ParameterChoice {}
extension SocialGraphSettings.OthersModel: ParameterChoice {}

/// Chapter 3 of Numerical Politics, "Social graph: Emergent feudalism", run: does a hierarchy emerge
/// among agents that own land, corn and labour and trade along a social graph they rewire?
///
/// The text is a design sketch with no code; ``SocialGraphWorld`` is the toolkit's model of it, and
/// every quantity the text leaves open is a parameter here. In the base cell: the base setting
/// (`replicates` seeds), the imitate/innovate sweep (§3.1.1), the deviants sweep (§3.1.2) under both
/// models of others, and the two control worlds (a responder that can be forced; serfdom imposed by
/// rule). In every other cell of the feudalism grid (one reading of the economics changed at a time):
/// the base setting only.
///
/// `np.ch3.emergent-feudalism`'s signature was fixed before the runs (see ``FeudalismSignature``):
/// land Gini above `hierarchyGini`, share of the harvest grown with others' labour above
/// `hierarchyLabourShare`, land and net labour received positively correlated (95% intervals over
/// seeds), and the land Gini no longer moving (its change over the last quarter of every run at most
/// `giniDriftTolerance`; a cell where it still moves is inconclusive).
struct Chapter3FeudalismExperiment: Experiment {
  init() {}

  let id = "np.ch3-feudalism"
  let title = "Chapter 3: the social graph and emergent feudalism"
  let sections = ["Chapter 3", "§3.1", "§3.1.1", "§3.1.2"]

  /// What one cell's simulation returns.
  struct Outcome: Sendable {
    /// The cell's setting, `replicates` seeds.
    var runs: [SocialGraphOutcome]
    /// Base cell only: the sweeps (one list of seeds per sweep point) and the control worlds.
    var imitation: [[SocialGraphOutcome]] = []
    var deviants: [[SocialGraphOutcome]] = []
    var corvee: [SocialGraphOutcome] = []
    var forced: [SocialGraphOutcome] = []
  }

  static let mutualConsentClaim = Claim(
    id: "np.ch3.mutual-consent", source: "Chapter 3", kind: .claim,
    statement:
      "An encounter ends when both agents say goodbye, or the first-mover begins the conversation with goodbye. This ensures that a game is entered into with mutual consent, which means that both agents expect to gain from the encounter under prior assumptions.",
    class: .consistency(
      because:
        "the model implements the consent rule as two guards (an initiator starts only along ties with a positive expected gain; a responder whose value of accepting is not positive opens with goodbye), so the count of opened encounters without mutual expected gain can be non-zero only through a bug; it is counted on every opened encounter, where a violation could occur"
    ),
    control: Control(
      "consent switched off (forcedResponse) in the world with a fraction 0.5 of deviants: the responder cannot decline, and an exploring initiator may start along any tie",
      expected: .fails))
  static let feudalismClaim = Claim(
    id: "np.ch3.emergent-feudalism", source: "Chapter 3 (title question)", kind: .exploratory,
    statement:
      "Social graph: emergent feudalism. Does a hierarchy emerge among agents that start with one unit of land each? Signature fixed before the runs: at the end (last quarter) land Gini > 0.3, share of the harvest grown with others' labour > 0.05, and corr(land, net labour received) > 0 (95% intervals over seeds), with the land Gini no longer moving (change over the last quarter ≤ 0.02 in every seed).",
    class: .empirical,
    control: Control(
      "a constructed feudal world: initial land Gini 0.7, land that cannot change hands (landTransfers off, so the Gini cannot drift) and serfdom imposed by rule (every agent hands the labour its land cannot use to its most landed partner)",
      expected: .holds),
    readings: [landReturns.erased, initialLandGini.erased, hitPain.erased, discount.erased, tieLearningRate.erased, giftScale.erased],
    design: .oneAtATime)
  static let imitationClaim = Claim(
    id: "np.ch3.imitation", source: "§3.1.1", kind: .exploratory,
    statement:
      "We can study the effect of having different levels of innovation/copying in society. Signature fixed before the runs: the imitate/innovate weight matters to collective wellbeing when Ω at weight 1 minus Ω at weight 0 (paired over seeds) has a 95% interval wholly beyond ±effectMargin; it does not when the interval lies within ±effectMargin.",
    class: .empirical, control: Control("the imitation arm's weight set to 0 (no imitation): the same seeds in both arms", expected: .fails))
  static let deviantsClaim = Claim(
    id: "np.ch3.deviants", source: "§3.1.2", kind: .exploratory,
    statement:
      "A minority of deviants choose a policy uniform randomly. Signature fixed before the runs: deviants matter to collective wellbeing when Ω at the largest deviant fraction minus Ω without deviants (paired over seeds) has a 95% interval wholly beyond ±effectMargin, in each model of others; they do not when it lies within ±effectMargin.",
    class: .empirical, control: Control("the deviant arm's fraction set to 0 (no deviants): the same seeds in both arms", expected: .fails))

  var claims: [Claim] { [Self.mutualConsentClaim, Self.feudalismClaim, Self.imitationClaim, Self.deviantsClaim] }

  /// The sweep points (fixed, so that every scale draws the same curves).
  static let imitationWeights = [0.0, 0.5, 1.0]
  static let deviantFractions = [0.0, 0.25, 0.5]

  func simulate(in context: RunContext) throws -> Outcome {
    let base = try Self.settings(context.parameters)
    let replicates = context.parameters[Self.replicates]
    // Every setting of a cell shares the body's physics and discount: solve V* once per cell.
    let bodyValue = BodyValue(rules: base.rules, discount: base.discount)
    // One stream for every setting: replicate r has the same seed everywhere (common random numbers),
    // so sweep points and control worlds are compared seed by seed.
    // The control world freezes land, so its rules differ from the base's: its V* is solved once too.
    var frozenRules = base.rules
    frozenRules.landTransfers = false
    let frozenValue = context.isBaseCell ? BodyValue(rules: frozenRules, discount: base.discount) : nil
    func runAll(_ settings: [SocialGraphSettings], label: String) throws -> [[SocialGraphOutcome]] {
      let jobs = settings.flatMap { s in Array(repeating: s, count: replicates) }
      let outcomes = try context.map(jobs, stream: "world", label: "\(id): \(label)", algorithm: .taus2) { index, settings, _ in
        let known = [bodyValue, frozenValue].compactMap { $0 }.first { $0.rules == settings.rules }
        var world = try SocialGraphWorld(
          settings: settings, random: context.random(stream: "world", replicate: index % replicates, algorithm: .taus2),
          bodyValue: known)
        world.run()
        return SocialGraphOutcome(world)
      }
      return (0..<settings.count).map { Array(outcomes[($0 * replicates)..<(($0 + 1) * replicates)]) }
    }
    guard context.isBaseCell else { return Outcome(runs: try runAll([base], label: "cell")[0]) }
    let sweep = Self.sweepSettings(base)
    var corvee = base
    corvee.initialLandGini = Self.corveeLandGini
    corvee.corvee = true
    corvee.rules.landTransfers = false  // the land cannot change hands: the Gini stays at its start
    var forced = base
    forced.forcedResponse = true
    forced.deviantFraction = Self.deviantFractions.last!  // deviants drive values of accepting below 0
    let all = try runAll(sweep.imitation + sweep.deviants + [corvee, forced], label: "base, sweeps and controls")
    let k = sweep.imitation.count, d = sweep.deviants.count
    return Outcome(runs: all[0], imitation: Array(all[0..<k]), deviants: Array(all[k..<(k + d)]), corvee: all[k + d], forced: all[k + d + 1])
  }

  /// The initial land Gini of the constructed feudal world (the control of np.ch3.emergent-feudalism).
  static let corveeLandGini = 0.7

  /// The sweep points: imitation weights (the first is the base setting), then deviant fractions for
  /// each model of others.
  static func sweepSettings(_ base: SocialGraphSettings) -> (imitation: [SocialGraphSettings], deviants: [SocialGraphSettings]) {
    let imitation = imitationWeights.map { w -> SocialGraphSettings in
      var s = base; s.imitationWeight = w; return s
    }
    let deviants = SocialGraphSettings.OthersModel.allCases.flatMap { model in
      deviantFractions.map { fraction -> SocialGraphSettings in
        var s = base; s.othersModel = model; s.deviantFraction = fraction; return s
      }
    }
    return (imitation, deviants)
  }

  func judge(_ outcomes: Outcomes<Outcome>, in context: RunContext) throws -> ExperimentResult {
    let p = context.parameters
    let base = try Self.settings(p)
    let o = outcomes.base
    let signature = FeudalismSignature(p)
    let feudal = try FeudalismSummary(o.runs)
    let cells = try outcomes.cells(of: Self.feudalismClaim).map { cell, outcome in (cell, try signature.judge(outcome.runs)) }
    let control = try signature.judge(o.corvee)
    let imitationRows = try Self.imitationWeights.indices.map {
      try SweepRow(x: Self.imitationWeights[$0], label: DecimalFormat.compact(Self.imitationWeights[$0]), runs: o.imitation[$0])
    }
    let deviantRows = try o.deviants.indices.map { i -> SweepRow in
      let model = SocialGraphSettings.OthersModel.allCases[i / Self.deviantFractions.count],
        fraction = Self.deviantFractions[i % Self.deviantFractions.count]
      return try SweepRow(x: fraction, label: "\(model.rawValue) \(DecimalFormat.compact(fraction))", runs: o.deviants[i])
    }
    let margin = p[Self.effectMargin]
    return ExperimentResult(
      tables: [
        feudal.table(o.runs, settings: base), Self.mapTable(cells, control: control), Self.degreeTable(o.runs),
        Self.sweepTable(
          id: "np.ch3.imitation-sweep",
          title:
            "Imitate/innovate (§3.1.1): the end of the runs against the imitation weight (\(o.runs.count) seeds each, the same seeds at every point; mean and 95% t-interval)",
          column: "imitation weight", imitationRows),
        Self.sweepTable(
          id: "np.ch3.deviants-sweep",
          title:
            "Deviants (§3.1.2): the end of the runs against the fraction of deviants, for both models of others (\(o.runs.count) seeds each, the same seeds at every point)",
          column: "model, deviant fraction", deviantRows),
      ],
      figures: Self.figures(o, agents: base.agents, imitationRows: imitationRows, deviantRows: deviantRows),
      claims: [
        Self.consentResult(o), signature.result(cells, control: control, base: feudal),
        try Self.imitationResult(o, margin: margin), try Self.deviantsResult(o, margin: margin),
      ])
  }

  static func figures(_ o: Outcome, agents: Int, imitationRows: [SweepRow], deviantRows: [SweepRow]) -> [Figure] {
    let n = deviantFractions.count
    return [
      giniFigure(o.runs), SocialGraphDrawing.figure(o.runs[0], agents: agents),
      sweepFigure(
        id: "np.ch3.imitation", title: "Ω against the imitation weight (§3.1.1)", xLabel: "imitation weight (0 innovator, 1 imitator)",
        groups: [("Ω per agent-step", imitationRows)]
      ).captioned(
        "Ω is collective wellbeing, the sum of the agents' wellbeing W, here per agent and step over the late part of the runs; the imitation weight mixes an agent's own experience (0) with imitating others (1)."
      ),
      sweepFigure(
        id: "np.ch3.deviants", title: "Ω against the fraction of deviants (§3.1.2)", xLabel: "fraction of deviants Δ",
        groups: SocialGraphSettings.OthersModel.allCases.enumerated().map { k, model in
          ("\(model.rawValue) model", Array(deviantRows[(k * n)..<((k + 1) * n)]))
        }
      ).captioned(
        "Ω is collective wellbeing, the sum of the agents' wellbeing W, here per agent and step over the late part of the runs; Δ is the fraction of deviants (agents who ignore the norm); the experience and conformist models are the text's two ways agents form their expectations (§3.1.2)."
      ),
    ]
  }
}
