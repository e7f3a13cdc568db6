/// A 1-2-5 tick step: `mantissa` × 10^`exponent` with mantissa 1, 2 or 5.
struct TickStep: Sendable, Equatable {
  /// 1, 2 or 5.
  var mantissa: Int
  /// The power of ten.
  var exponent: Int

  /// The step as a number.
  var value: Double { FigureMath.decimal(mantissa, exponent) }

  /// The digits after the point that the multiples of this step need.
  var fractionDigits: Int { max(0, -exponent) }

  /// The value k × step, built from integers so that it carries no binary noise.
  func multiple(_ k: Int) -> Double { FigureMath.decimal(k * mantissa, exponent) }

  /// The next larger step in 1, 2, 5, 10, 20, ... .
  var larger: TickStep {
    switch mantissa {
    case 1: return TickStep(mantissa: 2, exponent: exponent)
    case 2: return TickStep(mantissa: 5, exponent: exponent)
    default: return TickStep(mantissa: 1, exponent: exponent + 1)
    }
  }

  /// The next smaller step in ..., 0.5, 1, 2, 5, ... .
  var smaller: TickStep {
    switch mantissa {
    case 5: return TickStep(mantissa: 2, exponent: exponent)
    case 2: return TickStep(mantissa: 1, exponent: exponent)
    default: return TickStep(mantissa: 5, exponent: exponent - 1)
    }
  }
}
