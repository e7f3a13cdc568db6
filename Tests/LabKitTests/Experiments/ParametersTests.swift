import Testing

@testable import LabKit

@Suite struct ParametersTests {
  static let declarations = [
    Parameter("agents", "Agents.", domain: .integer(2...100), smoke: .integer(2), standard: .integer(10), paper: .integer(20)),
    Parameter("rate", "A rate.", domain: .unitInterval(zeroAllowed: false), default: .real(0.01)),
    Parameter("floor", "A floor.", domain: .unitInterval(), default: .real(0)),
    Parameter("noisy", "Noise.", domain: .boolean, default: .boolean(false)),
    Parameter("memory", "Memory.", domain: .choice(["first", "fifo"]), default: .choice("first")),
  ]

  @Test func defaultsFollowTheScale() throws {
    #expect(try Parameters(Self.declarations, scale: .smoke).integer("agents") == 2)
    #expect(try Parameters(Self.declarations, scale: .standard).integer("agents") == 10)
    #expect(try Parameters(Self.declarations, scale: .paper).integer("agents") == 20)
  }

  @Test func overridesAreParsedAndTyped() throws {
    let p = try Parameters(
      Self.declarations, scale: .standard,
      overrides: ["agents": "1_00", "rate": "0.5", "noisy": "yes", "memory": "fifo", "floor": "0"])
    #expect(p.integer("agents") == 100)
    #expect(p.real("rate") == 0.5)
    #expect(p.boolean("noisy"))
    #expect(p.choice("memory") == "fifo")
    #expect(p.json.rendered() == "{\n  \"agents\": 100,\n  \"rate\": 0.5,\n  \"floor\": 0,\n  \"noisy\": true,\n  \"memory\": \"fifo\"\n}\n")
  }

  @Test func unknownKeyListsWhatIsAllowed() {
    #expect(throws: LabError.invalidInput(place: "--set agnets", problem: "unknown parameter 'agnets'; allowed: agents, rate, floor, noisy, memory"))
    {
      try Parameters(Self.declarations, scale: .standard, overrides: ["agnets": "3"])
    }
  }

  @Test func wrongTypeAndOutOfRangeSayWhatIsAllowed() {
    #expect(throws: LabError.invalidInput(place: "--set agents=ten", problem: "'ten' is not an integer in 2...100")) {
      try Parameters(Self.declarations, scale: .standard, overrides: ["agents": "ten"])
    }
    #expect(throws: LabError.invalidInput(place: "--set agents=1", problem: "1 is out of range: expected an integer in 2...100")) {
      try Parameters(Self.declarations, scale: .standard, overrides: ["agents": "1"])
    }
    #expect(throws: LabError.invalidInput(place: "--set rate=0", problem: "0 is out of range: expected a real number in (0, 1]")) {
      try Parameters(Self.declarations, scale: .standard, overrides: ["rate": "0"])
    }
    #expect(throws: LabError.self) { try Parameters(Self.declarations, scale: .standard, overrides: ["rate": "nan"]) }
    #expect(throws: LabError.self) { try Parameters(Self.declarations, scale: .standard, overrides: ["rate": "inf"]) }
    #expect(throws: LabError.invalidInput(place: "--set memory=lifo", problem: "lifo is out of range: expected one of first, fifo")) {
      try Parameters(Self.declarations, scale: .standard, overrides: ["memory": "lifo"])
    }
  }

  @Test func assignmentsAreParsed() throws {
    #expect(try ParameterOverrides(parsing: ["a=1", "b=x=y"]).values == ["a": "1", "b": "x=y"])
    #expect(throws: LabError.invalidInput(place: "--set a", problem: "expected KEY=VALUE")) { try ParameterOverrides(parsing: ["a"]) }
    #expect(throws: LabError.invalidInput(place: "--set a=", problem: "no value after '='")) { try ParameterOverrides(parsing: ["a="]) }
    #expect(throws: LabError.invalidInput(place: "--set a", problem: "given twice")) { try ParameterOverrides(parsing: ["a=1", "a=2"]) }
  }
}
