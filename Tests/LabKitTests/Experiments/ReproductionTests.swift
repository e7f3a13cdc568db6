import Foundation
import Testing

@testable import LabKit

/// A small experiment with every part of the mechanism: the mean of draws under two readings of how a
/// draw is made, a limit claim over the number of draws, and a negative control for each claim.
struct CoinExperiment: Experiment {
  /// How a draw is made: the open choice of this toy "text".
  enum DrawRule: String, ParameterChoice {
    case uniform, squared
  }

  /// What one cell's simulation returns: the replicate means.
  struct Outcome: Sendable {
    let means: [Double]
    let draws: Int
  }

  static let draws = ParameterKey<Int>("draws")
  static let rule = ParameterKey<DrawRule>("rule")

  let id = "toy.coin"
  let title = "Mean of uniform draws"
  let sections = ["§1"]
  static let bar = Bar.atLeast(0.45)
  static let claim = Claim(
    id: "toy.coin.half", source: "§1", kind: .claim, statement: "The mean of the draws is at least 0.45.", class: .empirical,
    control: Control("the bar moved past the measured interval"), readings: [rule.erased])
  static let limitClaim = Claim(
    id: "toy.coin.limit", source: "§1", kind: .claim, statement: "As the number of draws grows, their mean tends to a value of at least 0.45.",
    class: .empirical, control: Control("the squared rule, whose mean is 1/3"), sizes: [draws.erased])
  var claims: [Claim] { [Self.claim, Self.limitClaim] }
  var parameters: [Parameter] {
    [
      Parameter(Self.draws, "Draws per replicate.", domain: .integer(1...1_000_000), smoke: 100, standard: 1000, paper: 10_000),
      Parameter(Self.rule, "How a draw is made.", default: .uniform),
    ]
  }
  var readings: [Reading] {
    [
      Reading(
        Self.rule,
        [.init(DrawRule.uniform, reason: "a draw is u", source: "§1"), .init(DrawRule.squared, reason: "a draw is u²", source: "a careful reader")])
    ]
  }
  var sizes: [Size] {
    [Size(Self.draws, "draws per replicate", smoke: [50, 100, 200], standard: [100, 1000, 10_000], paper: [1000, 10_000, 100_000])]
  }

  func simulate(in context: RunContext) throws -> Outcome {
    let draws = context.parameters[Self.draws]
    let squared = context.parameters[Self.rule] == .squared
    let means = try context.replicates(4) { _, random in
      (0..<draws).map { _ in
        let u = random.uniform(); return squared ? u * u : u
      }.reduce(0, +) / Double(draws)
    }
    return Outcome(means: means, draws: draws)
  }

  func judge(_ outcomes: Outcomes<Outcome>, in context: RunContext) throws -> ExperimentResult {
    var table = Table(id: "toy.coin.means", title: "Replicate means", columns: ["replicate", "mean"])
    for (i, m) in outcomes.base.means.enumerated() { table.append([.integer(i), .real(m, digits: 4)]) }
    let cells = try outcomes.cells(of: Self.claim).map { cell, outcome in
      VerdictMap.Cell(reading: cell.readingSetting, interval: try ConfidenceInterval.mean(of: outcome.means), bar: Self.bar, n: outcome.means.count)
    }
    let base = try ConfidenceInterval.mean(of: outcomes.base.means)
    let control = ControlResult(Self.claim.control!, verdict: .comparing(base, Self.bar.movedPast(lower: base.lower, upper: base.upper)))
    let observations = outcomes.cells(of: Self.limitClaim).flatMap { _, outcome in outcome.means.map { (size: Double(outcome.draws), value: $0) } }
    // With the size pinned by --set there is no trend to judge: the limit claim is inconclusive.
    let trend = try? Trend(reading: [], sizeName: Self.draws.name, observations: observations, statistic: .limit, bar: Self.bar)
    let squaredObservations = observations.map { (size: $0.size, value: $0.value * 2 / 3) }  // mean 1/3 instead of 1/2
    let squaredTrend = try? Trend(reading: [], sizeName: Self.draws.name, observations: squaredObservations, statistic: .limit, bar: Self.bar)
    let evidence = Evidence(
      summary: "Mean \(DecimalFormat.fixed(base.estimate, digits: 4)).", measurements: [.init("mean", base.estimate)],
      tolerance: "95% t-interval against \(Self.bar)", sampleSize: 4)
    let limitCells = outcomes.cells(of: Self.limitClaim).map { cell, outcome in
      VerdictMap.Cell(reading: [], size: cell.sizeSetting, verdict: .inconclusive, estimate: outcome.means.reduce(0, +) / 4, n: 4)
    }
    return ExperimentResult(
      tables: [table], figures: [Figure(id: "toy.coin.figure", title: "A figure", svg: "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n")],
      claims: [
        ClaimResult(Self.claim, map: VerdictMap(design: Self.claim.design, cells: cells), control: control, evidence: evidence),
        ClaimResult(
          Self.limitClaim, map: VerdictMap(design: .single, cells: limitCells, trends: trend.map { [$0] } ?? []),
          control: ControlResult(Self.limitClaim.control!, verdict: squaredTrend?.verdict ?? .inconclusive), evidence: evidence),
      ])
  }
}

@Suite struct ReproductionTests {
  static let paper = Paper(
    id: "Toy", prefix: "toy", title: "A toy paper", citation: "Nobody, 2026", sourceText: "papers/toy.txt", experiments: [CoinExperiment()])
  static let reproduction = Reproduction(catalog: Catalog(papers: [paper]), libraryVersions: [("gsl", "test")])

  static func temporaryRoot() throws -> String {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("labkit-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: root + "/Papers", withIntermediateDirectories: true)
    try "# Toy\n\nProse.\n\n<!-- reproduce:begin toy.coin.half -->\n<!-- reproduce:end toy.coin.half -->\n".write(
      toFile: root + "/Papers/Toy.md", atomically: true, encoding: .utf8)
    return root
  }

  @Test func producesEveryOutput() throws {
    let root = try Self.temporaryRoot()
    let outcome = try Self.reproduction.run([], options: .init(scale: .smoke, seed: 3, root: root))
    #expect(
      outcome.tree.paths == [
        "Figures/Toy/toy.coin.figure.svg", "Papers/Toy.md", "Reproduce/MANIFEST.json", "Reproduce/Toy/report.txt", "Reproduce/Toy/results.json",
      ])
    let results = try JSONValue.parse(outcome.tree.files["Reproduce/Toy/results.json"]!)
    #expect(results.objectValue!.map(\.0) == ["paper", "source", "scale", "seed", "experiments"])
    let claim = results["experiments"]!.arrayValue![0]["claims"]!.arrayValue![0]
    #expect(
      claim.objectValue!.map(\.0) == [
        "id", "source", "kind", "statement", "class", "classReason", "meaningfulAt", "headline", "where",
        "verdict", "design", "readings", "trends", "control", "evidence", "measured",
      ])
    // Smoke scale labels every verdict smoke, in every output.
    #expect(claim["verdict"] == .string("smoke") && claim["headline"] == .string("smoke"))
    #expect(outcome.tree.files["Papers/Toy.md"]!.contains("**`toy.coin.half`** (claim, §1): **SMOKE** (empirical)"))
    #expect(outcome.tree.files["Reproduce/Toy/report.txt"]!.contains("Smoke scale: the verdicts test the pipeline only"))
    let manifest = try JSONValue.parse(outcome.tree.files["Reproduce/MANIFEST.json"]!)
    #expect(manifest["seed"] == .number(3))
    // Every output but the manifest itself.
    #expect(
      manifest["outputs"]!.arrayValue!.compactMap(\.stringValue) == [
        "Figures/Toy/toy.coin.figure.svg", "Papers/Toy.md", "Reproduce/Toy/report.txt", "Reproduce/Toy/results.json",
      ])
  }

  @Test func checkFindsStaleMissingAndUnexpectedFiles() throws {
    let root = try Self.temporaryRoot()
    let options = Reproduction.Options(scale: .smoke, seed: 3, root: root)
    try Self.reproduction.run([], options: options).tree.write(root: root)
    #expect(try Self.reproduction.run([], options: options).tree.staleFiles(root: root).isEmpty)

    try "tampered\n".write(toFile: root + "/Reproduce/Toy/report.txt", atomically: true, encoding: .utf8)
    try FileManager.default.removeItem(atPath: root + "/Figures/Toy/toy.coin.figure.svg")
    try "<svg/>".write(toFile: root + "/Figures/Toy/old.svg", atomically: true, encoding: .utf8)
    let stale = try Self.reproduction.run([], options: options).tree.staleFiles(root: root)
    #expect(
      stale == [
        .init(path: "Figures/Toy/toy.coin.figure.svg", reason: .missing),
        .init(path: "Reproduce/Toy/report.txt", reason: .different),
        .init(path: "Figures/Toy/old.svg", reason: .unexpected),
      ])
  }

  @Test func overridesAreValidatedBeforeAnyWork() throws {
    let root = try Self.temporaryRoot()
    #expect(throws: LabError.invalidInput(place: "--set drwas", problem: "no selected experiment has a parameter 'drwas'; allowed: draws, rule")) {
      try Self.reproduction.run([], options: .init(scale: .smoke, overrides: .init(["drwas": "5"]), root: root))
    }
    #expect(
      throws: LabError.invalidInput(
        place: "--set rule=cubed",
        problem: "'cubed' is not a reading of rule; the readings: uniform (a draw is u; §1), squared (a draw is u²; a careful reader)")
    ) {
      try Self.reproduction.run([], options: .init(scale: .smoke, overrides: .init(["rule": "cubed"]), root: root))
    }
    #expect(throws: LabError.self) {
      try Self.reproduction.run([], options: .init(scale: .smoke, overrides: .init(["draws": "0"]), root: root))
    }
  }

  @Test func selectionByClaimAndUnknownIDs() throws {
    let plan = try Self.reproduction.plan(["toy.coin.half"])
    #expect(plan.count == 1 && plan[0].experiments.map(\.id) == ["toy.coin"] && plan[0].whole)
    #expect(throws: LabError.unknownIdentifier("toy.nope", known: ["Toy", "toy.coin", "toy.coin.half", "toy.coin.limit"])) {
      try Self.reproduction.plan(["toy.nope"])
    }
  }

  @Test func partialRunRefusesResultsOfAnotherScale() throws {
    let twoExperiments = Paper(id: "Toy", prefix: "toy", title: "T", citation: "C", sourceText: "t", experiments: [CoinExperiment(), RenamedCoin()])
    let reproduction = Reproduction(catalog: Catalog(papers: [twoExperiments]), libraryVersions: [])
    let root = try Self.temporaryRoot()
    try reproduction.run([], options: .init(scale: .smoke, root: root)).tree.write(root: root)
    // Same scale: the other experiment's stored results are merged in, so nothing is stale.
    #expect(try reproduction.run(["toy.coin"], options: .init(scale: .smoke, root: root)).tree.staleFiles(root: root).isEmpty)
    #expect(throws: LabError.self) { try reproduction.run(["toy.coin"], options: .init(scale: .standard, root: root)) }
  }
}

/// The coin experiment under another id, to make a paper with two experiments.
struct RenamedCoin: Experiment {
  let id = "toy.coin2"
  let title = "Mean of uniform draws, again"
  let sections = ["§2"]
  var claims: [Claim] { [] }
  var parameters: [Parameter] { [] }
  func simulate(in context: RunContext) throws -> Bool { true }
  func judge(_ outcomes: Outcomes<Bool>, in context: RunContext) throws -> ExperimentResult { ExperimentResult() }
}

@Suite struct VerdictMapTests {
  @Test func aClaimIsJudgedInEveryReadingAndSaysWhereItHolds() throws {
    let result = try CoinExperiment().run(scale: .standard, seed: 3)
    let half = result.claims[0]
    #expect(half.map.cells.map(\.reading) == [[SettingItem("rule", "uniform")], [SettingItem("rule", "squared")]])
    #expect(half.map.cells.map(\.verdict) == [.holds, .fails])
    #expect(half.headline == .depends && half.verdict == .inconclusive)
    #expect(half.map.whereItHolds == "holds under [rule=uniform]; fails under [rule=squared]")
    #expect(half.control?.flipped == true)
    // The limit claim: a fitted limit over three sizes, not one size.
    let limit = result.claims[1]
    #expect(limit.map.trends.count == 1 && limit.map.trends[0].sizes == [100, 1000, 10_000])
    #expect(limit.headline == .holds && limit.control?.flipped == true)
  }

  @Test func setPinsAReadingAndRejectsUnknownReadings() throws {
    let result = try CoinExperiment().run(scale: .standard, seed: 3, overrides: ["rule": "squared"])
    #expect(result.claims[0].map.cells.map(\.verdict) == [.fails] && result.claims[0].headline == .fails)
    #expect(throws: LabError.self) { try CoinExperiment().run(overrides: ["rule": "cubed"]) }
  }

  @Test func headlinesCombineCells() {
    #expect(VerdictMap.combine([.holds, .holds]) == .holds)
    #expect(VerdictMap.combine([.fails, .fails]) == .fails)
    #expect(VerdictMap.combine([.holds, .fails, .inconclusive]) == .depends)
    #expect(VerdictMap.combine([.holds, .inconclusive]) == .inconclusive)
    #expect(Headline.comparing(lower: 0.839, upper: 0.926, .atLeast(0.9)) == .inconclusive)
    #expect(Headline.comparing(lower: 0.91, upper: 0.926, .atLeast(0.9)) == .holds)
    #expect(Headline.comparing(lower: 0.8, upper: 0.89, .atLeast(0.9)) == .fails)
    #expect(Headline.comparing(lower: 0.8, upper: 0.89, Bar.atLeast(0.9).movedPast(lower: 0.8, upper: 0.89)) == .fails)
    #expect(Headline.comparing(lower: 0.91, upper: 0.93, Bar.atLeast(0.9).movedPast(lower: 0.91, upper: 0.93)) == .fails)
  }

  @Test func trendsFitExactLinesAndJudgeTheirIntervals() throws {
    // y = 2 + 3/x exactly: the fitted limit is 2 with a zero-width interval.
    let exact = [1.0, 2, 4, 8].map { (size: $0, value: 2 + 3 / $0) }
    let limit = try Trend(reading: [], sizeName: "N", observations: exact, statistic: .limit, bar: .atLeast(1.5))
    #expect(abs(limit.estimate - 2) < 1e-12 && abs(limit.upper - limit.lower) < 1e-9 && limit.verdict == .holds)
    // y = 1 + 0.5 x with noise ±0.1: slope 0.5; the 95% interval from n − 2 = 4 degrees of freedom.
    let noisy = [(1.0, 1.6), (1.0, 1.4), (2.0, 2.1), (2.0, 1.9), (3.0, 2.6), (3.0, 2.4)].map { (size: $0.0, value: $0.1) }
    let slope = try Trend(reading: [], sizeName: "N", observations: noisy, statistic: .slope, bar: .atLeast(0))
    #expect(abs(slope.estimate - 0.5) < 1e-12 && slope.verdict == .holds && slope.means == [1.5, 2, 2.5])
    // Residual sum 0.06, s² = 0.06/4, Sxx = 4, SE = sqrt(0.00375); t(0.975, 4) = 2.776445105.
    #expect(abs(slope.upper - slope.estimate - 2.776445105 * 0.00375.squareRoot()) < 1e-8)
    #expect(throws: LabError.self) { try Trend(reading: [], sizeName: "N", observations: [(1, 1), (2, 2)], statistic: .slope, bar: .atLeast(0)) }
  }

  @Test func gridsEnumerateProductOrOneAtATime() throws {
    let declarations = [
      Parameter(ParameterKey<Int>("a"), "a", domain: .integer(0...9), default: 0),
      Parameter(ParameterKey<Int>("b"), "b", domain: .integer(0...9), default: 0),
    ]
    let readings = [
      Reading(ParameterKey<Int>("a"), [.init(0, reason: "r", source: "s"), .init(1, reason: "r", source: "s"), .init(2, reason: "r", source: "s")]),
      Reading(ParameterKey<Int>("b"), [.init(0, reason: "r", source: "s"), .init(1, reason: "r", source: "s")]),
    ]
    let base = try Parameters(declarations, scale: .smoke)
    func claim(_ design: GridDesign) -> Claim {
      Claim(
        id: "x", source: "s", kind: .claim, statement: "s", class: .empirical,
        readings: [ParameterKey<Int>("a").erased, ParameterKey<Int>("b").erased], design: design)
    }
    #expect(Grid.cells(of: claim(.product), readings: readings, sizes: [], base: base, scale: .smoke).count == 6)
    #expect(
      Grid.cells(of: claim(.oneAtATime), readings: readings, sizes: [], base: base, scale: .smoke).map(\.description)
        == ["a=0, b=0", "a=1, b=0", "a=2, b=0", "a=0, b=1"])
    #expect(Grid.cells(of: claim(.single), readings: readings, sizes: [], base: base, scale: .smoke).count == 1)
  }
}

@Suite struct ExperimentRunningTests {
  @Test func runsAtAScaleWithOverridesAndFindsColumns() throws {
    let result = try CoinExperiment().run(scale: .smoke, seed: 3, overrides: ["draws": "50"])
    #expect(result.claims.map(\.claim.id) == ["toy.coin.half", "toy.coin.limit"])
    #expect(result.tables[0].column("replicate") == ["0", "1", "2", "3"])
    #expect(result.tables[0].column("nope") == nil)
    #expect(throws: LabError.self) { try CoinExperiment().run(overrides: ["draws": "0"]) }
  }
}
