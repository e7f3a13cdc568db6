import LabKit

/// The parameters and readings of `np.ch3-feudalism`.
extension Chapter3FeudalismExperiment {
  static let agents = ParameterKey<Int>("agents")
  static let rounds = ParameterKey<Int>("rounds")
  static let replicates = ParameterKey<Int>("replicates")
  static let initialGraph = ParameterKey<SocialGraphSettings.InitialGraph>("initialGraph")
  static let tiesPerAgent = ParameterKey<Int>("tiesPerAgent")
  static let contexts = ParameterKey<Int>("contexts")
  static let walkStopProbability = ParameterKey<Double>("walkStopProbability")
  static let tieThreshold = ParameterKey<Double>("tieThreshold")
  static let newTieOptimism = ParameterKey<Double>("newTieOptimism")
  static let initialCorn = ParameterKey<Double>("initialCorn")
  static let initialLandGini = ParameterKey<Double>("initialLandGini")
  static let yieldPerUnit = ParameterKey<Double>("yieldPerUnit")
  static let landReturns = ParameterKey<Double>("landReturns")
  static let grainsPerMeal = ParameterKey<Double>("grainsPerMeal")
  static let maximumHunger = ParameterKey<Double>("maximumHunger")
  static let landGift = ParameterKey<Double>("landGift")
  static let cornGift = ParameterKey<Double>("cornGift")
  static let labourGift = ParameterKey<Double>("labourGift")
  static let giftScale = ParameterKey<Double>("giftScale")
  static let hitPain = ParameterKey<Double>("hitPain")
  static let hitEffort = ParameterKey<Double>("hitEffort")
  static let tieLearningRate = ParameterKey<Double>("tieLearningRate")
  static let discount = ParameterKey<Double>("discount")
  static let exploration = ParameterKey<Double>("exploration")
  static let bufferSize = ParameterKey<Int>("bufferSize")
  static let bufferSampleProbability = ParameterKey<Double>("bufferSampleProbability")
  static let refreshInterval = ParameterKey<Int>("refreshInterval")
  static let selfPlayEncounters = ParameterKey<Int>("selfPlayEncounters")
  static let selfPlayExploration = ParameterKey<Double>("selfPlayExploration")
  static let imitationWeight = ParameterKey<Double>("imitationWeight")
  static let empiricalSmoothing = ParameterKey<Double>("empiricalSmoothing")
  static let othersModel = ParameterKey<SocialGraphSettings.OthersModel>("othersModel")
  static let deviantFraction = ParameterKey<Double>("deviantFraction")
  static let deviantPriorShape = ParameterKey<Double>("deviantPriorShape")
  static let maximumMoves = ParameterKey<Int>("maximumMoves")
  static let checkpointInterval = ParameterKey<Int>("checkpointInterval")
  static let hierarchyGini = ParameterKey<Double>("hierarchyGini")
  static let hierarchyLabourShare = ParameterKey<Double>("hierarchyLabourShare")
  static let giniDriftTolerance = ParameterKey<Double>("giniDriftTolerance")
  static let effectMargin = ParameterKey<Double>("effectMargin")

  var parameters: [Parameter] { Self.worldParameters + Self.learningParameters + Self.judgementParameters }

  static let positive = Parameter.Domain.real(lower: 0, upper: 1e9, lowerIncluded: false, upperIncluded: true)

  static var worldParameters: [Parameter] {
    let d = SocialGraphSettings(), r = d.rules
    return [
      Parameter(
        agents,
        "Population (the text gives none). Standard 100 so that runs are long enough for land inequality to settle within the time budget; paper 1000.",
        domain: .integer(2...100_000), smoke: 30, standard: 100, paper: 1000),
      Parameter(
        rounds,
        "Rounds; in each, every agent initiates one game. Long enough for the land Gini to stop moving (its drift over the last quarter is measured). Standard 4000 (about 95 CPU-s for the whole experiment); paper 10 000.",
        domain: .integer(4...10_000_000), smoke: 200, standard: 4000, paper: 10_000),
      Parameter(
        replicates, "Seeds per setting (the same seeds in every setting: common random numbers).", domain: .integer(2...1000), smoke: 3, standard: 3,
        paper: 8),
      Parameter(
        initialGraph, "The initial graph: random out-ties, or complete (small populations; text: 'could start with a fully connected graph').",
        default: d.initialGraph),
      Parameter(
        tiesPerAgent, "Out-ties per agent in the random graph, kept constant by replacement.", domain: .integer(1...1000), default: d.tiesPerAgent),
      Parameter(contexts, "Tie contexts ('just an integer ID').", domain: .integer(1...100), default: d.contexts),
      Parameter(
        walkStopProbability, "Stopping probability of the random walk that finds a new partner.",
        domain: .real(lower: 0, upper: 1, lowerIncluded: false, upperIncluded: false), default: d.walkStopProbability),
      Parameter(tieThreshold, "A tie whose expected value falls below this is replaced.", domain: .real(-1e6...1e6), default: d.tieThreshold),
      Parameter(
        newTieOptimism, "Benefit of the doubt added to a new tie's values of starting and of accepting an encounter.", domain: .real(0...1e6),
        default: d.newTieOptimism),
      Parameter(initialCorn, "Grains each agent starts with.", domain: .real(0...1e9), default: d.initialCorn),
      Parameter(
        initialLandGini,
        "Land Gini at the start: 0 is the text's one unit each; above 0 a random fifth of the agents hold the land that makes the Gini this value (issue 13: initial inequality).",
        domain: .real(0...0.79), default: d.initialLandGini),
      Parameter(yieldPerUnit, "Grains per unit of min(land, labour) at a harvest (text: 100).", domain: positive, default: r.yieldPerUnit),
      Parameter(
        landReturns, "Returns to scale ρ of a farm: harvest = yieldPerUnit · min(land, labour)^ρ (text: 1; issue 13: returns to scale of land).",
        domain: .real(0.1...4), default: r.landReturns),
      Parameter(grainsPerMeal, "Grains in a meal; a body's hunger rises by one meal per time step.", domain: positive, default: r.grainsPerMeal),
      Parameter(maximumHunger, "Hunger stops rising here (meals).", domain: .real(1...1000), default: r.maximumHunger),
      Parameter(
        landGift, "Land handed over by one 'give land' move (before giftScale).",
        domain: .real(lower: 0, upper: 1e6, lowerIncluded: false, upperIncluded: true), default: r.landGift),
      Parameter(cornGift, "Grains handed over by one 'give corn' move (before giftScale).", domain: positive, default: r.cornGift),
      Parameter(
        labourGift, "Labour handed over by one 'give labour' move (before giftScale).",
        domain: .real(lower: 0, upper: 1e6, lowerIncluded: false, upperIncluded: true), default: r.labourGift),
      Parameter(giftScale, "Multiplies the three gift sizes (issue 13: gift sizes).", domain: .real(0.1...10), default: 1.0),
      Parameter(hitPain, "Pain of being hit with the stick (wellbeing units): the strength of coercion.", domain: .real(0...1e6), default: r.hitPain),
      Parameter(hitEffort, "Effort of hitting, felt by the hitter.", domain: .real(0...1e6), default: r.hitEffort),
    ]
  }

  static var learningParameters: [Parameter] {
    let d = SocialGraphSettings()
    return [
      Parameter(
        tieLearningRate, "α of the tie Q-functions (discount 1 within an encounter, as the text says).", domain: .unitInterval(zeroAllowed: false),
        default: d.tieLearningRate),
      Parameter(
        discount, "γ between an agent's own games (the body value V*).", domain: .real(lower: 0, upper: 1, lowerIncluded: true, upperIncluded: false),
        default: d.discount),
      Parameter(exploration, "ε at the meta-game and at each move (never at consent).", domain: .unitInterval(), default: d.exploration),
      Parameter(bufferSize, "Histories kept per context in the public buffer B.", domain: .integer(1...10_000_000), default: d.bufferSize),
      Parameter(
        bufferSampleProbability, "Probability that an encounter is copied into B.", domain: .unitInterval(), default: d.bufferSampleProbability),
      Parameter(
        refreshInterval, "Rounds between re-estimates of the empirical policy, the norm and the new-tie prior.", domain: .integer(1...1_000_000),
        default: d.refreshInterval),
      Parameter(
        selfPlayEncounters, "Self-play encounters per role and context that train a new tie's prior against the empirical policy.",
        domain: .integer(0...1_000_000), default: d.selfPlayEncounters),
      Parameter(selfPlayExploration, "ε of those self-play encounters.", domain: .unitInterval(), default: d.selfPlayExploration),
      Parameter(
        imitationWeight, "Imitate/innovate weight of the base runs (probability that a move copies the empirical policy).", domain: .unitInterval(),
        default: d.imitationWeight),
      Parameter(
        empiricalSmoothing, "Pseudo-count per move of the empirical policy.",
        domain: .real(lower: 0, upper: 1e6, lowerIncluded: false, upperIncluded: true), default: d.empiricalSmoothing),
      Parameter(
        othersModel, "How initiators value a tie in the base runs: experience (Q-learning only) or conformist (§3.1.2's norm/deviant posterior).",
        default: d.othersModel),
      Parameter(deviantFraction, "Fraction of deviants in the base runs.", domain: .unitInterval(), default: d.deviantFraction),
      Parameter(deviantPriorShape, "n of the prior P(Δ) = (n+1)(n+2)Δ(1−Δ)^n.", domain: .real(0...1e6), default: d.deviantPriorShape),
      Parameter(maximumMoves, "Encounter length cap.", domain: .integer(2...64), default: d.maximumMoves),
      Parameter(checkpointInterval, "Rounds between recorded checkpoints.", domain: .integer(1...1_000_000), smoke: 10, standard: 40, paper: 100),
    ]
  }

  static var judgementParameters: [Parameter] {
    [
      Parameter(
        hierarchyGini, "Signature of feudalism, fixed before the runs: land Gini above which land counts as concentrated.", domain: .unitInterval(),
        default: 0.3),
      Parameter(
        hierarchyLabourShare,
        "Signature of feudalism, fixed before the runs: share of the harvest grown with others' labour above which labour counts as working others' land.",
        domain: .unitInterval(), default: 0.05),
      Parameter(
        giniDriftTolerance,
        "Fixed before the runs: a run's land Gini has stopped moving when its change over the last quarter of the run (fitted line) is at most this; a cell with a run still moving is inconclusive.",
        domain: .unitInterval(), default: 0.02),
      Parameter(
        effectMargin,
        "Fixed before the runs: a change of Ω per agent-step smaller than this (an eighth of the base Ω) counts as no effect in the imitation and deviants signatures.",
        domain: .real(0...1e6), default: 1.0),
    ]
  }

  var readings: [Reading] {
    let issue = "issue 13 (sweep the economics)"
    return [
      Reading(
        Self.landReturns,
        [
          .init(1.0, reason: "the text's corn += 100 * min(land, labour): constant returns", source: "Numerical Politics ch. 3"),
          .init(
            1.5,
            reason:
              "increasing returns: a large estate worked by many hands yields more per unit, a reason for land to concentrate that is not noise",
            source: issue),
        ]),
      Reading(
        Self.initialLandGini,
        [
          .init(0.0, reason: "'agents begin with one unit of land each'", source: "Numerical Politics ch. 3"),
          .init(
            0.4, reason: "an unequal start (a fifth of the agents hold 60% of the land): does inequality persist and draw labour?", source: issue),
        ]),
      Reading(
        Self.hitPain,
        [
          .init(
            2.0, reason: "the toolkit's default: a hit hurts as much as two meals' hunger at hunger 2", source: "Papers/NumericalPolitics.md §5.2"),
          .init(10.0, reason: "strong coercion: a hit hurts five times more", source: issue),
        ]),
      Reading(
        Self.discount,
        [
          .init(0.95, reason: "the toolkit's default", source: "Papers/NumericalPolitics.md §5.2"),
          .init(0.99, reason: "far-sighted agents, to whom a lasting tie is worth more", source: issue),
        ]),
      Reading(
        Self.tieLearningRate,
        [
          .init(0.1, reason: "the toolkit's default", source: "Papers/NumericalPolitics.md §5.2"),
          .init(0.02, reason: "slower learners average over more encounters, which a trade of several moves may need", source: issue),
        ]),
      Reading(
        Self.giftScale,
        [
          .init(1.0, reason: "quarter units of land and labour, one meal of corn", source: "Papers/NumericalPolitics.md §5.2"),
          .init(2.0, reason: "gifts twice as large: fewer moves complete a trade", source: issue),
        ]),
    ]
  }

  /// The settings the parameters describe.
  static func settings(_ p: Parameters) throws -> SocialGraphSettings {
    var s = SocialGraphSettings()
    s.agents = p[agents]; s.rounds = p[rounds]; s.initialGraph = p[initialGraph]
    s.tiesPerAgent = p[tiesPerAgent]; s.contexts = p[contexts]; s.walkStopProbability = p[walkStopProbability]
    s.tieThreshold = p[tieThreshold]; s.newTieOptimism = p[newTieOptimism]; s.initialCorn = p[initialCorn]
    s.initialLandGini = p[initialLandGini]
    s.rules.yieldPerUnit = p[yieldPerUnit]; s.rules.landReturns = p[landReturns]
    s.rules.grainsPerMeal = p[grainsPerMeal]; s.rules.maximumHunger = p[maximumHunger]
    let scale = p[giftScale]
    s.rules.landGift = p[landGift] * scale; s.rules.cornGift = p[cornGift] * scale; s.rules.labourGift = p[labourGift] * scale
    s.rules.hitPain = p[hitPain]; s.rules.hitEffort = p[hitEffort]
    s.tieLearningRate = p[tieLearningRate]; s.discount = p[discount]; s.exploration = p[exploration]
    s.bufferSize = p[bufferSize]; s.bufferSampleProbability = p[bufferSampleProbability]; s.refreshInterval = p[refreshInterval]
    s.selfPlayEncounters = p[selfPlayEncounters]; s.selfPlayExploration = p[selfPlayExploration]
    s.imitationWeight = p[imitationWeight]; s.empiricalSmoothing = p[empiricalSmoothing]
    s.othersModel = p[othersModel]; s.deviantFraction = p[deviantFraction]; s.deviantPriorShape = p[deviantPriorShape]
    s.maximumMoves = p[maximumMoves]; s.checkpointInterval = p[checkpointInterval]
    try s.validate()
    return s
  }
}
