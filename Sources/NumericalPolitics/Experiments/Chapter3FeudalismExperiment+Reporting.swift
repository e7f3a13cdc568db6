import LabKit

extension Chapter3FeudalismExperiment {
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
        title:
          "The base setting (\(settings.agents) agents, \(settings.rounds) rounds, \(settings.othersModel.rawValue) model, imitation \(DecimalFormat.compact(settings.imitationWeight)), deviants \(DecimalFormat.compact(settings.deviantFraction))): the last quarter of each run",
        columns: [
          "seed", "land Gini", "corn Gini", "Ω per agent-step", "harvest from others' labour", "corr(land, net labour in)",
          "labour ties towards more land", "corr(land, net corn in)", "corn ties towards more land", "encounters per agent-round", "refusal rate",
          "max in-degree", "in-degree Gini", "ties replaced",
        ])
      for (k, run) in runs.enumerated() {
        let flows = run.labourTowardsLand, corn = run.cornTowardsLand
        table.append([
          .integer(k), .real(run.late(\.landGini), digits: 3), .real(run.late(\.cornGini), digits: 3), .real(run.late(\.wellbeing), digits: 3),
          .real(run.late(\.harvestFromOthersLabour), digits: 4), .real(run.landLabourCorrelation, digits: 3),
          .text("\(flows.towardsMoreLand)/\(flows.flowing)"),
          .real(run.landCornCorrelation, digits: 3), .text("\(corn.towardsMoreLand)/\(corn.flowing)"),
          .real(run.late(\.encountersPerAgent), digits: 4),
          .real(run.late(\.refusalRate), digits: 3), .integer(run.checkpoints.last?.maximumInDegree ?? 0),
          .real(run.checkpoints.last?.inDegreeGini ?? 0, digits: 3), .integer(run.tiesReplaced),
        ])
      }
      return table
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
    var table = Table(
      id: id, title: title,
      columns: [column, "Ω per agent-step", "land Gini", "corn Gini", "harvest from others' labour", "encounters per agent-round"])
    for row in rows {
      table.append([
        .text(row.label), .text(row.wellbeing.summary(digits: 3)), .text(row.landGini.summary(digits: 3)),
        .text(row.cornGini.summary(digits: 3)), .real(row.labourShare, digits: 4), .real(row.encounters, digits: 4),
      ])
    }
    return table
  }

  static func degreeTable(_ runs: [SocialGraphOutcome]) -> Table {
    let degrees = runs.flatMap(\.inDegrees)
    let largest = degrees.max() ?? 0
    var counts = [Int](repeating: 0, count: largest + 1)
    for d in degrees { counts[d] += 1 }
    var table = Table(
      id: "np.ch3.degrees", title: "In-degree distribution at the end of the base runs (all seeds pooled; out-degree is fixed)",
      columns: ["in-degree", "agents", "fraction"])
    for (d, c) in counts.enumerated() where c > 0 {
      table.append([.integer(d), .integer(c), .real(Double(c) / Double(degrees.count), digits: 4)])
    }
    return table
  }

  static func giniFigure(_ runs: [SocialGraphOutcome]) -> Figure {
    var chart = Chart(
      title: "Inequality over time (base runs; mean over seeds, band: range)", x: Axis(label: "round"),
      y: Axis(label: "Gini coefficient", range: 0...1))
    for (name, value) in [("land", \SocialGraphRecord.Checkpoint.landGini), ("corn", \SocialGraphRecord.Checkpoint.cornGini)] {
      let count = runs.map(\.checkpoints.count).min() ?? 0
      let x = (0..<count).map { Double(runs[0].checkpoints[$0].round) }
      let series = (0..<count).map { k in runs.map { $0.checkpoints[k][keyPath: value] } }
      if runs.count > 1 { chart.band(nil, x: x, lower: series.map { $0.min()! }, upper: series.map { $0.max()! }) }
      chart.line("\(name) Gini", x: x, y: series.map { (try? Statistics.mean($0)) ?? .nan })
    }
    return Figure(id: "np.ch3.gini", title: "Gini of land and corn over time", drawing: chart).captioned(
      "Gini coefficient of the agents' land holdings and of their corn (grains held) at each checkpoint round (0: all hold the same; 1: one agent holds everything). Lines: mean over the base runs' seeds; bands: the range over those seeds."
    )
  }

  static func sweepFigure(id: String, title: String, xLabel: String, groups: [(String, [SweepRow])]) -> Figure {
    var chart = Chart(title: title, x: Axis(label: xLabel), y: Axis(label: "Ω per agent-step (late; 95% interval over seeds)"))
    for (k, (name, rows)) in groups.enumerated() {
      let colour = chart.palette[k]
      chart.errorBars(
        nil, x: rows.map(\.x), y: rows.map(\.wellbeing.estimate), lower: rows.map(\.wellbeing.lower), upper: rows.map(\.wellbeing.upper),
        colour: colour)
      chart.line(name, x: rows.map(\.x), y: rows.map(\.wellbeing.estimate), colour: colour)
    }
    return Figure(id: id, title: title, drawing: chart)
  }
}
