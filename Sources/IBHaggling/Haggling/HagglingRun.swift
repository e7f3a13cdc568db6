import GameTheory
import LabKit

/// A player that does not learn: a finite machine over the joint profiles of a game, for the
/// environments of the experiments ("one of the players plays their minimax strategy", fixed
/// opponents). Its move depends on its state only; after each round it moves on the joint profile.
public struct FixedStrategy: Sendable {
  public let name: String
  /// The action in each state.
  public let actions: [Int]
  /// next[s][p]: the state after the joint profile with index p (``NormalFormGame/profiles`` order).
  public let next: [[Int]]
  public let initialState: Int

  public init(name: String, actions: [Int], next: [[Int]], initialState: Int = 0) {
    self.name = name
    self.actions = actions
    self.next = next
    self.initialState = initialState
  }

  /// Always `action`.
  public static func constant(_ action: Int, name: String, profileCount: Int) -> FixedStrategy {
    FixedStrategy(name: name, actions: [action], next: [Array(repeating: 0, count: profileCount)])
  }

  /// The actions of `cycle` in turn, whatever the others do.
  public static func cycle(_ cycle: [Int], name: String, profileCount: Int) -> FixedStrategy {
    FixedStrategy(name: name, actions: cycle, next: cycle.indices.map { s in Array(repeating: (s + 1) % cycle.count, count: profileCount) })
  }
}

/// Who plays in a haggling run.
public enum Participant: Sendable {
  case haggler(HagglerSpec)
  case fixed(FixedStrategy)
}

/// A switch of hypothesis (the text's step 1–3 after a falsification, or at the start).
public struct HypothesisSwitch: Sendable, Equatable {
  /// The round from which the new hypothesis is followed.
  public let time: Int
  public let agent: Int
  public let hypothesis: Int
  /// The demand: the value of the new hypothesis (§Prisoner's dilemma: "what reward they can achieve
  /// based on the hypothesis they are currently assuming").
  public let demand: Double
  /// The demand exactly, with the limit ranking.
  public let exactDemand: Rational?
}

/// The record of one run: every switch with its demand, and the stable cycle (§Where does following
/// this algorithm lead the agents?).
///
/// Lock-in is detected exactly. Between switches each agent's action depends only on its current
/// hypothesis and that hypothesis's state, and so do the falsifications of current hypotheses; the
/// states of the other hypotheses do not matter. So when the tuple of all agents' current states (and
/// the fixed players' states) repeats with no switch in between, the rounds between the two
/// occurrences repeat forever and no agent switches again (the notes' §5.3). Every run locks in (each
/// switch after the first round falsifies a hypothesis for good), so the step cap only guards
/// against runs too long to wait for.
public struct HagglingRun: Sendable {
  public let switches: [HypothesisSwitch]
  /// The joint profile of every round, as an index into ``NormalFormGame/profiles``.
  public let transcript: [Int32]
  /// Whether the run hit the step cap before locking in.
  public let capped: Bool
  /// The round of the last switch (the lock-in time t_lock).
  public let lockInTime: Int
  /// The first round of the stable cycle, and its length.
  public let cycleStart: Int
  public let cycleLength: Int
  /// The joint profiles of one period of the stable cycle.
  public let cycle: [[Int]]
  /// Each player's average payoff over the cycle.
  public let averagePayoffs: [Double]
  /// The same, exactly, when every payoff is a small fraction.
  public let exactAveragePayoffs: [Rational]?
  /// Each agent's last demand (`nil` for fixed players).
  public let finalDemands: [Double?]
  public let exactFinalDemands: [Rational?]
  /// Each agent's last hypothesis (`nil` for fixed players).
  public let finalHypotheses: [Int?]
  /// Hypothesis updates done (lazy tracking).
  public let hypothesisUpdates: Int

  /// The demands of agent `agent` over the run: (round, demand) at each of its switches.
  public func demands(of agent: Int) -> [(time: Int, demand: Double)] {
    switches.filter { $0.agent == agent }.map { (time: $0.time, demand: $0.demand) }
  }
}

/// Runs the haggling algorithm (the text's five steps, §Proposed algorithm).
public enum Haggling {
  /// Options of a run.
  public struct Options: Sendable {
    /// Stop after this many rounds if no stable cycle has been found.
    public var maximumSteps: Int
    /// Rank the hypotheses by their value at their tracked state instead of from s₀ (the notes'
    /// ambiguity 4; meaningful with the discounted ranking).
    public var rankAtCurrentState: Bool
    /// Update every hypothesis every round (for tests: must give the same run).
    public var eager: Bool
    /// Stop at the stable cycle (for tests: when false, play all `maximumSteps` rounds, so that the
    /// cycle can be seen to repeat; the run is then reported as capped).
    public var detectLockIn: Bool
    /// The round at which each haggler starts (empty: all at round 0). Before its start a haggler
    /// plays ⊤'s action and neither observes nor selects; its hypotheses start in s₀ at its start
    /// (asynchronous starts, §Generalised stag hunt's random walk of password ends). A stable cycle is
    /// looked for only once every agent has started.
    public var startRounds: [Int]

    public init(
      maximumSteps: Int = 1_000_000, rankAtCurrentState: Bool = false, eager: Bool = false, detectLockIn: Bool = true, startRounds: [Int] = []
    ) {
      self.maximumSteps = maximumSteps
      self.rankAtCurrentState = rankAtCurrentState
      self.eager = eager
      self.detectLockIn = detectLockIn
      self.startRounds = startRounds
    }
  }

  /// One run of `participants` (one per player of `game`, in player order). Each haggler draws from
  /// its own generator `generators[i]` (fixed players draw nothing; pass any generator for them).
  ///
  /// - Throws: ``LabError/invalidInput(place:problem:)`` when the participants do not fit the game.
  public static func run(
    game: NormalFormGame, participants: [Participant], generators: [Random],
    options: Options = Options()
  ) throws -> HagglingRun {
    let place = "haggling run"
    guard participants.count == game.playerCount, generators.count == participants.count else {
      throw LabError.invalidInput(
        place: place, problem: "\(participants.count) participants and \(generators.count) generators for \(game.playerCount) players")
    }
    guard options.startRounds.isEmpty || (options.startRounds.count == participants.count && options.startRounds.allSatisfy { $0 >= 0 }) else {
      throw LabError.invalidInput(place: place, problem: "start rounds \(options.startRounds) for \(participants.count) participants")
    }
    let start = options.startRounds.isEmpty ? Array(repeating: 0, count: participants.count) : options.startRounds
    let latestStart = start.max() ?? 0
    // What a haggler plays before its start: ⊤'s action (hypothesis 0 is ⊤).
    let waitingAction = participants.map { participant -> Int in
      if case .haggler(let spec) = participant { return spec.valuation.action(0, state: 0) }
      return 0
    }
    let profiles = game.profiles
    var agents: [HagglerState?] = []
    var fixed: [FixedStrategy?] = []
    var fixedState: [Int] = []
    var radix: [Int] = []
    for (i, participant) in participants.enumerated() {
      switch participant {
      case .haggler(let spec):
        guard spec.view.player == i, spec.view.game == game else {
          throw LabError.invalidInput(
            place: place, problem: "participant \(i + 1)'s hypotheses are for player \(spec.view.player + 1) of another game")
        }
        agents.append(HagglerState(spec: spec, capacity: min(options.maximumSteps, 1 << 16)))
        fixed.append(nil)
        fixedState.append(0)
        radix.append(spec.valuation.space.stateStride)
      case .fixed(let strategy):
        guard strategy.next.allSatisfy({ $0.count == profiles.count }),
          strategy.actions.allSatisfy({ (0..<game.actions[i].count).contains($0) })
        else {
          throw LabError.invalidInput(place: place, problem: "fixed player \(strategy.name) does not fit player \(i + 1) of the game")
        }
        agents.append(nil)
        fixed.append(strategy)
        fixedState.append(strategy.initialState)
        radix.append(strategy.actions.count)
      }
    }
    // Each agent's action and observation in every joint profile.
    let views = participants.map { participant -> AgentView? in
      if case .haggler(let spec) = participant { return spec.view }
      return nil
    }
    let observationOf = views.map { view in view.map { v in profiles.map { v.observation(of: $0) } } ?? [] }
    let strides = game.actions.indices.map { player in game.actions[(player + 1)...].reduce(1) { $0 * $1.count } }

    // Visited joint states of the current generation (generation = number of switch rounds so far).
    let keySpace = radix.reduce(1, *)
    let useArray = keySpace <= 1 << 22
    var seenGeneration = useArray ? [Int32](repeating: -1, count: keySpace) : []
    var seenTime = useArray ? [Int32](repeating: 0, count: keySpace) : []
    var seenMap: [Int: Int] = [:]
    var generation: Int32 = 0

    var switches: [HypothesisSwitch] = []
    var transcript: [Int32] = []
    transcript.reserveCapacity(min(options.maximumSteps, 1 << 16))
    var lastSwitch = 0
    var cycleStart = -1
    var t = 0
    var joint = [Int](repeating: 0, count: participants.count)
    while t < options.maximumSteps {
      // Steps 1–3 for every agent without a consistent current hypothesis.
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
      if switched {
        generation += 1
        if !useArray { seenMap.removeAll(keepingCapacity: true) }
      }
      // Lock-in: the joint state repeats within a generation.
      if options.detectLockIn && t >= latestStart {
        var key = 0
        for i in participants.indices {
          let s = agents[i].map { Int($0.state[$0.current]) } ?? fixedState[i]
          key = key * radix[i] + s
        }
        if useArray {
          if seenGeneration[key] == generation {
            cycleStart = Int(seenTime[key])
            break
          }
          seenGeneration[key] = generation
          seenTime[key] = Int32(t)
        } else {
          if let start = seenMap[key] {
            cycleStart = start
            break
          }
          seenMap[key] = t
        }
      }
      // Step 4: act.
      var index = 0
      for i in participants.indices {
        if agents[i] != nil {
          joint[i] = t < start[i] ? waitingAction[i] : agents[i]!.action
        } else {
          joint[i] = fixed[i]!.actions[fixedState[i]]
        }
        index += joint[i] * strides[i]
      }
      transcript.append(Int32(index))
      // Step 5: observe; a falsified hypothesis sends the agent back to step 1.
      for i in participants.indices where t >= start[i] {
        if agents[i] != nil {
          if !agents[i]!.observe(action: joint[i], observation: observationOf[i][index]) { agents[i]!.current = -1 }
          if options.eager { agents[i]!.catchUpAll() }
        } else {
          fixedState[i] = fixed[i]!.next[fixedState[i]][index]
        }
      }
      t += 1
    }
    let capped = cycleStart < 0
    if capped { cycleStart = t }
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
    var finalDemands: [Double?] = Array(repeating: nil, count: participants.count)
    var exactFinal: [Rational?] = Array(repeating: nil, count: participants.count)
    var finalHypotheses: [Int?] = Array(repeating: nil, count: participants.count)
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
