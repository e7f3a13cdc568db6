import Testing

@testable import LabKit

/// The figures' own number formatter: fixed digits, no "-0", no exponent notation.
@Suite("Figures: number formatting")
struct FigureNumberFormatTests {
  private func f(_ value: Double, _ digits: Int) -> String {
    SVGNumberFormat.format(value, digits: digits)
  }

  @Test("binary noise never shows")
  func noNoise() {
    #expect(f(0.1 + 0.2, 2) == "0.3")
    #expect(f(0.1 + 0.2, 6) == "0.3")
    #expect(f(0.1 + 0.2, 17) == "0.30000000000000004")
    #expect(f(1 - 0.9, 4) == "0.1")
    #expect(f(3 * 0.1, 3) == "0.3")
  }

  @Test("rounds half away from zero at the requested digits")
  func rounding() {
    #expect(f(123456.789, 2) == "123456.79")
    #expect(f(123456.789, 0) == "123457")
    #expect(f(2.675, 2) == "2.68")
    #expect(f(-2.5, 0) == "-3")
    #expect(f(0.125, 2) == "0.13")
    #expect(f(9.999, 2) == "10")
    #expect(f(0.006, 2) == "0.01")
    #expect(f(0.004, 2) == "0")
    #expect(f(99.5, 0) == "100")
  }

  @Test("never prints minus zero")
  func noNegativeZero() {
    #expect(f(-0.0001, 2) == "0")
    #expect(f(-0.0, 2) == "0")
    #expect(f(-0.004, 2) == "0")
    #expect(f(-0.005, 2) == "-0.01")
    #expect(SVGNumberFormat.format(-0.0001, digits: 2, trimTrailingZeros: false) == "0.00")
  }

  @Test("small and large magnitudes are written out in full")
  func noExponent() {
    #expect(f(1e-7, 7) == "0.0000001")
    #expect(f(1e-7, 9) == "0.0000001")
    #expect(f(1e-7, 2) == "0")
    #expect(f(1.5e-7, 8) == "0.00000015")
    #expect(f(1e20, 2) == "100000000000000000000")
    #expect(f(1.2345e20, 0) == "123450000000000000000")
    #expect(f(-9.87e15, 1) == "-9870000000000000")
    #expect(f(4_294_967_296, 3) == "4294967296")
    #expect(f(.greatestFiniteMagnitude, 0).count == 309)
    for value in [1e-300, Double.leastNonzeroMagnitude, 1e300, -1e22, 123e-15, 6.02214076e23] {
      for digits in [0, 2, 5, 12] {
        let text = f(value, digits)
        #expect(!text.contains("e") && !text.contains("E"), "\(text)")
        #expect(text.allSatisfy { "0123456789.-".contains($0) }, "\(text)")
      }
    }
  }

  @Test("fixed digits keep trailing zeros when asked")
  func fixedDigits() {
    #expect(SVGNumberFormat.format(2.5, digits: 2, trimTrailingZeros: false) == "2.50")
    #expect(SVGNumberFormat.format(3, digits: 1, trimTrailingZeros: false) == "3.0")
    #expect(SVGNumberFormat.format(3, digits: 0, trimTrailingZeros: false) == "3")
    #expect(f(2.5, 2) == "2.5")
    #expect(f(3, 2) == "3")
  }

  @Test("non-finite values give 0 rather than nan or inf")
  func nonFinite() {
    #expect(f(.nan, 2) == "0")
    #expect(f(.infinity, 2) == "0")
    #expect(f(-.infinity, 2) == "0")
  }

  @Test("coordinates use two decimals")
  func coordinates() {
    #expect(SVGNumberFormat.coordinate(12.3456) == "12.35")
    #expect(SVGNumberFormat.coordinate(-0.001) == "0")
    #expect(SVGNumberFormat.coordinate(640) == "640")
  }

  @Test("agrees with exact integer arithmetic on many values")
  func agreesWithIntegers() {
    // value = n / 1000 exactly representable as decimal; at 3 digits it must print back n / 1000.
    for n in stride(from: -20_000, through: 20_000, by: 7) {
      let value = Double(n) / 1000
      let text = f(value, 3)
      let sign = n < 0 ? "-" : ""
      let magnitude = abs(n)
      var fraction = String(magnitude % 1000)
      fraction = String(repeating: "0", count: 3 - fraction.count) + fraction
      while fraction.hasSuffix("0") { fraction.removeLast() }
      let expected = sign + String(magnitude / 1000) + (fraction.isEmpty ? "" : "." + fraction)
      #expect(text == expected)
    }
  }
}
