import Testing

@testable import LabKit

/// Nice tick positions and labels on linear and logarithmic axes.
@Suite("Figures: ticks")
struct FigureTicksTests {
  private func labels(_ ticks: [AxisTick]) -> [String] { ticks.compactMap(\.label) }

  @Test("0 ... 1 gets 0, 0.2, ..., 1")
  func unitRange() {
    let ticks = AxisTicks.linear(lower: 0, upper: 1)
    #expect(labels(ticks) == ["0", "0.2", "0.4", "0.6", "0.8", "1"])
    #expect(ticks.map(\.value) == [0, 0.2, 0.4, 0.6, 0.8, 1])
  }

  @Test("0 ... 97 gets steps of 20")
  func steps20() {
    #expect(labels(AxisTicks.linear(lower: 0, upper: 97)) == ["0", "20", "40", "60", "80"])
    let nice = AxisTicks.niceLinearRange(minimum: 0, maximum: 97)
    #expect(nice.lower == 0 && nice.upper == 100)
    #expect(nice.step == TickStep(mantissa: 2, exponent: 1))
    #expect(
      labels(AxisTicks.linear(lower: nice.lower, upper: nice.upper, step: nice.step))
        == ["0", "20", "40", "60", "80", "100"])
  }

  @Test("steps are 1, 2 or 5 times a power of ten, with five to eight ticks")
  func niceSteps() {
    let ranges: [(Double, Double)] = [
      (0, 1), (0, 97), (-3, 7), (0.001, 0.0093), (1000, 1_000_000), (-1e-6, 1e-6), (17, 23), (0, 0.3),
      (-273.15, 100), (3.5, 3.6), (0, 13), (0, 36), (1e9, 5e9),
    ]
    for (low, high) in ranges {
      let step = AxisTicks.linearStep(lower: low, upper: high, extending: false)
      #expect([1, 2, 5].contains(step.mantissa))
      let ticks = AxisTicks.linear(lower: low, upper: high)
      #expect((4...9).contains(ticks.count), "\(low) ... \(high): \(labels(ticks))")
      let nice = AxisTicks.niceLinearRange(minimum: low, maximum: high)
      let fitted = AxisTicks.linear(lower: nice.lower, upper: nice.upper, step: nice.step)
      #expect((5...9).contains(fitted.count), "fitted \(low) ... \(high): \(labels(fitted))")
      #expect(nice.lower <= low && nice.upper >= high)
      #expect(fitted.first?.value == nice.lower && fitted.last?.value == nice.upper)
    }
  }

  @Test("labels carry no floating noise")
  func cleanLabels() {
    #expect(labels(AxisTicks.linear(lower: 0, upper: 0.3)) == ["0", "0.05", "0.1", "0.15", "0.2", "0.25", "0.3"])
    #expect(labels(AxisTicks.linear(lower: 0.001, upper: 0.0093)).allSatisfy { $0.count <= 6 })
    #expect(labels(AxisTicks.linear(lower: 3.5, upper: 3.6)) == ["3.5", "3.52", "3.54", "3.56", "3.58", "3.6"])
    #expect(labels(AxisTicks.linear(lower: 1e9, upper: 5e9)).first == "1000000000")
  }

  @Test("negative labels use a minus sign and zero is plain 0")
  func negativeLabels() {
    let ticks = labels(AxisTicks.linear(lower: -1, upper: 1))
    #expect(ticks == ["\u{2212}1", "\u{2212}0.5", "0", "0.5", "1"])
  }

  @Test("log range 1 ... 1e5 gets powers of ten, with minor ticks between")
  func logDecades() {
    let ticks = AxisTicks.logarithmic(lower: 1, upper: 1e5)
    #expect(labels(ticks) == ["1", "10", "100", "1000", "10⁴", "10⁵"])
    #expect(ticks.filter(\.isMajor).map(\.value) == [1, 10, 100, 1000, 1e4, 1e5])
    #expect(ticks.filter { !$0.isMajor }.count == 8 * 5)
  }

  @Test("short log ranges are labelled at 1, 2 and 5, or every integer multiple")
  func logShort() {
    #expect(labels(AxisTicks.logarithmic(lower: 1, upper: 100)) == ["1", "2", "5", "10", "20", "50", "100"])
    #expect(labels(AxisTicks.logarithmic(lower: 20, upper: 80)) == ["20", "30", "40", "50", "60", "70", "80"])
    #expect(labels(AxisTicks.logarithmic(lower: 0.001, upper: 0.01)) == ["0.001", "0.002", "0.005", "0.01"])
    // Too narrow even for integer multiples: linear ticks.
    #expect(AxisTicks.logarithmic(lower: 2, upper: 2.5).count >= 4)
  }

  @Test("log labels beyond 10⁴ and below 10⁻³ use superscript powers")
  func logLabels() {
    #expect(AxisTicks.logLabel(1, 6) == "10⁶")
    #expect(AxisTicks.logLabel(1, -12) == "10⁻¹²")
    #expect(AxisTicks.logLabel(5, 7) == "5×10⁷")
    #expect(AxisTicks.logLabel(1, -3) == "0.001")
    #expect(AxisTicks.logLabel(2, 3) == "2000")
    #expect(AxisTicks.logLabel(1, 4) == "10⁴")
  }

  @Test("fitted log ranges round out to whole decades")
  func logRange() {
    #expect(AxisTicks.niceLogRange(minimum: 1.5, maximum: 800) == (1, 1000))
    #expect(AxisTicks.niceLogRange(minimum: 10, maximum: 10) == (10, 100))
    #expect(AxisTicks.niceLogRange(minimum: 0.02, maximum: 0.5) == (0.01, 1))
  }

  @Test("axes fit data, honour fixed ranges and ignore unusable ones")
  func resolvedAxes() {
    let fitted = ResolvedAxis(Axis(label: ""), values: [0.13, 0.87, .nan])
    #expect(fitted.lower == 0 && fitted.upper == 1)
    let fixed = ResolvedAxis(Axis(label: "", range: 0...97), values: [500])
    #expect(fixed.lower == 0 && fixed.upper == 97)
    let bars = ResolvedAxis(Axis(label: ""), values: [3, 7], includeZero: true)
    #expect(bars.lower == 0)
    let log = ResolvedAxis(Axis(label: "", scale: .logarithmic, range: 0...100), values: [2, 50, -1, 0])
    #expect(log.lower == 1 && log.upper == 100)
    let flat = ResolvedAxis(Axis(label: ""), values: [5, 5])
    #expect(flat.lower < 5 && flat.upper > 5)
    let empty = ResolvedAxis(Axis(label: "", scale: .logarithmic), values: [])
    #expect(empty.lower == 1 && empty.upper == 10)
  }

  @Test("very large or very small linear ranges factor a power of ten out of the labels")
  func factoredLabels() {
    #expect(AxisTicks.factorExponent(lower: 0, upper: 1000) == 0)
    #expect(AxisTicks.factorExponent(lower: 0, upper: 999_999) == 0)
    #expect(AxisTicks.factorExponent(lower: 1e6, upper: 5e6) == 6)
    #expect(AxisTicks.factorExponent(lower: 0, upper: 3e13) == 12)
    #expect(AxisTicks.factorExponent(lower: 0, upper: 0.005) == 0)
    #expect(AxisTicks.factorExponent(lower: 1e-9, upper: 3e-9) == -9)
    #expect(AxisTicks.factorExponent(lower: 0, upper: 2e-4) == -6)
    #expect(labels(AxisTicks.linear(lower: 1e6, upper: 5e6, factorExponent: 6)) == ["1", "2", "3", "4", "5"])
    #expect(
      labels(AxisTicks.linear(lower: 1e-9, upper: 2e-9, factorExponent: -9))
        == ["1", "1.2", "1.4", "1.6", "1.8", "2"])
    let axis = ResolvedAxis(Axis(label: "Payoff"), values: [0, 3e12])
    #expect(axis.displayLabel == "Payoff (×10¹²)")
    #expect(ResolvedAxis(Axis(label: ""), values: [0, 3e12]).displayLabel == "×10¹²")
    #expect(ResolvedAxis(Axis(label: "Payoff"), values: [0, 3]).displayLabel == "Payoff")
  }

  @Test("crowded labels are thinned so they do not overlap")
  func thinning() {
    let axis = ResolvedAxis(Axis(label: "", scale: .logarithmic, range: 1e-10...1e10), values: [])
    let length = 200.0
    let ticks = axis.ticks(
      pixelLength: length, position: { axis.fraction($0).map { $0 * length } },
      extent: { FigureStyle.textWidth($0, fontSize: 11) })
    #expect(
      AxisTicks.labelsFit(
        ticks, gap: 6, position: { axis.fraction($0).map { $0 * length } },
        extent: { FigureStyle.textWidth($0, fontSize: 11) }))
    #expect(ticks.filter(\.isMajor).count >= 2)
  }
}
