/// The typed name of an experiment parameter: `parameters[Self.learningRate]` reads it as a `Double`,
/// so a misspelt key or a value read as the wrong type is a compile error, not a run-time trap.
///
/// Declare a key once, as a static constant of the experiment, and use it in the parameter's
/// declaration, in readings and sizes, and wherever the value is read:
///
/// ```swift
/// static let learningRate = ParameterKey<Double>("learningRate")
/// static let schedule = ParameterKey<LearningRateSchedule>("learningRateSchedule")
/// ```
public struct ParameterKey<Value: ParameterRepresentable>: Sendable, Hashable {
  /// The name used with `--set` and in results.json.
  public let name: String

  public init(_ name: String) { self.name = name }
}

/// A Swift type a parameter value can be read as: `Int`, `Double`, `Bool`, or an enum of choices.
public protocol ParameterRepresentable: Sendable {
  /// The value, or nil when `value` is of another type.
  init?(parameterValue value: ParameterValue)
  /// The value as stored.
  var parameterValue: ParameterValue { get }
}

extension Int: ParameterRepresentable {
  public init?(parameterValue value: ParameterValue) {
    guard case .integer(let n) = value else { return nil }
    self = n
  }
  public var parameterValue: ParameterValue { .integer(self) }
}

extension Double: ParameterRepresentable {
  public init?(parameterValue value: ParameterValue) {
    guard case .real(let x) = value else { return nil }
    self = x
  }
  public var parameterValue: ParameterValue { .real(self) }
}

extension Bool: ParameterRepresentable {
  public init?(parameterValue value: ParameterValue) {
    guard case .boolean(let b) = value else { return nil }
    self = b
  }
  public var parameterValue: ParameterValue { .boolean(self) }
}

/// A choice among named alternatives, declared as a `String` enum: its raw values are what `--set`
/// accepts, in the order of `allCases`.
public protocol ParameterChoice: ParameterRepresentable, RawRepresentable<String>, CaseIterable, Hashable {}

extension ParameterChoice {
  public init?(parameterValue value: ParameterValue) {
    guard case .choice(let word) = value, let choice = Self(rawValue: word) else { return nil }
    self = choice
  }
  public var parameterValue: ParameterValue { .choice(rawValue) }
  /// The domain of the choice: its raw values, in declaration order.
  public static var domain: Parameter.Domain { .choice(allCases.map(\.rawValue)) }
}

extension Parameter {
  /// A parameter declared by its typed key, with a default per scale.
  public init<V: ParameterRepresentable>(_ key: ParameterKey<V>, _ summary: String, domain: Domain, smoke: V, standard: V, paper: V) {
    self.init(key.name, summary, domain: domain, smoke: smoke.parameterValue, standard: standard.parameterValue, paper: paper.parameterValue)
  }

  /// A parameter declared by its typed key, with the same default at every scale.
  public init<V: ParameterRepresentable>(_ key: ParameterKey<V>, _ summary: String, domain: Domain, default value: V) {
    self.init(key.name, summary, domain: domain, default: value.parameterValue)
  }

  /// A choice parameter: its domain is the enum's cases.
  public init<C: ParameterChoice>(_ key: ParameterKey<C>, _ summary: String, default value: C) {
    self.init(key.name, summary, domain: C.domain, default: value.parameterValue)
  }

  /// A choice parameter with a default per scale.
  public init<C: ParameterChoice>(_ key: ParameterKey<C>, _ summary: String, smoke: C, standard: C, paper: C) {
    self.init(key.name, summary, domain: C.domain, smoke: smoke.parameterValue, standard: standard.parameterValue, paper: paper.parameterValue)
  }
}

extension Parameters {
  /// The value of the parameter `key` names. A key the experiment does not declare, or declares with
  /// another type, is a programming error.
  public subscript<V: ParameterRepresentable>(key: ParameterKey<V>) -> V {
    guard let index = declarations.firstIndex(where: { $0.name == key.name }) else {
      preconditionFailure("no parameter named \(key.name) is declared")
    }
    guard let value = V(parameterValue: values[index]) else {
      preconditionFailure("parameter \(key.name) holds \(values[index]), not a \(V.self)")
    }
    return value
  }
}
