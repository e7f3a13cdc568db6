/// A claim's verdict over its whole map of readings and sizes.
///
/// - `holds`: the statement holds in every cell (for a limit claim: the trend says so in every reading);
/// - `depends`: it holds in some readings and fails in others; the map names which;
/// - `fails`: it fails in every cell;
/// - `inconclusive`: some cell decides neither way (an interval straddling the bar), and no cell
///   contradicts another.
///
/// A single cell is `holds`, `fails` or `inconclusive`.
public enum Headline: String, Sendable, CaseIterable, Comparable {
  case holds, depends, fails, inconclusive

  /// The label used in reports: `HOLDS`, `DEPENDS`, ...
  public var label: String { rawValue.uppercased() }

  public static func < (a: Headline, b: Headline) -> Bool {
    allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
  }

  /// `holds` when `condition` is true, `fails` otherwise.
  public static func checking(_ condition: Bool) -> Headline { condition ? .holds : .fails }

  /// The verdict of an interval against a bar: `holds` when the whole interval is on the claimed side
  /// of the bar, `fails` when the whole interval is on the other side, `inconclusive` when it straddles.
  public static func comparing(lower: Double, upper: Double, _ bar: Bar) -> Headline {
    switch bar.side {
    case .atLeast:
      if lower >= bar.value { return .holds }
      if upper < bar.value { return .fails }
    case .atMost:
      if upper <= bar.value { return .holds }
      if lower > bar.value { return .fails }
    case .above:
      if lower > bar.value { return .holds }
      if upper < bar.value { return .fails }
    case .below:
      if upper < bar.value { return .holds }
      if lower > bar.value { return .fails }
    }
    return .inconclusive
  }

  /// The verdict of a confidence interval against a bar.
  public static func comparing(_ interval: ConfidenceInterval, _ bar: Bar) -> Headline {
    comparing(lower: interval.lower, upper: interval.upper, bar)
  }

  /// The old words of results.json's `verdict` field: holds is reproduced (supported for a
  /// conjecture), fails is not reproduced (refuted), depends and inconclusive are inconclusive.
  public func legacyVerdict(for kind: Claim.Kind) -> Verdict {
    let conjecture = kind == .conjecture || kind == .exploratory
    switch self {
    case .holds: return conjecture ? .supported : .reproduced
    case .fails: return conjecture ? .refuted : .notReproduced
    case .depends, .inconclusive: return .inconclusive
    }
  }
}

/// The standard a measured quantity is held to: at least or at most a value.
public struct Bar: Sendable, Hashable, CustomStringConvertible {
  /// `atLeast` and `atMost` accept an interval touching the bar; `above` and `below` are strict (for
  /// "gains" and "raises", where an exact zero difference is no gain: touching is inconclusive).
  public enum Side: String, Sendable, Hashable { case atLeast, atMost, above, below }
  public let side: Side
  public let value: Double

  public static func atLeast(_ value: Double) -> Bar { Bar(side: .atLeast, value: value) }
  public static func atMost(_ value: Double) -> Bar { Bar(side: .atMost, value: value) }
  public static func above(_ value: Double) -> Bar { Bar(side: .above, value: value) }
  public static func below(_ value: Double) -> Bar { Bar(side: .below, value: value) }

  /// "≥ 0.9", "≤ 0.05", "> 0" or "< 0".
  public var description: String {
    let symbol = [Side.atLeast: "≥ ", .atMost: "≤ ", .above: "> ", .below: "< "][side]!
    return symbol + DecimalFormat.compact(value, significant: 10)
  }

  /// The bar moved just past an interval, to the side where the check must fail: the standard
  /// negative control of a check against a bar.
  public func movedPast(lower: Double, upper: Double) -> Bar {
    let width = max(upper - lower, abs(upper), abs(lower), 1) * 1e-6
    switch side {
    case .atLeast, .above: return Bar(side: side, value: upper + width)
    case .atMost, .below: return Bar(side: side, value: lower - width)
    }
  }
}
