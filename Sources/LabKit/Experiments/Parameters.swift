/// The resolved parameter values of one experiment run: the defaults of its scale, with any
/// `--set` overrides applied, in declaration order.
public struct Parameters: Sendable {
  public let declarations: [Parameter]
  public let values: [ParameterValue]

  /// The defaults of `scale` with `overrides` (name to text) applied and validated.
  public init(_ declarations: [Parameter], scale: Scale, overrides: [String: String] = [:]) throws {
    var names = Set<String>()
    for declaration in declarations {
      precondition(names.insert(declaration.name).inserted, "parameter \(declaration.name) declared twice")
    }
    for name in overrides.keys.sorted() where !names.contains(name) {
      let allowed = declarations.isEmpty ? "this experiment has no parameters" : "allowed: " + declarations.map(\.name).joined(separator: ", ")
      throw LabError.invalidInput(place: "--set \(name)", problem: "unknown parameter '\(name)'; \(allowed)")
    }
    self.declarations = declarations
    self.values = try declarations.map { declaration in
      if let text = overrides[declaration.name] { return try declaration.parse(text) }
      return declaration.defaultValue(at: scale)
    }
  }

  private func value(_ name: String) -> ParameterValue {
    guard let index = declarations.firstIndex(where: { $0.name == name }) else {
      preconditionFailure("no parameter named \(name) is declared")
    }
    return values[index]
  }

  public func integer(_ name: String) -> Int {
    guard case .integer(let n) = value(name) else { preconditionFailure("parameter \(name) is not an integer") }
    return n
  }

  public func real(_ name: String) -> Double {
    guard case .real(let x) = value(name) else { preconditionFailure("parameter \(name) is not real") }
    return x
  }

  public func boolean(_ name: String) -> Bool {
    guard case .boolean(let b) = value(name) else { preconditionFailure("parameter \(name) is not boolean") }
    return b
  }

  public func choice(_ name: String) -> String {
    guard case .choice(let s) = value(name) else { preconditionFailure("parameter \(name) is not a choice") }
    return s
  }

  /// `{"name": value, ...}` in declaration order, for results.json.
  public var json: JSONValue { .object(zip(declarations, values).map { ($0.name, $1.json) }) }
}
