import Foundation
import LabKit

/// Chapter 3 of Numerical Politics, "Social graph: Emergent feudalism", as a runnable model.
///
/// Agents own land, corn and labour and feel hunger (``FeudalBody``, ``BodyRules``); they are joined
/// by directed ties with contexts (``SocialTie``). Time runs in rounds; in each round every agent, in
/// a fresh random order, plays one game of its meta-game ("deciding which game to initiate from a set
/// of available games, based on current state"):
/// - **eat**: harvest `corn += 100 · min(land, labour)`, labour reset to 1, then eat the best amount;
/// - **do nothing**;
/// - **an encounter** along one of its out-ties, which the partner may decline.
/// "Between games, agents play games initiated by other agents": an agent answers encounters others
/// start with it whenever they come. After its own game the agent's body takes a time step (labour
/// reset to 1, hunger up), it feels the wellbeing W(ψ) of §1.1, and replaces its worst tie if that tie's expected value has fallen below the threshold.
///
/// Learning follows §3.1: a Q-function per tie and side, discount 1 within an encounter, rewards
/// measured as changes in the body's worth D(ψ) (``BodyValue``, the exact value of living alone); a public buffer B of sampled
/// encounter histories per context, from which the empirical policy P(a | H) is estimated, a prior
/// Q-function for new ties is trained by self-play against it, and (in the conformist model) the
/// social norm and the fraction of deviants are inferred. See Papers/NumericalPolitics.md, chapter 3.
///
/// In the terms of §1.1's framework each tie is a channel and each move a message whose reply is the
/// next move; encounters are strictly sequential (one message in flight at a time), so the world
/// calls the agents directly instead of going through a ``MessageSchedule``, which would order the
/// same calls the same way.
public struct SocialGraphWorld {
  public let settings: SocialGraphSettings
  let rules: BodyRules
  let codeCount: Int
  let tableSize: Int

  // Agents.
  public internal(set) var bodies: [FeudalBody]
  /// V*, the value of a body living alone (the same physics for everyone, so one table).
  public let bodyValue: BodyValue
  public internal(set) var isDeviant: [Bool]
  var deviantPolicies: [TabularPolicy?]
  public internal(set) var outTies: [[Int32]]

  // Ties and their Q-functions.
  public internal(set) var ties: [SocialTie]
  var tieAlive: [Bool]
  var freeTies: [Int32] = []
  /// Q pool: tie k's side s (0 responder, 1 initiator) table starts at (2k + s) · tableSize.
  var q: [Float]

  // Public knowledge, per context.
  var buffers: [PublicBuffer]
  public internal(set) var empiricalPolicies: [TabularPolicy]
  public internal(set) var norms: [TabularPolicy]
  public internal(set) var deviantEstimates: [Double]
  var initiatorPriors: [[Float]]
  var responderPriors: [[Float]]
  var startPriors: [Double]
  var acceptPriors: [Double]

  var random: Taus2Stream
  public internal(set) var round = 0
  public internal(set) var record = SocialGraphRecord()
  var scratch: [EncounterMove] = []
  /// The out-ties an agent may start an encounter along this turn, kept between turns so that the
  /// hot loop allocates nothing.
  var consented: [(tie: Int32, gain: Double)] = []

  /// A world with `settings.agents` agents, one unit of land each, and its initial graph. `bodyValue`,
  /// if given, must have been solved for `settings.rules` and `settings.discount` (it saves solving it
  /// again when many worlds share them).
  public init(settings: SocialGraphSettings, random: Random, bodyValue: BodyValue? = nil) throws {
    try settings.validate()
    self.settings = settings
    rules = settings.rules
    codeCount = HistoryCode.count(maximumMoves: settings.maximumMoves)
    tableSize = codeCount * EncounterMove.count
    self.random = Taus2Stream(random)
    let n = settings.agents
    let body = FeudalBody(land: 1, corn: settings.initialCorn, labour: 1, hunger: 0)
    bodies = Array(repeating: body, count: n)
    if let bodyValue {
      guard bodyValue.rules == settings.rules && bodyValue.discount == settings.discount else {
        throw LabError.invalidInput(place: "SocialGraphWorld", problem: "the body value was solved for other rules or another discount")
      }
      self.bodyValue = bodyValue
    } else {
      self.bodyValue = BodyValue(rules: settings.rules, discount: settings.discount)
    }
    outTies = Array(repeating: [], count: n)
    ties = []
    tieAlive = []
    q = []
    let uniform = TabularPolicy(uniformWithMaximumMoves: settings.maximumMoves)
    buffers = Array(repeating: PublicBuffer(capacity: settings.bufferSize), count: settings.contexts)
    empiricalPolicies = Array(repeating: uniform, count: settings.contexts)
    norms = Array(repeating: uniform, count: settings.contexts)
    let priorMode = 1 / (settings.deviantPriorShape + 2)  // the mode of Beta(2, n + 1)
    deviantEstimates = Array(repeating: priorMode, count: settings.contexts)
    initiatorPriors = Array(repeating: Array(repeating: 0, count: tableSize), count: settings.contexts)
    responderPriors = initiatorPriors
    startPriors = Array(repeating: 0, count: settings.contexts)
    acceptPriors = startPriors

    // Deviants: the first ⌊Δ n⌉ agents of a random order, each with a policy from P_u.
    isDeviant = Array(repeating: false, count: n)
    deviantPolicies = Array(repeating: nil, count: n)
    var order = Array(0..<n)
    self.random.shuffle(&order)
    let deviants = Int((settings.deviantFraction * Double(n)).rounded())
    for agent in order.prefix(deviants) {
      isDeviant[agent] = true
      deviantPolicies[agent] = drawUninformativePolicy()
    }

    distributeLand()
    refreshPublicKnowledge()
    buildInitialGraph()
    record.start(agents: n)
  }

  // MARK: - Random helpers

  @inline(__always)
  mutating func uniform() -> Double { random.uniform() }

  @inline(__always)
  mutating func index(below count: Int) -> Int { random.index(below: count) }

  /// §3.1.2's uninformative prior P_u: an independent uniform Dirichlet(1, …, 1) at every node, drawn
  /// as normalised exponential spacings −log U.
  mutating func drawUninformativePolicy() -> TabularPolicy {
    var probabilities = [Double](repeating: 0, count: tableSize)
    for code in 0..<codeCount {
      var total = 0.0
      for move in 0..<EncounterMove.count {
        let e = -log(1 - uniform())
        probabilities[code * EncounterMove.count + move] = e
        total += e
      }
      for move in 0..<EncounterMove.count { probabilities[code * EncounterMove.count + move] /= total }
    }
    return TabularPolicy(maximumMoves: settings.maximumMoves, probabilities: probabilities)
  }

  /// Unequal land at the start (`initialLandGini` > 0): a random `landedFraction` q of the agents hold
  /// a share q + g of all land, the rest share 1 − q − g, which makes the Gini exactly g (for two
  /// classes the Gini is the landed share minus their head-count share). Total land stays n.
  mutating func distributeLand() {
    let g = settings.initialLandGini
    guard g > 0 else { return }  // no draws: the text's equal start is unchanged
    let n = settings.agents
    let landed = max(1, Int((settings.landedFraction * Double(n)).rounded()))
    let q = Double(landed) / Double(n)
    var order = Array(0..<n)
    random.shuffle(&order)
    for (k, agent) in order.enumerated() {
      bodies[agent].land = k < landed ? (q + g) / q : (1 - q - g) / (1 - q)
    }
  }

  /// Serfdom by rule (`corvee`): `agent` hands the labour its land cannot use to the out-tie partner
  /// with the most land, if that partner has more land than it; booked like a gift of labour.
  mutating func payCorvee(_ agent: Int) {
    let spare = bodies[agent].labour - bodies[agent].land
    guard spare > 1e-12 else { return }
    var lordTie = -1, lordLand = bodies[agent].land
    for tie in outTies[agent] {
      let partner = Int(ties[Int(tie)].responder)
      if bodies[partner].land > lordLand { lordLand = bodies[partner].land; lordTie = Int(tie) }
    }
    guard lordTie >= 0 else { return }
    let lord = Int(ties[lordTie].responder)
    bodies[agent].labour -= spare
    bodies[lord].labour += spare
    ties[lordTie].labourGiven += spare
    record.labourGiven[agent] += spare
    record.labourReceived[lord] += spare
  }

  // MARK: - Life alone

  /// The eat game: harvest, then eat `meals` meals.
  mutating func eatGame(_ agent: Int, meals: Double) {
    let body = bodies[agent]
    let own = rules.produce(land: body.land, labour: min(body.labour, 1))
    let harvest = rules.produce(land: body.land, labour: body.labour)
    record.harvested += harvest
    record.harvestedFromOthersLabour += max(0, harvest - own)
    bodies[agent] = rules.eat(rules.harvest(body), meals: meals)
  }

  /// The body's time step after a self-initiated game: wellbeing felt (and recorded), pain cleared.
  mutating func timeStep(_ agent: Int) {
    var next = rules.step(bodies[agent])
    let reward = rules.wellbeing(next)
    next.pain = 0
    bodies[agent] = next
    record.wellbeing += reward
    record.agentSteps += 1
  }

  // MARK: - Rounds

  /// Runs `rounds` rounds (the settings' number by default), calling `progress` after each.
  public mutating func run(rounds: Int? = nil, progress: (Int) -> Void = { _ in }) {
    var order = Array(0..<settings.agents)
    for _ in 0..<(rounds ?? settings.rounds) {
      random.shuffle(&order)
      for agent in order { takeTurn(agent) }
      round += 1
      if round % settings.refreshInterval == 0 { refreshPublicKnowledge() }
      if round % settings.checkpointInterval == 0 { record.checkpoint(self) }
      progress(round)
    }
  }

  /// Runs whole rounds until at least `count` encounters have been started (accepted or declined);
  /// the benchmark's loop.
  public mutating func run(untilStartedEncounters count: Int) {
    while record.consentedEncounters + record.refusals < count { run(rounds: 1) }
  }

  /// One game of `agent`'s meta-game, its time step and its tie upkeep.
  mutating func takeTurn(_ agent: Int) {
    if settings.corvee { payCorvee(agent) }
    let body = bodies[agent]
    let eat = bodyValue.eatValue(body)
    let nothing = bodyValue.nothingValue(body)
    // The options: 0 eat, 1 nothing, 2 + k the k-th out-tie (only those with a positive expected gain).
    var bestOption = eat.value >= nothing ? 0 : 1
    var bestValue = max(eat.value, nothing)
    consented.removeAll(keepingCapacity: true)
    for tie in outTies[agent] {
      let gain = initiationGain(Int(tie))
      if gain > 0 {
        consented.append((tie, gain))
        if nothing + gain > bestValue { bestValue = nothing + gain; bestOption = 1 + consented.count }
      } else if settings.forcedResponse {
        consented.append((tie, gain))  // consent switched off: exploration may start any encounter
      }
    }
    if uniform() < settings.exploration { bestOption = index(below: 2 + consented.count) }
    switch bestOption {
    case 0: eatGame(agent, meals: eat.meals)
    case 1: break
    default:
      let chosen = consented[bestOption - 2]
      encounter(Int(chosen.tie), initiatorGain: chosen.gain)
    }
    timeStep(agent)
    replaceTies(of: agent)
  }
}

extension SocialGraphWorld {
  /// The number of live ties.
  public var tieCount: Int { outTies.reduce(0) { $0 + $1.count } }

  /// In-degrees: how many live ties point at each agent.
  public var inDegrees: [Int] {
    var degrees = Array(repeating: 0, count: settings.agents)
    for list in outTies { for tie in list { degrees[Int(ties[Int(tie)].responder)] += 1 } }
    return degrees
  }

  /// The live ties.
  public var liveTies: [SocialTie] { outTies.flatMap { $0.map { ties[Int($0)] } } }
}
