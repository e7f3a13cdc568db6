import Foundation
import Testing

@Suite struct ReproduceEndToEndTests {
  /// One smoke-scale run of everything, shared by the tests that only read it.
  static let smokeRun: (root: URL, result: ReproduceCommand.Result)? = {
    guard let root = try? ReproduceCommand.outputRootWithDocuments("smoke"),
      let result = try? ReproduceCommand.run(["run", "--scale", "smoke", "--jobs", "1", "--output", root.path])
    else { return nil }
    return (root, result)
  }()

  @Test func listClaimsShowsPapersAndClaims() throws {
    let result = try ReproduceCommand.run(["list", "--claims"])
    #expect(result.status == 0)
    assertGolden(result.standardOutput, "list-claims.txt")
  }

  @Test func smokeRunWritesEveryOutputAndSummarises() throws {
    let run = try #require(Self.smokeRun)
    #expect(run.result.status == 0, "\(run.result.standardError)")
    let files = ReproduceCommand.files(under: run.root)
    for path in [
      "Reproduce/MANIFEST.json", "Reproduce/NumericalPolitics/report.txt", "Reproduce/NumericalPolitics/results.json",
      "Reproduce/ModalAgents/report.txt", "Figures/NumericalPolitics/np.zero-memory.q-difference.svg", "Papers/README.md",
    ] {
      #expect(files[path] != nil, "missing \(path)")
    }
    // How many files changed depends on what the output folder held before, so it is not compared.
    let summary = run.result.standardOutput.replacing(run.root.path, with: "<DIR>")
      .replacing(/\(\d+ changed\)/, with: "(N changed)")
    assertGolden(summary, "run-smoke.txt")
  }

  /// Every claim of every paper has a class and a control, and every control flipped at smoke scale:
  /// under its perturbation the check gave the verdict it must give.
  @Test func everyClaimHasAClassAndAControlThatFlips() throws {
    let run = try #require(Self.smokeRun)
    let files = ReproduceCommand.files(under: run.root)
    var claims = 0
    for paper in ["NumericalPolitics", "IBHaggling", "SimilarityCooperation", "SocialEnvironmentDesign", "ModalAgents"] {
      let data = try #require(files["Reproduce/\(paper)/results.json"])
      let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
      for experiment in json["experiments"] as? [[String: Any]] ?? [] {
        for claim in experiment["claims"] as? [[String: Any]] ?? [] {
          claims += 1
          let id = claim["id"] as? String ?? "?"
          #expect(["consistency", "empirical"].contains(claim["class"] as? String), "\(id) has no class")
          #expect(claim["headline"] as? String == "smoke" && claim["verdict"] as? String == "smoke", "\(id) is not labelled smoke")
          let control = claim["control"] as? [String: Any]
          #expect(control != nil, "\(id) has no control")
          if let control {
            #expect(
              control["verdict"] as? String == control["expected"] as? String,
              "\(id): the control (\(control["description"] ?? "")) gave \(control["verdict"] ?? "") instead of \(control["expected"] ?? "")")
          }
        }
      }
    }
    #expect(claims >= 74)
  }

  @Test func runsWithOneAndTwoJobsWriteIdenticalBytes() throws {
    let run = try #require(Self.smokeRun)
    let other = try ReproduceCommand.outputRootWithDocuments("jobs2")
    let result = try ReproduceCommand.run(["run", "--scale", "smoke", "--jobs", "2", "--output", other.path])
    #expect(result.status == 0, "\(result.standardError)")
    let one = ReproduceCommand.files(under: run.root)
    let two = ReproduceCommand.files(under: other)
    #expect(one.keys.sorted() == two.keys.sorted())
    for (path, bytes) in one { #expect(two[path] == bytes, "\(path) differs between --jobs 1 and --jobs 2") }
  }

  @Test func checkPassesOnFreshOutputsAndReportsAStaledFile() throws {
    let root = try ReproduceCommand.outputRootWithDocuments("stale")
    #expect(try ReproduceCommand.run(["run", "np.sugar-and-spice", "--scale", "smoke", "--output", root.path]).status == 0)
    let fresh = try ReproduceCommand.run(["check", "np.sugar-and-spice", "--scale", "smoke", "--output", root.path])
    #expect(fresh.status == 0, "\(fresh.standardOutput)\(fresh.standardError)")

    let report = root.appendingPathComponent("Reproduce/NumericalPolitics/report.txt")
    try Data("edited by hand\n".utf8).write(to: report)
    let stale = try ReproduceCommand.run(["check", "np.sugar-and-spice", "--scale", "smoke", "--output", root.path])
    #expect(stale.status == 1)
    #expect(stale.standardOutput.contains("stale      Reproduce/NumericalPolitics/report.txt"))
  }

  @Test(arguments: [
    (["--set", "nosuchparameter=1"], "no selected experiment has a parameter 'nosuchparameter'"),
    (["--set", "encountersPerAgent=many"], "'many' is not an integer"),
    (["--set", "replicates=0"], "out of range"),
    (["--set", "learningRate=nan"], "'nan' is not a real number in (0, 1]"),
    (["--set", "populationSize"], "expected KEY=VALUE"),
    (["--set", "learningRateSchedule=cubic"], "'cubic' is not a reading of learningRateSchedule; the readings: constant ("),
  ])
  func badParameterExitsNonZeroAndWritesNothing(arguments: [String], message: String) throws {
    let root = try ReproduceCommand.temporaryFolder("bad-set")
    let result = try ReproduceCommand.run(["run", "np.zero-memory", "--scale", "smoke", "--output", root.path] + arguments)
    #expect(result.status == 2)
    #expect(result.standardError.contains(message), "\(result.standardError)")
    #expect(ReproduceCommand.files(under: root).isEmpty)
  }

  @Test func unknownIDAndBadOptionsAreUsageErrors() throws {
    let unknown = try ReproduceCommand.run(["run", "np.zero-memroy", "--output", "/nonexistent"])
    #expect(unknown.status == 2)
    #expect(unknown.standardError.contains("unknown id 'np.zero-memroy'; did you mean 'np.zero-memory'?"))
    let unrelated = try ReproduceCommand.run(["run", "qqqqqqqqqqqq", "--output", "/nonexistent"])
    #expect(unrelated.standardError.contains("unknown id 'qqqqqqqqqqqq'; known ids: NumericalPolitics, np.sugar-and-spice"))
    #expect(try ReproduceCommand.run(["run", "--jobs", "0"]).status == 2)
    #expect(try ReproduceCommand.run(["run", "--scale", "huge"]).status == 2)
  }
}
