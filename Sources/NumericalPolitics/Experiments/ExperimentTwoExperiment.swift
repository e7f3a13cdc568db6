import LabKit

/// §2.2.2 of Numerical Politics, Experiment 2: a growing population of Q-learners that remember only
/// n partners. The book states no result; the book-era code's comments (`c5cd7e0`) expect that
/// cooperation persists while agents mostly meet partners they remember and breaks down "as the
/// probability that a remembered agent will be re-encountered reduces ... back to single-shot
/// prisoner's dilemma". The experiment measures wellbeing against population size for several
/// memory settings and checks that expectation as a conjecture.
///
/// The standard, fixed before any result was seen: cooperation "breaks down" at the first population
/// size N* whose mean wellbeing per agent (over replicates) falls below 2, halfway between mutual
/// stealing (1) and mutual trading (3). The conjecture is supported when every setting cooperates
/// (mean ≥ 2.5) at every N ≤ n + 1, where every partner is remembered, and N* rises with n among the
/// settings of the same memory rule (a setting that never breaks down counts as breaking down beyond
/// the range); refuted when either fails; inconclusive when no setting breaks down in the range.
public struct ExperimentTwoExperiment: Experiment {
  public init() {}

  public let id = "np.exp2"
  public let title = "Experiment 2: a growing population of Q-learners with memory of n agents"
  public let sections = ["§2.2.2"]

  public static let populationClaim = Claim(
    id: "np.exp2.population", source: "§2.2.2; book-era code comments (c5cd7e0)", kind: .conjecture,
    statement: "The book states no result. The code's comments: cooperation persists while agents mostly meet remembered partners, and breaks down into mutual stealing as the population grows and the probability of re-meeting a remembered agent falls, back to the single-shot prisoner's dilemma.")

  public var claims: [Claim] { [Self.populationClaim] }

  public var parameters: [Parameter] {
    [
      Parameter("memoryRule", "Which partners an agent remembers: firstMet (the first n, forever: the book's wording) or lastNewlyMet (the last n partners that were new to it: the code at c5cd7e0).",
                domain: .choice(PopulationAgent.MemoryRule.allCases.map(\.rawValue)), default: .choice("lastNewlyMet")),
      Parameter("memorySize", "n, the partners remembered (code: 3).", domain: .integer(0...PopulationAgent.maximumMemory), default: .integer(3)),
      Parameter("smallerMemorySize", "A smaller memory for the same rule (0 for none).",
                domain: .integer(0...PopulationAgent.maximumMemory), default: .integer(1)),
      Parameter("largerMemorySize", "A larger memory for the same rule (0 for none).", domain: .integer(0...PopulationAgent.maximumMemory), default: .integer(6)),
      Parameter("includeOtherRule", "Also run the other memory rule with n = memorySize.", domain: .boolean, default: .boolean(true)),
      Parameter("pairing", "How agents meet: sequential (one random pair every two steps: the code from 02526bb) or matching (a random perfect matching every two steps: the code at 1b8185b).",
                domain: .choice(PairingScheme.allCases.map(\.rawValue)), default: .choice("sequential")),
      Parameter("startPopulation", "Population of the first stage (code: 2).", domain: .integer(2...1000), default: .integer(2)),
      Parameter("endPopulation", "Population of the last stage (code c5cd7e0, experiment2b: 12).", domain: .integer(2...1000), smoke: .integer(5), standard: .integer(12), paper: .integer(12)),
      Parameter("burnIn", "Time steps run at each population size before measuring (code: 50,000,000; two steps per encounter). Standard scale: every duration 10 times shorter and ε decaying 10 times faster.",
                domain: .integer(2...4_000_000_000), smoke: .integer(100_000), standard: .integer(5_000_000), paper: .integer(50_000_000)),
      Parameter("measured", "Time steps measured at each population size (code: 10,000,000).",
                domain: .integer(2...4_000_000_000), smoke: .integer(20_000), standard: .integer(1_000_000), paper: .integer(10_000_000)),
      Parameter("replicates", "Independent growth sequences per setting.", domain: .integer(1...1000), smoke: .integer(1), standard: .integer(3), paper: .integer(4)),
      Parameter("learningRate", "Constant learning rate α (book-era code: 0.01).", domain: .unitInterval(zeroAllowed: false), default: .real(0.01)),
      Parameter("discount", "Discount γ (book-era code: 0.99).", domain: .real(lower: 0, upper: 1, lowerIncluded: true, upperIncluded: false), default: .real(0.99)),
      Parameter("initialQ", "Every Q value of a new agent (the code's DEFAULT_INITIALQ: 1).", domain: .real(-1e6...1e6), default: .real(1)),
      Parameter("initialExploration", "ε of a new agent (book-era code: 0.25).", domain: .unitInterval(), default: .real(0.25)),
      Parameter("explorationDecay", "Factor applied to an agent's ε before each of its decisions (book-era code: 0.9999999).",
                domain: .unitInterval(zeroAllowed: false), smoke: .real(0.9999), standard: .real(0.999999), paper: .real(0.9999999)),
      Parameter("explorationFloor", "ε stops decaying at this value (code at c5cd7e0: 0.0025; 0 for none).", domain: .unitInterval(), default: .real(0.0025)),
    ]
  }

  /// One line of the figure: a memory rule and size.
  struct Setting: Sendable {
    let rule: PopulationAgent.MemoryRule
    let memorySize: Int
    var name: String { rule == .firstMet ? "first \(memorySize) met, forever" : "last \(memorySize) newly met" }
  }

  func settings(_ p: Parameters) -> [Setting] {
    let rule = PopulationAgent.MemoryRule(rawValue: p.choice("memoryRule"))!
    let n = p.integer("memorySize")
    var sizes = [n]
    for extra in [p.integer("smallerMemorySize"), p.integer("largerMemorySize")] where extra > 0 && !sizes.contains(extra) { sizes.append(extra) }
    var settings = sizes.map { Setting(rule: rule, memorySize: $0) }
    if p.boolean("includeOtherRule") { settings.append(Setting(rule: rule == .firstMet ? .lastNewlyMet : .firstMet, memorySize: n)) }
    return settings
  }

  public func simulate(in context: RunContext) throws -> ExperimentResult {
    let p = context.parameters
    guard p.integer("endPopulation") >= p.integer("startPopulation") else {
      throw LabError.invalidInput(place: "--set endPopulation", problem: "endPopulation \(p.integer("endPopulation")) is below startPopulation \(p.integer("startPopulation"))")
    }
    var base = GrowingPopulationProtocol()
    base.constants = QLearningConstants(
      learningRate: p.real("learningRate"), discount: p.real("discount"), initialQ: p.real("initialQ"),
      initialExploration: p.real("initialExploration"), explorationDecay: p.real("explorationDecay"),
      explorationFloor: p.real("explorationFloor"))
    base.pairing = PairingScheme(rawValue: p.choice("pairing"))!
    base.startPopulation = p.integer("startPopulation")
    base.endPopulation = p.integer("endPopulation")
    base.burnIn = p.integer("burnIn")
    base.measured = p.integer("measured")
    let replicates = p.integer("replicates")
    let settings = self.settings(p)
    let jobs = settings.flatMap { setting in (0..<replicates).map { _ in setting } }
    let frozen = base
    // Every (setting, replicate) is an independent growth sequence with its own generator.
    let sequences = try context.map(jobs, stream: "populations", label: "\(id): growing populations", algorithm: .taus2) { _, setting, random in
      var protocolSettings = frozen
      protocolSettings.rule = setting.rule
      protocolSettings.memorySize = setting.memorySize
      var stream = Taus2Stream(random)
      return GrowingPopulation.run(protocolSettings, random: &stream)
    }
    let results = settings.enumerated().map { k, setting in
      SettingResult(setting: setting, replicates: Array(sequences[(k * replicates)..<((k + 1) * replicates)]))
    }
    return ExperimentResult(
      tables: results.map { $0.table(id: id) } + [censusTable(results)],
      figures: figures(results),
      claims: [verdict(results, start: base.startPopulation, end: base.endPopulation)])
  }

  /// A setting's growth sequences, summarised per population size.
  struct SettingResult {
    let setting: Setting
    let replicates: [[PopulationStage]]

    var populations: [Int] { replicates[0].map(\.population) }
    /// Mean over replicates of the mean wellbeing per agent, and of the spread over agents.
    func meanWellbeing(_ k: Int) -> Double { replicates.reduce(0) { $0 + $1[k].meanWellbeing } / Double(replicates.count) }
    func spread(_ k: Int) -> Double { replicates.reduce(0) { $0 + $1[k].sdWellbeing } / Double(replicates.count) }
    func remembered(_ k: Int) -> Double { replicates.reduce(0) { $0 + $1[k].rememberedFraction } / Double(replicates.count) }
    func rememberedProbability(_ population: Int) -> Double {
      Double(min(setting.memorySize, population - 1)) / Double(population - 1)
    }
    /// The first population size whose mean wellbeing is below 2.
    var breakdown: Int? { populations.indices.first { meanWellbeing($0) < 2 }.map { populations[$0] } }

    func table(id: String) -> Table {
      var table = Table(
        id: "\(id).\(setting.rule == .firstMet ? "first" : "last")-\(setting.memorySize)",
        title: "Experiment 2, \(setting.name): wellbeing per agent per encounter in the measured phase (\(replicates.count) growth sequences)",
        columns: ["population N", "mean wellbeing", "spread over agents (sd)", "range of replicate means", "encounters with a remembered partner", "min(n, N − 1) / (N − 1)", "mean ε", "commonest policies (hex: agents, first sequence)"])
      for (k, population) in populations.enumerated() {
        let means = replicates.map { $0[k].meanWellbeing }
        let census = replicates[0][k].census.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(3)
        table.append([
          .integer(population), .real(meanWellbeing(k), digits: 3), .real(spread(k), digits: 3),
          .text("\(DecimalFormat.fixed(means.min()!, digits: 3)) – \(DecimalFormat.fixed(means.max()!, digits: 3))"),
          .real(remembered(k), digits: 3), .real(rememberedProbability(population), digits: 3),
          .real(replicates.reduce(0) { $0 + $1[k].meanExploration } / Double(replicates.count), digits: 4),
          .text(census.map { "\(String($0.key, radix: 16)): \($0.value)" }.joined(separator: ", ")),
        ])
      }
      return table
    }
  }

  func censusTable(_ results: [SettingResult]) -> Table {
    var table = Table(
      id: "\(id).policies", title: "Experiment 2: policy census at the largest population, all growth sequences (bit s = move after outcome s, bit 4 = move against strangers; 0x06 is Table 2.2 trading with strangers, 0x16 Table 2.2 stealing from them)",
      columns: ["setting", "N", "policies (hex: agents)"])
    for result in results {
      var counts: [Int: Int] = [:]
      for sequence in result.replicates { for (policy, n) in sequence.last!.census { counts[policy, default: 0] += n } }
      table.append([.text(result.setting.name), .integer(result.populations.last!),
                    .text(counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { "\(String($0.key, radix: 16)): \($0.value)" }.joined(separator: ", "))])
    }
    return table
  }

  func figures(_ results: [SettingResult]) -> [Figure] {
    var chart = Chart(title: "Experiment 2: wellbeing against population size (line: mean over agents; band: ± the spread over agents)",
                      x: Axis(label: "population N"), y: Axis(label: "wellbeing per agent per encounter", range: 0.5...3.2))
    var byProbability = Chart(title: "Experiment 2: wellbeing against the probability that a partner is remembered",
                              x: Axis(label: "min(n, N − 1) / (N − 1)"), y: Axis(label: "wellbeing per agent per encounter", range: 0.5...3.2))
    for result in results {
      let x = result.populations.map(Double.init)
      let mean = result.populations.indices.map(result.meanWellbeing)
      let spread = result.populations.indices.map(result.spread)
      chart.band(nil, x: x, lower: zip(mean, spread).map { $0 - $1 }, upper: zip(mean, spread).map { $0 + $1 })
      chart.line(result.setting.name, x: x, y: mean)
      byProbability.line(result.setting.name, x: result.populations.map(result.rememberedProbability), y: mean)
    }
    chart.referenceLine(y: 3, label: "all trade")
    chart.referenceLine(y: 1, label: "all steal")
    chart.referenceLine(y: 2, label: "breakdown threshold")
    byProbability.referenceLine(y: 2, label: "breakdown threshold")
    return [
      Figure(id: "\(id).wellbeing", title: "Experiment 2: wellbeing against population size", svg: chart.svg()),
      Figure(id: "\(id).re-meeting", title: "Experiment 2: wellbeing against the probability of meeting a remembered partner", svg: byProbability.svg()),
    ]
  }

  func verdict(_ results: [SettingResult], start: Int, end: Int) -> ClaimResult {
    var cooperates = true
    var parts: [String] = []
    var measurements: [Evidence.Measurement] = []
    for result in results {
      let small = result.populations.indices.filter { result.populations[$0] <= result.setting.memorySize + 1 }
      let low = small.map(result.meanWellbeing).min()
      if let low, low < 2.5 { cooperates = false }
      let breakdown = result.breakdown
      let probability = breakdown.map(result.rememberedProbability)
      parts.append("\(result.setting.name): " + (low.map { "lowest mean wellbeing while everyone is remembered (N ≤ \(result.setting.memorySize + 1)) \(DecimalFormat.fixed($0, digits: 3)); " } ?? "")
        + (breakdown.map { "breaks down at N* = \($0), where a partner is remembered with probability \(DecimalFormat.fixed(probability!, digits: 3)) (wellbeing \(DecimalFormat.fixed(result.meanWellbeing(result.populations.firstIndex(of: $0)!), digits: 3)))" }
          ?? "no breakdown up to N = \(end) (wellbeing at N = \(end): \(DecimalFormat.fixed(result.meanWellbeing(result.populations.count - 1), digits: 3)))"))
      measurements.append(.init("\(result.setting.name): breakdown population N*", breakdown.map { JSONValue.number(Double($0)) } ?? .string("none up to \(end)")))
      if let probability { measurements.append(.init("\(result.setting.name): remembered-partner probability at N*", probability)) }
      measurements.append(.init("\(result.setting.name): mean wellbeing at N = \(end)", result.meanWellbeing(result.populations.count - 1)))
    }
    // N* must rise with n among settings of the same rule.
    var tracks = true
    for rule in PopulationAgent.MemoryRule.allCases {
      let same = results.filter { $0.setting.rule == rule }.sorted { $0.setting.memorySize < $1.setting.memorySize }
      let points = same.map { $0.breakdown ?? (end + 1) }
      if zip(points, points.dropFirst()).contains(where: { $0 >= $1 }) { tracks = false }
    }
    let anyBreakdown = results.contains { $0.breakdown != nil }
    let verdict: Verdict = !cooperates || !tracks ? .refuted : (anyBreakdown ? .supported : .inconclusive)
    let summary = parts.joined(separator: "; ") + ". Cooperation while every partner is remembered: \(cooperates ? "yes" : "no"); breakdown population rising with n: \(tracks ? "yes" : "no")."
    return ClaimResult(Self.populationClaim, verdict,
                       Evidence(summary: summary, measurements: measurements,
                                tolerance: "breakdown = first N with mean wellbeing < 2; cooperation = mean ≥ 2.5 at every N ≤ n + 1; N* rising with n (fixed before the results were seen)",
                                sampleSize: results.reduce(0) { $0 + $1.replicates.count }))
  }
}
