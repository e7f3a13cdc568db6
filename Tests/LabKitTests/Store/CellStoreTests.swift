import Foundation
import Testing

@testable import LabKit

@Suite struct CellStoreTests {
  static func reproduction(fingerprint: String) -> Reproduction {
    Reproduction(catalog: Catalog(papers: [ReproductionTests.paper]), libraryVersions: [("gsl", "test")], fingerprints: ["Toy": fingerprint])
  }

  static func options(root: String, store: CellStore?, jobs: Int = 1) -> Reproduction.Options {
    Reproduction.Options(scale: .smoke, seed: 3, jobs: jobs, root: root, store: store)
  }

  static func key(fingerprint: String = "f1") throws -> CellKey {
    let experiment = CoinExperiment()
    let parameters = try Parameters(experiment.parameters, scale: .smoke, overrides: [:])
    return CellKey(experiment: experiment.id, scale: .smoke, seed: 3, parameters: parameters, fingerprint: fingerprint)
  }

  /// FNV-1a 64 of the empty string is the offset basis; of "a", the published test vector.
  @Test func checksumIsFNV1a() {
    #expect(Checksum.fnv1a("") == "cbf29ce484222325")
    #expect(Checksum.fnv1a("a") == "af63dc4c8601ec8c")
    #expect(Checksum.fnv1a("foobar") == "85944171f73967e8")
  }

  @Test func keyNamesTheCellAndTheCode() throws {
    let key = try Self.key()
    #expect(key.cell == "toy.coin scale=smoke seed=3 draws=100,rule=uniform")
    #expect(key.description == key.cell + " code=f1")
  }

  @Test func storedCellRoundTrips() throws {
    let root = try ReproductionTests.temporaryRoot()
    let store = CellStore(folder: root + "/.store")
    let result = try CoinExperiment().run(scale: .smoke, seed: 3)
    let parameters = try Parameters(CoinExperiment().parameters, scale: .smoke, overrides: [:])
    let record = ExperimentRecord(experiment: CoinExperiment(), parameters: parameters, result: result, paper: "Toy", scale: .smoke)
    let cell = StoredCell(record: record, svgs: result.figures.map(\.svg))
    #expect(try store.lookup(Self.key()) == .missing)
    try store.save(cell, for: Self.key(), seconds: 0.5)
    // What comes back is the value as results.json writes it (numbers to 10 significant digits), and
    // it encodes to the same text that was stored.
    let decoded = try StoredCell(decoding: cell.encoded, place: "test")
    #expect(try store.lookup(Self.key()) == .hit(decoded))
    #expect(decoded.encoded == cell.encoded)
    #expect(decoded.svgs == result.figures.map(\.svg) && decoded.record.figures == ["Figures/Toy/toy.coin.figure.svg"])
    #expect(try store.count() == 1)
    // Reopening the folder finds it again (it is on disk, not in memory).
    #expect(try CellStore(folder: root + "/.store").lookup(Self.key()) == .hit(decoded))
  }

  /// The second run takes the experiment from the store, and every output is byte-identical to a
  /// run with the store and to a run without one.
  @Test func secondRunReusesTheStoreWithIdenticalOutputs() throws {
    let root = try ReproductionTests.temporaryRoot()
    let store = CellStore(folder: root + "/.store")
    let reproduction = Self.reproduction(fingerprint: "f1")
    let first = try reproduction.run([], options: Self.options(root: root, store: store))
    #expect(first.reused.isEmpty && first.storeNotes.isEmpty)
    let second = try reproduction.run([], options: Self.options(root: root, store: store, jobs: 2))
    #expect(second.reused == ["toy.coin"] && second.storeNotes.isEmpty)
    let without = try reproduction.run([], options: Self.options(root: root, store: nil))
    #expect(without.reused.isEmpty)
    #expect(first.tree.files == second.tree.files)
    #expect(first.tree.files == without.tree.files)
    #expect(first.tree.files.count == 5)
  }

  /// A truncated value, an altered checksum and a value that is no longer a stored cell are each
  /// reported with the key and recomputed; the outputs are those of a clean run.
  @Test func corruptEntryIsReportedAndRecomputed() throws {
    let root = try ReproductionTests.temporaryRoot()
    let store = CellStore(folder: root + "/.store")
    let reproduction = Self.reproduction(fingerprint: "f1")
    let clean = try reproduction.run([], options: Self.options(root: root, store: store))
    let damages = [
      "UPDATE cells SET value = substr(value, 1, length(value) / 2)",
      "UPDATE cells SET checksum = '0000000000000000'",
      "UPDATE cells SET value = '{\"record\": 1}', checksum = '\(Checksum.fnv1a("{\"record\": 1}"))'",
    ]
    for damage in damages {
      try store.database(create: false)!.execute(damage)
      guard case .corrupt = try store.lookup(Self.key()) else {
        Issue.record("\(damage) was not detected")
        continue
      }
      let rerun = try reproduction.run([], options: Self.options(root: root, store: store))
      #expect(rerun.reused.isEmpty)
      #expect(rerun.storeNotes.count == 1)
      #expect(rerun.storeNotes.first?.hasPrefix("corrupt store entry") == true)
      #expect(rerun.storeNotes.first?.hasSuffix(try Self.key().description) == true)
      #expect(rerun.tree.files == clean.tree.files)
      // The recomputed cell replaced the damaged one.
      guard case .hit = try store.lookup(Self.key()) else {
        Issue.record("not re-stored after \(damage)")
        continue
      }
    }
  }

  /// A cell stored by other code is reported as stale and recomputed, never reused.
  @Test func staleFingerprintIsNotReused() throws {
    let root = try ReproductionTests.temporaryRoot()
    let store = CellStore(folder: root + "/.store")
    _ = try Self.reproduction(fingerprint: "old").run([], options: Self.options(root: root, store: store))
    #expect(try store.lookup(Self.key(fingerprint: "new")) == .stale(fingerprint: "old"))
    let rerun = try Self.reproduction(fingerprint: "new").run([], options: Self.options(root: root, store: store))
    #expect(rerun.reused.isEmpty)
    #expect(rerun.storeNotes == ["stale store entry (code old, now new), recomputed: " + (try Self.key()).cell])
    guard case .hit = try store.lookup(Self.key(fingerprint: "new")) else {
      Issue.record("the recomputed cell was not stored")
      return
    }
  }

  /// Another `--set` value is another cell.
  @Test func parametersArePartOfTheKey() throws {
    let root = try ReproductionTests.temporaryRoot()
    let store = CellStore(folder: root + "/.store")
    let reproduction = Self.reproduction(fingerprint: "f1")
    _ = try reproduction.run([], options: Self.options(root: root, store: store))
    var options = Self.options(root: root, store: store)
    options.overrides = try ParameterOverrides(parsing: ["draws=50"])
    #expect(try reproduction.run([], options: options).reused.isEmpty)
    #expect(try store.count() == 2)
  }

  @Test func showPrintsStoredClaimsAndSaysWhatIsMissing() throws {
    let root = try ReproductionTests.temporaryRoot()
    let store = CellStore(folder: root + "/.store")
    let reproduction = Self.reproduction(fingerprint: "f1")
    guard case .incomplete(let nothing) = try reproduction.show("toy.coin.half", options: Self.options(root: root, store: store)) else {
      Issue.record("an empty store showed something")
      return
    }
    #expect(nothing.contains("toy.coin: nothing stored"))
    let outcome = try reproduction.run([], options: Self.options(root: root, store: store))
    let shown = try reproduction.show("toy.coin.half", options: Self.options(root: root, store: store))
    let claim = outcome.ran[0].experiments[0].claims[0]
    #expect(shown == .stored("Stored results at scale smoke, seed 3:\n\n" + Report.claim(claim)))
    let experiment = try reproduction.show("toy.coin", options: Self.options(root: root, store: store))
    #expect(experiment == .stored("Stored results at scale smoke, seed 3:\n\n" + Report.section(outcome.ran[0].experiments[0])))
    #expect(throws: LabError.self) { try reproduction.show("toy.coin.haf", options: Self.options(root: root, store: store)) }
  }
}
