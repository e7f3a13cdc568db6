import LabKit

/// §2.2.1 of Numerical Politics, Experiment 1 with the book-era code's protocol (`experiment1()`):
/// two ``OneStepMemoryAgent``s in a closed ``Society``, started from a preset policy pair and run
/// until both greedy policies have stood still for the convergence window, or the cap is reached.
public struct ExperimentOneProtocol: Sendable {
  /// The learners' constants (book-era defaults).
  public var constants = QLearningConstants()
  /// Preset Q of the policy's action and of the other action (the code's QMAX = 4 / (1 − 0.99) = 400
  /// and QMIN = 0).
  public var presetHigh: Double = 400
  public var presetLow: Double = 0
  /// A run has converged when both agents have gone more than this many training steps without a
  /// greedy change (the code's `NTIMESTEPS_TO_CONVERGENCE`).
  public var convergenceWindow = 2_000_000
  /// Steps after which an unconverged run is declared a non-point attractor (the code's `MAXSTEPS`).
  public var stepCap = 40_000_000
  /// After the cap, the code keeps running until the society returns to the one it had at the cap,
  /// with no bound; here at most this many further steps.
  public var cycleSearchLimit = 10_000_000
  /// Record a ``ExperimentOneRun/Sample`` every this many steps (0: none).
  public var sampleInterval = 0

  public init() {}
}

/// The record of one run of Experiment 1.
public struct ExperimentOneRun: Sendable {
  /// The state of the pair at one moment.
  public struct Sample: Sendable {
    public let step: Int
    public let exploration: Double
    public let policies: (Int, Int)
    public let greedyChanges: (Int, Int)
    /// Agent 0's Q values, index 2 · state + action.
    public let q: [Double]
  }

  public let initial: OneStepSociety
  public let final: OneStepSociety
  /// Steps run until convergence or the cap (not counting the cycle search).
  public let steps: Int
  /// Whether both policies stood still for the convergence window (a point attractor).
  public let converged: Bool
  /// For a run that reached the cap: the societies visited after it, starting with the society at the
  /// cap, ending with its return (if it returned within the search limit).
  public let cycle: [OneStepSociety]
  public let cycleClosed: Bool
  /// ε at the end of the run.
  public let finalExploration: Double
  /// ε at the start of the final window.
  public let windowStartExploration: Double
  /// Average Table 2.1 wellbeing per agent per step over the final window (the last
  /// min(window, steps) steps).
  public let windowWellbeing: Double
  /// Greedy changes of each agent during the run.
  public let greedyChanges: (Int, Int)
  /// Both agents' final Q values (index 2 · state + action).
  public let finalQ: ([Double], [Double])
  public let samples: [Sample]

  /// Runs Experiment 1 from the preset policy pair `initial`.
  /// The pair of Experiment 1 agents in their Society.
  typealias PairSociety = Society<OneStepMemoryAgent, ClosedEnvironment<OneStepMemoryAgent>>

  /// Runs the pair from `initial` until both greedy policies have stood still for the convergence
  /// window, or the step cap; then, if unsettled, follows the policy changes to the cycle.
  public static func run<Source: UniformRandomSource>(
    _ initial: OneStepSociety, protocol settings: ExperimentOneProtocol, random: inout Source
  ) -> ExperimentOneRun {
    var society = startingSociety(initial, settings)
    society.step(random: &random)  // time 0: the starting moves are in transit
    let progress = runToConvergence(&society, settings, random: &random)
    let end = progress.marks.last!
    let start = progress.marks.last { $0.step <= max(0, progress.steps - settings.convergenceWindow) } ?? progress.marks[0]
    let windowWellbeing = end.step > start.step ? (end.total - start.total) / Double(2 * (end.step - start.step)) : .nan
    let atEnd = current(society)
    let (cycle, closed) =
      progress.converged ? ([], false) : followCycle(&society, from: atEnd, limit: settings.cycleSearchLimit, random: &random)
    let a = society[0].learner
    let b = society[1].learner
    return ExperimentOneRun(
      initial: initial, final: atEnd, steps: progress.steps, converged: progress.converged, cycle: cycle, cycleClosed: closed,
      finalExploration: end.exploration, windowStartExploration: start.exploration, windowWellbeing: windowWellbeing,
      greedyChanges: (a.greedyChanges, b.greedyChanges), finalQ: ((0..<8).map { a.q[$0] }, (0..<8).map { b.q[$0] }),
      samples: progress.samples)
  }

  /// The two agents on their preset policies (Q = `presetHigh` for each state's policy action,
  /// `presetLow` for the other), each having sent its starting move.
  static func startingSociety(_ initial: OneStepSociety, _ settings: ExperimentOneProtocol) -> PairSociety {
    let c = settings.constants
    let agents = [
      OneStepMemoryAgent(
        learner: CompactQLearner(states: 4, constants: c, presetPolicy: UInt32(initial.first.id), low: settings.presetLow, high: settings.presetHigh),
        partner: ChannelID(agent: 1)),
      OneStepMemoryAgent(
        learner: CompactQLearner(
          states: 4, constants: c, presetPolicy: UInt32(initial.second.id), low: settings.presetLow, high: settings.presetHigh),
        partner: ChannelID(agent: 0)),
    ]
    var society = Society(agents: agents)
    society.withAgent(0) { agent, schedule in agent.start(schedule: &schedule) }
    society.withAgent(1) { agent, schedule in agent.start(schedule: &schedule) }
    return society
  }

  /// What the convergence loop returns: steps run, whether both policies stood still for the window,
  /// the wellbeing totals at the start of each block of window / 16 steps (to measure the final
  /// window), and the samples of the traced run.
  struct Progress {
    var steps = 0
    var converged = false
    var marks: [(step: Int, total: Double, exploration: Double)]
    var samples: [Sample] = []
  }

  static func sample(_ society: borrowing PairSociety, step: Int) -> Sample {
    let a = society[0].learner
    let b = society[1].learner
    return Sample(
      step: step, exploration: a.exploration, policies: (Int(a.policy), Int(b.policy)),
      greedyChanges: (a.greedyChanges, b.greedyChanges), q: (0..<8).map { a.q[$0] })
  }

  static func runToConvergence<Source: UniformRandomSource>(
    _ society: inout PairSociety, _ settings: ExperimentOneProtocol, random: inout Source
  ) -> Progress {
    let window = settings.convergenceWindow
    let block = max(1, window / 16)
    var progress = Progress(marks: [(0, 0, settings.constants.initialExploration)])
    if settings.sampleInterval > 0 { progress.samples.append(sample(society, step: 0)) }
    var nextSample = settings.sampleInterval > 0 ? settings.sampleInterval : Int.max
    var nextMark = block
    var steps = 0
    while steps < settings.stepCap {
      let stop = min(settings.stepCap, nextSample, nextMark)
      // The hot loop: one step is one encounter and one decision of each agent.
      while steps < stop {
        society.step(random: &random)
        steps &+= 1
        if society[0].learner.stepsSinceGreedyChange > window && society[1].learner.stepsSinceGreedyChange > window {
          progress.converged = true
          break
        }
      }
      if steps == nextMark || progress.converged || steps == settings.stepCap {
        progress.marks.append((steps, society[0].totalWellbeing + society[1].totalWellbeing, society[0].learner.exploration))
        nextMark += block
      }
      if steps == nextSample {
        progress.samples.append(sample(society, step: steps))
        nextSample += settings.sampleInterval
      }
      if progress.converged { break }
    }
    if settings.sampleInterval > 0 && progress.samples.last?.step != steps { progress.samples.append(sample(society, step: steps)) }
    progress.steps = steps
    return progress
  }

  /// The society in the code's numbering, 16 · policy(agent 0) + policy(agent 1).
  static func current(_ society: borrowing PairSociety) -> OneStepSociety {
    OneStepSociety(16 * Int(society[0].learner.policy) + Int(society[1].learner.policy))
  }

  /// After the cap: the societies visited until the run returns to `start` (closed) or `limit` more
  /// steps have passed.
  static func followCycle<Source: UniformRandomSource>(
    _ society: inout PairSociety, from start: OneStepSociety, limit: Int, random: inout Source
  ) -> (cycle: [OneStepSociety], closed: Bool) {
    var cycle = [start]
    var last = start
    var extra = 0
    while extra < limit {
      society.step(random: &random)
      extra &+= 1
      let now = current(society)
      if now != last {
        cycle.append(now)
        last = now
        if now == start { return (cycle, true) }
      }
    }
    return (cycle, false)
  }
}

/// The first greedy change of a pair of Experiment 1 learners: the learning evidence for the text's
/// argument that mutual tit-for-tat is unstable ("once in a run of mutual stealing, the Q-value of
/// stealing again is half the Q-value of trading"), which predicts that the first move to change is
/// the move after mutual stealing (SS), from steal to trade.
public struct PolicyDeparture: Sendable, Equatable {
  /// Steps until the change.
  public let step: Int
  /// The agent whose greedy policy changed first (0 or 1).
  public let agent: Int
  /// The state whose move changed (0 TT, 1 TS, 2 ST, 3 SS) and the new move (0 trade, 1 steal).
  public let state: Int
  public let newMove: Int
  /// The changing agent's Q(state, steal) and Q(state, trade) just after the change.
  public let qSteal: Double
  public let qTrade: Double

  /// Whether the change is the one the text predicts: after mutual stealing, trade instead of steal.
  public var isSSToTrade: Bool { state == 3 && newMove == 0 }

  /// Runs the pair from the preset policies `initial` until either agent's greedy policy changes, at
  /// most `settings.stepCap` steps; nil when neither changes.
  public static func first<Source: UniformRandomSource>(
    from initial: OneStepSociety, protocol settings: ExperimentOneProtocol, random: inout Source
  ) -> PolicyDeparture? {
    let c = settings.constants
    let policies = [UInt32(initial.first.id), UInt32(initial.second.id)]
    let agents = (0..<2).map { k in
      OneStepMemoryAgent(
        learner: CompactQLearner(states: 4, constants: c, presetPolicy: policies[k], low: settings.presetLow, high: settings.presetHigh),
        partner: ChannelID(agent: 1 - k))
    }
    var society = Society(agents: agents)
    society.withAgent(0) { agent, schedule in agent.start(schedule: &schedule) }
    society.withAgent(1) { agent, schedule in agent.start(schedule: &schedule) }
    society.step(random: &random)
    for step in 1...max(1, settings.stepCap) {
      society.step(random: &random)
      for k in 0..<2 where society[k].learner.policy != policies[k] {
        let changed = society[k].learner.policy ^ policies[k]
        let state = changed.trailingZeroBitCount
        let learner = society[k].learner
        return PolicyDeparture(
          step: step, agent: k, state: state, newMove: learner.greedy(state),
          qSteal: learner.value(state, 1), qTrade: learner.value(state, 0))
      }
    }
    return nil
  }
}
