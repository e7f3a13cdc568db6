import Testing

@testable import LabKit

@Suite struct DecimalFormatTests {
  @Test func fixedDigits() {
    #expect(DecimalFormat.fixed(0.1 + 0.2, digits: 2) == "0.30")
    #expect(DecimalFormat.fixed(2.5, digits: 0) == "3")  // rounds half away from zero
    #expect(DecimalFormat.fixed(-0.0001, digits: 2) == "0.00")
    #expect(DecimalFormat.fixed(-1.005, digits: 1) == "-1.0")
    #expect(DecimalFormat.fixed(123456.789, digits: 2) == "123456.79")
    #expect(DecimalFormat.fixed(0.05, digits: 3) == "0.050")
    #expect(DecimalFormat.fixed(.nan, digits: 2) == "nan")
    #expect(DecimalFormat.fixed(.infinity, digits: 3) == "inf")
    #expect(DecimalFormat.fixed(-.infinity, digits: 3) == "-inf")
    #expect(DecimalFormat.fixed(1e20, digits: 2) == "100000000000000000000.00")  // never exponent notation
    #expect(DecimalFormat.fixed(2.675, digits: 2) == "2.68")  // from the shortest digits "2.675", half away from zero
    #expect(DecimalFormat.fixed(1e-7, digits: 8) == "0.00000010")
  }

  @Test func percentagesOfConfidenceLevels() {
    // As ConfidenceInterval prints its level.
    #expect(DecimalFormat.compact(0.95 * 100) == "95")
    #expect(DecimalFormat.compact(0.999 * 100) == "99.9")
    #expect(DecimalFormat.compact(0.9999 * 100) == "99.99")
  }

  @Test func compactSignificantDigits() {
    #expect(DecimalFormat.compact(0.1 + 0.2) == "0.3")
    #expect(DecimalFormat.compact(1.0 / 3.0, significant: 4) == "0.3333")
    #expect(DecimalFormat.compact(2.50) == "2.5")
    #expect(DecimalFormat.compact(1e-7) == "0.0000001")
    #expect(DecimalFormat.compact(1000) == "1000")
    #expect(DecimalFormat.compact(123456789, significant: 3) == "123000000")
    #expect(DecimalFormat.compact(-0.0) == "0")
    #expect(DecimalFormat.compact(20_240_322, significant: 10) == "20240322")
    #expect(DecimalFormat.compact(1e20) == "100000000000000000000")
    #expect(!DecimalFormat.compact(6.02e23).contains("e"))
  }
}
