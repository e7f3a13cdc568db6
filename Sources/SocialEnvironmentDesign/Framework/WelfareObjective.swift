import Foundation
import LabKit

/// §3, "Social Welfare Examples", and §4's objective space of Social Environment Design: the
/// objectives O the players vote on, each a function of the players' returns J_i.
public enum WelfareObjective: Sendable, Equatable, CustomStringConvertible {
  /// Utilitarian: O = Σ_i J_i.
  case utilitarian
  /// Nash welfare: O = (Π_i J_i)^{1/n} (0 when some J_i ≤ 0).
  case nashWelfare
  /// Egalitarian: O = min_i J_i.
  case egalitarian
  /// §4: O_η = η · Σ_i J_i + (1 − η) · min_i J_i, 0 ≤ η ≤ 1 (η = 1 utilitarian, η = 0 egalitarian).
  case interpolation(eta: Double)

  /// The objective's value on the returns `returns` (one per player).
  public func value(_ returns: [Double]) -> Double {
    guard !returns.isEmpty else { return 0 }
    switch self {
    case .utilitarian: return returns.reduce(0, +)
    case .egalitarian: return returns.min()!
    case .nashWelfare:
      if returns.contains(where: { $0 <= 0 }) { return 0 }
      return exp(returns.map(log).reduce(0, +) / Double(returns.count))
    case .interpolation(let eta): return eta * returns.reduce(0, +) + (1 - eta) * returns.min()!
    }
  }

  /// Checks η ∈ [0, 1].
  public static func interpolated(_ eta: Double) throws -> WelfareObjective {
    guard eta.isFinite, eta >= 0, eta <= 1 else {
      throw LabError.invalidInput(place: "WelfareObjective.interpolation", problem: "η must lie in [0, 1], got \(eta)")
    }
    return .interpolation(eta: eta)
  }

  public var description: String {
    switch self {
    case .utilitarian: return "utilitarian"
    case .nashWelfare: return "Nash welfare"
    case .egalitarian: return "egalitarian"
    case .interpolation(let eta): return "O_η, η = \(DecimalFormat.fixed(eta, digits: 3))"
    }
  }
}

/// The social-outcome metrics of Perolat et al. (2017), which the Apple Picking Game inherits from
/// Harvest, plus the AI Economist's normalised Gini (notes §4.1 and §5).
public enum SocialOutcomeMetrics {
  /// Utilitarian efficiency U = Σ_i R_i / T.
  public static func efficiency(returns: [Double], steps: Int) -> Double {
    returns.reduce(0, +) / Double(max(1, steps))
  }

  /// Gini Σ_i Σ_j |R_i − R_j| / (2 N Σ_i R_i) (Perolat's form; 0 when every return is 0).
  public static func gini(_ returns: [Double]) -> Double {
    let total = returns.reduce(0, +)
    guard total > 0 else { return 0 }
    var sum = 0.0
    for a in returns { for b in returns { sum += abs(a - b) } }
    return sum / (2 * Double(returns.count) * total)
  }

  /// Equality E = 1 − Gini (Perolat et al.).
  public static func equality(_ returns: [Double]) -> Double { 1 - gini(returns) }

  /// The AI Economist's normalised Gini: Perolat's Gini divided by (N − 1)/N, so that 1 means one
  /// player has everything.
  public static func normalisedGini(_ returns: [Double]) -> Double {
    let n = Double(returns.count)
    return n > 1 ? gini(returns) / ((n - 1) / n) : 0
  }

  /// Sustainability S = (1/N) Σ_i t^i with t^i the mean step (1-based) at which player i was
  /// rewarded, T for a player never rewarded (the public RLlib callback's convention).
  public static func sustainability(rewardTimeSums: [Double], rewardCounts: [Int], steps: Int) -> Double {
    var total = 0.0
    for (sum, count) in zip(rewardTimeSums, rewardCounts) {
      total += count > 0 ? sum / Double(count) : Double(steps)
    }
    return total / Double(max(1, rewardCounts.count))
  }

  /// Peace P = (N·T − tagged agent-steps) / T. The SED fork has no zapper, so nobody is ever tagged
  /// and P = N.
  public static func peace(agents: Int, steps: Int, taggedAgentSteps: Int = 0) -> Double {
    Double(agents * steps - taggedAgentSteps) / Double(max(1, steps))
  }
}
