import LabKit

/// The settings of the learning experiment that the available text does not fix (every one is a
/// parameter of ``LearnedCooperationExperiment``).
struct LearningSettings: Sendable {
  /// The policies' hidden layer sizes (the paper: 100, 50, 50).
  var hiddenSizes: [Int]
  var leakySlope: Double
  /// Adam's learning rate.
  var learningRate: Double
  /// Games per gradient step.
  var batchSize: Int
  /// Probe situations per diff evaluation in training.
  var probeCount: Int
  /// CCDR pretraining steps per network.
  var pretrainingSteps: Int
  /// w: the weight of play against a copy in CCDR (1 − w on play against random networks).
  var copyWeight: Double
  /// The number of random networks CCDR draws its opponents from.
  var randomOpponentCount: Int
  /// Alternating best response: rounds (each trains player 1, then player 2) and steps per best response.
  var rounds: Int
  var stepsPerResponse: Int
  /// Evaluate every this many steps of alternating best response.
  var evaluationInterval: Int
  /// Games and probes of the fixed evaluation set.
  var evaluationGames: Int
  var evaluationProbes: Int

  init(
    hiddenSizes: [Int], leakySlope: Double = 0.01, learningRate: Double, batchSize: Int, probeCount: Int, pretrainingSteps: Int,
    copyWeight: Double, randomOpponentCount: Int, rounds: Int, stepsPerResponse: Int, evaluationInterval: Int,
    evaluationGames: Int, evaluationProbes: Int
  ) {
    self.hiddenSizes = hiddenSizes
    self.leakySlope = leakySlope
    self.learningRate = learningRate
    self.batchSize = batchSize
    self.probeCount = probeCount
    self.pretrainingSteps = pretrainingSteps
    self.copyWeight = copyWeight
    self.randomOpponentCount = randomOpponentCount
    self.rounds = rounds
    self.stepsPerResponse = stepsPerResponse
    self.evaluationInterval = evaluationInterval
    self.evaluationGames = evaluationGames
    self.evaluationProbes = evaluationProbes
  }

  /// The number of ABR steps of one run (both players).
  var abrSteps: Int { 2 * rounds * stepsPerResponse }
}

/// How a pair of policies plays on a fixed evaluation set.
struct PlayMetrics: Sendable, Equatable {
  /// The diff value between the two policies (on the evaluation probes).
  let diff: Double
  /// Each player's mean cooperation level c̄ (its probability of cooperating).
  let cooperation: [Double]
  /// Each player's mean payoff uᵢ = G·c̄₋ᵢ + 1 − c̄ᵢ − β·dᵢ².
  let payoffs: [Double]
  /// Each player's mean squared distance from the action segment.
  let offSegment: [Double]

  /// The smaller of the two cooperation levels.
  var lowerCooperation: Double { min(cooperation[0], cooperation[1]) }
}

/// One point of a learning curve.
struct LearningCheckpoint: Sendable, Equatable {
  /// Steps of alternating best response so far (both players together).
  let step: Int
  let metrics: PlayMetrics
}

/// The training methods the experiment compares (the notes §5.1: ABR from random initialisation;
/// CCDR pretraining followed by ABR, with the gradient through the diff; for `sbc.diff-gradient`, the
/// same without that gradient; and, as a control, ABR between a pretrained network and an exact copy of
/// it, which starts at diff 0, as in the first author's remark that pretrained networks "also unlearn to
/// cooperate a bit" against a literal copy).
enum LearningMethod: String, Sendable, CaseIterable {
  case randomInitialisation = "ABR from random initialisation"
  case pretrained = "CCDR pretraining, then ABR"
  case pretrainedWithoutDiffGradient = "CCDR pretraining, then ABR without the diff gradient"
  case pretrainedCopy = "CCDR pretraining, then ABR between a network and its copy"

  /// A short label for figures.
  var shortName: String {
    switch self {
    case .randomInitialisation: return "ABR from random init."
    case .pretrained: return "CCDR + ABR"
    case .pretrainedWithoutDiffGradient: return "CCDR + ABR, no diff gradient"
    case .pretrainedCopy: return "CCDR + ABR from a copy"
    }
  }
}

/// The outcome of one method on one seed.
struct LearningRun: Sendable, Equatable {
  let method: LearningMethod
  /// Evaluations from step 0 (before ABR) to the end.
  let curve: [LearningCheckpoint]
  var initial: PlayMetrics { curve[0].metrics }
  var final: PlayMetrics { curve[curve.count - 1].metrics }
  /// The metrics at the end of ABR round `round` (both players trained `round` times; round 0 is the start).
  func metrics(afterRound round: Int, stepsPerResponse: Int) -> PlayMetrics? {
    curve.first { $0.step == 2 * round * stepsPerResponse }?.metrics
  }
}

/// What one seed of the learning experiment produced.
struct LearningSeedResult: Sendable, Equatable {
  let seed: Int
  /// The runs of the methods simulated, in ``LearningMethod`` order.
  let runs: [LearningRun]
  /// The run of `method`, if it was simulated.
  func run(_ method: LearningMethod) -> LearningRun? { runs.first { $0.method == method } }
  /// Mean cooperation level against the observation y, on the evaluation situations, of each CCDR-pretrained
  /// network (at ``LearningProcedures/curveObservations``), and after ABR with the diff gradient.
  let pretrainedCurves: [[Double]]
  let trainedCurves: [[Double]]
  /// After pretraining: each network's mean cooperation against a copy of itself, and against a random network.
  let pretrainedAgainstCopy: [Double]
  let pretrainedAgainstRandom: [Double]
}

/// Alternating best response (the paper's Algorithm 1, as the notes describe it) and CCDR pretraining.
enum LearningProcedures {
  /// The observations y at which cooperation curves are reported: 0, 0.05, …, 1.2.
  static let curveObservations = (0...24).map { Double($0) * 0.05 }

  /// A fixed evaluation set: probes and games.
  struct EvaluationSet: Sendable {
    let probes: HighDimensionalPrisonersDilemma.Probes
    let first: HighDimensionalPrisonersDilemma.Situations
    let firstNoise: [Double]
    let second: HighDimensionalPrisonersDilemma.Situations
    let secondNoise: [Double]

    init(environment: HighDimensionalPrisonersDilemma, games: Int, probes: Int, random: Random) {
      self.probes = environment.sampleProbes(probes, random: random)
      first = environment.sampleSituations(games, random: random)
      second = environment.sampleSituations(games, random: random)
      firstNoise = (0..<games).map { _ in environment.noise.sample(random) }
      secondNoise = (0..<games).map { _ in environment.noise.sample(random) }
    }
  }

  /// How the two policies play on the evaluation set.
  static func evaluate(
    _ first: DenseNetwork, _ second: DenseNetwork, environment env: HighDimensionalPrisonersDilemma,
    on set: EvaluationSet
  ) -> PlayMetrics {
    let d = env.diffValue(first, second, probes: set.probes)
    let g = set.first.count
    let o1 = first.forward(env.policyInputs(set.first, observations: set.firstNoise.map { d + $0 }), rows: g).output
    let o2 = second.forward(env.policyInputs(set.second, observations: set.secondNoise.map { d + $0 }), rows: g).output
    let r1 = env.readout(o1, set.first)
    let r2 = env.readout(o2, set.second)
    func mean(_ values: [Double]) -> Double { (try? Statistics.mean(values)) ?? .nan }
    let c1 = mean(r1.level), c2 = mean(r2.level)
    let d1 = mean(r1.offSegment), d2 = mean(r2.offSegment)
    return PlayMetrics(
      diff: d, cooperation: [c1, c2],
      payoffs: [env.gain * c2 + 1 - c1 - env.penalty * d1, env.gain * c1 + 1 - c2 - env.penalty * d2],
      offSegment: [d1, d2])
  }

  /// The mean cooperation level of `network` at each observation of ``curveObservations``.
  static func cooperationCurve(
    _ network: DenseNetwork, environment env: HighDimensionalPrisonersDilemma,
    on situations: HighDimensionalPrisonersDilemma.Situations
  ) -> [Double] {
    curveObservations.map { y in
      let outputs = network.forward(
        env.policyInputs(situations, observations: [Double](repeating: y, count: situations.count)),
        rows: situations.count
      ).output
      return (try? Statistics.mean(env.readout(outputs, situations).level)) ?? .nan
    }
  }

  /// A fresh network of the experiment's architecture.
  static func network(_ env: HighDimensionalPrisonersDilemma, _ settings: LearningSettings, random: Random) throws -> DenseNetwork {
    try DenseNetwork(
      layerSizes: [env.policyInputSize] + settings.hiddenSizes + [env.outputDimension],
      leakySlope: settings.leakySlope, random: random)
  }

  /// Alternating best response: for each round, train player 1 against the frozen player 2 for
  /// `stepsPerResponse` Adam steps (a fresh optimiser per best response), then player 2 against player 1.
  /// Returns the trained pair and the learning curve (evaluated every `evaluationInterval` steps and at
  /// the end of every best response).
  static func alternatingBestResponse(
    _ first: DenseNetwork, _ second: DenseNetwork, environment env: HighDimensionalPrisonersDilemma,
    settings: LearningSettings, throughDiff: Bool, evaluation: EvaluationSet, random: Random
  )
    -> (first: DenseNetwork, second: DenseNetwork, curve: [LearningCheckpoint])
  {
    var players = [first, second]
    var curve = [LearningCheckpoint(step: 0, metrics: evaluate(players[0], players[1], environment: env, on: evaluation))]
    var step = 0
    for _ in 0..<settings.rounds {
      for trainee in [0, 1] {
        var optimiser = Adam(parameterCount: players[trainee].parameterCount, learningRate: settings.learningRate)
        for s in 0..<settings.stepsPerResponse {
          let batch = env.sampleBestResponseBatch(games: settings.batchSize, probes: settings.probeCount, random: random)
          let result = env.bestResponseObjective(trainee: players[trainee], opponent: players[1 - trainee], batch: batch, throughDiff: throughDiff)
          optimiser.ascend(&players[trainee].parameters, gradient: result.gradient)
          step += 1
          if (s + 1) % settings.evaluationInterval == 0 || s + 1 == settings.stepsPerResponse {
            curve.append(LearningCheckpoint(step: step, metrics: evaluate(players[0], players[1], environment: env, on: evaluation)))
          }
        }
      }
    }
    return (players[0], players[1], curve)
  }

  /// CCDR pretraining of one network for `pretrainingSteps` Adam steps, each against a random network
  /// drawn from `randomOpponents`.
  static func pretrain(
    _ network: DenseNetwork, environment env: HighDimensionalPrisonersDilemma, settings: LearningSettings,
    randomOpponents: [DenseNetwork], random: Random
  ) -> DenseNetwork {
    var trained = network
    var optimiser = Adam(parameterCount: trained.parameterCount, learningRate: settings.learningRate)
    for _ in 0..<settings.pretrainingSteps {
      let batch = env.samplePretrainingBatch(games: settings.batchSize, probes: settings.probeCount, random: random)
      let opponent = randomOpponents[random.index(below: randomOpponents.count)]
      let result = env.pretrainingObjective(network: trained, randomOpponent: opponent, batch: batch, copyWeight: settings.copyWeight)
      optimiser.ascend(&trained.parameters, gradient: result.gradient)
    }
    return trained
  }

  /// One seed: the methods in `methods` (ABR from the pretrained pair with the diff gradient always runs,
  /// for the cooperation curves). Draw order from `random`: the evaluation set; the two networks of ABR
  /// from random initialisation and its run; the random opponents; the two networks to pretrain and their
  /// pretraining; then ABR with the diff gradient, without it, and from the first pretrained network and
  /// its copy, each with its own generator split off `random` so that skipping a method changes no other.
  static func runSeed(
    _ seed: Int, environment env: HighDimensionalPrisonersDilemma, settings: LearningSettings,
    methods: Set<LearningMethod> = Set(LearningMethod.allCases), random: Random
  ) throws -> LearningSeedResult {
    let evaluation = EvaluationSet(environment: env, games: settings.evaluationGames, probes: settings.evaluationProbes, random: random)
    let streams = (0..<4).map { _ in Random(seed: UInt32(truncatingIfNeeded: random.next())) }
    var runs: [LearningRun] = []
    // 1. ABR from random initialisation (with the diff gradient).
    let fresh = (try network(env, settings, random: random), try network(env, settings, random: random))
    if methods.contains(.randomInitialisation) {
      let fromRandom = alternatingBestResponse(
        fresh.0, fresh.1, environment: env, settings: settings, throughDiff: true, evaluation: evaluation, random: streams[0])
      runs.append(LearningRun(method: .randomInitialisation, curve: fromRandom.curve))
    }
    // 2. CCDR pretraining of two networks, independently.
    let opponents = try (0..<settings.randomOpponentCount).map { _ in try network(env, settings, random: random) }
    let pretrained = try (0..<2).map { _ in
      pretrain(try network(env, settings, random: random), environment: env, settings: settings, randomOpponents: opponents, random: random)
    }
    let copyCooperation = pretrained.map { evaluate($0, $0, environment: env, on: evaluation).cooperation[0] }
    let randomCooperation = pretrained.enumerated().map {
      evaluate($1, opponents[$0 % opponents.count], environment: env, on: evaluation).cooperation[0]
    }
    // 3. ABR from the pretrained pair, with and without the gradient through the diff, and from a copy.
    let withDiff = alternatingBestResponse(
      pretrained[0], pretrained[1], environment: env, settings: settings, throughDiff: true,
      evaluation: evaluation, random: streams[1])
    runs.append(LearningRun(method: .pretrained, curve: withDiff.curve))
    if methods.contains(.pretrainedWithoutDiffGradient) {
      let withoutDiff = alternatingBestResponse(
        pretrained[0], pretrained[1], environment: env, settings: settings, throughDiff: false,
        evaluation: evaluation, random: streams[2])
      runs.append(LearningRun(method: .pretrainedWithoutDiffGradient, curve: withoutDiff.curve))
    }
    if methods.contains(.pretrainedCopy) {
      let fromCopy = alternatingBestResponse(
        pretrained[0], pretrained[0], environment: env, settings: settings, throughDiff: true,
        evaluation: evaluation, random: streams[3])
      runs.append(LearningRun(method: .pretrainedCopy, curve: fromCopy.curve))
    }
    return LearningSeedResult(
      seed: seed, runs: runs,
      pretrainedCurves: pretrained.map { cooperationCurve($0, environment: env, on: evaluation.first) },
      trainedCurves: [withDiff.first, withDiff.second].map { cooperationCurve($0, environment: env, on: evaluation.first) },
      pretrainedAgainstCopy: copyCooperation, pretrainedAgainstRandom: randomCooperation)
  }
}
