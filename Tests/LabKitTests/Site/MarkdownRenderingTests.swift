import Testing

@testable import LabKit

/// Markdown blocks and inline constructs as the literate documents use them, rendered to HTML.
@Suite("Markdown rendering")
struct MarkdownRenderingTests {
  let inline = InlineRenderer()

  @Test func inlineConstructs() {
    #expect(
      inline.html("**bold** and *em* and _em_ and `a < b`") == "<strong>bold</strong> and <em>em</em> and <em>em</em> and <code>a &lt; b</code>")
    #expect(inline.html("**`np.a`** (claim)") == "<strong><code>np.a</code></strong> (claim)")
    #expect(inline.html("[a *b*](X.md) ![t](f.svg)") == "<a href=\"X.md\">a <em>b</em></a> <img src=\"f.svg\" alt=\"t\">")
    #expect(inline.html("snake_case_name and 2 * 3 * 4") == "<math><msub><mi>snake</mi><mi>case</mi></msub></math>_name and 2 * 3 * 4")
  }

  @Test func escapingRawHTMLAndBackslashes() {
    #expect(inline.html("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;")
    #expect(inline.html("\\*not em\\* and \\_x") == "*not em* and _x")
    #expect(inline.html("[x](\"onmouseover=)") == "<a href=\"&quot;onmouseover=\">x</a>")
    #expect(inline.html("`` a ` b ``") == "<code>a ` b</code>")
  }

  @Test func unmatchedDelimitersAreLiteral() {
    #expect(inline.html("**open and `open and [open](") == "**open and `open and [open](")
  }

  @Test func unresolvedLinksPrintTheirText() {
    let renderer = InlineRenderer(resolveLink: { _ in nil }, resolveCode: { $0 == "np.a" ? "P.html#np.a" : nil })
    #expect(
      renderer.html("[text](missing.txt) `np.a` `np.b`") == "text <a class=\"ref\" href=\"P.html#np.a\"><code>np.a</code></a> <code>np.b</code>")
  }

  @Test func blocks() {
    let text = """
      # Title

      A paragraph
      on two lines.

      - one
      - two
        continued
        1. nested

      > quoted

      ```swift
      let x = 1 < 2
      ```

      | a | b \\| c |
      | :--- | ---: |
      | 1 | 2 |

      ---
      <!-- reproduce:begin np.x -->
      <!-- a comment -->
      <!-- reproduce:end np.x -->
      """
    let blocks = MarkdownParser.parse(text)
    #expect(
      blocks == [
        .heading(level: 1, text: "Title"), .paragraph("A paragraph\non two lines."),
        .list(
          ordered: false, start: 1,
          items: [[.paragraph("one")], [.paragraph("two\ncontinued"), .list(ordered: true, start: 1, items: [[.paragraph("nested")]])]]),
        .quote([.paragraph("quoted")]), .code(language: "swift", text: "let x = 1 < 2"),
        .table(header: ["a", "b | c"], alignments: [.left, .right], rows: [["1", "2"]]), .rule, .generatedBegin("np.x"), .generatedEnd("np.x"),
      ])
  }

  @Test func looseListsAndOrderedStarts() {
    let blocks = MarkdownParser.parse("3. three\n\n4. four\n\nafter")
    #expect(blocks == [.list(ordered: true, start: 3, items: [[.paragraph("three")], [.paragraph("four")]]), .paragraph("after")])
  }
}
