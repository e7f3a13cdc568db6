// The README's worked example, verbatim: this file keeps it compiling and its verdicts true.
import LabKit

/// Chapter 2 of Numerical Politics: in a population where a fraction x always trades and the rest
/// always steal, meeting at random, the average wellbeing per encounter is 1 + 2x (from Table 2.1).
public struct MixedPopulationExperiment: Experiment {
  public init() {}

  /// How partners meet: the text assumes uniformly random pairs; a careful reader may ask about
  /// assortative meeting, where an agent meets its own type with probability 1/2 before the random draw.
  public enum Matching: String, ParameterChoice { case random, assortative }

  static let encounters = ParameterKey<Int>("encounters")
  static let replicates = ParameterKey<Int>("replicates")
  static let matching = ParameterKey<Matching>("matching")
  static let tradeTrade = ParameterKey<Double>("tradeTradeWellbeing")

  public let id = "np.mixed-population"
  public let title = "Average wellbeing of a mixed population of traders and stealers"
  public let sections = ["Chapter 2", "Table 2.1"]

  static let formulaClaim = Claim(
    id: "np.mixed-population.formula", source: "Table 2.1", kind: .example,
    statement: "With a fraction x of traders meeting at random, the average wellbeing per encounter is 1 + 2x.",
    class: .empirical, control: Control("Table 2.1 with the trade–trade wellbeing 3 replaced by 2"),
    readings: [matching.erased])
  static let limitClaim = Claim(
    id: "np.mixed-population.convergence", source: "Table 2.1", kind: .example,
    statement: "As encounters grow, the simulated average tends to 1 + 2x: the largest error over x tends to at most 0.01.",
    class: .empirical, control: Control("Table 2.1 with the trade–trade wellbeing 3 replaced by 2"),
    sizes: [encounters.erased])

  public var claims: [Claim] { [Self.formulaClaim, Self.limitClaim] }

  public var parameters: [Parameter] {
    [
      Parameter(
        Self.encounters, "Random encounters simulated per replicate.", domain: .integer(10...1_000_000_000),
        smoke: 10_000, standard: 1_000_000, paper: 10_000_000),
      Parameter(Self.replicates, "Independent replicates per fraction.", domain: .integer(2...1000), default: 8),
      Parameter(Self.matching, "How partners meet (the text: at random).", default: .random),
      Parameter(Self.tradeTrade, "Wellbeing of each trader when two traders meet (Table 2.1: 3).", domain: .real(0...10), default: 3),
    ]
  }

  public var readings: [Reading] {
    [
      Reading(
        Self.matching,
        [
          .init(Matching.random, reason: "the text's agents meet in uniformly random pairs", source: "Numerical Politics §2.1"),
          .init(Matching.assortative, reason: "real traders meet their own kind more often", source: "a careful reader"),
        ])
    ]
  }

  public var sizes: [Size] {
    [
      Size(
        Self.encounters, "encounters per replicate", smoke: [2_000, 5_000, 10_000],
        standard: [10_000, 100_000, 1_000_000], paper: [100_000, 1_000_000, 10_000_000])
    ]
  }

  static let fractions = [0.0, 0.25, 0.5, 0.75, 1.0]

  /// Replicate means of the wellbeing per encounter, for each fraction x, at one number of encounters.
  public struct Sample: Sendable {
    let means: [[Double]]
    let encounters: Int
  }

  /// One cell's simulation; the base cell also simulates the control (Table 2.1 perturbed) at every size.
  public struct Outcome: Sendable {
    let sample: Sample
    let control: [Sample]
  }

  public func simulate(in context: RunContext) throws -> Outcome {
    let p = context.parameters
    let sample = try Self.sample(p[Self.encounters], tradeTrade: p[Self.tradeTrade], context: context)
    guard context.isBaseCell else { return Outcome(sample: sample, control: []) }
    let control = try sizes[0].values(at: context.scale).map { size in
      try Self.sample(Int(parameterValue: size)!, tradeTrade: 2, context: context)
    }
    return Outcome(sample: sample, control: control)
  }

  static func sample(_ encounters: Int, tradeTrade: Double, context: RunContext) throws -> Sample {
    let assortative = context.parameters[matching] == .assortative
    let table = [tradeTrade, 0, 4, 1]  // own move, other move: TT, TS, ST, SS
    let means = try fractions.map { x in
      try context.replicates(context.parameters[replicates], stream: "x=\(x)") { _, random in
        var total = 0.0
        for _ in 0..<encounters {
          let a = random.bernoulli(x) ? 0 : 1
          let b = assortative && random.bernoulli(0.5) ? a : (random.bernoulli(x) ? 0 : 1)
          total += (table[2 * a + b] + table[2 * b + a]) / 2
        }
        return total / Double(encounters)
      }
    }
    return Sample(means: means, encounters: encounters)
  }

  public func judge(_ outcomes: Outcomes<Outcome>, in context: RunContext) throws -> ExperimentResult {
    var table = Table(
      id: "np.mixed-population.wellbeing", title: "Average wellbeing per encounter by fraction of traders",
      columns: ["traders x", "simulated", "99% interval", "1 + 2x"])
    for (x, means) in zip(Self.fractions, outcomes.base.sample.means) {
      let interval = try ConfidenceInterval.mean(of: means, level: 0.99)
      table.append([.real(x, digits: 2), .real(interval.estimate, digits: 4), .text(interval.bracket(digits: 4)), .real(1 + 2 * x, digits: 4)])
    }
    // The formula claim, in each reading: every 99% interval must contain 1 + 2x.
    let cells = try outcomes.cells(of: Self.formulaClaim).map { cell, outcome in
      VerdictMap.Cell(reading: cell.readingSetting, verdict: .checking(try Self.formulaHolds(outcome.sample)), n: outcome.sample.means.joined().count)
    }
    let control = ControlResult(Self.formulaClaim.control!, verdict: .checking(try Self.formulaHolds(outcomes.base.control.last!)))
    // The limit claim: the largest error over x, fitted against 1/encounters; its limit must be ≤ 0.01.
    let trend = try Self.trend(outcomes.cells(of: Self.limitClaim).map(\.outcome.sample))
    let controlTrend = try Self.trend(outcomes.base.control)
    let evidence = Evidence(
      summary: "Every 99% interval of the simulated mean contains 1 + 2x, in each reading marked holds.",
      tolerance: "99% t-interval over replicates", sampleSize: outcomes.base.sample.means.joined().count)
    return ExperimentResult(
      tables: [table],
      claims: [
        ClaimResult(Self.formulaClaim, map: VerdictMap(design: Self.formulaClaim.design, cells: cells), control: control, evidence: evidence),
        ClaimResult(
          Self.limitClaim,
          map: VerdictMap(
            design: .single, cells: [.init(reading: [], verdict: trend.verdict, estimate: trend.estimate, n: trend.n)], trends: [trend]),
          control: ControlResult(Self.limitClaim.control!, verdict: controlTrend.verdict), evidence: Evidence(summary: trend.described)),
      ])
  }

  /// Whether every fraction's 99% interval contains 1 + 2x.
  static func formulaHolds(_ sample: Sample) throws -> Bool {
    try zip(fractions, sample.means).allSatisfy { x, means in try ConfidenceInterval.mean(of: means, level: 0.99).contains(1 + 2 * x) }
  }

  /// The fitted limit, as encounters grow, of the largest |simulated − (1 + 2x)| over the fractions.
  static func trend(_ samples: [Sample]) throws -> Trend {
    let errors = samples.flatMap { sample in
      sample.means[0].indices.map { r in
        (size: Double(sample.encounters), value: zip(fractions, sample.means).map { x, means in abs(means[r] - 1 - 2 * x) }.max()!)
      }
    }
    return try Trend(reading: [], sizeName: encounters.name, observations: errors, statistic: .limit, bar: .atMost(0.01))
  }
}
