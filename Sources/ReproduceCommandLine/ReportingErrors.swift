import ArgumentParser
import Foundation
import LabKit

/// Runs `body`, turning a ``LabError`` into one line on standard error (`error: …`) and exit code 2,
/// the project's rule for bad input. For the subcommands a catalog adds (``ReproduceCatalog/subcommands``),
/// so that they report errors as `run`, `list` and `check` do.
public func reportingErrors<T>(_ body: () throws -> T) throws -> T {
  do { return try body() } catch let error as LabError {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    throw ExitCode(2)
  }
}

/// Progress lines on standard error when it is a terminal.
func log(_ line: String) {
  if isatty(2) == 1 { FileHandle.standardError.write(Data("\(line)\n".utf8)) }
}
