/// `--set KEY=VALUE` arguments, parsed.
///
/// A key applies to every selected experiment that declares a parameter of that name; a key no
/// selected experiment declares is an error (see ``Reproduction``).
public struct ParameterOverrides: Sendable, Equatable {
  public let values: [String: String]

  public init(_ values: [String: String] = [:]) { self.values = values }

  /// Parses `["steps=1000", "learningRate=0.1"]`; a malformed or repeated entry is an error.
  public init(parsing assignments: [String]) throws {
    var values: [String: String] = [:]
    for assignment in assignments {
      guard let equals = assignment.firstIndex(of: "="), equals != assignment.startIndex else {
        throw LabError.invalidInput(place: "--set \(assignment)", problem: "expected KEY=VALUE")
      }
      let key = String(assignment[..<equals])
      let value = String(assignment[assignment.index(after: equals)...])
      guard !value.isEmpty else { throw LabError.invalidInput(place: "--set \(assignment)", problem: "no value after '='") }
      guard values[key] == nil else { throw LabError.invalidInput(place: "--set \(key)", problem: "given twice") }
      values[key] = value
    }
    self.values = values
  }

  public var isEmpty: Bool { values.isEmpty }

  /// The overrides that name one of `declarations`.
  func restricted(to declarations: [Parameter]) -> [String: String] {
    let names = Set(declarations.map(\.name))
    return values.filter { names.contains($0.key) }
  }
}
