/// One block of a Markdown document, as the literate documents use them: the subset of CommonMark
/// with GitHub's tables that `Papers/*.md` are written in.
public indirect enum MarkdownBlock: Equatable, Sendable {
  /// The alignment of a table column (`:---`, `:---:`, `---:`).
  public enum Alignment: String, Equatable, Sendable {
    case none, left, center, right
  }

  /// `#` to `######`: the level and the inline text.
  case heading(level: Int, text: String)
  /// Lines of inline text joined by newlines.
  case paragraph(String)
  /// A bulleted or numbered list; each item is its own blocks.
  case list(ordered: Bool, start: Int, items: [[MarkdownBlock]])
  /// `>` lines.
  case quote([MarkdownBlock])
  /// A fenced code block (```` ``` ````) with its info string.
  case code(language: String, text: String)
  /// A GitHub table: header cells, alignments, body rows (inline text per cell, `\|` unescaped).
  case table(header: [String], alignments: [Alignment], rows: [[String]])
  /// `---`, `***` or `___` alone on a line.
  case rule
  /// `<!-- reproduce:begin ID -->`: the start of a block `reproduce` generates.
  case generatedBegin(String)
  /// `<!-- reproduce:end ID -->`.
  case generatedEnd(String)
}
