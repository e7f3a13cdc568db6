import Foundation

/// A file a user names on the command line: a path, or `-` for standard input.
///
/// Every command that reads a game, an agent file or a strategy file takes its text through here, so
/// `reproduce game solve -` and `reproduce game solve /dev/stdin` read a game piped in from another
/// program (a Python session, say) without a temporary file. A named pipe or a character device
/// (`/dev/stdin` is one of these) is read to its end like a regular file.
public enum InputFile {
  /// The name that means standard input.
  public static let standardInputName = "-"

  /// The file's UTF-8 text.
  ///
  /// - Throws: ``LabError/fileSystem(path:problem:)`` when the file does not exist, is a folder, cannot
  ///   be read or is not UTF-8; standard input is named "standard input" in the message.
  public static func read(_ path: String) throws -> String {
    if path == standardInputName {
      return try text(of: FileHandle.standardInput.readDataToEndOfFile(), name: "standard input")
    }
    var status = stat()
    if stat(path, &status) == 0, status.st_mode & S_IFMT != S_IFREG, status.st_mode & S_IFMT != S_IFDIR {
      // A pipe or a device (stat follows /dev/stdin's symbolic links to what it is).
      guard let handle = FileHandle(forReadingAtPath: path) else {
        throw LabError.fileSystem(path: path, problem: "cannot read: \(String(cString: strerror(errno)))")
      }
      defer { try? handle.close() }
      return try text(of: handle.readDataToEndOfFile(), name: path)
    }
    guard let text = try AtomicFile.read(path) else { throw LabError.fileSystem(path: path, problem: "no such file") }
    return text
  }

  /// How error messages name the input: `standard input` for `-`, the path otherwise.
  public static func displayName(_ path: String) -> String {
    path == standardInputName ? "standard input" : path
  }

  private static func text(of data: Data, name: String) throws -> String {
    guard let text = String(data: data, encoding: .utf8) else {
      throw LabError.fileSystem(path: name, problem: "not UTF-8 text")
    }
    return text
  }
}
