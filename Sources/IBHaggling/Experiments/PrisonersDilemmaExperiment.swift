import GameTheory
import LabKit

/// §Prisoner's dilemma: how demands fall, and where three kinds of agent pairs end (the red, green and
/// violet lines of the lost figure), with the downward-closure remark.
///
/// Set-up. (R, S, T, P) = (2, 0, 3, 1) (see ``HagglingGames/prisonersDilemma(reward:sucker:temptation:punishment:)``
/// for why). Each agent holds ⊤, the password hypotheses with at most N states and, because the text's
/// story starts from "exploitation … is a very simple hypothesis", the autonomous opponents with at
/// most N states ("the other cooperates whatever I do" is one, with a single state; it is a sharp
/// infra-RDP within the bound, but no password hypothesis). Player 1 is the text's agent 1.
///
/// - red: both agents hold the whole space;
/// - green: agent 1 keeps each hypothesis worth at least `ambitionLevel` (R = 2) with probability
///   `greenKeep` = 1/2: "slightly less of these ambitious hypotheses", where "these" are the password
///   hypotheses "that let them play (C, C) most of the time" of the sentence before. (The first
///   standard-scale run thinned only the hypotheses worth *more* than R; agent 1 then kept all its
///   (C, C) hypotheses and every run ended at (C, C). That reading is still run and reported, as
///   "green, > R", but the verdict uses the reading of the text above.)
/// - violet: agent 1 keeps each hypothesis worth more than `violetLevel` (P = 1) with probability
///   `violetKeep` = 0.05 ("a vastly different prior … much less ambitious hypotheses"). A hypothesis
///   of prior weight 0 is the same as one left out, since step 3 samples from the prior.
///
/// Standards, fixed before the runs (Wilson 95% intervals; "inconclusive" when the interval contains
/// the threshold):
/// - pd-opening: in every red run both agents' first demands are T = 3 and their demands never rise and
///   end below 3; and the fraction of red runs whose first round is (D, D) is above 1/2.
/// - pd-similar: the fraction of red runs whose stable cycle is (C, C) alone is above 1/2.
/// - pd-slightly-fewer: the fraction of green runs whose stable cycle mixes (C, C) and (C, D) (both
///   present, nothing else) is above 1/2.
/// - pd-different: the fraction of violet runs ending at (1, 1) or (1, 2.5) is above 1/2, and so is the
///   share of (1, 1) among them.
/// - downward closure: in every run, each agent's final demand is at most its average payoff in the
///   stable cycle (exactly), so the final demands lie in the downward closure of the realizable payoffs.
public struct PrisonersDilemmaExperiment: Experiment {
  public init() {}

  public let id = "ibh.prisoners-dilemma"
  public let title = "Prisoner's dilemma: falling demands, and where similar and different agents end"
  public let sections = ["§Prisoner's dilemma"]

  public static let openingClaim = Claim(
    id: "ibh.pd-opening", source: "§Prisoner's dilemma", kind: .claim,
    statement: "Exploitation is a very simple hypothesis, so both agents start by defecting; their hypotheses are falsified and they lower their demands.")
  public static let similarClaim = Claim(
    id: "ibh.pd-similar", source: "§Prisoner's dilemma (red line)", kind: .claim,
    statement: "If the agents are similar enough, they eventually play (C, C) together.")
  public static let slightlyFewerClaim = Claim(
    id: "ibh.pd-slightly-fewer", source: "§Prisoner's dilemma (green line)", kind: .claim,
    statement: "If agent 1 has slightly fewer ambitious hypotheses than agent 2, they probably converge to playing (C, C) some of the time and (C, D) otherwise.")
  public static let differentClaim = Claim(
    id: "ibh.pd-different", source: "§Prisoner's dilemma (violet line)", kind: .claim,
    statement: "If agent 1's prior is vastly different, with much less ambitious hypotheses, the agents end at (1, 1) or (1, 2.5), and (1, 1) is more probable because ⊤ cannot be falsified and is simple.")
  public static let downwardClosureClaim = Claim(
    id: "ibh.downward-closure", source: "§Prisoner's dilemma, Remark", kind: .claim,
    statement: "The agents have a chance of not falsifying their current hypotheses only if their demands are in the downward closure of the realizable payoffs.")

  public var claims: [Claim] { [Self.openingClaim, Self.similarClaim, Self.slightlyFewerClaim, Self.differentClaim, Self.downwardClosureClaim] }

  public var parameters: [Parameter] {
    [
      Parameter("reward", "R: both cooperate (inferred from the text, see the document).", domain: .real(-100...100), default: .real(2)),
      Parameter("sucker", "S: cooperate against a defector.", domain: .real(-100...100), default: .real(0)),
      Parameter("temptation", "T: defect against a cooperator.", domain: .real(-100...100), default: .real(3)),
      Parameter("punishment", "P: both defect.", domain: .real(-100...100), default: .real(1)),
      Parameter("maximumStates", "N: the bound on hypothesis states (20,569 password hypotheses at 7).", domain: .integer(2...9),
                smoke: .integer(5), standard: .integer(7), paper: .integer(8)),
      Parameter("opponentCycles", "Include the autonomous opponents (\"the other always cooperates\", …) with at most N states.", domain: .boolean, default: .boolean(true)),
      Parameter("runs", "Runs per scenario.", domain: .integer(2...100_000), smoke: .integer(20), standard: .integer(200), paper: .integer(1000)),
      Parameter("ambitionLevel", "Green: hypotheses worth at least this are ambitious (R: those leading to (C, C) most of the time).", domain: .real(-100...100), default: .real(2)),
      Parameter("greenKeep", "Green: agent 1 keeps each ambitious hypothesis with this probability.", domain: .unitInterval(), default: .real(0.5)),
      Parameter("violetLevel", "Violet: hypotheses worth more than this count as ambitious (P).", domain: .real(-100...100), default: .real(1)),
      Parameter("violetKeep", "Violet: agent 1 keeps each of them with this probability.", domain: .unitInterval(), default: .real(0.05)),
      HagglingParameters.ranking(), HagglingParameters.discount, HagglingParameters.prior, HagglingParameters.maximumSteps, HagglingParameters.rankAt,
    ]
  }

  /// The scenarios: name, colour. The last one is reported but judges no claim.
  static let scenarios: [(name: String, colour: Colour)] = [("red", .vermillion), ("green", .bluishGreen), ("violet", .reddishPurple), ("green, > R", .orange)]

  public func simulate(in context: RunContext) throws -> ExperimentResult {
    let p = context.parameters
    let game = HagglingGames.prisonersDilemma(reward: p.real("reward"), sucker: p.real("sucker"), temptation: p.real("temptation"), punishment: p.real("punishment"))
    let ranking = HagglingParameters.ranking(p)
    let prior = HagglingParameters.prior(p)
    let runs = p.integer("runs")
    let options = HagglingParameters.options(p)
    let n = p.integer("maximumStates")
    let setup = try HagglingSetup(game: game, options: .init(maximumStates: n, opponentCycles: p.boolean("opponentCycles")), ranking: ranking,
                                  policyDiscount: p.real("discount"), jobs: context.jobs)
    let full = setup.hagglers(prior: prior)
    // Agent 1's thinning: (level, strict, keep): hypotheses worth more than (strict) or at least the level are kept with probability keep.
    let thinning: [(level: Double, strict: Bool, keep: Double)?] = [
      nil, (p.real("ambitionLevel"), false, p.real("greenKeep")), (p.real("violetLevel"), true, p.real("violetKeep")), (p.real("ambitionLevel"), true, p.real("greenKeep")),
    ]
    var results: [[HagglingRun]] = []
    for (index, scenario) in Self.scenarios.enumerated() {
      let thin = thinning[index]
      let batch = try HagglingBatch.run(context, stream: scenario.name, runs: runs, game: game, options: options) { _, random in
        guard let thin else { return full.map { .haggler($0) } }
        let valuation = setup.valuations[0]
        let keep = (0..<valuation.space.count).map { h in
          let value = valuation.rankingValue(h)
          let ambitious = thin.strict ? value > thin.level + 1e-12 : value >= thin.level - 1e-12
          return !ambitious || random.uniform() < thin.keep
        }
        let first = HagglerSpec(valuation: valuation, view: setup.views[0], prior: prior) { keep[$0] }
        return [.haggler(first), .haggler(full[1])]
      }
      results.append(batch)
    }
    // Passwords only, for the opening (not part of a verdict).
    let passwordsOnly = try HagglingSetup(game: game, options: .init(maximumStates: n), ranking: ranking, policyDiscount: p.real("discount"), jobs: context.jobs)
      .hagglers(prior: prior)
    let openingRuns = try HagglingBatch.run(context, stream: "passwords-only", runs: runs, game: game, options: options) { _, _ in passwordsOnly.map { .haggler($0) } }

    // Outcome classes.
    let cc = [0, 0], cd = [0, 1], dc = [1, 0], dd = [1, 1]
    func outcomeClass(_ run: HagglingRun) -> String {
      if run.capped { return "capped" }
      let kinds = Set(run.cycle)
      if kinds == [cc] { return "(C,C) only" }
      if kinds == [dd] { return "(D,D) only" }
      if kinds == [cc, cd] { return "(C,C) and (C,D)" }
      if kinds == [cc, dc] { return "(C,C) and (D,C)" }
      return "other: " + HagglingText.canonicalCycle(run.cycle, game: game)
    }
    var outcomes = Table(id: "ibh.prisoners-dilemma.outcomes", title: "Stable cycles by scenario (N = \(n), \(runs) runs each; player 1 is the text's agent 1)",
                         columns: ["scenario", "stable cycle", "runs", "fraction", "95% interval", "example payoffs", "median lock-in round", "median switches (both agents)"])
    var payoffTable = Table(id: "ibh.prisoners-dilemma.payoffs", title: "Final payoffs by scenario (averages over the stable cycle)",
                            columns: ["scenario", "payoffs", "runs", "fraction"])
    for (index, scenario) in Self.scenarios.enumerated() {
      var tally = OutcomeTally()
      var byPayoff = OutcomeTally()
      for (r, run) in results[index].enumerated() {
        tally.add(outcomeClass(run), run: r)
        byPayoff.add(HagglingText.payoffs(run), run: r)
      }
      for (key, count) in tally.sorted {
        let members = results[index].filter { outcomeClass($0) == key }
        let example = results[index][tally.examples[key]!]
        outcomes.append([.text(scenario.name), .text(key), .integer(count), .real(Double(count) / Double(runs), digits: 3), .text(HagglingText.interval(try wilson(count, runs))),
                         .text(HagglingText.payoffs(example)), .real(try Statistics.median(members.map { Double($0.lockInTime) }), digits: 1),
                         .real(try Statistics.median(members.map { Double($0.switches.count) }), digits: 1)])
      }
      for (key, count) in byPayoff.sorted.prefix(8) {
        payoffTable.append([.text(scenario.name), .text(key), .integer(count), .real(Double(count) / Double(runs), digits: 3)])
      }
    }

    // Why green runs do not mix: the other agent's demand when agent 1's first falls below R, and
    // where agent 1 ends.
    var diagnosis = Table(id: "ibh.prisoners-dilemma.green-diagnosis", title: "Green runs: agent 2's demand when agent 1's demand first falls below R = \(DecimalFormat.compact(p.real("reward"))), and the outcome",
                          columns: ["agent 2's demand then", "stable cycle", "runs", "agent 1 ends on ⊤"])
    var diagnosisTally = OutcomeTally()
    var endsOnTop: [String: Int] = [:]
    for (r, run) in results[1].enumerated() {
      var other: Rational?
      var key = "agent 1 never below R"
      for s in run.switches {
        if s.agent == 1 { other = s.exactDemand }
        if s.agent == 0, s.demand < p.real("reward") - 1e-12 {
          key = other.map(\.description) ?? "–"
          break
        }
      }
      let full = key + "|" + outcomeClass(run)
      diagnosisTally.add(full, run: r)
      if run.finalHypotheses[0] == 0 { endsOnTop[full, default: 0] += 1 }
    }
    for (key, count) in diagnosisTally.sorted {
      let parts = key.split(separator: "|").map(String.init)
      diagnosis.append([.text(parts[0]), .text(parts[1]), .integer(count), .integer(endsOnTop[key] ?? 0)])
    }

    // Green with other keep fractions (reported; the verdict uses greenKeep).
    var sweep = Table(id: "ibh.prisoners-dilemma.green-sweep", title: "Green with other fractions of agent 1's hypotheses worth at least \(DecimalFormat.compact(p.real("ambitionLevel"))) kept (\(runs) runs each; the verdict uses \(DecimalFormat.compact(p.real("greenKeep"))))",
                      columns: ["kept", "(C,C) only", "(C,C) and (C,D)", "(D,D) only", "other"])
    for keep in [0.1, 0.25, 0.75, 0.9] {
      let batch = try HagglingBatch.run(context, stream: "green-keep-\(keep)", runs: runs, game: game, options: options) { _, random in
        let valuation = setup.valuations[0]
        let kept = (0..<valuation.space.count).map { h in valuation.rankingValue(h) < p.real("ambitionLevel") - 1e-12 || random.uniform() < keep }
        return [.haggler(HagglerSpec(valuation: valuation, view: setup.views[0], prior: prior) { kept[$0] }), .haggler(full[1])]
      }
      let classes = batch.map(outcomeClass)
      let known = ["(C,C) only", "(C,C) and (C,D)", "(D,D) only"]
      sweep.append([.text(DecimalFormat.compact(keep))] + known.map { key in .integer(classes.filter { $0 == key }.count) } + [.integer(classes.filter { !known.contains($0) }.count)])
    }

    // pd-opening.
    let red = results[0]
    let temptation = Rational(approximating: p.real("temptation"))
    func firstDemandsAreExploitation(_ run: HagglingRun) -> Bool {
      (0..<2).allSatisfy { agent in run.switches.first { $0.agent == agent }.map { $0.exactDemand == temptation || (temptation == nil && $0.demand == p.real("temptation")) } ?? false }
    }
    func demandsFallOnly(_ run: HagglingRun) -> Bool {
      (0..<2).allSatisfy { agent in
        let demands = run.demands(of: agent).map(\.demand)
        return zip(demands, demands.dropFirst()).allSatisfy { $0 >= $1 } && demands.last! < p.real("temptation")
      }
    }
    let openDD = red.filter { $0.transcript.first.map { game.profiles[Int($0)] == dd } ?? false }.count
    let openDDPasswords = openingRuns.filter { $0.transcript.first.map { game.profiles[Int($0)] == dd } ?? false }.count
    let exploitationFirst = red.filter(firstDemandsAreExploitation).count
    let falling = red.filter(demandsFallOnly).count
    let openInterval = try wilson(openDD, runs)
    let openingVerdict: Verdict = exploitationFirst == runs && falling == runs
      ? (openInterval.lower > 0.5 ? .reproduced : (openInterval.upper < 0.5 ? .notReproduced : .inconclusive)) : .notReproduced
    let openingEvidence = Evidence(
      summary: "In \(exploitationFirst) of \(runs) red runs both agents' first hypotheses promise T = \(DecimalFormat.compact(p.real("temptation"))) (exploitation), and in \(falling) their demands only fall, ending below T. The first round is (D, D) in \(openDD) runs (\(DecimalFormat.fixed(openInterval.estimate, digits: 3)), 95% interval \(HagglingText.interval(openInterval))). With password hypotheses only (no autonomous opponents, so no one-state \"the other always cooperates\"), it is (D, D) in \(openDDPasswords) of \(runs): a password starting with C must be typed first, even by an agent planning to exploit.",
      measurements: [.init("runs with exploitation first", exploitationFirst), .init("runs with falling demands", falling),
                     .init("runs opening with (D, D)", openDD), .init("fraction opening with (D, D)", lower: openInterval.lower, upper: openInterval.upper),
                     .init("runs opening with (D, D), passwords only", openDDPasswords)],
      tolerance: "all runs start at demand T and only lower it; the fraction of (D, D) openings above 1/2 (95% Wilson interval)", sampleSize: runs)

    // pd-similar, pd-slightly-fewer, pd-different.
    func share(_ runs: [HagglingRun], _ test: (HagglingRun) -> Bool) throws -> (count: Int, interval: ConfidenceInterval) {
      let count = runs.filter(test).count
      return (count, try wilson(count, runs.count))
    }
    func verdict(_ interval: ConfidenceInterval) -> Verdict {
      interval.lower > 0.5 ? .reproduced : (interval.upper < 0.5 ? .notReproduced : .inconclusive)
    }
    let similar = try share(red) { outcomeClass($0) == "(C,C) only" }
    let similarEvidence = Evidence(
      summary: "\(similar.count) of \(runs) red runs (similar agents) lock into (C, C) alone: \(DecimalFormat.fixed(similar.interval.estimate, digits: 3)), 95% interval \(HagglingText.interval(similar.interval)).",
      measurements: [.init("runs ending in (C, C) only", similar.count), .init("fraction", lower: similar.interval.lower, upper: similar.interval.upper)],
      tolerance: "fraction above 1/2 (95% Wilson interval)", sampleSize: runs)
    let green = results[1]
    let mixed = try share(green) { outcomeClass($0) == "(C,C) and (C,D)" }
    let greenCC = green.filter { outcomeClass($0) == "(C,C) only" }.count
    let greenEvidence = Evidence(
      summary: "\(mixed.count) of \(runs) green runs (agent 1 keeps each hypothesis worth at least \(DecimalFormat.compact(p.real("ambitionLevel"))) with probability \(DecimalFormat.compact(p.real("greenKeep")))) end in a cycle of (C, C) and (C, D): \(DecimalFormat.fixed(mixed.interval.estimate, digits: 3)), 95% interval \(HagglingText.interval(mixed.interval)); \(greenCC) end in (C, C) alone. When only the hypotheses worth more than \(DecimalFormat.compact(p.real("ambitionLevel"))) are thinned (green, > R), \(results[3].filter { outcomeClass($0) == "(C,C) and (C,D)" }.count) runs mix and \(results[3].filter { outcomeClass($0) == "(C,C) only" }.count) end in (C, C) alone.",
      measurements: [.init("runs mixing (C, C) and (C, D)", mixed.count), .init("fraction", lower: mixed.interval.lower, upper: mixed.interval.upper), .init("runs ending in (C, C) only", greenCC)],
      tolerance: "fraction above 1/2 (95% Wilson interval)", sampleSize: runs)
    let violet = results[2]
    let one = Rational(approximating: p.real("punishment"))
    func payoffsAre(_ run: HagglingRun, _ x: Rational?, _ y: Rational?) -> Bool {
      guard let exact = run.exactAveragePayoffs, let x, let y else { return false }
      return exact == [x, y]
    }
    let violetMidpoint = Rational(approximating: (p.real("reward") + p.real("temptation")) / 2)
    let ones = violet.filter { payoffsAre($0, one, one) }.count
    let onesAndHalf = violet.filter { payoffsAre($0, one, violetMidpoint) }.count
    let either = try wilson(ones + onesAndHalf, runs)
    let oneShare = try wilson(ones, max(ones + onesAndHalf, 1))
    let differentVerdict: Verdict = either.lower > 0.5 && oneShare.lower > 0.5 ? .reproduced
      : (either.upper < 0.5 || oneShare.upper < 0.5 ? .notReproduced : .inconclusive)
    let differentEvidence = Evidence(
      summary: "Of \(runs) violet runs (agent 1 keeps each hypothesis worth more than \(DecimalFormat.compact(p.real("violetLevel"))) with probability \(DecimalFormat.compact(p.real("violetKeep")))), \(ones) end at (1, 1) and \(onesAndHalf) at (1, 2.5): together \(DecimalFormat.fixed(either.estimate, digits: 3)) \(HagglingText.interval(either)); (1, 1) is \(DecimalFormat.fixed(oneShare.estimate, digits: 3)) \(HagglingText.interval(oneShare)) of those.",
      measurements: [.init("runs at (1, 1)", ones), .init("runs at (1, 2.5)", onesAndHalf), .init("fraction at either", lower: either.lower, upper: either.upper),
                     .init("share of (1, 1) among them", lower: oneShare.lower, upper: oneShare.upper)],
      tolerance: "both fractions above 1/2 (95% Wilson intervals)", sampleSize: runs)

    // Downward closure.
    var checked = 0
    var demandAboveRealised: [String] = []
    var outsideClosure: [String] = []
    var segments = 0
    var segmentsOutside = 0
    var closureCache: [[Double]: Bool] = [:]
    func inClosure(_ v: [Double]) throws -> Bool {
      if let known = closureCache[v] { return known }
      let answer = try CoalitionAnalysis.downwardClosureContains(game: game, v)
      closureCache[v] = answer
      return answer
    }
    for (index, scenario) in Self.scenarios.enumerated() {
      for (r, run) in results[index].enumerated() where !run.capped {
        checked += 1
        let demands = run.finalDemands.map { $0! }
        if let exactDemands = run.exactFinalDemands as? [Rational], let realised = run.exactAveragePayoffs {
          if zip(exactDemands, realised).contains(where: { $1 < $0 }) { demandAboveRealised.append("\(scenario.name) run \(r + 1): demands \(exactDemands), payoffs \(realised)") }
        } else if zip(demands, run.averagePayoffs).contains(where: { $1 < $0 - 1e-9 }) {
          demandAboveRealised.append("\(scenario.name) run \(r + 1): demands \(demands), payoffs \(run.averagePayoffs)")
        }
        if try !inClosure(demands) { outsideClosure.append("\(scenario.name) run \(r + 1): final demands \(demands)") }
        // Demand vectors held between switches.
        var current: [Double?] = [nil, nil]
        for (k, s) in run.switches.enumerated() {
          current[s.agent] = s.demand
          if k + 1 < run.switches.count && run.switches[k + 1].time == s.time { continue }
          guard let a = current[0], let b = current[1] else { continue }
          segments += 1
          if try !inClosure([a, b]) { segmentsOutside += 1 }
        }
      }
    }
    let closureHolds = demandAboveRealised.isEmpty && outsideClosure.isEmpty
    let closureEvidence = Evidence(
      summary: "In \(checked) runs (all scenarios), every agent's final demand is at most its average payoff in the stable cycle (exceptions: \(demandAboveRealised.count)), so every final demand vector lies in the downward closure of the realizable payoffs (LP check; exceptions: \(outsideClosure.count)). Of the \(segments) demand vectors held between switches, \(segmentsOutside) lay outside the downward closure, and each of them was ended by a falsification (only a run's last demand vector is never falsified, and none of those lay outside).",
      measurements: [.init("runs", checked), .init("final demand above the payoff realised", demandAboveRealised.count), .init("final demands outside the downward closure", outsideClosure.count),
                     .init("demand vectors held", segments), .init("of those outside the downward closure", segmentsOutside)],
      tolerance: "exact (rational demands and payoffs); the LP with δ = 10⁻⁹", sampleSize: checked,
      counterexample: (demandAboveRealised + outsideClosure).first)

    // Figures.
    let geometry = try TwoPlayerPayoffGeometry(game, exact: true)
    let low = min(geometry.feasibleSet.vertices.map(\.x).min()!, geometry.feasibleSet.vertices.map(\.y).min()!)
    let high = max(geometry.feasibleSet.vertices.map(\.x).max()!, geometry.feasibleSet.vertices.map(\.y).max()!)
    let margin = 0.06 * (high - low)
    let range = (low - margin)...(high + margin)
    var trajectories = Chart(title: "Demands over the realizable payoffs (one run per scenario)", x: Axis(label: "agent 1's demand", range: range),
                             y: Axis(label: "agent 2's demand", range: range))
    trajectories.polygon("realizable payoffs", geometry.feasibleSet.chartVertices, colour: .skyBlue)
    let expected = ["(C,C) only", "(C,C) and (C,D)", nil]
    for (index, scenario) in Self.scenarios.enumerated().prefix(3) {
      let batch = results[index]
      let pick = batch.first { run in
        if let wanted = expected[index] { return outcomeClass(run) == wanted }
        return payoffsAre(run, one, one) || payoffsAre(run, one, violetMidpoint)
      } ?? batch[0]
      var points: [(x: Double, y: Double)] = []
      var current: [Double?] = [nil, nil]
      for (k, s) in pick.switches.enumerated() {
        current[s.agent] = s.demand
        if k + 1 < pick.switches.count && pick.switches[k + 1].time == s.time { continue }
        if let a = current[0], let b = current[1] { points.append((x: a, y: b)) }
      }
      trajectories.line("\(scenario.name): ends at \(HagglingText.payoffs(pick))", points, colour: scenario.colour)
      trajectories.scatter(nil, Array(points.suffix(1)), marker: .square, colour: scenario.colour)
    }
    trajectories.referenceLine(x: geometry.minimax.x, label: "minimax")
    trajectories.referenceLine(y: geometry.minimax.y)
    var finals = Chart(title: "Final payoffs of every run (markers offset by scenario, labelled with run counts)", x: Axis(label: "agent 1's payoff", range: range),
                       y: Axis(label: "agent 2's payoff", range: range))
    finals.polygon("feasible payoffs", geometry.feasibleSet.chartVertices, colour: .skyBlue)
    finals.line("Pareto frontier", geometry.paretoFrontier.map { (x: $0.x, y: $0.y) }, colour: .black)
    let markers: [Marker] = [.circle, .square, .triangle]
    var labels: [(text: String, at: (x: Double, y: Double))] = []
    for (index, scenario) in Self.scenarios.enumerated().prefix(3) {
      var counts: [[Double]: Int] = [:]
      for run in results[index] where !run.capped { counts[run.averagePayoffs, default: 0] += 1 }
      let offset = Double(index - 1) * 0.06 * (high - low)
      let points = counts.keys.sorted { $0.lexicographicallyPrecedes($1) }
      finals.scatter(scenario.name, points.map { (x: $0[0] + offset, y: $0[1]) }, marker: markers[index], colour: scenario.colour)
      for point in points { labels.append((text: "\(counts[point]!)", at: (x: point[0] + offset, y: point[1] + 0.06 * (high - low)))) }
    }
    for label in labels { finals.text(label.text, at: label.at) }
    finals.referenceLine(x: geometry.minimax.x, label: "minimax")
    finals.referenceLine(y: geometry.minimax.y)

    return ExperimentResult(
      tables: [outcomes, payoffTable, diagnosis, sweep],
      figures: [Figure(id: "ibh.pd-demand-trajectories", title: "Demand trajectories over the realizable payoffs: red, green and violet scenarios", svg: trajectories.svg()),
                Figure(id: "ibh.pd-final-payoffs", title: "Final payoffs of the prisoner's dilemma runs with the Pareto frontier and minimax lines", svg: finals.svg())],
      claims: [
        ClaimResult(Self.openingClaim, openingVerdict, openingEvidence),
        ClaimResult(Self.similarClaim, verdict(similar.interval), similarEvidence),
        ClaimResult(Self.slightlyFewerClaim, verdict(mixed.interval), greenEvidence),
        ClaimResult(Self.differentClaim, differentVerdict, differentEvidence),
        ClaimResult(Self.downwardClosureClaim, .checking(closureHolds), closureEvidence),
      ])
  }
}
