/// §3.1 of Numerical Politics: "a public buffer, B, of encounter behaviours randomly selected from the
/// population, which represents third party observation of others, stories in the culture, TV etc."
///
/// One buffer per tie context; it keeps the most recent `capacity` histories it was given (a ring),
/// so it follows a population whose behaviour changes. Every agent sees the same buffer (the text's
/// variant where agents close in the graph see more of each other is not built).
public struct PublicBuffer: Sendable {
  public let capacity: Int
  public private(set) var histories: [[EncounterMove]] = []
  private var next = 0

  public init(capacity: Int) {
    precondition(capacity > 0, "PublicBuffer: capacity must be positive")
    self.capacity = capacity
  }

  /// Adds a history, dropping the oldest when full.
  public mutating func append(_ history: [EncounterMove]) {
    if histories.count < capacity {
      histories.append(history)
    } else {
      histories[next] = history
      next = (next + 1) % capacity
    }
  }

  public var count: Int { histories.count }
}
