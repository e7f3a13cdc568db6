import Foundation

/// The files a run produces, by path relative to the output root, and the files it makes obsolete.
///
/// The same tree is either written (``write(root:)``) or compared with what is on disk
/// (``staleFiles(root:)``): that comparison is `reproduce check`.
public struct OutputTree: Sendable {
  /// Why a file on disk does not match the run.
  public struct Stale: Sendable, Equatable, CustomStringConvertible {
    public enum Reason: String, Sendable { case missing, different, unexpected }
    public let path: String
    public let reason: Reason

    public var description: String {
      switch reason {
      case .missing: return "missing    \(path)"
      case .different: return "stale      \(path)"
      case .unexpected: return "unexpected \(path) (no experiment produces it)"
      }
    }
  }

  /// Path to content, for every file the run produces.
  public private(set) var files: [String: String] = [:]
  /// Generated files on disk that no experiment produces any more.
  public private(set) var obsolete: [String] = []

  public init() {}

  public mutating func add(_ path: String, _ content: String) {
    precondition(files[path] == nil, "OutputTree: \(path) produced twice")
    files[path] = content
  }

  mutating func markObsolete(_ path: String) { obsolete.append(path) }

  /// Paths in sorted order.
  public var paths: [String] { files.keys.sorted() }

  /// Writes every file atomically (unchanged files are not touched), removes obsolete ones, and
  /// returns the paths that changed.
  @discardableResult
  public func write(root: String) throws -> [String] {
    var changed: [String] = []
    for path in paths {
      let full = root + "/" + path
      if try AtomicFile.read(full) == files[path] { continue }
      try AtomicFile.write(files[path]!, to: full)
      changed.append(path)
    }
    for path in obsolete.sorted() {
      try? FileManager.default.removeItem(atPath: root + "/" + path)
      changed.append(path)
    }
    return changed
  }

  /// The files on disk that are missing, different, or obsolete.
  public func staleFiles(root: String) throws -> [Stale] {
    var stale: [Stale] = []
    for path in paths {
      switch try AtomicFile.read(root + "/" + path) {
      case nil: stale.append(Stale(path: path, reason: .missing))
      case let text? where text != files[path]: stale.append(Stale(path: path, reason: .different))
      default: break
      }
    }
    stale += obsolete.sorted().map { Stale(path: $0, reason: .unexpected) }
    return stale
  }
}
