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
      throw LabError.fileSystem(path: path, problem: "cannot write: \(StagedInstall.describe(error))")
    }
  }

  /// The file's text, or nil when it does not exist.
  ///
  /// - Throws: ``LabError/fileSystem(path:problem:)`` saying what the path is when it is not a
  ///   readable regular file (a folder, a device such as `/dev/null`, no permission), or when the text
  ///   is not UTF-8.
  public static func read(_ path: String) throws -> String? {
    guard !path.isEmpty else { throw LabError.fileSystem(path: "\"\"", problem: "the file name is empty") }
    guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else {
      guard FileManager.default.fileExists(atPath: path) else { return nil }
      throw LabError.fileSystem(path: path, problem: "cannot read: \(String(cString: strerror(errno)))")
    }
    switch attributes[.type] as? FileAttributeType {
    case .typeRegular?: break
    case .typeDirectory?: throw LabError.fileSystem(path: path, problem: "is a folder, not a file")
    default: throw LabError.fileSystem(path: path, problem: "is not a regular file (a device, socket or pipe)")
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw LabError.fileSystem(path: path, problem: access(path, R_OK) == 0 ? "cannot read" : "cannot read: permission denied")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw LabError.fileSystem(path: path, problem: "not UTF-8 text")
    }
    return text
  }
}
