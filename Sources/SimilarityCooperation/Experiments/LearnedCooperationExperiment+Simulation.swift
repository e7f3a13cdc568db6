import LabKit

extension HighDimensionalPrisonersDilemma.DiffMeasure: ParameterChoice {}

extension LearnedCooperationExperiment {
  var parameters: [Parameter] {
    [
      Parameter(
        Self.seedCount,
        "Independent seeds per cell (each: its own initialisations, pretraining, ABR runs and evaluation set). Standard scale: 4, the fewest whose Wilson interval can fall wholly on one side of 1/2, so that the ten cells of the readings fit the module's time budget at the paper's network size; paper scale: 16.",
        domain: .integer(1...10_000), smoke: 4, standard: 4, paper: 16),
      Parameter(
        Self.inputDimension, "n: the private input x ~ N(0, Iₙ) (not given in the available text).", domain: .integer(1...1000), smoke: 4,
        standard: 8, paper: 10),
      Parameter(Self.outputDimension, "m: the action space ℝᵐ (not given).", domain: .integer(1...1000), smoke: 2, standard: 4, paper: 10),
      Parameter(Self.targetWidth, "Hidden width of the random tanh maps g and v that define f_C and f_D.", domain: .integer(1...1000), default: 16),
      Parameter(
        Self.hiddenSizes, "Hidden layers of the policy networks (the paper: 100, 50, 50, with biases and Leaky ReLU; a reading).", smoke: .standard,
        standard: .paper, paper: .paper),
      Parameter(
        Self.responseLength, "Best-response length: warm (stepsPerResponse steps) or long (twice as many); a reading.", default: .warm),
      Parameter(Self.leakySlope, "Leaky ReLU slope (PyTorch's default; the text does not give one).", domain: .real(0...1), default: 0.01),
      Parameter(
        Self.gain, "G of Table 1 in the HDPD payoffs (the experiments' G is not in the available text; the introduction's example uses 3).",
        domain: .real(lower: 1, upper: 100, lowerIncluded: false, upperIncluded: true), default: 3),
      Parameter(
        Self.penalty, "β: the price per squared unit of distance between an output and the segment from f_D(x) to f_C(x).", domain: .real(0...1000),
        default: 1),
      Parameter(Self.noiseFamily, "The family of the noise added to the diff for each player.", default: .uniform),
      Parameter(
        Self.noiseScale, "Its scale: U[0, X] with X = 0.1 as in the third-party port the notes describe (§7).",
        domain: .real(lower: 0, upper: 100, lowerIncluded: false, upperIncluded: true), default: 0.1),
      Parameter(
        Self.diffMeasure,
        "What the diff compares on the probes: cooperation (RMS difference of cooperation levels) or output (RMS difference of raw outputs).",
        default: .cooperation),
      Parameter(
        Self.probeDiffMax, "Probe observations are uniform on [0, this] (a reading: see the experiment's readings).",
        domain: .real(lower: 0, upper: 100, lowerIncluded: false, upperIncluded: true), default: 0.2),
      Parameter(
        Self.learningRate, "Adam's learning rate (PyTorch's default).", domain: .real(lower: 0, upper: 1, lowerIncluded: false, upperIncluded: true),
        default: 0.001),
      Parameter(Self.batchSize, "Games per gradient step.", domain: .integer(1...100_000), smoke: 16, standard: 64, paper: 64),
      Parameter(
        Self.probeCount, "Probe situations per diff evaluation during training.", domain: .integer(1...100_000), smoke: 8, standard: 32, paper: 32),
      Parameter(
        Self.pretrainingSteps, "CCDR pretraining steps per network.", domain: .integer(0...10_000_000), smoke: 300, standard: 1000, paper: 4000),
      Parameter(Self.copyWeight, "w: weight of play against a copy in CCDR (1 − w against random networks).", domain: .real(0...1), default: 0.5),
      Parameter(
        Self.randomOpponents, "Random networks CCDR draws its opponents from.", domain: .integer(1...10_000), smoke: 4, standard: 16, paper: 64),
      Parameter(
        Self.rounds,
        "ABR rounds (each trains player 1, then player 2); judged after a third, two thirds and all of them (the training-length trend).",
        domain: .integer(1...10_000),
        smoke: 3, standard: 6, paper: 30),
      Parameter(
        Self.stepsPerResponse, "Adam steps per best response (a fresh optimiser each time).", domain: .integer(1...10_000_000), smoke: 20,
        standard: 150, paper: 150),
      Parameter(
        Self.evaluationInterval, "Evaluate the pair every this many ABR steps (and at the end of every best response).",
        domain: .integer(1...10_000_000),
        smoke: 10, standard: 75, paper: 75),
      Parameter(
        Self.evaluationGames, "Games of the fixed evaluation set (per seed).", domain: .integer(2...1_000_000), smoke: 64, standard: 512, paper: 2048),
      Parameter(Self.evaluationProbes, "Probes of the fixed evaluation set.", domain: .integer(2...1_000_000), smoke: 32, standard: 256, paper: 1024),
      Parameter(
        Self.copyRuns, "Also run ABR from a pretrained network and its exact copy (evidence only; off at standard scale for time).", domain: .boolean,
        smoke: true, standard: false, paper: true),
    ]
  }

  /// The environment and settings the parameters describe (the environment drawn from `random`).
  static func configuration(_ p: Parameters, random: Random) throws -> (HighDimensionalPrisonersDilemma, LearningSettings) {
    let noise = try NoiseDistribution.named(p[noiseFamily], scale: p[noiseScale])
    let env = try HighDimensionalPrisonersDilemma(
      inputDimension: p[inputDimension], outputDimension: p[outputDimension], targetWidth: p[targetWidth],
      gain: p[gain], penalty: p[penalty], noise: noise, diffMeasure: p[diffMeasure], probeDiffMax: p[probeDiffMax], random: random)
    let settings = LearningSettings(
      hiddenSizes: p[hiddenSizes].hiddenSizes, leakySlope: p[leakySlope], learningRate: p[learningRate],
      batchSize: p[batchSize], probeCount: p[probeCount], pretrainingSteps: p[pretrainingSteps],
      copyWeight: p[copyWeight], randomOpponentCount: p[randomOpponents], rounds: p[rounds],
      stepsPerResponse: p[stepsPerResponse] * p[responseLength].multiplier, evaluationInterval: p[evaluationInterval] * p[responseLength].multiplier,
      evaluationGames: p[evaluationGames], evaluationProbes: p[evaluationProbes])
    return (env, settings)
  }

  func simulate(in context: RunContext) throws -> Outcome {
    let (env, settings) = try Self.configuration(context.parameters, random: context.random(stream: "environment"))
    let seeds = context.parameters[Self.seedCount]
    var methods: Set<LearningMethod> = [.pretrained]
    if context.serves(Self.learnedClaim) { methods.insert(.randomInitialisation) }
    // The base cell also runs ABR without the diff gradient: the diff-gradient claim and the learned claim's control use it.
    if context.isBaseCell { methods.insert(.pretrainedWithoutDiffGradient) }
    if context.serves(Self.diffGradientClaim) { methods.insert(.pretrainedWithoutDiffGradient) }
    if context.isBaseCell && context.parameters[Self.copyRuns] { methods.insert(.pretrainedCopy) }
    let chosen = methods
    let results = try context.replicates(seeds, stream: "seeds", label: "\(id): \(seeds) seeds") { seed, random in
      try LearningProcedures.runSeed(seed, environment: env, settings: settings, methods: chosen, random: random)
    }
    return Outcome(seeds: results, settings: settings, gain: env.gain, noise: env.noise, probeDiffMax: env.probeDiffMax)
  }

  /// The class of a run's final state.
  static func outcome(_ metrics: PlayMetrics) -> String {
    if metrics.cooperation.allSatisfy({ $0 < defectionCutoff }) { return "mutual defection" }
    if metrics.cooperation.allSatisfy({ $0 >= cooperationCutoff }) { return "cooperation" }
    return "other"
  }

  /// The rounds after which runs are judged: a third, two thirds and all of the ABR rounds (distinct, at least 1).
  static func checkpoints(_ settings: LearningSettings) -> [Int] {
    let r = settings.rounds
    var list: [Int] = []
    for k in [r / 3, (2 * r) / 3, r] where k >= 1 && !list.contains(k) { list.append(k) }
    return list
  }
}
