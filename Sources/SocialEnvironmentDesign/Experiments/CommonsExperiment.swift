import LabKit

/// §4 of Social Environment Design: "If all apples in an area are harvested, they never grow back.
/// The dilemma arises when individual self-interest drives rapid harvesting, which could permanently
/// deplete resources. Thus, agents must sacrifice personal benefit and cooperate for collective
/// well-being."
///
/// Populations of restraint-threshold players (no tax) play `horizon` steps from a fresh orchard, with
/// g = 0 … n of them greedy (k = 0: eat any apple) and the rest restrained (k = `restrainedLevel`).
/// Players 0 … g − 1 are the greedy ones; types, spawn points and streams are common to every g of an
/// orchard, so the populations g and g + 1 differ only in player g's strategy.
///
/// Standards fixed before running:
/// - `sed.no-regrowth` (consistency): no regrowth ever happens where the rule's probability is 0, no
///   patch (a connected group of apple cells) ever regrows once empty, some patch is emptied, and the
///   empirical regrowth rate for every neighbour count with at least 200 independent trials lies in its
///   Wilson interval at family-wise 99.9 % (Bonferroni over the rates tested). The rates are tested on
///   one population per orchard, because the populations of an orchard share its stream (first
///   version: every run pooled at 99.9 % per rate, which counted dependent draws as independent; see
///   the document). Control: a rule with p(0) = p(1) = 0.0025, under which emptied patches regrow.
/// - `sed.commons-dilemma` (empirical), the dilemma defined operationally as a social dilemma in the
///   number of greedy players: (i) whatever the others do, a player gains in its own apples by
///   switching from restraint to greed: for every g = 0 … n − 1 the paired 95 % interval of
///   apples_g(population g + 1) − apples_g(population g) lies above 0; and (ii) all-restrained beats
///   all-greedy: the paired 95 % interval of total apples (g = 0) − total apples (g = n) lies above 0.
///   A cell holds when (i) and (ii) hold, fails when some interval lies wholly below 0, and is
///   inconclusive otherwise. Judged in every cell of regrowth rule × horizon. Control: regrowth that
///   does not depend on neighbours (p = 0.025 everywhere), so greed cannot deplete the orchard.
struct CommonsExperiment: Experiment {
  static let replicates = ParameterKey<Int>("replicates")
  static let horizon = ParameterKey<Int>("horizon")
  static let restrainedLevel = ParameterKey<Int>("restrainedLevel")
  static let players = ParameterKey<PlayerReading>("players")
  static let learnedUpdates = ParameterKey<Int>("learnedUpdates")
  static let learnedLearningRate = ParameterKey<Double>("learnedLearningRate")

  let id = "sed.commons"
  let title = "The commons dilemma: depletion, regrowth and the payoff curve of greed"
  let sections = ["§4", "Appendix A"]

  static let noRegrowthClaim = Claim(
    id: "sed.no-regrowth", source: "§4", kind: .claim,
    statement: "If all apples in an area are harvested, they never grow back.",
    class: .consistency(
      because:
        "both regrowth rules give p(0) = 0, and every cell of an emptied patch (a connected group under the radius-2 relation) has 0 live neighbours; the check can fail only through a bug in the regrowth code"
    ),
    control: Control("a perturbed rule with p(0) = p(1) = 0.0025, so an emptied patch can regrow"),
    readings: [Support.regrowthRule.erased])
  static let dilemmaClaim = Claim(
    id: "sed.commons-dilemma", source: "§4", kind: .claim,
    statement:
      "Harvesting is a social dilemma: each player gains by harvesting greedily whatever the others do, yet all-restrained players harvest more than all-greedy ones (greed depletes the orchard).",
    class: .empirical, control: Control("regrowth that does not depend on neighbours (p = 0.025 everywhere), so greed cannot deplete the orchard"),
    readings: [Support.regrowthRule.erased, horizon.erased, players.erased], design: .product)

  var claims: [Claim] { [Self.noRegrowthClaim, Self.dilemmaClaim] }

  var parameters: [Parameter] {
    [
      Parameter(
        Self.replicates, "Independent orchards (types, spawns and streams) per population.", domain: .integer(2...100_000),
        smoke: 3, standard: 16, paper: 200),
      Parameter(
        Self.horizon, "Steps played from a fresh orchard (rounds of at most 1000 steps, chained).", domain: .integer(1...1_000_000), default: 1000),
      Parameter(Self.restrainedLevel, "The restrained players' threshold k.", domain: .integer(1...12), default: 4),
      Parameter(Support.regrowthRule, "paper (Appendix A read literally) or code (released Melting Pot rule).", default: .paper),
      Parameter(
        Self.players,
        "scripted = restraint heuristic (greedy k = 0, restrained k); learned = PPO players, greedy trained on own apples, restrained on the mean apples of all.",
        default: .scripted),
      Parameter(
        Self.learnedUpdates, "PPO updates (200-step rollouts of 7 players) per learned policy.", domain: .integer(0...1_000_000), smoke: 3,
        standard: 60, paper: 2000),
      Parameter(
        Self.learnedLearningRate,
        "Adam step size of the learned players, annealed linearly to 0 (the released code's 2.5e-4 is for 10^5 updates; raised for budgets of 10^2 to 10^3).",
        domain: .real(lower: 1e-6, upper: 1, lowerIncluded: true, upperIncluded: true), default: 1e-3),
    ]
  }

  var readings: [Reading] {
    [
      Reading(
        Support.regrowthRule,
        [
          .init(
            RegrowthReading.paper, reason: "Appendix A's list [0.025, 0.005, 0.0025, 0] read downward from four neighbours",
            source: "Appendix A, Table 1"),
          .init(
            RegrowthReading.code, reason: "the released substrate's DensityRegrow probabilities, indexed by min(n, 3)",
            source: "released code (Melting Pot commons_harvest)"),
        ]),
      Reading(
        Self.horizon,
        [
          .init(200, reason: "the released code samples 200-step horizons (its physical reset)", source: "released code, notes §2"),
          .init(1000, reason: "one voting round, the episode length", source: "Appendix A, Table 1"),
          .init(
            3000, reason: "three chained rounds: the dilemma is about permanent depletion, a longer run",
            source: "§4 (\"permanently deplete\"); eq. 1"),
        ]),
      Reading(
        Self.players,
        [
          .init(PlayerReading.scripted, reason: "the restraint heuristic: greed and restraint fixed by construction", source: "notes §7.3 A"),
          .init(
            PlayerReading.learned,
            reason: "PPO players with parameter sharing on the egocentric window, greedy = trained on own apples, restrained = trained on everyone's",
            source: "Appendix A (PPO, parameter sharing, GAE); released code's hyperparameters"),
        ]),
    ]
  }

  /// The perturbed rules of the controls.
  static let leakyRule = try! RegrowthRule(probabilities: [0.0025, 0.0025, 0.005, 0.025, 0.025])
  static let flatRule = try! RegrowthRule(probabilities: [0.025, 0.025, 0.025, 0.025, 0.025])

  /// One orchard played by one population.
  struct Run: Sendable {
    var apples: [Double]
    var liveTrace: [Int]
    var depleted: Bool
    var trials: [Int]
    var successes: [Int]
    var patchRegrowths: Int
    var patchDepletions: Int
  }

  /// One cell: `curve[g][r]` is population g (players 0 … g − 1 greedy) in orchard r.
  struct Curve: Sendable {
    var curve: [[Run]]
  }

  struct Outcome: Sendable {
    var rule: RegrowthReading
    var horizon: Int
    var players: PlayerReading = .scripted
    var restrained: Int
    var main: Curve
    /// Base cell only: the dilemma check's control (flat regrowth) and the no-regrowth control (leaky rule).
    var flatControl: Curve?
    var leakyControl: [Run]?
  }

  func simulate(in context: RunContext) throws -> Outcome {
    let p = context.parameters
    let rule = p[Support.regrowthRule], horizon = p[Self.horizon], k = p[Self.restrainedLevel], replicates = p[Self.replicates]
    let main =
      p[Self.players] == .learned
      ? try Self.learnedCurve(rule.rule, horizon: horizon, replicates: replicates, parameters: p, context: context)
      : try Self.curve(rule.rule, horizon: horizon, restrained: k, replicates: replicates, context: context)
    var outcome = Outcome(rule: rule, horizon: horizon, players: p[Self.players], restrained: k, main: main)
    if context.isBaseCell {
      outcome.flatControl = try Self.curve(Self.flatRule, horizon: horizon, restrained: k, replicates: replicates, context: context)
      outcome.leakyControl = try Self.curve(Self.leakyRule, horizon: horizon, restrained: k, replicates: replicates, context: context, only: [7])
        .curve[0]
    }
    return outcome
  }

  /// Every population g in `only` (default 0 … n) on the same `replicates` orchards.
  static func curve(_ rule: RegrowthRule, horizon: Int, restrained k: Int, replicates: Int, context: RunContext, only: [Int]? = nil) throws -> Curve {
    var configuration = AppleGameConfiguration()
    configuration.regrowth = rule
    configuration.intrinsic = .off  // the check reads apples only; the intrinsic reward does not change behaviour
    configuration.roundLength = min(horizon, 1000)
    let n = configuration.agentCount
    let populations = only ?? Array(0...n)
    let settings = configuration
    let byOrchard = try context.replicates(replicates, stream: "orchards", label: "sed.commons: \(populations.count) populations") { r, _ in
      try populations.map { g in
        try Self.play(
          restraint: (0..<n).map { $0 < g ? 0 : k }, configuration: settings, steps: horizon, context.random(stream: "orchard", replicate: r))
      }
    }
    return Curve(curve: populations.indices.map { g in byOrchard.map { $0[g] } })
  }

  /// The curve with learned players: one shared policy trained on own apples (greedy) and one on the
  /// mean apples of all players (restrained), then population g plays players 0 … g − 1 by the greedy
  /// policy and the rest by the restrained one, on the same orchards and streams for every g.
  static func learnedCurve(_ rule: RegrowthRule, horizon: Int, replicates: Int, parameters p: Parameters, context: RunContext) throws -> Curve {
    var configuration = AppleGameConfiguration()
    configuration.regrowth = rule
    configuration.intrinsic = .off
    configuration.roundLength = min(horizon, 1000)
    var settings = LearnedPlayerSettings()
    settings.updates = p[Self.learnedUpdates]
    settings.hyperparameters.learningRate = p[Self.learnedLearningRate]
    let greedy = try LearnedPlayers.train(
      .selfish, configuration: configuration, settings: settings, random: context.random(stream: "train-selfish", replicate: 0))
    let restrained = try LearnedPlayers.train(
      .collective, configuration: configuration, settings: settings, random: context.random(stream: "train-collective", replicate: 0))
    let policies = [greedy.policy, restrained.policy]
    let n = configuration.agentCount
    let settingsCopy = configuration
    let byOrchard = try context.replicates(replicates, stream: "orchards", label: "sed.commons (learned): \(n + 1) populations") { r, _ in
      try (0...n).map { g in
        try Self.play(
          restraint: Array(repeating: 0, count: n), configuration: settingsCopy, steps: horizon, context.random(stream: "orchard", replicate: r),
          chooser: LearnedPopulation(policies: policies, assignment: (0..<n).map { $0 < g ? 0 : 1 }))
      }
    }
    return Curve(curve: (0...n).map { g in byOrchard.map { $0[g] } })
  }

  /// The connected groups of apple cells under the radius-2 neighbour relation.
  static func patches(_ world: HarvestWorld) -> [[Int]] {
    var label = [Int](repeating: -1, count: world.appleCount)
    var out: [[Int]] = []
    for start in 0..<world.appleCount where label[start] < 0 {
      var stack = [start], members: [Int] = []
      label[start] = out.count
      while let a = stack.popLast() {
        members.append(a)
        for b in world.neighbours(apple: a) where label[b] < 0 { label[b] = out.count; stack.append(b) }
      }
      out.append(members.sorted())
    }
    return out
  }

  /// Plays `steps` steps from a fresh orchard, tracking patches and regrowth trials.
  static func play(
    restraint: [Int], configuration: AppleGameConfiguration, steps: Int, _ random: Random, chooser: LearnedPopulation? = nil
  ) throws -> Run {
    let n = configuration.agentCount
    let game = try ApplePickingGame(configuration: configuration, types: PlayerType.uniform(n, random))
    game.resetWorld(random)
    game.world.tallyRegrowth = true
    let patches = Self.patches(game.world)
    var dead = [Bool](repeating: false, count: patches.count)
    var run = Run(
      apples: Array(repeating: 0, count: n), liveTrace: [], depleted: false, trials: [], successes: [], patchRegrowths: 0, patchDepletions: 0)
    var played = 0
    while played < steps {
      let outcome = game.playRound(
        restraint: restraint, recordTrace: true, random,
        onStep: { world in
          for (p, members) in patches.enumerated() {
            let anyAlive = members.contains { world.isAlive(apple: $0) }
            if dead[p] && anyAlive { run.patchRegrowths += 1 }
            if !dead[p] && !anyAlive { run.patchDepletions += 1 }
            dead[p] = !anyAlive
          }
        }, chooser: chooser
      ) { _ in [0, 0, 0] }
      for i in 0..<n { run.apples[i] += outcome.apples[i] }
      run.liveTrace += outcome.liveTrace
      played += configuration.roundLength
    }
    run.depleted = game.world.liveApples == 0
    run.trials = game.world.regrowthTrials
    run.successes = game.world.regrowthSuccesses
    return run
  }
}
