import Foundation

/// Where a document's links go in the book, and which files the book must therefore carry.
///
/// Every page sits at the site's root. A link to another document (`IBHaggling.md`, `README.md`)
/// goes to its page; in a table row about a claim, to the claim's section on that page. A link into
/// `Figures/` goes to the copy of the figure under `figures/`; a link to a Swift file of the project
/// goes to its source page under `source/`. Links with a scheme (`https:`) are kept. Any other
/// relative link names a file the book does not carry, so it is printed as text, never as a broken link.
final class SiteLinks {
  /// The project folder the documents, figures and sources are read from.
  let root: String
  /// The pages' names (`index` and the papers' ids).
  let pages: Set<String>
  /// Claim id → its section, filled after the first pass.
  var claimSections: [String: SiteIndex.Section] = [:]
  /// Project files the pages link to (figures, sources), to be copied or rendered.
  private(set) var figures = Set<String>()
  private(set) var sourceFiles = Set<String>()

  init(root: String, pages: [String]) {
    self.root = root
    self.pages = Set(pages)
  }

  /// The href for `target` as written in the document of `page`; `claim` is the claim the link is about.
  func href(for target: String, from page: String, claim: String?) -> String? {
    if target.hasPrefix("#") { return target }
    if target.contains("://") || target.hasPrefix("mailto:") { return target }
    let (path, fragment) = split(target)
    if path.hasSuffix(".md") {
      let name = String(path.split(separator: "/").last!.dropLast(3))
      let pageName = name == "README" ? "index" : name
      guard pages.contains(pageName) else { return nil }
      if let claim, let section = claimSections[claim], section.href.hasPrefix(pageName + ".html#") { return section.href }
      return pageName + ".html" + (fragment.map { "#" + $0 } ?? "")
    }
    guard let project = projectPath(target, from: page), isFile(project) else { return nil }
    if project.hasPrefix("Figures/"), project.hasSuffix(".svg") {
      figures.insert(project)
      return "figures/" + project.dropFirst("Figures/".count)
    }
    if project.hasPrefix("Sources/"), project.hasSuffix(".swift") { return sourceHref(project, line: nil) }
    return nil
  }

  /// The path relative to the project folder that a relative `target` of a document names
  /// (documents are in `Papers/`), or nil when it climbs out of the project.
  func projectPath(_ target: String, from page: String) -> String? {
    let (path, _) = split(target)
    guard !path.isEmpty, !path.hasPrefix("/"), !target.contains("://") else { return nil }
    var parts = ["Papers"]
    for part in path.split(separator: "/") {
      if part == ".." {
        guard !parts.isEmpty else { return nil }
        parts.removeLast()
      } else if part != "." {
        parts.append(String(part))
      }
    }
    return parts.isEmpty ? nil : parts.joined(separator: "/")
  }

  /// The href of a project source file's page, at `line` when given.
  func sourceHref(_ path: String, line: Int?) -> String {
    sourceFiles.insert(path)
    return SiteIndex.sourcePage(path) + (line.map { "#L\($0)" } ?? "")
  }

  /// A site-root-relative href as a page at the site's root writes it (every page is at the root).
  func relative(_ href: String) -> String { href }

  private func split(_ target: String) -> (String, String?) {
    guard let hash = target.firstIndex(of: "#") else { return (target, nil) }
    return (String(target[..<hash]), String(target[target.index(after: hash)...]))
  }

  private func isFile(_ project: String) -> Bool {
    var isFolder: ObjCBool = false
    return FileManager.default.fileExists(atPath: root + "/" + project, isDirectory: &isFolder) && !isFolder.boolValue
  }
}
