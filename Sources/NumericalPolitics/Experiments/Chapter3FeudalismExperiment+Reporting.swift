import LabKit

extension FeudalismExperiment {
  /// The base runs at their end (late checkpoints), over seeds.
  struct FeudalismSummary {
    let landGini: ConfidenceInterval
    let cornGini: ConfidenceInterval
    let wellbeing: ConfidenceInterval
    let labourShare: ConfidenceInterval
    let correlation: ConfidenceInterval
    let cornCorrelation: ConfidenceInterval
    let runs: Int

    init(_ runs: [SocialGraphOutcome]) throws {
      landGini = try ConfidenceInterval.meanOrPoint(of: runs.map { $0.late(\.landGini) })
      cornGini = try ConfidenceInterval.meanOrPoint(of: runs.map { $0.late(\.cornGini) })
      wellbeing = try ConfidenceInterval.meanOrPoint(of: runs.map { $0.late(\.wellbeing) })
      labourShare = try ConfidenceInterval.meanOrPoint(of: runs.map { $0.late(\.harvestFromOthersLabour) })
      correlation = try ConfidenceInterval.meanOrPoint(of: runs.map(\.landLabourCorrelation))
      cornCorrelation = try ConfidenceInterval.meanOrPoint(of: runs.map(\.landCornCorrelation))
      self.runs = runs.count
    }

    func table(_ runs: [SocialGraphOutcome], settings: SocialGraphSettings) -> Table {
      var table = Table(
        id: "np.ch3.feudalism",
        title: "The base setting (\(settings.agents) agents, \(settings.rounds) rounds, \(settings.othersModel.rawValue) model, imitation \(DecimalFormat.compact(settings.imitationWeight)), deviants \(DecimalFormat.compact(settings.deviantFraction))): the last quarter of each run",
        columns: ["seed", "land Gini", "corn Gini", "Ω per agent-step", "harvest from others' labour", "corr(land, net labour in)", "labour ties towards more land", "corr(land, net corn in)", "corn ties towards more land", "encounters per agent-round", "refusal rate", "max in-degree", "in-degree Gini", "ties replaced"])
      for (k, run) in runs.enumerated() {
        let flows = run.labourTowardsLand, corn = run.cornTowardsLand
        table.append([
          .integer(k), .real(run.late(\.landGini), digits: 3), .real(run.late(\.cornGini), digits: 3), .real(run.late(\.wellbeing), digits: 3),
          .real(run.late(\.harvestFromOthersLabour), digits: 4), .real(run.landLabourCorrelation, digits: 3),
          .text("\(flows.towardsMoreLand)/\(flows.flowing)"),
          .real(run.landCornCorrelation, digits: 3), .text("\(corn.towardsMoreLand)/\(corn.flowing)"), .real(run.late(\.encountersPerAgent), digits: 4),
          .real(run.late(\.refusalRate), digits: 3), .integer(run.checkpoints.last?.maximumInDegree ?? 0),
          .real(run.checkpoints.last?.inDegreeGini ?? 0, digits: 3), .integer(run.tiesReplaced),
        ])
      }
      return table
    }

    func verdict(gini: Double, labourShare threshold: Double) -> ClaimResult {
      let emerged = landGini.lower > gini && labourShare.lower > threshold && correlation.lower > 0
      let absent = landGini.upper < gini || labourShare.upper < threshold || correlation.upper < 0
      let verdict: Verdict = emerged ? .supported : (absent ? .refuted : .inconclusive)
      let answer = emerged ? "By the operational answer fixed before the runs, a hierarchy emerged." :
        (absent ? "By the operational answer fixed before the runs, no hierarchy emerged." : "The operational answer fixed before the runs is undecided.")
      let summary = "Exploratory. At the end of \(runs) base runs: land Gini \(landGini.summary(digits: 3)) (threshold \(DecimalFormat.compact(gini))), corn Gini \(cornGini.summary(digits: 3)), share of the harvest grown with others' labour \(labourShare.summary(digits: 4)) (threshold \(DecimalFormat.compact(threshold))), correlation of land with net labour received \(correlation.summary(digits: 3)), with net corn received \(cornCorrelation.summary(digits: 3)), Ω per agent-step \(wellbeing.summary(digits: 3)). \(answer)"
      return ClaimResult(FeudalismExperiment.feudalismClaim, verdict, Evidence(
        summary: summary,
        measurements: [
          .init("land Gini", landGini.estimate), .init("land Gini 95% interval", lower: landGini.lower, upper: landGini.upper),
          .init("corn Gini", cornGini.estimate),
          .init("harvest share from others' labour", labourShare.estimate), .init("harvest share 95% interval", lower: labourShare.lower, upper: labourShare.upper),
          .init("corr(land, net labour in)", correlation.estimate), .init("correlation 95% interval", lower: correlation.lower, upper: correlation.upper),
          .init("corr(land, net corn in)", cornCorrelation.estimate),
          .init("Ω per agent-step", wellbeing.estimate),
        ],
        tolerance: "supported: all of land Gini > \(DecimalFormat.compact(gini)), harvest share > \(DecimalFormat.compact(threshold)) and correlation > 0 as 95% intervals; refuted: any interval wholly on the other side; else inconclusive",
        sampleSize: runs))
    }
  }

  /// One setting of a sweep at the end of its runs.
  struct SweepRow {
    let x: Double
    let label: String
    let wellbeing: ConfidenceInterval
    let landGini: ConfidenceInterval
    let cornGini: ConfidenceInterval
    let labourShare: Double
    let encounters: Double

    init(x: Double, label: String, runs: [SocialGraphOutcome]) throws {
      self.x = x
      self.label = label
      wellbeing = try ConfidenceInterval.meanOrPoint(of: runs.map { $0.late(\.wellbeing) })
      landGini = try ConfidenceInterval.meanOrPoint(of: runs.map { $0.late(\.landGini) })
      cornGini = try ConfidenceInterval.meanOrPoint(of: runs.map { $0.late(\.cornGini) })
      labourShare = try Statistics.mean(runs.map { $0.late(\.harvestFromOthersLabour) })
      encounters = try Statistics.mean(runs.map { $0.late(\.encountersPerAgent) })
    }
  }

  static func sweepTable(id: String, title: String, column: String, _ rows: [SweepRow]) -> Table {
    var table = Table(id: id, title: title, columns: [column, "Ω per agent-step", "land Gini", "corn Gini", "harvest from others' labour", "encounters per agent-round"])
    for row in rows {
      table.append([.text(row.label), .text(row.wellbeing.summary(digits: 3)), .text(row.landGini.summary(digits: 3)),
                    .text(row.cornGini.summary(digits: 3)), .real(row.labourShare, digits: 4), .real(row.encounters, digits: 4)])
    }
    return table
  }

  static func sweepVerdict(_ claim: Claim, _ rows: [SweepRow], what: String) -> ClaimResult {
    let summary = "Exploratory (the text states no expectation). At the end of the runs, by \(what): "
      + rows.map { "\($0.label): Ω \(DecimalFormat.fixed($0.wellbeing.estimate, digits: 3)), land Gini \(DecimalFormat.fixed($0.landGini.estimate, digits: 3))" }.joined(separator: "; ") + "."
    var measurements: [Evidence.Measurement] = []
    for row in rows {
      measurements.append(.init("\(row.label): Ω per agent-step", row.wellbeing.estimate))
      measurements.append(.init("\(row.label): land Gini", row.landGini.estimate))
    }
    return ClaimResult(claim, .explored, Evidence(summary: summary, measurements: measurements,
                                                  tolerance: "none: descriptive", sampleSize: rows.count))
  }

  static func consentVerdict(_ runs: [SocialGraphOutcome]) -> ClaimResult {
    let consented = runs.reduce(0) { $0 + $1.consentedEncounters }
    let violations = runs.reduce(0) { $0 + $1.consentViolations }
    let refusals = runs.reduce(0) { $0 + $1.refusals }
    let holds = violations == 0 && consented > 0
    let summary = "Over \(runs.count) runs, \(consented) encounters went past the first move and in \(violations) of them one side did not expect to gain (initiator's expected gain and responder's value of accepting both checked > 0 when the encounter opened); \(refusals) encounters were declined with goodbye as the first move, and changed nothing."
      + (consented == 0 ? " No encounter took place, so the invariant was never exercised." : "")
    return ClaimResult(mutualConsentClaim, .checking(holds), Evidence(
      summary: summary,
      measurements: [.init("encounters past the first move", consented), .init("encounters without mutual expected gain", violations), .init("encounters declined", refusals)],
      tolerance: "no violation, and at least one encounter", sampleSize: consented))
  }

  static func degreeTable(_ runs: [SocialGraphOutcome]) -> Table {
    let degrees = runs.flatMap(\.inDegrees)
    let largest = degrees.max() ?? 0
    var counts = [Int](repeating: 0, count: largest + 1)
    for d in degrees { counts[d] += 1 }
    var table = Table(id: "np.ch3.degrees", title: "In-degree distribution at the end of the base runs (all seeds pooled; out-degree is fixed)", columns: ["in-degree", "agents", "fraction"])
    for (d, c) in counts.enumerated() where c > 0 {
      table.append([.integer(d), .integer(c), .real(Double(c) / Double(degrees.count), digits: 4)])
    }
    return table
  }

  static func giniFigure(_ runs: [SocialGraphOutcome]) -> Figure {
    var chart = Chart(title: "Inequality over time (base runs; mean over seeds, band: range)", x: Axis(label: "round"), y: Axis(label: "Gini coefficient", range: 0...1))
    for (name, value) in [("land", \SocialGraphRecord.Checkpoint.landGini), ("corn", \SocialGraphRecord.Checkpoint.cornGini)] {
      let count = runs.map(\.checkpoints.count).min() ?? 0
      let x = (0..<count).map { Double(runs[0].checkpoints[$0].round) }
      let series = (0..<count).map { k in runs.map { $0.checkpoints[k][keyPath: value] } }
      if runs.count > 1 { chart.band(nil, x: x, lower: series.map { $0.min()! }, upper: series.map { $0.max()! }) }
      chart.line("\(name) Gini", x: x, y: series.map { $0.reduce(0, +) / Double($0.count) })
    }
    return Figure(id: "np.ch3.gini", title: "Gini of land and corn over time", svg: chart.svg())
  }

  static func sweepFigure(id: String, title: String, xLabel: String, groups: [(String, [SweepRow])]) -> Figure {
    var chart = Chart(title: title, x: Axis(label: xLabel), y: Axis(label: "Ω per agent-step (late; 95% interval over seeds)"))
    for (k, (name, rows)) in groups.enumerated() {
      let colour = chart.palette[k]
      chart.errorBars(nil, x: rows.map(\.x), y: rows.map(\.wellbeing.estimate), lower: rows.map(\.wellbeing.lower), upper: rows.map(\.wellbeing.upper), colour: colour)
      chart.line(name, x: rows.map(\.x), y: rows.map(\.wellbeing.estimate), colour: colour)
    }
    return Figure(id: id, title: title, svg: chart.svg())
  }
}
