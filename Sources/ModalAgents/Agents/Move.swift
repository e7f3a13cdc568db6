/// A move in the Prisoner's Dilemma.
public enum Move: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
  case cooperate = "C"
  case defect = "D"

  /// `C` or `D`.
  public var letter: String { rawValue }
  public var description: String { self == .cooperate ? "cooperate" : "defect" }

  /// `.cooperate` when `cooperates`.
  public init(cooperates: Bool) { self = cooperates ? .cooperate : .defect }
  /// The move as an action index of `NormalFormGame.prisonersDilemma` (cooperate first).
  public var actionIndex: Int { self == .cooperate ? 0 : 1 }
}
