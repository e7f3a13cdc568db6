/// Inline Markdown to HTML: code spans, links, images, strong and emphasis (CommonMark's flanking
/// rules for `*` and `_`), backslash escapes and hard line breaks; the text between them is escaped
/// and its scripted terms rendered as MathML (``InlineMath``). Raw HTML is escaped, never passed on.
public struct InlineRenderer {
  /// The `href` for a link's target, or nil to print the link's text without a link.
  public var resolveLink: (String) -> String?
  /// The `href` a code span's text links to (a cross-reference to a claim or experiment), or nil.
  public var resolveCode: (String) -> String?

  /// Emphasis nested deeper than this is printed literally (bounds the recursion).
  static let maximumDepth = 16

  public init(resolveLink: @escaping (String) -> String? = { $0 }, resolveCode: @escaping (String) -> String? = { _ in nil }) {
    self.resolveLink = resolveLink
    self.resolveCode = resolveCode
  }

  public func html(_ text: String) -> String {
    var scan = InlineScan(Array(text))
    return render(&scan, range: 0..<scan.characters.count, depth: 0)
  }

  func render(_ scan: inout InlineScan, range: Range<Int>, depth: Int) -> String {
    let characters = scan.characters
    var out = ""
    var plain = ""
    var index = range.lowerBound
    func flush() {
      out += InlineMath.html(plain)
      plain = ""
    }
    while index < range.upperBound {
      let character = characters[index]
      if character == "\\", index + 1 < range.upperBound, characters[index + 1].isASCII,
        characters[index + 1].isPunctuation || characters[index + 1].isSymbol
      {
        flush()
        out += HTMLText.escape(String(characters[index + 1]))
        index += 2
      } else if character == "\\", index + 1 < range.upperBound, characters[index + 1] == "\n" {
        flush()
        out += "<br>\n"
        index += 2
      } else if character == "`", let (content, next) = scan.codeSpan(at: index, limit: range.upperBound) {
        flush()
        out += code(content)
        index = next
      } else if character == "[" || (character == "!" && index + 1 < range.upperBound && characters[index + 1] == "["),
        let link = scan.link(at: index, limit: range.upperBound)
      {
        flush()
        out += self.link(link, scan: &scan, depth: depth)
        index = link.end
      } else if character == "*" || character == "_", depth < Self.maximumDepth, let span = scan.emphasis(at: index, limit: range.upperBound) {
        flush()
        let tag = span.strong ? "strong" : "em"
        out += "<\(tag)>" + render(&scan, range: span.inner, depth: depth + 1) + "</\(tag)>"
        index = span.end
      } else {
        if character == "*" || character == "_" || character == "`" {
          // A delimiter or backtick run that opens nothing is literal as a whole (`**` stays `**`).
          let run = scan.runLength(at: index, limit: range.upperBound)
          plain += String(characters[index..<(index + run)])
          index += run
        } else {
          plain.append(character)
          index += 1
        }
      }
    }
    flush()
    return out
  }

  func code(_ content: String) -> String {
    let html = "<code>\(HTMLText.escape(content))</code>"
    guard let href = resolveCode(content) else { return html }
    return "<a class=\"ref\" href=\"\(HTMLText.escape(href))\">\(html)</a>"
  }

  func link(_ link: InlineScan.Link, scan: inout InlineScan, depth: Int) -> String {
    if link.isImage {
      let alt = HTMLText.escape(String(scan.characters[link.text]))
      guard let source = resolveLink(link.target) else { return "<em>[\(alt)]</em>" }
      return "<img src=\"\(HTMLText.escape(source))\" alt=\"\(alt)\">"
    }
    let text = render(&scan, range: link.text, depth: min(depth + 1, Self.maximumDepth))
    guard let href = resolveLink(link.target) else { return text }
    return "<a href=\"\(HTMLText.escape(href))\">\(text)</a>"
  }
}
