import GameTheory
import LabKit

extension ThresholdExampleExperiment {
  static func f(_ x: Double, _ digits: Int = 4) -> String { DecimalFormat.compact(x, significant: digits) }

  /// The example's check: closed form and generic code within 1e-12 of 1/4 and 1/2, and the simulation's 99% intervals containing them.
  static func exampleHolds(_ e: Example) -> Bool {
    let exact = abs(e.exact.0 - 0.25) <= 1e-12 && abs(e.exact.1 - 0.5) <= 1e-12 && abs(e.generic.0 - 0.25) <= 1e-12 && abs(e.generic.1 - 0.5) <= 1e-12
    guard let s = e.simulated else { return exact }
    return exact && s.firstActionFrequencies[0].contains(0.25) && s.firstActionFrequencies[1].contains(0.5)
  }

  /// The intuition's check: for d > 0 the opponent's extra defection is half one's own and the payoff falls; raising never defects more.
  static func intuitionHolds(_ rows: [Deviation]) -> (ratio: Bool, loses: Bool, raising: Bool) {
    let lowering = rows.filter { $0.d > 0 }
    return (
      lowering.allSatisfy { abs($0.opponent / $0.own - 0.5) <= 1e-12 }, lowering.allSatisfy { $0.change < 0 },
      rows.filter { $0.d <= 0 }.allSatisfy { $0.own <= 0 }
    )
  }

  /// The asymmetric equilibria of a map, in the restricted (θ ≥ 0) or the real class.
  static func asymmetric(_ map: EquilibriumMap, restricted: Bool) -> [(Double, Double)] {
    equilibria(map, restricted: restricted).filter { $0.0 != $0.1 }
  }

  static func equilibria(_ map: EquilibriumMap, restricted: Bool) -> [(Double, Double)] {
    var list: [(Double, Double)] = []
    for (i, row) in map.rows.enumerated() {
      for (j, cell) in row.enumerated() where restricted ? cell.restricted == true : cell.real { list.append((map.grid[i], map.grid[j])) }
    }
    return list
  }

  func judge(_ outcomes: Outcomes<Outcome>, in context: RunContext) throws -> ExperimentResult {
    let base = outcomes.base
    guard let example = base.example, let equilibrium = base.equilibrium else {
      throw LabError.invalidInput(place: id, problem: "the base cell has no example")
    }
    let claims = [
      ClaimResult(
        Self.exampleClaim, map: .single(.checking(Self.exampleHolds(example)), estimate: example.exact.0, n: example.simulated?.samples ?? 1),
        control: ControlResult(Self.exampleClaim.control!, verdict: .checking(Self.exampleHolds(base.exampleControl!))),
        evidence: exampleEvidence(base)),
      ClaimResult(
        Self.equilibriumClaim, map: .single(.checking(equilibrium.holds), estimate: equilibrium.gains.max(), n: equilibrium.candidates),
        control: ControlResult(Self.equilibriumClaim.control!, verdict: .checking(base.equilibriumControl!.holds)),
        evidence: equilibriumEvidence(base)),
      intuitionResult(base),
      try symmetricResult(outcomes),
    ]
    let figures = [
      Figure(
        id: "sbc.threshold-landscape", title: "Player 1's payoff over threshold profiles, with the equilibria",
        svg: landscapeChart(
          base.map, equilibria: Self.equilibria(base.map, restricted: base.nonnegative), gain: base.gain, width: base.width,
          noiseName: base.uniform ? "U[0, X]" : base.noiseName)
      ).captioned(
        "θᵢ is player i's threshold: it cooperates when the difference it perceives, |θ₁ − θ₂| + Nᵢ with noise Nᵢ ~ U[0, X], is at most θᵢ. V₁ is player 1's expected payoff in Table 1 (the donation game: (G, G), (0, G + 1), (G + 1, 0), (1, 1)) at gain G = 3."
      ),
      Figure(
        id: "sbc.best-response", title: "Player 1's best response to the other's threshold",
        svg: bestResponseChart(base.responseCurve, gain: base.gain, noiseName: base.uniform ? "U[0, X]" : base.noiseName)
      ).captioned(
        "θᵢ is player i's threshold: it cooperates when the difference it perceives, |θ₁ − θ₂| + Nᵢ with noise Nᵢ ~ U[0, X], is at most θᵢ; thresholds are shown as multiples of X. G is the gain of Table 1 (the donation game)."
      ),
    ]
    return ExperimentResult(
      tables: [exampleTable(base), intuitionTable(base), mapTable(base), responseTable(base)], figures: figures, claims: claims)
  }

  func intuitionResult(_ base: Outcome) -> ClaimResult {
    let (ratio, loses, raising) = Self.intuitionHolds(base.intuition)
    let control = Self.intuitionHolds(base.intuitionControl)
    let evidence = Evidence(
      summary:
        "Lowering θ₁ by d ∈ (0, X/2] raises player 1's defection by 2d/X and player 2's by d/X: ratio 1/2 at every d checked: \(ratio ? "yes" : "no"); the payoff change d(2 − G)/X is negative at every d: \(loses ? "yes" : "no") (at G = \(Self.f(base.gain))). Raising θ₁ above X never makes player 1 defect more: \(raising ? "yes" : "no"). Control at G = \(Self.f(Self.controlGain)): the deviation loses at every d: \(control.loses ? "yes" : "no").",
      measurements: [.init("ratio 1/2", ratio), .init("deviation loses", loses), .init("raising never defects more", raising)],
      tolerance: "ratio within 1e-12 of 1/2; payoff change strictly negative", sampleSize: base.intuition.count)
    return ClaimResult(
      Self.intuitionClaim, map: .single(.checking(ratio && loses && raising), n: base.intuition.count),
      control: ControlResult(Self.intuitionClaim.control!, verdict: .checking(control.ratio && control.loses && control.raising)), evidence: evidence)
  }

  func symmetricResult(_ outcomes: Outcomes<Outcome>) throws -> ClaimResult {
    var cells: [VerdictMap.Cell] = []
    var lines: [String] = []
    for (cell, outcome) in outcomes.cells(of: Self.symmetricClaim) {
      let chosen = Self.asymmetric(outcome.map, restricted: outcome.nonnegative)
      let count = Self.equilibria(outcome.map, restricted: outcome.nonnegative).count
      cells.append(
        VerdictMap.Cell(
          reading: cell.readingSetting, verdict: .checking(chosen.isEmpty), estimate: Double(chosen.count),
          n: outcome.map.grid.count * outcome.map.grid.count))
      lines.append("\(VerdictMap.describe(cell.readingSetting)): \(chosen.count) of \(count) equilibrium profiles asymmetric")
    }
    let base = outcomes.base
    let real = Self.asymmetric(base.map, restricted: false)
    let outside = real.filter { $0.0 > 0 || $0.1 > 0 }
    let symmetric = Set(Self.equilibria(base.map, restricted: base.nonnegative).filter { $0.0 == $0.1 }.map(\.0)).sorted()
    let evidence = Evidence(
      summary: "Policy class: \(base.nonnegative ? "thresholds θ ≥ 0" : "every real threshold"). " + lines.joined(separator: "; ")
        + ". Control: with every real threshold allowed, \(real.count) asymmetric equilibria appear, \(outside.count) of them with a threshold > 0: they are the profiles with both thresholds ≤ 0, where neither ever cooperates (F(0) = 0: the same play as (0, 0)), the exception the notes (§2.3) point out. Symmetric equilibria: \(symmetric.isEmpty ? "none" : "θ ∈ {\(symmetric.map { Self.f($0 / base.width) }.joined(separator: ", "))} X").",
      measurements: [.init("asymmetric equilibria (real thresholds)", real.count), .init("asymmetric with a threshold > 0", outside.count)],
      tolerance: "an equilibrium when no threshold deviation gains more than 1e-9; symmetric means θ₁ = θ₂ exactly",
      sampleSize: base.map.grid.count * base.map.grid.count)
    return ClaimResult(
      Self.symmetricClaim, map: VerdictMap(design: Self.symmetricClaim.design, cells: cells),
      control: ControlResult(Self.symmetricClaim.control!, verdict: .checking(real.isEmpty)), evidence: evidence)
  }

  func exampleEvidence(_ base: Outcome) -> Evidence {
    let e = base.example!
    let s = e.simulated!
    let control = base.exampleControl!
    return Evidence(
      summary:
        "Closed form F(θᵢ − |θ₁ − θ₂|): p₁ = \(Self.f(e.exact.0, 12)), p₂ = \(Self.f(e.exact.1, 12)); the generic diff-meta-game code gives \(Self.f(e.generic.0, 12)), \(Self.f(e.generic.1, 12)); \(s.samples) simulated plays give \(s.firstActionFrequencies[0].formatted(digits: 4)) and \(s.firstActionFrequencies[1].formatted(digits: 4)). Payoffs at G = \(Self.f(base.gain)): (\(Self.f(e.exactPayoffs.0, 6)), \(Self.f(e.exactPayoffs.1, 6))). Control (noise doubled): \(Self.f(control.exact.0, 6)), \(Self.f(control.exact.1, 6)).",
      measurements: [
        .init("p1 exact", e.exact.0), .init("p2 exact", e.exact.1),
        .init("p1 simulated", lower: s.firstActionFrequencies[0].lower, upper: s.firstActionFrequencies[0].upper),
        .init("p2 simulated", lower: s.firstActionFrequencies[1].lower, upper: s.firstActionFrequencies[1].upper),
        .init("payoffs", .array([.number(e.exactPayoffs.0), .number(e.exactPayoffs.1)])),
      ],
      tolerance: "exact values within 1e-12 of 1/4 and 1/2; each 99% Wilson interval of the simulation contains its exact value",
      sampleSize: s.samples)
  }

  func equilibriumEvidence(_ base: Outcome) -> Evidence {
    let e = base.equilibrium!
    return Evidence(
      summary:
        "At (X, X) = (\(Self.f(base.width)), \(Self.f(base.width))) both cooperate with probability \(Self.f(e.probabilities.0)) and \(Self.f(e.probabilities.1)) (mutual cooperation \(Self.f(e.mutualCooperation))); payoffs \(Self.f(e.payoff)) each. The largest gain of any threshold deviation: \(Self.f(e.gains[0], 3)) for player 1, \(Self.f(e.gains[1], 3)) for player 2; player 1's best responses to X form [\(Self.f(e.responses.lowest, 6)), \(Self.f(e.responses.highest, 6))]. Control at G = \(Self.f(Self.controlGain)): largest deviation gain \(Self.f(base.equilibriumControl!.gains.max()!, 3)).",
      measurements: [
        .init("deviation gains", .array(e.gains.map { .number($0) })), .init("mutual cooperation probability", e.mutualCooperation),
        .init("best responses to X", lower: e.responses.lowest, upper: e.responses.highest),
      ],
      tolerance: "a Nash equilibrium when no threshold deviation gains more than 1e-9", sampleSize: e.candidates)
  }
}
