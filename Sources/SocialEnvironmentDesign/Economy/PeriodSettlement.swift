import LabKit

/// What happens to the tax collected in a period. §4: "For simplicity we evenly redistribute the
/// taxes"; the released code subtracts T(w_i) − (1/n) Σ_j T(w_j) from every player (notes §3.3 item 5).
public enum RedistributionMode: String, Sendable, CaseIterable {
  /// Equal shares: every player receives (1/n) Σ_j T(a_j, φ) (the paper and the released code).
  case equalShares
  /// The tax is collected and not returned (the lever removed; the negative control of `sed.principal-improves`).
  case none
}

/// The end of one tax period (§4, eq. 2): each player's apples a_i collected in the period are taxed
/// by the bracket schedule T(a_i, φ) of ``TaxBrackets`` and, under ``RedistributionMode/equalShares``,
/// the total Σ_j T(a_j, φ) is shared equally, so the post-tax apples are
/// a_i − T(a_i, φ) + (1/n) Σ_j T(a_j, φ) and Σ_i post-tax = Σ_i a_i (apples are conserved).
public struct PeriodSettlement: Sendable, Equatable {
  /// T(a_i, φ) for every player.
  public let taxes: [Double]
  /// Σ_i T(a_i, φ).
  public let collected: Double
  /// The amount every player receives back: collected / n, or 0 without redistribution.
  public let share: Double
  /// a_i − T(a_i, φ) + share.
  public let postTax: [Double]

  /// Settles apples `apples` (one entry per player, collected in the period) at `rates`.
  public init(apples: [Double], rates: [Double], brackets: TaxBrackets = .paper, redistribution: RedistributionMode) {
    let taxes = apples.map { brackets.tax($0, rates: rates) }
    let collected = taxes.reduce(0, +)
    let share = redistribution == .equalShares && !apples.isEmpty ? collected / Double(apples.count) : 0
    self.taxes = taxes
    self.collected = collected
    self.share = share
    postTax = zip(apples, taxes).map { $0 - $1 + share }
  }
}
