import Testing

@testable import LabKit

/// The documents' TeX-like maths as MathML: scripts, nested scripts, fractions, Greek, and prose left alone.
@Suite("InlineMath")
struct InlineMathTests {
  @Test func subscriptAndSuperscriptTogether() {
    #expect(
      InlineMath.html("a^{(n)}_{−i}")
        == "<math><msubsup><mi>a</mi><mrow><mo>−</mo><mi>i</mi></mrow><mrow><mo>(</mo><mi>n</mi><mo>)</mo></mrow></msubsup></math>")
  }

  @Test func bareScriptsEndAtTheFirstNonLetter() {
    #expect(InlineMath.html("Q_s − Q_t = 1") == "<math><msub><mi>Q</mi><mi>s</mi></msub></math> − <math><msub><mi>Q</mi><mi>t</mi></msub></math> = 1")
    #expect(InlineMath.html("1/n^0.7.") == "1/<math><msup><mi>n</mi><mn>0.7</mn></msup></math>.")
  }

  @Test func greekNestedScriptsAndWords() {
    #expect(InlineMath.html("δ_{π_n}(π)") == "<math><msub><mi>δ</mi><msub><mi>π</mi><mi>n</mi></msub></msub></math>(π)")
    #expect(
      InlineMath.html("lim_{γ→1}") == "<math><msub><mi>lim</mi><mrow><mi>γ</mi><mo>→</mo><mn>1</mn></mrow></msub></math>")
    #expect(InlineMath.html("U′_C") == "<math><msub><mi>U′</mi><mi>C</mi></msub></math>")
  }

  @Test func fractions() {
    #expect(
      InlineMath.html("(∏ J_i)^{1/n}")
        == "(∏ <math><msub><mi>J</mi><mi>i</mi></msub></math><math><msup><mo>)</mo><mfrac><mn>1</mn><mi>n</mi></mfrac></msup></math>")
    #expect(InlineMath.html("x^{\\frac{1}{2}}") == "<math><msup><mi>x</mi><mfrac><mn>1</mn><mn>2</mn></mfrac></msup></math>")
  }

  @Test func proseAndMarkupAreEscapedNotMath() {
    #expect(InlineMath.html("_Generated_ a < b & c > \"d\"") == "_Generated_ a &lt; b &amp; c &gt; &quot;d&quot;")
    #expect(InlineMath.html("x_ y and ^z and a_{unclosed") == "x_ y and ^z and a_{unclosed")
    #expect(InlineMath.html("h_{<script>}") == "<math><msub><mi>h</mi><mrow><mo>&lt;</mo><mi>script</mi><mo>&gt;</mo></mrow></msub></math>")
  }

  @Test func deepBracesAreNotMath() {
    let deep = "a_" + String(repeating: "{", count: 40) + "x" + String(repeating: "}", count: 40)
    #expect(!InlineMath.containsMath(deep))
    #expect(InlineMath.containsMath("a_{{x}}"))
  }
}
