/// Weaving of generated blocks into a hand-written Markdown document.
///
/// A generated block is everything between a begin marker and its end marker, each on its own line:
///
///     <!-- reproduce:begin np.table-2-1 -->
///     ...replaced on every run...
///     <!-- reproduce:end np.table-2-1 -->
///
/// Weaving replaces what is between the markers with the block's current content and leaves every
/// other line byte for byte as it was, so hand-written prose is never touched, and weaving twice gives
/// the same text as weaving once. Inside prose, a number the text states can be a generated value
/// (``InlineValues``): only the text between its two markers is rewritten.
public enum LiterateDocument {
  static let beginPrefix = "<!-- reproduce:begin "
  static let endPrefix = "<!-- reproduce:end "
  static let suffix = " -->"

  /// The ids of the generated blocks in `text`, in order; malformed markers are errors.
  public static func blockIDs(in text: String, place: String) throws -> [String] {
    try segments(of: text, place: place).compactMap(\.blockID)
  }

  /// `text` with every generated block replaced by `content(id)` and every generated value in the
  /// prose by `value(reference)` (a value keeps its text when `value` is nil or returns nil). Either
  /// closure throws for an id or reference it cannot resolve; the error names the document and line.
  public static func weave(
    _ text: String, place: String, content: (String) throws -> String, value: ((String) throws -> String?)? = nil
  ) throws -> String {
    var out = ""
    for segment in try segments(of: text, place: place) {
      switch segment {
      case .prose(let lines, let firstLine):
        out += try value.map { try weaveValues(lines, firstLine: firstLine, place: place, value: $0) } ?? lines
      case .block(let id, let line, let begin, let end):
        let body: String
        do { body = try content(id) } catch let error as LabError {
          throw LabError.invalidInput(place: "\(place) line \(line)", problem: "block '\(id)': \(error)")
        }
        out += begin + body + (body.isEmpty || body.hasSuffix("\n") ? "" : "\n") + end
      }
    }
    return out
  }

  /// The prose `lines` (starting at line `firstLine` of the document) with their values rewritten.
  static func weaveValues(_ lines: String, firstLine: Int, place: String, value: (String) throws -> String?) throws -> String {
    guard lines.contains(InlineValues.open) || lines.contains(InlineValues.close) else { return lines }
    var out: [String] = []
    for (offset, line) in lines.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      do {
        out.append(
          try InlineValues.weave(line: line) { reference in
            do { return try value(reference) } catch let error as LabError {
              throw ValueReference.Problem("value '\(reference)': \(error)")
            } catch let error as ValueReference.Problem {
              throw ValueReference.Problem("value '\(reference)': \(error)")
            }
          })
      } catch let problem as ValueReference.Problem {
        throw LabError.invalidInput(place: "\(place) line \(firstLine + offset)", problem: problem.description)
      }
    }
    return out.joined(separator: "\n")
  }

  private enum Segment {
    case prose(String, firstLine: Int)
    case block(id: String, line: Int, begin: String, end: String)

    var blockID: String? { if case .block(let id, _, _, _) = self { return id }; return nil }
  }

  private static func marker(_ line: Substring, prefix: String) -> String? {
    let trimmed = line.trimmingTrailingWhitespace
    guard trimmed.hasPrefix(prefix), trimmed.hasSuffix(suffix), trimmed.count > prefix.count + suffix.count else { return nil }
    let id = trimmed.dropFirst(prefix.count).dropLast(suffix.count)
    return id.contains(" ") ? nil : String(id)
  }

  private static func segments(of text: String, place: String) throws -> [Segment] {
    var segments: [Segment] = []
    var prose = ""
    var proseStart = 1
    var open: (id: String, line: Int, begin: String)?
    var seen = Set<String>()
    var lineNumber = 0
    for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false).dropLastIfEmpty(text) {
      lineNumber += 1
      let line = rawLine + "\n"
      if let id = marker(rawLine, prefix: beginPrefix) {
        if let open {
          throw LabError.invalidInput(
            place: "\(place) line \(lineNumber)", problem: "block '\(id)' begins inside block '\(open.id)' (opened at line \(open.line))")
        }
        guard seen.insert(id).inserted else {
          throw LabError.invalidInput(place: "\(place) line \(lineNumber)", problem: "block '\(id)' appears twice")
        }
        segments.append(.prose(prose, firstLine: proseStart))
        prose = ""
        open = (id, lineNumber, String(line))
      } else if let id = marker(rawLine, prefix: endPrefix) {
        guard let current = open else {
          throw LabError.invalidInput(place: "\(place) line \(lineNumber)", problem: "end of block '\(id)' without a begin")
        }
        guard current.id == id else {
          throw LabError.invalidInput(
            place: "\(place) line \(lineNumber)", problem: "end of block '\(id)' inside block '\(current.id)' (opened at line \(current.line))")
        }
        segments.append(.block(id: id, line: current.line, begin: current.begin, end: String(line)))
        open = nil
        proseStart = lineNumber + 1
      } else if rawLine.count(of: "<!-- reproduce:") > rawLine.count(of: InlineValues.open) {
        throw LabError.invalidInput(
          place: "\(place) line \(lineNumber)", problem: "malformed marker; expected '<!-- reproduce:begin ID -->' or '<!-- reproduce:end ID -->'")
      } else if open == nil {
        prose += line
      }
    }
    if let open {
      throw LabError.invalidInput(place: "\(place) line \(open.line)", problem: "block '\(open.id)' is never closed")
    }
    if !text.hasSuffix("\n"), !prose.isEmpty { prose.removeLast() }
    segments.append(.prose(prose, firstLine: proseStart))
    return segments
  }
}

extension Array where Element == Substring {
  /// Splitting "a\nb\n" on newlines leaves a final empty piece that is not a line.
  fileprivate func dropLastIfEmpty(_ text: String) -> ArraySlice<Substring> {
    text.hasSuffix("\n") || text.isEmpty ? dropLast() : self[...]
  }
}

extension Substring {
  /// How many times `marker` occurs, without overlaps.
  func count(of marker: String) -> Int {
    var n = 0
    var cursor = startIndex
    while let found = self[cursor...].firstRange(of: marker) {
      n += 1
      cursor = found.upperBound
    }
    return n
  }

  fileprivate var trimmingTrailingWhitespace: Substring {
    var s = self
    while let last = s.last, last == " " || last == "\t" || last == "\r" { s = s.dropLast() }
    return s
  }
}
