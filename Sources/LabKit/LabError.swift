/// An error a researcher can act on: it names the problem and where it is.
///
/// Every user-facing failure in the toolkit (a bad `--set` value, an unknown id, an unreadable
/// file, a stale output) is one of these cases, so the command line can print one clear line and
/// exit non-zero without writing anything.
public enum LabError: Error, Equatable, Sendable, CustomStringConvertible {
  /// Input that is malformed or out of range: `place` says where (a parameter, a file and line).
  case invalidInput(place: String, problem: String)
  /// An id that names no paper, experiment or claim; `known` lists what is allowed.
  case unknownIdentifier(String, known: [String])
  /// A file that could not be read or written.
  case fileSystem(path: String, problem: String)
  /// A numerical routine (GSL, GLPK) reported failure.
  case numerical(routine: String, problem: String)

  public var description: String {
    switch self {
    case .invalidInput(let place, let problem):
      return "\(place): \(problem)"
    case .unknownIdentifier(let id, let known):
      let nearest = NearestNames.suggestions(for: id, among: known)
      if !nearest.isEmpty {
        return "unknown id '\(id)'; did you mean " + nearest.map { "'\($0)'" }.joined(separator: ", ") + "? (`reproduce list` shows every id)"
      }
      let list = known.count > 40 ? known.prefix(40).joined(separator: ", ") + ", ..." : known.joined(separator: ", ")
      return "unknown id '\(id)'; known ids: \(list)"
    case .fileSystem(let path, let problem):
      return "\(path): \(problem)"
    case .numerical(let routine, let problem):
      return "\(routine): \(problem)"
    }
  }
}
