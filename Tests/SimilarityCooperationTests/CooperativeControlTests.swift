import Testing

@testable import SimilarityCooperation

/// The game control of the learning experiment against values derived by hand.
@Suite struct CooperativeControlTests {
  @Test func theHandBuiltPairIsAnEquilibriumWhenTheProbesCoverTheNoise() {
    // X ≤ y_max: cutting cooperation by δ moves the diff by δ·√(X / y_max) and the opponent's cooperation by
    // G/X per unit of diff, far more than the δ gained, so the best deviation is none (gain 0).
    for (gain, width, probeMax) in [(3.0, 0.1, 0.2), (2.5, 0.2, 0.2), (5.0, 0.05, 1.0)] {
      let best = CooperativeControl.bestDeviation(gain: gain, noiseWidth: width, probeMax: probeMax)
      #expect(best.gain == 0 && best.cut == 0)
    }
  }

  @Test func observationsAboveTheProbeRangeAreDefectedOnForFree() {
    // X = 0.3, y_max = 0.2: defecting on observations in (0.2, 0.3] leaves the diff at 0, so the deviator
    // cooperates with probability 2/3 and the opponent still fully: gain G + 1 − 2/3 − G = 1/3.
    let best = CooperativeControl.bestDeviation(gain: 3, noiseWidth: 0.3, probeMax: 0.2)
    #expect(abs(best.gain - 1.0 / 3) < 1e-12)
    #expect(best.cut == 0)
  }

  @Test func aWeakDilemmaPaysAPartialCut() {
    // G = 1.1, X = 0.1, y_max = 0.2: a cut δ moves the diff by D ≈ δ/√2, so the opponent's cooperation falls by
    // D/X ≈ 7.07δ (worth 1.1 × 7.07δ ≈ 7.78δ) while the deviator's own falls by about δ + 7.07δ = 8.07δ: a small cut pays.
    let best = CooperativeControl.bestDeviation(gain: 1.1, noiseWidth: 0.1, probeMax: 0.2)
    #expect(best.gain > 0 && best.cut > 0)
  }
}
