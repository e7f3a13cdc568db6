import Foundation
import LabKit

/// A tabular Q-learner with the book-era rule of Numerical Politics chapter 2 (the code's
/// `QTablePolicy`).
///
/// - Update: Q(s, a) ← (1 − α) Q(s, a) + α (r + γ Q(s', b(s'))), where b(s') is the current greedy
///   action of s' (not a fresh maximum); α is constant (the book-era code) or, under
///   ``LearningRateSchedule/harmonic`` or ``LearningRateSchedule/power``, 1/n or 1/n^0.7 for the n-th
///   update of (s, a).
/// - The greedy action b(s) changes only when another action's Q is strictly greater than Q(s, b(s)),
///   scanning actions in order; ties keep the old action.
/// - Before each decision ε ← max-free decay ε·d (while ε > floor). With probability ε the learner
///   explores, choosing uniformly among all actions (so it may pick the greedy one: it deviates with
///   probability ε (n − 1) / n); otherwise it plays b(s).
///
/// The table is flat, state-major; a value type, so a society is an array of learners updated in place.
public struct TabularQLearner: Sendable {
  public let stateCount: Int
  public let actionCount: Int
  public let constants: QLearningConstants
  /// Q values, index `state * actionCount + action`.
  public private(set) var q: [Double]
  /// The greedy action of each state.
  public private(set) var greedy: [Int]
  /// The current exploration probability ε.
  public private(set) var exploration: Double
  /// Training steps since a greedy action last changed (the book's convergence counter).
  public private(set) var stepsSinceGreedyChange = 0
  /// Updates of each (state, action) so far; kept only under a decreasing learning-rate schedule
  /// (empty under the constant one, whose hot loop never touches it).
  public private(set) var updates: [Int]
  private let scheduled: Bool

  /// A learner with every Q value at `constants.initialQ` and greedy actions `initialGreedy` (action 0
  /// everywhere when nil; the book-era code drew them at random, which the caller may do).
  public init(states: Int, actions: Int, constants: QLearningConstants, initialGreedy: [Int]? = nil) {
    precondition(states > 0 && actions > 1, "TabularQLearner: need at least one state and two actions")
    stateCount = states
    actionCount = actions
    self.constants = constants
    q = Array(repeating: constants.initialQ, count: states * actions)
    greedy = initialGreedy ?? Array(repeating: 0, count: states)
    precondition(greedy.count == states && greedy.allSatisfy { (0..<actions).contains($0) }, "TabularQLearner: bad initial greedy actions")
    exploration = constants.initialExploration
    scheduled = constants.learningRateSchedule != .constant
    updates = scheduled ? Array(repeating: 0, count: states * actions) : []
  }

  /// Q(state, action).
  @inlinable
  public func value(_ state: Int, _ action: Int) -> Double { q[state &* actionCount &+ action] }

  /// Decays ε, then chooses: uniformly at random with probability ε, the greedy action otherwise.
  ///
  /// Generic over the source, so a hot loop specialises it for an inline generator (``MT19937Stream``,
  /// ``Taus2Stream``) instead of a call through GSL's function pointer per draw.
  @inline(__always)
  public mutating func act<Source: UniformRandomSource>(in state: Int, random: inout Source) -> Int {
    if exploration > constants.explorationFloor { exploration *= constants.explorationDecay }
    if random.uniform() < exploration { return random.index(below: actionCount) }
    return greedy[state]
  }

  /// ``act(in:random:)`` drawing from a LabKit ``Random`` (GSL, one call per draw).
  public mutating func act(in state: Int, random: Random) -> Int {
    var source = random
    return act(in: state, random: &source)
  }

  /// One Q-learning step on the transition (state, action, reward, next state).
  ///
  /// The table and the greedy actions are read and written through their buffers, so one step checks
  /// each array's uniqueness once rather than at every write.
  @inline(__always)
  public mutating func train(state: Int, action: Int, reward: Double, next: Int) {
    let index = state &* actionCount &+ action
    let alpha = scheduled ? scheduledRate(index) : constants.learningRate
    let gamma = constants.discount
    let actions = actionCount
    let changed = q.withUnsafeMutableBufferPointer { table in
      greedy.withUnsafeMutableBufferPointer { greedy in
        table[index] = (1 - alpha) * table[index] + alpha * (reward + gamma * table[next &* actions &+ greedy[next]])
        let base = state &* actions
        var best = greedy[state]
        for candidate in 0..<actions where table[base &+ candidate] > table[base &+ best] { best = candidate }
        guard best != greedy[state] else { return false }
        greedy[state] = best
        return true
      }
    }
    stepsSinceGreedyChange = changed ? 0 : stepsSinceGreedyChange &+ 1
  }

  /// α of the next update of entry `index` under a decreasing schedule: 1/n or 1/n^0.7.
  private mutating func scheduledRate(_ index: Int) -> Double {
    updates[index] &+= 1
    let n = Double(updates[index])
    return constants.learningRateSchedule == .harmonic ? 1 / n : 1 / pow(n, 0.7)
  }
}
