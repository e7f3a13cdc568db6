/// Printing formulas in the two notations the parser reads, with as few parentheses as the
/// precedences allow: parsing the printed text gives back the same formula (tests check it).
///
/// Precedence, loosest first: ↔ (grouping to the left), → (grouping to the right), ∨, ∧ (both to
/// the left), then the prefix operators ¬ □ ◇ [k] ⟨k⟩.
extension ModalFormula: CustomStringConvertible {
  /// The two spellings of the connectives.
  public enum Notation: Sendable {
    /// `⊤ ⊥ ¬ ∧ ∨ → ↔ □ ◇ [k] ⟨k⟩`
    case unicode
    /// `T F ~ & | -> <-> [] <> [k] <k>`
    case ascii
  }

  /// The formula in Unicode notation.
  public var description: String { printed(.unicode) }

  /// The formula in ASCII notation.
  public var ascii: String { printed(.ascii) }

  /// The formula in the given notation.
  public func printed(_ notation: Notation) -> String {
    var out = ""
    write(to: &out, notation)
    return out
  }

  /// How tightly the formula's top connective binds (higher binds tighter).
  var precedence: Int {
    switch self {
    case .iff: return 1
    case .implies: return 2
    case .or: return 3
    case .and: return 4
    case .not, .box, .diamond: return 5
    case .top, .bottom, .atom: return 6
    }
  }

  private func write(to out: inout String, _ notation: Notation) {
    let unicode = notation == .unicode
    func child(_ f: ModalFormula, parenthesized: Bool) {
      if parenthesized { out += "(" }
      f.write(to: &out, notation)
      if parenthesized { out += ")" }
    }
    func binary(_ a: ModalFormula, _ symbol: String, _ b: ModalFormula, rightAssociative: Bool) {
      let p = precedence
      child(a, parenthesized: rightAssociative ? a.precedence <= p : a.precedence < p)
      out += " " + symbol + " "
      child(b, parenthesized: rightAssociative ? b.precedence < p : b.precedence <= p)
    }
    func prefix(_ symbol: String, _ a: ModalFormula) {
      out += symbol
      child(a, parenthesized: a.precedence < 5)
    }
    switch self {
    case .top: out += unicode ? "⊤" : "T"
    case .bottom: out += unicode ? "⊥" : "F"
    case .atom(let atom): out += atom.text
    case .not(let a): prefix(unicode ? "¬" : "~", a)
    case .and(let a, let b): binary(a, unicode ? "∧" : "&", b, rightAssociative: false)
    case .or(let a, let b): binary(a, unicode ? "∨" : "|", b, rightAssociative: false)
    case .implies(let a, let b): binary(a, unicode ? "→" : "->", b, rightAssociative: true)
    case .iff(let a, let b): binary(a, unicode ? "↔" : "<->", b, rightAssociative: false)
    case .box(let a, let k): prefix(k == 0 ? (unicode ? "□" : "[]") : "[\(k)]", a)
    case .diamond(let a, let k): prefix(k == 0 ? (unicode ? "◇" : "<>") : (unicode ? "⟨\(k)⟩" : "<\(k)>"), a)
    }
  }
}
