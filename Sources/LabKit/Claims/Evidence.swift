/// What a verdict rests on: the measured values, the standard they were held to, the sample size,
/// and, for a refuted conjecture, the counterexample.
public struct Evidence: Sendable, Equatable {
  /// One measured quantity: a name a reader understands and its value.
  public struct Measurement: Sendable, Equatable {
    public let name: String
    public let value: JSONValue

    public init(_ name: String, _ value: JSONValue) {
      self.name = name
      self.value = value
    }

    public init(_ name: String, _ value: Double) { self.init(name, .number(value)) }
    public init(_ name: String, _ value: Int) { self.init(name, .number(Double(value))) }
    public init(_ name: String, _ value: String) { self.init(name, .string(value)) }
    public init(_ name: String, _ value: Bool) { self.init(name, .bool(value)) }
    /// An interval, recorded as `[lower, upper]`.
    public init(_ name: String, lower: Double, upper: Double) {
      self.init(name, .array([.number(lower), .number(upper)]))
    }
  }

  /// In one or two sentences: what was measured, compared with what the text says.
  public var summary: String
  /// The measured values, in the order a reader should see them.
  public var measurements: [Measurement]
  /// The standard applied: a tolerance, a confidence level, an exact equality.
  public var tolerance: String?
  /// How many runs, agents, cases or draws the measurement rests on.
  public var sampleSize: Int?
  /// For a refuted conjecture: the case that breaks it.
  public var counterexample: String?

  public init(
    summary: String, measurements: [Measurement] = [], tolerance: String? = nil, sampleSize: Int? = nil,
    counterexample: String? = nil
  ) {
    self.summary = summary
    self.measurements = measurements
    self.tolerance = tolerance
    self.sampleSize = sampleSize
    self.counterexample = counterexample
  }

  /// The whole evidence as one paragraph: summary, standard, sample size, counterexample.
  public var text: String {
    var parts = [summary]
    if let tolerance { parts.append("Standard: \(tolerance).") }
    if let sampleSize { parts.append("Sample size: \(sampleSize).") }
    if let counterexample { parts.append("Counterexample: \(counterexample).") }
    return parts.joined(separator: " ")
  }

  /// The measurements as an ordered JSON object.
  public var measuredJSON: JSONValue { .object(measurements.map { ($0.name, $0.value) }) }
}
