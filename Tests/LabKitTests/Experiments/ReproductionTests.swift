import Foundation
import Testing
@testable import LabKit

/// A small experiment: the mean of uniform draws, whose expected value 1/2 the claim checks.
struct CoinExperiment: Experiment {
  let id = "toy.coin"
  let title = "Mean of uniform draws"
  let sections = ["§1"]
  static let claim = Claim(id: "toy.coin.half", source: "§1", kind: .claim, statement: "The mean of uniform draws is 1/2.")
  var claims: [Claim] { [Self.claim] }
  var parameters: [Parameter] {
    [Parameter("draws", "Draws per replicate.", domain: .integer(1...1_000_000), smoke: .integer(100), standard: .integer(1000), paper: .integer(10_000))]
  }

  func run(in context: RunContext) throws -> ExperimentResult {
    let draws = context.parameters.integer("draws")
    let means = try context.replicates(4) { _, random in (0..<draws).map { _ in random.uniform() }.reduce(0, +) / Double(draws) }
    let mean = means.reduce(0, +) / 4
    var table = Table(id: "toy.coin.means", title: "Replicate means", columns: ["replicate", "mean"])
    for (i, m) in means.enumerated() { table.append([.integer(i), .real(m, digits: 4)]) }
    let evidence = Evidence(summary: "Mean \(DecimalFormat.fixed(mean, digits: 4)).", measurements: [.init("mean", mean)], tolerance: "±0.1", sampleSize: 4 * draws)
    return ExperimentResult(tables: [table], figures: [Figure(id: "toy.coin.figure", title: "A figure", svg: "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n")],
                            claims: [ClaimResult(Self.claim, .checking(abs(mean - 0.5) < 0.1), evidence)])
  }
}

@Suite struct ReproductionTests {
  static let paper = Paper(id: "Toy", prefix: "toy", title: "A toy paper", citation: "Nobody, 2026", sourceText: "papers/toy.txt", experiments: [CoinExperiment()])
  static let reproduction = Reproduction(catalog: Catalog(papers: [paper]), libraryVersions: [("gsl", "test")])

  static func temporaryRoot() throws -> String {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("labkit-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: root + "/Papers", withIntermediateDirectories: true)
    try "# Toy\n\nProse.\n\n<!-- reproduce:begin toy.coin.half -->\n<!-- reproduce:end toy.coin.half -->\n".write(toFile: root + "/Papers/Toy.md", atomically: true, encoding: .utf8)
    return root
  }

  @Test func producesEveryOutput() throws {
    let root = try Self.temporaryRoot()
    let outcome = try Self.reproduction.run([], options: .init(scale: .smoke, seed: 3, root: root))
    #expect(outcome.tree.paths == ["Figures/Toy/toy.coin.figure.svg", "Papers/Toy.md", "Reproduce/MANIFEST.json", "Reproduce/Toy/report.txt", "Reproduce/Toy/results.json"])
    let results = try JSONValue.parse(outcome.tree.files["Reproduce/Toy/results.json"]!)
    #expect(results.objectValue!.map(\.0) == ["paper", "source", "scale", "seed", "experiments"])
    let claim = results["experiments"]!.arrayValue![0]["claims"]!.arrayValue![0]
    #expect(claim.objectValue!.map(\.0) == ["id", "source", "kind", "statement", "verdict", "evidence", "measured"])
    #expect(claim["verdict"] == .string("reproduced"))
    #expect(outcome.tree.files["Papers/Toy.md"]!.contains("**`toy.coin.half`** (claim, §1): **REPRODUCED**"))
    let manifest = try JSONValue.parse(outcome.tree.files["Reproduce/MANIFEST.json"]!)
    #expect(manifest["seed"] == .number(3))
    // Every output but the manifest itself.
    #expect(manifest["outputs"]!.arrayValue!.compactMap(\.stringValue) == ["Figures/Toy/toy.coin.figure.svg", "Papers/Toy.md", "Reproduce/Toy/report.txt", "Reproduce/Toy/results.json"])
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
    #expect(stale == [
      .init(path: "Figures/Toy/toy.coin.figure.svg", reason: .missing),
      .init(path: "Reproduce/Toy/report.txt", reason: .different),
      .init(path: "Figures/Toy/old.svg", reason: .unexpected),
    ])
  }

  @Test func overridesAreValidatedBeforeAnyWork() throws {
    let root = try Self.temporaryRoot()
    #expect(throws: LabError.invalidInput(place: "--set drwas", problem: "no selected experiment has a parameter 'drwas'; allowed: draws")) {
      try Self.reproduction.run([], options: .init(scale: .smoke, overrides: .init(["drwas": "5"]), root: root))
    }
    #expect(throws: LabError.self) {
      try Self.reproduction.run([], options: .init(scale: .smoke, overrides: .init(["draws": "0"]), root: root))
    }
  }

  @Test func selectionByClaimAndUnknownIDs() throws {
    let plan = try Self.reproduction.plan(["toy.coin.half"])
    #expect(plan.count == 1 && plan[0].experiments.map(\.id) == ["toy.coin"] && plan[0].whole)
    #expect(throws: LabError.unknownIdentifier("toy.nope", known: ["Toy", "toy.coin", "toy.coin.half"])) {
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
  func run(in context: RunContext) throws -> ExperimentResult { ExperimentResult() }
}

@Suite struct ExperimentRunningTests {
  @Test func runsAtAScaleWithOverridesAndFindsColumns() throws {
    let result = try CoinExperiment().run(scale: .smoke, seed: 3, overrides: ["draws": "50"])
    #expect(result.claims.map(\.claim.id) == ["toy.coin.half"])
    #expect(result.tables[0].column("replicate") == ["0", "1", "2", "3"])
    #expect(result.tables[0].column("nope") == nil)
    #expect(throws: LabError.self) { try CoinExperiment().run(overrides: ["draws": "0"]) }
  }
}
