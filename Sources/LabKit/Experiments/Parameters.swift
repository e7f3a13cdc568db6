/// The resolved parameter values of one experiment run: the defaults of its scale, with any
/// `--set` overrides applied, in declaration order.
public struct Parameters: Sendable {
  public let declarations: [Parameter]
  public let values: [ParameterValue]
  /// The names set with `--set` (they pin a reading or size to the given value).
  public let overridden: Set<String>

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
    self.overridden = Set(overrides.keys)
    self.values = try declarations.map { declaration in
      if let text = overrides[declaration.name] { return try declaration.parse(text) }
      return declaration.defaultValue(at: scale)
    }
  }

  init(declarations: [Parameter], values: [ParameterValue], overridden: Set<String>) {
    self.declarations = declarations
    self.values = values
    self.overridden = overridden
  }

  /// These parameters with the cell's readings and sizes set (values are validated by the declarations).
  public func setting(_ cell: GridCell) -> Parameters {
    var values = self.values
    for assignment in cell.reading + cell.size {
      guard let index = declarations.firstIndex(where: { $0.name == assignment.name }) else {
        preconditionFailure("grid cell sets undeclared parameter \(assignment.name)")
      }
      values[index] =
        (try? declarations[index].validated(assignment.value))
        ?? { preconditionFailure("\(assignment.value) is not allowed for \(assignment.name)") }()
    }
    return Parameters(declarations: declarations, values: values, overridden: overridden)
  }

  /// The value of the parameter named `name` (a programming error if none is declared).
  public func value(named name: String) -> ParameterValue { value(name) }

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
