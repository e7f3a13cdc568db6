/// One named parameter's value in a setting, as printed.
public struct SettingItem: Sendable, Hashable {
  public let name: String
  public let value: String
  public init(_ name: String, _ value: String) {
    self.name = name
    self.value = value
  }
}

/// One setting of named parameters, in declaration order: `[SettingItem("learningRateSchedule", "harmonic")]`.
public typealias Setting = [SettingItem]

/// A claim's verdicts across the cells of its grid (readings × sizes), and the headline they add up to.
///
/// Each cell keeps its own verdict, estimate, interval and sample size. A claim about a limit also
/// carries one ``Trend`` per reading, fitted across the sizes, and its headline is judged on those
/// trends, never on one size.
public struct VerdictMap: Sendable, Equatable {
  /// One cell: a reading, a size, and what the check found there.
  public struct Cell: Sendable, Equatable {
    public let reading: Setting
    public let size: Setting
    /// `holds`, `fails` or `inconclusive`.
    public let verdict: Headline
    /// The measured quantity the verdict rests on, when there is one.
    public let estimate: Double?
    /// Its interval, when it has one.
    public let lower: Double?
    public let upper: Double?
    /// How many runs, pairs, games or draws the cell rests on.
    public let n: Int

    public init(
      reading: Setting, size: Setting = [], verdict: Headline, estimate: Double? = nil,
      lower: Double? = nil, upper: Double? = nil, n: Int
    ) {
      precondition(verdict != .depends, "a single cell holds, fails or is inconclusive")
      self.reading = reading
      self.size = size
      self.verdict = verdict
      self.estimate = estimate
      self.lower = lower
      self.upper = upper
      self.n = n
    }

    /// A cell judged by a confidence interval against a bar.
    public init(reading: Setting, size: Setting = [], interval: ConfidenceInterval, bar: Bar, n: Int) {
      self.init(
        reading: reading, size: size, verdict: .comparing(interval, bar), estimate: interval.estimate,
        lower: interval.lower, upper: interval.upper, n: n)
    }

  }

  /// How the grid was laid out.
  public let design: GridDesign
  public let cells: [Cell]
  /// For a claim about a limit: one trend per reading, fitted over the sizes.
  public let trends: [Trend]

  public init(design: GridDesign, cells: [Cell], trends: [Trend] = []) {
    precondition(!cells.isEmpty, "a verdict map needs at least one cell")
    self.design = design
    self.cells = cells
    self.trends = trends
  }

  /// A map of a single cell at the base reading (for a claim the text leaves nothing open in).
  public static func single(_ verdict: Headline, estimate: Double? = nil, lower: Double? = nil, upper: Double? = nil, n: Int) -> VerdictMap {
    VerdictMap(design: .single, cells: [Cell(reading: [], verdict: verdict, estimate: estimate, lower: lower, upper: upper, n: n)])
  }

  /// The headline: judged on the trends for a limit claim, on the cells otherwise.
  public var headline: Headline { VerdictMap.combine(trends.isEmpty ? cells.map(\.verdict) : trends.map(\.verdict)) }

  /// holds if all hold, fails if all fail, depends if some hold and some fail, inconclusive otherwise.
  public static func combine(_ verdicts: [Headline]) -> Headline {
    let set = Set(verdicts)
    if set.contains(.depends) || (set.contains(.holds) && set.contains(.fails)) { return .depends }
    if set.contains(.inconclusive) || set.isEmpty { return .inconclusive }
    return set.contains(.holds) ? .holds : .fails
  }

  /// Where the claim holds and where it fails, in words: "holds under [learningRateSchedule=constant];
  /// fails under [learningRateSchedule=harmonic], [learningRateSchedule=power]". Empty for a single cell.
  public var whereItHolds: String {
    guard cells.count > 1 || trends.count > 1 else { return "" }
    let places: [(Setting, Headline)] = trends.isEmpty ? cells.map { ($0.reading + $0.size, $0.verdict) } : trends.map { ($0.reading, $0.verdict) }
    let parts = [Headline.holds, .fails, .inconclusive].compactMap { verdict -> String? in
      let names = places.filter { $0.1 == verdict }.map { "[" + VerdictMap.describe($0.0) + "]" }
      guard !names.isEmpty else { return nil }
      return "\(verdict.rawValue) under " + names.joined(separator: ", ")
    }
    return parts.joined(separator: "; ")
  }

  /// "a=1, b=x", or "base reading" for an empty setting.
  public static func describe(_ setting: Setting) -> String {
    setting.isEmpty ? "the base reading" : setting.map { "\($0.name)=\($0.value)" }.joined(separator: ", ")
  }
}
