import Foundation
import GameTheory
import LabKit

extension NoiseExperiment {
  static func f(_ x: Double, _ digits: Int = 4) -> String { DecimalFormat.compact(x, significant: digits) }

  /// The largest discrepancy, below G = 2, between the best deviation and the notes' (gain 1 − G/2 at X/2).
  static func gainError(_ full: [FullCooperation]) -> Double {
    full.filter { $0.gain < 2 }.map { max(abs($0.gain1 - (1 - $0.gain / 2)), abs($0.deviation / $0.width - 0.5)) }.max() ?? 0
  }

  /// The scale claim's check against a boundary: (X, X) is an equilibrium exactly when G ≥ boundary, and the best deviation is the notes'.
  static func scaleHolds(_ full: [FullCooperation], boundary: Double) -> Bool {
    full.allSatisfy { $0.equilibrium == ($0.gain >= boundary) } && gainError(full) <= 1e-9
  }

  /// The mean-zero check: (0, 0) an equilibrium at every scale; the excess cooperation of the largest ε-equilibrium over 1/2 shrinks by
  /// at least 5 per 1000-fold decrease of ε and is below 1e-3 at 1e-12, at every scale; no profile of the grid cooperates more than 1/2 + 1e-3.
  static func meanZeroHolds(_ m: MeanZero) -> Bool {
    let excess: [[Double]] = m.frontiers.map { frontier in frontier.cooperation.map { $0 - 0.5 } }
    let shrinking = excess.allSatisfy { (e: [Double]) -> Bool in
      let first: Bool = e[1] <= e[0] / 5
      let second: Bool = e[2] <= e[1] / 5
      return first && second && e[2] < 1e-3
    }
    return shrinking && m.zeroIsEquilibrium && m.mostCooperativeProfile <= 0.5 + 1e-3
  }

  func judge(_ outcomes: Outcomes<Outcome>, in context: RunContext) throws -> ExperimentResult {
    let base = outcomes.base
    let scale = ClaimResult(
      Self.scaleClaim,
      map: .single(.checking(Self.scaleHolds(base.full, boundary: Self.boundary)), estimate: Self.gainError(base.full), n: base.full.count),
      control: ControlResult(Self.scaleClaim.control!, verdict: .checking(Self.scaleHolds(base.full, boundary: Self.controlBoundary))),
      evidence: scaleEvidence(base))
    return ExperimentResult(
      tables: [uniformTable(base), meanZeroTable(base), sweepTable(base)],
      figures: [
        Figure(
          id: "sbc.equilibrium-region", title: "The most cooperative symmetric threshold equilibrium against G and the noise scale",
          svg: regionHeatmap(base)
        ).captioned(
          "G is the gain of Table 1 (the donation game: (G, G), (0, G + 1), (G + 1, 0), (1, 1)); the noise added to the perceived difference is uniform on [0, X] or Gaussian N(0, σ²); P(cooperate) is each player's probability of cooperating in the equilibrium; ε is the tolerance of an ε-equilibrium."
        ),
        Figure(
          id: "sbc.mean-zero-noise", title: "The most cooperative symmetric threshold equilibrium against G, Gaussian and uniform noise",
          svg: sweepChart(base)
        ).captioned(
          "G is the gain of Table 1 (the donation game); the noise added to the perceived difference is uniform on [0, X] or Gaussian with standard deviation σ; P(cooperate) is each player's probability of cooperating in the most cooperative symmetric equilibrium."
        ),
      ],
      claims: [scale, meanZeroResult(outcomes)])
  }

  func scaleEvidence(_ base: Outcome) -> Evidence {
    let matches = base.full.filter { $0.equilibrium == ($0.gain >= Self.boundary) }.count
    return Evidence(
      summary:
        "Over G ∈ {\(Self.checkedGains.map { Self.f($0) }.joined(separator: ", "))} and X ∈ {\(Self.checkedWidths.map { Self.f($0) }.joined(separator: ", "))}, (X, X) is an equilibrium exactly when G ≥ 2: \(matches == base.full.count ? "yes" : "no"). For G < 2 the best deviation is to X/2 and gains 1 − G/2 for every X (largest discrepancy \(Self.f(Self.gainError(base.full), 3))). Against the control's boundary G ≥ \(Self.f(Self.controlBoundary)): \(base.full.filter { $0.equilibrium == ($0.gain >= Self.controlBoundary) }.count) of \(base.full.count) cases match.",
      measurements: [
        .init("cases", base.full.count), .init("matches G ≥ 2", matches),
        .init("largest discrepancy from the notes' best deviation", Self.gainError(base.full)),
      ],
      tolerance:
        "an equilibrium when no threshold deviation gains more than 1e-9; the best deviation's gain and place within 1e-9 of 1 − G/2 and X/2",
      sampleSize: base.full.count)
  }

  func meanZeroResult(_ outcomes: Outcomes<Outcome>) -> ClaimResult {
    var cells: [VerdictMap.Cell] = []
    var lines: [String] = []
    for (cell, outcome) in outcomes.cells(of: Self.meanZeroClaim) {
      let m = outcome.meanZero
      let largest = m.frontiers.map { $0.cooperation[2] }.max() ?? .nan
      cells.append(
        VerdictMap.Cell(
          reading: cell.readingSetting, verdict: .checking(Self.meanZeroHolds(m)), estimate: max(largest, m.mostCooperativeProfile),
          n: m.frontiers.count + m.profiles))
      lines.append(
        "\(m.family): (0, 0) an equilibrium at every scale: \(m.zeroIsEquilibrium ? "yes" : "no"); largest ε-equilibrium (ε = 1e-12) cooperation \(Self.f(largest, 8)); \(m.profileEquilibria) equilibria on the profile grid, \(m.asymmetricProfiles) asymmetric, none cooperating more than \(Self.f(m.mostCooperativeProfile, 8))"
      )
    }
    let base = outcomes.base
    let control = base.control!
    let gaussian = base.meanZero.frontiers
    let exponents = gaussian.compactMap { r -> Double? in
      guard let a = r.thetas[0], let b = r.thetas[2], a > 0, b > 0 else { return nil }
      return log10(a / b) / 6
    }
    let evidence = Evidence(
      summary: "At G = \(Self.f(base.critical)), scales \(Self.checkedDeviations.map { Self.f($0) }.joined(separator: ", ")): "
        + lines.joined(separator: "; ")
        + ". Above θ = 0 only ε-equilibria remain, and they vanish with ε (base family: θ ∝ ε^\(Self.f(exponents.isEmpty ? .nan : (try? Statistics.mean(exponents)) ?? .nan, 3)), as a deviation gain of about 0.06 (θ/σ)³ predicts). Control, \(control.frontiers.first?.noise ?? "skewed noise"): cooperation \(Self.f(control.frontiers.map { $0.cooperation[2] }.max() ?? .nan, 6)) in its most cooperative ε-equilibrium (the equilibria are the thresholds at or below the mode of the noise).",
      measurements: [
        .init("(0, 0) an equilibrium at every scale (base family)", base.meanZero.zeroIsEquilibrium),
        .init(
          "largest ε-equilibrium cooperation at ε = 1e-6, 1e-9, 1e-12 (base family)",
          .array((0..<3).map { k in .number(gaussian.map { $0.cooperation[k] }.max() ?? .nan) })),
        .init("asymmetric equilibria on the profile grid (base family)", base.meanZero.asymmetricProfiles),
        .init("largest cooperation on the profile grid (base family)", base.meanZero.mostCooperativeProfile),
        .init("control: largest cooperation", control.frontiers.map { $0.cooperation[2] }.max() ?? .nan),
      ],
      tolerance:
        "(0, 0) an equilibrium to 1e-12; at every scale the excess cooperation of the largest ε-equilibrium over 1/2 shrinks by a factor of at least 5 for each 1000-fold decrease of ε (1e-6, 1e-9, 1e-12; a positive exact equilibrium threshold would make it level off) and is below 1e-3 at 1e-12; no ε-equilibrium (1e-12) of the profile grid cooperates more than 1/2 + 1e-3",
      sampleSize: base.meanZero.frontiers.count + base.meanZero.profiles)
    return ClaimResult(
      Self.meanZeroClaim, map: VerdictMap(design: Self.meanZeroClaim.design, cells: cells),
      control: ControlResult(Self.meanZeroClaim.control!, verdict: .checking(Self.meanZeroHolds(control))), evidence: evidence)
  }
}
