import Foundation

extension Reproduction {
  /// One cell of a selection: an experiment of a paper with its resolved parameters. The unit of work
  /// a distributed run (`LabKitMPI`) hands out, computed anywhere and stored by one process.
  public struct Cell: Sendable {
    public let paper: Paper
    public let experiment: any Experiment
    public let parameters: Parameters
  }

  /// The cells `ids` select under `options`, in run order, after the checks ``run(_:options:log:)``
  /// makes before any work (every `--set` key and value).
  public func cells(_ ids: [String], options: Options) throws -> [Cell] {
    let plan = try plan(ids)
    let resolved = try resolveParameters(of: plan.flatMap(\.experiments), options: options)
    return plan.flatMap { paper, experiments, _ in
      experiments.map { Cell(paper: paper, experiment: $0, parameters: resolved[$0.id]!) }
    }
  }

  /// Whether the store of `options` holds `cell` for this code, checksum verified.
  public func isStored(_ cell: Cell, options: Options) throws -> Bool {
    guard let store = options.store, let key = cellKey(cell.experiment, of: cell.paper, parameters: cell.parameters, options: options)
    else { return false }
    if case .hit = try store.lookup(key) { return true }
    return false
  }

  /// Computes `cell` without reading the store, and returns its encoded value (``StoredCell/encoded``).
  public func compute(_ cell: Cell, options: Options) throws -> String {
    var computeOptions = options
    computeOptions.store = nil
    var notes: [String] = []
    let (stored, _) = try storedOrComputed(
      cell.experiment, of: cell.paper, parameters: cell.parameters, options: computeOptions, notes: &notes, log: { _ in })
    return stored.encoded
  }

  /// Stores the encoded value of `cell` (as ``compute(_:options:)`` returns it) in the store of `options`.
  public func save(_ encoded: String, of cell: Cell, seconds: Double, options: Options) throws {
    guard let store = options.store, let key = cellKey(cell.experiment, of: cell.paper, parameters: cell.parameters, options: options)
    else { return }
    try store.save(try StoredCell(decoding: encoded, place: "cell \(key.cell)"), for: key, seconds: seconds)
  }
}
