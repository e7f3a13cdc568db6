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
    var simulation = try HagglingSimulation(game: game, participants: participants, generators: generators, options: options)
    var lockIn = LockInDetector(keySpace: simulation.radix.reduce(1, *))
    var cycleStart = -1
    var t = 0
    while t < options.maximumSteps {
      if simulation.switchHypotheses(at: t) { lockIn.startGeneration() }
      if options.detectLockIn && t >= simulation.latestStart, let start = lockIn.visit(simulation.jointStateKey(), at: t) {
        cycleStart = start
        break
      }
      let profile = simulation.act(at: t)
      simulation.observe(at: t, profile: profile)
      t += 1
    }
    return simulation.result(cycleStart: cycleStart, end: t)
  }
}
