import Foundation
import Testing

/// Runs the built `reproduce` executable as a process, as a researcher would.
enum ReproduceCommand {
  /// The package root, found from this file's path.
  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// The executable built next to the test bundle (`swift build --build-tests` builds it).
  static var executable: URL {
    let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("reproduce")
    if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
    return packageRoot.appendingPathComponent(".build/debug/reproduce")
  }

  struct Result {
    let status: Int32
    let standardOutput: String
    let standardError: String
  }

  static func run(_ arguments: [String], in directory: URL? = nil, input: String? = nil) throws -> Result {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    let output = Pipe()
    let error = Pipe()
    process.standardOutput = output
    process.standardError = error
    let standardInput = Pipe()
    process.standardInput = input == nil ? FileHandle.nullDevice : standardInput
    try process.run()
    if let input {
      standardInput.fileHandleForWriting.write(Data(input.utf8))
      try standardInput.fileHandleForWriting.close()
    }
    // Read before waiting, so a full pipe cannot block the child.
    let out = output.fileHandleForReading.readDataToEndOfFile()
    let err = error.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, standardOutput: String(decoding: out, as: UTF8.self),
      standardError: String(decoding: err, as: UTF8.self))
  }

  /// A new empty folder.
  static func temporaryFolder(_ name: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("reproduce-tests-\(name)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// A new folder holding a copy of the package's hand-written literate documents, as an output root.
  static func outputRootWithDocuments(_ name: String) throws -> URL {
    let root = try temporaryFolder(name)
    try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("Papers"), to: root.appendingPathComponent("Papers"))
    return root
  }

  /// Every regular file under `root`, by relative path, with its bytes; the cell store
  /// (`.reproduce-store/`, a database whose pages and timings vary from run to run) excluded.
  static func files(under root: URL) -> [String: Data] {
    var files: [String: Data] = [:]
    let prefix = root.standardizedFileURL.path + "/"
    guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else { return files }
    for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
      let path = String(url.standardizedFileURL.path.dropFirst(prefix.count))
      if !path.hasPrefix(".reproduce-store/") { files[path] = FileManager.default.contents(atPath: url.path) }
    }
    return files
  }
}

/// Compares `actual` with `Golden/<name>`; records it (and fails) when missing or RECORD_GOLDEN=1.
func assertGolden(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
  let url = ReproduceCommand.packageRoot.appendingPathComponent("Tests/ReproduceTests/Golden/\(name)")
  if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" || !FileManager.default.fileExists(atPath: url.path) {
    try? Data(actual.utf8).write(to: url)
    Issue.record("Recorded golden file \(name); inspect it and run the tests again.", sourceLocation: sourceLocation)
    return
  }
  #expect(actual == (try? String(contentsOf: url, encoding: .utf8)), "differs from golden file \(name)", sourceLocation: sourceLocation)
}
