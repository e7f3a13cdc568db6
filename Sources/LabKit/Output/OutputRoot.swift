import Foundation

/// The folder a run writes under (`--output`), checked before any work so that a bad value is one
/// clear error rather than files written somewhere unintended.
///
/// Refused: an empty path (an unset shell variable, which would otherwise put `Reproduce/` at the
/// file-system root), the file-system root itself, the kernel's pseudo-file systems (`/dev`, `/proc`,
/// `/sys`), and anything that exists but is not a folder (a file, `/dev/null`). A folder that does
/// not exist yet is allowed when its nearest existing ancestor is a folder.
public enum OutputRoot {
  /// Folders no run may write under.
  static let forbiddenPrefixes = ["/dev", "/proc", "/sys"]

  /// `path` when it is an acceptable output folder.
  ///
  /// - Throws: ``LabError/invalidInput(place:problem:)`` with place `--output PATH`.
  @discardableResult
  public static func checked(_ path: String) throws -> String {
    let place = "--output \(path.isEmpty ? "\"\"" : path)"
    guard !path.isEmpty else {
      throw LabError.invalidInput(place: place, problem: "the output folder is empty (an unset shell variable?); give a folder such as '.'")
    }
    let absolute = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    guard absolute != "/" else {
      throw LabError.invalidInput(place: place, problem: "the output folder is the file-system root; give a project folder")
    }
    if let prefix = forbiddenPrefixes.first(where: { absolute == $0 || absolute.hasPrefix($0 + "/") }) {
      throw LabError.invalidInput(place: place, problem: "the output folder is under \(prefix), which holds no ordinary files; give a project folder")
    }
    var ancestor = URL(fileURLWithPath: absolute)
    while true {
      var isFolder: ObjCBool = false
      if FileManager.default.fileExists(atPath: ancestor.path, isDirectory: &isFolder) {
        guard isFolder.boolValue else {
          let which = ancestor.path == absolute ? "it" : "\(ancestor.path)"
          throw LabError.invalidInput(place: place, problem: "\(which) exists and is not a folder; give a folder")
        }
        return path
      }
      ancestor.deleteLastPathComponent()
    }
  }

  /// `root/relative`, refusing a relative path that is absolute, empty or climbs out with `..`: every
  /// file a run touches stays under its root.
  static func join(_ root: String, _ relative: String) throws -> String {
    let parts = relative.split(separator: "/", omittingEmptySubsequences: false)
    guard !relative.isEmpty, !relative.hasPrefix("/"), !parts.contains(".."), !parts.contains("") else {
      throw LabError.invalidInput(place: "output path '\(relative)'", problem: "not a plain relative path under the output folder")
    }
    return root + "/" + relative
  }
}
