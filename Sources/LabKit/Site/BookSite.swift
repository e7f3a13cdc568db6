/// The HTML book: a static site of the literate documents (`reproduce site --output DIR`).
///
/// One page per paper (`Papers/<Paper>.md` → `<Paper>.html`) and the dashboard (`Papers/README.md`
/// → `index.html`), the figures they show (`figures/`), the source files their claims and figures
/// are computed by (`source/`, one page each with numbered lines), and a style sheet. Maths is
/// MathML, which browsers render natively; no page loads a script or anything from the network.
///
/// The pages are rendered twice: the first pass finds where every claim, experiment and figure is
/// anchored and in which section each claim is judged; the second renders with those
/// cross-references. The site is written with ``StagedInstall``, so a failure leaves no partial site.
public enum BookSite {
  /// What a build wrote.
  public struct Summary: Sendable, Equatable {
    public var pages: Int
    public var figures: Int
    public var sourcePages: Int
    public var files: Int
  }

  /// A document of the book: the page name, the document's path and the title in the navigation.
  struct Document {
    var page: String
    var path: String
    var label: String
  }

  static func documents(_ catalog: Catalog) -> [Document] {
    [Document(page: "index", path: "Papers/README.md", label: "Papers and claims")]
      + catalog.papers.map { Document(page: $0.id, path: $0.documentPath, label: $0.id) }
  }

  /// Every file of the site (path relative to the site's folder, content), from the documents,
  /// results, figures and sources under the project folder `root`.
  public static func files(catalog: Catalog, root: String) throws -> [(path: String, content: String)] {
    var index = try SiteIndex(catalog: catalog, root: root)
    let documents = self.documents(catalog)
    var parsed: [(Document, [MarkdownBlock])] = []
    for document in documents {
      guard let text = try AtomicFile.read(root + "/" + document.path) else {
        throw LabError.fileSystem(path: root + "/" + document.path, problem: "the document does not exist; `reproduce run` writes it")
      }
      parsed.append((document, MarkdownParser.parse(text)))
    }
    // Pass 1: the anchors and the claims' sections.
    let firstLinks = SiteLinks(root: root, pages: index.pageNames)
    var figureAnchors: [String: String] = [:]
    for (document, blocks) in parsed {
      let renderer = PageRenderer(page: document.page, index: index, resolver: firstLinks)
      _ = renderer.render(blocks)
      index.anchors.merge(renderer.anchors) { first, _ in first }
      index.claimSections.merge(renderer.claimSections) { first, _ in first }
      figureAnchors.merge(renderer.figureAnchors) { first, _ in first }
    }
    index.anchors.merge(figureAnchors) { claimOrExperiment, _ in claimOrExperiment }
    // Pass 2: the pages with their cross-references.
    let links = SiteLinks(root: root, pages: index.pageNames)
    links.claimSections = index.claimSections
    var files: [(path: String, content: String)] = []
    for (document, blocks) in parsed {
      let body = PageRenderer(page: document.page, index: index, resolver: links).render(blocks)
      let title =
        blocks.lazy.compactMap { block -> String? in
          if case .heading(1, let text) = block { return text }
          return nil
        }.first ?? document.label
      files.append((document.page + ".html", SiteTemplate.page(title: title, body: body, depth: 0, documents: documents, current: document.page)))
    }
    for figure in links.figures.sorted() {
      guard let svg = try AtomicFile.read(root + "/" + figure) else { continue }
      files.append(("figures/" + figure.dropFirst("Figures/".count), svg))
    }
    for path in links.sourceFiles.sorted() {
      guard let text = try AtomicFile.read(root + "/" + path) else { continue }
      let page = SiteIndex.sourcePage(path)
      let depth = page.split(separator: "/").count - 1
      files.append((page, SiteTemplate.page(title: path, body: SiteTemplate.source(text), depth: depth, documents: documents, current: nil)))
    }
    files.append(("style.css", SiteTemplate.css))
    return files
  }

  /// One Markdown document's HTML body as the book renders it, with no catalog or files around it
  /// (links to files print as their text): what the Markdown fuzz target and the tests exercise.
  public static func renderDocument(_ markdown: String) -> String {
    let links = SiteLinks(root: "/nonexistent-project", pages: ["index"])
    return PageRenderer(page: "index", index: SiteIndex(), resolver: links).render(MarkdownParser.parse(markdown))
  }

  /// Builds the site from the project folder `root` and installs it under `output`, all or nothing.
  ///
  /// - Throws: ``LabError`` when `output` is not a usable folder (a file, not writable) or an input is
  ///   missing or malformed; nothing is written then.
  @discardableResult
  public static func write(catalog: Catalog, root: String, output: String) throws -> Summary {
    try OutputRoot.checked(output)
    let files = try self.files(catalog: catalog, root: root)
    try StagedInstall.install(writes: files, deletions: [], root: output)
    return Summary(
      pages: files.filter { !$0.path.hasPrefix("source/") && $0.path.hasSuffix(".html") }.count,
      figures: files.filter { $0.path.hasPrefix("figures/") }.count,
      sourcePages: files.filter { $0.path.hasPrefix("source/") }.count, files: files.count)
  }
}
