import LabKit

/// A file of agent definitions, one a line: `Name = formula`, with `#` starting a comment.
///
/// A formula may mention library agents (``AgentLibrary``) and agents defined on earlier lines in
/// `them(X)`; a right-hand side that is just the name of such an agent defines a copy of it under
/// the new name (`FB = FairBot`). Errors name the file, line and column: `agents.txt:3:14: ...`.
public struct AgentFile: Sendable {
  /// The agents the file defines, in order.
  public let agents: [ModalAgent]

  /// Parses `text`; `fileName` is used in error messages.
  ///
  /// - Throws: `LabError.invalidInput` with place `FILE:LINE:COLUMN`.
  public init(text: String, fileName: String) throws {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> Substring in
      line.hasSuffix("\r") ? line.dropLast() : line
    }
    let definedOn = Self.firstDefinitions(lines)
    var defined: [String: ModalAgent] = [:]
    var agents: [ModalAgent] = []
    for (i, line) in lines.enumerated() {
      let place = Place(fileName: fileName, line: i + 1, definedOn: definedOn)
      guard let agent = try Self.definition(line, at: place, defined: defined) else { continue }
      defined[agent.name] = agent
      agents.append(agent)
    }
    guard !agents.isEmpty else { throw LabError.invalidInput(place: fileName, problem: "no agents defined (expected lines 'Name = formula')") }
    self.agents = agents
  }

  /// Where a line is, for messages, and the line on which each name of the file is first defined
  /// (for the message about forward references).
  struct Place {
    let fileName: String
    let line: Int
    let definedOn: [String: Int]

    func fail(_ column: Int, _ problem: String) -> LabError {
      .invalidInput(place: "\(fileName):\(line):\(column)", problem: problem)
    }
  }

  /// The line on which each name is first defined, anywhere in the file.
  static func firstDefinitions(_ lines: [Substring]) -> [String: Int] {
    var definedOn: [String: Int] = [:]
    for (i, line) in lines.enumerated() {
      let content = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
      if let equals = content.firstIndex(of: "=") {
        let name = content[..<equals].trimmingSpaces
        if definedOn[name] == nil { definedOn[name] = i + 1 }
      }
    }
    return definedOn
  }

  /// The agent a line defines, or nil for a blank or comment line.
  static func definition(_ line: Substring, at place: Place, defined: [String: ModalAgent]) throws -> ModalAgent? {
    let content = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
    guard !content.allSatisfy(\.isWhitespace) else { return nil }
    guard let equals = content.firstIndex(of: "=") else {
      let column = (content.firstIndex { !$0.isWhitespace }).map { content.distance(from: content.startIndex, to: $0) + 1 } ?? 1
      throw place.fail(column, "expected a definition 'Name = formula'")
    }
    let name = try checkedName(content[..<equals], in: content, at: place, defined: defined)
    let formulaStart = content.index(after: equals)
    let formulaText = String(content[formulaStart...])
    let offset = content.distance(from: content.startIndex, to: formulaStart)
    guard !formulaText.allSatisfy(\.isWhitespace) else {
      throw place.fail(offset + 1, "expected a formula after '='")
    }
    func resolve(_ other: String) -> ModalAgent? { defined[other] ?? AgentLibrary.agent(named: other) }
    let trimmed = formulaText.trimmingSpaces
    if AgentFile.isName(trimmed), !["T", "F"].contains(trimmed) {
      let column = offset + formulaText.distance(from: formulaText.startIndex, to: formulaText.firstIndex { !$0.isWhitespace }!) + 1
      if trimmed == name { throw place.fail(column, "\(name) is defined as itself") }
      if let original = resolve(trimmed) {
        do { return try original.renamed(name) } catch { throw place.fail(column, error.problem) }
      } else if let line = place.definedOn[trimmed], line > place.line {
        throw place.fail(column, "\(trimmed) is defined on line \(line); an agent may only use agents defined on earlier lines")
      }
      throw place.fail(
        column, "unknown agent '\(trimmed)' (not in the library and not defined earlier); known library agents: \(AgentLibrary.knownNames)")
    }
    do {
      return try ModalAgent.parse(name: name, formulaText, columnOffset: offset, resolve: resolve)
    } catch {
      var message = error.message
      if message.hasPrefix("unknown agent '"), let unknown = message.split(separator: "'").dropFirst().first,
        let line = place.definedOn[String(unknown)], line > place.line
      {
        message =
          "\(unknown) is defined on line \(line); an agent may only refer to agents defined on earlier lines (references must go to lower rank)"
      }
      throw place.fail(error.column, message)
    }
  }

  /// The name left of '=', checked: well formed, not reserved, not defined before, not a library agent.
  static func checkedName(_ text: Substring, in content: Substring, at place: Place, defined: [String: ModalAgent]) throws -> String {
    let nameColumn = (text.firstIndex { !$0.isWhitespace }).map { content.distance(from: content.startIndex, to: $0) + 1 } ?? 1
    let name = text.trimmingSpaces
    guard !name.isEmpty else { throw place.fail(nameColumn, "expected an agent name before '='") }
    guard AgentFile.isName(name) else {
      throw place.fail(nameColumn, "'\(name)' is not a valid agent name (letters, digits and _, starting with a letter or _)")
    }
    guard !["T", "F", "them", "me"].contains(name) else {
      throw place.fail(nameColumn, "'\(name)' is reserved and cannot name an agent")
    }
    if defined[name] != nil {
      throw place.fail(nameColumn, "the agent \(name) is already defined on line \(place.definedOn[name]!)")
    }
    if AgentLibrary.agent(named: name) != nil {
      throw place.fail(nameColumn, "\(name) is a library agent; choose another name (or use it without defining it)")
    }
    return name
  }

  static func isName(_ text: String) -> Bool {
    guard let first = text.first, first == "_" || (first.isASCII && first.isLetter) else { return false }
    return text.allSatisfy { $0 == "_" || ($0.isASCII && ($0.isLetter || $0.isNumber)) }
  }
}

extension StringProtocol {
  var trimmingSpaces: String {
    var s = Substring(self)
    while let first = s.first, first.isWhitespace { s = s.dropFirst() }
    while let last = s.last, last.isWhitespace { s = s.dropLast() }
    return String(s)
  }
}
