import GameTheory
import LabKit

/// The tables, figures and verdicts of ``ExperimentOneExperiment``, from its runs and from exact
/// calculations on one-step policies (``OneStepSociety``).
struct ExperimentOneAnalysis {
  let runs: [ExperimentOneRun]
  let discount: Double

  /// The exploration rates at which the exact stationary wellbeing is tabulated.
  static let explorations = [0.25, 0.1, 0.03, 0.01, 0.001, 1e-4, 1e-6]
  /// The discounts at which the tit-for-tat Q values are tabulated (besides the learners').
  static let discounts = [0.9, 0.999, 0.9999, 0.999999]
  static let stateNames = ["TT", "TS", "ST", "SS"]

  var pointAtTableTwoTwo: [ExperimentOneRun] { runs.filter { $0.converged && $0.final == .tableTwoTwo } }

  // MARK: - Tables

  func censusTable() -> Table {
    var groups: [String: [ExperimentOneRun]] = [:]
    for run in runs { groups[Self.attractorName(run), default: []].append(run) }
    var table = Table(
      id: "np.exp1.census",
      title:
        "Where the \(runs.count) initial policy pairs end (societies numbered 16 · policy(agent 0) + policy(agent 1), in hex; Table 2.2 by both is 0x66)",
      columns: [
        "final society", "attractor", "runs", "mean steps run (millions)", "longest (millions)", "mean final-window wellbeing", "initial pairs",
      ])
    for (name, group) in groups.sorted(by: { ($0.value.count, $1.key) > ($1.value.count, $0.key) }) {
      let steps = group.map { Double($0.steps) / 1e6 }
      let wellbeing = group.map(\.windowWellbeing)
      table.append([
        .text(name), .text(group[0].converged ? "point" : (group[0].cycleClosed ? "cycle" : "unresolved")), .integer(group.count),
        .real((try? Statistics.mean(steps)) ?? .nan, digits: 2), .real(steps.max()!, digits: 2),
        .real((try? Statistics.mean(wellbeing)) ?? .nan, digits: 4),
        .text(group.count <= 8 ? group.map(\.initial.hex).joined(separator: " ") : "\(group.count) pairs"),
      ])
    }
    return table
  }

  static func attractorName(_ run: ExperimentOneRun) -> String {
    if run.converged { return run.final.hex }
    return run.cycle.map(\.hex).joined(separator: " → ") + (run.cycleClosed ? "" : " → … (no return within the search limit)")
  }

  func runTable() -> Table {
    var table = Table(
      id: "np.exp1.exceptions", title: "Runs that did not end at the point attractor 0x66",
      columns: ["initial", "final", "steps (millions)", "greedy changes (agent 0, agent 1)"])
    for run in runs where !(run.converged && run.final == .tableTwoTwo) {
      table.append([
        .text(run.initial.hex), .text(Self.attractorName(run)), .real(Double(run.steps) / 1e6, digits: 2),
        .text("\(run.greedyChanges.0), \(run.greedyChanges.1)"),
      ])
    }
    if table.rows.isEmpty { table.append([.text("none"), .text(""), .text(""), .text("")]) }
    return table
  }

  func wellbeingTable() -> Table {
    var table = Table(
      id: "np.exp1.stationary-wellbeing",
      title:
        "Exact stationary average wellbeing per agent when both agents keep their policies and explore with probability ε (deviating with probability ε / 2)",
      columns: ["ε", "0x66 (Table 2.2 by both)", "0xAA (tit-for-tat by both)", "0x00 (always trade)", "0xFF (always steal)"])
    for epsilon in Self.explorations {
      table.append([
        .text(DecimalFormat.compact(epsilon)),
        .real(OneStepSociety.tableTwoTwo.averageWellbeing(exploration: epsilon), digits: 6),
        .real(OneStepSociety.titForTat.averageWellbeing(exploration: epsilon), digits: 6),
        .real(OneStepSociety(0x00).averageWellbeing(exploration: epsilon), digits: 6),
        .real(OneStepSociety(0xFF).averageWellbeing(exploration: epsilon), digits: 6),
      ])
    }
    return table
  }

  /// Every one-step policy against Table 2.2, without exploration: the long-run averages.
  struct OpponentRow {
    let policy: OneStepPolicy
    let fromTradeTrade: (opponent: Double, tableTwoTwo: Double)
    let bestFromAnyStart: Double
    let cycle: [Int]
  }

  var opponents: [OpponentRow] { Self.opponents(against: .tableTwoTwo) }

  /// Every one-step policy against `defender`, without exploration.
  static func opponents(against defender: OneStepPolicy) -> [OpponentRow] {
    (0..<16).map { id in
      let society = OneStepSociety(OneStepPolicy(id), defender)
      let fromTT = society.longRunWellbeing(from: 0)
      let best = (0..<4).map { society.longRunWellbeing(from: $0).first }.max()!
      var seen: [Int] = []
      var state = 0
      while !seen.contains(state) {
        seen.append(state)
        state = society.next(state)
      }
      return OpponentRow(
        policy: OneStepPolicy(id), fromTradeTrade: (fromTT.first, fromTT.second), bestFromAnyStart: best,
        cycle: Array(seen[seen.firstIndex(of: state)!...]))
    }
  }

  func opponentTable() -> Table {
    var table = Table(
      id: "np.exp1.against-table-2-2",
      title: "Every one-step policy played against Table 2.2 without exploration: long-run average wellbeing (start TT, as in the code)",
      columns: ["policy", "moves after TT, TS, ST, SS", "its average", "Table 2.2's average", "its best average from any start", "cycle (its view)"])
    for row in opponents {
      table.append([
        .text(row.policy.hex), .text(row.policy.moves), .real(row.fromTradeTrade.opponent, digits: 3),
        .real(row.fromTradeTrade.tableTwoTwo, digits: 3), .real(row.bestFromAnyStart, digits: 3),
        .text(row.cycle.map { Self.stateNames[$0] }.joined(separator: " → ")),
      ])
    }
    return table
  }

  /// Q(SS, steal) and Q(SS, trade) of an agent facing tit-for-tat after mutual stealing, both playing
  /// tit-for-tat afterwards: Q(SS, a) = r(a, steal) + γ V(next), V the discounted value of mutual
  /// tit-for-tat.
  static func titForTatValues(discount: Double) -> (steal: Double, trade: Double) {
    let society = OneStepSociety.titForTat
    // Steal again: the round from SS is played as tit-for-tat plays it.
    let steal = society.discountedWellbeing(from: 3, discount: discount)
    // Trade: reward 0 (I trade, tit-for-tat steals), then mutual tit-for-tat from TS.
    let trade = SugarAndSpiceWorld.wellbeingTable[1] + discount * society.discountedWellbeing(from: 1, discount: discount)
    return (steal, trade)
  }

  func titForTatTable() -> Table {
    var table = Table(
      id: "np.exp1.tit-for-tat-values",
      title: "Against tit-for-tat after mutual stealing: the discounted value of stealing again and of trading (then both play tit-for-tat)",
      columns: ["γ", "Q(SS, steal)", "Q(SS, trade)", "ratio", "(1 + γ) / (4γ)"])
    for gamma in ([discount] + Self.discounts).sorted() {
      let (steal, trade) = Self.titForTatValues(discount: gamma)
      table.append([
        .text(DecimalFormat.compact(gamma) + (gamma == discount ? " (learners)" : "")), .real(steal, digits: 2), .real(trade, digits: 2),
        .real(steal / trade, digits: 6), .real((1 + gamma) / (4 * gamma), digits: 6),
      ])
    }
    return table
  }

  // MARK: - Figures

  func figures(trace: ExperimentOneRun, traced: OneStepSociety) -> [Figure] {
    let labels = (0..<16).map { String($0, radix: 16) }
    var outcome = [[Double]](repeating: [Double](repeating: .nan, count: 16), count: 16)
    var steps = outcome
    for run in runs {
      let value: Double = run.converged ? (run.final == .tableTwoTwo ? 1 : 0.5) : 0
      outcome[run.initial.first.id][run.initial.second.id] = value
      steps[run.initial.first.id][run.initial.second.id] = Double(run.steps) / 1e6
    }
    var map = Heatmap(
      title: "Experiment 1: final society of each initial policy pair",
      rows: labels, columns: labels, values: outcome, xLabel: "initial policy of agent 1", yLabel: "initial policy of agent 0",
      width: 640, height: 600)
    map.categories = [
      HeatmapCategory(value: 1, name: "point attractor 0x66", colour: .blue),
      HeatmapCategory(value: 0.5, name: "another point attractor", colour: .orange),
      HeatmapCategory(value: 0, name: "cycle", colour: .vermillion),
    ]
    map.colourBarLabel = "final society"
    var time = Heatmap(
      title: "Experiment 1: steps until both policies stood still for the convergence window (millions)",
      rows: labels, columns: labels, values: steps, xLabel: "initial policy of agent 1", yLabel: "initial policy of agent 0",
      cellLabelDigits: 1, width: 640, height: 600)
    time.colourBarLabel = "steps (millions)"

    let x = trace.samples.map { Double($0.step) / 1e6 }
    var exploration = Chart(
      title: "Experiment 1, pair \(traced.hex): exploration probability ε of each agent", x: Axis(label: "steps (millions)"),
      y: Axis(label: "ε"))
    exploration.line("ε (both agents decide once per step)", x: x, y: trace.samples.map(\.exploration))
    var changes = Chart(
      title: "Experiment 1, pair \(traced.hex): greedy-policy changes so far", x: Axis(label: "steps (millions)"),
      y: Axis(label: "greedy changes (cumulative)"))
    changes.line("agent 0", x: x, y: trace.samples.map { Double($0.greedyChanges.0) })
    changes.line("agent 1", x: x, y: trace.samples.map { Double($0.greedyChanges.1) }, dashed: true)
    var policies = Chart(
      title: "Experiment 1, pair \(traced.hex): greedy policy of each agent (6 = Table 2.2, 10 = tit-for-tat)",
      x: Axis(label: "steps (millions)"), y: Axis(label: "policy id", range: 0...15))
    policies.line("agent 0", x: x, y: trace.samples.map { Double($0.policies.0) })
    policies.line("agent 1", x: x, y: trace.samples.map { Double($0.policies.1) }, dashed: true)
    policies.referenceLine(y: 6, label: "Table 2.2")
    var q = Chart(
      title: "Experiment 1, pair \(traced.hex): agent 0's Q values", x: Axis(label: "steps (millions)"), y: Axis(label: "Q(state, action)"))
    for state in 0..<4 {
      for action in 0..<2 {
        q.line(
          "Q(\(Self.stateNames[state]), \(action == 0 ? "trade" : "steal"))", x: x, y: trace.samples.map { $0.q[2 * state + action] },
          dashed: action == 1)
      }
    }
    return [
      Figure(id: "np.exp1.attractor-map", title: "Experiment 1: initial policy pair to final society", drawing: map).captioned(
        "Policies are numbered 0–f in hex: bit s of the number is the move (0 trade, 1 steal) after state s, the states being TT, TS, ST, SS (my last move, yours; T trade, S steal) for bits 0 to 3; Table 2.2 is policy 6 and tit-for-tat policy a. A society is 16 × agent 0's policy + agent 1's, written 0x66 for Table 2.2 played by both."
      ),
      Figure(id: "np.exp1.convergence-time", title: "Experiment 1: steps to convergence of each initial pair", drawing: time).captioned(
        "Policies are numbered 0–f in hex: bit s of the number is the move (0 trade, 1 steal) after state s, the states being TT, TS, ST, SS (my last move, yours; T trade, S steal) for bits 0 to 3; Table 2.2 is policy 6 and tit-for-tat policy a."
      ),
      Figure(id: "np.exp1.trace-exploration", title: "Experiment 1: exploration rate of the traced pair", drawing: exploration).captioned(
        "The traced pair 0xaa starts with both agents on tit-for-tat (policy a); ε is the probability that an agent explores (moves at random) instead of playing its greedy move."
      ),
      Figure(id: "np.exp1.trace-policies", title: "Experiment 1: greedy policies of the traced pair", drawing: policies).captioned(
        "Policy ids are the numbers 0–15 (0–f in hex): bit s is the move (0 trade, 1 steal) after state s, the states being TT, TS, ST, SS (my last move, yours) for bits 0 to 3; 6 is Table 2.2 and 10 tit-for-tat. The traced pair 0xaa starts with both on tit-for-tat."
      ),
      Figure(id: "np.exp1.trace-changes", title: "Experiment 1: greedy-policy changes of the traced pair", drawing: changes).captioned(
        "A greedy-policy change is a step at which an agent's greedy move in some state flips; the traced pair 0xaa starts with both agents on tit-for-tat."
      ),
      Figure(id: "np.exp1.trace-q", title: "Experiment 1: Q values of the traced pair's agent 0", drawing: q).captioned(
        "Q(state, action) is agent 0's learned value of an action in a state; the state is the last round's moves (mine, yours), T trade and S steal. The traced pair 0xaa starts with both agents on tit-for-tat."
      ),
    ]
  }

  // MARK: - Verdicts

  /// At least the share `share` of the runs ends at the point attractor 0x66.
  static func tableTwoTwoHolds(_ runs: [ExperimentOneRun], share: Double) -> Bool {
    endingAtTableTwoTwo(runs) >= Int((share * Double(runs.count)).rounded(.up))
  }

  /// Runs that converged to the point attractor 0x66.
  static func endingAtTableTwoTwo(_ runs: [ExperimentOneRun]) -> Int { runs.filter { $0.converged && $0.final == .tableTwoTwo }.count }

  /// Runs ending with an agent on tit-for-tat (policy a).
  static func endingOnTitForTat(_ runs: [ExperimentOneRun]) -> Int {
    runs.filter { $0.final.first == .titForTat || $0.final.second == .titForTat }.count
  }

  /// The verdict of np.exp1.table-2-2; `map` judges every reading, the evidence describes the base cell.
  func tableTwoTwoVerdict(share: Double, myopic: [ExperimentOneRun], map: VerdictMap) -> ClaimResult {
    let count = pointAtTableTwoTwo.count
    let needed = Int((share * Double(runs.count)).rounded(.up))
    let others = runs.filter { !($0.converged && $0.final == .tableTwoTwo) }
    let median = (try? Statistics.median(pointAtTableTwoTwo.map { Double($0.steps) })) ?? .nan
    let myopicEnds = Set(myopic.map { Self.attractorName($0) }).sorted().joined(separator: ", ")
    let summary =
      "\(count) of \(runs.count) initial policy pairs end at the point attractor 0x66 (both agents on Table 2.2)"
      + (others.isEmpty ? "." : "; the others: " + others.map { "\($0.initial.hex) → \(Self.attractorName($0))" }.joined(separator: "; ") + ".")
      + " Median steps until both policies stood still for the window: \(DecimalFormat.fixed(median / 1e6, digits: 2)) million."
      + " Control, myopic learners (γ = 0) from the \(myopic.count) equal-policy pairs: \(myopic.filter { $0.converged && $0.final == .tableTwoTwo }.count) end at 0x66 (they end at \(myopicEnds))."
    return ClaimResult(
      ExperimentOneExperiment.tableTwoTwoClaim,
      map: map,
      control: ControlResult(ExperimentOneExperiment.tableTwoTwoClaim.control!, verdict: .checking(Self.tableTwoTwoHolds(myopic, share: share))),
      evidence: Evidence(
        summary: summary,
        measurements: [
          .init("pairs ending at 0x66", count), .init("pairs run", runs.count),
          .init("pairs ending elsewhere or in cycles", others.count),
          .init("median steps to convergence (runs ending at 0x66)", median),
        ],
        tolerance:
          "at least \(needed) of \(runs.count) pairs (a share of \(DecimalFormat.compact(share))) end at 0x66, fixed before the results were seen",
        sampleSize: runs.count))
  }

  /// The exact check of np.exp1.optimum on a society: its stationary wellbeing rises monotonically as
  /// ε falls, is within 10⁻⁴ of 3 at ε = 10⁻⁶, and greedy play returns to mutual trading from every state.
  static func optimumCheck(_ society: OneStepSociety) -> (values: [Double], monotone: Bool, returns: Bool, holds: Bool) {
    let values = explorations.map { society.averageWellbeing(exploration: $0) }
    let monotone = zip(values, values.dropFirst()).allSatisfy { $0 < $1 }
    let returns = society.attractors == [[0]]
    return (values, monotone, returns, monotone && 3 - values.last! < 1e-4 && returns)
  }

  func optimumVerdict() throws -> ClaimResult {
    let check = Self.optimumCheck(.tableTwoTwo)
    let differences = pointAtTableTwoTwo.map { run -> Double in
      let predicted =
        (OneStepSociety.tableTwoTwo.averageWellbeing(exploration: run.windowStartExploration)
          + OneStepSociety.tableTwoTwo.averageWellbeing(exploration: run.finalExploration)) / 2
      return run.windowWellbeing - predicted
    }
    let meanDifference = (try? Statistics.mean(differences)) ?? .nan
    let meanMeasured = (try? Statistics.mean(pointAtTableTwoTwo.map(\.windowWellbeing))) ?? .nan
    let meanFinal = (try? Statistics.mean(pointAtTableTwoTwo.map(\.finalExploration))) ?? .nan
    let summary =
      "Exact stationary wellbeing of 0x66: "
      + zip(Self.explorations, check.values).map { "ε = \(DecimalFormat.compact($0)): \(DecimalFormat.fixed($1, digits: 6))" }.joined(separator: ", ")
      + " — rising monotonically to 3 as ε → 0: \(check.monotone ? "yes" : "no"). Without exploration, play returns to mutual trading from every state (TS → SS → TT, ST → SS → TT): \(check.returns ? "yes" : "no")."
      + " For comparison, the \(pointAtTableTwoTwo.count) runs ending at 0x66 average \(DecimalFormat.fixed(meanMeasured, digits: 4)) over their final window (final ε \(DecimalFormat.fixed(meanFinal, digits: 4))), \(DecimalFormat.fixed(meanDifference, digits: 4)) from the chain's prediction."
    var measurements: [Evidence.Measurement] = zip(Self.explorations, check.values).map {
      .init("stationary wellbeing of 0x66 at ε = \(DecimalFormat.compact($0))", $1)
    }
    measurements += [
      .init("greedy play returns to TT from every state", check.returns),
      .init("runs at 0x66: mean final-window wellbeing", meanMeasured),
      .init("runs at 0x66: mean measured − predicted", meanDifference),
      .init("runs at 0x66: mean final ε", meanFinal),
    ]
    let claim = ExperimentOneExperiment.optimumClaim
    return ClaimResult(
      claim, map: .single(.checking(check.holds), estimate: check.values.last!, n: Self.explorations.count),
      control: ControlResult(claim.control!, verdict: .checking(Self.optimumCheck(.titForTat).holds)),
      evidence: Evidence(
        summary: summary, measurements: measurements,
        tolerance: "exact: monotone rise, within 1e-4 of 3 at ε = 1e-6, return to TT from every state",
        sampleSize: Self.explorations.count))
  }

  /// The exact check of np.exp1.unexploitable against `defender`: always stealing flips between
  /// unilateral and mutual stealing with average 2.5, no one-step policy averages more than 3 against
  /// it from any start, and it averages 3 against itself.
  static func unexploitableCheck(_ defender: OneStepPolicy) -> (stealer: OpponentRow, best: Double, holds: Bool) {
    let rows = opponents(against: defender)
    let stealer = rows[15]
    let best = rows.map(\.bestFromAnyStart).max()!
    let flips = Set(stealer.cycle) == [2, 3]  // ST (I steal, you trade) and SS, from the stealer's view
    let holds =
      stealer.fromTradeTrade.opponent == 2.5 && flips && best <= 3 && OneStepSociety(defender, defender).longRunWellbeing(from: 0).first == 3
    return (stealer, best, holds)
  }

  func unexploitableVerdict() throws -> ClaimResult {
    let check = Self.unexploitableCheck(.tableTwoTwo)
    let game = try StageGame(SugarAndSpiceWorld.game)
    let matchAverage = try RepeatedMatch(turns: 1000, game: game).play(.defector, .winStayLoseShift).meanScores[0]
    let cycleNames = check.stealer.cycle.map { Self.stateNames[$0] }
    let bestPolicies = opponents.filter { $0.bestFromAnyStart == check.best }.map(\.policy.hex)
    let summary =
      "Always stealing against Table 2.2 cycles \(cycleNames.joined(separator: " → ")) (its view: unilateral stealing, then mutual stealing) with average \(DecimalFormat.compact(check.stealer.fromTradeTrade.opponent)) (text: 2.5); GameTheory's 1000-turn match of Defector against WinStayLoseShift with Table 2.1's payoffs gives \(DecimalFormat.compact(matchAverage)). Table 2.2 against itself averages 3. Best long-run average of any of the 16 one-step policies against Table 2.2, from any start: \(DecimalFormat.compact(check.best)) (policies \(bestPolicies.joined(separator: ", ")))."
    let claim = ExperimentOneExperiment.unexploitableClaim
    return ClaimResult(
      claim, map: .single(.checking(check.holds && matchAverage == 2.5), estimate: check.stealer.fromTradeTrade.opponent, n: 16),
      control: ControlResult(claim.control!, verdict: .checking(Self.unexploitableCheck(.alwaysTrade).holds)),
      evidence: Evidence(
        summary: summary,
        measurements: [
          .init("always steal vs Table 2.2: average", check.stealer.fromTradeTrade.opponent),
          .init("always steal vs Table 2.2: cycle", cycleNames.joined(separator: " → ")),
          .init("Defector vs WinStayLoseShift (GameTheory, 1000 turns): average", matchAverage),
          .init("best average of any one-step policy vs Table 2.2", check.best),
        ],
        tolerance: "exact", sampleSize: 16))
  }

  /// No run ends with an agent on tit-for-tat, and mutual tit-for-tat has exactly the attractors TT,
  /// TS ↔ ST and SS.
  static func notTitForTatHolds(_ runs: [ExperimentOneRun]) -> Bool {
    !runs.contains { $0.final.first == .titForTat || $0.final.second == .titForTat } && OneStepSociety.titForTat.attractors == [[0], [1, 2], [3]]
  }

  /// The verdict of np.exp1.not-tit-for-tat; `map` judges every reading, the evidence describes the base cell.
  func notTitForTatVerdict(frozen: [ExperimentOneRun], map: VerdictMap) -> ClaimResult {
    let onTitForTat = runs.filter { $0.final.first == .titForTat || $0.final.second == .titForTat }
    let attractors = OneStepSociety.titForTat.attractors
    let tftRun = runs.first { $0.initial == .titForTat }
    let frozenOn = frozen.filter { $0.final.first == .titForTat || $0.final.second == .titForTat }.count
    let summary =
      "Runs ending with an agent on tit-for-tat (policy a): \(onTitForTat.count) of \(runs.count)"
      + (tftRun.map { "; the pair started on mutual tit-for-tat (0xAA) ends at \(Self.attractorName($0))" } ?? "")
      + ". Attractors of mutual tit-for-tat without exploration: "
      + attractors.map { $0.map { Self.stateNames[$0] }.joined(separator: " ↔ ") }.joined(separator: ", ")
      + " (text: mutual trading, mutual stealing, alternating unilateral stealing). Control, learners that do not learn: \(frozenOn) of \(frozen.count) runs end with an agent on tit-for-tat."
    let claim = ExperimentOneExperiment.notTitForTatClaim
    return ClaimResult(
      claim, map: map,
      control: ControlResult(claim.control!, verdict: .checking(Self.notTitForTatHolds(frozen))),
      evidence: Evidence(
        summary: summary,
        measurements: [
          .init("runs ending with tit-for-tat", onTitForTat.count),
          .init("attractors of 0xAA", attractors.map { $0.map { Self.stateNames[$0] }.joined(separator: "↔") }.joined(separator: ", ")),
        ],
        tolerance: "no run ends with tit-for-tat, and exactly the three attractors TT, TS ↔ ST, SS",
        sampleSize: runs.count))
  }

  /// The algebra of np.exp1.tft-unstable at discount `discount`: Q(SS, steal) / Q(SS, trade) within 0.01
  /// of 1/2, within 10⁻⁶ of 1/2 as γ → 1, and long-run rewards 1 (mutual stealing) and 2 (alternation).
  func titForTatAlgebra() -> (steal: Double, trade: Double, ratio: Double, limitRatio: Double, holds: Bool) {
    let (steal, trade) = Self.titForTatValues(discount: discount)
    let (stealLimit, tradeLimit) = Self.titForTatValues(discount: 1 - 1e-9)
    let mutualStealing = OneStepSociety.titForTat.longRunWellbeing(from: 3).first
    let alternating = OneStepSociety.titForTat.longRunWellbeing(from: 1).first
    let holds = abs(steal / trade - 0.5) <= 0.01 && abs(stealLimit / tradeLimit - 0.5) < 1e-6 && mutualStealing == 1 && alternating == 2
    return (steal, trade, steal / trade, stealLimit / tradeLimit, holds)
  }

  /// The learning evidence: every run from mutual tit-for-tat leaves it within the cap, and in more
  /// than half the first change is the one the text's argument predicts (after SS, trade instead of steal).
  static func departuresHold(_ departures: [PolicyDeparture?]) -> Bool {
    let left = departures.compactMap { $0 }
    return left.count == departures.count && 2 * left.filter(\.isSSToTrade).count > departures.count
  }

  /// The verdict of np.exp1.tft-unstable; `map` judges every reading, the evidence describes the base cell.
  func titForTatUnstableVerdict(_ departures: [PolicyDeparture?], frozen: [PolicyDeparture?], map: VerdictMap) -> ClaimResult {
    let algebra = titForTatAlgebra()
    let left = departures.compactMap { $0 }
    let predicted = left.filter(\.isSSToTrade).count
    let medianStep = (try? Statistics.median(left.map { Double($0.step) })) ?? .nan
    let summary =
      "With the learners' γ = \(DecimalFormat.compact(discount)): Q(SS, steal) = \(DecimalFormat.fixed(algebra.steal, digits: 2)), Q(SS, trade) = \(DecimalFormat.fixed(algebra.trade, digits: 2)), ratio \(DecimalFormat.fixed(algebra.ratio, digits: 4)) = (1 + γ) / (4γ), which tends to 1/2 as γ → 1 (\(DecimalFormat.fixed(algebra.limitRatio, digits: 6)) at γ = 1 − 10⁻⁹). Learning: of \(departures.count) pairs started on mutual tit-for-tat, \(left.count) leave it (median \(DecimalFormat.compact(medianStep)) steps); the first change is after SS, to trade, in \(predicted) ("
      + Dictionary(grouping: left) { "\(Self.stateNames[$0.state]) → \($0.newMove == 0 ? "trade" : "steal")" }.sorted { $0.key < $1.key }.map {
        "\($0.key): \($0.value.count)"
      }.joined(separator: ", ") + "). Control, learners that do not learn: \(frozen.compactMap { $0 }.count) of \(frozen.count) leave."
    let claim = ExperimentOneExperiment.titForTatUnstableClaim
    return ClaimResult(
      claim, map: map,
      control: ControlResult(claim.control!, verdict: .checking(algebra.holds && Self.departuresHold(frozen))),
      evidence: Evidence(
        summary: summary,
        measurements: [
          .init("Q(SS, steal) at the learners' γ", algebra.steal), .init("Q(SS, trade) at the learners' γ", algebra.trade),
          .init("ratio at the learners' γ", algebra.ratio), .init("ratio at γ = 1 − 1e-9", algebra.limitRatio),
          .init("runs leaving mutual tit-for-tat", "\(left.count)/\(departures.count)"),
          .init("first change after SS, to trade", "\(predicted)/\(departures.count)"),
        ],
        tolerance:
          "|ratio − 1/2| ≤ 0.01 at the learners' γ, within 1e-6 of 1/2 as γ → 1, long-run rewards exactly 1 and 2; and every run from mutual tit-for-tat leaves it, in more than half by first trading after SS (fixed before the runs)",
        sampleSize: departures.count))
  }

  /// GameTheory's strategy, read as a one-step policy, is Table 2.2 and opens with C.
  static func isTableTwoTwo(_ strategy: FiniteMemoryStrategy) -> Bool {
    OneStepPolicy(strategy) == .tableTwoTwo && strategy.cooperationProbabilities[strategy.initialState] == 1
  }

  func winStayLoseShiftVerdict() -> ClaimResult {
    let wsls = OneStepPolicy(FiniteMemoryStrategy.winStayLoseShift)
    let tft = OneStepPolicy(FiniteMemoryStrategy.titForTat)
    let summary =
      "GameTheory's WinStayLoseShift as a one-step policy: \(wsls.map(\.description) ?? "not a one-step policy") (Table 2.2: \(OneStepPolicy.tableTwoTwo)); it opens with C, as the code's agents open with trade. GameTheory's TitForTat: \(tft.map(\.description) ?? "not a one-step policy") (the text's tit-for-tat: \(OneStepPolicy.titForTat))."
    let claim = ExperimentOneExperiment.winStayLoseShiftClaim
    return ClaimResult(
      claim, map: .single(.checking(Self.isTableTwoTwo(.winStayLoseShift) && tft == .titForTat), n: 4),
      control: ControlResult(claim.control!, verdict: .checking(Self.isTableTwoTwo(.titForTat))),
      evidence: Evidence(
        summary: summary,
        measurements: [
          .init("WinStayLoseShift as a policy id", wsls.map { Double($0.id) } ?? .nan),
          .init("TitForTat as a policy id", tft.map { Double($0.id) } ?? .nan),
        ],
        tolerance: "exact", sampleSize: 4))
  }

  func departureTable(_ departures: [PolicyDeparture?]) -> Table {
    var table = Table(
      id: "np.exp1.tit-for-tat-departures",
      title: "Pairs started on mutual tit-for-tat (0xAA): the first greedy change (the learning evidence of np.exp1.tft-unstable)",
      columns: ["run", "steps", "agent", "state", "new move", "Q(state, steal)", "Q(state, trade)"])
    for (k, departure) in departures.enumerated() {
      guard let d = departure else {
        table.append([.integer(k), .text("none within the cap"), .text(""), .text(""), .text(""), .text(""), .text("")])
        continue
      }
      table.append([
        .integer(k), .integer(d.step), .integer(d.agent), .text(Self.stateNames[d.state]), .text(d.newMove == 0 ? "trade" : "steal"),
        .real(d.qSteal, digits: 2), .real(d.qTrade, digits: 2),
      ])
    }
    return table
  }
}
