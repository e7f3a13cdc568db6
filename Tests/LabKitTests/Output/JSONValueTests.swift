import Testing

@testable import LabKit

@Suite struct JSONValueTests {
  @Test func keepsKeyOrderAndPrintsDeterministically() {
    let value = JSONValue.object([("z", .number(1)), ("a", .number(0.1 + 0.2)), ("m", .array([.string("x\"y\n"), .null, .bool(true)]))])
    #expect(
      value.rendered() == """
        {
          "z": 1,
          "a": 0.3,
          "m": ["x\\"y\\n", null, true]
        }

        """)
  }

  @Test func parsesWhatItPrints() throws {
    let value = JSONValue.object([
      ("paper", .string("Numerical Politics — §2.1 ✓")), ("seed", .number(20_240_322)),
      ("nested", .object([("list", .array([.object([("k", .number(-2.5))]), .array([])]))])), ("empty", .object([])),
    ])
    #expect(try JSONValue.parse(value.rendered()) == value)
  }

  @Test func largeIntegersSuchAsSeedsPrintExactly() throws {
    #expect(JSONValue.number(12_345_678_901).inline == "12345678901")
    #expect(JSONValue.number(9_007_199_254_740_991).inline == "9007199254740991")
    #expect(JSONValue.number(-42).inline == "-42")
    #expect(JSONValue.number(1.0 / 3.0).inline == "0.3333333333")
    #expect(try JSONValue.parse("12345678901") == .number(12_345_678_901))
  }

  @Test func numberLiteralsKeepTheirDigits() throws {
    let parsed = try JSONValue.parse("[0.500, 0.5, 1.0, 2]")
    #expect(parsed == .array([.numberLiteral("0.500"), .number(0.5), .numberLiteral("1.0"), .number(2)]))
    #expect(parsed.rendered() == "[0.500, 0.5, 1.0, 2]\n")
    #expect(JSONValue.numberLiteral("0.500") == .number(0.5))
  }

  @Test func parsesEscapes() throws {
    #expect(try JSONValue.parse(#""a\u00e9\ud83d\ude00\t""#) == .string("aé😀\t"))
    #expect(try JSONValue.parse("[1e3, -0.5, true, false, null]") == .array([.number(1000), .number(-0.5), .bool(true), .bool(false), .null]))
  }

  @Test func errorsNameLineAndColumn() {
    #expect(throws: LabError.invalidInput(place: "x.json line 2 column 3", problem: "expected ',' or '}'")) {
      try JSONValue.parse("{\"a\": 1\n  \"b\": 2}", source: "x.json")
    }
    #expect(throws: LabError.self) { try JSONValue.parse("[1, 2") }
    #expect(throws: LabError.self) { try JSONValue.parse("{} extra") }
  }
}
