import GameTheory
import LabKit

extension ThresholdGame.Coupling: ParameterChoice {}

/// The introduction's worked example (§1): threshold policies in the Table 1 prisoner's dilemma with
/// G = 3 and diff(θ₁, θ₂) = |θ₁ − θ₂| + N, N ~ U[0, 1] independently for each player. Checks the
/// example's probabilities (exactly and by simulation), the equilibrium (1, 1), the "rate of 1/2"
/// intuition, and that all equilibria are symmetric; maps the payoff landscape and the equilibria over
/// a grid of profiles, and player 1's best-response curve.
struct ThresholdExampleExperiment: Experiment {
  /// Which thresholds a player may choose.
  enum PolicyClass: String, ParameterChoice { case nonnegative, real }

  /// The example's values: closed form, generic meta-game code, simulation.
  struct Example: Sendable {
    let exact: (Double, Double)
    let exactPayoffs: (Double, Double)
    let generic: (Double, Double)
    let genericPayoffs: [Double]
    let simulated: MonteCarloEstimate?
  }
  /// The equilibrium check at (X, X).
  struct Equilibrium: Sendable {
    let probabilities: (Double, Double)
    let mutualCooperation: Double
    let payoff: Double
    let gains: [Double]
    let responses: (lowest: Double, highest: Double)
    let candidates: Int
    var holds: Bool { gains.allSatisfy { $0 <= 1e-9 } && probabilities == (1, 1) && mutualCooperation == 1 }
  }
  /// One row of the intuition table: lowering (or raising) θ₁ from X by d·X.
  struct Deviation: Sendable { let d: Double; let own: Double; let opponent: Double; let change: Double }
  /// The map of equilibria over the grid of profiles.
  struct EquilibriumMap: Sendable {
    let grid: [Double]
    let rows: [[Profile]]
    struct Profile: Sendable { let real: Bool; let restricted: Bool?; let u1: Double }
  }
  struct Outcome: Sendable {
    let gain: Double
    let width: Double
    let uniform: Bool
    let noiseName: String
    let nonnegative: Bool
    let example: Example?
    /// The example's values with the noise doubled (the control): exact and generic.
    let exampleControl: Example?
    let equilibrium: Equilibrium?
    let equilibriumControl: Equilibrium?
    let intuition: [Deviation]
    let intuitionControl: [Deviation]
    let map: EquilibriumMap
    let responseCurve: [(x: Double, low: Double, high: Double)]
    let responseRows: [(gain: Double, theta: Double, lowest: Double, highest: Double)]
  }

  let id = "sbc.thresholds"
  let title = "Threshold policies with uniform noise: the introduction's example, its equilibria and best responses"
  let sections = ["§1", "notes §2.3–§2.4, §3.2"]

  static let gain = ParameterKey<Double>("gain")
  static let noiseFamily = ParameterKey<NoiseFamily>("noiseFamily")
  static let noiseWidth = ParameterKey<Double>("noiseWidth")
  static let coupling = ParameterKey<ThresholdGame.Coupling>("coupling")
  static let samples = ParameterKey<Int>("samples")
  static let mapStep = ParameterKey<Double>("mapStep")
  static let deviationGridPoints = ParameterKey<Int>("deviationGridPoints")
  static let policyClass = ParameterKey<PolicyClass>("policyClass")
  /// The gain of the controls of the equilibrium and intuition claims: below 2, where deviating pays.
  static let controlGain = 1.5

  static let exampleClaim = Claim(
    id: "sbc.threshold-example", source: "§1", kind: .example,
    statement:
      "With thresholds 1/2 and 3/4 and N ~ U[0, 1], the perceived difference is 1/4 + N, so player 1 cooperates with probability 1/4 and player 2 with probability 1/2 (checked exactly and by simulation).",
    class: .consistency(
      because:
        "p_i = F(θ_i − |θ₁ − θ₂|) is the definition of a threshold policy under this diff, so the closed form can differ from 1/4 and 1/2 only through a bug; the simulation and the generic meta-game code check that code"
    ),
    control: Control("the noise doubled to U[0, 2X] with the same thresholds: the same check on its probabilities (1/8 and 1/4)"))
  static let equilibriumClaim = Claim(
    id: "sbc.threshold-equilibrium", source: "§1", kind: .claim,
    statement: "For G = 3, (θ₁, θ₂) = (1, 1) is a Nash equilibrium of the meta game and leads to mutual cooperation with probability 1.",
    class: .empirical, control: Control("the gain lowered to G = 1.5, where lowering one's threshold pays: the same check"))
  static let intuitionClaim = Claim(
    id: "sbc.threshold-intuition", source: "§1", kind: .claim,
    statement:
      "The only way to defect more is to lower one's threshold; that raises |θ₁ − θ₂|, and the opponent then defects more, at a rate of 1/2, which outweighs the gain.",
    class: .empirical, control: Control("the gain lowered to G = 1.5: the opponent's extra defection at rate 1/2 no longer outweighs the gain"))
  static let symmetricClaim = Claim(
    id: "sbc.symmetric-equilibria", source: "§1", kind: .claim,
    statement: "With this diff, all equilibria (among threshold profiles) are symmetric.",
    class: .empirical,
    control: Control("every real threshold allowed (θ < 0 included, each never cooperating like θ = 0): the same check on that class"),
    readings: [coupling.erased])

  var claims: [Claim] { [Self.exampleClaim, Self.equilibriumClaim, Self.intuitionClaim, Self.symmetricClaim] }

  var readings: [Reading] {
    [
      Reading(
        Self.coupling,
        [
          .init(ThresholdGame.Coupling.independent, reason: "\"N ~ U[0, 1] independently for each player\"", source: "§1"),
          .init(
            ThresholdGame.Coupling.common, reason: "a reader who takes the diff's noise as one draw both players see",
            source: "notes §2.3 (the diff is one random variable)"),
        ])
    ]
  }

  var parameters: [Parameter] {
    [
      Parameter(Self.gain, "G of Table 1 (the introduction: 3).", domain: .real(0...100), default: 3),
      Parameter(
        Self.noiseFamily, "The noise: uniform on [0, X] (the introduction), or another family at scale X (the claims are about the uniform case).",
        default: .uniform),
      Parameter(
        Self.noiseWidth, "X: the noise is uniform on [0, X] (the introduction: 1), or the scale of the chosen family.",
        domain: .real(lower: 0, upper: 1e6, lowerIncluded: false, upperIncluded: true), default: 1),
      Parameter(
        Self.coupling, "independent: each player draws its own noise (the introduction); common: one draw for both (a reading).",
        default: .independent),
      Parameter(
        Self.samples, "Monte Carlo plays of the example profile (1/2, 3/4).", domain: .integer(100...1_000_000_000), smoke: 100_000,
        standard: 1_000_000, paper: 10_000_000),
      Parameter(
        Self.mapStep, "Grid step, in units of X, of the map of profiles (θ₁, θ₂) over [−X/2, 3X/2]².",
        domain: .real(lower: 0.001, upper: 0.5, lowerIncluded: true, upperIncluded: true), smoke: 0.25, standard: 0.05, paper: 0.025),
      Parameter(
        Self.deviationGridPoints,
        "Points of the deviation grid per stretch of thresholds where a payoff varies (step X / this; the notes ask for ≤ 5·10⁻⁴ X).",
        domain: .integer(100...100_000), smoke: 500, standard: 4000, paper: 8000),
      Parameter(
        Self.policyClass,
        "nonnegative: thresholds θ ≥ 0 (the diff is never negative, so every θ < 0 never cooperates, like θ = 0); real: every real threshold and −∞.",
        default: .nonnegative),
    ]
  }
}
