import Foundation
import GameTheory
import LabKit

/// §Learning-theoretic guarantee: Propositions 1 and 2, checked on many environments.
///
/// Proposition 1 (with its proof's bound): if the environment satisfies a resettable h of positive
/// prior, the algorithm's utility is at least V_i(h, γ) − (1 − γ) · 3|H|N²R, N the largest number of
/// states in H and R the largest reward difference. The check draws random 2 × 2 games with integer
/// payoffs 0 … 3, random hypothesis spaces (⊤ and 2 … `hypotheses` random resettable sharp
/// infra-RDPs with 1 … `maximumStates` states, whose transitions may depend on the observation), a
/// true hypothesis h* among them, and three environments satisfying h*: a random fixed refinement,
/// and two adversaries that pick, among the observations h* allows, the one falsifying the agent's
/// current hypothesis or paying it least. The agent ranks by V(h, γ) at the run's γ; its utility is
/// exact (the run ends in a lasso). Standard, fixed in advance: no run violates the bound, and the
/// largest shortfall V(h*, γ) − u at γ = 0.9999 is at most 1% of R.
///
/// Proposition 2: the proof's family H_γ for an ordered list h₁, h₂, … (here ⊤ and the password
/// hypotheses of the PD, in the space's order): G_j = {h₁ … h_j}, t_j = max(Γ_j, t_{j−1}) with Γ_j the
/// discount from which Proposition 1's bound for G_j is at most 1/j, that is
/// Γ_j = 1 − 1/(3 j · j · N_j² R), and H_γ the largest G_j with t_j ≤ γ. For each γ of the sweep and
/// each h_m ∈ H_γ, the three kinds of environment satisfying h_m are run. Standard, fixed in advance:
/// u ≥ V(h_m, γ) − 1/|H_γ| in every run, and |H_γ| grows with γ.
struct GuaranteesExperiment: Experiment {
  init() {}

  let id = "ibh.guarantees"
  let title = "Propositions 1 and 2: the algorithm's guarantee when some hypothesis holds"
  let sections = ["§Learning-theoretic guarantee", "Appendix"]

  static let propositionOne = Claim(
    id: "ibh.proposition-1", source: "Proposition 1 and its proof (Appendix)", kind: .proposition,
    statement:
      "If the true environment satisfies a hypothesis h of positive prior (all hypotheses resettable), the algorithm's utility is at least V_i(h, γ) − (1 − γ) · 3|H|N²R, so lim_{γ→1} min u_i ≥ lim_{γ→1} V_i(h, γ).",
    class: .empirical, control: Control("the bound without its slack term: u ≥ V(h*, γ) in every run"))
  static let propositionTwo = Claim(
    id: "ibh.proposition-2", source: "Proposition 2 and its proof", kind: .proposition,
    statement:
      "For an ordering h₁, h₂, … of the sharp infra-RDPs there are finite sets H_γ (the largest G_j = {h₁ … h_j} whose threshold t_j ≤ γ) such that the algorithm with H_γ guarantees lim_{γ→1} min u_i ≥ lim_{γ→1} V_i(h, γ) for every h that holds.",
    class: .empirical, control: Control("the guarantee without its slack 1/|H_γ|: u ≥ V(h_m, γ) in every run"))

  var claims: [Claim] { [Self.propositionOne, Self.propositionTwo] }

  static let discounts = [0.9, 0.99, 0.999, 0.9999]
  static let familyDiscounts = [0.9, 0.99, 0.999, 0.9999, 0.99999, 0.999999]

  static let environments = ParameterKey<Int>("environments")
  static let hypotheses = ParameterKey<Int>("hypotheses")
  static let maximumStates = ParameterKey<Int>("maximumStates")
  static let orderedStates = ParameterKey<Int>("orderedStates")

  var parameters: [Parameter] {
    [
      Parameter(
        Self.environments,
        "Random (game, hypothesis space, true hypothesis) triples for Proposition 1; each is run with three environments at each γ in {0.9, 0.99, 0.999, 0.9999}.",
        domain: .integer(1...100_000), smoke: 10, standard: 300, paper: 3000),
      Parameter(Self.hypotheses, "At most this many random hypotheses besides ⊤ (at least 2).", domain: .integer(2...20), default: 6),
      Parameter(Self.maximumStates, "Random hypotheses have 1 … maximumStates states.", domain: .integer(1...6), default: 3),
      Parameter(
        Self.orderedStates, "Proposition 2's ordered list: ⊤ and the PD password hypotheses with at most this many states, in the space's order.",
        domain: .integer(2...6), default: 5),
      HagglingParameters.prior,
    ]
  }

  /// One run for Proposition 1.
  struct P1Run: Sendable {
    let γ: Double
    let rule: String
    let value: Double
    let utility: Double
    let slack: Double
    let range: Double
    let hypotheses: Int
    let description: String
  }

  /// Proposition 2 at one γ: |H_γ|, its N and threshold, and each run's shortfall.
  struct P2Row: Sendable {
    let γ: Double
    let size: Int
    let states: Int
    let threshold: Double
    let runs: [(shortfall: Double, text: String)]
  }

  /// What the simulation returns.
  struct Outcome: Sendable {
    let environments: Int
    let proposition1: [P1Run]
    let proposition2: [P2Row]
  }

  func simulate(in context: RunContext) throws -> Outcome {
    Outcome(environments: context.parameters[Self.environments], proposition1: try proposition1(context), proposition2: try proposition2(context))
  }

  func proposition1(_ context: RunContext) throws -> [P1Run] {
    let p = context.parameters
    let prior = HagglingParameters.prior(p)
    let maximumHypotheses = p[Self.hypotheses]
    let maximumStates = p[Self.maximumStates]

    return try context.map(Array(0..<p[Self.environments]), stream: "proposition-1", label: "\(id): Proposition 1") { index, _, random -> [P1Run] in
      let game = NormalFormGame.random(actionCounts: [2, 2], integerPayoffs: 0...3, using: random)
      let view = try AgentView(game: game, player: 0)
      let k = 2 + random.index(below: maximumHypotheses - 1)
      let hypotheses = (0..<k).map { _ in
        RandomHypotheses.resettable(states: 1 + random.index(below: maximumStates), actions: 2, observations: 2, random: random)
      }
      let truthIndex = random.index(below: k)
      let truth = hypotheses[truthIndex]
      let space = try HypothesisSpace(
        actionCount: 2, observationCount: 2, options: .init(maximumStates: maximumStates, passwords: false),
        custom: hypotheses.map { ($0, 2 * Double($0.stateCount)) })
      let N = Double(([1] + hypotheses.map(\.stateCount)).max()!)
      let range = view.reward.joined().max()! - view.reward.joined().min()!
      let refinement = SatisfyingEnvironment.randomRefinement(of: truth, random: random)
      var result: [P1Run] = []
      for γ in Self.discounts {
        let valuation = try HypothesisValuation(space: space, view: view, ranking: .discounted(γ))
        let spec = HagglerSpec(valuation: valuation, view: view, prior: prior)
        let value = truth.robustValue(reward: view.reward, discount: γ).initialValue
        let slack = (1 - γ) * 3 * Double(k + 1) * N * N * range
        for (name, environment) in [
          ("random refinement", refinement), ("falsify, then punish", SatisfyingEnvironment(truth: truth, rule: .falsifyThenPunish)),
          ("punish, then falsify", SatisfyingEnvironment(truth: truth, rule: .punishThenFalsify)),
        ] {
          let run = try GuaranteeRun.run(
            agent: spec, environment: environment, discount: γ,
            random: context.random(stream: "proposition-1/agent/\(γ)/\(name)", replicate: index))
          result.append(
            P1Run(
              γ: γ, rule: name, value: value, utility: run.utility, slack: slack, range: range, hypotheses: k + 1,
              description:
                "environment \(index): game \(game.payoffVectors.map { $0.map { Int($0) } }), true hypothesis custom \(truthIndex) with \(truth.stateCount) states, \(name), γ = \(γ): V = \(DecimalFormat.compact(value, significant: 8)), u = \(DecimalFormat.compact(run.utility, significant: 8))"
            ))
        }
        // The exact worst case over (state-aware) copolicies, of the expected utility.
        let exact = try WorstCaseCopolicy.value(agent: spec, truth: truth, discount: γ)
        result.append(
          P1Run(
            γ: γ, rule: Self.exactRule, value: value, utility: exact.utility, slack: slack, range: range, hypotheses: k + 1,
            description:
              "environment \(index): game \(game.payoffVectors.map { $0.map { Int($0) } }), true hypothesis custom \(truthIndex) with \(truth.stateCount) states, exact worst case over \(exact.nodes) agent states, γ = \(γ): V = \(DecimalFormat.compact(value, significant: 8)), min E[u] = \(DecimalFormat.compact(exact.utility, significant: 8))"
          ))
      }
      return result
    }.flatMap { $0 }
  }

  /// The (environment, γ) pairs in which the exact worst case lies above some sampled copolicy's
  /// utility by more than 10⁻⁹.
  static func exactAboveSampled(_ runs: [P1Run]) -> Int {
    var count = 0
    var start = 0
    while start < runs.count {
      // Each (environment, γ) contributes the three sampled rules and then the exact one.
      let group = runs[start..<min(start + 4, runs.count)]
      if let exact = group.first(where: { $0.rule == exactRule }),
        group.contains(where: { $0.rule != exactRule && $0.utility < exact.utility - 1e-9 })
      {
        count += 1
      }
      start += 4
    }
    return count
  }

  /// The name of the exact worst case among Proposition 1's copolicies.
  static let exactRule = "exact worst case"

  func proposition2(_ context: RunContext) throws -> [P2Row] {
    let p = context.parameters
    let prior = HagglingParameters.prior(p)
    let view = try AgentView(game: HagglingGames.prisonersDilemma(), player: 0)
    let ordered = try HypothesisSpace(actionCount: 2, observationCount: 2, options: .init(maximumStates: p[Self.orderedStates]))
    let range = 3.0
    var thresholds: [Double] = []
    var largestN = 0
    for j in 1...ordered.count {
      largestN = max(largestN, ordered.stateCount(j - 1))
      thresholds.append(max(1 - 1 / (3 * Double(j) * Double(j) * Double(largestN * largestN) * range), thresholds.last ?? 0))
    }
    return try Self.familyDiscounts.map { γ in
      let j = thresholds.lastIndex { $0 <= γ }.map { $0 + 1 } ?? 0
      guard j > 0 else { return P2Row(γ: γ, size: 0, states: 0, threshold: .nan, runs: []) }
      let valuation = try HypothesisValuation(space: ordered, view: view, ranking: .discounted(γ))
      let spec = HagglerSpec(valuation: valuation, view: view, prior: prior) { $0 < j }
      let results = try context.map(Array(0..<j), stream: "proposition-2/\(γ)") { _, m, random -> [(shortfall: Double, text: String)] in
        let truth = ordered.hypothesis(m)
        let value = valuation.value(m, state: 0)
        return try [
          ("random refinement", SatisfyingEnvironment.randomRefinement(of: truth, random: random)),
          ("falsify, then punish", SatisfyingEnvironment(truth: truth, rule: .falsifyThenPunish)),
          ("punish, then falsify", SatisfyingEnvironment(truth: truth, rule: .punishThenFalsify)),
        ].map { name, environment in
          let run = try GuaranteeRun.run(agent: spec, environment: environment, discount: γ, random: random)
          return (
            value - run.utility,
            "γ = \(γ), true hypothesis \(ordered.label(m, actionNames: ["C", "D"], observationNames: ["C", "D"])), \(name): V = \(DecimalFormat.compact(value, significant: 8)), u = \(DecimalFormat.compact(run.utility, significant: 8))"
          )
        }
      }.flatMap { $0 }
      return P2Row(γ: γ, size: j, states: (0..<j).map { ordered.stateCount($0) }.max()!, threshold: thresholds[j - 1], runs: results)
    }
  }

  func judge(_ outcomes: Outcomes<Outcome>, in context: RunContext) throws -> ExperimentResult {
    let one = try propositionOneResult(outcomes.base)
    let two = propositionTwoResult(outcomes.base)
    return ExperimentResult(
      tables: [one.table, two.table],
      figures: [
        Figure(id: "ibh.proposition-1-shortfall", title: "Proposition 1: largest shortfall and the proof's bound against 1 − γ", drawing: one.figure)
          .captioned(
            "γ is the discount factor; u is the discounted payoff an agent obtains and V(h*, γ) the value of the best hypothesis h* it holds; the shortfall is V(h*, γ) − u where positive."
          )
      ],
      claims: [one.claim, two.claim])
  }

  func propositionOneResult(_ o: Outcome) throws -> (claim: ClaimResult, table: Table, figure: Chart) {
    let outcomes = o.proposition1
    let environments = o.environments
    var table1 = Table(
      id: "ibh.guarantees.proposition-1",
      title:
        "Proposition 1 over \(environments) random environments (3 sampled copolicies and the exact worst case each): shortfall V(h*, γ) − u against the proof's bound (1 − γ) · 3|H|N²R",
      columns: [
        "γ", "runs", "bound violated", "largest shortfall", "largest shortfall / R", "largest shortfall / bound", "median bound",
        "runs with u < V(h*, γ)", "largest shortfall, exact worst case", "exact worst case above a sampled run",
      ])
    var violations: [P1Run] = []
    var largestAtLast = 0.0
    var chart = Chart(
      title: "Proposition 1: the shortfall vanishes as γ → 1", x: Axis(label: "1 − γ", scale: .logarithmic),
      y: Axis(label: "shortfall V(h*, γ) − u (positive part)", scale: .logarithmic))
    var largestShortfalls: [Double] = []
    var largestPoints: [(x: Double, y: Double)] = []
    var boundPoints: [(x: Double, y: Double)] = []
    for γ in Self.discounts {
      let rows = outcomes.filter { $0.γ == γ }
      let shortfalls = rows.map { $0.value - $0.utility }
      violations += rows.filter { $0.utility < $0.value - $0.slack - 1e-9 }
      let largest = shortfalls.max() ?? 0
      let relative = rows.map { $0.range > 0 ? ($0.value - $0.utility) / $0.range : 0 }.max() ?? 0
      let ofBound = rows.filter { $0.slack > 0 }.map { ($0.value - $0.utility) / $0.slack }.max() ?? 0
      let medianBound = try Statistics.median(rows.map(\.slack))
      if γ == Self.discounts.last! { largestAtLast = relative }
      largestShortfalls.append(largest)
      table1.append([
        .text(DecimalFormat.compact(γ, significant: 6)), .integer(rows.count),
        .integer(rows.filter { $0.utility < $0.value - $0.slack - 1e-9 }.count),
        .real(largest, digits: 6), .real(relative, digits: 6), .real(ofBound, digits: 4), .real(medianBound, digits: 4),
        .integer(shortfalls.filter { $0 > 1e-12 }.count),
        .real(rows.filter { $0.rule == Self.exactRule }.map { $0.value - $0.utility }.max() ?? 0, digits: 6),
        .integer(Self.exactAboveSampled(rows)),
      ])
      if largest > 0 { largestPoints.append((x: 1 - γ, y: largest)) }
      boundPoints.append((x: 1 - γ, y: medianBound))
    }
    chart.line("largest shortfall over all runs", largestPoints)
    chart.scatter(nil, largestPoints)
    chart.line("median of the proof's bound", boundPoints, dashed: true)
    let table1Ratio = outcomes.filter { $0.slack > 0 }.map { ($0.value - $0.utility) / $0.slack }.max() ?? 0
    let prop1Holds = violations.isEmpty && largestAtLast <= 0.01
    let unslacked = outcomes.filter { $0.utility < $0.value - 1e-9 }.count
    let prop1Evidence = Evidence(
      summary:
        "Over \(outcomes.count) runs (\(environments) random environments × (3 sampled copolicies satisfying h* and the exact worst case, the least expected utility against an environment that sees the agent's state) × 4 discounts), the utility fell below V(h*, γ) − (1 − γ) · 3|H|N²R in \(violations.count). The largest shortfall V(h*, γ) − u is \(largestShortfalls.map { DecimalFormat.compact($0, significant: 4) }.joined(separator: ", ")) at γ = 0.9, 0.99, 0.999, 0.9999 (\(DecimalFormat.compact(100 * largestAtLast, significant: 3))% of R at γ = 0.9999); it \(zip(largestShortfalls, largestShortfalls.dropFirst()).allSatisfy { $0 >= $1 } ? "falls" : "does not fall") at every step towards γ = 1, and at most \(DecimalFormat.compact(table1Ratio, significant: 3)) of the proof's bound is ever used. Without the slack term, \(unslacked) runs fall below V(h*, γ). Cross-check: the exact worst case exceeds a sampled copolicy's utility in \(Self.exactAboveSampled(outcomes)) of \(outcomes.count / 4) (environment, γ) pairs (a sampled run is one draw of the agent's randomness, so it may lie below the least expectation only when the agent draws among ties).",
      measurements: [
        .init("runs", outcomes.count), .init("bound violations", violations.count), .init("largest shortfall / R at γ = 0.9999", largestAtLast),
      ],
      tolerance: "no violation (10⁻⁹ numerical slack); largest shortfall at γ = 0.9999 at most 1% of R",
      sampleSize: outcomes.count, counterexample: violations.first?.description)
    return (
      ClaimResult(
        Self.propositionOne, map: .single(.checking(prop1Holds), estimate: largestAtLast, n: outcomes.count),
        control: ControlResult(Self.propositionOne.control!, verdict: .checking(unslacked == 0)), evidence: prop1Evidence), table1, chart
    )
  }

  func propositionTwoResult(_ o: Outcome) -> (claim: ClaimResult, table: Table) {
    var table2 = Table(
      id: "ibh.guarantees.proposition-2",
      title:
        "Proposition 2: H_γ = the largest G_j = {h₁ … h_j} with t_j ≤ γ (⊤ and the PD password hypotheses in order), every h_m ∈ H_γ true in turn, 3 copolicies each",
      columns: ["γ", "|H_γ|", "N (largest |S|)", "t_{|H_γ|}", "runs", "u < V(h_m, γ) − 1/|H_γ|", "largest shortfall V(h_m, γ) − u"])
    var prop2Violations: [String] = []
    var unslacked = 0
    for row in o.proposition2 {
      guard row.size > 0 else {
        table2.append([.text(DecimalFormat.compact(row.γ, significant: 8)), 0, "–", "–", 0, 0, "–"])
        continue
      }
      let bad = row.runs.filter { $0.shortfall > 1 / Double(row.size) + 1e-9 }
      unslacked += row.runs.filter { $0.shortfall > 1e-9 }.count
      prop2Violations += bad.map(\.text)
      table2.append([
        .text(DecimalFormat.compact(row.γ, significant: 8)), .integer(row.size), .integer(row.states),
        .text(DecimalFormat.compact(row.threshold, significant: 8)),
        .integer(row.runs.count), .integer(bad.count), .real(row.runs.map(\.shortfall).max()!, digits: 6),
      ])
    }
    let sizes = o.proposition2.map(\.size)
    let grows = zip(sizes, sizes.dropFirst()).allSatisfy { $0 <= $1 } && sizes.last! > sizes.first!
    let prop2Holds = prop2Violations.isEmpty && grows
    let prop2Evidence = Evidence(
      summary:
        "With thresholds t_j from Proposition 1's bound, |H_γ| = \(sizes.map(String.init).joined(separator: ", ")) for γ = \(Self.familyDiscounts.map { DecimalFormat.compact($0, significant: 8) }.joined(separator: ", ")). In every run with h_m ∈ H_γ true, u ≥ V(h_m, γ) − 1/|H_γ|: \(prop2Violations.isEmpty) (\(prop2Violations.count) violations; without the slack, \(unslacked) runs fall below V(h_m, γ)); the largest shortfall at the largest γ is \(table2.rows.last!.last!.text), so for each fixed h the guarantee tends to its value as γ → 1.",
      measurements: [.init("sizes of H_γ", .array(sizes.map { .number(Double($0)) })), .init("violations", prop2Violations.count)],
      tolerance: "u ≥ V(h_m, γ) − 1/|H_γ| with 10⁻⁹ numerical slack in every run; |H_γ| non-decreasing and growing",
      sampleSize: table2.rows.reduce(0) { $0 + (Int($1[4].text) ?? 0) }, counterexample: prop2Violations.first)
    return (
      ClaimResult(
        Self.propositionTwo, map: .single(.checking(prop2Holds), n: o.proposition2.reduce(0) { $0 + $1.runs.count }),
        control: ControlResult(Self.propositionTwo.control!, verdict: .checking(unslacked == 0)), evidence: prop2Evidence), table2
    )
  }
}

/// Random sharp infra-RDPs for property checks.
enum RandomHypotheses {
  /// A sharp infra-RDP with random non-empty B(s, a) and random T(s, a, o) (which may depend on the
  /// observation), redrawn until it is resettable.
  static func resettable(states: Int, actions: Int, observations: Int, random: Random) -> SharpInfraRDP {
    while true {
      let masks = (0..<states * actions).map { _ in 1 + random.index(below: (1 << observations) - 1) }
      let next = (0..<states * actions * observations).map { _ in random.index(below: states) }
      let h = try! SharpInfraRDP(
        stateCount: states, actionCount: actions, observationCount: observations,
        possible: { s, a in Set((0..<observations).filter { masks[s * actions + a] & (1 << $0) != 0 }) },
        transition: { s, a, o in next[(s * actions + a) * observations + o] })
      if h.isResettable { return h }
    }
  }
}
