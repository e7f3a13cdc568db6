import Foundation
import GameTheory
import LabKit

/// How the noise in the diff shapes the equilibria of threshold policies (notes §3.2–§3.3, statements of
/// the first author on the AXRP podcast): with uniform noise on [0, X], full cooperation is an equilibrium
/// for every X exactly when G ≥ 2; with mean-zero noise at the critical payoffs (G = 2 here, the
/// boundary of the uniform case), equilibrium policies defect at least half the time however small the
/// noise. Maps the most cooperative symmetric equilibrium against G and the noise scale.
public struct NoiseExperiment: Experiment {
  public init() {}

  public let id = "sbc.noise"
  public let title = "Uniform versus mean-zero noise: which threshold profiles are equilibria, against G and the noise scale"
  public let sections = ["notes §3.2", "notes §3.3 (\"Proposition 2\")"]

  public static let scaleClaim = Claim(
    id: "sbc.noise-scale", source: "notes §3.2 (the first author on AXRP)", kind: .claim,
    statement: "With uniform noise on [0, X], full cooperation (θ₁ = θ₂ = X) is an equilibrium for every X exactly when G ≥ 2.")
  public static let meanZeroClaim = Claim(
    id: "sbc.mean-zero-noise", source: "notes §3.3 (the first author on AXRP: \"Proposition 2\")", kind: .proposition,
    statement: "With mean-zero (Gaussian) noise at the critical prisoner's-dilemma payoffs, equilibrium threshold policies defect at least half the time, however small the noise.")

  public var claims: [Claim] { [Self.scaleClaim, Self.meanZeroClaim] }

  /// The gains and uniform widths of the full-cooperation check.
  public static let checkedGains: [Double] = [1.5, 1.9, 1.99, 2, 2.01, 2.5, 3, 5]
  public static let checkedWidths: [Double] = [0.001, 0.1, 1, 10, 100_000]
  /// The Gaussian standard deviations of the mean-zero check.
  public static let checkedDeviations: [Double] = [0.001, 0.01, 0.1, 1, 10]
  /// Noise families compared at the critical gain, each at scale 1.
  public static let comparedFamilies = ["gaussian", "laplace", "logistic", "cauchy", "centred-exponential", "reflected-exponential", "uniform"]

  public var parameters: [Parameter] {
    [
      Parameter("criticalGain", "G at which the mean-zero statement is checked: 2, where uniform noise stops supporting full cooperation (the text does not give Proposition 2's payoffs).",
                domain: .real(lower: 1, upper: 100, lowerIncluded: false, upperIncluded: true), default: .real(2)),
      Parameter("deviationGridPoints", "Points of the deviation grid per stretch of thresholds where a payoff varies.",
                domain: .integer(100...100_000), smoke: .integer(400), standard: .integer(4000), paper: .integer(8000)),
      Parameter("scanStep", "Step, in units of the noise scale, of the scan for symmetric equilibria (then refined by 30 bisections).",
                domain: .real(lower: 0.001, upper: 1, lowerIncluded: true, upperIncluded: true), smoke: .real(0.25), standard: .real(0.05), paper: .real(0.02)),
      Parameter("gainStep", "Step of G in the map of the most cooperative equilibrium against G (from 1.5 to 6).",
                domain: .real(lower: 0.01, upper: 1, lowerIncluded: true, upperIncluded: true), smoke: .real(0.5), standard: .real(0.1), paper: .real(0.05)),
      Parameter("profileStep", "Step, in units of σ, of the grid of (possibly asymmetric) profiles over [−2σ, 2σ]² checked with Gaussian noise at the critical gain.",
                domain: .real(lower: 0.01, upper: 1, lowerIncluded: true, upperIncluded: true), smoke: .real(0.5), standard: .real(0.25), paper: .real(0.1)),
    ]
  }

  public func simulate(in context: RunContext) throws -> ExperimentResult {
    let p = context.parameters
    let points = p.integer("deviationGridPoints")
    let critical = p.real("criticalGain")
    let scanStep = p.real("scanStep")
    func f(_ x: Double, _ digits: Int = 4) -> String { DecimalFormat.compact(x, significant: digits) }

    // 1. Uniform noise: is (X, X) an equilibrium, and the best deviation when it is not.
    struct FullCooperation: Sendable { let gain: Double; let width: Double; let equilibrium: Bool; let gain1: Double; let deviation: Double }
    let cases = Self.checkedGains.flatMap { g in Self.checkedWidths.map { (g, $0) } }
    let full = try context.map(cases, stream: "uniform", label: "\(id): uniform noise") { _, item, _ -> FullCooperation in
      let game = try ThresholdGame.prisonersDilemma(gain: item.0, noise: .uniform(width: item.1), gridPoints: points)
      let gains = game.deviationGains(item.1, item.1)
      let worst = gains[0].gain >= gains[1].gain ? gains[0] : gains[1]
      return FullCooperation(gain: item.0, width: item.1, equilibrium: gains.allSatisfy { $0.gain <= 1e-9 }, gain1: worst.gain, deviation: worst.deviation)
    }
    var uniformTable = Table(id: "sbc.noise.uniform", title: "Uniform noise on [0, X]: is full cooperation (X, X) an equilibrium?",
                             columns: ["G", "equilibrium at X = " + Self.checkedWidths.map { f($0) }.joined(separator: ", "),
                                       "largest deviation gain", "1 − G/2 (notes)", "best deviation / X"])
    var scaleHolds = true
    var largestGainError = 0.0
    for g in Self.checkedGains {
      let rows = full.filter { $0.gain == g }
      let verdicts = rows.map { $0.equilibrium ? "yes" : "no" }.joined(separator: ", ")
      scaleHolds = scaleHolds && rows.allSatisfy { $0.equilibrium == (g >= 2) }
      if g < 2 {
        for r in rows {
          largestGainError = max(largestGainError, abs(r.gain1 - (1 - g / 2)), abs(r.deviation / r.width - 0.5))
        }
      }
      let gains = rows.map(\.gain1)
      uniformTable.append([.real(g, digits: 2), .text(verdicts), .text("\(f(gains.min()!, 6)) … \(f(gains.max()!, 6))"),
                           .text(g < 2 ? f(1 - g / 2, 6) : "–"), .text(g < 2 ? rows.map { f($0.deviation / $0.width, 6) }.joined(separator: ", ") : "–")])
    }
    scaleHolds = scaleHolds && largestGainError <= 1e-9
    let scaleEvidence = Evidence(
      summary: "Over G ∈ {\(Self.checkedGains.map { f($0) }.joined(separator: ", "))} and X ∈ {\(Self.checkedWidths.map { f($0) }.joined(separator: ", "))}, (X, X) is an equilibrium exactly when G ≥ 2: \(full.allSatisfy { $0.equilibrium == ($0.gain >= 2) } ? "yes" : "no"). For G < 2 the best deviation is to X/2 and gains 1 − G/2 for every X (largest discrepancy \(f(largestGainError, 3))).",
      measurements: [.init("cases", cases.count), .init("matches G ≥ 2", full.filter { $0.equilibrium == ($0.gain >= 2) }.count),
                     .init("largest discrepancy from the notes' best deviation", largestGainError)],
      tolerance: "an equilibrium when no threshold deviation gains more than 1e-9; the best deviation's gain and place within 1e-9 of 1 − G/2 and X/2",
      sampleSize: cases.count)

    // 2. Mean-zero noise at the critical gain.
    @Sendable func scanGrid(_ noise: NoiseDistribution) -> [Double] {
      var (low, high) = (-4.0, 6.0)
      if case .uniform = noise.family { (low, high) = (-1.0, 1.0) }  // around the median X/2: [−X/2, 3X/2]
      let count = Int(((high - low) / scanStep).rounded())
      return (0...count).map { noise.median + (low + Double($0) * scanStep) * noise.scale }
    }
    // Numerically only ε-equilibria can be recognised (no deviation gains more than ε). At G = 2 with
    // Gaussian noise a threshold θ > 0 gains about 0.06 (θ/σ)³ by its best deviation, so the largest
    // ε-equilibrium sits near (ε / 0.06)^(1/3) σ: the check is that it shrinks towards 0 as ε does.
    let tolerances = [1e-6, 1e-9, 1e-12]
    struct Frontier: Sendable {
      let label: String; let noise: String; let thetas: [Double?]; let cooperation: [Double]; let scale: Double; let mode: Double; let mean: Double?
    }
    let gaussianCases = Self.checkedDeviations.map { ("gaussian", $0) } + Self.comparedFamilies.filter { $0 != "gaussian" }.map { ($0, 1.0) }
    let frontiers = try context.map(gaussianCases, stream: "mean-zero", label: "\(id): mean-zero noise") { _, item, _ -> Frontier in
      let noise = try NoiseDistribution.named(item.0, scale: item.1)
      let game = try ThresholdGame.prisonersDilemma(gain: critical, noise: noise, gridPoints: points)
      let best = game.symmetricEquilibriumFrontier(grid: scanGrid(noise), tolerances: tolerances)
      return Frontier(label: item.0, noise: noise.description, thetas: best.map { $0?.theta }, cooperation: best.map { $0?.cooperation ?? 0 },
                      scale: noise.scale, mode: noise.mode, mean: noise.mean)
    }
    var meanZeroTable = Table(id: "sbc.noise.mean-zero", title: "The most cooperative symmetric ε-equilibrium at G = \(f(critical)), by noise",
                              columns: ["noise", "mean", "mode", "largest θ / scale at ε = 1e-6, 1e-9, 1e-12", "P(cooperate) at ε = 1e-6, 1e-9, 1e-12"])
    for r in frontiers {
      meanZeroTable.append([.text(r.noise), .text(r.mean.map { f($0) } ?? "none"), .text(f(r.mode)),
                            .text(r.thetas.map { $0.map { f($0 / r.scale, 4) } ?? "none" }.joined(separator: ", ")),
                            .text(r.cooperation.map { DecimalFormat.fixed($0, digits: 6) }.joined(separator: ", "))])
    }
    let gaussian = Array(frontiers.prefix(Self.checkedDeviations.count))
    let excess = gaussian.map { $0.cooperation.map { $0 - 0.5 } }
    let shrinking = excess.allSatisfy { e in e[1] <= e[0] / 5 && e[2] <= e[1] / 5 && e[2] < 1e-3 }
    let exponents = gaussian.compactMap { r -> Double? in
      guard let a = r.thetas[0], let b = r.thetas[2], a > 0, b > 0 else { return nil }
      return log10(a / b) / 6
    }
    let zeroIsEquilibrium = try Self.checkedDeviations.allSatisfy { sigma in
      try ThresholdGame.prisonersDilemma(gain: critical, noise: .gaussian(standardDeviation: sigma), gridPoints: points).isEquilibrium(0, 0, tolerance: 1e-12)
    }
    // Every profile of a grid, asymmetric ones included (σ = 1; the other σ are the same up to scale).
    let step = p.real("profileStep")
    let count = Int((4 / step).rounded())
    let grid = (0...count).map { -2 + Double($0) * step }
    let gaussianGame = try ThresholdGame.prisonersDilemma(gain: critical, noise: .gaussian(standardDeviation: 1), gridPoints: points)
    let profileRows = try context.map(grid, stream: "profiles", label: "\(id): Gaussian profiles") { _, theta1, _ in
      grid.map { theta2 -> (Double, Double, Bool) in (theta1, theta2, gaussianGame.isEquilibrium(theta1, theta2, tolerance: 1e-12)) }
    }
    let profileEquilibria = profileRows.flatMap { $0 }.filter(\.2)
    let mostCooperativeProfile = profileEquilibria.map { max(gaussianGame.cooperationProbabilities($0.0, $0.1).0, gaussianGame.cooperationProbabilities($0.0, $0.1).1) }.max() ?? 0
    let asymmetricProfiles = profileEquilibria.filter { $0.0 != $0.1 }.count
    let others = frontiers.dropFirst(Self.checkedDeviations.count)
    let symmetricFamilies = others.filter { ["laplace", "logistic", "cauchy"].contains($0.label) }
    let skewed = others.filter { $0.label.hasSuffix("exponential") }
    let meanZeroHolds = shrinking && zeroIsEquilibrium && mostCooperativeProfile <= 0.5 + 1e-3
    let meanZeroEvidence = Evidence(
      summary: "Gaussian noise at G = \(f(critical)), σ = \(Self.checkedDeviations.map { f($0) }.joined(separator: ", ")): (0, 0), which cooperates exactly half the time, is an equilibrium at every σ (no deviation gains more than 1e-12): \(zeroIsEquilibrium ? "yes" : "no"). Above θ = 0 only ε-equilibria remain, and they vanish with ε: the largest has θ / σ = \(gaussian[0].thetas.map { $0.map { f($0 / gaussian[0].scale, 3) } ?? "none" }.joined(separator: ", ")) at ε = 1e-6, 1e-9, 1e-12 (the same at every σ; θ ∝ ε^\(f(exponents.reduce(0, +) / Double(max(exponents.count, 1)), 3)), as the deviation gain of about 0.06 (θ/σ)³ predicts), cooperating with probability 1/2 + \(excess.map { DecimalFormat.compact($0[2], significant: 3) }.max() ?? "–") at most at ε = 1e-12. Over \(grid.count * grid.count) profiles in [−2σ, 2σ]², \(profileEquilibria.count) equilibria (ε = 1e-12), \(asymmetricProfiles) asymmetric, none cooperating more than \(f(mostCooperativeProfile, 8)). Other symmetric noise (Laplace, logistic, Cauchy) gives at most \(f(symmetricFamilies.map { $0.cooperation[2] }.max() ?? .nan, 6)). The bound needs more than a zero mean: mean-zero but skewed noise gives \(skewed.map { "\($0.noise): \(f($0.cooperation[2], 6))" }.joined(separator: "; ")) (the equilibria are the thresholds at or below the mode of the noise).",
      measurements: [.init("(0, 0) an equilibrium at every σ", zeroIsEquilibrium),
                     .init("largest Gaussian ε-equilibrium cooperation at ε = 1e-6, 1e-9, 1e-12", .array((0..<3).map { k in .number(gaussian.map { $0.cooperation[k] }.max() ?? .nan) })),
                     .init("asymmetric equilibria on the profile grid", asymmetricProfiles), .init("largest cooperation on the profile grid", mostCooperativeProfile),
                     .init("skewed mean-zero noise", .array(skewed.map { .array([.string($0.noise), .number($0.cooperation[2])]) }))],
      tolerance: "(0, 0) an equilibrium to 1e-12; at every σ the excess cooperation of the largest ε-equilibrium over 1/2 shrinks by a factor of at least 5 for each 1000-fold decrease of ε (1e-6, 1e-9, 1e-12; a positive exact equilibrium threshold would make it level off) and is below 1e-3 at 1e-12; no ε-equilibrium (1e-12) of the profile grid cooperates more than 1/2 + 1e-3",
      sampleSize: gaussianCases.count + grid.count * grid.count)

    // 3. The maps: the most cooperative symmetric equilibrium against G and the noise scale, and against G for Gaussian noise.
    let mapGains: [Double] = [1.5, 1.75, 2, 2.25, 2.5, 3, 3.5, 4, 5, 6]
    let mapNoises = [("uniform", 0.01), ("uniform", 1.0), ("uniform", 100.0), ("gaussian", 0.01), ("gaussian", 1.0), ("gaussian", 100.0)]
    let mapCells = mapNoises.flatMap { noise in mapGains.map { (noise.0, noise.1, $0) } }
    let mapValues = try context.map(mapCells, stream: "region", label: "\(id): equilibrium region") { _, cell, _ -> Double in
      let noise = try NoiseDistribution.named(cell.0, scale: cell.1)
      let game = try ThresholdGame.prisonersDilemma(gain: cell.2, noise: noise, gridPoints: max(100, points / 4))
      return game.mostCooperativeSymmetricEquilibrium(grid: scanGrid(noise), refinementSteps: 20, tolerance: 1e-12)?.cooperation ?? 0
    }
    var heatmap = Heatmap(
      title: "Most cooperative symmetric threshold equilibrium (ε = 1e-12): probability of cooperating",
      rows: mapNoises.map { "\($0.0 == "uniform" ? "U[0, X]" : "N(0, σ²)"), \($0.0 == "uniform" ? "X" : "σ") = \(f($0.1))" },
      columns: mapGains.map { "G = \(f($0))" },
      values: mapNoises.indices.map { r in Array(mapValues[(r * mapGains.count)..<((r + 1) * mapGains.count)]) },
      xLabel: "G (Table 1)", yLabel: "noise", cellLabelDigits: 2, width: 700, height: 380)
    heatmap.valueRange = 0...1
    heatmap.colourBarLabel = "P(cooperate)"

    let sweepStep = p.real("gainStep")
    let sweep = (0...Int((4.5 / sweepStep).rounded())).map { 1.5 + Double($0) * sweepStep }
    let sweepValues = try context.map(sweep, stream: "sweep", label: "\(id): G sweep") { _, g, _ -> (Double, Double, Double) in
      let gaussianNoise = try NoiseDistribution.gaussian(standardDeviation: 1)
      let gaussianGame = try ThresholdGame.prisonersDilemma(gain: g, noise: gaussianNoise, gridPoints: max(100, points / 4))
      let uniformNoise = try NoiseDistribution.uniform(width: 1)
      let uniformGame = try ThresholdGame.prisonersDilemma(gain: g, noise: uniformNoise, gridPoints: max(100, points / 4))
      let gaussianBest = gaussianGame.mostCooperativeSymmetricEquilibrium(grid: scanGrid(gaussianNoise), refinementSteps: 20, tolerance: 1e-12)
      let uniformBest = uniformGame.mostCooperativeSymmetricEquilibrium(grid: scanGrid(uniformNoise), refinementSteps: 20, tolerance: 1e-12)
      return (gaussianBest?.cooperation ?? 0, gaussianBest?.theta ?? .nan, uniformBest?.cooperation ?? 0)
    }
    var sweepTable = Table(id: "sbc.noise.gain-sweep", title: "The most cooperative symmetric equilibrium (ε = 1e-12) against G (N(0, 1) and U[0, 1] noise)",
                           columns: ["G", "Gaussian: largest θ / σ", "Gaussian: P(cooperate)", "uniform: P(cooperate)"])
    for (g, v) in zip(sweep, sweepValues) where (g * 100).rounded().truncatingRemainder(dividingBy: 50) == 0 {
      sweepTable.append([.real(g, digits: 2), .text(v.1.isNaN ? "none" : DecimalFormat.fixed(v.1, digits: 4)), .real(v.0, digits: 4), .real(v.2, digits: 4)])
    }
    var chart = Chart(title: "Most cooperative symmetric threshold equilibrium against G",
                      x: Axis(label: "G (Table 1)"), y: Axis(label: "P(cooperate) in the equilibrium", range: 0...1.05), width: 620, height: 420)
    // Both curves jump at G = 2: the lines break there (a NaN point) instead of joining the two sides.
    func broken(_ values: [Double]) -> [(x: Double, y: Double)] {
      var points: [(x: Double, y: Double)] = []
      for (g, v) in zip(sweep, values) {
        if g >= 2, let last = points.last, last.x < 2 { points.append((x: 2, y: .nan)) }
        points.append((x: g, y: v))
      }
      return points
    }
    chart.line("Gaussian noise (any σ)", broken(sweepValues.map(\.0)), colour: .blue)
    chart.scatter(nil, zip(sweep, sweepValues).filter { $0.0 == 2 }.map { (x: $0.0, y: $0.1.0) }, colour: .blue)
    chart.line("uniform noise on [0, X] (any X)", broken(sweepValues.map(\.2)), dashed: true, colour: .vermillion)
    chart.scatter(nil, zip(sweep, sweepValues).filter { $0.0 == 2 }.map { (x: $0.0, y: $0.1.2) }, colour: .vermillion)
    chart.referenceLine(y: 0.5, label: "1/2")
    chart.referenceLine(x: 2, label: "G = 2")
    chart.legendPlacement = .bottomRight

    return ExperimentResult(
      tables: [uniformTable, meanZeroTable, sweepTable],
      figures: [
        Figure(id: "sbc.equilibrium-region", title: "The most cooperative symmetric threshold equilibrium against G and the noise scale", svg: heatmap.svg()),
        Figure(id: "sbc.mean-zero-noise", title: "The most cooperative symmetric threshold equilibrium against G, Gaussian and uniform noise", svg: chart.svg()),
      ],
      claims: [ClaimResult(Self.scaleClaim, .checking(scaleHolds), scaleEvidence), ClaimResult(Self.meanZeroClaim, .checking(meanZeroHolds), meanZeroEvidence)])
  }
}
