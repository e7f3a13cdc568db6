import LabKit

/// Chapter 3 of Numerical Politics, "Social graph: Emergent feudalism": every quantity of the model.
///
/// The text is a design sketch; every number here is the toolkit's choice, documented with its reason
/// in Papers/NumericalPolitics.md (chapter 3) and exposed as a parameter of `np.ch3-feudalism`.
public struct SocialGraphSettings: Sendable, Equatable {
  /// How the graph starts: "a random set of edges", or, "for a small number of agents", "a fully
  /// connected graph" (one tie per ordered pair, with a random context).
  public enum InitialGraph: String, Sendable, CaseIterable { case random, complete }

  /// How an agent values an encounter along one of its ties (§3.1.1–3.1.2).
  public enum OthersModel: String, Sendable, CaseIterable {
    /// "Agents could learn about social ties over multiple encounters through simple Q-learning
    /// without modelling other at all": the value of initiating is learned from experience.
    case experience
    /// §3.1.2: the partner is a norm-follower (the MAP social norm π_n of the public buffer) or a
    /// deviant (uniformly random moves), with posterior odds updated from the partner's moves; the
    /// value of initiating is the expectation of the partner's first move under that mixture.
    case conformist
  }

  // Population and graph.
  public var agents = 100
  public var rounds = 600
  public var initialGraph = InitialGraph.random
  /// Out-ties per agent in the random initial graph (and kept constant: a removed tie is replaced).
  public var tiesPerAgent = 4
  /// The number of tie contexts ("just an integer ID").
  public var contexts = 3
  /// The stopping probability of the random walk that finds a new partner.
  public var walkStopProbability = 0.3
  /// A tie whose expected value falls below this is replaced.
  public var tieThreshold = 0.0
  /// Benefit of the doubt: added to a new tie's prior value of starting an encounter (initiator) and
  /// of opening one (responder), so that new acquaintances are tried. Without it an agent whose prior
  /// says encounters do not pay never learns otherwise (optimistic initial values, Sutton and Barto
  /// 2018, §2.6).
  public var newTieOptimism = 1.0
  /// The most ties an agent replaces after one of its own games.
  public var replacementsPerTurn = 1

  // The body.
  public var rules = BodyRules()
  /// Corn each agent starts with, in grains.
  public var initialCorn = 100.0
  /// The Gini of land at the start. 0 is the text's "agents begin with one unit of land each"; above
  /// 0 a random `landedFraction` of the agents share the land of the rest so that the land Gini is
  /// this value (two classes: the landed hold a share `landedFraction + initialLandGini` of all land).
  public var initialLandGini = 0.0
  /// The fraction of agents that are landed when `initialLandGini` > 0.
  public var landedFraction = 0.2
  /// Serfdom imposed by rule, not learned (the constructed feudal world of the control of
  /// `np.ch3.emergent-feudalism`): at the start of its turn an agent with less land than labour hands
  /// its unused labour to the partner of its out-ties with the most land, if that partner has more.
  public var corvee = false
  /// Consent switched off (the control of `np.ch3.mutual-consent`): the responder cannot decline (an
  /// encounter opens even when its value of accepting is not positive), and an exploring initiator may
  /// start an encounter along any of its ties, whatever it expects.
  public var forcedResponse = false

  // Learning.
  /// α of the per-tie Q-functions (within an encounter the discount is 1, as the text says).
  public var tieLearningRate = 0.1
  /// γ of the meta-game, between one's own games.
  public var discount = 0.95
  /// ε: the probability of a random choice at the meta-game and at each move within an encounter.
  /// Consent (initiating, and the first mover's choice between goodbye and anything else) is never
  /// random: exploration never starts an encounter nobody expects to gain from.
  public var exploration = 0.05

  // The public buffer and imitation (§3.1, §3.1.1).
  /// Histories kept per context in the public buffer B (the most recent ones).
  public var bufferSize = 2000
  /// The probability that an encounter is copied into B ("randomly selected from the population").
  public var bufferSampleProbability = 0.2
  /// Rounds between re-estimates of the empirical policy, the norm and the new-tie prior from B.
  public var refreshInterval = 50
  /// Self-play encounters, per role and context, that train the prior Q-function of a new tie
  /// against the empirical policy.
  public var selfPlayEncounters = 300
  /// ε of those self-play encounters (higher than in life, so that the prior has tried every move).
  public var selfPlayExploration = 0.2
  /// The imitate/innovate weight: the probability that a move copies the empirical policy of B
  /// instead of following the agent's own Q-function (0 = pure innovator, 1 = pure imitator).
  public var imitationWeight = 0.0
  /// Smoothing pseudo-count of the empirical policy.
  public var empiricalSmoothing = 0.5

  // The conformist/deviant model (§3.1.2).
  public var othersModel = OthersModel.experience
  /// The fraction of agents that are deviants: each plays a policy drawn once from the uninformative
  /// prior P_u (independent uniform Dirichlet at every node) within encounters.
  public var deviantFraction = 0.0
  /// n of the prior P(Δ) = (n+1)(n+2)Δ(1−Δ)^n used when estimating the norm.
  public var deviantPriorShape = 10.0

  /// Encounter length cap (see ``EncounterRules``).
  public var maximumMoves = EncounterRules.defaultMaximumMoves
  /// Rounds between recorded checkpoints.
  public var checkpointInterval = 20

  public init() {}

  /// The ties a new agent starts with.
  var initialTiesPerAgent: Int { initialGraph == .complete ? agents - 1 : tiesPerAgent }

  /// Checks the settings, naming the first bad one.
  public func validate() throws {
    func fail(_ problem: String) throws -> Never { throw LabError.invalidInput(place: "np.ch3-feudalism settings", problem: problem) }
    if agents < 2 { try fail("agents must be at least 2 (got \(agents))") }
    if initialGraph == .random && (tiesPerAgent < 1 || tiesPerAgent * 1 > (agents - 1) * contexts) {
      try fail("tiesPerAgent must be between 1 and (agents − 1) · contexts (got \(tiesPerAgent))")
    }
    if initialGraph == .complete && agents > 200 { try fail("a complete initial graph is for small populations (at most 200 agents, got \(agents))") }
    if contexts < 1 { try fail("contexts must be at least 1") }
    if maximumMoves < 2 || maximumMoves > 64 { try fail("maximumMoves must be between 2 and 64 (got \(maximumMoves))") }
    if !(0..<1).contains(walkStopProbability) || walkStopProbability == 0 { try fail("walkStopProbability must be in (0, 1)") }
    if rules.mealChoices.isEmpty { try fail("mealChoices must not be empty") }
    if !(landedFraction > 0 && landedFraction < 1) { try fail("landedFraction must be in (0, 1)") }
    if !(initialLandGini >= 0 && initialLandGini < 1 - landedFraction) {
      try fail("initialLandGini must be in [0, 1 − landedFraction) (got \(initialLandGini))")
    }
    if !(rules.landReturns > 0) { try fail("landReturns must be positive") }
  }
}
