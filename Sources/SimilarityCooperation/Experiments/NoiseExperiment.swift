import Foundation
import GameTheory
import LabKit

/// How the noise in the diff shapes the equilibria of threshold policies (notes §3.2–§3.3, statements of
/// the first author on the AXRP podcast): with uniform noise on [0, X], full cooperation is an equilibrium
/// for every X exactly when G ≥ 2; with mean-zero noise at the critical payoffs (G = 2 here, the
/// boundary of the uniform case), equilibrium policies defect at least half the time however small the
/// noise. Maps the most cooperative symmetric equilibrium against G and the noise scale.
struct NoiseExperiment: Experiment {
  /// Which mean-zero noise "mean-zero (Gaussian)" means: a reading.
  enum MeanZeroFamily: String, ParameterChoice { case gaussian, laplace, logistic }

  /// Uniform noise: whether (X, X) is an equilibrium at (G, X), and the best deviation.
  struct FullCooperation: Sendable { let gain: Double; let width: Double; let equilibrium: Bool; let gain1: Double; let deviation: Double }
  /// The most cooperative symmetric ε-equilibrium of one noise, at ε = 1e-6, 1e-9, 1e-12.
  struct Frontier: Sendable {
    let label: String; let noise: String; let thetas: [Double?]; let cooperation: [Double]; let scale: Double; let mode: Double; let mean: Double?
  }
  /// Everything the mean-zero check looks at, for one family: its frontiers at every checked scale, whether (0, 0) is an
  /// equilibrium at each, and the equilibria of a grid of profiles at scale 1.
  struct MeanZero: Sendable {
    let family: String
    let frontiers: [Frontier]
    let zeroIsEquilibrium: Bool
    let profiles: Int
    let profileEquilibria: Int
    let asymmetricProfiles: Int
    let mostCooperativeProfile: Double
  }
  struct Outcome: Sendable {
    let critical: Double
    let full: [FullCooperation]
    let meanZero: MeanZero
    let control: MeanZero?
    let compared: [Frontier]
    let mapValues: [Double]
    let sweep: [Double]
    let sweepValues: [(Double, Double, Double)]
  }

  let id = "sbc.noise"
  let title = "Uniform versus mean-zero noise: which threshold profiles are equilibria, against G and the noise scale"
  let sections = ["notes §3.2", "notes §3.3 (\"Proposition 2\")"]

  static let criticalGain = ParameterKey<Double>("criticalGain")
  static let deviationGridPoints = ParameterKey<Int>("deviationGridPoints")
  static let scanStep = ParameterKey<Double>("scanStep")
  static let gainStep = ParameterKey<Double>("gainStep")
  static let profileStep = ParameterKey<Double>("profileStep")
  static let meanZeroFamily = ParameterKey<MeanZeroFamily>("meanZeroFamily")
  /// The statement's boundary G ≥ 2, and the control's wrong boundary.
  static let boundary = 2.0
  static let controlBoundary = 2.5

  static let scaleClaim = Claim(
    id: "sbc.noise-scale", source: "notes §3.2 (the first author on AXRP)", kind: .claim,
    statement: "With uniform noise on [0, X], full cooperation (θ₁ = θ₂ = X) is an equilibrium for every X exactly when G ≥ 2.",
    class: .empirical, control: Control("the statement with a wrong boundary, G ≥ 2.5: the same check against it"))
  static let meanZeroClaim = Claim(
    id: "sbc.mean-zero-noise", source: "notes §3.3 (the first author on AXRP: \"Proposition 2\")", kind: .proposition,
    statement:
      "With mean-zero (Gaussian) noise at the critical prisoner's-dilemma payoffs, equilibrium threshold policies defect at least half the time, however small the noise.",
    class: .empirical,
    control: Control("mean-zero but skewed noise, Exp(mean σ) − σ, whose mode is below its mean: the same check on it"),
    readings: [meanZeroFamily.erased])

  var claims: [Claim] { [Self.scaleClaim, Self.meanZeroClaim] }

  var readings: [Reading] {
    [
      Reading(
        Self.meanZeroFamily,
        [
          .init(MeanZeroFamily.gaussian, reason: "the text's example of mean-zero noise", source: "notes §3.3 (\"mean-zero (Gaussian)\")"),
          .init(
            MeanZeroFamily.laplace, reason: "another symmetric mean-zero noise, with heavier tails",
            source: "a careful reader: the statement names mean zero, not a family"),
          .init(
            MeanZeroFamily.logistic, reason: "another symmetric mean-zero noise, between the two",
            source: "a careful reader: the statement names mean zero, not a family"),
        ])
    ]
  }

  /// The gains and uniform widths of the full-cooperation check.
  static let checkedGains: [Double] = [1.5, 1.9, 1.99, 2, 2.01, 2.5, 3, 5]
  static let checkedWidths: [Double] = [0.001, 0.1, 1, 10, 100_000]
  /// The scales of the mean-zero check.
  static let checkedDeviations: [Double] = [0.001, 0.01, 0.1, 1, 10]
  /// Noise families compared at the critical gain, each at scale 1 (the table).
  static let comparedFamilies: [NoiseFamily] = [.cauchy, .reflectedExponential, .uniform]
  static let tolerances = [1e-6, 1e-9, 1e-12]

  var parameters: [Parameter] {
    [
      Parameter(
        Self.criticalGain,
        "G at which the mean-zero statement is checked: 2, where uniform noise stops supporting full cooperation (the text does not give Proposition 2's payoffs).",
        domain: .real(lower: 1, upper: 100, lowerIncluded: false, upperIncluded: true), default: 2),
      Parameter(
        Self.deviationGridPoints, "Points of the deviation grid per stretch of thresholds where a payoff varies.",
        domain: .integer(100...100_000), smoke: 400, standard: 4000, paper: 8000),
      Parameter(
        Self.scanStep, "Step, in units of the noise scale, of the scan for symmetric equilibria (then refined by 30 bisections).",
        domain: .real(lower: 0.001, upper: 1, lowerIncluded: true, upperIncluded: true), smoke: 0.25, standard: 0.05, paper: 0.02),
      Parameter(
        Self.gainStep, "Step of G in the map of the most cooperative equilibrium against G (from 1.5 to 6).",
        domain: .real(lower: 0.01, upper: 1, lowerIncluded: true, upperIncluded: true), smoke: 0.5, standard: 0.1, paper: 0.05),
      Parameter(
        Self.profileStep, "Step, in units of the scale, of the grid of (possibly asymmetric) profiles over [−2, 2]² checked at the critical gain.",
        domain: .real(lower: 0.01, upper: 1, lowerIncluded: true, upperIncluded: true), smoke: 0.5, standard: 0.25, paper: 0.1),
      Parameter(Self.meanZeroFamily, "The mean-zero noise of the mean-zero check (a reading).", default: .gaussian),
    ]
  }
}
