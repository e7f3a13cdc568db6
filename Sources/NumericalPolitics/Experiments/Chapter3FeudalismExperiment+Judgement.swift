import LabKit

extension SocialGraphOutcome {
  /// The change of the land Gini over the last quarter of the run: the slope of a least-squares line
  /// through the late checkpoints times the span they cover. NaN with fewer than two late checkpoints.
  var lateGiniDrift: Double {
    let late = Array(lateCheckpoints)
    guard late.count >= 2 else { return .nan }
    let xs = late.map { Double($0.round) }, ys = late.map(\.landGini)
    guard let mx = try? Statistics.mean(xs), let my = try? Statistics.mean(ys) else { return .nan }
    var sxy = 0.0, sxx = 0.0
    for (x, y) in zip(xs, ys) { sxy += (x - mx) * (y - my); sxx += (x - mx) * (x - mx) }
    guard sxx > 0 else { return .nan }
    return sxy / sxx * (xs.last! - xs.first!)
  }
}

extension Chapter3FeudalismExperiment {
  /// The signature of feudalism, fixed before the runs, and its judgement of one cell's seeds.
  struct FeudalismSignature {
    let gini: Double
    let labourShare: Double
    let driftTolerance: Double

    init(_ p: Parameters) {
      gini = p[Chapter3FeudalismExperiment.hierarchyGini]
      labourShare = p[Chapter3FeudalismExperiment.hierarchyLabourShare]
      driftTolerance = p[Chapter3FeudalismExperiment.giniDriftTolerance]
    }

    /// One cell's reading of the signature.
    struct Cell {
      let summary: FeudalismSummary
      /// The largest |change of the land Gini over the last quarter| over seeds.
      let drift: Double
      let verdict: Headline
    }

    /// Holds when all three intervals lie on the hierarchy side, fails when any lies wholly on the
    /// other side, inconclusive otherwise; inconclusive whatever they say while the land Gini of a
    /// seed still moves by more than the tolerance over the last quarter.
    func judge(_ runs: [SocialGraphOutcome]) throws -> Cell {
      let s = try FeudalismSummary(runs)
      let drift = runs.map { abs($0.lateGiniDrift) }.max() ?? .nan
      let settled = drift <= driftTolerance
      let emerged = s.landGini.lower > gini && s.labourShare.lower > labourShare && s.correlation.lower > 0
      let absent = s.landGini.upper < gini || s.labourShare.upper < labourShare || s.correlation.upper < 0
      let verdict: Headline = !settled ? .inconclusive : (emerged ? .holds : (absent ? .fails : .inconclusive))
      return Cell(summary: s, drift: drift, verdict: verdict)
    }

    var tolerance: String {
      "holds: land Gini > \(DecimalFormat.compact(gini)), harvest share from others' labour > \(DecimalFormat.compact(labourShare)) and corr(land, net labour in) > 0, each as a 95% interval over seeds; fails: any interval wholly on the other side; inconclusive otherwise, and whenever a seed's land Gini changes by more than \(DecimalFormat.compact(driftTolerance)) over the last quarter of its run (all fixed before the runs)"
    }

    func result(_ cells: [(GridCell, Cell)], control: Cell, base: FeudalismSummary) -> ClaimResult {
      let map = VerdictMap(
        design: feudalismClaim.design,
        cells: cells.map { cell, c in
          VerdictMap.Cell(
            reading: cell.readingSetting, verdict: c.verdict, estimate: c.summary.landGini.estimate,
            lower: c.summary.landGini.lower, upper: c.summary.landGini.upper, n: c.summary.runs)
        })
      let moving = cells.filter { !($0.1.drift <= driftTolerance) }.count
      let summary =
        "Signature judged in \(cells.count) cells (one reading of the economics changed at a time around the base). Base reading, end of \(base.runs) runs: land Gini \(base.landGini.summary(digits: 3)), harvest share from others' labour \(base.labourShare.summary(digits: 4)), corr(land, net labour in) \(base.correlation.summary(digits: 3)), corr(land, net corn in) \(base.cornCorrelation.summary(digits: 3)). Cells whose land Gini still moved: \(moving). \(map.whereItHolds.isEmpty ? "" : map.whereItHolds.prefix(1).uppercased() + map.whereItHolds.dropFirst() + ".") Control (constructed feudal world): land Gini \(control.summary.landGini.summary(digits: 3)), harvest share \(control.summary.labourShare.summary(digits: 3)), correlation \(control.summary.correlation.summary(digits: 3)), drift \(DecimalFormat.compact(control.drift, significant: 2)): \(control.verdict.rawValue)."
      var measurements: [Evidence.Measurement] = [
        .init("base land Gini", base.landGini.estimate), .init("base harvest share from others' labour", base.labourShare.estimate),
        .init("base corr(land, net labour in)", base.correlation.estimate), .init("cells still moving", moving),
      ]
      for (cell, c) in cells {
        let name = VerdictMap.describe(cell.readingSetting)
        measurements.append(.init("\(name): largest |land Gini drift| over the last quarter", c.drift))
        measurements.append(.init("\(name): harvest share from others' labour", c.summary.labourShare.estimate))
      }
      return ClaimResult(
        feudalismClaim, map: map, control: ControlResult(feudalismClaim.control!, verdict: control.verdict),
        evidence: Evidence(summary: summary, measurements: measurements, tolerance: tolerance, sampleSize: base.runs))
    }
  }

  static func mapTable(_ cells: [(GridCell, FeudalismSignature.Cell)], control: FeudalismSignature.Cell) -> Table {
    var table = Table(
      id: "np.ch3.feudalism-map",
      title:
        "The signature of feudalism in every cell of the grid (one reading changed at a time), and in the constructed feudal world (the control): the last quarter of each run, 95% t-intervals over seeds",
      columns: ["cell", "land Gini", "harvest from others' labour", "corr(land, net labour in)", "largest |Gini drift|", "verdict"])
    let rows = cells.map { (VerdictMap.describe($0.0.readingSetting), $0.1) } + [("control: constructed feudal world", control)]
    for (name, c) in rows {
      table.append([
        .text(name), .text(c.summary.landGini.summary(digits: 3)), .text(c.summary.labourShare.summary(digits: 4)),
        .text(c.summary.correlation.summary(digits: 3)), c.drift.isNaN ? .text("not measured") : .real(c.drift, digits: 4), .text(c.verdict.rawValue),
      ])
    }
    return table
  }

  /// The check of mutual consent on a set of runs: no opened encounter without mutual expected gain,
  /// and at least one opened encounter.
  static func consentCheck(_ runs: [SocialGraphOutcome]) -> (verdict: Headline, consented: Int, violations: Int, refusals: Int) {
    let consented = runs.reduce(0) { $0 + $1.consentedEncounters }
    let violations = runs.reduce(0) { $0 + $1.consentViolations }
    let refusals = runs.reduce(0) { $0 + $1.refusals }
    return (.checking(violations == 0 && consented > 0), consented, violations, refusals)
  }

  static func consentResult(_ o: Outcome) -> ClaimResult {
    let base = consentCheck(o.runs + o.imitation.dropFirst().flatMap { $0 } + o.deviants.flatMap { $0 } + o.corvee)
    let forced = consentCheck(o.forced)
    let summary =
      "Over the base, sweep and constructed-feudal runs, \(base.consented) encounters opened and in \(base.violations) of them one side did not expect to gain (initiator's expected gain and responder's value of accepting both checked > 0 when the encounter opened); \(base.refusals) encounters were declined with goodbye as the first move, and changed nothing. Control (consent switched off, deviant fraction 0.5): \(forced.violations) of \(forced.consented) opened encounters without mutual expected gain."
      + (base.consented == 0 ? " No encounter opened, so the invariant was never exercised." : "")
    return ClaimResult(
      mutualConsentClaim, map: .single(base.verdict, estimate: Double(base.violations), n: base.consented),
      control: ControlResult(mutualConsentClaim.control!, verdict: forced.verdict),
      evidence: Evidence(
        summary: summary,
        measurements: [
          .init("encounters opened", base.consented), .init("encounters without mutual expected gain", base.violations),
          .init("encounters declined", base.refusals), .init("control: encounters without mutual expected gain", forced.violations),
        ],
        tolerance: "no violation, and at least one encounter", sampleSize: base.consented))
  }

  /// Ω at the end of each seed's run.
  static func lateWellbeing(_ runs: [SocialGraphOutcome]) -> [Double] { runs.map { $0.late(\.wellbeing) } }

  /// The effect signature: the 95% interval of the paired difference of Ω wholly beyond ±margin
  /// holds, wholly within ±margin fails, otherwise inconclusive.
  static func effect(_ arm: [SocialGraphOutcome], against baseline: [SocialGraphOutcome], margin: Double) throws -> (ConfidenceInterval, Headline) {
    let differences = zip(lateWellbeing(arm), lateWellbeing(baseline)).map { $0 - $1 }
    let ci = try ConfidenceInterval.meanOrPoint(of: differences)
    let verdict: Headline
    if ci.lower > margin || ci.upper < -margin {
      verdict = .holds
    } else if ci.lower >= -margin && ci.upper <= margin {
      verdict = .fails
    } else {
      verdict = .inconclusive
    }
    return (ci, verdict)
  }

  static func effectTolerance(_ margin: Double) -> String {
    "holds: the 95% t-interval of the paired difference of Ω wholly beyond ±\(DecimalFormat.compact(margin)); fails: wholly within ±\(DecimalFormat.compact(margin)); inconclusive otherwise (fixed before the runs)"
  }

  static func imitationResult(_ o: Outcome, margin: Double) throws -> ClaimResult {
    let (ci, verdict) = try effect(o.imitation.last!, against: o.imitation[0], margin: margin)
    let (nullCI, nullVerdict) = try effect(o.imitation[0], against: o.imitation[0], margin: margin)
    let summary =
      "Ω per agent-step at imitation weight \(DecimalFormat.compact(imitationWeights.last!)) minus at weight 0, paired over \(o.imitation[0].count) seeds: \(ci.summary(digits: 3)). Control (no imitation in either arm): \(nullCI.summary(digits: 3)), \(nullVerdict.rawValue)."
    return ClaimResult(
      imitationClaim, map: .single(verdict, estimate: ci.estimate, lower: ci.lower, upper: ci.upper, n: o.imitation[0].count),
      control: ControlResult(imitationClaim.control!, verdict: nullVerdict),
      evidence: Evidence(
        summary: summary, measurements: [.init("ΔΩ (weight 1 − weight 0)", ci.estimate), .init("ΔΩ 95% interval", lower: ci.lower, upper: ci.upper)],
        tolerance: effectTolerance(margin), sampleSize: o.imitation[0].count))
  }

  static func deviantsResult(_ o: Outcome, margin: Double) throws -> ClaimResult {
    let n = deviantFractions.count
    var cells: [VerdictMap.Cell] = []
    var parts: [String] = []
    var measurements: [Evidence.Measurement] = []
    var nullVerdicts: [Headline] = []
    for (k, model) in SocialGraphSettings.OthersModel.allCases.enumerated() {
      let baseline = o.deviants[k * n], arm = o.deviants[k * n + n - 1]
      let (ci, verdict) = try effect(arm, against: baseline, margin: margin)
      nullVerdicts.append(try effect(baseline, against: baseline, margin: margin).1)
      cells.append(
        VerdictMap.Cell(
          reading: [SettingItem(othersModel.name, model.rawValue)], verdict: verdict, estimate: ci.estimate, lower: ci.lower, upper: ci.upper,
          n: baseline.count))
      parts.append("\(model.rawValue) model \(ci.summary(digits: 3))")
      measurements.append(.init("\(model.rawValue): ΔΩ (Δ = \(DecimalFormat.compact(deviantFractions.last!)) − Δ = 0)", ci.estimate))
    }
    let summary =
      "Ω per agent-step with a fraction \(DecimalFormat.compact(deviantFractions.last!)) of deviants minus without, paired over \(o.deviants[0].count) seeds: "
      + parts.joined(separator: "; ") + ". Control (no deviants in either arm): \(VerdictMap.combine(nullVerdicts).rawValue)."
    return ClaimResult(
      deviantsClaim, map: VerdictMap(design: .single, cells: cells),
      control: ControlResult(deviantsClaim.control!, verdict: VerdictMap.combine(nullVerdicts)),
      evidence: Evidence(summary: summary, measurements: measurements, tolerance: effectTolerance(margin), sampleSize: o.deviants[0].count))
  }
}
