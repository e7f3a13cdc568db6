/// The scanning half of ``InlineRenderer``: where code spans, links and emphasis start and end.
///
/// Every search is bounded so that adversarial text stays linear or close to it: a failed search for
/// a closer is remembered (a later search from further on would fail too), and a link's text and
/// target are looked for within a fixed distance.
struct InlineScan {
  let characters: [Character]
  /// For each backtick run length, a range of the text holding no closing run of that length.
  private var noCodeCloser: [Int: Range<Int>] = [:]
  /// For each delimiter (`*`, `**`, `_`, `__`), a range of the text holding no closer.
  private var noEmphasisCloser: [String: Range<Int>] = [:]

  static let maximumLinkText = 2000
  static let maximumLinkTarget = 1000

  init(_ characters: [Character]) { self.characters = characters }

  struct Link {
    var isImage: Bool
    var text: Range<Int>
    var target: String
    var end: Int
  }

  struct Emphasis {
    var strong: Bool
    var inner: Range<Int>
    var end: Int
  }

  /// The length of the run of the character at `index`.
  func runLength(at index: Int, limit: Int) -> Int {
    var end = index
    while end < limit, characters[end] == characters[index] { end += 1 }
    return end - index
  }

  /// The code span opening at `index`: its content (one space trimmed each side, newlines as spaces)
  /// and the index after its closing run.
  mutating func codeSpan(at index: Int, limit: Int) -> (String, Int)? {
    let length = runLength(at: index, limit: limit)
    let from = index + length
    if let failed = noCodeCloser[length], failed.lowerBound <= from, failed.upperBound >= limit { return nil }
    var cursor = from
    while cursor < limit {
      guard characters[cursor] == "`" else {
        cursor += 1
        continue
      }
      let run = runLength(at: cursor, limit: limit)
      if run == length {
        var content = String(characters[from..<cursor]).map { $0 == "\n" ? " " : $0 }
        if content.count >= 2, content.first == " ", content.last == " ", content.contains(where: { $0 != " " }) {
          content = Array(content.dropFirst().dropLast())
        }
        return (String(content), cursor + run)
      }
      cursor += run
    }
    noCodeCloser[length] = from..<max(from, limit)
    return nil
  }

  /// The link or image (`[text](target)`, `![alt](target)`) starting at `index`.
  mutating func link(at index: Int, limit: Int) -> Link? {
    let isImage = characters[index] == "!"
    let open = isImage ? index + 1 : index
    var depth = 0
    var cursor = open
    var close: Int?
    while cursor < min(limit, open + Self.maximumLinkText) {
      switch characters[cursor] {
      case "\\": cursor += 1
      case "`":
        if let (_, next) = codeSpan(at: cursor, limit: limit) { cursor = next - 1 }
      case "[": depth += 1
      case "]":
        depth -= 1
        if depth == 0 { close = cursor }
      default: break
      }
      if close != nil { break }
      cursor += 1
    }
    guard let close, close + 1 < limit, characters[close + 1] == "(" else { return nil }
    var parentheses = 0
    cursor = close + 1
    while cursor < min(limit, close + 1 + Self.maximumLinkTarget) {
      if characters[cursor] == "(" { parentheses += 1 }
      if characters[cursor] == ")" {
        parentheses -= 1
        if parentheses == 0 {
          var target = String(characters[(close + 2)..<cursor]).trimming(" \n")
          if let space = target.firstIndex(of: " ") { target = String(target[..<space]) }  // drop a title
          if target.hasPrefix("<"), target.hasSuffix(">"), target.count >= 2 { target = String(target.dropFirst().dropLast()) }
          return Link(isImage: isImage, text: (open + 1)..<close, target: target, end: cursor + 1)
        }
      }
      cursor += 1
    }
    return nil
  }

  /// Whether the delimiter run `start..<end` can open and can close emphasis (CommonMark's flanking rules).
  func flanking(_ start: Int, _ end: Int) -> (canOpen: Bool, canClose: Bool) {
    let before: Character = start > 0 ? characters[start - 1] : " "
    let after: Character = end < characters.count ? characters[end] : " "
    let isSpace: (Character) -> Bool = { $0.isWhitespace }
    let isPunctuation: (Character) -> Bool = { $0.isPunctuation || $0.isSymbol }
    let left = !isSpace(after) && (!isPunctuation(after) || isSpace(before) || isPunctuation(before))
    let right = !isSpace(before) && (!isPunctuation(before) || isSpace(after) || isPunctuation(after))
    if characters[start] == "_" {
      // A subscript (`U′_{C}`, `h_{p,l}`) neither opens nor closes emphasis.
      let opens = !InlineMath.isBaseCharacter(before) && after != "{" && left && (!right || isPunctuation(before))
      return (opens, after != "{" && right && (!left || isPunctuation(after)))
    }
    return (left, right)
  }

  /// The emphasis (`*x*`, `_x_`) or strong emphasis (`**x**`, `__x__`) opening at `index`.
  mutating func emphasis(at index: Int, limit: Int) -> Emphasis? {
    let run = runLength(at: index, limit: limit)
    guard flanking(index, index + run).canOpen else { return nil }
    if run >= 2, let closer = closer(for: characters[index], length: 2, from: index + 2, limit: limit) {
      return Emphasis(strong: true, inner: (index + 2)..<closer, end: closer + 2)
    }
    if let closer = closer(for: characters[index], length: 1, from: index + run, limit: limit) {
      return Emphasis(strong: false, inner: (index + run)..<closer, end: closer + 1)
    }
    return nil
  }

  /// The first run of `delimiter` at least `length` long after `from` that can close, skipping code spans.
  private mutating func closer(for delimiter: Character, length: Int, from: Int, limit: Int) -> Int? {
    let key = String(repeating: delimiter, count: length)
    if let failed = noEmphasisCloser[key], failed.lowerBound <= from, failed.upperBound >= limit { return nil }
    var cursor = from
    while cursor < limit {
      let character = characters[cursor]
      if character == "\\" {
        cursor += 2
      } else if character == "`" {
        cursor = codeSpan(at: cursor, limit: limit)?.1 ?? cursor + runLength(at: cursor, limit: limit)
      } else if character == delimiter {
        let run = runLength(at: cursor, limit: limit)
        if run >= length, cursor > from, flanking(cursor, cursor + run).canClose { return cursor }
        cursor += run
      } else {
        cursor += 1
      }
    }
    noEmphasisCloser[key] = from..<max(from, limit)
    return nil
  }
}
