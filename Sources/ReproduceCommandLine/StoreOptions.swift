import ArgumentParser
import Foundation
import LabKit

/// The cell-store options of `run` and `show`.
struct StoreOptions: ParsableArguments {
  @Option(
    name: .customLong("store"), parsing: .unconditional,
    help: ArgumentHelp("The cell store (default: .reproduce-store under the output folder).", valueName: "DIR"))
  var folder: String?

  @Flag(name: .customLong("no-store"), help: "Neither read nor write the cell store: compute every experiment.")
  var disabled = false

  func validate() throws {
    if disabled && folder != nil { throw ValidationError("--store and --no-store exclude each other") }
  }

  /// The store's folder for output root `output`, nil with --no-store.
  func folder(output: String) -> String? { disabled ? nil : folder ?? output + "/.reproduce-store" }

  /// The store, nil with --no-store.
  func open(output: String) -> CellStore? { folder(output: output).map { CellStore(folder: $0) } }
}

/// Writes what the store did to standard error: entries found damaged or stale, and reuses.
func reportStore(_ outcome: Reproduction.Outcome, folder: String?) {
  for note in outcome.storeNotes { FileHandle.standardError.write(Data("warning: \(note)\n".utf8)) }
  guard let folder else { return }
  let count = outcome.ran.reduce(0) { $0 + $1.experiments.count }
  FileHandle.standardError.write(
    Data("Store \(folder): \(outcome.reused.count) of \(count) experiments reused, \(count - outcome.reused.count) computed.\n".utf8))
}
