import LabKit

extension CommonsExperiment {
  /// The dilemma check on one curve: the switching gains D(g), the collective difference, the verdict.
  struct DilemmaCheck: Sendable {
    /// D(g) = apples of player g when greedy (population g + 1) − when restrained (population g), paired by orchard.
    var gains: [ConfidenceInterval]
    /// Total apples, all restrained − all greedy, paired by orchard.
    var collective: ConfidenceInterval
    var individual: Headline {
      VerdictMap.combine(gains.map { Headline.comparing($0, .above(0)) }) == .holds
        ? .holds
        : (gains.contains { $0.upper < 0 } ? .fails : .inconclusive)
    }
    var verdict: Headline {
      let c = Headline.comparing(collective, .above(0))
      if individual == .fails || c == .fails { return .fails }
      return individual == .holds && c == .holds ? .holds : .inconclusive
    }
    /// The smallest switching gain, the one the verdict hinges on.
    var weakest: ConfidenceInterval { gains.min { $0.estimate < $1.estimate }! }
  }

  static func dilemma(_ c: Curve) throws -> DilemmaCheck {
    let n = c.curve.count - 1
    let gains = try (0..<n).map { g in try ConfidenceInterval.meanOrPoint(of: zip(c.curve[g + 1], c.curve[g]).map { $0.apples[g] - $1.apples[g] }) }
    let collective = try ConfidenceInterval.meanOrPoint(of: zip(c.curve[0], c.curve[n]).map { $0.apples.reduce(0, +) - $1.apples.reduce(0, +) })
    return DilemmaCheck(gains: gains, collective: collective)
  }

  /// The no-regrowth check on a set of runs: the exact parts (no regrowth where p(n) = 0, none in an
  /// emptied patch) on every run, the rates on independent runs only.
  struct RegrowthCheck: Sendable {
    var trials: [Int], successes: [Int], forbidden: Int, patchRegrowths: Int, patchDepletions: Int, ratesInside: Bool
    var verdict: Headline { .checking(forbidden == 0 && patchRegrowths == 0 && ratesInside && patchDepletions > 0) }
  }

  /// The populations of one orchard share its random stream (common random numbers, so the curve is
  /// paired), which makes their regrowth draws dependent: pooled, they would count one orchard's
  /// draws up to n + 1 times and give intervals too narrow. The rates are therefore tested on one
  /// population per orchard, orchard r taking population r mod (n + 1), so every population type is
  /// represented and the runs tested are independent.
  static func independentRuns(_ curve: [[Run]]) -> [Run] {
    let orchards = curve.map(\.count).min() ?? 0
    return (0..<orchards).map { r in curve[r % curve.count][r] }
  }

  /// The family-wise confidence of the rate intervals: Bonferroni over the rates tested, so the check
  /// fails by chance in at most 0.1% of runs of a correct model.
  static let regrowthFamilyLevel = 0.999

  /// The tally of `runs` by live-neighbour count n: trials and regrowths.
  static func tally(_ runs: [Run]) -> (trials: [Int], successes: [Int]) {
    var trials = [Int](repeating: 0, count: 13), successes = [Int](repeating: 0, count: 13)
    for r in runs { for j in 0..<13 { trials[j] += r.trials[j]; successes[j] += r.successes[j] } }
    return (trials, successes)
  }

  /// Every rate with ≥ 200 independent trials, and its Wilson interval at the Bonferroni level.
  static func rateIntervals(_ runs: [Run], rule: RegrowthRule) throws -> [(n: Int, interval: ConfidenceInterval, p: Double)] {
    let (trials, successes) = tally(runs)
    let tested = (0..<13).filter { trials[$0] >= 200 && rule.probability(liveNeighbours: $0) > 0 }
    let level = 1 - (1 - regrowthFamilyLevel) / Double(max(1, tested.count))
    return try tested.map { j in
      (j, try ConfidenceInterval.wilson(successes: successes[j], trials: trials[j], level: level), rule.probability(liveNeighbours: j))
    }
  }

  static func regrowth(_ runs: [Run], rateRuns: [Run], rule: RegrowthRule) throws -> RegrowthCheck {
    let (trials, successes) = tally(runs)
    let forbidden = (0..<13).filter { rule.probability(liveNeighbours: $0) == 0 }.reduce(0) { $0 + successes[$1] }
    let inside = try rateIntervals(rateRuns, rule: rule).allSatisfy { $0.interval.contains($0.p) }
    return RegrowthCheck(
      trials: trials, successes: successes, forbidden: forbidden, patchRegrowths: runs.reduce(0) { $0 + $1.patchRegrowths },
      patchDepletions: runs.reduce(0) { $0 + $1.patchDepletions }, ratesInside: inside)
  }

  func judge(_ outcomes: Outcomes<Outcome>, in context: RunContext) throws -> ExperimentResult {
    let base = outcomes.base
    let dilemmaCells = outcomes.cells(of: Self.dilemmaClaim)
    let checks = try dilemmaCells.map { try Self.dilemma($0.outcome.main) }
    let control = try Self.dilemma(base.flatControl!)
    let cells = zip(dilemmaCells, checks).map { cell, check in
      VerdictMap.Cell(
        reading: cell.cell.readingSetting, verdict: check.verdict, estimate: check.weakest.estimate, lower: check.weakest.lower,
        upper: check.weakest.upper, n: cell.outcome.main.curve[0].count)
    }
    let dilemmaEvidence = Evidence(
      summary: zip(dilemmaCells, checks).map { cell, check in
        "\(cell.outcome.rule.rawValue) rule, \(cell.outcome.horizon) steps, \(cell.outcome.players.rawValue) players: a lone greedy player gains \(DecimalFormat.fixed(check.gains[0].estimate, digits: 1)) \(check.gains[0].bracket(digits: 1)), the smallest switching gain is \(DecimalFormat.fixed(check.weakest.estimate, digits: 1)) \(check.weakest.bracket(digits: 1)), all-restrained − all-greedy \(DecimalFormat.fixed(check.collective.estimate, digits: 0)) \(check.collective.bracket(digits: 0)): \(check.verdict.rawValue)"
      }.joined(separator: "; ")
        + ". Control (flat regrowth): all-restrained − all-greedy \(DecimalFormat.fixed(control.collective.estimate, digits: 0)) \(control.collective.bracket(digits: 0)).",
      measurements: zip(dilemmaCells, checks).flatMap { cell, check -> [Evidence.Measurement] in
        let name = "\(cell.outcome.rule.rawValue), \(cell.outcome.horizon) steps, \(cell.outcome.players.rawValue)"
        return [
          .init("\(name): lone greedy gain", lower: check.gains[0].lower, upper: check.gains[0].upper),
          .init("\(name): smallest switching gain", lower: check.weakest.lower, upper: check.weakest.upper),
          .init("\(name): all-restrained − all-greedy", lower: check.collective.lower, upper: check.collective.upper),
        ]
      },
      tolerance: "every switching gain D(g), g = 0 … n − 1, and all-restrained − all-greedy: paired 95% t-intervals above 0 (fixed in advance)",
      sampleSize: base.main.curve[0].count)
    let dilemma = ClaimResult(
      Self.dilemmaClaim, map: VerdictMap(design: Self.dilemmaClaim.design, cells: cells),
      control: ControlResult(Self.dilemmaClaim.control!, verdict: control.verdict), evidence: dilemmaEvidence)
    let (regrowthClaim, regrowthTable) = try judgeRegrowth(outcomes)
    return ExperimentResult(
      tables: [try curveTable(dilemmaCells, checks), try populationTable(base), regrowthTable],
      figures: [payoffFigure(dilemmaCells, checks), liveFigure(base)], claims: [regrowthClaim, dilemma])
  }

  func judgeRegrowth(_ outcomes: Outcomes<Outcome>) throws -> (ClaimResult, Table) {
    let cells = outcomes.cells(of: Self.noRegrowthClaim)
    let checks = try cells.map { cell in
      try Self.regrowth(
        cell.outcome.main.curve.flatMap { $0 }, rateRuns: Self.independentRuns(cell.outcome.main.curve), rule: cell.outcome.rule.rule)
    }
    let control = try Self.regrowth(outcomes.base.leakyControl!, rateRuns: outcomes.base.leakyControl!, rule: Self.leakyRule)
    var table = Table(
      id: "sed.commons.regrowth",
      title:
        "Regrowth of eaten apple cells by live neighbours within distance 2: every population and orchard, and the rates tested on one population per orchard (independent streams; Wilson intervals at family-wise 99.9%, Bonferroni over the rates tested)",
      columns: [
        "rule", "live neighbours n", "trials", "regrowths", "independent trials", "independent rate", "family-wise interval", "rule p(n)",
      ])
    for (cell, check) in zip(cells, checks) {
      let independent = Self.independentRuns(cell.outcome.main.curve)
      let (independentTrials, independentSuccesses) = Self.tally(independent)
      let intervals = try Self.rateIntervals(independent, rule: cell.outcome.rule.rule)
      for j in 0..<13 where check.trials[j] > 0 {
        let rate = independentTrials[j] > 0 ? Double(independentSuccesses[j]) / Double(independentTrials[j]) : .nan
        table.append([
          .text(cell.outcome.rule.rawValue), .integer(j), .integer(check.trials[j]), .integer(check.successes[j]), .integer(independentTrials[j]),
          .real(rate, digits: 5), .text(intervals.first { $0.n == j }?.interval.bracket(digits: 5) ?? "not tested"),
          .real(cell.outcome.rule.rule.probability(liveNeighbours: j), digits: 4),
        ])
      }
    }
    let mapCells = zip(cells, checks).map { cell, check in
      VerdictMap.Cell(reading: cell.cell.readingSetting, verdict: check.verdict, estimate: Double(check.patchRegrowths), n: check.trials.reduce(0, +))
    }
    let evidence = Evidence(
      summary: zip(cells, checks).map { cell, c in
        "\(cell.outcome.rule.rawValue) rule: \(c.patchDepletions) patches emptied, \(c.patchRegrowths) grew back, \(c.forbidden) regrowths where p(n) = 0, rates (one population per orchard) inside their family-wise intervals: \(c.ratesInside ? "yes" : "no")"
      }.joined(separator: "; ") + ". Control (p(0) = 0.0025): \(control.patchRegrowths) emptied patches grew back.",
      measurements: zip(cells, checks).flatMap { cell, c -> [Evidence.Measurement] in
        [
          .init("\(cell.outcome.rule.rawValue): patches emptied", c.patchDepletions),
          .init("\(cell.outcome.rule.rawValue): emptied patches that regrew", c.patchRegrowths),
          .init("\(cell.outcome.rule.rawValue): regrowths where p(n) = 0", c.forbidden),
          .init("\(cell.outcome.rule.rawValue): rates inside family-wise 99.9% intervals", c.ratesInside),
        ]
      } + [.init("control: emptied patches that regrew", control.patchRegrowths)],
      tolerance:
        "no regrowth at p(n) = 0 and none in an emptied patch (exact, every run); rates with ≥ 200 independent trials inside Wilson intervals at family-wise 99.9% (Bonferroni), one population per orchard",
      sampleSize: checks.reduce(0) { $0 + $1.trials.reduce(0, +) })
    let claim = ClaimResult(
      Self.noRegrowthClaim, map: VerdictMap(design: Self.noRegrowthClaim.design, cells: mapCells),
      control: ControlResult(Self.noRegrowthClaim.control!, verdict: control.verdict), evidence: evidence)
    return (claim, table)
  }

  func curveTable(_ cells: [(cell: GridCell, outcome: Outcome)], _ checks: [DilemmaCheck]) throws -> Table {
    var table = Table(
      id: "sed.commons.curve",
      title: "The payoff curve over the number of greedy players g (players 0 … g − 1 greedy, paired 95% t-intervals over orchards)",
      columns: [
        "rule", "horizon (steps)", "players", "greedy players g", "apples per greedy player", "apples per restrained player", "apples per player",
        "gain of the next player switching to greed", "95% interval",
      ])
    for (cell, check) in zip(cells, checks) {
      let curve = cell.outcome.main.curve
      let n = curve.count - 1
      for g in 0...n {
        let greedy = g == 0 ? Double.nan : Support.average(curve[g].map { Support.average(Array($0.apples[0..<g])) })
        let restrained = g == n ? Double.nan : Support.average(curve[g].map { Support.average(Array($0.apples[g...])) })
        let all = Support.average(curve[g].map { Support.average($0.apples) })
        table.append([
          .text(cell.outcome.rule.rawValue), .integer(cell.outcome.horizon), .text(cell.outcome.players.rawValue), .integer(g),
          g == 0 ? .text("–") : .real(greedy, digits: 1), g == n ? .text("–") : .real(restrained, digits: 1), .real(all, digits: 1),
          g == n ? .text("–") : .real(check.gains[g].estimate, digits: 1), g == n ? .text("–") : .text(check.gains[g].bracket(digits: 1)),
        ])
      }
    }
    return table
  }

  func populationTable(_ base: Outcome) throws -> Table {
    let n = base.main.curve.count - 1
    var table = Table(
      id: "sed.commons.populations",
      title:
        "All-greedy, one greedy, all-restrained (k = \(base.restrained)): \(base.horizon) steps, \(base.rule.rawValue) rule, \(base.main.curve[0].count) orchards",
      columns: ["greedy players", "apples per player", "95% interval", "depleted at the end", "mean depletion step", "live apples at the end"])
    for g in [n, 1, 0] {
      let runs = base.main.curve[g]
      let ci = try ConfidenceInterval.meanOrPoint(of: runs.map { Support.average($0.apples) })
      let steps = runs.compactMap { r in r.liveTrace.firstIndex(of: 0).map { Double($0 + 1) } }
      table.append([
        .integer(g), .real(ci.estimate, digits: 1), .text(ci.bracket(digits: 1)), .text("\(runs.filter(\.depleted).count)/\(runs.count)"),
        .text(steps.isEmpty ? "–" : DecimalFormat.fixed(Support.average(steps), digits: 0)),
        .real(Support.average(runs.map { Double($0.liveTrace.last ?? 0) }), digits: 1),
      ])
    }
    return table
  }

  func payoffFigure(_ cells: [(cell: GridCell, outcome: Outcome)], _ checks: [DilemmaCheck]) -> Figure {
    var chart = Chart(
      title: "Gain of the next player switching to greed, against the number already greedy", x: Axis(label: "greedy players g"),
      y: Axis(label: "apples: greedy at g + 1 − restrained at g"))
    for (cell, check) in zip(cells, checks) {
      chart.line(
        "\(cell.outcome.rule.rawValue) rule, \(cell.outcome.horizon) steps, \(cell.outcome.players.rawValue)",
        check.gains.enumerated().map { (x: Double($0.offset), y: $0.element.estimate) })
    }
    chart.referenceLine(y: 0, label: "no gain")
    return Figure(id: "sed.commons.payoff-curve", title: "The switching gain D(g) per regrowth rule and horizon", drawing: chart).captioned(
      "g is the number of greedy players; D(g) is player g's apples when it is greedy too (g + 1 greedy players) minus its apples when it is restrained (g greedy players), paired by orchard. The paper rule and the code rule are the two readings of apple regrowth; scripted and learned are the two kinds of players."
    )
  }

  func liveFigure(_ base: Outcome) -> Figure {
    let n = base.main.curve.count - 1
    var chart = Chart(
      title: "Live apples over time (mean over \(base.main.curve[0].count) orchards, \(base.rule.rawValue) rule)", x: Axis(label: "step"),
      y: Axis(label: "live apples", range: 0...64))
    for g in [n, 1, 0] {
      let runs = base.main.curve[g]
      let points = Swift.stride(from: 0, to: runs[0].liveTrace.count, by: 10).map { t in
        (x: Double(t + 1), y: Support.average(runs.map { Double($0.liveTrace[t]) }))
      }
      chart.line(g == n ? "all greedy" : (g == 0 ? "all restrained (k = \(base.restrained))" : "one greedy"), points)
    }
    return Figure(id: "sed.commons.live-apples", title: "Live apples over time per population", drawing: chart).captioned(
      "k is the restraint threshold of the restrained players (greedy players have k = 0 and eat any apple); populations are the orchards' seeds.")
  }
}
