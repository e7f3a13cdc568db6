/// A short TeX-like expression (a base or a script of ``InlineMath``) as MathML tokens.
///
/// Numbers become `<mn>`, runs of letters `<mi>` (one letter is italic, a word such as `max` upright,
/// as MathML renders them), everything else `<mo>`; inside, `x_y` and `x^y` nest (`δ_{π_n}`),
/// `\frac{a}{b}` is a fraction, and an expression that is exactly `a/b` of two plain tokens (`1/n`)
/// is a fraction too.
enum MathExpression {
  /// The MathML of `text`; with `asOneElement`, wrapped in `<mrow>` unless it is a single token.
  static func mathML(_ text: String, asOneElement: Bool = false) -> String {
    let characters = Array(text)
    if let fraction = simpleFraction(characters) { return fraction }
    let tokens = self.tokens(characters)
    if tokens.count == 1 || !asOneElement { return tokens.joined() }
    return "<mrow>" + tokens.joined() + "</mrow>"
  }

  /// `a/b` with `a` and `b` each one number or identifier.
  static func simpleFraction(_ characters: [Character]) -> String? {
    guard let slash = characters.firstIndex(of: "/"), slash > 0, slash < characters.count - 1 else { return nil }
    let numerator = characters[..<slash]
    let denominator = characters[(slash + 1)...]
    let plain: (ArraySlice<Character>) -> Bool = { part in part.allSatisfy { $0.isLetter || $0.isNumber } }
    guard plain(numerator), plain(denominator) else { return nil }
    return "<mfrac>" + tokens(Array(numerator)).joined() + tokens(Array(denominator)).joined() + "</mfrac>"
  }

  /// The tokens of `characters`, scripts attached to the token before them.
  static func tokens(_ characters: [Character]) -> [String] {
    var tokens: [String] = []
    var index = 0
    while index < characters.count {
      let character = characters[index]
      if character == "_" || character == "^", let base = tokens.popLast() {
        guard let (script, next) = InlineMath.script(characters, from: index + 1) else {
          tokens += [base, "<mo>\(HTMLText.escape(String(character)))</mo>"]
          index += 1
          continue
        }
        tokens.append(character == "_" ? "<msub>\(base)\(script)</msub>" : "<msup>\(base)\(script)</msup>")
        index = next
      } else if character == "\\", let (fraction, next) = frac(characters, at: index) {
        tokens.append(fraction)
        index = next
      } else if character == "{", let close = matchingBrace(characters, openAt: index) {
        tokens.append(mathML(String(characters[(index + 1)..<close]), asOneElement: true))
        index = close + 1
      } else if character.isNumber {
        var end = index
        while end < characters.count,
          characters[end].isNumber || (characters[end] == "." && end + 1 < characters.count && characters[end + 1].isNumber)
        {
          end += 1
        }
        tokens.append("<mn>\(String(characters[index..<end]))</mn>")
        index = end
      } else if character.isLetter || character == "′" {
        var end = index + 1
        while end < characters.count, characters[end].isLetter || characters[end] == "′" { end += 1 }
        tokens.append("<mi>\(HTMLText.escape(String(characters[index..<end])))</mi>")
        index = end
      } else if character == " " {
        index += 1
      } else {
        tokens.append("<mo>\(HTMLText.escape(String(character)))</mo>")
        index += 1
      }
    }
    return tokens
  }

  /// `\frac{a}{b}` at `index`, as `<mfrac>`, and the index after it.
  static func frac(_ characters: [Character], at index: Int) -> (String, Int)? {
    let command = Array("\\frac")
    guard index + command.count < characters.count, Array(characters[index..<(index + command.count)]) == command else { return nil }
    let numeratorOpen = index + command.count
    guard characters[numeratorOpen] == "{", let numeratorClose = matchingBrace(characters, openAt: numeratorOpen),
      numeratorClose + 1 < characters.count, characters[numeratorClose + 1] == "{",
      let denominatorClose = matchingBrace(characters, openAt: numeratorClose + 1)
    else { return nil }
    let numerator = mathML(String(characters[(numeratorOpen + 1)..<numeratorClose]), asOneElement: true)
    let denominator = mathML(String(characters[(numeratorClose + 2)..<denominatorClose]), asOneElement: true)
    return (
      "<mfrac>\(numerator.isEmpty ? "<mrow></mrow>" : numerator)\(denominator.isEmpty ? "<mrow></mrow>" : denominator)</mfrac>", denominatorClose + 1
    )
  }

  /// Braces nested deeper than this are not maths (which keeps the recursion and the scans short).
  static let maximumDepth = 16

  /// The index of the `}` matching the `{` at `open`, or nil when it is not closed within
  /// ``maximumDepth`` levels.
  static func matchingBrace(_ characters: [Character], openAt open: Int) -> Int? {
    var depth = 0
    for index in open..<characters.count {
      if characters[index] == "{" {
        depth += 1
        if depth > maximumDepth { return nil }
      }
      if characters[index] == "}" {
        depth -= 1
        if depth == 0 { return index }
      }
    }
    return nil
  }
}
