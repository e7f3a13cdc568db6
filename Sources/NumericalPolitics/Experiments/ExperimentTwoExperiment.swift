import LabKit

/// §2.2.2 of Numerical Politics, Experiment 2: a growing population of Q-learners that remember only
/// n partners. The book states no result; the book-era code's comments (`c5cd7e0`) expect that
/// cooperation persists while agents mostly meet partners they remember and breaks down "as the
/// probability that a remembered agent will be re-encountered reduces ... back to single-shot
/// prisoner's dilemma". The experiment measures wellbeing against population size for memory sizes
/// n and under three memory semantics (a reading: the book's first n met, the code's last n newly met
/// with a forgotten partner's last meeting trained as worth 0, and the same FIFO memory with that
/// meeting trained into the stranger state).
///
/// Two claims, with standards fixed before the runs of this version:
/// - ``populationClaim`` (the code comments' mechanism): in each semantics, every memory size
///   cooperates (mean wellbeing ≥ 2.5) at every N ≤ n + 1, cooperation has not broken down (mean ≥ 2,
///   halfway between mutual stealing and mutual trading) at any N where a partner is re-met with
///   probability p = min(n, N − 1) / (N − 1) > 1/2 ("mostly"), the breakdown population N* rises with n,
///   and some N in the range breaks down (else inconclusive).
/// - ``forgettingClaim`` (the alternative the data suggest): with the code's memory, cooperation
///   collapses exactly at the first population where partners are forgotten, N = n + 2 (mean ≥ 2.5 at
///   n + 1, < 2 at n + 2), for every n, although p = n / (n + 1) ≥ 1/2 there. The re-meeting mechanism
///   predicts no collapse while p > 1/2; the two separate at N = n + 2. Its control is the same check on
///   the book's memory, which never forgets.
struct ExperimentTwoExperiment: Experiment {
  /// Which partners an agent remembers, and what forgetting one trains.
  enum MemorySemantics: String, ParameterChoice {
    case firstMet, lastNewlyMet, lastNewlyMetStranger

    var rule: PopulationAgent.MemoryRule { self == .firstMet ? .firstMet : .lastNewlyMet }
    var forgetting: PopulationAgent.Forgetting { self == .lastNewlyMetStranger ? .stranger : .terminal }
    var tableName: String {
      switch self {
      case .firstMet: return "first"
      case .lastNewlyMet: return "last"
      case .lastNewlyMetStranger: return "last-stranger"
      }
    }
  }

  /// One line of the figure: memory semantics and size.
  struct Setting: Sendable {
    let semantics: MemorySemantics
    let memorySize: Int
    var name: String {
      switch semantics {
      case .firstMet: return "first \(memorySize) met, forever"
      case .lastNewlyMet: return "last \(memorySize) newly met"
      case .lastNewlyMetStranger: return "last \(memorySize) newly met, forgotten → stranger"
      }
    }
  }

  /// One cell: the growth sequences of every memory size under one semantics.
  struct Outcome: Sendable {
    let semantics: MemorySemantics
    let sequences: [[[PopulationStage]]]  // [memory size][replicate][stage]
    let settings: [Setting]
    let end: Int
    /// The base cell only: the control of np.exp2.population (myopic learners).
    var control: [Outcome] = []
  }

  static let memorySemantics = ParameterKey<MemorySemantics>("memorySemantics")
  static let memorySize = ParameterKey<Int>("memorySize")
  static let smallerMemorySize = ParameterKey<Int>("smallerMemorySize")
  static let largerMemorySize = ParameterKey<Int>("largerMemorySize")
  static let pairing = ParameterKey<PairingScheme>("pairing")
  static let startPopulation = ParameterKey<Int>("startPopulation")
  static let endPopulation = ParameterKey<Int>("endPopulation")
  static let burnIn = ParameterKey<Int>("burnIn")
  static let measured = ParameterKey<Int>("measured")
  static let replicates = ParameterKey<Int>("replicates")
  static let learningRate = ParameterKey<Double>("learningRate")
  static let discount = ParameterKey<Double>("discount")
  static let initialQ = ParameterKey<Double>("initialQ")
  static let initialExploration = ParameterKey<Double>("initialExploration")
  static let explorationDecay = ParameterKey<Double>("explorationDecay")
  static let explorationFloor = ParameterKey<Double>("explorationFloor")

  let id = "np.exp2"
  let title = "Experiment 2: a growing population of Q-learners with memory of n agents"
  let sections = ["§2.2.2"]

  static let populationClaim = Claim(
    id: "np.exp2.population", source: "§2.2.2; book-era code comments (c5cd7e0)", kind: .conjecture,
    statement:
      "The book states no result. The code's comments: cooperation persists while agents mostly meet remembered partners, and breaks down into mutual stealing as the population grows and the probability of re-meeting a remembered agent falls, back to the single-shot prisoner's dilemma.",
    class: .empirical, control: Control("myopic learners (γ = 0), from N = 2 to n + 1 with the base memory"),
    readings: [memorySemantics.erased], meaningfulAt: .paper)

  static let forgettingClaim = Claim(
    id: "np.exp2.forgetting", source: "our test of the alternative the data of np.exp2 suggest", kind: .claim,
    statement:
      "With the code's memory (the last n newly met partners; a forgotten partner's last meeting trained as worth 0), cooperation collapses at the first population in which partners are forgotten, N = n + 2, for every n, although a partner is then still re-met with probability n / (n + 1); the re-meeting probability alone does not explain the breakdown.",
    class: .empirical, control: Control("the same check on the book's memory (the first n met, never forgotten)"),
    meaningfulAt: .paper)

  var claims: [Claim] { [Self.populationClaim, Self.forgettingClaim] }

  var parameters: [Parameter] {
    [
      Parameter(
        Self.memorySemantics,
        "Which partners an agent remembers and what forgetting trains: firstMet (the first n, forever: the book's wording), lastNewlyMet (the last n partners that were new to it, a forgotten partner's last meeting trained as terminal, worth 0: the code at c5cd7e0), lastNewlyMetStranger (the same memory, that meeting trained into the stranger state).",
        default: .lastNewlyMet),
      Parameter(Self.memorySize, "n, the partners remembered (code: 3).", domain: .integer(0...PopulationAgent.maximumMemory), default: 3),
      Parameter(
        Self.smallerMemorySize, "A smaller memory run beside it (0 for none).", domain: .integer(0...PopulationAgent.maximumMemory), default: 1),
      Parameter(
        Self.largerMemorySize, "A larger memory run beside it (0 for none).", domain: .integer(0...PopulationAgent.maximumMemory), default: 6),
      Parameter(
        Self.pairing,
        "How agents meet: sequential (one random pair every two steps: the code from 02526bb) or matching (a random perfect matching every two steps: the code at 1b8185b).",
        default: .sequential),
      Parameter(Self.startPopulation, "Population of the first stage (code: 2).", domain: .integer(2...1000), default: 2),
      Parameter(
        Self.endPopulation, "Population of the last stage (code c5cd7e0, experiment2b: 12).", domain: .integer(2...1000), smoke: 5, standard: 12,
        paper: 12),
      Parameter(
        Self.burnIn,
        "Time steps run at each population size before measuring (code: 50,000,000; two steps per encounter). Standard scale: every duration 10 times shorter and ε decaying 10 times faster.",
        domain: .integer(2...4_000_000_000), smoke: 100_000, standard: 5_000_000, paper: 50_000_000),
      Parameter(
        Self.measured, "Time steps measured at each population size (code: 10,000,000).", domain: .integer(2...4_000_000_000), smoke: 20_000,
        standard: 1_000_000, paper: 10_000_000),
      Parameter(
        Self.replicates, "Independent growth sequences per memory size, in every cell.", domain: .integer(1...1000), smoke: 1, standard: 2, paper: 4),
      Parameter(Self.learningRate, "Constant learning rate α (book-era code: 0.01).", domain: .unitInterval(zeroAllowed: false), default: 0.01),
      Parameter(
        Self.discount, "Discount γ (book-era code: 0.99).", domain: .real(lower: 0, upper: 1, lowerIncluded: true, upperIncluded: false),
        default: 0.99),
      Parameter(Self.initialQ, "Every Q value of a new agent (the code's DEFAULT_INITIALQ: 1).", domain: .real(-1e6...1e6), default: 1),
      Parameter(Self.initialExploration, "ε of a new agent (book-era code: 0.25).", domain: .unitInterval(), default: 0.25),
      Parameter(
        Self.explorationDecay, "Factor applied to an agent's ε before each of its decisions (book-era code: 0.9999999).",
        domain: .unitInterval(zeroAllowed: false), smoke: 0.9999, standard: 0.999999, paper: 0.9999999),
      Parameter(
        Self.explorationFloor, "ε stops decaying at this value (code at c5cd7e0: 0.0025; 0 for none).", domain: .unitInterval(), default: 0.0025),
    ]
  }

  var readings: [Reading] {
    [
      Reading(
        Self.memorySemantics,
        [
          .init(
            MemorySemantics.lastNewlyMet, reason: "the code's FIFO memory; forgetting a partner trains its last meeting as terminal (worth 0)",
            source: "danftang/NumericalPolitics c5cd7e0, SugarSpiceAgentWithFriends"),
          .init(MemorySemantics.firstMet, reason: "\"the first n agents they meet, but after that everyone is a stranger\"", source: "§2.2.2"),
          .init(
            MemorySemantics.lastNewlyMetStranger,
            reason: "the same memory, but a forgotten partner will next be met as a stranger, so its last meeting leads into the stranger state",
            source: "a careful reader (the code's comments speak of re-meeting, not of endings)"),
        ])
    ]
  }

  func protocolSettings(_ p: Parameters) -> GrowingPopulationProtocol {
    var base = GrowingPopulationProtocol()
    base.constants = QLearningConstants(
      learningRate: p[Self.learningRate], discount: p[Self.discount], initialQ: p[Self.initialQ],
      initialExploration: p[Self.initialExploration], explorationDecay: p[Self.explorationDecay],
      explorationFloor: p[Self.explorationFloor])
    base.pairing = p[Self.pairing]
    base.startPopulation = p[Self.startPopulation]
    base.endPopulation = p[Self.endPopulation]
    base.burnIn = p[Self.burnIn]
    base.measured = p[Self.measured]
    return base
  }

  func memorySizes(_ p: Parameters) -> [Int] {
    var sizes = [p[Self.smallerMemorySize], p[Self.memorySize], p[Self.largerMemorySize]].filter { $0 > 0 }
    if sizes.isEmpty { sizes = [p[Self.memorySize]] }
    return Array(Set(sizes)).sorted()
  }

  func simulate(in context: RunContext) throws -> Outcome {
    let p = context.parameters
    guard p[Self.endPopulation] >= p[Self.startPopulation] else {
      throw LabError.invalidInput(
        place: "--set endPopulation", problem: "endPopulation \(p[Self.endPopulation]) is below startPopulation \(p[Self.startPopulation])")
    }
    var outcome = try run(
      protocolSettings(p), semantics: p[Self.memorySemantics], sizes: memorySizes(p), replicates: p[Self.replicates],
      stream: "populations", in: context)
    if context.isBaseCell { outcome.control = [try myopicControl(in: context)] }
    return outcome
  }

  /// Every (memory size, replicate) is an independent growth sequence with its own generator.
  func run(
    _ base: GrowingPopulationProtocol, semantics: MemorySemantics, sizes: [Int], replicates: Int, stream: String,
    in context: RunContext
  ) throws -> Outcome {
    let settings = sizes.map { Setting(semantics: semantics, memorySize: $0) }
    let jobs = settings.flatMap { setting in (0..<replicates).map { _ in setting } }
    let sequences = try context.map(jobs, stream: stream, label: "\(id): \(semantics) growing populations", algorithm: .taus2) { _, setting, random in
      var protocolSettings = base
      protocolSettings.rule = setting.semantics.rule
      protocolSettings.forgetting = setting.semantics.forgetting
      protocolSettings.memorySize = setting.memorySize
      var source = Taus2Stream(random)
      return GrowingPopulation.run(protocolSettings, random: &source)
    }
    return Outcome(
      semantics: semantics, sequences: settings.indices.map { Array(sequences[($0 * replicates)..<(($0 + 1) * replicates)]) },
      settings: settings, end: base.endPopulation)
  }

  /// The control of np.exp2.population: myopic learners, base memory, up to N = n + 1.
  func myopicControl(in context: RunContext) throws -> Outcome {
    let p = context.parameters
    var base = protocolSettings(p)
    base.constants.discount = 0
    base.endPopulation = max(base.startPopulation, p[Self.memorySize] + 1)
    return try run(base, semantics: p[Self.memorySemantics], sizes: [p[Self.memorySize]], replicates: 1, stream: "control-myopic", in: context)
  }

  static func results(_ outcome: Outcome) -> [SettingResult] {
    zip(outcome.settings, outcome.sequences).map { SettingResult(setting: $0, replicates: $1) }
  }

  // MARK: - Judgement

  func judge(_ outcomes: Outcomes<Outcome>, in context: RunContext) throws -> ExperimentResult {
    var cells = outcomes.cells(of: Self.populationClaim).map(\.outcome)
    if !cells.contains(where: { $0.semantics == outcomes.base.semantics }) { cells.insert(outcomes.base, at: 0) }
    let results = cells.flatMap(Self.results)
    return ExperimentResult(
      tables: results.map { $0.table(id: id) } + [censusTable(results)],
      figures: figures(results),
      claims: [populationVerdict(outcomes), forgettingVerdict(outcomes, firstMet: cells.first { $0.semantics == .firstMet })])
  }

  /// A setting's growth sequences, summarised per population size.
  struct SettingResult {
    let setting: Setting
    let replicates: [[PopulationStage]]

    var populations: [Int] { replicates[0].map(\.population) }
    /// Mean over replicates of the mean wellbeing per agent, and of the spread over agents.
    func meanWellbeing(_ k: Int) -> Double { (try? Statistics.mean(replicates.map { $0[k].meanWellbeing })) ?? .nan }
    func spread(_ k: Int) -> Double { (try? Statistics.mean(replicates.map { $0[k].sdWellbeing })) ?? .nan }
    func remembered(_ k: Int) -> Double { (try? Statistics.mean(replicates.map { $0[k].rememberedFraction })) ?? .nan }
    /// The mean wellbeing at population `population`, if it was run.
    func wellbeing(at population: Int) -> Double? { populations.firstIndex(of: population).map(meanWellbeing) }
    func rememberedProbability(_ population: Int) -> Double {
      Double(min(setting.memorySize, population - 1)) / Double(population - 1)
    }
    /// The first population size whose mean wellbeing is below 2.
    var breakdown: Int? { populations.indices.first { meanWellbeing($0) < 2 }.map { populations[$0] } }

    func table(id: String) -> Table {
      var table = Table(
        id: "\(id).\(setting.semantics.tableName)-\(setting.memorySize)",
        title: "Experiment 2, \(setting.name): wellbeing per agent per encounter in the measured phase (\(replicates.count) growth sequences)",
        columns: [
          "population N", "mean wellbeing", "spread over agents (sd)", "range of replicate means", "encounters with a remembered partner",
          "min(n, N − 1) / (N − 1)", "mean ε", "commonest policies (hex: agents, first sequence)",
        ])
      for (k, population) in populations.enumerated() {
        let means = replicates.map { $0[k].meanWellbeing }
        let census = replicates[0][k].census.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(3)
        table.append([
          .integer(population), .real(meanWellbeing(k), digits: 3), .real(spread(k), digits: 3),
          .text("\(DecimalFormat.fixed(means.min()!, digits: 3)) – \(DecimalFormat.fixed(means.max()!, digits: 3))"),
          .real(remembered(k), digits: 3), .real(rememberedProbability(population), digits: 3),
          .real((try? Statistics.mean(replicates.map { $0[k].meanExploration })) ?? .nan, digits: 4),
          .text(census.map { "\(String($0.key, radix: 16)): \($0.value)" }.joined(separator: ", ")),
        ])
      }
      return table
    }
  }

  func censusTable(_ results: [SettingResult]) -> Table {
    var table = Table(
      id: "\(id).policies",
      title:
        "Experiment 2: policy census at the largest population, all growth sequences (bit s = move after outcome s, bit 4 = move against strangers; 0x06 is Table 2.2 trading with strangers, 0x16 Table 2.2 stealing from them)",
      columns: ["setting", "N", "policies (hex: agents)"])
    for result in results {
      var counts: [Int: Int] = [:]
      for sequence in result.replicates { for (policy, n) in sequence.last!.census { counts[policy, default: 0] += n } }
      table.append([
        .text(result.setting.name), .integer(result.populations.last!),
        .text(counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { "\(String($0.key, radix: 16)): \($0.value)" }.joined(separator: ", ")),
      ])
    }
    return table
  }

  func figures(_ results: [SettingResult]) -> [Figure] {
    var chart = Chart(
      title: "Experiment 2: wellbeing against population size (line: mean over agents; band: ± the spread over agents)",
      x: Axis(label: "population N"), y: Axis(label: "wellbeing per agent per encounter (all steal: 1)", range: 0.5...3.2),
      width: 940, height: 480)
    var byProbability = Chart(
      title: "Experiment 2: wellbeing against the probability that a partner is remembered",
      x: Axis(label: "min(n, N − 1) / (N − 1)"), y: Axis(label: "wellbeing per agent per encounter", range: 0.5...3.2))
    for (index, result) in results.enumerated() {
      let x = result.populations.map(Double.init)
      let mean = result.populations.indices.map(result.meanWellbeing)
      let spread = result.populations.indices.map(result.spread)
      // Settings beyond the palette's colours reuse them, so they are dashed to stay distinguishable.
      let dashed = index >= Palette.okabeIto.colours.count
      chart.band(nil, x: x, lower: zip(mean, spread).map { $0 - $1 }, upper: zip(mean, spread).map { $0 + $1 })
      chart.line(result.setting.name, x: x, y: mean, dashed: dashed)
      byProbability.line(result.setting.name, x: result.populations.map(result.rememberedProbability), y: mean, dashed: dashed)
    }
    chart.referenceLine(y: 3, label: "all trade")
    chart.referenceLine(y: 1)  // unlabelled: the curves end on it at large N; the axis label names it
    chart.referenceLine(y: 2, label: "breakdown threshold")
    byProbability.referenceLine(y: 2, label: "breakdown threshold")
    return [
      Figure(id: "\(id).wellbeing", title: "Experiment 2: wellbeing against population size", drawing: chart).captioned(
        "N is the population size and n the number of partners an agent remembers. \"Last n newly met\" forgets the oldest partner when a new one is met (worth 0 once forgotten), \"first n met, forever\" never forgets, and \"forgotten → stranger\" treats a forgotten partner as a stranger. Wellbeing per encounter is 1 when both steal and 3 when both trade."
      ),
      Figure(
        id: "\(id).re-meeting", title: "Experiment 2: wellbeing against the probability of meeting a remembered partner", drawing: byProbability
      ).captioned(
        "N is the population size and n the number of partners an agent remembers; min(n, N − 1) / (N − 1) is the probability that a random partner is one an agent remembers. \"Last n newly met\" forgets the oldest partner when a new one is met (worth 0 once forgotten), \"first n met, forever\" never forgets, and \"forgotten → stranger\" treats a forgotten partner as a stranger."
      ),
    ]
  }

  // MARK: - Verdicts

  /// The check of np.exp2.population in one cell, and its parts in words.
  static func populationCheck(_ outcome: Outcome) -> (verdict: Headline, parts: [String]) {
    let results = Self.results(outcome)
    var cooperates = true
    var persists = true
    var parts: [String] = []
    for result in results {
      let n = result.setting.memorySize
      let small = result.populations.indices.filter { result.populations[$0] <= n + 1 }
      if let low = small.map(result.meanWellbeing).min(), low < 2.5 { cooperates = false }
      let mostly = result.populations.indices.filter { result.rememberedProbability(result.populations[$0]) > 0.5 }
      if mostly.contains(where: { result.meanWellbeing($0) < 2 }) { persists = false }
      let breakdown = result.breakdown
      parts.append(
        "\(result.setting.name): "
          + (breakdown.map {
            "breaks down at N* = \($0), p = \(DecimalFormat.fixed(result.rememberedProbability($0), digits: 3)), wellbeing \(DecimalFormat.fixed(result.wellbeing(at: $0)!, digits: 3))"
          }
            ?? "no breakdown up to N = \(outcome.end) (wellbeing there \(DecimalFormat.fixed(result.meanWellbeing(result.populations.count - 1), digits: 3)))")
      )
    }
    let points = results.sorted { $0.setting.memorySize < $1.setting.memorySize }.map { $0.breakdown ?? (outcome.end + 1) }
    let rises = !zip(points, points.dropFirst()).contains { $0 >= $1 }
    let anyBreakdown = results.contains { $0.breakdown != nil }
    parts.append(
      "cooperation while every partner is remembered: \(cooperates ? "yes" : "no"); no breakdown while p > 1/2: \(persists ? "yes" : "no"); N* rising with n: \(rises ? "yes" : "no")"
    )
    let verdict: Headline = !cooperates || !persists || !rises ? .fails : (anyBreakdown ? .holds : .inconclusive)
    return (verdict, parts)
  }

  /// The check of np.exp2.forgetting in one cell: for every memory size n with n + 2 in the range, mean
  /// wellbeing ≥ 2.5 at N = n + 1 and < 2 at N = n + 2.
  static func forgettingCheck(_ outcome: Outcome) -> (verdict: Headline, parts: [String]) {
    var verdicts: [Headline] = []
    var parts: [String] = []
    for result in Self.results(outcome) {
      let n = result.setting.memorySize
      guard let before = result.wellbeing(at: n + 1), let after = result.wellbeing(at: n + 2) else { continue }
      verdicts.append(.checking(before >= 2.5 && after < 2))
      parts.append(
        "\(result.setting.name): N = \(n + 1): \(DecimalFormat.fixed(before, digits: 3)), N = \(n + 2) (p = \(DecimalFormat.fixed(result.rememberedProbability(n + 2), digits: 3))): \(DecimalFormat.fixed(after, digits: 3))"
      )
    }
    if verdicts.isEmpty { return (.inconclusive, ["no memory size n has n + 2 within the range"]) }
    return (verdicts.allSatisfy { $0 == .holds } ? .holds : .fails, parts)
  }

  /// The base memory size's wellbeing at N = n + 2, where the two mechanisms separate.
  static func separatingWellbeing(_ outcome: Outcome, memorySize n: Int) -> Double? {
    Self.results(outcome).first { $0.setting.memorySize == n }?.wellbeing(at: n + 2)
  }

  func populationVerdict(_ outcomes: Outcomes<Outcome>) -> ClaimResult {
    let n = outcomes.base.settings.map(\.memorySize).contains(3) ? 3 : outcomes.base.settings[0].memorySize
    var parts: [String] = []
    let cells = outcomes.cells(of: Self.populationClaim).map { cell, outcome in
      let check = Self.populationCheck(outcome)
      parts.append("\(outcome.semantics): " + check.parts.joined(separator: "; "))
      return VerdictMap.Cell(
        reading: cell.readingSetting, verdict: check.verdict, estimate: Self.separatingWellbeing(outcome, memorySize: n),
        n: outcome.sequences.reduce(0) { $0 + $1.count })
    }
    let control = outcomes.base.control.first.map { Self.populationCheck($0).verdict } ?? .inconclusive
    var measurements: [Evidence.Measurement] = []
    for (cell, outcome) in outcomes.cells(of: Self.populationClaim) {
      for result in Self.results(outcome) {
        let name = "\(VerdictMap.describe(cell.readingSetting)), \(result.setting.name)"
        measurements.append(
          .init("\(name): breakdown population N*", result.breakdown.map { JSONValue.number(Double($0)) } ?? .string("none up to \(outcome.end)")))
        measurements.append(.init("\(name): mean wellbeing at N = \(outcome.end)", result.meanWellbeing(result.populations.count - 1)))
      }
    }
    return ClaimResult(
      Self.populationClaim, map: VerdictMap(design: Self.populationClaim.design, cells: cells),
      control: ControlResult(Self.populationClaim.control!, verdict: control),
      evidence: Evidence(
        summary: parts.joined(separator: ". ") + ". Cell estimate: mean wellbeing at N = \(n + 2) with n = \(n).", measurements: measurements,
        tolerance:
          "per memory semantics: mean ≥ 2.5 at every N ≤ n + 1; mean ≥ 2 at every N with p = min(n, N − 1)/(N − 1) > 1/2; N* (first N with mean < 2) rising with n; some breakdown in the range (else inconclusive); fixed before the runs",
        sampleSize: cells.reduce(0) { $0 + $1.n }))
  }

  func forgettingVerdict(_ outcomes: Outcomes<Outcome>, firstMet: Outcome?) -> ClaimResult {
    let check = Self.forgettingCheck(outcomes.base)
    let control = firstMet.map { Self.forgettingCheck($0) }
    let others = outcomes.cells(of: Self.populationClaim).filter { $0.outcome.semantics != outcomes.base.semantics }
      .map { "\($0.outcome.semantics): " + Self.forgettingCheck($0.outcome).parts.joined(separator: "; ") }
    let summary =
      "\(outcomes.base.semantics): " + check.parts.joined(separator: "; ") + "."
      + (others.isEmpty ? "" : " For comparison, " + others.joined(separator: ". ") + ".")
    return ClaimResult(
      Self.forgettingClaim, map: .single(check.verdict, n: outcomes.base.sequences.reduce(0) { $0 + $1.count }),
      control: ControlResult(Self.forgettingClaim.control!, verdict: control?.verdict ?? .inconclusive),
      evidence: Evidence(
        summary: summary, measurements: [],
        tolerance: "for every memory size n with n + 2 in the range: mean ≥ 2.5 at N = n + 1 and < 2 at N = n + 2 (fixed before the runs)",
        sampleSize: outcomes.base.sequences.reduce(0) { $0 + $1.count }))
  }
}
