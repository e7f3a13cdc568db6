import Testing

@testable import LabKit

@Suite("FixedPointFormat")
struct FixedPointFormatTests {
  /// Expected strings from C's printf via Python: `python3 -c "print('%.*f' % (digits, x))"`, which
  /// rounds the exact binary value, ties to even. The one deliberate difference: a value that rounds
  /// to zero has no minus sign (printf gives "-0.000" for −0.0001).
  static let cases: [(Double, Int, String)] = [
    (0.125, 2, "0.12"),  // exact tie → even
    (0.375, 2, "0.38"),  // exact tie → even
    (2.675, 2, "2.67"),  // the double is 2.67499999…
    (1.005, 2, "1.00"),  // the double is 1.00499999…
    (0.5, 0, "0"),
    (1.5, 0, "2"),
    (2.5, 0, "2"),
    (-2.5, 0, "-2"),
    (7, 0, "7"),
    (123456.789, 1, "123456.8"),
    (0.1, 17, "0.10000000000000001"),
    (1.0 / 3.0, 10, "0.3333333333"),
    (.leastNonzeroMagnitude, 3, "0.000"),  // 5e-324, the smallest subnormal
    (999999999999999.9, 1, "999999999999999.9"),
    (-1.23456789e-5, 8, "-0.00001235"),
    (0.9995, 3, "1.000"),  // the double is 0.99950000000000005…, rounds up
    (-0.0001, 3, "0.000"),  // printf: "-0.000"
    (0, 2, "0.00"),
    (-0.0, 1, "0.0"),
  ]

  @Test func matchesPrintf() {
    for (x, digits, expected) in Self.cases {
      #expect(FixedPointFormat.string(x, digits: digits) == expected, "x = \(x), digits = \(digits)")
    }
  }

  @Test func specialValues() {
    #expect(FixedPointFormat.string(.nan, digits: 3) == "nan")
    #expect(FixedPointFormat.string(.infinity, digits: 3) == "inf")
    #expect(FixedPointFormat.string(-.infinity, digits: 3) == "-inf")
    #expect(FixedPointFormat.string(1e20, digits: 3) == "1e+20")
    #expect(FixedPointFormat.string(0.5, digits: -4) == "0")  // clamped to 0 decimals; tie → even
  }

  @Test func percent() {
    #expect(FixedPointFormat.percent(0.95) == "95")
    #expect(FixedPointFormat.percent(0.999) == "99.9")
    #expect(FixedPointFormat.percent(0.9999) == "99.99")
    #expect(FixedPointFormat.percent(0.5) == "50")
  }
}
