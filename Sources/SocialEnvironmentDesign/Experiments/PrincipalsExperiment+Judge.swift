import LabKit

/// The judgement, tables and figures of ``PrincipalsExperiment``.
extension PrincipalsExperiment {
  func judge(_ outcomes: Outcomes<Outcome>, in context: RunContext) throws -> ExperimentResult {
    let cells = try outcomes.cells(of: Self.improvesClaim).map { cell, outcome in (cell, outcome, try Self.differences(outcome)) }
    let mapCells = cells.map { cell, outcome, d in
      VerdictMap.Cell(
        reading: cell.readingSetting, verdict: Headline.comparing(d[Self.primary], .above(0)), estimate: d[Self.primary].estimate,
        lower: d[Self.primary].lower, upper: d[Self.primary].upper, n: outcome.runs.count)
    }
    let controlInterval = try Self.controlDifference(outcomes.base)
    let control = ControlResult(Self.improvesClaim.control!, verdict: .comparing(controlInterval, .above(0)))
    let evidence = Evidence(
      summary: "PPO principal minus no tax, post-tax O_η over the last rounds: "
        + cells.map { cell, _, d in
          "\(VerdictMap.describe(cell.readingSetting)): \(DecimalFormat.fixed(d[Self.primary].estimate, digits: 2)) \(d[Self.primary].bracket(digits: 2)) (UCB \(DecimalFormat.fixed(d[2].estimate, digits: 2)) \(d[2].bracket(digits: 2)); U.S.-like \(DecimalFormat.fixed(d[1].estimate, digits: 2)) \(d[1].bracket(digits: 2)))"
        }.joined(separator: "; ")
        + "; control (1, 1, 1) without redistribution: \(DecimalFormat.fixed(controlInterval.estimate, digits: 2)) \(controlInterval.bracket(digits: 2)).",
      measurements: cells.map { cell, _, d in
        .init("\(VerdictMap.describe(cell.readingSetting)): PPO principal minus no tax", lower: d[Self.primary].lower, upper: d[Self.primary].upper)
      } + [
        .init("control minus no tax", controlInterval.estimate),
        .init("control interval", lower: controlInterval.lower, upper: controlInterval.upper),
      ],
      tolerance:
        "95% t-interval over populations of the paired difference in post-tax O_η (PPO principal): above 0 holds, below 0 fails, else inconclusive",
      sampleSize: outcomes.base.runs.count)
    let claim = ClaimResult(
      Self.improvesClaim, map: VerdictMap(design: Self.improvesClaim.design, cells: mapCells), control: control, evidence: evidence)
    return ExperimentResult(
      tables: [try summaryTable(cells.map { ($0.0, $0.1) }), try voteTable(outcomes.base)], figures: figures(outcomes.base), claims: [claim])
  }

  func summaryTable(_ cells: [(GridCell, Outcome)]) throws -> Table {
    var table = Table(
      id: "sed.principals.summary", title: "Last rounds of each run, per reading (95% t-intervals over populations, paired with no tax)",
      columns: [
        "reading", "principal", "O_η after tax", "minus no tax", "95% interval", "apples (pre-tax, all)", "Gini after tax", "tax per round",
        "mean rates",
      ])
    for (cell, o) in cells {
      let d = try Self.differences(o)
      for j in Self.principalNames.indices {
        let runs = o.runs.map { $0[j] }
        func mean(_ value: (DesignRound) -> Double) -> Double { Support.average(runs.map { Self.late($0, o.window, value) }) }
        table.append([
          .text(VerdictMap.describe(cell.readingSetting)), .text(Self.principalNames[j]), .real(mean(\.objective), digits: 1),
          .real(d[j].estimate, digits: 2), .text(d[j].bracket(digits: 2)), .real(mean { $0.apples.reduce(0, +) }, digits: 1),
          .real(mean { SocialOutcomeMetrics.gini($0.postTax) }, digits: 3), .real(mean(\.collected), digits: 1),
          .text(Support.list((0..<3).map { b in mean { $0.meanRates[b] } })),
        ])
      }
    }
    return table
  }

  /// The vote over objectives (Definition 3.2): η under each voting rule from the learned players'
  /// types, and every principal's late post-tax objective under it (base cell; means over populations).
  func voteTable(_ o: Outcome) throws -> Table {
    var table = Table(
      id: "sed.principals.vote", title: "The objective each voting rule selects and its post-tax value under each principal (last rounds)",
      columns: ["objective", "η (mean over populations)"] + Self.principalNames)
    var rows: [(String, [Double])] = [("utilitarian (η = 1)", o.types.map { _ in 1 }), ("egalitarian (η = 0)", o.types.map { _ in 0 })]
    for rule in VotingRule.allCases {
      rows.append(
        (rule.displayName, try zip(o.types, o.codeVotes).map { types, votes in try rule.eta(reports: types.map(\.selfishness), codeVotes: votes) }))
    }
    for (name, etas) in rows {
      let values = Self.principalNames.indices.map { j in
        Support.average(
          zip(o.runs, etas).map { runs, eta in Self.late(runs[j], o.window) { WelfareObjective.interpolation(eta: eta).value($0.postTax) } })
      }
      table.append([.text(name), .real(Support.average(etas), digits: 3)] + values.map { .real($0, digits: 1) })
    }
    return table
  }

  func figures(_ o: Outcome) -> [Figure] {
    let rounds = o.runs.first?.first?.count ?? 0
    var objective = Chart(
      title: "Voted objective O_η after tax per round (mean over \(o.runs.count) populations)", x: Axis(label: "voting round"), y: Axis(label: "O_η"))
    for j in Self.principalNames.indices {
      objective.line(Self.principalNames[j], (0..<rounds).map { r in (x: Double(r + 1), y: Support.average(o.runs.map { $0[j][r].objective })) })
    }
    var rates = Chart(
      title: "PPO principal's mean rate per bracket per round (mean over populations)", x: Axis(label: "voting round"),
      y: Axis(label: "rate", range: 0...1))
    for b in 0..<3 {
      rates.line(
        "bracket \(b + 1) (\(["1–10", "11–20", "21–10000"][b]) apples)",
        (0..<rounds).map { r in (x: Double(r + 1), y: Support.average(o.runs.map { $0[Self.primary][r].meanRates[b] })) })
    }
    return [
      Figure(id: "sed.principals.objective", title: "The post-tax voted objective against rounds for each principal", drawing: objective)
        .captioned(
          "O_η is the voted welfare objective (Definition 3.2) on the players' apples after tax and redistribution: η = 1 is utilitarian (the total), η = 0 egalitarian, and values between interpolate. A voting round is roundLength steps of play (Table 1: 1000), taxed in 50-step periods; each line is one principal (no tax, the fixed U.S.-like schedule, the UCB1 bandit over corner schedules, the PPO principal), averaged over populations."
        ),
      Figure(id: "sed.principals.rates", title: "Tax rates per round as the PPO principal learns", drawing: rates)
        .captioned(
          "The three brackets are Table 1's, by apples collected in a 50-step period (1–10, 11–20, 21 and more); a rate is the fraction of the bracket's apples taxed, redistributed equally to all players. Lines: the PPO principal's mean rate per bracket in each voting round, averaged over populations."
        ),
    ]
  }
}
