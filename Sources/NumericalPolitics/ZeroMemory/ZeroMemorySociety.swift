import Foundation
import LabKit

/// §2.1 of Numerical Politics: a society of zero-memory Q-learning agents in the sugar-and-spice world.
///
/// "If agents have no memory of previous encounters then each encounter is a simple prisoner's
/// dilemma situation. The state of a Q-learning agent is just the Q-values of trade, Q_t, and steal,
/// Q_s." Each agent is a ``TabularQLearner`` with one state and two actions. Encounters follow the
/// book-era code's sequential pairing: the first agent uniformly from all, the second uniformly from
/// the rest; both choose at once, receive their Table 2.1 wellbeing, and learn from it straight away
/// (with one state, the next state is the same state).
public struct ZeroMemorySociety: Sendable {
  /// The society's state at one moment of a run.
  public struct Checkpoint: Sendable, Equatable {
    /// Encounters per agent so far (2 × encounters / agents).
    public let encountersPerAgent: Double
    /// Q_s − Q_t averaged over the agents.
    public let meanDifference: Double
    /// The exploration probability ε averaged over the agents.
    public let meanExploration: Double
    /// Average wellbeing per agent per encounter since the previous checkpoint.
    public let wellbeing: Double
    /// Fraction of agents whose greedy action is steal.
    public let stealing: Double
  }

  /// The end of a run.
  public struct Outcome: Sendable {
    public let checkpoints: [Checkpoint]
    /// Each agent's final Q_s − Q_t.
    public let differences: [Double]
    /// Each agent's final greedy move.
    public let greedy: [SugarAndSpiceWorld.Move]
    /// Each agent's final ε.
    public let exploration: [Double]
  }

  public private(set) var agents: [TabularQLearner]
  /// The wellbeing table, index 2 · own + other: Table 2.1 (3, 0, 4, 1) unless a control perturbs it.
  public let rewards: [Double]
  /// The same, inline, for the hot loop (reading it retains no heap buffer).
  private let table: SIMD4<Double>

  /// How the agents' greedy actions are set before learning (every Q value starts equal, so the
  /// greedy action is a tie-break).
  public enum InitialGreedy: String, ParameterChoice {
    case trade, steal
    /// Uniformly at random per agent, as the book-era code did for new agents (`addAgent`).
    case random
  }

  /// `count` agents, each with every Q value at `constants.initialQ` and greedy action set by `initial`,
  /// rewarded by `rewards` (index 2 · own + other; Table 2.1 unless a control perturbs it).
  public init(
    agents count: Int, constants: QLearningConstants, initial: InitialGreedy = .trade, random: Random? = nil,
    rewards: [Double] = SugarAndSpiceWorld.wellbeingTable
  ) {
    precondition(count >= 2, "ZeroMemorySociety: need at least two agents")
    precondition(rewards.count == 4, "ZeroMemorySociety: a 2 × 2 wellbeing table")
    self.rewards = rewards
    table = SIMD4(rewards[0], rewards[1], rewards[2], rewards[3])
    agents = (0..<count).map { _ in
      let greedy: Int
      switch initial {
      case .trade: greedy = SugarAndSpiceWorld.Move.trade.rawValue
      case .steal: greedy = SugarAndSpiceWorld.Move.steal.rawValue
      case .random:
        guard let random else { preconditionFailure("ZeroMemorySociety: random initial actions need a generator") }
        greedy = random.index(below: 2)
      }
      return TabularQLearner(states: 1, actions: 2, constants: constants, initialGreedy: [greedy])
    }
  }

  /// Q_s − Q_t of agent `index`.
  public func difference(_ index: Int) -> Double {
    agents[index].value(0, SugarAndSpiceWorld.Move.steal.rawValue) - agents[index].value(0, SugarAndSpiceWorld.Move.trade.rawValue)
  }

  /// One encounter between agents `i` and `j`; returns the sum of their wellbeing.
  @discardableResult
  public mutating func encounter(_ i: Int, _ j: Int, random: Random) -> Double {
    var source = random
    let table = self.table
    return agents.withUnsafeMutableBufferPointer { Self.encounter(i, j, in: $0, table: table, random: &source) }
  }

  /// The encounter on the agents' buffer: both choose (i first), then both learn.
  @inline(__always)
  static func encounter<Source: UniformRandomSource>(
    _ i: Int, _ j: Int, in agents: UnsafeMutableBufferPointer<TabularQLearner>, table: SIMD4<Double>, random: inout Source
  ) -> Double {
    let a = agents[i].act(in: 0, random: &random)
    let b = agents[j].act(in: 0, random: &random)
    let ra = table[a &* 2 &+ b]
    let rb = table[b &* 2 &+ a]
    agents[i].train(state: 0, action: a, reward: ra, next: 0)
    agents[j].train(state: 0, action: b, reward: rb, next: 0)
    return ra + rb
  }

  /// Runs until each agent has had `encountersPerAgent` encounters on average (agents × encounters
  /// per agent / 2 encounters in all), recording `checkpointCount` checkpoints spaced geometrically from
  /// 10 encounters per agent to the end.
  ///
  /// The loop draws `random`'s numbers inline, from an ``MT19937Stream`` (or ``Taus2Stream``) copy of
  /// its state that is written back at the end: the same numbers as GSL's, without a C call per draw.
  public mutating func run(encountersPerAgent: Int, checkpointCount: Int, random: Random) -> Outcome {
    switch random.algorithm {
    case .mt19937:
      var stream = MT19937Stream(random)
      defer { stream.store(into: random) }
      return run(encountersPerAgent: encountersPerAgent, checkpointCount: checkpointCount, random: &stream)
    case .taus2:
      var stream = Taus2Stream(random)
      defer { stream.store(into: random) }
      return run(encountersPerAgent: encountersPerAgent, checkpointCount: checkpointCount, random: &stream)
    }
  }

  /// ``run(encountersPerAgent:checkpointCount:random:)`` on any source of GSL-equal draws.
  public mutating func run<Source: UniformRandomSource>(encountersPerAgent: Int, checkpointCount: Int, random: inout Source) -> Outcome {
    let n = agents.count
    let total = max(1, encountersPerAgent * n / 2)
    let marks = Self.checkpointMarks(total: total, first: max(1, 10 * n / 2), count: checkpointCount)
    var checkpoints: [Checkpoint] = []
    checkpoints.reserveCapacity(marks.count)
    var done = 0
    var windowWellbeing = 0.0
    var windowStart = 0
    let table = self.table
    for mark in marks {
      windowWellbeing = agents.withUnsafeMutableBufferPointer { agents in
        var sum = windowWellbeing
        while done < mark {
          let i = random.index(below: n)
          var j = random.index(below: n - 1)
          if j >= i { j += 1 }
          sum += Self.encounter(i, j, in: agents, table: table, random: &random)
          done += 1
        }
        return sum
      }
      checkpoints.append(checkpoint(at: done, wellbeing: windowWellbeing / Double(2 * (done - windowStart))))
      windowWellbeing = 0
      windowStart = done
    }
    return Outcome(
      checkpoints: checkpoints,
      differences: agents.indices.map(difference),
      greedy: agents.map { SugarAndSpiceWorld.Move(rawValue: $0.greedy[0])! },
      exploration: agents.map(\.exploration))
  }

  private func checkpoint(at encounters: Int, wellbeing: Double) -> Checkpoint {
    let n = Double(agents.count)
    return Checkpoint(
      encountersPerAgent: 2 * Double(encounters) / n,
      meanDifference: (try? Statistics.mean(agents.indices.map(difference))) ?? .nan,
      meanExploration: (try? Statistics.mean(agents.map(\.exploration))) ?? .nan,
      wellbeing: wellbeing,
      stealing: Double(agents.filter { $0.greedy[0] == SugarAndSpiceWorld.Move.steal.rawValue }.count) / n)
  }

  /// `count` distinct encounter counts from `first` to `total`, geometrically spaced (fewer if the
  /// range is short).
  static func checkpointMarks(total: Int, first: Int, count: Int) -> [Int] {
    guard count > 1, total > first else { return [total] }
    var marks: [Int] = []
    let ratio = Double(total) / Double(first)
    for k in 0..<count {
      let mark = k == count - 1 ? total : Int((Double(first) * pow(ratio, Double(k) / Double(count - 1))).rounded())
      if mark > (marks.last ?? 0) { marks.append(min(mark, total)) }
    }
    return marks
  }
}

/// One zero-memory learner against an opponent that trades with a fixed probability: the check of
/// the text's equilibrium algebra, "Q_s − Q_t = P(t) + P(s) = 1 ... irrespective of the other agent's
/// behaviour".
///
/// The algebra is about an equilibrium of Q-learning, which exists when exploration is stationary, so
/// the caller passes constants with a constant ε (decay 1). The Q values keep fluctuating at equilibrium
/// (a constant learning rate never averages the noise away), so the result is the time average of
/// Q_s − Q_t over the second half of the run, which estimates the equilibrium expectation.
public enum FixedOpponentLearning {
  /// The outcome of one run.
  public struct Outcome: Sendable {
    /// Q_s − Q_t averaged over the second half of the encounters.
    public let averageDifference: Double
    /// The fraction of the second half in which steal was the greedy action.
    public let stealingTime: Double
    /// The greedy move at the end.
    public let greedy: SugarAndSpiceWorld.Move
  }

  public static func run(
    tradeProbability: Double, encounters: Int, constants: QLearningConstants, random: Random,
    rewards: [Double] = SugarAndSpiceWorld.wellbeingTable
  ) -> Outcome {
    var learner = TabularQLearner(states: 1, actions: 2, constants: constants)
    let half = encounters / 2
    var sum = 0.0
    var stealing = 0
    for step in 0..<encounters {
      let own = learner.act(in: 0, random: random)
      let other = random.uniform() < tradeProbability ? 0 : 1
      learner.train(state: 0, action: own, reward: rewards[2 &* own &+ other], next: 0)
      if step >= half {
        sum += learner.value(0, 1) - learner.value(0, 0)
        if learner.greedy[0] == 1 { stealing += 1 }
      }
    }
    let counted = Double(max(1, encounters - half))
    return Outcome(
      averageDifference: sum / counted, stealingTime: Double(stealing) / counted,
      greedy: SugarAndSpiceWorld.Move(rawValue: learner.greedy[0])!)
  }
}
