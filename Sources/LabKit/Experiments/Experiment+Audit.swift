extension Experiment {
  /// What is wrong with the experiment's declarations, one sentence each (empty when nothing is): a
  /// claim without a class or a control; a grid naming an undeclared reading or size; a reading whose
  /// default is not one of its alternatives; a reading or size that is not a declared parameter; a
  /// reading alternative or a size value, at any scale, that its parameter's domain rejects (the run
  /// would stop on it).
  /// The catalog tests require every experiment to have none.
  public var declarationProblems: [String] {
    var problems: [String] = []
    let names = Set(parameters.map(\.name))
    for reading in readings where !names.contains(reading.name) { problems.append("\(id): reading \(reading.name) is not a declared parameter") }
    for size in sizes where !names.contains(size.name) { problems.append("\(id): size \(size.name) is not a declared parameter") }
    for reading in readings {
      guard let declaration = parameters.first(where: { $0.name == reading.name }) else { continue }
      for scale in Scale.allCases where !reading.alternatives.contains(where: { $0.value == declaration.defaultValue(at: scale) }) {
        problems.append("\(id): the \(scale.rawValue) default of reading \(reading.name) is not one of its alternatives")
      }
    }
    for size in sizes {
      guard let declaration = parameters.first(where: { $0.name == size.name }) else { continue }
      for scale in Scale.allCases {
        for value in size.values(at: scale) where (try? declaration.validated(value)) == nil {
          problems.append("\(id): the \(scale.rawValue) size \(value) of \(size.name) is outside its domain")
        }
      }
    }
    for reading in readings {
      guard let declaration = parameters.first(where: { $0.name == reading.name }) else { continue }
      for alternative in reading.alternatives where (try? declaration.validated(alternative.value)) == nil {
        problems.append("\(id): the alternative \(alternative.value) of reading \(reading.name) is outside its domain")
      }
    }
    for claim in claims {
      if claim.claimClass == nil { problems.append("\(claim.id): no class (consistency or empirical)") }
      if claim.control == nil { problems.append("\(claim.id): no negative control") }
      for name in claim.readings where !readings.contains(where: { $0.name == name.name }) {
        problems.append("\(claim.id): judged over undeclared reading \(name.name)")
      }
      for name in claim.sizes where !sizes.contains(where: { $0.name == name.name }) {
        problems.append("\(claim.id): judged over undeclared size \(name.name)")
      }
      if case .empirical = claim.claimClass, claim.meaningfulAt == .smoke {
        problems.append("\(claim.id): an empirical verdict is never meaningful at smoke scale")
      }
    }
    return problems
  }
}
