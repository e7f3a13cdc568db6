import LabKit

extension LearnedCooperationExperiment {
  static func f(_ x: Double, _ digits: Int = 3) -> String { DecimalFormat.fixed(x, digits: digits) }

  /// The methods simulated in an outcome, in ``LearningMethod`` order.
  static func methods(_ outcome: Outcome) -> [LearningMethod] {
    LearningMethod.allCases.filter { method in outcome.seeds.first?.run(method) != nil }
  }

  func summaryTable(_ base: Outcome) throws -> Table {
    let seeds = base.seeds.count
    var summary = Table(
      id: "sbc.learning.summary",
      title: "Learning outcomes per method over \(seeds) seeds at the base reading (final evaluation; 95% Wilson intervals)",
      columns: [
        "method", "mutual defection", "cooperation (both ≥ \(Self.cooperationCutoff))", "mean cooperation before ABR",
        "mean cooperation after", "mean payoff after", "mean ABR steps until a player < \(Self.cooperationCutoff)",
      ])
    for method in Self.methods(base) {
      let runs = base.seeds.compactMap { $0.run(method) }
      let defection = try Self.fraction(base, method, "mutual defection")
      let cooperation = try Self.fraction(base, method, "cooperation")
      let before = try Statistics.mean(runs.map { ($0.initial.cooperation[0] + $0.initial.cooperation[1]) / 2 })
      let after = try Statistics.mean(runs.map { ($0.final.cooperation[0] + $0.final.cooperation[1]) / 2 })
      let payoff = try Statistics.mean(runs.map { ($0.final.payoffs[0] + $0.final.payoffs[1]) / 2 })
      let drops = runs.compactMap { run in run.curve.first { $0.metrics.lowerCooperation < Self.cooperationCutoff }?.step }
      let dropText = drops.isEmpty ? "never" : "\(Self.f(try Statistics.mean(drops.map(Double.init)), 0)) (\(drops.count) of \(seeds) seeds)"
      summary.append([
        .text(method.rawValue), .text(defection.text), .text(cooperation.text), .real(before, digits: 3), .real(after, digits: 3),
        .real(payoff, digits: 3), .text(dropText),
      ])
    }
    return summary
  }

  /// Every cell of the learned-cooperation grid: the three fractions per probe range and ABR length.
  func mapTable(_ outcomes: Outcomes<Outcome>) throws -> Table {
    var table = Table(
      id: "sbc.learning.map", title: "Per reading and ABR length: the game control and fractions of seeds (95% Wilson intervals)",
      columns: [
        "reading", "ABR rounds", "seeds", "game control: best deviation gain", "random init.: mutual defection", "CCDR + ABR: cooperation",
        "CCDR + ABR: mean lower cooperation level (start → now)", "CCDR + ABR without diff gradient: mutual defection",
        "learned-cooperation verdict",
      ])
    for (cell, outcome) in outcomes.cells(of: Self.learnedClaim) {
      let control = Self.gameControl(outcome)
      for round in Self.checkpoints(outcome.settings) {
        let (verdict, defection, cooperation) = try Self.learnedCheck(outcome, round: round)
        let without =
          outcome.seeds.first?.run(.pretrainedWithoutDiffGradient) == nil
          ? "–" : try Self.fraction(outcome, .pretrainedWithoutDiffGradient, "mutual defection", afterRound: round).text
        table.append([
          .text(Self.readingText(cell)), .integer(round), .integer(outcome.seeds.count), .real(control.gain, digits: 3),
          .text(defection.text), .text(cooperation.text), .text(Self.evaporation(outcome, round: round)), .text(without),
          .text(verdict.rawValue),
        ])
      }
    }
    return table
  }

  /// The pretrained pairs' mean lower cooperation level before ABR and after `round` rounds ("0.81 → 0.66").
  static func evaporation(_ outcome: Outcome, round: Int) -> String {
    let runs = outcome.seeds.compactMap { $0.run(.pretrained) }
    let start = runs.map(\.initial.lowerCooperation)
    let now = runs.compactMap { $0.metrics(afterRound: round, stepsPerResponse: outcome.settings.stepsPerResponse)?.lowerCooperation }
    guard let before = try? Statistics.mean(start), let after = try? Statistics.mean(now) else { return "–" }
    return "\(f(before, 2)) → \(f(after, 2))"
  }

  func pretrainingTable(_ base: Outcome) -> Table {
    var table = Table(
      id: "sbc.learning.pretraining",
      title: "After CCDR pretraining: each network's cooperation against a copy of itself and against a random network",
      columns: ["seed", "against a copy", "against a random network", "the two pretrained networks together"])
    for result in base.seeds {
      let together = result.run(.pretrained)!.initial
      table.append([
        .integer(result.seed), .text(result.pretrainedAgainstCopy.map { Self.f($0) }.joined(separator: ", ")),
        .text(result.pretrainedAgainstRandom.map { Self.f($0) }.joined(separator: ", ")),
        .text("\(Self.f(together.cooperation[0])), \(Self.f(together.cooperation[1])) (diff \(Self.f(together.diff)))"),
      ])
    }
    return table
  }

  func seedTable(_ base: Outcome) -> Table {
    var table = Table(
      id: "sbc.learning.seeds", title: "Every seed: cooperation levels (player 1, player 2) before and after ABR, final payoffs and diff",
      columns: ["seed", "method", "before", "after", "payoffs after", "diff after", "outcome"])
    for result in base.seeds {
      for run in result.runs {
        table.append([
          .integer(result.seed), .text(run.method.shortName),
          .text("\(Self.f(run.initial.cooperation[0])), \(Self.f(run.initial.cooperation[1]))"),
          .text("\(Self.f(run.final.cooperation[0])), \(Self.f(run.final.cooperation[1]))"),
          .text("\(Self.f(run.final.payoffs[0])), \(Self.f(run.final.payoffs[1]))"), .real(run.final.diff, digits: 3), .text(Self.outcome(run.final)),
        ])
      }
    }
    return table
  }

  /// Mean over seeds of a metric against ABR steps, one line per method, with a band from the seeds' minimum to maximum.
  func curveChart(
    _ results: [LearningSeedResult], value: (PlayMetrics) -> Double, label: String, range: ClosedRange<Double>?, gain: Double? = nil
  ) -> String {
    var chart = Chart(
      title: "Alternating best response: \(label)", x: Axis(label: "ABR steps (both players)"), y: Axis(label: label, range: range),
      width: 680, height: 440)
    let colours: [Colour] = [.vermillion, .blue, .bluishGreen, .reddishPurple]
    for (m, method) in LearningMethod.allCases.enumerated() {
      let series = results.compactMap { $0.run(method)?.curve }
      guard let first = series.first else { continue }
      let steps = first.map { Double($0.step) }
      let columns = steps.indices.map { k in series.map { value($0[k].metrics) } }
      chart.band(nil, x: steps, lower: columns.map { $0.min()! }, upper: columns.map { $0.max()! }, colour: colours[m])
      chart.line(method.shortName, x: steps, y: columns.map { (try? Statistics.mean($0)) ?? .nan }, colour: colours[m])
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
    var chart = Chart(
      title: "Cooperation level against the observed diff y (mean over seeds and both networks)",
      x: Axis(label: "observed diff y = diff + noise"), y: Axis(label: "mean cooperation level", range: 0...1), width: 640, height: 420)
    for (name, curves, colour) in [
      ("after CCDR pretraining", results.flatMap(\.pretrainedCurves), Colour.blue),
      ("after CCDR then ABR", results.flatMap(\.trainedCurves), Colour.vermillion),
    ] {
      let columns = ys.indices.map { k in curves.map { $0[k] } }
      chart.band(nil, x: ys, lower: columns.map { $0.min()! }, upper: columns.map { $0.max()! }, colour: colour)
      chart.line(name, x: ys, y: columns.map { (try? Statistics.mean($0)) ?? .nan }, colour: colour)
    }
    if noise.support.upperBound.isFinite { chart.referenceLine(x: noise.support.upperBound, label: "noise range ends") }
    chart.legendPlacement = .topRight
    return chart.svg()
  }
}
