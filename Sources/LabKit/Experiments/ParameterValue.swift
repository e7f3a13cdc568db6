/// The value of one experiment parameter.
public enum ParameterValue: Sendable, Hashable, CustomStringConvertible {
  case integer(Int)
  case real(Double)
  case boolean(Bool)
  case choice(String)

  /// As written on the command line and in reports (reals with up to 10 significant digits).
  public var description: String {
    switch self {
    case .integer(let n): return String(n)
    case .real(let x): return DecimalFormat.compact(x, significant: 10)
    case .boolean(let b): return b ? "true" : "false"
    case .choice(let s): return s
    }
  }

  /// The value in results.json.
  public var json: JSONValue {
    switch self {
    case .integer(let n): return .number(Double(n))
    case .real(let x): return .number(x)
    case .boolean(let b): return .bool(b)
    case .choice(let s): return .string(s)
    }
  }
}
