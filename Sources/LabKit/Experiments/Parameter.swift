/// A declared, typed parameter of an experiment: its name, meaning, allowed values and a default
/// for each ``Scale``.
///
/// Values given with `--set name=value` are parsed and checked against the declaration; an unknown
/// name, a value of the wrong type or out of range is an error that says what is allowed.
public struct Parameter: Sendable {
  /// The values a parameter admits.
  public enum Domain: Sendable, CustomStringConvertible {
    /// Integers in a closed range.
    case integer(ClosedRange<Int>)
    /// Finite reals between `lower` and `upper`, each bound included or not.
    case real(lower: Double, upper: Double, lowerIncluded: Bool, upperIncluded: Bool)
    case boolean
    /// One of a fixed list of words.
    case choice([String])

    /// Finite reals in the closed interval.
    public static func real(_ range: ClosedRange<Double>) -> Domain {
      .real(lower: range.lowerBound, upper: range.upperBound, lowerIncluded: true, upperIncluded: true)
    }

    /// Probabilities and rates: (0, 1] when `zeroAllowed` is false, [0, 1] otherwise.
    public static func unitInterval(zeroAllowed: Bool = true) -> Domain {
      .real(lower: 0, upper: 1, lowerIncluded: zeroAllowed, upperIncluded: true)
    }

    public var description: String {
      switch self {
      case .integer(let range): return "an integer in \(range.lowerBound)...\(range.upperBound)"
      case .real(let lower, let upper, let lowerIncluded, let upperIncluded):
        let l = lower == -.infinity ? "(-inf" : (lowerIncluded ? "[" : "(") + DecimalFormat.compact(lower, significant: 10)
        let u = upper == .infinity ? "inf)" : DecimalFormat.compact(upper, significant: 10) + (upperIncluded ? "]" : ")")
        return "a real number in \(l), \(u)"
      case .boolean: return "true or false"
      case .choice(let words): return "one of " + words.joined(separator: ", ")
      }
    }
  }

  public let name: String
  /// What the parameter means, with its source or the reason for its default.
  public let summary: String
  public let domain: Domain
  private let defaults: [ParameterValue]  // indexed like Scale.allCases

  /// A parameter with a default for each scale.
  public init(_ name: String, _ summary: String, domain: Domain, smoke: ParameterValue, standard: ParameterValue, paper: ParameterValue) {
    self.name = name
    self.summary = summary
    self.domain = domain
    self.defaults = [smoke, standard, paper]
    for value in defaults {
      precondition((try? validated(value)) != nil, "Parameter \(name): default \(value) is not \(domain)")
    }
  }

  /// A parameter whose default is the same at every scale.
  public init(_ name: String, _ summary: String, domain: Domain, default value: ParameterValue) {
    self.init(name, summary, domain: domain, smoke: value, standard: value, paper: value)
  }

  /// The default at `scale`.
  public func defaultValue(at scale: Scale) -> ParameterValue {
    defaults[Scale.allCases.firstIndex(of: scale)!]
  }

  /// Parses `text` as a value of this parameter, or explains what is allowed.
  public func parse(_ text: String) throws -> ParameterValue {
    let value: ParameterValue?
    switch domain {
    case .integer: value = Int(text.replacing("_", with: "")).map(ParameterValue.integer)
    case .real: value = Double(text).flatMap { $0.isFinite ? ParameterValue.real($0) : nil }
    case .boolean:
      value = ["true": true, "false": false, "yes": true, "no": false, "1": true, "0": false][text.lowercased()].map(ParameterValue.boolean)
    case .choice: value = .choice(text)
    }
    guard let value else {
      throw LabError.invalidInput(place: "--set \(name)=\(text)", problem: "'\(text)' is not \(domain)")  // also nan and inf
    }
    do { return try validated(value) } catch {
      throw LabError.invalidInput(place: "--set \(name)=\(text)", problem: "\(text) is out of range: expected \(domain)")
    }
  }

  /// `value` if the domain admits it.
  func validated(_ value: ParameterValue) throws -> ParameterValue {
    let ok: Bool
    switch (domain, value) {
    case (.integer(let range), .integer(let n)): ok = range.contains(n)
    case (.real(let lower, let upper, let lowerIncluded, let upperIncluded), .real(let x)):
      ok = x.isFinite && (lowerIncluded ? x >= lower : x > lower) && (upperIncluded ? x <= upper : x < upper)
    case (.boolean, .boolean): ok = true
    case (.choice(let words), .choice(let word)): ok = words.contains(word)
    default: ok = false
    }
    guard ok else { throw LabError.invalidInput(place: name, problem: "\(value) is not \(domain)") }
    return value
  }
}
