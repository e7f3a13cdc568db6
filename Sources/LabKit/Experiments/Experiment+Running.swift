extension Experiment {
  /// Runs the experiment outside `reproduce`, as tests and notebooks do: the parameter defaults of
  /// `scale` with `overrides` applied (validated as `--set` is), under master seed `seed`.
  ///
  /// - Throws: ``LabError`` for a bad override, and whatever the experiment throws.
  public func run(scale: Scale = .smoke, seed: UInt64 = 1, jobs: Int = 1, overrides: [String: String] = [:]) throws -> ExperimentResult {
    let parameters = try Parameters(self.parameters, scale: scale, overrides: overrides)
    return try run(in: RunContext(experimentID: id, scale: scale, seed: seed, parameters: parameters, jobs: jobs))
  }
}
