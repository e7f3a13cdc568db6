/// The frame of every page of the book (head, navigation), the source pages and the style sheet.
enum SiteTemplate {
  /// A complete page; `depth` is how many folders below the site's root it is.
  static func page(title: String, body: String, depth: Int, documents: [BookSite.Document], current: String?) -> String {
    let up = String(repeating: "../", count: depth)
    let navigation = documents.map { document in
      let here = document.page == current ? " aria-current=\"page\"" : ""
      return "<a href=\"\(up)\(document.page).html\"\(here)>\(HTMLText.escape(document.label))</a>"
    }.joined(separator: "\n")
    return """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(HTMLText.escape(title)) · CooperationLab</title>
      <link rel="icon" href="data:,">
      <link rel="stylesheet" href="\(up)style.css">
      </head>
      <body>
      <nav>
      \(navigation)
      </nav>
      <main>
      \(body)</main>
      </body>
      </html>

      """
  }

  /// A source file as numbered lines, each anchored `L<n>`.
  static func source(_ text: String) -> String {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    if lines.last == "" { lines.removeLast() }
    let numbered = lines.enumerated().map { number, line in
      "<span class=\"line\" id=\"L\(number + 1)\"><span class=\"ln\">\(number + 1)</span>\(HTMLText.escape(String(line)))</span>"
    }
    return "<pre class=\"source\"><code>" + numbered.joined(separator: "\n") + "</code></pre>\n"
  }

  static let css = """
    body { margin: 0; font: 17px/1.55 Georgia, "DejaVu Serif", serif; color: #1d1d1d; background: #fff; }
    nav { position: sticky; top: 0; display: flex; flex-wrap: wrap; gap: 0.3em 1.2em; padding: 0.5em 1.5em;
      background: #f3f1ec; border-bottom: 1px solid #d8d3c8; font: 15px/1.4 "DejaVu Sans", sans-serif; z-index: 1; }
    nav a { color: #1a4f8b; text-decoration: none; }
    nav a[aria-current] { font-weight: bold; color: #1d1d1d; }
    main { max-width: 62em; margin: 0 auto; padding: 1em 1.5em 4em; }
    h1, h2, h3, h4 { font-family: "DejaVu Sans", sans-serif; line-height: 1.25; }
    a { color: #1a4f8b; }
    code { font: 0.88em "DejaVu Sans Mono", monospace; background: #f5f5f2; padding: 0 0.15em; }
    pre { background: #f5f5f2; padding: 0.8em; overflow-x: auto; }
    pre code { background: none; padding: 0; }
    blockquote { margin: 1em 0; padding: 0 1em; border-left: 3px solid #c9c2b3; color: #3b3b3b; }
    div.table { overflow-x: auto; margin: 1em 0; }
    table { border-collapse: collapse; font-size: 0.9em; }
    th, td { border: 1px solid #d8d3c8; padding: 0.25em 0.6em; vertical-align: top; }
    th { background: #f3f1ec; }
    td code { white-space: nowrap; }
    .right { text-align: right; } .center { text-align: center; } .left { text-align: left; }
    figure { margin: 1.5em 0; text-align: center; }
    figure img { max-width: 100%; height: auto; }
    figcaption { font-size: 0.92em; text-align: left; margin-top: 0.4em; }
    figcaption .number { font-weight: bold; }
    .generated { border-left: 3px solid #e2dccf; padding-left: 1em; margin: 1.5em 0; }
    .provenance { font: 13.5px/1.45 "DejaVu Sans", sans-serif; color: #555; }
    p.claim { margin-bottom: 0.2em; }
    :target { background: #fff6d5; }
    math { font-size: 1.05em; }
    pre.source { font-size: 13px; line-height: 1.4; }
    pre.source .line { display: block; }
    pre.source .ln { display: inline-block; width: 3.5em; color: #999; user-select: none; }

    """
}
