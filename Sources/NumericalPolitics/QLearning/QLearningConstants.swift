import LabKit

/// The constants of the tabular Q-learners of Numerical Politics chapter 2.
///
/// The book gives none of these ("a high probability of exploring ... reduces exponentially with
/// time"); the defaults are those of the book-era code, danftang/NumericalPolitics at `c5cd7e0` (May
/// 2023, `QTablePolicy.h`): constant learning rate 0.01, discount 0.99, initial Q 1.0, exploration
/// 0.25 decaying by a factor 0.9999999 per decision, no floor (the floor 0.0025 appeared in
/// `f4d8200`).
public struct QLearningConstants: Sendable, Equatable {
  /// The constant learning rate α in Q ← (1 − α) Q + α (r + γ Q(s', greedy)) (used by the
  /// `.constant` schedule).
  public var learningRate: Double = 0.01
  /// How α depends on the number of updates n of the (state, action) pair (``TabularQLearner`` only).
  public var learningRateSchedule: LearningRateSchedule = .constant
  /// The discount γ.
  public var discount: Double = 0.99
  /// Every Q value before learning (the code's `DEFAULT_INITIALQ`).
  public var initialQ: Double = 1.0
  /// The exploration probability ε before the first decision.
  public var initialExploration: Double = 0.25
  /// The factor ε is multiplied by before each decision.
  public var explorationDecay: Double = 0.9999999
  /// ε stops decaying once it is at or below this value (0: no floor).
  public var explorationFloor: Double = 0

  public init() {}

  public init(
    learningRate: Double, discount: Double, initialQ: Double, initialExploration: Double,
    explorationDecay: Double, explorationFloor: Double
  ) {
    self.learningRate = learningRate
    self.discount = discount
    self.initialQ = initialQ
    self.initialExploration = initialExploration
    self.explorationDecay = explorationDecay
    self.explorationFloor = explorationFloor
  }
}

/// How a Q-learner's learning rate depends on the number n of updates of the (state, action) pair,
/// counting the current one.
public enum LearningRateSchedule: String, ParameterChoice {
  /// α fixed (the book-era code: 0.01).
  case constant
  /// α = 1/n: Q is the running mean of its targets; meets the Robbins–Monro conditions (Watkins and
  /// Dayan 1992).
  case harmonic
  /// α = 1/n^0.7: decreasing more slowly, also Robbins–Monro; polynomial rates with exponent in
  /// (1/2, 1) converge faster than 1/n when γ is near 1 (Even-Dar and Mansour 2003).
  case power
}
