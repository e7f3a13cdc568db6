import LabKit

/// The principal of the design loop (players learning under it, §4 and Appendix A): at the start of
/// every tax period it sees an observation and sets one rate per bracket; at the end of the period it
/// is rewarded with the change in the voted objective O_η on the round's cumulative post-tax apples
/// (Figure 2's caption: "the change in value of the objective it is currently assigned"), which
/// telescopes to the round's O_η; at the end of a voting round it learns.
public protocol DesignPrincipal: Sendable {
  var name: String { get }
  /// The rates (one per bracket, in [0, 1]) for the next tax period.
  mutating func decide(observation: [Double], random: Random) -> [Double]
  /// The reward for the period just settled.
  mutating func reward(_ value: Double)
  /// The end of a voting round whose O_η was `objective`.
  mutating func finishRound(objective: Double, random: Random)
}

/// A round-level ``TaxPrincipal`` (no tax, a fixed schedule, the UCB bandit over a rate grid) as a
/// design-loop principal: it ignores the observation and the per-period rewards and learns, if at
/// all, from the round's objective. No rate cap (the curriculum's annealing is not used here).
public struct ScheduledPrincipal: DesignPrincipal {
  public private(set) var inner: any TaxPrincipal
  var period = 0

  public init(_ inner: any TaxPrincipal) { self.inner = inner }

  public var name: String { inner.name }

  public mutating func decide(observation: [Double], random: Random) -> [Double] {
    defer { period += 1 }
    return inner.rates(period: period, cap: 1, random)
  }

  public mutating func reward(_ value: Double) {}

  public mutating func finishRound(objective: Double, random: Random) {
    inner.finishRound(objective: objective)
    period = 0
  }
}
