/// Readable tick positions and labels: 1-2-5 "nice numbers" on linear axes, powers of ten on
/// logarithmic ones.
///
/// Linear: among the steps 1, 2 and 5 × 10^k near a sixth of the range, the one giving closest to six
/// ticks (preferring five to eight) wins, as in Heckbert's "Nice numbers for graph labels" (Graphics
/// Gems, 1990). Tick values are built as integer × power of ten and labelled with exactly the
/// digits the step needs, so 0.1 + 0.2 never shows up as 0.30000000000000004.
///
/// Logarithmic: a range over more than two decades gets labelled ticks at the powers of ten and
/// unlabelled minor ticks at 2 ... 9 times them (when there are at most eight decades); up to two
/// decades, the labels are at 1, 2 and 5 times the powers of ten; within a decade, at 1 ... 9 times;
/// and a range too narrow for even that falls back to linear ticks. Labels are plain numbers from
/// 0.001 to 9000 (1, 10, 100, 1000) and "10⁴"-style powers beyond (with "2×10⁴" for multiples).
enum AxisTicks {
  /// The preferred number of labelled ticks.
  static let targetCount = 6

  // MARK: Linear

  /// The 1-2-5 step for `lower ... upper`: the one whose tick count is closest to ``targetCount``.
  ///
  /// With `extending`, the count is that of the range rounded outward to multiples of the step (as
  /// an automatic axis range will be); without, that of the multiples inside the range.
  static func linearStep(lower: Double, upper: Double, extending: Bool) -> TickStep {
    let span = upper - lower
    guard span > 0, span.isFinite else { return TickStep(mantissa: 1, exponent: 0) }
    let rough = FigureMath.floorLog10(span / Double(targetCount - 1))
    var best = TickStep(mantissa: 1, exponent: rough)
    var bestScore = Int.max
    for exponent in (rough - 1)...(rough + 1) {
      for mantissa in [1, 2, 5] {
        let step = TickStep(mantissa: mantissa, exponent: exponent)
        guard let range = multipleRange(lower: lower, upper: upper, step: step, extending: extending) else {
          continue
        }
        let count = range.upperBound - range.lowerBound + 1
        let score = (5...8).contains(count) ? abs(count - targetCount) : 100 + abs(count - targetCount)
        if score <= bestScore {  // ties go to the larger step, which comes later
          best = step
          bestScore = score
        }
      }
    }
    return best
  }

  /// The k with k × step in `lower ... upper` (or, `extending`, the smallest multiple range covering
  /// it); `nil` when the multipliers would not fit in an `Int` or the range is empty.
  static func multipleRange(lower: Double, upper: Double, step: TickStep, extending: Bool) -> ClosedRange<Int>? {
    let s = step.value
    guard s > 0, s.isFinite else { return nil }
    let a = lower / s
    let b = upper / s
    guard a.isFinite, b.isFinite, a.magnitude < 1e15, b.magnitude < 1e15 else { return nil }
    let tolerance = 1e-9 * max(1, (b - a).magnitude)
    let first = extending ? (a + tolerance).rounded(.down) : (a - tolerance).rounded(.up)
    let last = extending ? (b - tolerance).rounded(.up) : (b + tolerance).rounded(.down)
    guard first <= last else { return nil }
    return Int(first)...Int(last)
  }

  /// The labelled ticks at the multiples of `step` inside `lower ... upper`.
  ///
  /// With a `factorExponent` E the labels show value / 10^E (the axis label then says "×10ᴱ").
  /// When the multipliers do not fit an `Int` (a range tiny against its magnitude) the two ends
  /// are labelled instead.
  static func linear(lower: Double, upper: Double, step: TickStep, factorExponent: Int = 0) -> [AxisTick] {
    let digits = max(0, factorExponent - step.exponent)
    guard let range = multipleRange(lower: lower, upper: upper, step: step, extending: false),
      range.count <= 1000
    else {
      let scale = FigureMath.pow10(factorExponent)
      return [lower, upper].map { AxisTick(value: $0, label: label($0 / scale, digits: digits + 3)) }
    }
    return range.map { k in
      let shown = FigureMath.decimal(k * step.mantissa, step.exponent - factorExponent)
      return AxisTick(value: step.multiple(k), label: label(shown, digits: digits))
    }
  }

  /// The labelled ticks of `lower ... upper` at the best 1-2-5 step (see ``linearStep(lower:upper:extending:)``).
  static func linear(lower: Double, upper: Double, factorExponent: Int = 0) -> [AxisTick] {
    linear(
      lower: lower, upper: upper, step: linearStep(lower: lower, upper: upper, extending: false),
      factorExponent: factorExponent)
  }

  /// The power of ten to factor out of the labels of a linear axis over `lower ... upper`, or 0.
  ///
  /// Labels of a million and more, or of magnitudes all below 0.001, get long; for those, the
  /// largest magnitude's power of ten rounded down to a multiple of three (engineering style) is
  /// taken out, so 1 000 000 ... 5 000 000 reads 1 ... 5 with "×10⁶" on the axis.
  static func factorExponent(lower: Double, upper: Double) -> Int {
    let largest = max(lower.magnitude, upper.magnitude)
    guard largest.isFinite, largest > 0 else { return 0 }
    let decade = FigureMath.floorLog10(largest)
    guard decade >= 6 || decade < -3 else { return 0 }
    return decade >= 0 ? decade / 3 * 3 : -((-decade + 2) / 3 * 3)
  }

  /// The text added to an axis label for a factored power of ten: "×10ᴱ", or "" for E = 0.
  static func factorText(_ exponent: Int) -> String {
    exponent == 0 ? "" : "×10" + superscript(exponent)
  }

  /// The automatic linear range for data spanning `minimum ... maximum`: rounded outward to
  /// multiples of the chosen step.
  ///
  /// Equal ends are first widened by 10 % of their magnitude (or by 1 around zero).
  static func niceLinearRange(minimum: Double, maximum: Double) -> (lower: Double, upper: Double, step: TickStep) {
    var low = minimum
    var high = maximum
    if !(high > low) {
      let pad = low == 0 ? 1 : low.magnitude * 0.1
      low -= pad
      high += pad
    }
    let step = linearStep(lower: low, upper: high, extending: true)
    guard let range = multipleRange(lower: low, upper: high, step: step, extending: true) else {
      return (low, high, step)
    }
    return (step.multiple(range.lowerBound), step.multiple(range.upperBound), step)
  }

  // MARK: Logarithmic

  /// The automatic logarithmic range for positive data spanning `minimum ... maximum`: whole
  /// powers of ten at or outside the data (at least one decade).
  static func niceLogRange(minimum: Double, maximum: Double) -> (lower: Double, upper: Double) {
    let low = FigureMath.floorLog10(minimum)
    var high = FigureMath.floorLog10(maximum)
    if FigureMath.pow10(high) < maximum { high += 1 }
    if high <= low { high = low + 1 }
    return (FigureMath.pow10(low), FigureMath.pow10(high))
  }

  /// The ticks of a logarithmic axis over `lower ... upper` (both positive); see the type's notes.
  static func logarithmic(lower: Double, upper: Double) -> [AxisTick] {
    guard lower > 0, upper > lower, upper.isFinite else {
      return [AxisTick(value: lower, label: label(lower, digits: 3))]
    }
    let decades = FigureMath.log10(upper) - FigureMath.log10(lower)
    let firstDecade = FigureMath.floorLog10(lower)
    let lastDecade = FigureMath.floorLog10(upper)

    func values(_ mantissas: [Int]) -> [(m: Int, k: Int, value: Double)] {
      var result: [(m: Int, k: Int, value: Double)] = []
      for k in firstDecade...lastDecade {
        for m in mantissas {
          let value = FigureMath.decimal(m, k)
          if value >= lower * (1 - 1e-12), value <= upper * (1 + 1e-12) { result.append((m, k, value)) }
        }
      }
      return result
    }

    var labelled = [1]
    if decades <= 2 { labelled = [1, 2, 5] }
    if values(labelled).count < 3 { labelled = Array(1...9) }
    if values(labelled).count < 2 {
      return linear(lower: lower, upper: upper)
    }
    let minor = decades <= 8 ? (1...9).filter { !labelled.contains($0) } : []
    let all = values((labelled + minor).sorted())
    return all.map { tick in
      AxisTick(value: tick.value, label: labelled.contains(tick.m) ? logLabel(tick.m, tick.k) : nil)
    }
  }

  // MARK: Labels

  /// `value` as a tick label with `digits` decimals, with a typographic minus sign.
  static func label(_ value: Double, digits: Int) -> String {
    let text = SVGNumberFormat.format(value, digits: digits)
    return text.hasPrefix("-") ? "\u{2212}" + text.dropFirst() : text
  }

  /// The label of m × 10^k on a logarithmic axis: plain from 0.001 to 9000, else "10ᵏ" or "m×10ᵏ".
  static func logLabel(_ m: Int, _ k: Int) -> String {
    if (-3...3).contains(k) {
      return label(FigureMath.decimal(m, k), digits: max(0, -k))
    }
    let power = "10" + superscript(k)
    return m == 1 ? power : "\(m)×" + power
  }

  /// `n` written with Unicode superscript digits (and a superscript minus).
  static func superscript(_ n: Int) -> String {
    let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
    var text = ""
    for character in String(n.magnitude) {
      text.append(digits[Int(character.asciiValue! - 48)])
    }
    return (n < 0 ? "⁻" : "") + text
  }

  // MARK: Thinning

  /// `ticks` with labels removed (the ticks kept as minor ones) until neighbouring labels, `extent`
  /// long each along an axis of pixel positions `position`, are at least `gap` apart.
  ///
  /// Keeps every second, third, ... label, counted from the first.
  static func thinned(
    _ ticks: [AxisTick], gap: Double, position: (Double) -> Double?, extent: (String) -> Double
  ) -> [AxisTick] {
    var keepEvery = 1
    while keepEvery < max(ticks.count, 1) {
      var result: [AxisTick] = []
      var labelIndex = 0
      for tick in ticks {
        var copy = tick
        if tick.isMajor {
          if labelIndex % keepEvery != 0 { copy.label = nil }
          labelIndex += 1
        }
        result.append(copy)
      }
      if labelsFit(result, gap: gap, position: position, extent: extent) { return result }
      keepEvery += 1
    }
    return ticks
  }

  /// Whether neighbouring labels of `ticks` are at least `gap` apart.
  static func labelsFit(
    _ ticks: [AxisTick], gap: Double, position: (Double) -> Double?, extent: (String) -> Double
  ) -> Bool {
    var previous: (position: Double, half: Double)?
    for tick in ticks {
      guard let label = tick.label, let p = position(tick.value) else { continue }
      let half = extent(label) / 2
      if let previous, (p - previous.position).magnitude < previous.half + half + gap { return false }
      previous = (p, half)
    }
    return true
  }
}
