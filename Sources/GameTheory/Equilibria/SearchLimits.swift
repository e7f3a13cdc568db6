/// Limits and a progress hook for a long equilibrium search: a wall-clock time limit after which the
/// search stops and returns what it found, marked partial, and a callback told how far it has got.
///
/// A time limit makes the answer depend on the machine's speed, so a search cut short always says
/// so (``EquilibriumReport/isPartial``); without one, the same game gives the same answer.
public struct SearchLimits: Sendable {
  /// When the search must stop, if ever.
  let deadline: ContinuousClock.Instant?
  /// Called now and then with (units done, units in all).
  let progress: (@Sendable (Int, Int) -> Void)?

  /// No time limit and no progress report.
  public static let none = SearchLimits()

  /// - Parameters:
  ///   - timeLimit: seconds from now after which the search stops; nil for none.
  ///   - progress: called with (done, total) as the search advances.
  /// - Precondition: `timeLimit`, when given, is finite and ≥ 0 (the command line validates it).
  public init(timeLimit: Double? = nil, progress: (@Sendable (Int, Int) -> Void)? = nil) {
    if let timeLimit {
      precondition(timeLimit.isFinite && timeLimit >= 0, "SearchLimits: the time limit must be finite and ≥ 0")
      deadline = ContinuousClock.now + .nanoseconds(Int64(min(timeLimit, 1e9) * 1e9))
    } else {
      deadline = nil
    }
    self.progress = progress
  }

  /// Whether the time limit has passed.
  var hasExpired: Bool {
    guard let deadline else { return false }
    return ContinuousClock.now >= deadline
  }

  func report(_ done: Int, of total: Int) { progress?(done, total) }
}
