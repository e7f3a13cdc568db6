import Foundation
import Testing

/// Shell completion of ids: the completion scripts call `reproduce ---completion <subcommand> --
/// positional@0 <word index> <cursor> <words…>` (swift-argument-parser's protocol), and the executable
/// answers with the catalog's ids that start with the word typed so far, one per line.
@Suite struct ShellCompletionTests {
  /// Every id of the committed listing (Golden/list-claims.txt), in its order: papers (unindented,
  /// `Name (prefix): …`), experiments (two spaces) and claims (four spaces), with its kind.
  static let listedIDs: [(id: String, kind: String)] = {
    let url = ReproduceCommand.packageRoot.appendingPathComponent("Tests/ReproduceTests/Golden/list-claims.txt")
    let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    return text.split(separator: "\n").compactMap { line in
      if let match = line.wholeMatch(of: #/(\S+) \(\S+\): .*/#) { return (String(match.1), "paper") }
      if let match = line.wholeMatch(of: #/  (\S+)  .*/#) { return (String(match.1), "experiment") }
      if let match = line.wholeMatch(of: #/    (\S+)  \(.*/#) { return (String(match.1), "claim") }
      return nil
    }
  }()

  /// The candidates the executable prints when completing `word` as the first id of `subcommand`.
  static func complete(_ subcommand: String, _ word: String) throws -> [String] {
    let result = try ReproduceCommand.run(
      ["---completion", subcommand, "--", "positional@0", "2", "\(word.count)", "reproduce", subcommand, word])
    #expect(result.status == 0, "\(result.standardError)")
    return result.standardOutput.split(separator: "\n").map(String.init)
  }

  @Test func theListingHasEveryKindOfID() {
    #expect(Self.listedIDs.filter { $0.kind == "paper" }.count == 5)
    #expect(Self.listedIDs.filter { $0.kind == "claim" }.count >= 74)
  }

  @Test func runCompletesEveryIDOfTheCatalogInOrder() throws {
    #expect(try Self.complete("run", "") == Self.listedIDs.map(\.id))
    #expect(try Self.complete("check", "") == Self.listedIDs.map(\.id))
  }

  @Test func aPrefixSelectsTheIDsThatStartWithIt() throws {
    #expect(
      try Self.complete("run", "np.zero-")
        == ["np.zero-memory", "np.zero-memory.q-difference", "np.zero-memory.steal", "np.zero-memory.steal-pair"])
    #expect(try Self.complete("show", "np.zero-memory.st") == ["np.zero-memory.steal", "np.zero-memory.steal-pair"])
    // Control: a prefix no id has gets nothing (so the lists above are filtered, not everything).
    #expect(try Self.complete("run", "np.no-such-").isEmpty)
  }

  @Test func listCompletesPapersAndExperimentsButNotClaims() throws {
    let listed = try Self.complete("list", "")
    #expect(listed == Self.listedIDs.filter { $0.kind != "claim" }.map(\.id))
    #expect(try Self.complete("figures", "") == Self.listedIDs.filter { $0.kind == "paper" }.map(\.id))
  }

  /// What bash offers for TAB after `line`: the generated script sourced into a real bash, its
  /// completion function called as bash calls it, COMPREPLY printed one per line.
  static func bashCompletions(_ line: String) throws -> [String] {
    let words = line.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
    let script = """
      source <(reproduce --generate-completion-script bash)
      COMP_WORDS=(\(words.map { "'\($0)'" }.joined(separator: " "))); COMP_CWORD=\(words.count - 1)
      COMP_LINE='\(line)'; COMP_POINT=${#COMP_LINE}
      _reproduce reproduce '\(words.last!)' '\(words[words.count - 2])'
      printf '%s\\n' "${COMPREPLY[@]}"
      """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = ["-c", script]
    var environment = ProcessInfo.processInfo.environment
    environment["PATH"] = ReproduceCommand.executable.deletingLastPathComponent().path + ":" + (environment["PATH"] ?? "")
    process.environment = environment
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
  }

  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/bin/bash")))
  func bashCompletesIDsOnTab() throws {
    #expect(
      try Self.bashCompletions("reproduce run np.zero-m")
        == ["np.zero-memory", "np.zero-memory.q-difference", "np.zero-memory.steal", "np.zero-memory.steal-pair"])
    #expect(try Self.bashCompletions("reproduce list sbc.fo") == ["sbc.folk"])
    // Control: the option --scale completes with its values, not with ids.
    #expect(try Self.bashCompletions("reproduce run --scale ") == ["smoke", "standard", "paper"])
  }

  /// The generated scripts ask the executable for the ids (rather than listing a fixed set of words).
  @Test func everyShellsScriptAsksTheExecutableForIDs() throws {
    for shell in ["bash", "zsh", "fish"] {
      let result = try ReproduceCommand.run(["--generate-completion-script", shell])
      #expect(result.status == 0, "\(shell): \(result.standardError)")
      for subcommand in ["run", "check", "show", "list"] {
        #expect(result.standardOutput.contains("---completion \(subcommand) -- positional@0"), "\(shell) does not complete \(subcommand)'s ids")
      }
      // Control: an option with no completion (--seed) is not wired to the executable.
      #expect(!result.standardOutput.contains("---completion run -- --seed"), "\(shell)")
    }
  }
}
