import ArgumentParser
import Foundation
import LabKit
import Testing

@testable import ReproduceCommandLine

/// ReproduceCommandLine over a catalog defined here, as an outside package defines its own: the
/// subcommands it gets, the ids it completes, and the parsing of its arguments.
@Suite struct CommandLineLibraryTests {
  /// One experiment with one claim, just enough to name ids (it is never run here).
  struct TinyExperiment: Experiment {
    let id = "tl.tiny"
    let title = "A tiny experiment"
    let sections = ["§1"]
    let parameters: [Parameter] = []
    let claims = [
      Claim(id: "tl.tiny.one", source: "§1", kind: .claim, statement: "One.", class: .empirical, control: Control("none"))
    ]
    func simulate(in context: RunContext) throws -> Int { 1 }
    func judge(_ outcomes: Outcomes<Int>, in context: RunContext) throws -> ExperimentResult { ExperimentResult() }
  }

  enum TinyLab: ReproduceCatalog {
    static let catalog = Catalog(papers: [
      Paper(id: "TinyLab", prefix: "tl", title: "Tiny", citation: "", sourceText: "", experiments: [TinyExperiment()])
    ])
    static var commandName: String { "tiny" }
  }

  struct Extra: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "extra")
  }

  enum TinyLabWithExtra: ReproduceCatalog {
    static var catalog: Catalog { TinyLab.catalog }
    static var subcommands: [any ParsableCommand.Type] { [Extra.self] }
  }

  @Test func theCatalogGetsTheSixSubcommandsThenItsOwn() {
    let names = ReproduceRoot<TinyLab>.configuration.subcommands.map { $0.configuration.commandName }
    #expect(names == ["run", "show", "check", "list", "site", "figures"])
    #expect(ReproduceRoot<TinyLab>.configuration.commandName == "tiny")
    let extended = ReproduceRoot<TinyLabWithExtra>.configuration.subcommands.map { $0.configuration.commandName }
    #expect(extended == ["run", "show", "check", "list", "site", "figures", "extra"])
    #expect(ReproduceRoot<TinyLabWithExtra>.configuration.commandName == "reproduce")
  }

  @Test func theDefaultReproductionRunsTheCatalogWithGSLsVersion() throws {
    #expect(TinyLab.reproduction.catalog.ids == ["TinyLab", "tl.tiny", "tl.tiny.one"])
    #expect(TinyLab.reproduction.libraryVersions.map(\.0) == ["gsl"])
    // Every paper is keyed by the fingerprint of the running executable (here the test bundle).
    #expect(TinyLab.reproduction.fingerprints == ["TinyLab": try #require(ExecutableFingerprint.current)])
  }

  /// FNV-1a 64's published test vectors (Fowler, Noll and Vo): "" and "a".
  @Test func theExecutableFingerprintIsFNV1a64() throws {
    #expect(ExecutableFingerprint.hex(ExecutableFingerprint.fnv1a(Data())) == "cbf29ce484222325")
    #expect(ExecutableFingerprint.hex(ExecutableFingerprint.fnv1a(Data("a".utf8))) == "af63dc4c8601ec8c")
    #expect(ExecutableFingerprint.hex(ExecutableFingerprint.fnv1a(Data("foobar".utf8))) == "85944171f73967e8")
    #expect(try #require(ExecutableFingerprint.current).count == 16)
  }

  @Test func idsCompleteFromTheCatalogByKindAndPrefix() {
    let catalog = TinyLab.catalog
    #expect(IDCompletion.candidates(catalog, kinds: [.paper, .experiment, .claim], prefix: "") == ["TinyLab", "tl.tiny", "tl.tiny.one"])
    #expect(IDCompletion.candidates(catalog, kinds: [.paper, .experiment, .claim], prefix: "tl.tiny.") == ["tl.tiny.one"])
    #expect(IDCompletion.candidates(catalog, kinds: [.paper, .experiment], prefix: "") == ["TinyLab", "tl.tiny"])
    #expect(IDCompletion.candidates(catalog, kinds: [.paper], prefix: "") == ["TinyLab"])
    #expect(IDCompletion.candidates(catalog, kinds: [.paper, .experiment, .claim], prefix: "x").isEmpty)
  }

  @Test func argumentsParseIntoTheCatalogsCommands() throws {
    let run = try ReproduceRoot<TinyLab>.parseAsRoot(["run", "tl.tiny", "--scale", "smoke", "--jobs", "1"])
    let parsed = try #require(run as? ReproduceRoot<TinyLab>.Run)
    #expect(parsed.ids == ["tl.tiny"])
    #expect(try ReproduceRoot<TinyLab>.parseAsRoot([]) is ReproduceRoot<TinyLab>.Run)
    #expect(try ReproduceRoot<TinyLab>.parseAsRoot(["list", "--claims"]) is ReproduceRoot<TinyLab>.List)
    // An added subcommand is parsed as such; without it, the same word is an id for the default `run`.
    #expect(try ReproduceRoot<TinyLabWithExtra>.parseAsRoot(["extra"]) is Extra)
    #expect((try ReproduceRoot<TinyLab>.parseAsRoot(["extra"]) as? ReproduceRoot<TinyLab>.Run)?.ids == ["extra"])
    // Bad input is refused while parsing, before anything runs.
    #expect(throws: (any Error).self) { try ReproduceRoot<TinyLab>.parseAsRoot(["run", "--jobs", "0"]) }
  }
}
