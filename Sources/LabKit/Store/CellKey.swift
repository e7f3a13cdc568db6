/// The key of a stored cell. A cell is one whole run of an experiment: its id, its resolved
/// parameters (readings and sizes included), the scale and the master seed determine its outputs,
/// given the code; ``fingerprint`` identifies the code (the paper module with LabKit and GameTheory,
/// see `Plugins/SourceFingerprintPlugin`). `--jobs` is not part of it: outputs do not depend on it.
public struct CellKey: Sendable, Equatable, CustomStringConvertible {
  public let experiment: String
  public let scale: Scale
  public let seed: UInt64
  /// `name=value` for every resolved parameter, in declaration order.
  public let parameters: String
  public let fingerprint: String

  public init(experiment: String, scale: Scale, seed: UInt64, parameters: Parameters, fingerprint: String) {
    self.experiment = experiment
    self.scale = scale
    self.seed = seed
    self.parameters = (parameters.json.objectValue ?? []).map { "\($0.0)=\($0.1.inline)" }.joined(separator: ",")
    self.fingerprint = fingerprint
  }

  /// The cell without the code: the store's primary key, so a row made by other code is found (and
  /// reported as stale) rather than missed.
  public var cell: String { "\(experiment) scale=\(scale.rawValue) seed=\(seed) \(parameters)" }

  public var description: String { "\(cell) code=\(fingerprint)" }
}
