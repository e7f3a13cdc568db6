import LabKit

extension ScheduleGridExperiment {
  /// The family-wise level of the equilibrium test.
  static let familyLevel = 0.05

  /// Every test of the equilibrium check, over all populations: (estimation-half sample, tolerance).
  static func tests(_ checks: [Check]) -> [(sample: [Double], tolerance: Double)] {
    checks.flatMap { c in zip(c.deltaSamples, c.deltaTolerances).map { ($0, $1) } + [(c.epsilonSample, c.epsilonTolerance)] }
  }

  /// The one-sided t-test p-value of H₀: mean gain ≤ t (1 with fewer than two values).
  static func pAbove(_ sample: [Double], _ t: Double) -> Double {
    sample.count < 2 ? 1 : ((try? HolmCorrection.oneSidedTTest(sample, above: t)) ?? 1)
  }

  /// The equilibrium check on the estimation halves, Holm-corrected at family-wise 5% over every test
  /// of every population, in each direction: fails when some gain is significantly above its tolerance
  /// (H₀: gain ≤ tolerance rejected), holds when every gain is significantly below it, inconclusive
  /// otherwise.
  static func equilibriumVerdict(_ checks: [Check]) -> Headline {
    let all = tests(checks)
    let above = all.map { pAbove($0.sample, $0.tolerance) }
    let below = all.map { pAbove($0.sample.map { -$0 }, -$0.tolerance) }
    let anyAbove = (try? HolmCorrection.rejected(above, alpha: familyLevel))?.contains(true) ?? false
    let allBelow = (try? HolmCorrection.rejected(below, alpha: familyLevel))?.allSatisfy { $0 } ?? false
    return anyAbove ? .fails : (allBelow ? .holds : .inconclusive)
  }

  func judge(_ outcomes: Outcomes<Outcome>, in context: RunContext) throws -> ExperimentResult {
    let o = outcomes.base
    let v = o.votes
    var votingTable = Table(
      id: "sed.schedule-grid.voting", title: "Voting rules on \(v.count) sampled populations of 7 (σ ~ U[0, 1])",
      columns: ["rule", "mean η, truthful", "mean η, strategic reports", "mean |η − mean σ|", "populations where someone gains by misreporting"])
    for (r, rule) in VotingRule.allCases.enumerated() {
      votingTable.append([
        .text(rule.rawValue), .real(v.truthful[r], digits: 3), .real(v.strategic[r], digits: 3), .real(v.distanceToMean[r], digits: 3),
        .text("\(DecimalFormat.fixed(100 * v.manipulable[r], digits: 1))%"),
      ])
    }
    let votingEvidence = Evidence(
      summary:
        "f = mean σ on \(v.count) sampled populations: largest |η − mean σ| = \(DecimalFormat.compact(v.largestMeanError)) (the median rule of the control: \(DecimalFormat.compact(v.largestMedianError))). Truthful mean η: mean rule \(DecimalFormat.fixed(v.truthful[0], digits: 3)), median \(DecimalFormat.fixed(v.truthful[1], digits: 3)), Borda \(DecimalFormat.fixed(v.truthful[2], digits: 3)), code majority \(DecimalFormat.fixed(v.truthful[3], digits: 3)); someone gains by misreporting under the mean rule in \(DecimalFormat.fixed(100 * v.manipulable[0], digits: 1))% of populations, under the median in \(DecimalFormat.fixed(100 * v.manipulable[1], digits: 1))%.",
      measurements: [
        .init("largest |η − mean σ|", v.largestMeanError), .init("mean rule manipulable share", v.manipulable[0]),
        .init("median rule manipulable share", v.manipulable[1]),
      ],
      tolerance: "|η − mean σ| ≤ 1e-12", sampleSize: v.count)
    let voting = ClaimResult(
      Self.votingClaim, map: .single(.checking(v.largestMeanError <= 1e-12), estimate: v.largestMeanError, n: v.count),
      control: ControlResult(Self.votingClaim.control!, verdict: .checking(v.largestMedianError <= 1e-12)), evidence: votingEvidence)
    let (ruleTable, bars) = try rulesTable(o, context)
    return ExperimentResult(
      tables: [votingTable, ruleTable, equilibriumTable(o)],
      figures: [
        Figure(id: "sed.schedule-grid.gini-sustainability", title: "Gini and sustainability per voting rule", drawing: bars).captioned(
          "σ is a player's reported selfishness in [0, 1] and η = f(σ) the weight the voting rule gives the sum of apples against the smallest player's (§4); population 0 is the first simulated population (its seed); a schedule is the three brackets' tax rates."
        )
      ],
      claims: [voting, equilibriumResult(o)])
  }

  /// Each rule's preferred schedule on the grid and its outcome (population 0 in the figure).
  func rulesTable(_ o: Outcome, _ context: RunContext) throws -> (Table, BarChart) {
    var table = Table(
      id: "sed.schedule-grid.rules", title: "The schedule each rule's η prefers on the grid, and its outcome (players trained to it)",
      columns: ["population", "rule", "η", "schedule", "O_η", "Gini", "sustainability"])
    var giniBars: [Double] = [], sustainabilityBars: [Double] = [], schedules: [String] = []
    for (pop, types) in o.types.enumerated() {
      let codeRandom = context.random(stream: "code-votes", replicate: pop)
      let codeVotes = types.map { _ in codeRandom.uniform() }
      for rule in VotingRule.allCases {
        let eta = try rule.eta(reports: types.map(\.selfishness), codeVotes: codeVotes)
        let best = o.grid.indices.max {
          Support.average(o.points[pop][$0].evaluation.objective(eta)) < Support.average(o.points[pop][$1].evaluation.objective(eta))
        }!
        let e = o.points[pop][best].evaluation
        table.append([
          .integer(pop), .text(rule.rawValue), .real(eta, digits: 3), .text(Support.list(o.grid[best])),
          .real(Support.average(e.objective(eta)), digits: 1),
          .real(e.gini, digits: 3), .real(e.sustainability, digits: 0),
        ])
        if pop == 0 {
          giniBars.append(e.gini)
          sustainabilityBars.append(e.sustainability / Double(o.roundLength))
          schedules.append(Support.list(o.grid[best]))
        }
      }
    }
    // Equal bars are a finding (every rule's η prefers the same schedule), so the title says so.
    let same = Set(schedules).count == 1 ? "; every rule prefers the schedule \(schedules[0])" : ""
    var bars = BarChart(
      title: "Outcome of each voting rule's preferred schedule (population 0\(same))", categories: VotingRule.allCases.map(\.displayName),
      xLabel: "voting rule (η = f(σ) of the reported selfishness σ)", y: Axis(label: "value", range: 0...1))
    bars.bars("Gini", giniBars)
    bars.bars("sustainability / round length", sustainabilityBars)
    return (table, bars)
  }

  func equilibriumTable(_ o: Outcome) -> Table {
    var table = Table(
      id: "sed.schedule-grid.equilibrium", title: "The learned outcome's deviation gains (paired over \(o.episodes) evaluation rounds)",
      columns: [
        "population", "φ*", "players' k*", "O_η(φ*, π*)", "ε̂ (best grid schedule)", "95% interval", "ε tolerance", "δ̂ (best single deviation)",
        "95% interval", "deviations above tolerance",
      ])
    for (pop, c) in o.checks.enumerated() {
      let worst = c.deltas.max { $0.estimate < $1.estimate }!
      let above = zip(c.deltas, c.deltaTolerances).filter { $0.lower > $1 }.count
      table.append([
        .integer(pop), .text(Support.list(c.phi, digits: 1)), .text(c.restraint.map(String.init).joined(separator: " ")), .real(c.value, digits: 1),
        .real(max(0, c.epsilon.estimate), digits: 1), .text(c.epsilon.bracket(digits: 1)), .real(c.epsilonTolerance, digits: 1),
        .real(max(0, worst.estimate), digits: 2), .text(worst.bracket(digits: 2)), .text("\(above) of \(c.deltas.count)"),
      ])
    }
    return table
  }

  func equilibriumResult(_ o: Outcome) -> ClaimResult {
    let verdict = Self.equilibriumVerdict(o.checks)
    let control = Self.equilibriumVerdict(o.controlChecks)
    let first = o.checks[0]
    let firstWorst = first.deltas.max { $0.estimate < $1.estimate }!
    let evidence = Evidence(
      summary:
        "Population 0: ε̂ = \(DecimalFormat.fixed(max(0, first.epsilon.estimate), digits: 1)) (95% \(first.epsilon.bracket(digits: 1)), tolerance \(DecimalFormat.fixed(first.epsilonTolerance, digits: 1))), δ̂ = \(DecimalFormat.fixed(max(0, firstWorst.estimate), digits: 2)) (95% \(firstWorst.bracket(digits: 2))); across \(o.checks.count) population(s) some gain significantly above its tolerance after Holm's correction over \(Self.tests(o.checks).count) tests: \(verdict == .fails ? "yes" : "no"). The best schedule is selected on the first half of the \(o.episodes) evaluation rounds and every gain is estimated on the second half.",
      measurements: [
        .init("epsilon (population 0)", max(0, first.epsilon.estimate)), .init("delta (population 0)", max(0, firstWorst.estimate)),
        .init("some gain above tolerance", verdict == .fails),
      ],
      tolerance:
        "5% of the best grid objective (ε) and of each player's return, at least 1 (δ); one-sided paired t-tests on the estimation half, Holm-corrected at family-wise 5% in each direction",
      sampleSize: o.checks.count * o.episodes)
    return ClaimResult(
      Self.equilibriumClaim,
      map: .single(
        verdict, estimate: max(0, first.epsilon.estimate), lower: first.epsilon.lower, upper: first.epsilon.upper, n: o.checks.count * o.episodes),
      control: ControlResult(Self.equilibriumClaim.control!, verdict: control), evidence: evidence)
  }
}
