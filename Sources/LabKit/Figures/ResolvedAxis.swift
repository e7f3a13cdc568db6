/// An ``Axis`` with its final range, ready to place values and ticks.
///
/// Resolution fits the range to the data when the axis has none (see ``Axis``), and keeps the
/// 1-2-5 step the range was rounded to, so that the ticks land on both ends.
struct ResolvedAxis: Sendable {
  let label: String
  let scale: AxisScale
  let lower: Double
  let upper: Double
  /// The step an automatic linear range was rounded to; `nil` for fixed or logarithmic ranges.
  let fittedStep: TickStep?

  /// Resolves `axis` against the data values on it (values the scale cannot place are ignored).
  ///
  /// With `includeZero`, a fitted linear range also contains zero (bars grow from zero).
  init(_ axis: Axis, values: [Double], includeZero: Bool = false) {
    label = axis.label
    scale = axis.scale
    let usable = values.filter { ResolvedAxis.canPlace($0, on: axis.scale) }

    if let range = axis.range, ResolvedAxis.canPlace(range.lowerBound, on: axis.scale),
      ResolvedAxis.canPlace(range.upperBound, on: axis.scale)
    {
      var low = range.lowerBound
      var high = range.upperBound
      if !(high > low) {
        switch axis.scale {
        case .linear:
          let pad = low == 0 ? 1 : low.magnitude * 0.1
          low -= pad
          high += pad
        case .logarithmic:
          low /= 10
          high *= 10
        }
      }
      lower = low
      upper = high
      fittedStep = nil
      return
    }

    switch axis.scale {
    case .linear:
      var minimum = usable.min() ?? 0
      var maximum = usable.max() ?? 1
      if includeZero {
        minimum = min(minimum, 0)
        maximum = max(maximum, 0)
      }
      let nice = AxisTicks.niceLinearRange(minimum: minimum, maximum: maximum)
      lower = nice.lower
      upper = nice.upper
      fittedStep = nice.step
    case .logarithmic:
      let nice = AxisTicks.niceLogRange(minimum: usable.min() ?? 1, maximum: usable.max() ?? 10)
      lower = nice.lower
      upper = nice.upper
      fittedStep = nil
    }
  }

  /// Whether `value` has a position on an axis of the given scale.
  static func canPlace(_ value: Double, on scale: AxisScale) -> Bool {
    switch scale {
    case .linear: return value.isFinite
    case .logarithmic: return value.isFinite && value > 0
    }
  }

  /// Where `value` lies between the ends, 0 at ``lower`` and 1 at ``upper`` (outside for values
  /// beyond them); `nil` when the scale cannot place it.
  func fraction(_ value: Double) -> Double? {
    guard ResolvedAxis.canPlace(value, on: scale) else { return nil }
    switch scale {
    case .linear:
      let t = (value - lower) / (upper - lower)
      return t.isFinite ? t : nil
    case .logarithmic:
      let a = FigureMath.log10(lower)
      let t = (FigureMath.log10(value) - a) / (FigureMath.log10(upper) - a)
      return t.isFinite ? t : nil
    }
  }

  /// The power of ten factored out of the tick labels (0 for none, always 0 on a log axis); see
  /// ``AxisTicks/factorExponent(lower:upper:)``.
  var factorExponent: Int {
    scale == .linear ? AxisTicks.factorExponent(lower: lower, upper: upper) : 0
  }

  /// The label written along the axis: ``label`` plus the factored power of ten, if any, as
  /// "Payoff (×10⁶)".
  var displayLabel: String {
    let factor = AxisTicks.factorText(factorExponent)
    if factor.isEmpty { return label }
    return label.isEmpty ? factor : label + " (" + factor + ")"
  }

  /// The ticks along an axis `pixelLength` long, thinned so labels of the given `extent` do not
  /// collide; `position` maps a value to its pixel coordinate along the axis.
  func ticks(pixelLength: Double, position: (Double) -> Double?, extent: (String) -> Double) -> [AxisTick] {
    let gap = 6.0
    switch scale {
    case .linear:
      var step = fittedStep ?? AxisTicks.linearStep(lower: lower, upper: upper, extending: false)
      let factor = factorExponent
      var ticks = AxisTicks.linear(lower: lower, upper: upper, step: step, factorExponent: factor)
      var attempts = 0
      while !AxisTicks.labelsFit(ticks, gap: gap, position: position, extent: extent), attempts < 6 {
        step = step.larger
        let wider = AxisTicks.linear(lower: lower, upper: upper, step: step, factorExponent: factor)
        if wider.count < 2 { break }
        ticks = wider
        attempts += 1
      }
      return AxisTicks.thinned(ticks, gap: gap, position: position, extent: extent)
    case .logarithmic:
      return AxisTicks.thinned(
        AxisTicks.logarithmic(lower: lower, upper: upper), gap: gap, position: position, extent: extent)
    }
  }
}
