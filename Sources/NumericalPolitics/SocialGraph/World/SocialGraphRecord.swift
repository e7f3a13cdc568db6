import LabKit

/// What a run of the chapter-3 world records: counters since the start, per-agent flows, and a
/// checkpoint every `checkpointInterval` rounds.
public struct SocialGraphRecord: Sendable {
  /// The state of the society at a checkpoint; rates are over the rounds since the previous one.
  public struct Checkpoint: Sendable, Equatable {
    public var round: Int
    /// Gini coefficients of land and of corn across agents.
    public var landGini: Double
    public var cornGini: Double
    /// Ω per agent: the mean wellbeing W(ψ) felt per agent time step (§1.1's collective wellbeing
    /// divided by the population).
    public var wellbeing: Double
    /// Encounters that went past the first move, per agent per round.
    public var encountersPerAgent: Double
    /// The fraction of started encounters the responder declined.
    public var refusalRate: Double
    /// The fraction of the harvest that came from labour given by others.
    public var harvestFromOthersLabour: Double
    /// Ties replaced per agent per round.
    public var replacementsPerAgent: Double
    /// The largest in-degree and the Gini of in-degrees.
    public var maximumInDegree: Int
    public var inDegreeGini: Double
    /// The mean estimated fraction of deviants over contexts (conformist model only).
    public var deviantEstimate: Double?
  }

  // Counters since the start.
  public var consentedEncounters = 0
  public var consentViolations = 0
  public var refusals = 0
  public var moves = 0
  public var tiesReplaced = 0
  public var moveCounts = [Int](repeating: 0, count: EncounterMove.count)

  // Running sums since the last checkpoint.
  var wellbeing = 0.0
  var agentSteps = 0
  var harvested = 0.0
  var harvestedFromOthersLabour = 0.0
  var lastConsented = 0, lastRefusals = 0, lastReplaced = 0, lastRound = 0

  // Per agent, since the start.
  public var labourGiven: [Double] = [], labourReceived: [Double] = []
  public var cornGiven: [Double] = [], cornReceived: [Double] = []

  public var checkpoints: [Checkpoint] = []

  public init() {}

  mutating func start(agents: Int) {
    let zeros = [Double](repeating: 0, count: agents)
    labourGiven = zeros; labourReceived = zeros; cornGiven = zeros; cornReceived = zeros
    wellbeing = 0; agentSteps = 0; harvested = 0; harvestedFromOthersLabour = 0
  }

  /// Records a checkpoint of `world` and restarts the running sums.
  mutating func checkpoint(_ world: SocialGraphWorld) {
    let agents = Double(world.settings.agents)
    let rounds = Double(max(1, world.round - lastRound))
    let degrees = world.inDegrees.map(Double.init)
    let started = (consentedEncounters - lastConsented) + (refusals - lastRefusals)
    let estimate =
      world.settings.othersModel == .conformist
      ? (try? Statistics.mean(world.deviantEstimates)) : nil
    checkpoints.append(
      Checkpoint(
        round: world.round,
        landGini: (try? Statistics.gini(world.bodies.map(\.land))) ?? 0,
        cornGini: (try? Statistics.gini(world.bodies.map(\.corn))) ?? 0,
        wellbeing: agentSteps > 0 ? wellbeing / Double(agentSteps) : 0,
        encountersPerAgent: Double(consentedEncounters - lastConsented) / (agents * rounds),
        refusalRate: started > 0 ? Double(refusals - lastRefusals) / Double(started) : 0,
        harvestFromOthersLabour: harvested > 0 ? harvestedFromOthersLabour / harvested : 0,
        replacementsPerAgent: Double(tiesReplaced - lastReplaced) / (agents * rounds),
        maximumInDegree: world.inDegrees.max() ?? 0,
        inDegreeGini: (try? Statistics.gini(degrees)) ?? 0,
        deviantEstimate: estimate))
    wellbeing = 0; agentSteps = 0; harvested = 0; harvestedFromOthersLabour = 0
    lastConsented = consentedEncounters; lastRefusals = refusals; lastReplaced = tiesReplaced; lastRound = world.round
  }
}
