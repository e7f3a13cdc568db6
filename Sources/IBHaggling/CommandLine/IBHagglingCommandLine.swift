import GameTheory
import LabKit

/// What `reproduce ibh haggle FILE.nfg` prints: haggling runs of any game in Gambit's `.nfg` format.
/// The command line only reads its arguments and the file, and calls ``haggle(nfgText:fileName:options:)``.
public enum IBHagglingCommandLine {
  /// The output formats.
  public enum Format: String, Sendable, CaseIterable {
    case text, json
  }

  /// The options of `haggle`.
  public struct Options: Sendable {
    /// N: the bound on hypothesis states (every agent holds ⊤ and the password hypotheses h_{p,l}).
    public var states: Int
    /// Also hold the autonomous opponents with at most N states.
    public var opponentCycles: Bool
    public var runs: Int
    public var seed: UInt64
    /// `nil` for the exact γ → 1 ranking, or the discount of the discounted ranking.
    public var discount: Double?
    public var prior: PriorCoding
    public var maximumSteps: Int
    /// Print every switch of the first run.
    public var trace: Bool
    public var format: Format

    public init(
      states: Int = 5, opponentCycles: Bool = false, runs: Int = 100, seed: UInt64 = Reproduction.defaultSeed, discount: Double? = nil,
      prior: PriorCoding = .descriptionLength, maximumSteps: Int = 1_000_000, trace: Bool = false, format: Format = .text
    ) {
      self.states = states
      self.opponentCycles = opponentCycles
      self.runs = runs
      self.seed = seed
      self.discount = discount
      self.prior = prior
      self.maximumSteps = maximumSteps
      self.trace = trace
      self.format = format
    }
  }

  /// `reproduce ibh haggle FILE.nfg [--states N] [--opponent-cycles] [--runs R] [--seed S]
  /// [--discount γ] [--prior descriptionLength|geometricStates|uniform] [--max-steps M] [--trace]
  /// [--format text|json]`: `runs` haggling runs of the game, every player an agent. Prints the
  /// hypothesis spaces (size, V(⊤), the highest demand), the stable cycles with their frequency,
  /// payoffs and median lock-in round and, with `trace`, the switches of the first run. Run r of agent
  /// i draws from the generator of (seed, "ibh haggle/agent i", r), so the output depends only on the
  /// arguments.
  ///
  /// - Throws: ``LabError/invalidInput(place:problem:)`` for a malformed file (with its line and
  ///   column), options out of range, or payoffs that the exact ranking cannot compare (then pass a
  ///   discount).
  public static func haggle(nfgText: String, fileName: String, options: Options) throws -> String {
    try validate(options)
    let game = try GambitStrategicGame(nfg: nfgText, source: fileName).game
    let ranking: Ranking = options.discount.map { .discounted($0) } ?? .limit
    let setup = try HagglingSetup(
      game: game, options: .init(maximumStates: options.states, opponentCycles: options.opponentCycles), ranking: ranking,
      policyDiscount: options.discount ?? 0.999, jobs: 1)
    let specs = setup.hagglers(prior: options.prior)
    var runs: [HagglingRun] = []
    for r in 0..<options.runs {
      let generators = (0..<game.playerCount).map { Random(master: options.seed, stream: "ibh haggle/agent \($0 + 1)", replicate: r) }
      runs.append(
        try Haggling.run(
          game: game, participants: specs.map { .haggler($0) }, generators: generators, options: .init(maximumSteps: options.maximumSteps)))
    }
    let summary = try HaggleSummary(game: game, specs: specs, runs: runs)
    switch options.format {
    case .json: return json(summary, options: options)
    case .text: return text(summary, fileName: fileName, ranking: ranking, options: options)
    }
  }

  /// The options' ranges.
  static func validate(_ options: Options) throws {
    guard (1...9).contains(options.states) else { throw LabError.invalidInput(place: "--states", problem: "\(options.states) is not in 1...9") }
    guard (1...1_000_000).contains(options.runs) else {
      throw LabError.invalidInput(place: "--runs", problem: "\(options.runs) is not in 1...1000000")
    }
    guard (1...100_000_000).contains(options.maximumSteps) else {
      throw LabError.invalidInput(place: "--max-steps", problem: "\(options.maximumSteps) is not in 1...100000000")
    }
    if let γ = options.discount, !(γ > 0 && γ < 1) { throw LabError.invalidInput(place: "--discount", problem: "\(γ) is not in (0, 1)") }
  }

  /// The runs of `haggle`, tallied by stable cycle (from its least rotation), with each cycle's median
  /// lock-in round.
  struct HaggleSummary {
    let game: NormalFormGame
    let specs: [HagglerSpec]
    let runs: [HagglingRun]
    let tally: OutcomeTally
    let medians: [String: Double]

    init(game: NormalFormGame, specs: [HagglerSpec], runs: [HagglingRun]) throws {
      var tally = OutcomeTally()
      for (r, run) in runs.enumerated() { tally.add(HagglingText.canonicalCycle(run.cycle, game: game), run: r) }
      var medians: [String: Double] = [:]
      for (key, _) in tally.sorted {
        medians[key] = try Statistics.median(runs.filter { HagglingText.canonicalCycle($0.cycle, game: game) == key }.map { Double($0.lockInTime) })
      }
      self.game = game
      self.specs = specs
      self.runs = runs
      self.tally = tally
      self.medians = medians
    }
  }

  /// `haggle`'s JSON: the players, the outcomes and, with `trace`, the first run's switches.
  static func json(_ summary: HaggleSummary, options: Options) -> String {
    let (game, specs, runs, tally, medians) = (summary.game, summary.specs, summary.runs, summary.tally, summary.medians)
    var fields: [(String, JSONValue)] = [
      (
        "players",
        .array(
          specs.enumerated().map { i, spec in
            .object([
              ("name", .string(game.playerNames[i])), ("hypotheses", .number(Double(spec.count))), ("top", .number(spec.view.pureMaxmin)),
              ("highestDemand", .number(spec.valuation.rankingValue(Int(spec.members[0])))),
            ])
          })
      ),
      ("runs", .number(Double(options.runs))),
      (
        "outcomes",
        .array(
          tally.sorted.map { key, count in
            let run = runs[tally.examples[key]!]
            return .object([
              ("cycle", .string(key)), ("runs", .number(Double(count))), ("payoffs", .array(run.averagePayoffs.map { .number($0) })),
              ("exactPayoffs", run.exactAveragePayoffs.map { .array($0.map { .string($0.description) }) } ?? .null),
              ("medianLockIn", .number(medians[key]!)),
            ])
          })
      ),
    ]
    if options.trace, let first = runs.first {
      fields.append(
        (
          "trace",
          .array(
            first.switches.map { s in
              .object([
                ("time", .number(Double(s.time))), ("agent", .number(Double(s.agent + 1))), ("demand", .number(s.demand)),
                ("hypothesis", .string(label(s, specs: specs, game: game))),
              ])
            })
        ))
    }
    return JSONValue.object(fields).rendered()
  }

  /// `haggle`'s text: the agents, the stable cycles and, with `trace`, the first run's switches.
  static func text(_ summary: HaggleSummary, fileName: String, ranking: Ranking, options: Options) -> String {
    let (game, specs, runs, tally, medians) = (summary.game, summary.specs, summary.runs, summary.tally, summary.medians)
    var out = "\(fileName): \(game.playerCount) players, \(game.actionCounts.map(String.init).joined(separator: " × ")) actions\n"
    out +=
      "Hypotheses: ⊤ and password hypotheses with at most \(options.states) states\(options.opponentCycles ? ", and autonomous opponents" : ""); ranking \(ranking); prior \(options.prior.rawValue)\n\n"
    var players = Table(id: "players", title: "Agents", columns: ["player", "hypotheses", "V(⊤) (pure maxmin)", "highest demand", "⊤'s action"])
    let exactDemands = specs.allSatisfy { $0.valuation.groupExactValues != nil }
    for (i, spec) in specs.enumerated() {
      let highest = exactDemands ? spec.valuation.groupExactValues?[0].description : nil
      players.append([
        .text(game.playerNames[i]), .integer(spec.count), .text(DecimalFormat.compact(spec.view.pureMaxmin, significant: 6)),
        .text(highest ?? DecimalFormat.compact(spec.valuation.groupValues[0], significant: 6)),
        .text(game.actions[i][spec.view.topAction]),
      ])
    }
    out += players.renderedText() + "\n"
    var outcomes = Table(
      id: "outcomes", title: "Stable cycles of \(options.runs) runs (seed \(options.seed))",
      columns: ["stable cycle (from its least rotation)", "runs", "fraction", "payoffs", "median lock-in round"])
    // One number form per column: fractions only when every row has exact payoffs (a capped run has none).
    let exact = tally.sorted.allSatisfy { key, _ in runs[tally.examples[key]!].exactAveragePayoffs != nil }
    for (key, count) in tally.sorted {
      outcomes.append([
        .text(key), .integer(count), .real(Double(count) / Double(options.runs), digits: 3),
        .text(HagglingText.payoffs(runs[tally.examples[key]!], exact: exact)),
        .real(medians[key]!, digits: 1),
      ])
    }
    out += outcomes.renderedText()
    if options.trace, let first = runs.first {
      var trace = Table(id: "trace", title: "Switches of run 1", columns: ["round", "agent", "demand", "hypothesis"])
      let exactTrace = first.switches.allSatisfy { $0.exactDemand != nil }
      for s in first.switches {
        let demand = exactTrace ? s.exactDemand?.description : nil
        trace.append([
          .integer(s.time), .text(game.playerNames[s.agent]), .text(demand ?? DecimalFormat.compact(s.demand, significant: 6)),
          .text(label(s, specs: specs, game: game)),
        ])
      }
      out += "\n" + trace.renderedText()
      out += "Stable cycle from round \(first.cycleStart): \(HagglingText.cycle(first.cycle, game: game))\n"
    }
    return out
  }

  /// A hypothesis written with the game's action names; observations list the others' actions.
  static func label(_ s: HypothesisSwitch, specs: [HagglerSpec], game: NormalFormGame) -> String {
    let view = specs[s.agent].view
    let observationNames = (0..<view.observationCount).map { o in
      view.others.map { game.actions[$0][view.profile(action: 0, observation: o)[$0]] }.joined(separator: "+")
    }
    return specs[s.agent].valuation.space.label(s.hypothesis, actionNames: game.actions[s.agent], observationNames: observationNames)
  }
}
