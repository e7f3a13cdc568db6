import GameTheory
import LabKit

/// One haggling run in progress (``Haggling/run(game:participants:generators:options:)``): the
/// participants' states, the transcript and the switches, with the text's five steps as methods.
struct HagglingSimulation {
  let game: NormalFormGame
  let profiles: [[Int]]
  let options: Haggling.Options
  let generators: [Random]
  /// The round at which each participant starts, and the latest of them.
  let start: [Int]
  let latestStart: Int
  /// What a haggler plays before its start: ⊤'s action (hypothesis 0 is ⊤).
  let waitingAction: [Int]
  var agents: [HagglerState?]
  let fixed: [FixedStrategy?]
  var fixedState: [Int]
  /// The number of states of each participant (the radix of the joint state key).
  let radix: [Int]
  /// observationOf[i][p]: agent i's observation in joint profile p (empty for fixed players).
  let observationOf: [[Int]]
  /// The index stride of each player's action in a joint profile index.
  let strides: [Int]
  var switches: [HypothesisSwitch] = []
  var transcript: [Int32] = []
  var lastSwitch = 0
  var joint: [Int]

  /// - Throws: ``LabError/invalidInput(place:problem:)`` when the participants do not fit the game.
  init(game: NormalFormGame, participants: [Participant], generators: [Random], options: Haggling.Options) throws {
    let place = "haggling run"
    guard participants.count == game.playerCount, generators.count == participants.count else {
      throw LabError.invalidInput(
        place: place, problem: "\(participants.count) participants and \(generators.count) generators for \(game.playerCount) players")
    }
    guard options.startRounds.isEmpty || (options.startRounds.count == participants.count && options.startRounds.allSatisfy { $0 >= 0 }) else {
      throw LabError.invalidInput(place: place, problem: "start rounds \(options.startRounds) for \(participants.count) participants")
    }
    self.game = game
    self.profiles = game.profiles
    self.options = options
    self.generators = generators
    start = options.startRounds.isEmpty ? Array(repeating: 0, count: participants.count) : options.startRounds
    latestStart = start.max() ?? 0
    waitingAction = participants.map { participant -> Int in
      if case .haggler(let spec) = participant { return spec.valuation.action(0, state: 0) }
      return 0
    }
    let prepared = try Self.prepare(participants, game: game, profileCount: profiles.count, capacity: min(options.maximumSteps, 1 << 16))
    agents = prepared.agents
    fixed = prepared.fixed
    fixedState = prepared.fixedState
    radix = prepared.radix
    let profiles = self.profiles
    observationOf = participants.map { participant in
      guard case .haggler(let spec) = participant else { return [] }
      return profiles.map { spec.view.observation(of: $0) }
    }
    strides = game.actions.indices.map { player in game.actions[(player + 1)...].reduce(1) { $0 * $1.count } }
    joint = [Int](repeating: 0, count: participants.count)
    transcript.reserveCapacity(min(options.maximumSteps, 1 << 16))
  }

  /// Each participant's starting state (a haggler with no hypothesis yet, or a fixed player in its
  /// initial state), after checking that it fits its player of the game.
  private static func prepare(
    _ participants: [Participant], game: NormalFormGame, profileCount: Int, capacity: Int
  ) throws -> (agents: [HagglerState?], fixed: [FixedStrategy?], fixedState: [Int], radix: [Int]) {
    var agents: [HagglerState?] = []
    var fixed: [FixedStrategy?] = []
    var fixedState: [Int] = []
    var radix: [Int] = []
    for (i, participant) in participants.enumerated() {
      switch participant {
      case .haggler(let spec):
        guard spec.view.player == i, spec.view.game == game else {
          throw LabError.invalidInput(
            place: "haggling run", problem: "participant \(i + 1)'s hypotheses are for player \(spec.view.player + 1) of another game")
        }
        agents.append(HagglerState(spec: spec, capacity: capacity))
        fixed.append(nil)
        fixedState.append(0)
        radix.append(spec.valuation.space.stateStride)
      case .fixed(let strategy):
        guard strategy.next.allSatisfy({ $0.count == profileCount }),
          strategy.actions.allSatisfy({ (0..<game.actions[i].count).contains($0) })
        else {
          throw LabError.invalidInput(place: "haggling run", problem: "fixed player \(strategy.name) does not fit player \(i + 1) of the game")
        }
        agents.append(nil)
        fixed.append(strategy)
        fixedState.append(strategy.initialState)
        radix.append(strategy.actions.count)
      }
    }
    return (agents, fixed, fixedState, radix)
  }

  /// Steps 1–3 for every started agent without a consistent current hypothesis; whether any switched.
  mutating func switchHypotheses(at t: Int) -> Bool {
    var switched = false
    for i in agents.indices where agents[i] != nil && agents[i]!.current < 0 && t >= start[i] {
      let now = agents[i]!.actions.count
      let k =
        options.rankAtCurrentState
        ? agents[i]!.selectByCurrentState(now: now, random: generators[i])
        : agents[i]!.select(now: now, random: generators[i])
      let spec = agents[i]!.spec
      let h = Int(spec.members[k])
      let exact = spec.valuation.groupExactValues.map { $0[Int(spec.valuation.rank[h])] }
      let demand = options.rankAtCurrentState ? spec.valuation.value(h, state: Int(agents[i]!.state[k])) : spec.valuation.rankingValue(h)
      switches.append(HypothesisSwitch(time: t, agent: i, hypothesis: h, demand: demand, exactDemand: options.rankAtCurrentState ? nil : exact))
      switched = true
      lastSwitch = t
    }
    return switched
  }

  /// The joint state of all participants: each haggler's current hypothesis's state and each fixed
  /// player's state, as one number.
  func jointStateKey() -> Int {
    var key = 0
    for i in agents.indices {
      key = key * radix[i] + (agents[i]?.currentState ?? fixedState[i])
    }
    return key
  }

  /// Step 4: every participant acts; the joint profile's index, recorded in the transcript.
  mutating func act(at t: Int) -> Int {
    var index = 0
    for i in agents.indices {
      if let agent = agents[i] {
        joint[i] = t < start[i] ? waitingAction[i] : agent.action
      } else {
        joint[i] = fixed[i]!.actions[fixedState[i]]
      }
      index += joint[i] * strides[i]
    }
    transcript.append(Int32(index))
    return index
  }

  /// Step 5: every started participant observes the profile; a falsified hypothesis sends its agent
  /// back to step 1.
  mutating func observe(at t: Int, profile index: Int) {
    for i in agents.indices where t >= start[i] {
      if agents[i] != nil {
        if !agents[i]!.observe(action: joint[i], observation: observationOf[i][index]) { agents[i]!.current = -1 }
        if options.eager { agents[i]!.catchUpAll() }
      } else {
        fixedState[i] = fixed[i]!.next[fixedState[i]][index]
      }
    }
  }

  /// The record of the run, which stopped at round `end` with its stable cycle from `cycleStart`
  /// (−1: capped).
  func result(cycleStart found: Int, end t: Int) -> HagglingRun {
    let capped = found < 0
    let cycleStart = capped ? t : found
    let cycle = capped ? [] : transcript[cycleStart..<t].map { profiles[Int($0)] }
    var average = [Double](repeating: .nan, count: game.playerCount)
    var exactAverage: [Rational]?
    if !cycle.isEmpty {
      average = (0..<game.playerCount).map { player in cycle.reduce(0) { $0 + game.payoff(player, $1) } / Double(cycle.count) }
      let exact = cycle.map { profile in game.payoffs(profile).map { Rational(approximating: $0) } }
      if exact.allSatisfy({ $0.allSatisfy { $0 != nil } }) {
        exactAverage = (0..<game.playerCount).map { player in Rational.mean(exact.map { $0[player]! }) }
      }
    }
    var finalDemands: [Double?] = Array(repeating: nil, count: agents.count)
    var exactFinal: [Rational?] = Array(repeating: nil, count: agents.count)
    var finalHypotheses: [Int?] = Array(repeating: nil, count: agents.count)
    for s in switches {
      finalDemands[s.agent] = s.demand
      exactFinal[s.agent] = s.exactDemand
      finalHypotheses[s.agent] = s.hypothesis
    }
    return HagglingRun(
      switches: switches, transcript: transcript, capped: capped, lockInTime: lastSwitch, cycleStart: cycleStart,
      cycleLength: capped ? 0 : t - cycleStart, cycle: cycle, averagePayoffs: average, exactAveragePayoffs: exactAverage,
      finalDemands: finalDemands, exactFinalDemands: exactFinal, finalHypotheses: finalHypotheses,
      hypothesisUpdates: agents.reduce(0) { $0 + ($1?.updates ?? 0) })
  }
}

/// The exact lock-in test of ``HagglingRun``: the joint states visited since the last switch (a
/// generation), and the round of each visit. A joint state seen twice in one generation closes the
/// stable cycle.
struct LockInDetector {
  private let useArray: Bool
  private var seenGeneration: [Int32]
  private var seenTime: [Int32]
  private var seenMap: [Int: Int] = [:]
  private var generation: Int32 = 0

  /// A detector for joint state keys in 0..<keySpace (an array up to 2²² keys, a dictionary beyond).
  init(keySpace: Int) {
    useArray = keySpace <= 1 << 22
    seenGeneration = useArray ? [Int32](repeating: -1, count: keySpace) : []
    seenTime = useArray ? [Int32](repeating: 0, count: keySpace) : []
  }

  /// A switch happened: forget the states visited so far.
  mutating func startGeneration() {
    generation += 1
    if !useArray { seenMap.removeAll(keepingCapacity: true) }
  }

  /// Records a visit of `key` at round t; the round of its earlier visit in this generation, if any.
  mutating func visit(_ key: Int, at t: Int) -> Int? {
    if useArray {
      if seenGeneration[key] == generation { return Int(seenTime[key]) }
      seenGeneration[key] = generation
      seenTime[key] = Int32(t)
      return nil
    }
    if let start = seenMap[key] { return start }
    seenMap[key] = t
    return nil
  }
}
