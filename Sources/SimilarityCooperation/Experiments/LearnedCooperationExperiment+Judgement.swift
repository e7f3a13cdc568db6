import LabKit

extension LearnedCooperationExperiment {
  /// How many seeds' runs of `method` are in class `kind` after `round` ABR rounds (nil: at the end), with the 95% Wilson interval.
  struct Fraction {
    let count: Int
    let seeds: Int
    let interval: ConfidenceInterval
    var verdict: Headline { .comparing(interval, LearnedCooperationExperiment.majority) }
    var text: String { "\(count)/\(seeds) \(interval.bracket(digits: 2))" }
  }

  static func fraction(_ outcome: Outcome, _ method: LearningMethod, _ kind: String, afterRound round: Int? = nil) throws -> Fraction {
    let runs = outcome.seeds.compactMap { $0.run(method) }
    let count = runs.filter { run in
      let metrics = round.flatMap { run.metrics(afterRound: $0, stepsPerResponse: outcome.settings.stepsPerResponse) } ?? run.final
      return Self.outcome(metrics) == kind
    }.count
    return Fraction(count: count, seeds: runs.count, interval: try .wilson(successes: count, trials: max(runs.count, 1)))
  }

  /// Both parts of a conjunction: fails when either fails, holds when both hold, inconclusive otherwise.
  static func both(_ a: Headline, _ b: Headline) -> Headline {
    if a == .fails || b == .fails { return .fails }
    return a == .holds && b == .holds ? .holds : .inconclusive
  }

  /// The learned-cooperation check on one outcome after `round` rounds, with `cooperating` as the method that must cooperate.
  static func learnedCheck(_ outcome: Outcome, round: Int?, cooperating: LearningMethod = .pretrained) throws -> (Headline, Fraction, Fraction) {
    let defection = try fraction(outcome, .randomInitialisation, "mutual defection", afterRound: round)
    let cooperation = try fraction(outcome, cooperating, "cooperation", afterRound: round)
    return (both(defection.verdict, cooperation.verdict), defection, cooperation)
  }

  func judge(_ outcomes: Outcomes<Outcome>, in context: RunContext) throws -> ExperimentResult {
    let base = outcomes.base
    let learned = try judgeLearned(outcomes)
    let diff = try judgeDiffGradient(outcomes)
    return ExperimentResult(
      tables: [try summaryTable(base), try mapTable(outcomes), pretrainingTable(base), seedTable(base)],
      figures: [
        Figure(
          id: "sbc.learning-cooperation", title: "Learning curves: mean cooperation level against ABR steps, per method",
          svg: curveChart(
            base.seeds, value: { ($0.cooperation[0] + $0.cooperation[1]) / 2 }, label: "mean cooperation level (both players)", range: 0...1)
        ).captioned(
          "ABR is alternating best response (each player in turn trains its network against the other's, which is held fixed); CCDR is the pretraining \"cooperate against copies, defect against random\"; \"no diff gradient\" trains without the gradient through the diff. The cooperation level is a policy's probability of cooperating."
        ),
        Figure(
          id: "sbc.learning-payoffs", title: "Learning curves: mean payoff against ABR steps, per method",
          svg: curveChart(
            base.seeds, value: { ($0.payoffs[0] + $0.payoffs[1]) / 2 }, label: "mean payoff (both players)", range: nil, gain: base.gain)
        ).captioned(
          "ABR is alternating best response (each player in turn trains its network against the other's, which is held fixed); CCDR is the pretraining \"cooperate against copies, defect against random\"; \"no diff gradient\" trains without the gradient through the diff. G is the gain of the game (mutual cooperation pays G, mutual defection 1)."
        ),
        Figure(
          id: "sbc.cooperation-curves", title: "Cooperation against the observed diff value, after CCDR pretraining and after ABR",
          svg: cooperationCurveChart(base.seeds, noise: base.noise)
        ).captioned(
          "The diff is the measured distance between the two players' policies; a player observes y = diff + noise. CCDR is the pretraining \"cooperate against copies, defect against random\"; ABR is alternating best response. The cooperation level is a policy's probability of cooperating."
        ),
      ],
      claims: [learned, diff])
  }

  /// A cell's readings, for evidence lines: "base reading" or "noiseScale=0.05".
  static func readingText(_ cell: GridCell) -> String {
    let changed = cell.reading.filter { assignment in !baseReadingValues.contains { $0 == (assignment.name, assignment.value.description) } }
    return changed.isEmpty ? "base reading" : changed.map { "\($0.name)=\($0.value)" }.joined(separator: ", ")
  }

  /// The base readings' values (the first alternative of each reading).
  static var baseReadingValues: [(String, String)] {
    LearnedCooperationExperiment().readings.map { ($0.name, $0.alternatives[0].value.description) }
  }

  /// The game control of a cell: the best deviation from the hand-built cooperative pair (``CooperativeControl``).
  static func gameControl(_ outcome: Outcome) -> (gain: Double, cut: Double) {
    CooperativeControl.bestDeviation(gain: outcome.gain, noiseWidth: outcome.noise.support.upperBound, probeMax: outcome.probeDiffMax)
  }

  static func probeSetting(_ outcome: Outcome) -> Setting { [SettingItem(probeDiffMax.name, DecimalFormat.compact(outcome.probeDiffMax))] }

  func judgeLearned(_ outcomes: Outcomes<Outcome>) throws -> ClaimResult {
    var cells: [VerdictMap.Cell] = []
    var lines: [String] = []
    for (cell, outcome) in outcomes.cells(of: Self.learnedClaim) {
      for round in Self.checkpoints(outcome.settings) {
        let (verdict, defection, cooperation) = try Self.learnedCheck(outcome, round: round)
        cells.append(
          VerdictMap.Cell(
            reading: cell.readingSetting, size: [SettingItem("abrRounds", "\(round)")], verdict: verdict,
            estimate: cooperation.interval.estimate, lower: cooperation.interval.lower, upper: cooperation.interval.upper, n: cooperation.seeds))
        lines.append(
          "\(Self.readingText(cell)) after \(round) rounds: random init. defects \(defection.text), CCDR + ABR cooperates \(cooperation.text): \(verdict.rawValue)"
        )
      }
    }
    let controls = outcomes.cells(of: Self.learnedClaim).map { Self.gameControl($0.outcome) }
    let worstControl = controls.max { $0.gain < $1.gain }
    let base = outcomes.base
    let (controlVerdict, _, withoutGradient) = try Self.learnedCheck(base, round: nil, cooperating: .pretrainedWithoutDiffGradient)
    let final = try Self.learnedCheck(base, round: nil)
    let evidence = Evidence(
      summary: "Per probe range and ABR length (the cell's estimate is the fraction of seeds whose CCDR-pretrained pair still cooperates): "
        + lines.joined(separator: "; ")
        + ". Control at the base reading: without the diff gradient the pretrained pairs cooperate in \(withoutGradient.text) seeds."
        + " Game control (does a cooperative equilibrium exist?): against the hand-built threshold pair the best deviation gains at most "
        + "\(DecimalFormat.compact(worstControl?.gain ?? .nan, significant: 3)) over mutual cooperation in any reading (≤ 0: the pair is an equilibrium, so a cell that fails is \"not learned\", not \"does not exist\").",
      measurements: [
        .init("base: random initialisation, mutual defection", lower: final.1.interval.lower, upper: final.1.interval.upper),
        .init("base: CCDR then ABR, cooperation", lower: final.2.interval.lower, upper: final.2.interval.upper),
        .init(
          "base: CCDR then ABR without the diff gradient, cooperation", lower: withoutGradient.interval.lower, upper: withoutGradient.interval.upper),
      ],
      tolerance:
        "mutual defection: both final cooperation levels < \(Self.defectionCutoff); cooperation: both ≥ \(Self.cooperationCutoff); each part holds when the 95% Wilson interval of the fraction of seeds lies above 1/2 and fails when it lies below; the claim holds in a cell when both parts hold, fails when either fails",
      sampleSize: base.seeds.count)
    return ClaimResult(
      Self.learnedClaim, map: VerdictMap(design: Self.learnedClaim.design, cells: cells),
      control: ControlResult(Self.learnedClaim.control!, verdict: controlVerdict), evidence: evidence)
  }

  func judgeDiffGradient(_ outcomes: Outcomes<Outcome>) throws -> ClaimResult {
    var cells: [VerdictMap.Cell] = []
    var lines: [String] = []
    for (cell, outcome) in outcomes.cells(of: Self.diffGradientClaim) {
      for round in Self.checkpoints(outcome.settings) {
        let without = try Self.fraction(outcome, .pretrainedWithoutDiffGradient, "mutual defection", afterRound: round)
        let with = try Self.fraction(outcome, .pretrained, "mutual defection", afterRound: round)
        cells.append(
          VerdictMap.Cell(
            reading: cell.readingSetting, size: [SettingItem("abrRounds", "\(round)")], interval: without.interval, bar: Self.majority,
            n: without.seeds))
        lines.append(
          "\(Self.readingText(cell)) after \(round) rounds: without the gradient \(without.text) end in mutual defection, with it \(with.text)"
        )
      }
    }
    let base = outcomes.base
    let untrained = try Self.fraction(base, .pretrainedWithoutDiffGradient, "mutual defection", afterRound: 0)
    let evidence = Evidence(
      summary: "From the same pretrained pairs: " + lines.joined(separator: "; ")
        + ". Control: before any ABR the pretrained pairs are in mutual defection in \(untrained.text) seeds.",
      measurements: [.init("pretrained pairs before ABR: mutual defection", lower: untrained.interval.lower, upper: untrained.interval.upper)],
      tolerance:
        "mutual defection: both cooperation levels < \(Self.defectionCutoff); holds when the 95% Wilson interval of the fraction of seeds lies above 1/2, fails when below",
      sampleSize: base.seeds.count)
    return ClaimResult(
      Self.diffGradientClaim, map: VerdictMap(design: Self.diffGradientClaim.design, cells: cells),
      control: ControlResult(Self.diffGradientClaim.control!, verdict: untrained.verdict), evidence: evidence)
  }
}
