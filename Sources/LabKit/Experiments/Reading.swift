/// An open choice of a text: a parameter the text does not fix, with the alternatives a careful
/// reader could take, each with a one-line reason and its source (a line of the text, the original
/// code, a published follow-up).
///
/// The parameter's default is the base reading; a claim judged over the reading is checked under
/// every alternative (see ``Grid``). `--set name=value` pins the reading to one alternative.
///
/// ```swift
/// Reading(Self.learningRateSchedule, [
///   .init(.constant, reason: "the book-era code uses α = 0.01", source: "NumericalPolitics@02526bb QAgent.h"),
///   .init(.harmonic, reason: "α = 1/n satisfies the Robbins–Monro conditions", source: "Watkins & Dayan 1992"),
/// ])
/// ```
public struct Reading: Sendable {
  /// One alternative: a value of the parameter, why a reader could take it, and where it comes from.
  public struct Alternative: Sendable {
    public let value: ParameterValue
    public let reason: String
    public let source: String

    public init<V: ParameterRepresentable>(_ value: V, reason: String, source: String) {
      self.value = value.parameterValue
      self.reason = reason
      self.source = source
    }
  }

  /// The parameter's name.
  public let name: String
  public let alternatives: [Alternative]

  public init<V: ParameterRepresentable>(_ key: ParameterKey<V>, _ alternatives: [Alternative]) {
    precondition(alternatives.count >= 2, "reading \(key.name): a reading needs at least two alternatives")
    precondition(Set(alternatives.map(\.value)).count == alternatives.count, "reading \(key.name): an alternative is listed twice")
    self.name = key.name
    self.alternatives = alternatives
  }

  /// "constant (the book-era code uses α = 0.01; NumericalPolitics@02526bb), harmonic (...)".
  public var described: String {
    alternatives.map { "\($0.value) (\($0.reason); \($0.source))" }.joined(separator: ", ")
  }
}

/// A size knob: a parameter that a text's limits range over ("as N grows", "with probability tending
/// to 1"): N, population size, training length, horizon. A claim about a limit is judged on the trend
/// over its values, so each scale lists at least three.
public struct Size: Sendable {
  /// The parameter's name.
  public let name: String
  /// What the size measures, for reports.
  public let meaning: String
  private let values: [[ParameterValue]]  // indexed like Scale.allCases

  public init<V: ParameterRepresentable>(_ key: ParameterKey<V>, _ meaning: String, smoke: [V], standard: [V], paper: [V]) {
    for list in [smoke, standard, paper] {
      precondition(list.count >= 3, "size \(key.name): a limit is judged on at least three sizes at every scale")
      precondition(Set(list.map(\.parameterValue)).count == list.count, "size \(key.name): a value is listed twice")
    }
    self.name = key.name
    self.meaning = meaning
    self.values = [smoke.map(\.parameterValue), standard.map(\.parameterValue), paper.map(\.parameterValue)]
  }

  /// The sizes at `scale`, in increasing order as declared.
  public func values(at scale: Scale) -> [ParameterValue] { values[Scale.allCases.firstIndex(of: scale)!] }
}

/// The name of a declared reading or size, for a claim's grid: `.init(Self.learningRateSchedule)`.
public struct ParameterName: Sendable, Hashable, CustomStringConvertible {
  public let name: String
  public init<V>(_ key: ParameterKey<V>) { name = key.name }
  public var description: String { name }
}

extension ParameterKey {
  /// The key's name, for a claim's grid.
  public var erased: ParameterName { ParameterName(self) }
}
