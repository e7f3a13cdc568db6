/// Splits Markdown text into ``MarkdownBlock``s (CommonMark's block structure, simplified to what the
/// literate documents use, plus GitHub tables). Never fails: text it does not recognise is a paragraph.
///
/// Lists nest by indentation: an item's content is every following line indented at least as far as
/// the item's text (or a lazy continuation line of its paragraph); a blank line followed by a line of
/// that indentation keeps the item open. HTML comments are dropped except the `reproduce` markers;
/// a generated value's markers are removed first and its text kept (``InlineValues/plainText(_:)``).
public enum MarkdownParser {
  /// Lists and quotes nested deeper than this are read as paragraphs (bounds the recursion).
  static let maximumDepth = 32

  public static func parse(_ text: String) -> [MarkdownBlock] {
    let lines = InlineValues.plainText(text.replacing("\r\n", with: "\n")).split(separator: "\n", omittingEmptySubsequences: false).map { String($0) }
    return parse(lines, depth: 0)
  }

  static func parse(_ lines: [String], depth: Int) -> [MarkdownBlock] {
    var blocks: [MarkdownBlock] = []
    var index = 0
    while index < lines.count {
      let line = lines[index]
      let trimmed = line.trimmingLeadingSpaces
      if trimmed.isEmpty {
        index += 1
      } else if let (block, next) = heading(lines, index) ?? fence(lines, index) ?? comment(lines, index) ?? table(lines, index) {
        if let block { blocks.append(block) }
        index = next
      } else if isRule(trimmed) {
        blocks.append(.rule)
        index += 1
      } else if depth < maximumDepth, trimmed.hasPrefix(">") {
        var quoted: [String] = []
        while index < lines.count, lines[index].trimmingLeadingSpaces.hasPrefix(">") {
          let content = lines[index].trimmingLeadingSpaces.dropFirst()
          quoted.append(String(content.hasPrefix(" ") ? content.dropFirst() : content))
          index += 1
        }
        blocks.append(.quote(parse(quoted, depth: depth + 1)))
      } else if depth < maximumDepth, let marker = ListMarker(line) {
        let (block, next) = list(lines, index, first: marker, depth: depth)
        blocks.append(block)
        index = next
      } else {
        var paragraph = [trimmed]
        index += 1
        while index < lines.count, !startsBlock(lines[index]) {
          paragraph.append(lines[index].trimmingLeadingSpaces)
          index += 1
        }
        blocks.append(.paragraph(paragraph.joined(separator: "\n")))
      }
    }
    return blocks
  }

  /// Whether `line` ends a paragraph: blank, or the start of a block that can interrupt one.
  static func startsBlock(_ line: String) -> Bool {
    let trimmed = line.trimmingLeadingSpaces
    return trimmed.isEmpty || trimmed.hasPrefix("#") && headingLevel(trimmed) != nil || trimmed.hasPrefix("```") || trimmed.hasPrefix(">")
      || trimmed.hasPrefix("<!--") || isRule(trimmed) || ListMarker(line).map { !$0.ordered || $0.start == 1 } == true
  }

  static func headingLevel(_ trimmed: String) -> Int? {
    let hashes = trimmed.prefix { $0 == "#" }.count
    guard (1...6).contains(hashes) else { return nil }
    let rest = trimmed.dropFirst(hashes)
    return rest.isEmpty || rest.hasPrefix(" ") ? hashes : nil
  }

  static func heading(_ lines: [String], _ index: Int) -> (MarkdownBlock?, Int)? {
    let trimmed = lines[index].trimmingLeadingSpaces
    guard let level = headingLevel(trimmed) else { return nil }
    var text = String(trimmed.dropFirst(level)).trimming(" ")
    while text.hasSuffix("#") { text.removeLast() }
    return (.heading(level: level, text: text.trimming(" ")), index + 1)
  }

  static func fence(_ lines: [String], _ index: Int) -> (MarkdownBlock?, Int)? {
    let trimmed = lines[index].trimmingLeadingSpaces
    guard trimmed.hasPrefix("```") else { return nil }
    let language = String(trimmed.drop { $0 == "`" }).trimming(" ")
    var body: [String] = []
    var next = index + 1
    while next < lines.count, !lines[next].trimmingLeadingSpaces.hasPrefix("```") {
      body.append(lines[next])
      next += 1
    }
    return (.code(language: language, text: body.joined(separator: "\n")), min(next + 1, lines.count))
  }

  /// An HTML comment (possibly over several lines): a `reproduce` marker, or nothing.
  static func comment(_ lines: [String], _ index: Int) -> (MarkdownBlock?, Int)? {
    let trimmed = lines[index].trimmingLeadingSpaces
    guard trimmed.hasPrefix("<!--") else { return nil }
    var next = index
    var text = ""
    while next < lines.count {
      text += lines[next] + "\n"
      next += 1
      if lines[next - 1].contains("-->") { break }
    }
    let words = text.replacing("<!--", with: " ").replacing("-->", with: " ").split(whereSeparator: \.isWhitespace)
    if words.count == 2, words[0] == "reproduce:begin" { return (.generatedBegin(String(words[1])), next) }
    if words.count == 2, words[0] == "reproduce:end" { return (.generatedEnd(String(words[1])), next) }
    return (nil, next)
  }

  static func isRule(_ trimmed: String) -> Bool {
    let compact = trimmed.filter { $0 != " " }
    guard compact.count >= 3, let first = compact.first, "-*_".contains(first) else { return false }
    return compact.allSatisfy { $0 == first }
  }
}

extension String {
  /// The string without its leading spaces and tabs.
  var trimmingLeadingSpaces: String { String(drop { $0 == " " || $0 == "\t" }) }

  func trimming(_ set: String) -> String {
    let characters = Set(set)
    guard let start = firstIndex(where: { !characters.contains($0) }) else { return "" }
    let end = lastIndex(where: { !characters.contains($0) })!
    return String(self[start...end])
  }
}
