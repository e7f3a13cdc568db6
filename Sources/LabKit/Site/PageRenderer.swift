/// Renders one literate document's blocks as the body of an HTML page of the book.
///
/// Beyond plain Markdown it: numbers the figures and captions them with their title and the code that
/// draws them; gives every claim paragraph (`**`id`**` …) the claim's id as its anchor and follows it
/// with the section it is judged in, the code file that computes it and its experiment (whose block
/// lists the parameters); opens each generated experiment block with the file and the parameters of
/// the committed run; links every code span naming a claim or an experiment to it (cross-references);
/// and, in a table row about a claim, points links to another document at the claim's section.
final class PageRenderer {
  let page: String
  let index: SiteIndex
  let resolver: SiteLinks
  var usedIDs = Set<String>()
  var figureCount = 0
  /// Anchors found on this page: claim and experiment ids → `page.html#id`.
  var anchors: [String: String] = [:]
  /// Figure ids (the file name without `.svg`) → `page.html#figure-id`; a claim of the same id wins.
  var figureAnchors: [String: String] = [:]
  /// The section each claim paragraph of this page is in.
  var claimSections: [String: SiteIndex.Section] = [:]
  /// The heading the renderer is under.
  private(set) var currentSection: SiteIndex.Section?
  private var openGenerated = 0
  /// The claim of the table row being rendered, if any.
  private var rowClaim: String?

  init(page: String, index: SiteIndex, resolver: SiteLinks) {
    self.page = page
    self.index = index
    self.resolver = resolver
  }

  var fileName: String { page + ".html" }

  /// The HTML of `blocks`, with every generated block closed at the end.
  func render(_ blocks: [MarkdownBlock]) -> String {
    var out = blocks.map { render($0) }.joined()
    out += String(repeating: "</div>\n", count: openGenerated)
    openGenerated = 0
    return out
  }

  var inline: InlineRenderer {
    InlineRenderer(
      resolveLink: { [unowned self] target in resolver.href(for: target, from: page, claim: rowClaim) },
      resolveCode: { [unowned self] code in index.anchors[code].map(resolver.relative) })
  }

  func render(_ block: MarkdownBlock) -> String {
    switch block {
    case .heading(let level, let text):
      let id = uniqueID(HTMLText.slug(text))
      currentSection = .init(href: "\(fileName)#\(id)", title: text)
      return "<h\(level) id=\"\(HTMLText.escape(id))\">\(inline.html(text))</h\(level)>\n"
    case .paragraph(let text):
      return paragraph(text)
    case .list(let ordered, let start, let items):
      let tag = ordered ? "ol" : "ul"
      let open = ordered && start != 1 ? "<ol start=\"\(start)\">" : "<\(tag)>"
      return open + "\n" + items.map { "<li>" + item($0) + "</li>\n" }.joined() + "</\(tag)>\n"
    case .quote(let blocks):
      return "<blockquote>\n" + blocks.map { render($0) }.joined() + "</blockquote>\n"
    case .code(let language, let text):
      let kind = language.isEmpty ? "" : " class=\"language-\(HTMLText.escape(language))\""
      return "<pre><code\(kind)>\(HTMLText.escape(text))</code></pre>\n"
    case .table(let header, let alignments, let rows):
      return table(header: header, alignments: alignments, rows: rows)
    case .rule:
      return "<hr>\n"
    case .generatedBegin(let id):
      openGenerated += 1
      return generatedBegin(id)
    case .generatedEnd:
      guard openGenerated > 0 else { return "" }
      openGenerated -= 1
      return "</div>\n"
    }
  }

  /// A list item: a lone paragraph is printed tight, without `<p>`.
  func item(_ blocks: [MarkdownBlock]) -> String {
    if blocks.count == 1, case .paragraph(let text) = blocks[0], !isFigure(text) { return inline.html(text) }
    return blocks.map { render($0) }.joined()
  }

  func uniqueID(_ wanted: String) -> String {
    var id = wanted
    var suffix = 1
    while usedIDs.contains(id) {
      id = "\(wanted)-\(suffix)"
      suffix += 1
    }
    usedIDs.insert(id)
    return id
  }

  func table(header: [String], alignments: [MarkdownBlock.Alignment], rows: [[String]]) -> String {
    func cell(_ tag: String, _ text: String, _ column: Int) -> String {
      let alignment = column < alignments.count ? alignments[column] : .none
      let style = alignment == .none ? "" : " class=\"\(alignment.rawValue)\""
      return "<\(tag)\(style)>\(inline.html(text))</\(tag)>"
    }
    var out = "<div class=\"table\"><table>\n<thead><tr>"
    out += header.enumerated().map { cell("th", $0.element, $0.offset) }.joined() + "</tr></thead>\n<tbody>\n"
    for row in rows {
      rowClaim = row.lazy.compactMap { self.codeSpanID($0) }.first { self.index.experimentOfClaim[$0] != nil }
      out += "<tr>" + row.enumerated().map { cell("td", $0.element, $0.offset) }.joined() + "</tr>\n"
    }
    rowClaim = nil
    return out + "</tbody>\n</table></div>\n"
  }

  /// The id in a cell or paragraph that starts with a code span (`` `np.exp1` `` or `` **`np.exp1`** ``).
  func codeSpanID(_ text: String) -> String? {
    var rest = Substring(text)
    while rest.hasPrefix("*") { rest = rest.dropFirst() }
    guard rest.hasPrefix("`") else { return nil }
    let body = rest.dropFirst().prefix { $0 != "`" }
    guard !body.isEmpty, rest.dropFirst(body.count + 1).hasPrefix("`") else { return nil }
    return String(body)
  }
}
