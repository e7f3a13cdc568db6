import LabKit

/// The book-era Q-learner of Numerical Politics chapter 2 (the code's `QTablePolicy`) for two actions
/// and at most 8 states, held inline so that a society's hot loop touches no heap memory.
///
/// The rule is ``TabularQLearner``'s, operation for operation (the tests run both on the same draws
/// and compare every value bit for bit):
/// - Q(s, a) ← (1 − α) Q(s, a) + α (r + γ Q(s', b(s'))), b(s') the current greedy action of s';
///   a terminal transition (a forgotten partner, Experiment 2) uses 0 for the bootstrap;
/// - b(s) changes only when the other action's Q is strictly greater (ties keep the old action), and
///   any change resets the count of training steps since the last change;
/// - before each decision ε ← ε · d while ε > floor; then with probability ε a uniform choice of both
///   actions (so the learner deviates from b(s) with probability ε / 2), else b(s).
///
/// The greedy actions are the bits of ``policy``: bit s is b(s), which is the code's policy id
/// (Σ_s 2^s · bestAction[s]; Table 2.2's policy is 6).
public struct CompactQLearner: Sendable, Equatable {
  /// The largest number of states.
  public static let maximumStateCount = 8

  public let stateCount: Int
  /// Q values at index `2 · state + action`; entries past `2 · stateCount` are unused.
  public private(set) var q: SIMD16<Double>
  /// Bit s is the greedy action of state s (the code's policy id).
  public private(set) var policy: UInt32
  /// The current exploration probability ε.
  public private(set) var exploration: Double
  /// Training steps since a greedy action last changed (the book's convergence counter).
  public private(set) var stepsSinceGreedyChange: Int = 0
  /// Greedy changes since the learner was made.
  public private(set) var greedyChanges: Int = 0

  let learningRate: Double
  let discount: Double
  let explorationDecay: Double
  let explorationFloor: Double

  /// A learner with every Q value at `constants.initialQ` and greedy actions given by the bits of
  /// `policy`.
  public init(states: Int, constants: QLearningConstants, policy: UInt32 = 0) {
    precondition((1...Self.maximumStateCount).contains(states), "CompactQLearner: 1 to 8 states")
    precondition(policy < 1 << UInt32(states), "CompactQLearner: policy \(policy) has bits past state \(states - 1)")
    stateCount = states
    q = SIMD16(repeating: 0)
    for index in 0..<(2 * states) { q[index] = constants.initialQ }
    self.policy = policy
    exploration = constants.initialExploration
    learningRate = constants.learningRate
    discount = constants.discount
    explorationDecay = constants.explorationDecay
    explorationFloor = constants.explorationFloor
  }

  /// The code's `setPolicy(id, qMin, qMax)`: for each state, Q = `high` for the action of `policy` and
  /// `low` for the other (Experiment 1 starts every pair from such a table, with 0 and 400).
  public init(states: Int, constants: QLearningConstants, presetPolicy policy: UInt32, low: Double, high: Double) {
    self.init(states: states, constants: constants, policy: policy)
    for state in 0..<states {
      let best = Int(policy >> UInt32(state) & 1)
      q[2 * state + best] = high
      q[2 * state + 1 - best] = low
    }
  }

  /// Q(state, action).
  public func value(_ state: Int, _ action: Int) -> Double { q[2 &* state &+ action] }

  /// The greedy action of `state`.
  @inline(__always)
  public func greedy(_ state: Int) -> Int { Int(truncatingIfNeeded: policy >> UInt32(truncatingIfNeeded: state) & 1) }

  /// Decays ε, then chooses: uniformly among both actions with probability ε, the greedy one otherwise.
  @inline(__always)
  public mutating func act<Source: UniformRandomSource>(in state: Int, random: inout Source) -> Int {
    if exploration > explorationFloor { exploration *= explorationDecay }
    if random.uniform() < exploration { return random.index(below: 2) }
    return greedy(state)
  }

  /// One Q-learning step on the transition (state, action, reward, next state).
  @inline(__always)
  public mutating func train(state: Int, action: Int, reward: Double, next: Int) {
    let bootstrap = 2 &* next &+ greedy(next)
    let gamma = discount
    update(state: state, action: action) { reward + gamma * $0[bootstrap] }
  }

  /// One Q-learning step on a transition into a terminal state, whose value is 0 (the code's
  /// `ENDGAME_STATE`).
  @inline(__always)
  public mutating func trainTerminal(state: Int, action: Int, reward: Double) {
    let gamma = discount
    update(state: state, action: action) { _ in reward + gamma * 0 }
  }

  /// The update of Q(state, action) towards `target` (given the table), and the greedy test. The
  /// table is read and written in place through a pointer: subscripting a SIMD vector with a
  /// run-time index would copy the whole vector.
  @inline(__always)
  mutating func update(state: Int, action: Int, target: (UnsafeMutablePointer<Double>) -> Double) {
    let alpha = learningRate
    let best = greedy(state)
    let better = withUnsafeMutableBytes(of: &q) { bytes -> Bool in
      let table = bytes.baseAddress!.assumingMemoryBound(to: Double.self)
      let index = 2 &* state &+ action
      table[index] = (1 - alpha) * table[index] + alpha * target(table)
      return table[2 &* state &+ (1 &- best)] > table[2 &* state &+ best]
    }
    stepsSinceGreedyChange &+= 1
    if better {
      policy ^= 1 << UInt32(truncatingIfNeeded: state)
      stepsSinceGreedyChange = 0
      greedyChanges &+= 1
    }
  }
}
