extension Experiment {
  /// Runs the experiment in `context`: simulates the base cell and every cell of every claim's grid
  /// (a cell whose parameters equal another's is simulated once), then judges them all.
  public func run(in context: RunContext) throws -> ExperimentResult {
    let base = try simulate(in: context)
    var cellsByClaim: [String: [GridCell]] = [:]
    // Cells with equal parameters are one simulation, serving the union of their claims.
    var groups: [(values: [ParameterValue], cell: GridCell, claims: Set<String>, members: [GridCell])] = []
    for claim in claims {
      let cells = Grid.cells(of: claim, readings: readings, sizes: sizes, base: context.parameters, scale: context.scale)
      cellsByClaim[claim.id] = cells
      for cell in cells {
        let values = context.parameters.setting(cell).values
        if let index = groups.firstIndex(where: { $0.values == values }) {
          groups[index].claims.insert(claim.id)
          if !groups[index].members.contains(cell) { groups[index].members.append(cell) }
        } else {
          groups.append((values, cell, [claim.id], [cell]))
        }
      }
    }
    var byCell: [GridCell: Outcome] = [:]
    for group in groups {
      let outcome = group.values == context.parameters.values ? base : try simulate(in: context.forCell(group.cell, claims: group.claims))
      for member in group.members { byCell[member] = outcome }
    }
    let outcomes = Outcomes<Outcome>(base: base, byCell: byCell, cellsByClaim: cellsByClaim)
    return try judge(outcomes, in: context)
  }

  /// Runs the experiment outside `reproduce`, as tests and notebooks do: the parameter defaults of
  /// `scale` with `overrides` applied (validated as `--set` is), under master seed `seed`.
  ///
  /// - Throws: ``LabError`` for a bad override, and whatever the experiment throws.
  public func run(scale: Scale = .smoke, seed: UInt64 = 1, jobs: Int = 1, overrides: [String: String] = [:]) throws -> ExperimentResult {
    let parameters = try Parameters(self.parameters, scale: scale, overrides: overrides)
    return try run(in: RunContext(experimentID: id, scale: scale, seed: seed, parameters: parameters, jobs: jobs))
  }
}
