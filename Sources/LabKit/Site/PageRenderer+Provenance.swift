extension PageRenderer {
  /// A paragraph: a figure when it is one image alone, a claim when it opens with a claim's id in
  /// bold code, plain otherwise.
  func paragraph(_ text: String) -> String {
    if isFigure(text), let figure = figure(text) { return figure }
    if let id = codeSpanID(text), text.hasPrefix("**`"), let experiment = index.experimentOfClaim[id] {
      return claim(id, experiment: experiment, text: text)
    }
    return "<p>\(inline.html(text))</p>\n"
  }

  /// One image alone, or one image, a hard line break (`\\`) and its caption (``Figure/caption``).
  func isFigure(_ text: String) -> Bool {
    let image = figureParts(text).image
    return image.hasPrefix("![") && image.hasSuffix(")") && !image.contains("\n")
  }

  /// The image line and the caption after it (empty when there is none).
  func figureParts(_ text: String) -> (image: String, caption: String) {
    guard let newline = text.firstIndex(of: "\n"), text[..<newline].hasSuffix(")\\") else { return (text, "") }
    return (String(text[..<newline].dropLast()), String(text[text.index(after: newline)...]))
  }

  /// `![title](path)` as a numbered figure with its title and caption and, for a generated figure,
  /// its code.
  func figure(_ paragraph: String) -> String? {
    let (text, caption) = figureParts(paragraph)
    var scan = InlineScan(Array(text))
    guard let link = scan.link(at: 0, limit: scan.characters.count), link.end == scan.characters.count else { return nil }
    let title = String(scan.characters[link.text])
    let path = resolver.projectPath(link.target, from: page)
    let name = path.map { String($0.split(separator: "/").last ?? "").replacing(".svg", with: "") } ?? ""
    figureCount += 1
    let id = uniqueID(name.isEmpty ? "figure-\(figureCount)" : "figure-" + name)
    if !name.isEmpty, figureAnchors[name] == nil { figureAnchors[name] = "\(fileName)#\(id)" }
    var out = "<figure id=\"\(HTMLText.escape(id))\">\n"
    if let source = resolver.href(for: link.target, from: page, claim: nil) {
      out += "<img src=\"\(HTMLText.escape(source))\" alt=\"\(HTMLText.escape(title))\">\n"
    }
    out += "<figcaption><span class=\"number\">Figure \(figureCount).</span> \(inline.html(title))"
    if !caption.isEmpty { out += (title.last.map { ".!?".contains($0) } == true ? " " : ". ") + inline.html(caption) }
    if let path, let experiment = index.experimentOfFigure[path] {
      out += " <span class=\"provenance\">Drawn by " + code(of: experiment) + " in " + experimentLink(experiment) + ".</span>"
    }
    return out + "</figcaption>\n</figure>\n"
  }

  /// A claim paragraph, anchored by the claim's id, followed by where it is judged and computed.
  func claim(_ id: String, experiment: String, text: String) -> String {
    let anchor = uniqueID(id)
    if anchors[id] == nil { anchors[id] = "\(fileName)#\(anchor)" }
    var out = "<p id=\"\(HTMLText.escape(anchor))\" class=\"claim\">\(inline.html(text))</p>\n"
    var facts: [String] = []
    if let section = currentSection {
      claimSections[id] = claimSections[id] ?? section
      facts.append("judged in section <a href=\"\(HTMLText.escape(section.href))\">\(inline.html(section.title))</a>")
    }
    facts.append("computed by " + code(of: experiment) + " in " + experimentLink(experiment) + " (its parameters are listed there)")
    out += "<p class=\"provenance\">Claim <code>\(HTMLText.escape(id))</code>: " + facts.joined(separator: "; ") + ".</p>\n"
    return out
  }

  /// The opening of a generated block; for an experiment, its code and the committed run's parameters.
  func generatedBegin(_ id: String) -> String {
    guard index.sources[id] != nil || index.records[id] != nil else {
      return "<div class=\"generated\" data-block=\"\(HTMLText.escape(id))\">\n"
    }
    let anchor = uniqueID(id)
    if anchors[id] == nil { anchors[id] = "\(fileName)#\(anchor)" }
    var out = "<div class=\"generated\" id=\"\(HTMLText.escape(anchor))\" data-block=\"\(HTMLText.escape(id))\">\n"
    out += "<p class=\"provenance\">Experiment <code>\(HTMLText.escape(id))</code>, computed by " + code(of: id)
    if let record = index.records[id] {
      let parameters = record.parameters.objectValue ?? []
      out += ", run at scale \(HTMLText.escape(record.scale)) with seed \(HTMLText.escape(record.seed))"
      if !parameters.isEmpty {
        out +=
          " and parameters " + parameters.map { "<code>\(HTMLText.escape($0.0))</code> = \(HTMLText.escape($0.1.inline))" }.joined(separator: ", ")
      }
    }
    return out + ".</p>\n"
  }

  /// A link to the source line declaring the experiment's type, or its id when the source is unknown.
  func code(of experiment: String) -> String {
    guard let location = index.sources[experiment] else { return "<code>\(HTMLText.escape(experiment))</code>" }
    let href = resolver.sourceHref(location.path, line: location.line)
    return "<a class=\"code\" href=\"\(HTMLText.escape(href))\"><code>\(HTMLText.escape(location.path))</code></a>"
      + " (<code>\(HTMLText.escape(location.typeName))</code>)"
  }

  /// A link to the experiment's generated block, wherever it is.
  func experimentLink(_ experiment: String) -> String {
    let label = "<code>\(HTMLText.escape(experiment))</code>"
    guard let href = anchors[experiment] ?? index.anchors[experiment] else { return "experiment " + label }
    return "experiment <a href=\"\(HTMLText.escape(href))\">\(label)</a>"
  }
}
