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
      id: "np.exp1.census", title: "Where the \(runs.count) initial policy pairs end (societies numbered 16 · policy(agent 0) + policy(agent 1), in hex; Table 2.2 by both is 0x66)",
      columns: ["final society", "attractor", "runs", "mean steps run (millions)", "longest (millions)", "mean final-window wellbeing", "initial pairs"])
    for (name, group) in groups.sorted(by: { ($0.value.count, $1.key) > ($1.value.count, $0.key) }) {
      let steps = group.map { Double($0.steps) / 1e6 }
      let wellbeing = group.map(\.windowWellbeing)
      table.append([
        .text(name), .text(group[0].converged ? "point" : (group[0].cycleClosed ? "cycle" : "unresolved")), .integer(group.count),
        .real(steps.reduce(0, +) / Double(steps.count), digits: 2), .real(steps.max()!, digits: 2),
        .real(wellbeing.reduce(0, +) / Double(wellbeing.count), digits: 4),
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
      table.append([.text(run.initial.hex), .text(Self.attractorName(run)), .real(Double(run.steps) / 1e6, digits: 2),
                    .text("\(run.greedyChanges.0), \(run.greedyChanges.1)")])
    }
    if table.rows.isEmpty { table.append([.text("none"), .text(""), .text(""), .text("")]) }
    return table
  }

  func wellbeingTable() -> Table {
    var table = Table(
      id: "np.exp1.stationary-wellbeing",
      title: "Exact stationary average wellbeing per agent when both agents keep their policies and explore with probability ε (deviating with probability ε / 2)",
      columns: ["ε", "0x66 (Table 2.2 by both)", "0xAA (tit-for-tat by both)", "0x00 (always trade)", "0xFF (always steal)"])
    for epsilon in Self.explorations {
      table.append([.text(DecimalFormat.compact(epsilon)),
                    .real(OneStepSociety.tableTwoTwo.averageWellbeing(exploration: epsilon), digits: 6),
                    .real(OneStepSociety.titForTat.averageWellbeing(exploration: epsilon), digits: 6),
                    .real(OneStepSociety(0x00).averageWellbeing(exploration: epsilon), digits: 6),
                    .real(OneStepSociety(0xFF).averageWellbeing(exploration: epsilon), digits: 6)])
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

  var opponents: [OpponentRow] {
    (0..<16).map { id in
      let society = OneStepSociety(OneStepPolicy(id), .tableTwoTwo)
      let fromTT = society.longRunWellbeing(from: 0)
      let best = (0..<4).map { society.longRunWellbeing(from: $0).first }.max()!
      var seen: [Int] = []
      var state = 0
      while !seen.contains(state) {
        seen.append(state)
        state = society.next(state)
      }
      return OpponentRow(policy: OneStepPolicy(id), fromTradeTrade: (fromTT.first, fromTT.second), bestFromAnyStart: best,
                         cycle: Array(seen[seen.firstIndex(of: state)!...]))
    }
  }

  func opponentTable() -> Table {
    var table = Table(
      id: "np.exp1.against-table-2-2",
      title: "Every one-step policy played against Table 2.2 without exploration: long-run average wellbeing (start TT, as in the code)",
      columns: ["policy", "moves after TT, TS, ST, SS", "its average", "Table 2.2's average", "its best average from any start", "cycle (its view)"])
    for row in opponents {
      table.append([.text(row.policy.hex), .text(row.policy.moves), .real(row.fromTradeTrade.opponent, digits: 3),
                    .real(row.fromTradeTrade.tableTwoTwo, digits: 3), .real(row.bestFromAnyStart, digits: 3),
                    .text(row.cycle.map { Self.stateNames[$0] }.joined(separator: " → "))])
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
      table.append([.text(DecimalFormat.compact(gamma) + (gamma == discount ? " (learners)" : "")), .real(steal, digits: 2), .real(trade, digits: 2),
                    .real(steal / trade, digits: 6), .real((1 + gamma) / (4 * gamma), digits: 6)])
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
    var map = Heatmap(title: "Experiment 1: final society of each initial policy pair (1 = point attractor 0x66, 0.5 = another point attractor, 0 = cycle)",
                      rows: labels, columns: labels, values: outcome, xLabel: "initial policy of agent 1", yLabel: "initial policy of agent 0",
                      width: 640, height: 600)
    map.valueRange = 0...1
    map.colourBarLabel = "final society"
    var time = Heatmap(title: "Experiment 1: steps until both policies stood still for the convergence window (millions)",
                       rows: labels, columns: labels, values: steps, xLabel: "initial policy of agent 1", yLabel: "initial policy of agent 0",
                       cellLabelDigits: 1, width: 640, height: 600)
    time.colourBarLabel = "steps (millions)"

    let x = trace.samples.map { Double($0.step) / 1e6 }
    var exploration = Chart(title: "Experiment 1, pair \(traced.hex): exploration probability ε of each agent", x: Axis(label: "steps (millions)"),
                            y: Axis(label: "ε"))
    exploration.line("ε (both agents decide once per step)", x: x, y: trace.samples.map(\.exploration))
    var changes = Chart(title: "Experiment 1, pair \(traced.hex): greedy-policy changes so far", x: Axis(label: "steps (millions)"),
                        y: Axis(label: "greedy changes (cumulative)"))
    changes.line("agent 0", x: x, y: trace.samples.map { Double($0.greedyChanges.0) })
    changes.line("agent 1", x: x, y: trace.samples.map { Double($0.greedyChanges.1) }, dashed: true)
    var policies = Chart(title: "Experiment 1, pair \(traced.hex): greedy policy of each agent (6 = Table 2.2, 10 = tit-for-tat)",
                         x: Axis(label: "steps (millions)"), y: Axis(label: "policy id", range: 0...15))
    policies.line("agent 0", x: x, y: trace.samples.map { Double($0.policies.0) })
    policies.line("agent 1", x: x, y: trace.samples.map { Double($0.policies.1) }, dashed: true)
    policies.referenceLine(y: 6, label: "Table 2.2")
    var q = Chart(title: "Experiment 1, pair \(traced.hex): agent 0's Q values", x: Axis(label: "steps (millions)"), y: Axis(label: "Q(state, action)"))
    for state in 0..<4 {
      for action in 0..<2 {
        q.line("Q(\(Self.stateNames[state]), \(action == 0 ? "trade" : "steal"))", x: x, y: trace.samples.map { $0.q[2 * state + action] },
               dashed: action == 1)
      }
    }
    return [
      Figure(id: "np.exp1.attractor-map", title: "Experiment 1: initial policy pair to final society", svg: map.svg()),
      Figure(id: "np.exp1.convergence-time", title: "Experiment 1: steps to convergence of each initial pair", svg: time.svg()),
      Figure(id: "np.exp1.trace-exploration", title: "Experiment 1: exploration rate of the traced pair", svg: exploration.svg()),
      Figure(id: "np.exp1.trace-policies", title: "Experiment 1: greedy policies of the traced pair", svg: policies.svg()),
      Figure(id: "np.exp1.trace-changes", title: "Experiment 1: greedy-policy changes of the traced pair", svg: changes.svg()),
      Figure(id: "np.exp1.trace-q", title: "Experiment 1: Q values of the traced pair's agent 0", svg: q.svg()),
    ]
  }

  // MARK: - Verdicts

  func tableTwoTwoVerdict(share: Double) -> ClaimResult {
    let count = pointAtTableTwoTwo.count
    let needed = Int((share * Double(runs.count)).rounded(.up))
    let others = runs.filter { !($0.converged && $0.final == .tableTwoTwo) }
    let steps = pointAtTableTwoTwo.map { Double($0.steps) }.sorted()
    let median = steps.isEmpty ? Double.nan : steps[steps.count / 2]
    let summary = "\(count) of \(runs.count) initial policy pairs end at the point attractor 0x66 (both agents on Table 2.2)"
      + (others.isEmpty ? "." : "; the others: " + others.map { "\($0.initial.hex) → \(Self.attractorName($0))" }.joined(separator: "; ") + ".")
      + " Median steps until both policies stood still for the window: \(DecimalFormat.fixed(median / 1e6, digits: 2)) million."
    return ClaimResult(
      Self.claimTableTwoTwo, .checking(count >= needed),
      Evidence(summary: summary,
               measurements: [.init("pairs ending at 0x66", count), .init("pairs run", runs.count),
                              .init("pairs ending elsewhere or in cycles", others.count),
                              .init("median steps to convergence (runs ending at 0x66)", median)],
               tolerance: "at least \(needed) of \(runs.count) pairs (a share of \(DecimalFormat.compact(share))) end at 0x66, fixed before the results were seen",
               sampleSize: runs.count))
  }

  static var claimTableTwoTwo: Claim { ExperimentOneExperiment.tableTwoTwoClaim }

  func optimumVerdict() throws -> ClaimResult {
    let values = Self.explorations.map { OneStepSociety.tableTwoTwo.averageWellbeing(exploration: $0) }
    let monotone = zip(values, values.dropFirst()).allSatisfy { $0 < $1 }
    let limit = values.last!
    let returns = OneStepSociety.tableTwoTwo.attractors == [[0]]
    let differences = pointAtTableTwoTwo.map { run -> Double in
      let predicted = (OneStepSociety.tableTwoTwo.averageWellbeing(exploration: run.windowStartExploration)
        + OneStepSociety.tableTwoTwo.averageWellbeing(exploration: run.finalExploration)) / 2
      return run.windowWellbeing - predicted
    }
    let meanDifference = differences.isEmpty ? Double.nan : differences.reduce(0, +) / Double(differences.count)
    let measured = pointAtTableTwoTwo.map(\.windowWellbeing)
    let meanMeasured = measured.isEmpty ? Double.nan : measured.reduce(0, +) / Double(measured.count)
    let finalExploration = pointAtTableTwoTwo.map(\.finalExploration)
    let meanFinal = finalExploration.isEmpty ? Double.nan : finalExploration.reduce(0, +) / Double(finalExploration.count)
    let holds = monotone && 3 - limit < 1e-4 && returns && abs(meanDifference) <= 0.01
    let summary = "Exact stationary wellbeing of 0x66: " + zip(Self.explorations, values).map { "ε = \(DecimalFormat.compact($0)): \(DecimalFormat.fixed($1, digits: 6))" }.joined(separator: ", ")
      + " — rising monotonically to 3 as ε → 0: \(monotone ? "yes" : "no"). Without exploration, play returns to mutual trading from every state (TS → SS → TT, ST → SS → TT): \(returns ? "yes" : "no")."
      + " The \(pointAtTableTwoTwo.count) runs ending at 0x66 average \(DecimalFormat.fixed(meanMeasured, digits: 4)) over their final window (final ε \(DecimalFormat.fixed(meanFinal, digits: 4))), \(DecimalFormat.fixed(meanDifference, digits: 4)) from the chain's prediction."
    var measurements: [Evidence.Measurement] = zip(Self.explorations, values).map { .init("stationary wellbeing of 0x66 at ε = \(DecimalFormat.compact($0))", $1) }
    measurements += [.init("greedy play returns to TT from every state", returns),
                     .init("runs at 0x66: mean final-window wellbeing", meanMeasured),
                     .init("runs at 0x66: mean measured − predicted", meanDifference),
                     .init("runs at 0x66: mean final ε", meanFinal)]
    return ClaimResult(ExperimentOneExperiment.optimumClaim, .checking(holds),
                       Evidence(summary: summary, measurements: measurements,
                                tolerance: "monotone rise, within 1e-4 of 3 at ε = 1e-6, return to TT from every state, and |measured − predicted| ≤ 0.01 on average",
                                sampleSize: pointAtTableTwoTwo.count))
  }

  func unexploitableVerdict() throws -> ClaimResult {
    let rows = opponents
    let stealer = rows[15]
    let game = try StageGame(SugarAndSpiceWorld.game)
    let match = try RepeatedMatch(turns: 1000, game: game).play(.defector, .winStayLoseShift)
    let matchAverage = match.meanScores[0]
    let cycleNames = stealer.cycle.map { Self.stateNames[$0] }
    let flips = Set(stealer.cycle) == [2, 3]  // ST (I steal, you trade) and SS, from the stealer's view
    let best = rows.map(\.bestFromAnyStart).max()!
    let bestPolicies = rows.filter { $0.bestFromAnyStart == best }.map(\.policy.hex)
    let holds = stealer.fromTradeTrade.opponent == 2.5 && matchAverage == 2.5 && flips && best <= 3
      && OneStepSociety.tableTwoTwo.longRunWellbeing(from: 0).first == 3
    let summary = "Always stealing against Table 2.2 cycles \(cycleNames.joined(separator: " → ")) (its view: unilateral stealing, then mutual stealing) with average \(DecimalFormat.compact(stealer.fromTradeTrade.opponent)) (text: 2.5); GameTheory's 1000-turn match of Defector against WinStayLoseShift with Table 2.1's payoffs gives \(DecimalFormat.compact(matchAverage)). Table 2.2 against itself averages 3. Best long-run average of any of the 16 one-step policies against Table 2.2, from any start: \(DecimalFormat.compact(best)) (policies \(bestPolicies.joined(separator: ", ")))."
    return ClaimResult(ExperimentOneExperiment.unexploitableClaim, .checking(holds),
                       Evidence(summary: summary,
                                measurements: [.init("always steal vs Table 2.2: average", stealer.fromTradeTrade.opponent),
                                               .init("always steal vs Table 2.2: cycle", cycleNames.joined(separator: " → ")),
                                               .init("Defector vs WinStayLoseShift (GameTheory, 1000 turns): average", matchAverage),
                                               .init("best average of any one-step policy vs Table 2.2", best)],
                                tolerance: "exact", sampleSize: 16))
  }

  func notTitForTatVerdict() -> ClaimResult {
    let onTitForTat = runs.filter { $0.final.first == .titForTat || $0.final.second == .titForTat }
    let attractors = OneStepSociety.titForTat.attractors
    let expected = [[0], [1, 2], [3]]
    let holds = onTitForTat.isEmpty && attractors == expected
    let tftRun = runs.first { $0.initial == .titForTat }
    let summary = "Runs ending with an agent on tit-for-tat (policy a): \(onTitForTat.count) of \(runs.count)"
      + (tftRun.map { "; the pair started on mutual tit-for-tat (0xAA) ends at \(Self.attractorName($0))" } ?? "")
      + ". Attractors of mutual tit-for-tat without exploration: " + attractors.map { $0.map { Self.stateNames[$0] }.joined(separator: " ↔ ") }.joined(separator: ", ")
      + " (text: mutual trading, mutual stealing, alternating unilateral stealing)."
    return ClaimResult(ExperimentOneExperiment.notTitForTatClaim, .checking(holds),
                       Evidence(summary: summary,
                                measurements: [.init("runs ending with tit-for-tat", onTitForTat.count),
                                               .init("attractors of 0xAA", attractors.map { $0.map { Self.stateNames[$0] }.joined(separator: "↔") }.joined(separator: ", "))],
                                tolerance: "no run ends with tit-for-tat, and exactly the three attractors TT, TS ↔ ST, SS",
                                sampleSize: runs.count))
  }

  func titForTatUnstableVerdict() -> ClaimResult {
    let (steal, trade) = Self.titForTatValues(discount: discount)
    let ratio = steal / trade
    let nearOne = 1 - 1e-9
    let (stealLimit, tradeLimit) = Self.titForTatValues(discount: nearOne)
    let limitRatio = stealLimit / tradeLimit
    let mutualStealing = OneStepSociety.titForTat.longRunWellbeing(from: 3).first
    let alternating = OneStepSociety.titForTat.longRunWellbeing(from: 1).first
    let holds = abs(ratio - 0.5) <= 0.01 && abs(limitRatio - 0.5) < 1e-6 && mutualStealing == 1 && alternating == 2
    let tftRun = runs.first { $0.initial == .titForTat }
    let summary = "With the learners' γ = \(DecimalFormat.compact(discount)): Q(SS, steal) = \(DecimalFormat.fixed(steal, digits: 2)), Q(SS, trade) = \(DecimalFormat.fixed(trade, digits: 2)), ratio \(DecimalFormat.fixed(ratio, digits: 4)) = (1 + γ) / (4γ), which tends to 1/2 as γ → 1 (\(DecimalFormat.fixed(limitRatio, digits: 6)) at γ = 1 − 10⁻⁹). Long-run rewards: mutual stealing \(DecimalFormat.compact(mutualStealing)), alternating unilateral stealing \(DecimalFormat.compact(alternating)) (text: 1 against (4 + 0) / 2 = 2)."
      + (tftRun.map { " The learners started on mutual tit-for-tat leave it: they end at \(Self.attractorName($0))." } ?? "")
    return ClaimResult(ExperimentOneExperiment.titForTatUnstableClaim, .checking(holds),
                       Evidence(summary: summary,
                                measurements: [.init("Q(SS, steal) at the learners' γ", steal), .init("Q(SS, trade) at the learners' γ", trade),
                                               .init("ratio at the learners' γ", ratio), .init("ratio at γ = 1 − 1e-9", limitRatio),
                                               .init("long-run reward, mutual stealing", mutualStealing),
                                               .init("long-run reward, alternating unilateral stealing", alternating)],
                                tolerance: "|ratio − 1/2| ≤ 0.01 at the learners' γ, within 1e-6 of 1/2 at γ = 1 − 1e-9, long-run rewards exactly 1 and 2",
                                sampleSize: nil))
  }

  func winStayLoseShiftVerdict() -> ClaimResult {
    let wsls = OneStepPolicy(FiniteMemoryStrategy.winStayLoseShift)
    let tft = OneStepPolicy(FiniteMemoryStrategy.titForTat)
    let opensWithTrade = FiniteMemoryStrategy.winStayLoseShift.cooperationProbabilities[FiniteMemoryStrategy.winStayLoseShift.initialState] == 1
    let holds = wsls == .tableTwoTwo && tft == .titForTat && opensWithTrade
    let summary = "GameTheory's WinStayLoseShift as a one-step policy: \(wsls.map(\.description) ?? "not a one-step policy") (Table 2.2: \(OneStepPolicy.tableTwoTwo)); it opens with C, as the code's agents open with trade: \(opensWithTrade ? "yes" : "no"). GameTheory's TitForTat: \(tft.map(\.description) ?? "not a one-step policy") (the text's tit-for-tat: \(OneStepPolicy.titForTat))."
    return ClaimResult(ExperimentOneExperiment.winStayLoseShiftClaim, .checking(holds),
                       Evidence(summary: summary,
                                measurements: [.init("WinStayLoseShift as a policy id", wsls.map { Double($0.id) } ?? .nan),
                                               .init("TitForTat as a policy id", tft.map { Double($0.id) } ?? .nan)],
                                tolerance: "exact", sampleSize: 4))
  }
}
