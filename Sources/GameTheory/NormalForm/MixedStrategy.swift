import LabKit

/// A probability distribution over one player's actions: entry k is the probability of action k.
///
/// Validated on construction: at least one action, every probability finite and ≥ 0, and the sum
/// within `tolerance` (default 1e-9) of 1. The probabilities are stored as given, not renormalised.
public struct MixedStrategy: Sendable, Hashable, CustomStringConvertible {
  /// The probability of each action.
  public let probabilities: [Double]

  /// The tolerance on the sum of the probabilities that the initialiser accepts by default.
  public static let defaultTolerance = 1e-9

  /// A mixed strategy with these probabilities.
  ///
  /// - Throws: ``LabError/invalidInput(place:problem:)`` when the vector is empty, has an entry that
  ///   is not finite or is negative, or does not sum to 1 within `tolerance`.
  public init(_ probabilities: [Double], tolerance: Double = MixedStrategy.defaultTolerance) throws {
    let place = "mixed strategy \(MixedStrategy.format(probabilities))"
    guard !probabilities.isEmpty else { throw LabError.invalidInput(place: "mixed strategy", problem: "no probabilities given") }
    if let action = probabilities.firstIndex(where: { !$0.isFinite }) {
      throw LabError.invalidInput(place: place, problem: "the probability of action \(action) is \(probabilities[action]), not a finite number")
    }
    if let action = probabilities.firstIndex(where: { $0 < 0 }) {
      throw LabError.invalidInput(place: place, problem: "the probability of action \(action) is \(probabilities[action]), below 0")
    }
    let total = probabilities.reduce(0, +)
    guard abs(total - 1) <= tolerance else {
      throw LabError.invalidInput(place: place, problem: "the probabilities sum to \(total), not 1 (tolerance \(tolerance))")
    }
    self.probabilities = probabilities
  }

  /// Stores the probabilities as given; callers guarantee a distribution.
  init(unchecked probabilities: [Double]) {
    self.probabilities = probabilities
  }

  /// Playing `action` with certainty, out of `count` actions.
  ///
  /// - Precondition: `0 <= action < count`.
  public static func pure(_ action: Int, count: Int) -> MixedStrategy {
    precondition((0..<count).contains(action), "MixedStrategy.pure: action \(action) out of 0..<\(count)")
    var probabilities = [Double](repeating: 0, count: count)
    probabilities[action] = 1
    return MixedStrategy(unchecked: probabilities)
  }

  /// Every one of `count` actions with probability 1 / count.
  ///
  /// - Precondition: `count > 0`.
  public static func uniform(count: Int) -> MixedStrategy {
    precondition(count > 0, "MixedStrategy.uniform: at least one action")
    return MixedStrategy(unchecked: [Double](repeating: 1 / Double(count), count: count))
  }

  /// The number of actions.
  public var count: Int { probabilities.count }

  /// The probability of `action`.
  public subscript(action: Int) -> Double { probabilities[action] }

  /// The actions played with positive probability, ascending.
  public var support: [Int] { support(tolerance: 0) }

  /// The actions played with probability above `tolerance`, ascending.
  public func support(tolerance: Double) -> [Int] { probabilities.indices.filter { probabilities[$0] > tolerance } }

  /// The action played with probability 1, if the strategy is pure.
  public var pureAction: Int? {
    let played = support
    return played.count == 1 ? played[0] : nil
  }

  /// One action drawn from the strategy.
  public func sample(using random: Random) -> Int { random.categorical(probabilities) }

  /// Whether every probability is within `tolerance` of `other`'s.
  public func isClose(to other: MixedStrategy, tolerance: Double) -> Bool {
    count == other.count && zip(probabilities, other.probabilities).allSatisfy { abs($0 - $1) <= tolerance }
  }

  /// "(0.5, 0.5, 0)": each probability with up to 6 significant digits.
  public var description: String { MixedStrategy.format(probabilities) }

  static func format(_ values: [Double]) -> String {
    "(" + values.map { DecimalFormat.compact($0, significant: 6) }.joined(separator: ", ") + ")"
  }
}
