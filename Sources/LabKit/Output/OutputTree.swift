import Foundation

/// The files a run produces, by path relative to the output root, and the files it makes obsolete.
///
/// The same tree is either written (``write(root:)``, all or nothing through ``StagedInstall``) or
/// compared with what is on disk (``staleFiles(root:)``): that comparison is `reproduce check`.
public struct OutputTree: Sendable {
  /// The folders under the root that hold outputs; every file in them is accounted for by `check`.
  public static let folders = ["Reproduce", "Figures", "Papers"]

  /// Why a file on disk does not match the run.
  public struct Stale: Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
      /// The run produces the file and it is not on disk.
      case missing
      /// The file on disk differs from what the run produces.
      case different
      /// A generated file no experiment produces any more; the next run deletes it.
      case unexpected
      /// A file in an output folder that no experiment produces and the run never wrote.
      case foreign
      /// A hand-written literate document the outputs list, deleted; runs refuse until it is back.
      case missingDocument
      /// An output of an earlier run that this run keeps (an experiment not selected) is gone.
      case missingKept
      /// A staging folder of a run that was interrupted before it committed: the old outputs are
      /// intact and the next run deletes it.
      case uncommittedStaging
      /// A committed run whose install was interrupted: the new outputs are complete in the staging
      /// folder and the next run moves the rest into place.
      case unfinishedInstall(filesToMove: Int)
      /// The staging folder of a finished install, interrupted while being deleted: the new outputs
      /// are in place and the next run deletes it.
      case finishedStaging
      /// A temporary file of an interrupted write; the next run deletes it.
      case leftoverTemporary
    }
    public let path: String
    public let reason: Reason

    public init(path: String, reason: Reason) {
      self.path = path
      self.reason = reason
    }

    public var description: String {
      switch reason {
      case .missing: return "missing    \(path)"
      case .different: return "stale      \(path)"
      case .unexpected: return "unexpected \(path) (no experiment produces it any more; the next run deletes it)"
      case .foreign: return "unexpected \(path) (not an output of any experiment; move it out of the output folders)"
      case .missingDocument:
        return "missing    \(path) (a hand-written literate document; restore it with `git checkout -- \(path)`; runs refuse until then)"
      case .missingKept: return "missing    \(path) (an output of an experiment not run now; run its paper again)"
      case .uncommittedStaging:
        return "leftover   \(path) (a run interrupted before it committed: the OLD outputs are intact; the next run deletes it)"
      case .unfinishedInstall(let count):
        return
          "unfinished \(path) (a run interrupted while installing: the NEW outputs are complete there, \(count) file\(count == 1 ? "" : "s") still to move; the next run finishes the install)"
      case .finishedStaging:
        return "leftover   \(path) (a finished install interrupted while cleaning up: the NEW outputs are in place; the next run deletes it)"
      case .leftoverTemporary: return "leftover   \(path) (a temporary file of an interrupted write; the next run deletes it)"
      }
    }
  }

  /// Path to content, for every file the run produces.
  public private(set) var files: [String: String] = [:]
  /// Generated files on disk that no experiment produces any more.
  public private(set) var obsolete: [String] = []
  /// Outputs of earlier runs that this run keeps unchanged (figures of experiments not selected).
  public private(set) var kept: Set<String> = []
  /// Hand-written documents the outputs list but that are gone from disk.
  public private(set) var missingDocuments: [String] = []

  public init() {}

  public mutating func add(_ path: String, _ content: String) {
    precondition(files[path] == nil, "OutputTree: \(path) produced twice")
    files[path] = content
  }

  mutating func markObsolete(_ path: String) { obsolete.append(path) }

  mutating func keep(_ path: String) { if files[path] == nil { kept.insert(path) } }

  mutating func markMissingDocument(_ path: String) { missingDocuments.append(path) }

  /// Paths in sorted order.
  public var paths: [String] { files.keys.sorted() }

  /// Replaces every changed file and removes the obsolete ones, all or nothing (``StagedInstall``);
  /// returns the paths that changed. First finishes or discards what an interrupted run left.
  ///
  /// - Throws: ``LabError`` before anything is replaced when a listed literate document is missing,
  ///   the root is not an acceptable folder, or a target folder is not writable.
  @discardableResult
  public func write(root: String) throws -> [String] {
    try OutputRoot.checked(root)
    if let document = missingDocuments.first {
      throw LabError.fileSystem(
        path: try OutputRoot.join(root, document),
        problem: "the literate document is missing (it is hand-written; restore it with `git checkout -- \(document)`); nothing was written")
    }
    _ = try StagedInstall.recover(root: root)
    var writes: [(path: String, content: String)] = []
    for path in paths {
      let content = files[path]!
      if try AtomicFile.read(try OutputRoot.join(root, path)) == content { continue }
      writes.append((path, content))
    }
    let deletions = try obsolete.sorted().filter { FileManager.default.fileExists(atPath: try OutputRoot.join(root, $0)) }
    try StagedInstall.install(writes: writes, deletions: deletions, root: root)
    return writes.map(\.path) + deletions
  }

  /// Everything on disk that does not match the run: missing, different, obsolete and foreign files,
  /// missing documents and kept outputs, and the leftovers of an interrupted run, each with its reason.
  public func staleFiles(root: String) throws -> [Stale] {
    var stale: [Stale] = []
    for path in paths {
      switch try AtomicFile.read(try OutputRoot.join(root, path)) {
      case nil: stale.append(Stale(path: path, reason: .missing))
      case let text? where text != files[path]: stale.append(Stale(path: path, reason: .different))
      default: break
      }
    }
    stale += missingDocuments.map { Stale(path: $0, reason: .missingDocument) }
    stale += kept.sorted().filter { !FileManager.default.fileExists(atPath: root + "/" + $0) }.map { Stale(path: $0, reason: .missingKept) }
    stale += obsolete.sorted().map { Stale(path: $0, reason: .unexpected) }
    let accounted = Set(files.keys).union(kept).union(obsolete)
    let temporaries = Set(StagedInstall.strayTemporaries(root: root))
    stale += Self.filesOnDisk(root: root).filter { !accounted.contains($0) && !temporaries.contains($0) }.map {
      Stale(path: $0, reason: .foreign)
    }
    stale += StagedInstall.leftovers(root: root)
    return stale
  }

  /// Every file under the output folders of `root`, hidden ones included, relative to `root`, sorted.
  static func filesOnDisk(root: String) -> [String] {
    var found: [String] = []
    for folder in folders {
      guard let walker = FileManager.default.enumerator(atPath: root + "/" + folder) else { continue }
      while let relative = walker.nextObject() as? String {
        var isFolder: ObjCBool = false
        let path = folder + "/" + relative
        if FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isFolder), !isFolder.boolValue { found.append(path) }
      }
    }
    return found.sorted()
  }
}
