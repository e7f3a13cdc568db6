/// The documents' TeX-like inline maths as MathML, which browsers render natively (no script).
///
/// The literate documents write maths in plain Unicode text with TeX's script operators:
/// `a^{(n)}_{−i}`, `h_{p,l}`, `Q_s − Q_t`, `2^{−K(h)}`, `δ_{π_n}`, `(∏ J_i)^{1/n}`, `n^0.7`. A
/// *scripted term* is a base followed by `_` and/or `^` and a script:
///
/// - the base is the identifier, number or Greek run just before the operator (`a`, `WaitFairBot`,
///   `10`, `µ0`, `U′`), or a closing parenthesis before `^` (`)^{1/n}`);
/// - a script is either braced (`{…}`, balanced, which may itself hold scripts, `\frac{a}{b}` or a
///   simple fraction `1/n`) or a bare run of letters, digits and primes (`_i`, `^0.7`, `_max`).
///
/// Each term becomes one `<math>` element (`msub`, `msup` or `msubsup`); the text around it is left
/// as it is, so prose with a stray underscore (`_` at the start of a word) is never turned into maths.
public enum InlineMath {
  /// `text` as HTML: escaped, with each scripted term replaced by MathML.
  public static func html(_ text: String) -> String {
    let characters = Array(text)
    var out = ""
    var plainStart = 0
    var index = 0
    while index < characters.count {
      let character = characters[index]
      guard character == "_" || character == "^", let term = scriptedTerm(characters, operatorAt: index, notBefore: plainStart) else {
        index += 1
        continue
      }
      out += HTMLText.escape(String(characters[plainStart..<term.baseStart]))
      out += "<math>" + term.mathML + "</math>"
      index = term.end
      plainStart = term.end
    }
    return out + HTMLText.escape(String(characters[plainStart...]))
  }

  /// Whether `text` holds at least one scripted term.
  public static func containsMath(_ text: String) -> Bool { html(text).contains("<math>") }

  struct Term {
    var baseStart: Int
    var end: Int
    var mathML: String
  }

  /// The scripted term whose first script operator is at `position`, if the text there is one; its
  /// base starts at `notBefore` or later (after the term before it).
  static func scriptedTerm(_ characters: [Character], operatorAt position: Int, notBefore: Int = 0) -> Term? {
    var baseStart = position
    while baseStart > notBefore, isBaseCharacter(characters[baseStart - 1]) { baseStart -= 1 }
    let base: String
    if baseStart < position {
      base = MathExpression.mathML(String(characters[baseStart..<position]), asOneElement: true)
    } else if position > notBefore, characters[position - 1] == ")", characters[position] == "^" {
      baseStart = position - 1
      base = "<mo>)</mo>"
    } else {
      return nil
    }
    var lower: String?
    var upper: String?
    var cursor = position
    while cursor < characters.count, characters[cursor] == "_" || characters[cursor] == "^" {
      let isSubscript = characters[cursor] == "_"
      guard (isSubscript ? lower : upper) == nil, let (script, next) = self.script(characters, from: cursor + 1) else { break }
      if isSubscript { lower = script } else { upper = script }
      cursor = next
    }
    switch (lower, upper) {
    case (let sub?, let sup?): return Term(baseStart: baseStart, end: cursor, mathML: "<msubsup>\(base)\(sub)\(sup)</msubsup>")
    case (let sub?, nil): return Term(baseStart: baseStart, end: cursor, mathML: "<msub>\(base)\(sub)</msub>")
    case (nil, let sup?): return Term(baseStart: baseStart, end: cursor, mathML: "<msup>\(base)\(sup)</msup>")
    case (nil, nil): return nil
    }
  }

  /// The script starting at `start` (braced or a bare run) as one MathML element, and where it ends.
  static func script(_ characters: [Character], from start: Int) -> (String, Int)? {
    guard start < characters.count else { return nil }
    if characters[start] == "{" {
      guard let close = MathExpression.matchingBrace(characters, openAt: start) else { return nil }
      return (MathExpression.mathML(String(characters[(start + 1)..<close]), asOneElement: true), close + 1)
    }
    var end = start
    while end < characters.count {
      let character = characters[end]
      if isBaseCharacter(character) {
        end += 1
      } else if character == ".", end > start, end + 1 < characters.count, characters[end + 1].isNumber, characters[end - 1].isNumber {
        end += 1
      } else {
        break
      }
    }
    guard end > start else { return nil }
    return (MathExpression.mathML(String(characters[start..<end]), asOneElement: true), end)
  }

  /// Letters (Latin, Greek, any script, with combining marks such as P̂), digits and primes.
  static func isBaseCharacter(_ character: Character) -> Bool {
    character.isLetter || character.isNumber || character == "′"
  }
}
