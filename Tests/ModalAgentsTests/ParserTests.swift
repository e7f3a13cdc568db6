import LabKit
import Testing

@testable import ModalAgents

@Suite struct ParserTests {
  @Test func asciiAndUnicodeParseToTheSameFormula() throws {
    let expected = ModalFormula.and(.box(.them), .box(.not(.them("DefectBot")), grade: 1))
    #expect(try ModalParser.parse("[]them(me) & [1]~them(DefectBot)") == expected)
    #expect(try ModalParser.parse("□them(me) ∧ [1]¬them(DefectBot)") == expected)
    #expect(try ModalParser.parse("  □ them ( me )∧[ 1 ]¬ them(DefectBot) ") == expected)
    #expect(try ModalParser.parse("T | F") == .or(.top, .bottom))
    #expect(try ModalParser.parse("⊤ ∨ ⊥") == .or(.top, .bottom))
    #expect(try ModalParser.parse("<>me(them)") == .diamond(.me))
    #expect(try ModalParser.parse("◇me(them)") == .diamond(.me))
    #expect(try ModalParser.parse("<2>p") == .diamond(.variable("p"), grade: 2))
    #expect(try ModalParser.parse("⟨2⟩p") == .diamond(.variable("p"), grade: 2))
    #expect(try ModalParser.parse("p && q || r") == .or(.and(.variable("p"), .variable("q")), .variable("r")))
  }

  @Test func precedenceAndAssociativity() throws {
    let p = ModalFormula.variable("p")
    let q = ModalFormula.variable("q")
    let r = ModalFormula.variable("r")
    // ¬ and boxes bind tightest, then ∧, ∨, →, ↔.
    #expect(try ModalParser.parse("~[]p & q | r -> p <-> q") == .iff(.implies(.or(.and(.not(.box(p)), q), r), p), q))
    #expect(try ModalParser.parse("p -> q -> r") == .implies(p, .implies(q, r)))
    #expect(try ModalParser.parse("p & q & r") == .and(.and(p, q), r))
    #expect(try ModalParser.parse("p <-> q <-> r") == .iff(.iff(p, q), r))
    #expect(try ModalParser.parse("[](p -> q)") == .box(.implies(p, q)))
    #expect(try ModalParser.parse("[]p -> q") == .implies(.box(p), q))
  }

  @Test func printingUsesFewParenthesesInBothNotations() throws {
    let f = try ModalParser.parse("[](~[]p -> (q & r | p)) <-> (p -> q) -> r")
    #expect(f.description == "□(¬□p → q ∧ r ∨ p) ↔ (p → q) → r")
    #expect(f.ascii == "[](~[]p -> q & r | p) <-> (p -> q) -> r")
    #expect(AgentLibrary.prudentBot.formula.description == "□them(me) ∧ [1]¬them(DefectBot)")
    #expect(AgentLibrary.prudentBot.formula.ascii == "[]them(me) & [1]~them(DefectBot)")
    #expect(ModalFormula.diamond(.not(.them), grade: 3).description == "⟨3⟩¬them(me)")
    #expect(ModalFormula.diamond(.not(.them), grade: 3).ascii == "<3>~them(me)")
  }

  @Test func printedFormulasParseBack() throws {
    var formulas = RankZeroEnumerator.formulas(upTo: 6)
    let random = Random(seed: 7)
    func build(_ depth: Int) -> ModalFormula {
      if depth <= 0 { return [ModalFormula.top, .bottom, .them, .me, .them("X"), .variable("p")][random.index(below: 6)] }
      let a = build(depth - 1 - random.index(below: 2))
      let b = build(depth - 1 - random.index(below: 2))
      switch random.index(below: 9) {
      case 0: return .not(a)
      case 1: return .and(a, b)
      case 2: return .or(a, b)
      case 3: return .implies(a, b)
      case 4: return .iff(a, b)
      case 5: return .box(a, grade: random.index(below: 3))
      case 6: return .diamond(a, grade: random.index(below: 3))
      case 7: return .not(.not(a))
      default: return .box(.box(a))
      }
    }
    for _ in 0..<2000 { formulas.append(build(5)) }
    for f in formulas {
      #expect(try ModalParser.parse(f.description) == f, "\(f)")
      #expect(try ModalParser.parse(f.ascii) == f, "\(f.ascii)")
    }
  }

  @Test(arguments: [
    ("[]them(me) &", 13, "expected a formula, found the end of the input"),
    ("(p & q", 7, "'(' at column 1 is never closed"),
    ("(p & q ]", 8, "expected ')' to close the '(' at column 1"),
    ("p q", 3, "unexpected 'q' after a complete formula"),
    ("p)", 2, "unmatched ')'"),
    (")", 1, "expected a formula, found ')'"),
    ("p $ q", 3, "unexpected '$' after a complete formula"),
    ("$", 1, "unexpected character '$'"),
    ("& p", 1, "expected a formula before '&'"),
    ("them", 5, "'them' must be followed by '(me)' or '(X)'"),
    ("[]me(me)", 3, "me(me) is not an atom"),
    ("[]them(them)", 3, "them(them) is not an atom"),
    ("[]them(me", 10, "expected ')' to close them(me"),
    ("[x]p", 1, "expected '[]' or a graded box '[k]'"),
    ("[2 p", 4, "expected ']' after the grade 2"),
    ("<3 p", 4, "expected '>' after the grade 3"),
    ("p - q", 3, "unexpected '-'"),
    ("p <-> ", 7, "expected a formula, found the end of the input"),
  ])
  func errorsGiveTheColumn(text: String, column: Int, message: String) {
    do {
      let f = try ModalParser.parse(text)
      Issue.record("\(text) parsed as \(f)")
    } catch {
      #expect(error.column == column, "\(text): \(error)")
      #expect(error.message.contains(message), "\(text): \(error)")
    }
  }

  @Test func columnsCountCharactersNotBytesAndHonourTheOffset() {
    do {
      _ = try ModalParser.parse("□⊤ ∧ ¬□")
      Issue.record("parsed")
    } catch {
      #expect(error.column == 8)
    }
    do {
      _ = try ModalParser.parseWithPositions("(p", columnOffset: 10)
      Issue.record("parsed")
    } catch {
      #expect(error.column == 13)
      #expect(error.message.contains("column 11"))
    }
  }

  @Test func positionsOfAtomsAndModalization() throws {
    let parsed = try ModalParser.parseWithPositions("them(me) & [](me(them) | them(FairBot))")
    #expect(parsed.occurrences.map(\.atom) == [.opponentCooperatesWithMe, .iCooperateWithOpponent, .opponentCooperatesWith("FairBot")])
    #expect(parsed.occurrences.map(\.column) == [1, 15, 26])
    #expect(parsed.occurrences.map(\.nameColumn) == [6, 18, 31])
    #expect(parsed.occurrences.map(\.isModalized) == [false, true, true])
  }
}
