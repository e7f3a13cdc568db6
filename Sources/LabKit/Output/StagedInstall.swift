import Foundation

/// All-or-nothing replacement of a run's outputs, so that a failure or a kill leaves either the old
/// set of files or the new one, never a mix.
///
/// A run writes every changed file into `ROOT/.reproduce-staging.partial/files/` and the list of
/// its writes and deletions into `plan.txt` beside them. Renaming that folder to
/// `ROOT/.reproduce-staging` is the commit point (one `rename`, atomic within a file system). Only
/// then are the staged files renamed into place and the obsolete ones deleted, after which the
/// staging folder is removed.
///
/// Recovery (at the start of the next run, ``recover(root:)``): a `.reproduce-staging.partial` is an
/// uncommitted run, deleted (the old set is intact); a `.reproduce-staging` is a committed run whose
/// install was interrupted, finished (its plan is idempotent: a staged file already moved is skipped,
/// a deletion already done is skipped). Stray `.NAME.PID.tmp` files left by the atomic writes of
/// earlier versions are deleted. `reproduce check` reports each of these (``leftovers(root:)``).
///
/// Before committing, every target folder is checked to be writable, so that an install does not
/// stop half way on a read-only folder; if a rename still fails, the staging folder stays committed
/// and the error says that the next run finishes the install.
enum StagedInstall {
  static let committedName = ".reproduce-staging"
  static let partialName = ".reproduce-staging.partial"
  /// A committed staging folder whose install is complete, renamed so before it is deleted (a kill
  /// during the recursive delete then leaves a folder that is plainly finished, never a committed
  /// folder missing its plan).
  static let finishedName = ".reproduce-staging.done"
  static let planName = "plan.txt"

  /// One step of a plan.
  enum Step: Equatable {
    case write(String)
    case delete(String)

    var line: String {
      switch self {
      case .write(let path): return "write \(path)"
      case .delete(let path): return "delete \(path)"
      }
    }

    init?(line: Substring) {
      if line.hasPrefix("write ") {
        self = .write(String(line.dropFirst(6)))
      } else if line.hasPrefix("delete ") {
        self = .delete(String(line.dropFirst(7)))
      } else {
        return nil
      }
    }
  }

  /// What ``recover(root:)`` found and did.
  struct Recovery: Equatable {
    /// Files a committed, interrupted install still had to move into place, now moved.
    var finished: [String] = []
    /// Whether an uncommitted staging folder was deleted.
    var discardedPartial = false
    /// Whether the staging folder of a finished install, half deleted, was deleted.
    var removedFinished = false
    /// Stray temporary files deleted.
    var removedTemporaries: [String] = []
  }

  /// Stages `writes`, commits, and installs them with `deletions`, after recovering from any earlier
  /// interrupted run.
  static func install(writes: [(path: String, content: String)], deletions: [String], root: String) throws {
    try install(files: writes.map { ($0.path, Data($0.content.utf8)) }, deletions: deletions, root: root)
  }

  /// ``install(writes:deletions:root:)`` for files of any bytes (PDF and PNG figures).
  static func install(files writes: [(path: String, content: Data)], deletions: [String], root: String) throws {
    try OutputRoot.checked(root)
    _ = try recover(root: root)
    guard !writes.isEmpty || !deletions.isEmpty else { return }
    let partial = root + "/" + partialName
    let committed = root + "/" + committedName
    do {
      try preflight(writes.map(\.path), root: root)
      for (path, content) in writes {
        let staged = try OutputRoot.join(partial + "/files", path)
        try createFolder(for: staged)
        try content.write(to: URL(fileURLWithPath: staged))
        pauseForKillTests()
      }
      let plan = writes.map { Step.write($0.path).line } + deletions.map { Step.delete($0).line }
      try Data(plan.map { $0 + "\n" }.joined().utf8).write(to: URL(fileURLWithPath: partial + "/" + planName))
    } catch {
      try? FileManager.default.removeItem(atPath: partial)
      throw asLabError(error, path: partial)
    }
    guard rename(partial, committed) == 0 else {
      let problem = String(cString: strerror(errno))
      try? FileManager.default.removeItem(atPath: partial)
      throw LabError.fileSystem(path: committed, problem: "cannot commit the staged outputs: \(problem); nothing was replaced")
    }
    _ = try apply(root: root)
  }

  /// Finishes or discards what an interrupted run left, and deletes stray temporary files.
  static func recover(root: String) throws -> Recovery {
    var recovery = Recovery()
    let partial = root + "/" + partialName
    if FileManager.default.fileExists(atPath: partial) {
      try removeItem(partial)
      recovery.discardedPartial = true
    }
    if FileManager.default.fileExists(atPath: root + "/" + committedName) {
      recovery.finished = try apply(root: root)
    }
    if FileManager.default.fileExists(atPath: root + "/" + finishedName) {
      try removeItem(root + "/" + finishedName)
      recovery.removedFinished = true
    }
    for path in strayTemporaries(root: root) {
      try removeItem(root + "/" + path)
      recovery.removedTemporaries.append(path)
    }
    return recovery
  }

  /// What an interrupted run left under `root`, as ``OutputTree/Stale`` items (nothing is changed).
  static func leftovers(root: String) -> [OutputTree.Stale] {
    var items: [OutputTree.Stale] = []
    if FileManager.default.fileExists(atPath: root + "/" + partialName) {
      items.append(.init(path: partialName, reason: .uncommittedStaging))
    }
    let committed = root + "/" + committedName
    if FileManager.default.fileExists(atPath: committed) {
      let pending = (try? plan(in: committed)) ?? []
      let toMove = pending.compactMap { step -> String? in
        guard case .write(let path) = step, FileManager.default.fileExists(atPath: committed + "/files/" + path) else { return nil }
        return path
      }
      items.append(.init(path: committedName, reason: .unfinishedInstall(filesToMove: toMove.count)))
    }
    if FileManager.default.fileExists(atPath: root + "/" + finishedName) {
      items.append(.init(path: finishedName, reason: .finishedStaging))
    }
    items += strayTemporaries(root: root).map { .init(path: $0, reason: .leftoverTemporary) }
    return items
  }

  /// Moves every staged file of the committed plan into place, deletes the planned deletions, and
  /// removes the staging folder; returns the paths moved.
  private static func apply(root: String) throws -> [String] {
    let committed = root + "/" + committedName
    var moved: [String] = []
    for step in try plan(in: committed) {
      switch step {
      case .write(let path):
        let staged = try OutputRoot.join(committed + "/files", path)
        guard FileManager.default.fileExists(atPath: staged) else { continue }
        let target = try OutputRoot.join(root, path)
        try createFolder(for: target)
        guard rename(staged, target) == 0 else {
          let problem = String(cString: strerror(errno))
          throw LabError.fileSystem(
            path: target,
            problem:
              "cannot move the new file into place: \(problem); the new outputs stay complete in \(committed) and the next run finishes installing them"
          )
        }
        moved.append(path)
        pauseForKillTests()
      case .delete(let path):
        let target = try OutputRoot.join(root, path)
        if FileManager.default.fileExists(atPath: target) { try removeItem(target) }
      }
    }
    let finished = root + "/" + finishedName
    if FileManager.default.fileExists(atPath: finished) { try removeItem(finished) }
    guard rename(committed, finished) == 0 else {
      throw LabError.fileSystem(path: committed, problem: "cannot retire the finished staging folder: \(String(cString: strerror(errno)))")
    }
    try removeItem(finished)
    return moved
  }

  /// The steps of the plan in `staging`; an unreadable or malformed plan is an error naming it.
  private static func plan(in staging: String) throws -> [Step] {
    let path = staging + "/" + planName
    guard let text = try AtomicFile.read(path) else {
      throw LabError.fileSystem(path: path, problem: "the committed staging folder has no plan; delete \(staging) and run again")
    }
    return try text.split(separator: "\n").enumerated().map { index, line in
      guard let step = Step(line: line) else {
        throw LabError.invalidInput(place: "\(path) line \(index + 1)", problem: "expected 'write PATH' or 'delete PATH'")
      }
      return step
    }
  }

  /// Refuses, before anything is staged, targets whose folder cannot be written or that are folders.
  private static func preflight(_ paths: [String], root: String) throws {
    var checked = Set<String>()
    for path in paths {
      let target = try OutputRoot.join(root, path)
      var isFolder: ObjCBool = false
      if FileManager.default.fileExists(atPath: target, isDirectory: &isFolder), isFolder.boolValue {
        throw LabError.fileSystem(path: target, problem: "is a folder, where the run writes a file; nothing was written")
      }
      var folder = URL(fileURLWithPath: target).deletingLastPathComponent().path
      while !FileManager.default.fileExists(atPath: folder) { folder = URL(fileURLWithPath: folder).deletingLastPathComponent().path }
      guard checked.insert(folder).inserted else { continue }
      guard access(folder, W_OK) == 0 else {
        throw LabError.fileSystem(path: folder, problem: "the folder is not writable; nothing was written")
      }
    }
  }

  /// Paths, relative to `root`, of `.NAME.PID.tmp` files under the output folders.
  static func strayTemporaries(root: String) -> [String] {
    OutputTree.filesOnDisk(root: root).filter { path in
      let name = path.split(separator: "/").last ?? ""
      return name.hasPrefix(".") && name.hasSuffix(".tmp")
    }
  }

  private static func createFolder(for file: String) throws {
    try FileManager.default.createDirectory(
      at: URL(fileURLWithPath: file).deletingLastPathComponent(), withIntermediateDirectories: true)
  }

  private static func removeItem(_ path: String) throws {
    do { try FileManager.default.removeItem(atPath: path) } catch {
      throw LabError.fileSystem(path: path, problem: "cannot delete: \(describe(error))")
    }
  }

  private static func asLabError(_ error: any Error, path: String) -> LabError {
    if let error = error as? LabError { return error }
    return LabError.fileSystem(path: path, problem: "cannot stage the outputs: \(describe(error)); nothing was replaced")
  }

  /// A Foundation error as the system's words ("Permission denied"), not "NSCocoaErrorDomain 512".
  static func describe(_ error: any Error) -> String {
    let nsError = error as NSError
    if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
      return String(cString: strerror(Int32(underlying.code)))
    }
    if nsError.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(nsError.code))) }
    return nsError.localizedDescription
  }

  /// For the kill tests only (`.ci/kill-test`): sleeps this many seconds after each staged write and
  /// each rename when `REPRODUCE_KILL_TEST_PAUSE` is set, so that random kills land in the write phase.
  private static func pauseForKillTests() {
    guard let text = ProcessInfo.processInfo.environment["REPRODUCE_KILL_TEST_PAUSE"], let seconds = Double(text), seconds > 0 else { return }
    usleep(UInt32(min(seconds, 10) * 1_000_000))
  }
}
