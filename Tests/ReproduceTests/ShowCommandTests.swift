import Foundation
import Testing

/// `reproduce show`: stored results without computing, through the real executable.
@Suite struct ShowCommandTests {
  /// Before a run, nothing is stored: exit 1 with a message saying so, and no file is created.
  @Test func nothingStoredSaysSoAndCreatesNothing() throws {
    let root = try ReproduceCommand.temporaryFolder("show-empty")
    let result = try ReproduceCommand.run(["show", "ma.strategic-time", "--scale", "smoke", "--output", root.path])
    #expect(result.status == 1)
    #expect(result.standardOutput.contains("ma.strategic-time: nothing stored"))
    #expect(result.standardOutput.contains("`reproduce run ma.strategic-time` with the same options computes and stores it."))
    #expect(ReproduceCommand.files(under: root).isEmpty)
    #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent(".reproduce-store").path))
  }

  /// After a run of the experiment, `show` prints the claim as the report does, from the store; at
  /// another seed nothing is stored.
  @Test func showsAStoredClaimAndExperiment() throws {
    let root = try ReproduceCommand.outputRootWithDocuments("show")
    let run = try ReproduceCommand.run(["run", "ma.strategic-time", "--scale", "smoke", "--jobs", "1", "--output", root.path])
    #expect(run.status == 0, "\(run.standardError)")
    #expect(run.standardError.contains("0 of 1 experiments reused, 1 computed"))
    let claim = try ReproduceCommand.run(["show", "ma.information-structures", "--scale", "smoke", "--output", root.path])
    #expect(claim.status == 0, "\(claim.standardError)")
    assertGolden(claim.standardOutput, "show-claim-smoke.txt")
    // The same text as the claim's part of the report written by the run.
    let report = try String(contentsOf: root.appendingPathComponent("Reproduce/ModalAgents/report.txt"), encoding: .utf8)
    let body = claim.standardOutput.components(separatedBy: "\n\n").dropFirst().joined(separator: "\n\n")
    #expect(!body.isEmpty && report.contains(body))
    let experiment = try ReproduceCommand.run(["show", "ma.strategic-time", "--scale", "smoke", "--output", root.path])
    #expect(experiment.status == 0 && experiment.standardOutput.contains("ma.strategic-time: "))
    let otherSeed = try ReproduceCommand.run(["show", "ma.strategic-time", "--scale", "smoke", "--seed", "5", "--output", root.path])
    #expect(otherSeed.status == 1 && otherSeed.standardOutput.contains("Not stored at scale smoke, seed 5"))
    // A second run takes the experiment from the store.
    let again = try ReproduceCommand.run(["run", "ma.strategic-time", "--scale", "smoke", "--jobs", "1", "--output", root.path])
    #expect(again.status == 0 && again.standardError.contains("1 of 1 experiments reused, 0 computed"))
    #expect(again.standardOutput.components(separatedBy: "\nWrote")[0] == run.standardOutput.components(separatedBy: "\nWrote")[0])
  }

  /// An unknown id is an error naming it, with the nearest ids, exit 2.
  @Test func unknownIdExitsTwoNamingIt() throws {
    let result = try ReproduceCommand.run(["show", "ma.information-structure"])
    #expect(result.status == 2)
    #expect(
      result.standardError
        == "error: unknown id 'ma.information-structure'; did you mean 'ma.information-structures'? (`reproduce list` shows every id)\n")
    #expect(result.standardOutput.isEmpty)
  }

  /// Runs with and without the store write byte-identical outputs, the store then holds every
  /// experiment, and a damaged store entry is reported and recomputed by the real executable.
  @Test func outputsAreIdenticalWithAndWithoutTheStore() throws {
    let with = try ReproduceCommand.outputRootWithDocuments("with-store")
    let without = try ReproduceCommand.outputRootWithDocuments("without-store")
    let arguments = ["run", "ModalAgents", "--scale", "smoke", "--jobs", "2", "--output"]
    #expect(try ReproduceCommand.run(arguments + [with.path]).status == 0)
    #expect(try ReproduceCommand.run(arguments + [with.path]).standardError.contains("6 of 6 experiments reused"))
    #expect(try ReproduceCommand.run(arguments + [without.path, "--no-store"]).status == 0)
    #expect(ReproduceCommand.files(under: with) == ReproduceCommand.files(under: without))
    #expect(!FileManager.default.fileExists(atPath: without.appendingPathComponent(".reproduce-store").path))
    #expect(FileManager.default.fileExists(atPath: with.appendingPathComponent(".reproduce-store/cells.sqlite").path))
  }
}
