import Foundation
import LabKit

/// The paper's experiments, reconstructed (abstract; §1; notes §5): policies are small neural networks
/// playing the High-Dimensional Prisoner's Dilemma (``HighDimensionalPrisonersDilemma``) with private
/// inputs and the diff value; they are trained by alternating best response (ABR) from random
/// initialisation, and by CCDR pretraining ("cooperate against copies, defect against random") followed
/// by ABR with the gradient taken through the diff value, and, for comparison, without it, and from a
/// network and its exact copy. Every seed is reported.
///
/// Judgement standards, fixed before the standard-scale run (the two cut-offs after one pilot seed had
/// shown that a defecting network's mean cooperation level stays near 0.02–0.05, because its outputs scatter
/// around f_D and the level is clipped at 0):
/// - a run ends in **mutual defection** when both players' final cooperation levels are below 0.1, and
///   in **(at least partial) cooperation** when both are at least 0.25;
/// - a "typically"/"ends in" statement holds when the 95% Wilson interval of the fraction of seeds lies
///   above 1/2, fails when it lies below 1/2, and is inconclusive otherwise.
public struct LearnedCooperationExperiment: Experiment {
  public init() {}

  public let id = "sbc.learning"
  public let title = "Learning similarity-based cooperation with neural networks: ABR from random initialisation, CCDR pretraining then ABR"
  public let sections = ["abstract", "§1", "notes §5"]

  public static let learnedClaim = Claim(
    id: "sbc.learned-cooperation", source: "abstract, §1 (experiments as the notes §5.1 describe them)", kind: .claim,
    statement: "Cooperation can be learned with simple ML methods: alternating best response from CCDR-pretrained networks ends in (at least partial) cooperation, while best-response training from random initialisation ends in mutual defection.")
  public static let diffGradientClaim = Claim(
    id: "sbc.diff-gradient", source: "notes §5.1 (the first author on AXRP)", kind: .claim,
    statement: "Without the gradient through the diff value, training ends in defection (\"otherwise one just learns to defect\").")

  public var claims: [Claim] { [Self.learnedClaim, Self.diffGradientClaim] }

  /// A run's final cooperation levels classified by the fixed cut-offs.
  public static let defectionCutoff = 0.1
  public static let cooperationCutoff = 0.25

  public static let architectures = ["8,8", "16,16", "32,32,32", "64,32,32", "100,50,50"]

  public var parameters: [Parameter] {
    [
      Parameter("seeds", "Independent seeds (each: its own initialisations, pretraining, ABR runs and evaluation set).", domain: .integer(1...10_000),
                smoke: .integer(2), standard: .integer(16), paper: .integer(32)),
      Parameter("inputDimension", "n: the private input x ~ N(0, Iₙ) (not given in the available text).", domain: .integer(1...1000),
                smoke: .integer(4), standard: .integer(8), paper: .integer(10)),
      Parameter("outputDimension", "m: the action space ℝᵐ (not given).", domain: .integer(1...1000), smoke: .integer(2), standard: .integer(4), paper: .integer(10)),
      Parameter("targetWidth", "Hidden width of the random tanh maps g and v that define f_C and f_D.", domain: .integer(1...1000), default: .integer(16)),
      Parameter("hiddenSizes", "Hidden layers of the policy networks (the paper: 100, 50, 50, with biases and Leaky ReLU).",
                domain: .choice(Self.architectures), smoke: .choice("8,8"), standard: .choice("32,32,32"), paper: .choice("100,50,50")),
      Parameter("leakySlope", "Leaky ReLU slope (PyTorch's default; the text does not give one).", domain: .real(0...1), default: .real(0.01)),
      Parameter("gain", "G of Table 1 in the HDPD payoffs (the experiments' G is not in the available text; the introduction's example uses 3).",
                domain: .real(lower: 1, upper: 100, lowerIncluded: false, upperIncluded: true), default: .real(3)),
      Parameter("penalty", "β: the price per squared unit of distance between an output and the segment from f_D(x) to f_C(x).", domain: .real(0...1000), default: .real(1)),
      Parameter("noiseFamily", "The family of the noise added to the diff for each player.", domain: .choice(NoiseDistribution.familyNames), default: .choice("uniform")),
      Parameter("noiseScale", "Its scale: U[0, X] with X = 0.1 as in the third-party port the notes describe (§7).",
                domain: .real(lower: 0, upper: 100, lowerIncluded: false, upperIncluded: true), default: .real(0.1)),
      Parameter("diffMeasure", "What the diff compares on the probes: cooperation (RMS difference of cooperation levels) or output (RMS difference of raw outputs).",
                domain: .choice(HighDimensionalPrisonersDilemma.DiffMeasure.allCases.map(\.rawValue)), default: .choice("cooperation")),
      Parameter("probeDiffMax", "Probe observations are uniform on [0, this].", domain: .real(lower: 0, upper: 100, lowerIncluded: false, upperIncluded: true), default: .real(1)),
      Parameter("learningRate", "Adam's learning rate (PyTorch's default).", domain: .real(lower: 0, upper: 1, lowerIncluded: false, upperIncluded: true), default: .real(0.001)),
      Parameter("batchSize", "Games per gradient step.", domain: .integer(1...100_000), smoke: .integer(16), standard: .integer(64), paper: .integer(64)),
      Parameter("probeCount", "Probe situations per diff evaluation during training.", domain: .integer(1...100_000), smoke: .integer(8), standard: .integer(32), paper: .integer(32)),
      Parameter("pretrainingSteps", "CCDR pretraining steps per network.", domain: .integer(0...10_000_000), smoke: .integer(60), standard: .integer(1500), paper: .integer(4000)),
      Parameter("copyWeight", "w: weight of play against a copy in CCDR (1 − w against random networks).", domain: .real(0...1), default: .real(0.5)),
      Parameter("randomOpponents", "Random networks CCDR draws its opponents from.", domain: .integer(1...10_000), smoke: .integer(4), standard: .integer(16), paper: .integer(64)),
      Parameter("rounds", "ABR rounds (each trains player 1, then player 2); enough for the pilot's learning curves to settle.", domain: .integer(1...10_000),
                smoke: .integer(2), standard: .integer(10), paper: .integer(15)),
      Parameter("stepsPerResponse", "Adam steps per best response (a fresh optimiser each time).", domain: .integer(1...10_000_000),
                smoke: .integer(20), standard: .integer(150), paper: .integer(250)),
      Parameter("evaluationInterval", "Evaluate the pair every this many ABR steps (and at the end of every best response).", domain: .integer(1...10_000_000),
                smoke: .integer(10), standard: .integer(75), paper: .integer(125)),
      Parameter("evaluationGames", "Games of the fixed evaluation set (per seed).", domain: .integer(2...1_000_000), smoke: .integer(64), standard: .integer(512), paper: .integer(2048)),
      Parameter("evaluationProbes", "Probes of the fixed evaluation set.", domain: .integer(2...1_000_000), smoke: .integer(32), standard: .integer(256), paper: .integer(1024)),
    ]
  }

  /// The environment and settings the parameters describe (the environment drawn from `random`).
  public static func configuration(_ p: Parameters, random: Random) throws -> (HighDimensionalPrisonersDilemma, LearningSettings) {
    let noise = try NoiseDistribution.named(p.choice("noiseFamily"), scale: p.real("noiseScale"))
    let env = try HighDimensionalPrisonersDilemma(
      inputDimension: p.integer("inputDimension"), outputDimension: p.integer("outputDimension"), targetWidth: p.integer("targetWidth"),
      gain: p.real("gain"), penalty: p.real("penalty"), noise: noise,
      diffMeasure: HighDimensionalPrisonersDilemma.DiffMeasure(rawValue: p.choice("diffMeasure"))!, probeDiffMax: p.real("probeDiffMax"), random: random)
    let settings = LearningSettings(
      hiddenSizes: p.choice("hiddenSizes").split(separator: ",").map { Int($0)! }, leakySlope: p.real("leakySlope"), learningRate: p.real("learningRate"),
      batchSize: p.integer("batchSize"), probeCount: p.integer("probeCount"), pretrainingSteps: p.integer("pretrainingSteps"),
      copyWeight: p.real("copyWeight"), randomOpponentCount: p.integer("randomOpponents"), rounds: p.integer("rounds"),
      stepsPerResponse: p.integer("stepsPerResponse"), evaluationInterval: p.integer("evaluationInterval"),
      evaluationGames: p.integer("evaluationGames"), evaluationProbes: p.integer("evaluationProbes"))
    return (env, settings)
  }

  /// The class of a run's final state.
  public static func outcome(_ metrics: PlayMetrics) -> String {
    if metrics.cooperation.allSatisfy({ $0 < defectionCutoff }) { return "mutual defection" }
    if metrics.cooperation.allSatisfy({ $0 >= cooperationCutoff }) { return "cooperation" }
    return "other"
  }

  /// "holds", "fails" or "undecided" for a majority statement with `successes` of `trials`.
  static func majority(_ successes: Int, _ trials: Int) throws -> (verdict: String, interval: ConfidenceInterval) {
    let interval = try ConfidenceInterval.wilson(successes: successes, trials: trials, level: 0.95)
    return (interval.lower > 0.5 ? "holds" : (interval.upper < 0.5 ? "fails" : "undecided"), interval)
  }

  public func simulate(in context: RunContext) throws -> ExperimentResult {
    let (env, settings) = try Self.configuration(context.parameters, random: context.random(stream: "environment"))
    let seeds = context.parameters.integer("seeds")
    let results = try context.replicates(seeds, stream: "seeds", label: "\(id): \(seeds) seeds") { seed, random in
      try LearningProcedures.runSeed(seed, environment: env, settings: settings, random: random)
    }
    func f(_ x: Double, _ digits: Int = 3) -> String { DecimalFormat.fixed(x, digits: digits) }
    func interval(_ c: ConfidenceInterval) -> String { c.summary(digits: 2) }

    // Per method: classes, intervals, means.
    var summary = Table(id: "sbc.learning.summary", title: "Learning outcomes per method over \(seeds) seeds (final evaluation; 95% Wilson intervals)",
                        columns: ["method", "mutual defection", "cooperation (both ≥ \(Self.cooperationCutoff))", "mean cooperation before ABR",
                                  "mean cooperation after", "mean payoff after", "mean ABR steps until a player < \(Self.cooperationCutoff)"])
    var fractions: [LearningMethod: (defection: (String, ConfidenceInterval), cooperation: (String, ConfidenceInterval))] = [:]
    for (m, method) in LearningMethod.allCases.enumerated() {
      let runs = results.map { $0.runs[m] }
      let defecting = runs.filter { Self.outcome($0.final) == "mutual defection" }.count
      let cooperating = runs.filter { Self.outcome($0.final) == "cooperation" }.count
      let d = try Self.majority(defecting, seeds)
      let c = try Self.majority(cooperating, seeds)
      fractions[method] = (d, c)
      let before = runs.map { ($0.initial.cooperation[0] + $0.initial.cooperation[1]) / 2 }.reduce(0, +) / Double(seeds)
      let after = runs.map { ($0.final.cooperation[0] + $0.final.cooperation[1]) / 2 }.reduce(0, +) / Double(seeds)
      let payoff = runs.map { ($0.final.payoffs[0] + $0.final.payoffs[1]) / 2 }.reduce(0, +) / Double(seeds)
      let drops = runs.compactMap { run in run.curve.first { $0.metrics.lowerCooperation < Self.cooperationCutoff }?.step }
      summary.append([.text(method.rawValue), .text("\(defecting)/\(seeds): \(interval(d.interval))"), .text("\(cooperating)/\(seeds): \(interval(c.interval))"),
                      .real(before, digits: 3), .real(after, digits: 3), .real(payoff, digits: 3),
                      .text(drops.isEmpty ? "never" : "\(f(Double(drops.reduce(0, +)) / Double(drops.count), 0)) (\(drops.count) of \(seeds) seeds)")])
    }

    var seedTable = Table(id: "sbc.learning.seeds", title: "Every seed: cooperation levels (player 1, player 2) before and after ABR, final payoffs and diff",
                          columns: ["seed", "method", "before", "after", "payoffs after", "diff after", "outcome"])
    for result in results {
      for run in result.runs {
        seedTable.append([.integer(result.seed), .text(run.method.shortName),
                          .text("\(f(run.initial.cooperation[0])), \(f(run.initial.cooperation[1]))"),
                          .text("\(f(run.final.cooperation[0])), \(f(run.final.cooperation[1]))"),
                          .text("\(f(run.final.payoffs[0])), \(f(run.final.payoffs[1]))"), .real(run.final.diff, digits: 3), .text(Self.outcome(run.final))])
      }
    }
    var pretrainingTable = Table(id: "sbc.learning.pretraining", title: "After CCDR pretraining: each network's cooperation against a copy of itself and against a random network",
                                 columns: ["seed", "against a copy", "against a random network", "the two pretrained networks together"])
    for result in results {
      let together = result.runs.first { $0.method == .pretrained }!.initial
      pretrainingTable.append([.integer(result.seed), .text(result.pretrainedAgainstCopy.map { f($0) }.joined(separator: ", ")),
                               .text(result.pretrainedAgainstRandom.map { f($0) }.joined(separator: ", ")),
                               .text("\(f(together.cooperation[0])), \(f(together.cooperation[1])) (diff \(f(together.diff)))")])
    }

    // Claims.
    let fromRandom = fractions[.randomInitialisation]!.defection
    let pretrainedCooperation = fractions[.pretrained]!.cooperation
    let withoutGradient = fractions[.pretrainedWithoutDiffGradient]!.defection
    func run(_ result: LearningSeedResult, _ method: LearningMethod) -> LearningRun { result.runs.first { $0.method == method }! }
    let startCooperating = results.filter { Self.outcome(run($0, .pretrained).initial) == "cooperation" }.count
    let copyCooperation = fractions[.pretrainedCopy]!.cooperation
    let learnedVerdict: Verdict
    if fromRandom.0 == "holds" && pretrainedCooperation.0 == "holds" {
      learnedVerdict = .reproduced
    } else if fromRandom.0 == "fails" || pretrainedCooperation.0 == "fails" {
      learnedVerdict = .notReproduced
    } else {
      learnedVerdict = .inconclusive
    }
    let learnedEvidence = Evidence(
      summary: "ABR from random initialisation ends in mutual defection in \(Int((fromRandom.1.estimate * Double(seeds)).rounded())) of \(seeds) seeds (\(fromRandom.1.formatted(digits: 2))): \(fromRandom.0). CCDR pretraining alone yields two independently trained networks that cooperate with each other (both ≥ \(Self.cooperationCutoff)) in \(startCooperating) of \(seeds) seeds, but after ABR with the diff gradient \(Int((pretrainedCooperation.1.estimate * Double(seeds)).rounded())) of \(seeds) seeds are still cooperating (\(pretrainedCooperation.1.formatted(digits: 2))): \(pretrainedCooperation.0). \(["holds": "In this reconstruction the cooperation that pretraining produces survives best-response training.", "fails": "In this reconstruction the cooperation that pretraining produces evaporates during best-response training.", "undecided": "Whether it survives best-response training is not decided by these seeds."][pretrainedCooperation.0]!) Control: ABR between a pretrained network and its exact copy (diff 0 at the start) ends cooperating in \(Int((copyCooperation.1.estimate * Double(seeds)).rounded())) of \(seeds) seeds (\(copyCooperation.1.formatted(digits: 2))).",
      measurements: [.init("random initialisation: mutual defection", lower: fromRandom.1.lower, upper: fromRandom.1.upper),
                     .init("CCDR then ABR: cooperation", lower: pretrainedCooperation.1.lower, upper: pretrainedCooperation.1.upper),
                     .init("pretrained pairs cooperating before ABR", startCooperating),
                     .init("ABR from a copy: cooperation", lower: copyCooperation.1.lower, upper: copyCooperation.1.upper)],
      tolerance: "mutual defection: both final cooperation levels < \(Self.defectionCutoff); cooperation: both ≥ \(Self.cooperationCutoff); a statement about most seeds holds when the 95% Wilson interval lies above 1/2, fails when it lies below",
      sampleSize: seeds)
    let withGradientDefection = fractions[.pretrained]!.defection
    let diffVerdict: Verdict = withoutGradient.0 == "holds" ? .reproduced : (withoutGradient.0 == "fails" ? .notReproduced : .inconclusive)
    let runsWith = results.map { run($0, .pretrained) }
    let runsWithout = results.map { run($0, .pretrainedWithoutDiffGradient) }
    func meanDrop(_ runs: [LearningRun]) -> String {
      let drops = runs.map { run in run.curve.first { $0.metrics.lowerCooperation < Self.cooperationCutoff }?.step ?? settings.abrSteps }
      return f(Double(drops.reduce(0, +)) / Double(drops.count), 0)
    }
    let diffEvidence = Evidence(
      summary: "From the same pretrained pairs, ABR without the gradient through the diff ends in mutual defection in \(Int((withoutGradient.1.estimate * Double(seeds)).rounded())) of \(seeds) seeds (\(withoutGradient.1.formatted(digits: 2))): \(withoutGradient.0). A player first falls below \(Self.cooperationCutoff) after \(meanDrop(runsWithout)) ABR steps on average without the diff gradient and after \(meanDrop(runsWith)) with it (\(settings.abrSteps) if never). With the gradient, \(Int((withGradientDefection.1.estimate * Double(seeds)).rounded())) of \(seeds) runs also end in mutual defection: the gradient delays defection but \(withGradientDefection.0 == "holds" ? "does not prevent it" : "does not always lead to it").",
      measurements: [.init("without diff gradient: mutual defection", lower: withoutGradient.1.lower, upper: withoutGradient.1.upper),
                     .init("with diff gradient: mutual defection", lower: withGradientDefection.1.lower, upper: withGradientDefection.1.upper)],
      tolerance: "mutual defection: both final cooperation levels < \(Self.defectionCutoff); holds when the 95% Wilson interval lies above 1/2",
      sampleSize: seeds)

    return ExperimentResult(
      tables: [summary, pretrainingTable, seedTable],
      figures: [
        Figure(id: "sbc.learning-cooperation", title: "Learning curves: mean cooperation level against ABR steps, per method",
               svg: curveChart(results, value: { ($0.cooperation[0] + $0.cooperation[1]) / 2 }, label: "mean cooperation level (both players)", range: 0...1)),
        Figure(id: "sbc.learning-payoffs", title: "Learning curves: mean payoff against ABR steps, per method",
               svg: curveChart(results, value: { ($0.payoffs[0] + $0.payoffs[1]) / 2 }, label: "mean payoff (both players)", range: nil, gain: env.gain)),
        Figure(id: "sbc.cooperation-curves", title: "Cooperation against the observed diff value, after CCDR pretraining and after ABR",
               svg: cooperationCurveChart(results, noise: env.noise)),
      ],
      claims: [ClaimResult(Self.learnedClaim, learnedVerdict, learnedEvidence), ClaimResult(Self.diffGradientClaim, diffVerdict, diffEvidence)])
  }

  /// Mean over seeds of a metric against ABR steps, one line per method, with a band from the seeds' minimum to maximum.
  func curveChart(_ results: [LearningSeedResult], value: (PlayMetrics) -> Double, label: String, range: ClosedRange<Double>?, gain: Double? = nil) -> String {
    var chart = Chart(title: "Alternating best response: \(label)", x: Axis(label: "ABR steps (both players)"), y: Axis(label: label, range: range),
                      width: 680, height: 440)
    let colours: [Colour] = [.vermillion, .blue, .bluishGreen, .reddishPurple]
    for (m, method) in LearningMethod.allCases.enumerated() {
      let steps = results[0].runs[m].curve.map { Double($0.step) }
      let series = results.map { $0.runs[m].curve.map { value($0.metrics) } }
      let mean = steps.indices.map { k in series.map { $0[k] }.reduce(0, +) / Double(series.count) }
      chart.band(nil, x: steps, lower: steps.indices.map { k in series.map { $0[k] }.min()! }, upper: steps.indices.map { k in series.map { $0[k] }.max()! },
                 colour: colours[m])
      chart.line(method.shortName, x: steps, y: mean, colour: colours[m])
    }
    if let gain {
      chart.referenceLine(y: gain, label: "mutual cooperation (G)")
      chart.referenceLine(y: 1, label: "mutual defection")
    }
    chart.legendPlacement = .outsideRight
    return chart.svg()
  }

  /// Mean cooperation level against the observation y, over seeds and both networks: after CCDR pretraining and after ABR.
  func cooperationCurveChart(_ results: [LearningSeedResult], noise: NoiseDistribution) -> String {
    let ys = LearningProcedures.curveObservations
    var chart = Chart(title: "Cooperation level against the observed diff y (mean over seeds and both networks)",
                      x: Axis(label: "observed diff y = diff + noise"), y: Axis(label: "mean cooperation level", range: 0...1), width: 640, height: 420)
    for (name, curves, colour) in [("after CCDR pretraining", results.flatMap(\.pretrainedCurves), Colour.blue),
                                   ("after CCDR then ABR", results.flatMap(\.trainedCurves), Colour.vermillion)] {
      let mean = ys.indices.map { k in curves.map { $0[k] }.reduce(0, +) / Double(curves.count) }
      chart.band(nil, x: ys, lower: ys.indices.map { k in curves.map { $0[k] }.min()! }, upper: ys.indices.map { k in curves.map { $0[k] }.max()! }, colour: colour)
      chart.line(name, x: ys, y: mean, colour: colour)
    }
    if noise.support.upperBound.isFinite { chart.referenceLine(x: noise.support.upperBound, label: "noise range ends") }
    chart.legendPlacement = .topRight
    return chart.svg()
  }
}
