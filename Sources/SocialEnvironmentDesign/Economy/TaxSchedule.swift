import LabKit

/// §4 of Social Environment Design: the marginal bracket tax
/// T(a, φ) = Σ_{b=0}^{B−1} φ_b · ((τ_{b+1} − τ_b) · 1[a > τ_{b+1}] + (a − τ_b) · 1[τ_b < a ≤ τ_{b+1}]),
/// with the brackets of Appendix A, Table 1: [(1,10), (11,20), (21,10000)] apples, i.e. the cut
/// points τ = (0, 10, 20, 10000).
public struct TaxBrackets: Sendable, Equatable {
  /// The cut points τ_0 < τ_1 < … < τ_B.
  public let cutPoints: [Double]

  /// Brackets from cut points; they must increase strictly and there must be at least one bracket.
  public init(cutPoints: [Double]) throws {
    guard cutPoints.count >= 2 else {
      throw LabError.invalidInput(place: "TaxBrackets", problem: "need at least two cut points, got \(cutPoints.count)")
    }
    for b in 1..<cutPoints.count where !(cutPoints[b] > cutPoints[b - 1]) || !cutPoints[b].isFinite {
      throw LabError.invalidInput(place: "TaxBrackets cut point \(b)", problem: "cut points must increase strictly and be finite: \(cutPoints)")
    }
    self.cutPoints = cutPoints
  }

  /// Appendix A, Table 1: [(1,10), (11,20), (21,10000)], three brackets.
  public static let paper = try! TaxBrackets(cutPoints: [0, 10, 20, 10_000])

  /// The number of brackets B.
  public var count: Int { cutPoints.count - 1 }

  /// T(a, φ) of §4 for income `a` (apples in the tax period) and rates `rates` (one per bracket).
  @inlinable
  public func tax(_ a: Double, rates: [Double]) -> Double {
    var total = 0.0
    for b in 0..<(cutPoints.count - 1) {
      let lower = cutPoints[b], upper = cutPoints[b + 1]
      if a > upper {
        total += rates[b] * (upper - lower)
      } else if a > lower {
        total += rates[b] * (a - lower)
      }
    }
    return total
  }

  /// The released code's calculator (`Principal.__tax_calculator`, notes §3.3 item 6) on inclusive
  /// integer brackets (lo, hi): for each bracket with w ≥ lo add (1 + hi − lo)·t if w ≥ hi, else
  /// (1 + w − lo)·t. For integer w it equals ``tax(_:rates:)`` on τ = (0, 10, 20, 10000).
  public static func releasedCodeTax(_ wealth: Int, rates: [Double], brackets: [(Int, Int)] = [(1, 10), (11, 20), (21, 10_000)]) -> Double {
    var total = 0.0
    for (b, (lo, hi)) in brackets.enumerated() where wealth >= lo {
      total += Double(1 + (wealth >= hi ? hi : wealth) - lo) * rates[b]
    }
    return total
  }
}

/// §4: "For simplicity we evenly redistribute the taxes": every player receives (1/n) Σ_j T(a_j, φ).
public enum Redistribution {
  /// The extrinsic reward of eq. 2 for every player: r_extrinsic = (a − T(a, φ)) + (1/n) Σ_j T(a_j, φ).
  /// `multiplier` scales the net transfer (the released code's tax annealing; 1 in the paper).
  public static func extrinsic(incomes: [Double], rates: [Double], brackets: TaxBrackets, multiplier: Double = 1) -> [Double] {
    let net = netTransfers(incomes: incomes, rates: rates, brackets: brackets)
    return zip(incomes, net).map { $0 - multiplier * $1 }
  }

  /// Net tax of every player, T(a_i, φ) − (1/n) Σ_j T(a_j, φ); the transfers sum to zero (budget balance).
  public static func netTransfers(incomes: [Double], rates: [Double], brackets: TaxBrackets) -> [Double] {
    let taxes = incomes.map { brackets.tax($0, rates: rates) }
    let share = taxes.reduce(0, +) / Double(max(1, incomes.count))
    return taxes.map { $0 - share }
  }
}

/// Appendix A: "a two-phase curriculum with tax annealing, as suggested in Zheng et al. (2022). This
/// annealing can be formalized as a constraint in the policy implementation map by simply bounding
/// the maximum tax percentage that can be set." The released code instead multiplies the net
/// transfer by 0.1 + 0.9 · min((e − 1)/(0.02 E), 1) (notes §3.3 item 9).
public enum TaxAnnealing: String, Sendable, CaseIterable {
  /// The paper: a cap on every rate, rising linearly from 10 % to 100 % (AI Economist style, with masking).
  case rateCap
  /// The released code: the cap stays at 1 and the net transfer is multiplied by the same ramp.
  case transferMultiplier
  /// No annealing.
  case none

  /// The ramp 0.1 + 0.9 · min(progress, 1) for `progress` ≥ 0 (rounds since phase 2 / annealing rounds).
  public static func ramp(_ progress: Double) -> Double { 0.1 + 0.9 * min(max(progress, 0), 1) }

  /// (maximum rate, transfer multiplier) at `progress` through the annealing.
  public func limits(progress: Double) -> (cap: Double, multiplier: Double) {
    switch self {
    case .rateCap: return (TaxAnnealing.ramp(progress), 1)
    case .transferMultiplier: return (1, TaxAnnealing.ramp(progress))
    case .none: return (1, 1)
    }
  }
}

/// The principal's rate grid of the released code: 11 levels {0, 0.1, …, 1} per bracket (notes §3.3 item 2).
public enum RateGrid {
  public static let levels: [Double] = (0...10).map { Double($0) / 10 }
}
