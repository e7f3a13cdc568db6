import Foundation
import Testing

@testable import LabKit

/// A run replaces its outputs all or nothing, cleans what an interrupted run left, and `check`
/// accounts for every file under the output folders (issue 20, items 4 and 5).
@Suite struct StagedInstallTests {
  typealias Toy = ReproductionTests

  /// Every file under the output folders of `root`, with its text (leftovers included).
  static func snapshot(_ root: String) -> [String: String] {
    var files: [String: String] = [:]
    for path in OutputTree.filesOnDisk(root: root) { files[path] = try? String(contentsOfFile: root + "/" + path, encoding: .utf8) }
    return files
  }

  /// A root holding the outputs of seed 3 (the "old set"), and the tree of seed 4 (the "new set").
  static func oldRootAndNewTree() throws -> (root: String, old: [String: String], new: OutputTree) {
    let root = try Toy.temporaryRoot()
    try Toy.reproduction.run([], options: .init(scale: .smoke, seed: 3, root: root)).tree.write(root: root)
    let new = try Toy.reproduction.run([], options: .init(scale: .smoke, seed: 4, root: root)).tree
    return (root, snapshot(root), new)
  }

  @Test func aWriteReplacesEverythingAndLeavesNoStaging() throws {
    let (root, old, new) = try Self.oldRootAndNewTree()
    let changed = try new.write(root: root)
    #expect(
      changed.sorted()
        == ["Papers/Toy.md", "Reproduce/MANIFEST.json", "Reproduce/Toy/report.txt", "Reproduce/Toy/results.json"].filter { old[$0] != new.files[$0] })
    #expect(Self.snapshot(root) == new.files)
    #expect(!FileManager.default.fileExists(atPath: root + "/" + StagedInstall.committedName))
    #expect(try new.staleFiles(root: root).isEmpty)
  }

  @Test func aFailedWriteLeavesTheOldSetAndNoStaging() throws {
    let (root, old, new) = try Self.oldRootAndNewTree()
    // The report's path is a folder: the run refuses before anything is replaced.
    try FileManager.default.removeItem(atPath: root + "/Reproduce/Toy/report.txt")
    try FileManager.default.createDirectory(atPath: root + "/Reproduce/Toy/report.txt", withIntermediateDirectories: false)
    do {
      try new.write(root: root)
      Issue.record("the write succeeded")
    } catch let error as LabError {
      #expect("\(error)".contains("Reproduce/Toy/report.txt: is a folder, not a file"), "\(error)")
    }
    var expected = old
    expected["Reproduce/Toy/report.txt"] = nil
    #expect(Self.snapshot(root) == expected)
    #expect(!FileManager.default.fileExists(atPath: root + "/" + StagedInstall.partialName))
  }

  @Test func anUncommittedStagingIsReportedThenDiscarded() throws {
    let (root, old, new) = try Self.oldRootAndNewTree()
    let partial = root + "/" + StagedInstall.partialName + "/files/Reproduce/Toy"
    try FileManager.default.createDirectory(atPath: partial, withIntermediateDirectories: true)
    try "half written".write(toFile: partial + "/report.txt", atomically: false, encoding: .utf8)
    let oldTree = try Toy.reproduction.run([], options: .init(scale: .smoke, seed: 3, root: root)).tree
    let stale = try oldTree.staleFiles(root: root)
    #expect(stale == [.init(path: StagedInstall.partialName, reason: .uncommittedStaging)])
    #expect(stale[0].description.contains("the OLD outputs are intact"))
    #expect(Self.snapshot(root) == old)
    try new.write(root: root)
    #expect(Self.snapshot(root) == new.files)
    #expect(!FileManager.default.fileExists(atPath: root + "/" + StagedInstall.partialName))
  }

  @Test func aCommittedInstallInterruptedHalfWayIsFinishedByTheNextRun() throws {
    let (root, old, new) = try Self.oldRootAndNewTree()
    // Stage and commit by hand, then move one file: a kill in the middle of the install.
    let committed = root + "/" + StagedInstall.committedName
    let writes = new.paths.filter { old[$0] != new.files[$0] }
    #expect(writes.count >= 3)
    for path in writes {
      let staged = committed + "/files/" + path
      try FileManager.default.createDirectory(atPath: (staged as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try new.files[path]!.write(toFile: staged, atomically: false, encoding: .utf8)
    }
    try writes.map { "write \($0)\n" }.joined().write(toFile: committed + "/plan.txt", atomically: false, encoding: .utf8)
    #expect(rename(committed + "/files/" + writes[0], root + "/" + writes[0]) == 0)

    let stale = try new.staleFiles(root: root)
    #expect(stale.contains(.init(path: StagedInstall.committedName, reason: .unfinishedInstall(filesToMove: writes.count - 1))))
    #expect(stale.last!.description.contains("the NEW outputs are complete there, \(writes.count - 1) files still to move"))
    let recovery = try StagedInstall.recover(root: root)
    #expect(recovery.finished == Array(writes.dropFirst()))
    #expect(Self.snapshot(root) == new.files)
    #expect(try new.staleFiles(root: root).isEmpty)
  }

  @Test func checkNamesEveryUnexpectedFileLeftoverAndDeletedDocument() throws {
    let (root, _, _) = try Self.oldRootAndNewTree()
    try "notes".write(toFile: root + "/Figures/Toy/notes.txt", atomically: false, encoding: .utf8)
    try "{}".write(toFile: root + "/Reproduce/extra.json", atomically: false, encoding: .utf8)
    try FileManager.default.createDirectory(atPath: root + "/Figures/Other", withIntermediateDirectories: true)
    try "<svg/>".write(toFile: root + "/Figures/Other/orphan.svg", atomically: false, encoding: .utf8)
    try "x".write(toFile: root + "/Reproduce/Toy/.report.txt.4242.tmp", atomically: false, encoding: .utf8)
    try FileManager.default.removeItem(atPath: root + "/Papers/Toy.md")

    let tree = try Toy.reproduction.run([], options: .init(scale: .smoke, seed: 3, root: root)).tree
    let stale = try tree.staleFiles(root: root)
    #expect(
      stale == [
        .init(path: "Papers/Toy.md", reason: .missingDocument),
        .init(path: "Figures/Other/orphan.svg", reason: .foreign),
        .init(path: "Figures/Toy/notes.txt", reason: .foreign),
        .init(path: "Reproduce/extra.json", reason: .foreign),
        .init(path: "Reproduce/Toy/.report.txt.4242.tmp", reason: .leftoverTemporary),
      ])
    #expect(stale[0].description.contains("restore it with `git checkout -- Papers/Toy.md`"))
    // The run refuses rather than dropping the document from the outputs, and writes nothing.
    let before = Self.snapshot(root)
    #expect(throws: LabError.self) { try tree.write(root: root) }
    #expect(Self.snapshot(root) == before)

    // With the document back, the run deletes the stray temporary file and check is left with the
    // foreign files only.
    try "# Toy\n\nProse.\n\n<!-- reproduce:begin toy.coin.half -->\n<!-- reproduce:end toy.coin.half -->\n".write(
      toFile: root + "/Papers/Toy.md", atomically: true, encoding: .utf8)
    let restored = try Toy.reproduction.run([], options: .init(scale: .smoke, seed: 3, root: root)).tree
    try restored.write(root: root)
    #expect(try restored.staleFiles(root: root).map(\.reason) == [.foreign, .foreign, .foreign])
  }

  @Test(arguments: [
    ("", "the output folder is empty"), ("/", "the file-system root"), ("/dev/null", "under /dev"), ("/proc/self", "under /proc"),
  ])
  func badOutputRootsAreRefused(root: String, message: String) throws {
    do {
      try OutputRoot.checked(root)
      Issue.record("\(root) accepted")
    } catch let error as LabError {
      #expect("\(error)".contains(message), "\(error)")
    }
  }

  @Test func anOutputRootThatIsAFileIsRefused() throws {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("labkit-file-\(UUID().uuidString)").path
    try "x".write(toFile: file, atomically: false, encoding: .utf8)
    #expect(throws: LabError.invalidInput(place: "--output \(file)", problem: "it exists and is not a folder; give a folder")) {
      try OutputRoot.checked(file)
    }
    #expect(throws: LabError.self) { try OutputRoot.checked(file + "/below") }
    #expect(throws: LabError.self) { try OutputRoot.join("/tmp", "../etc/passwd") }
  }
}
