/// Generated values inside hand-written prose: a number the prose states, written from the results.
///
/// A value is a marker pair on one line around the value's text:
///
///     92.5% → <!-- reproduce:value ibh.stag-hunt/[start=synchronous, players=3, N=3]/fraction as percent 1 -->92.5%<!-- /reproduce:value -->
///
/// The opening marker holds a ``ValueReference``; weaving (``LiterateDocument/weave``) replaces the
/// text between the markers with the value the reference reaches in the current results, and leaves
/// the markers and everything else on the line as it was, so `reproduce check` reports a document
/// whose prose states a stale number, and `reproduce run` rewrites it. The HTML book prints the text
/// without the markers (``plainText(_:)``). The text between the markers is one line and holds no
/// `<!--`.
public enum InlineValues {
  static let open = "<!-- reproduce:value "
  static let openEnd = " -->"
  static let close = "<!-- /reproduce:value -->"

  /// One marker pair found in a line: the reference's text and where the pieces are.
  struct Occurrence {
    var reference: String
    /// The opening marker, from `<!--` to `-->`.
    var opening: Range<String.Index>
    /// The value's text between the markers.
    var value: Range<String.Index>
    var closing: Range<String.Index>
  }

  /// The marker pairs of `line` (one line, no newline), in order; a malformed pair throws.
  static func occurrences(in line: Substring) throws -> [Occurrence] {
    var found: [Occurrence] = []
    var cursor = line.startIndex
    while let start = line[cursor...].firstRange(of: Self.open) {
      guard let head = line[start.upperBound...].firstRange(of: Self.openEnd) else {
        throw ValueReference.Problem("a value marker '\(Self.open)' without its closing ' -->' on the same line")
      }
      let reference = String(line[start.upperBound..<head.lowerBound])
      guard let tail = line[head.upperBound...].firstRange(of: Self.close) else {
        throw ValueReference.Problem("value '\(reference)' is not closed by '\(Self.close)' on the same line")
      }
      guard !line[head.upperBound..<tail.lowerBound].contains("<!--") else {
        throw ValueReference.Problem("value '\(reference)' holds a comment or marker before its '\(Self.close)'")
      }
      found.append(
        Occurrence(reference: reference, opening: start.lowerBound..<head.upperBound, value: head.upperBound..<tail.lowerBound, closing: tail))
      cursor = tail.upperBound
    }
    if line.count(of: Self.close) != found.count {
      throw ValueReference.Problem("'\(Self.close)' without a value marker before it")
    }
    return found
  }

  /// `line` with every value's text replaced by `value(reference)` (kept when it returns nil); the
  /// markers are kept.
  static func weave(line: Substring, value: (String) throws -> String?) throws -> String {
    var out = ""
    var cursor = line.startIndex
    for occurrence in try occurrences(in: line) {
      let text = try value(occurrence.reference) ?? String(line[occurrence.value])
      guard !text.contains("\n"), !text.contains("<!--") else {
        throw ValueReference.Problem("value '\(occurrence.reference)' prints as more than one line or holds a comment")
      }
      out += line[cursor..<occurrence.value.lowerBound] + text
      cursor = occurrence.value.upperBound
    }
    return out + line[cursor...]
  }

  /// `text` with every value marker removed and the values' text kept (what a reader sees).
  /// Markers that do not pair are left as they are.
  public static func plainText(_ text: String) -> String {
    guard text.contains(open) else { return text }
    return text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
      guard let found = try? occurrences(in: line), !found.isEmpty else { return String(line) }
      var out = ""
      var cursor = line.startIndex
      for occurrence in found {
        out += line[cursor..<occurrence.opening.lowerBound] + line[occurrence.value]
        cursor = occurrence.closing.upperBound
      }
      return out + line[cursor...]
    }.joined(separator: "\n")
  }
}
