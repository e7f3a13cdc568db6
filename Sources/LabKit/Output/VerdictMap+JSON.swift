/// The verdict map, trend and control in results.json (the README documents the schema).
extension VerdictMap.Cell {
  /// `{"reading": {name: value}, "size": {name: value}, "verdict", "estimate", "interval", "n"}`.
  var json: JSONValue {
    .object([
      ("reading", settingJSON(reading)), ("size", settingJSON(size)), ("verdict", .string(verdict.rawValue)),
      ("estimate", estimate.map(JSONValue.number) ?? .null), ("interval", intervalJSON(lower, upper)), ("n", .number(Double(n))),
    ])
  }

  init(json: JSONValue, place: String) throws {
    guard let reading = json["reading"].flatMap(setting), let size = json["size"].flatMap(setting),
      let verdict = json["verdict"]?.stringValue.flatMap(Headline.init(rawValue:)), verdict != .depends,
      let n = json["n"]?.numberValue, let interval = json["interval"]
    else {
      throw LabError.invalidInput(place: place, problem: "a map cell needs reading, size, verdict (holds, fails or inconclusive), interval and n")
    }
    let bounds = interval.arrayValue?.compactMap(\.numberValue)
    self.init(
      reading: reading, size: size, verdict: verdict, estimate: json["estimate"]?.numberValue,
      lower: bounds?.first, upper: bounds?.last, n: Int(n))
  }
}

extension Trend {
  /// `{"reading", "size", "sizes", "means", "statistic", "estimate", "interval", "bar", "verdict", "n"}`.
  var json: JSONValue {
    .object([
      ("reading", settingJSON(reading)), ("size", .string(sizeName)), ("sizes", .array(sizes.map(JSONValue.number))),
      ("means", .array(means.map(JSONValue.number))), ("statistic", .string(statistic.rawValue)), ("estimate", .number(estimate)),
      ("interval", intervalJSON(lower, upper)), ("bar", .string(bar.description)), ("verdict", .string(verdict.rawValue)),
      ("n", .number(Double(n))),
    ])
  }
}

extension VerdictMap {
  /// The cells, as results.json's `"readings"` list.
  var cellsJSON: JSONValue { .array(cells.map(\.json)) }
  /// The trends, as results.json's `"trends"` list.
  var trendsJSON: JSONValue { .array(trends.map(\.json)) }
}

extension ControlResult {
  /// `{"description", "expected", "verdict"}`.
  var json: JSONValue {
    .object([("description", .string(description)), ("expected", .string(expected.rawValue)), ("verdict", .string(verdict.rawValue))])
  }

  init(json: JSONValue, place: String) throws {
    guard let description = json["description"]?.stringValue,
      let expected = json["expected"]?.stringValue.flatMap(Headline.init(rawValue:)),
      let verdict = json["verdict"]?.stringValue.flatMap(Headline.init(rawValue:))
    else { throw LabError.invalidInput(place: place, problem: "a control needs description, expected and verdict") }
    self.init(description: description, expected: expected, verdict: verdict)
  }
}

private func settingJSON(_ setting: Setting) -> JSONValue { .object(setting.map { ($0.name, .string($0.value)) }) }

private func setting(_ json: JSONValue) -> Setting? {
  guard let members = json.objectValue else { return nil }
  let pairs = members.compactMap { name, value in value.stringValue.map { SettingItem(name, $0) } }
  return pairs.count == members.count ? pairs : nil
}

private func intervalJSON(_ lower: Double?, _ upper: Double?) -> JSONValue {
  guard let lower, let upper else { return .null }
  return .array([.number(lower), .number(upper)])
}
