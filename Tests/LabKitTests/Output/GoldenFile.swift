import Foundation
import Testing

/// Compares `actual` with the committed golden file `name` in this target's `Golden` folder.
///
/// When the file is missing or `RECORD_GOLDEN=1` is set, the file is written and the test fails, so a
/// recording is never mistaken for a pass (the convention of swift-argument-parser's snapshots).
func assertGolden(_ actual: String, _ name: String, filePath: String = #filePath, sourceLocation: SourceLocation = #_sourceLocation) {
  let folder = URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Golden")
  let url = folder.appendingPathComponent(name)
  let record = ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1"
  if record || !FileManager.default.fileExists(atPath: url.path) {
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try? Data(actual.utf8).write(to: url)
    Issue.record("Recorded golden file \(name); inspect it and run the tests again.", sourceLocation: sourceLocation)
    return
  }
  let expected = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
  #expect(actual == expected, "differs from golden file \(name)", sourceLocation: sourceLocation)
}
