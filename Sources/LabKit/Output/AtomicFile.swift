import Foundation

/// Writing files so that a reader never sees a half-written one: write a temporary file next to the
/// target, then rename it over the target (rename is atomic within a file system).
public enum AtomicFile {
  public static func write(_ text: String, to path: String) throws {
    let url = URL(fileURLWithPath: path)
    let folder = url.deletingLastPathComponent()
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
      try Data(text.utf8).write(to: temporary)
      if rename(temporary.path, url.path) != 0 {
        let problem = String(cString: strerror(errno))
        try? FileManager.default.removeItem(at: temporary)
        throw LabError.fileSystem(path: path, problem: "cannot replace the file: \(problem)")
      }
    } catch let error as LabError {
      throw error
    } catch {
      throw LabError.fileSystem(path: path, problem: "cannot write: \(error.localizedDescription)")
    }
  }

  /// The file's text, or nil when it does not exist.
  public static func read(_ path: String) throws -> String? {
    guard FileManager.default.fileExists(atPath: path) else { return nil }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw LabError.fileSystem(path: path, problem: "cannot read")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw LabError.fileSystem(path: path, problem: "not UTF-8 text")
    }
    return text
  }
}
