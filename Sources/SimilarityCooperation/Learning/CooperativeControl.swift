import LabKit

/// The game control of the learning experiment: does the reconstructed HDPD, at a reading, have a fully
/// cooperative equilibrium at all? If it has none, "training does not end cooperative" says nothing about
/// learning (issue 15: tell "not learned" from "does not exist").
///
/// The hand-built pair: both players play the *threshold policy* "output f_C(x) when the observed diff is at
/// most τ, f_D(x) otherwise" with τ = X, the top of the U[0, X] noise. Against its copy the diff is 0, both
/// observe N ∈ [0, X] and cooperate with probability 1: payoff G each.
///
/// A deviation, with the cooperation-level diff (``HighDimensionalPrisonersDilemma/DiffMeasure/cooperation``)
/// measured in expectation over probes y ~ U[0, y_max] (the continuum limit of many probes): outputs off the
/// action segment only cost (β·d²), and what a policy does at x only matters through its cooperation level,
/// so a deviation is a cooperation curve c'(x, y) with D² = E_probes[(c' − c)²] and payoff
/// G·P(D + N₂ ≤ τ) + 1 − E[c'(x, D + N₁)]. By Cauchy–Schwarz the cheapest way to defect a given amount inside
/// the probe range is a uniform cut δ of cooperation on the observed window [D, min(τ, y_max)]; above y_max
/// the deviator defects for free (the diff never sees it). So the best deviation is found over δ ∈ [0, 1]:
///
/// - window inside the probe range: L = min(τ, y_max) − D, D = δ·√(L / y_max) (a quadratic in D);
/// - own cooperation p₁ = (1 − δ)·P(D + N₁ ≤ min(τ, y_max)), opponent's p₂ = P(D + N₂ ≤ τ);
/// - gain = G·p₂ + 1 − p₁ − G.
///
/// Derived here from the reconstruction's definitions (notes §5.2 leave the HDPD open); uniform noise only.
enum CooperativeControl {
  /// The best deviation from the hand-built pair: its gain over mutual cooperation (G) and its cut δ.
  static func bestDeviation(gain: Double, noiseWidth: Double, probeMax: Double) -> (gain: Double, cut: Double) {
    let tau = noiseWidth
    func uniformCDF(_ t: Double) -> Double { min(1, max(0, t / noiseWidth)) }
    var best = (gain: -Double.infinity, cut: 0.0)
    for step in 0...2000 {
      let delta = Double(step) / 2000
      // D = δ·√((a − D)/y_max) with a = min(τ, y_max): D² + k·D − k·a = 0 with k = δ²/y_max, the root in [0, a].
      let a = min(tau, probeMax)
      let k = delta * delta / probeMax
      let d = (-k + (k * k + 4 * k * a).squareRoot()) / 2
      let own = (1 - delta) * uniformCDF(min(tau, probeMax) - d)
      let other = uniformCDF(tau - d)
      let value = gain * other + 1 - own - gain
      if value > best.gain { best = (value, delta) }
    }
    return best
  }
}
