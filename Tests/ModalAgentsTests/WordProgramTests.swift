import LabKit
import Testing

@testable import ModalAgents

/// The compiled word programs of the fast tournament against the world-by-world evaluator
/// (``Competition``, the interpreter): the whole 64-world words, not only the moves.
@Suite struct WordProgramTests {
  /// Checks that the tournament's words for every ordered pair equal the world-by-world traces at
  /// worlds 0 … 63, and that the moves and provability agree (also for the fallback matchups).
  /// Returns how many matchups the window decided.
  @discardableResult
  func expectAgreement(_ agents: [ModalAgent]) throws -> Int {
    let tournament = try RankZeroTournament(agents)
    let matrix = tournament.matrix()
    var decided = 0
    for i in agents.indices {
      for j in agents.indices {
        let m = try Competition(agents[i], agents[j]).solve()
        func word(_ variable: Int) -> UInt64 {
          (0..<64).reduce(0) { $0 | (m.solution.value(variable, atWorld: $1) ? 1 << UInt64($1) : 0) }
        }
        if let (x, y) = tournament.words(i, j) {
          decided += 1
          #expect(x == word(m.firstVariable) && y == word(m.secondVariable), "\(agents[i].formula) vs \(agents[j].formula)")
        }
        let o = tournament.outcome(i, j)
        #expect(o.first == m.solution.value(m.firstVariable) && o.second == m.solution.value(m.secondVariable))
        #expect(o.firstProvable == m.solution.isProvable(m.firstVariable))
        #expect(o.secondProvable == m.solution.isProvable(m.secondVariable))
        #expect(matrix[i][j] == (m.firstMove == .cooperate), "\(agents[i].formula) vs \(agents[j].formula)")
      }
    }
    return decided
  }

  @Test func everyLibraryPairingAgrees() throws {
    let L = AgentLibrary.self
    let agents =
      L.standard.filter { $0.rank == 0 }
      + (0...6).map { L.fairBot($0) } + [1, 2, 5, 30].map { L.waitFairBot($0) }
      + [L.waitFairBot(61), L.waitFairBot(62), L.fairBot(62), L.waitFairBot(70), L.fairBot(63)]
    try expectAgreement(agents)
    // Grades up to 30 are decided inside the window; grades above 62 never are (the fallback).
    let tournament = try RankZeroTournament(agents)
    let n = agents.count
    for i in 0..<(n - 5) {
      for j in 0..<(n - 5) { #expect(tournament.settlesInWindow(i, j)) }
      #expect(!tournament.settlesInWindow(i, n - 2) && !tournament.settlesInWindow(n - 1, i))
    }
  }

  /// Random fully modalized formulas with every connective (→, ↔, ◇, graded boxes), letterless
  /// parts included so that folding is exercised.
  @Test func randomFormulasAgree() throws {
    let random = Random(seed: 19)
    func build(_ depth: Int, modal: Bool) -> ModalFormula {
      if depth <= 0 {
        if modal && random.bernoulli(0.7) { return random.bernoulli(0.5) ? .me : .them }
        return random.bernoulli(0.5) ? .top : .bottom
      }
      let a = { build(depth - 1 - random.index(below: 2), modal: modal) }
      switch random.index(below: 8) {
      case 0: return .not(a())
      case 1: return .and(a(), a())
      case 2: return .or(a(), a())
      case 3: return .implies(a(), a())
      case 4: return .iff(a(), a())
      case 5: return .diamond(build(depth - 1, modal: true), grade: random.index(below: 4))
      default: return .box(build(depth - 1, modal: true), grade: random.index(below: 4))
      }
    }
    let formulas = (0..<70).map { _ in build(5, modal: false) }
    let agents = formulas.enumerated().map { try! ModalAgent(name: "R\($0.offset)", formula: $0.element) }
    #expect(try expectAgreement(agents) == agents.count * agents.count)
  }

  @Test func foldingAndNegationCostNoInstructions() throws {
    func program(_ formula: ModalFormula) throws -> WordProgram {
      try WordProgram(ModalAgent(name: "A", formula: formula).template.nodes, name: "A")
    }
    // Letterless: □⊥ holds at world 0 only, ◇⊤ = ¬□⊥ everywhere else; no instructions.
    let letterless = try program(.and(.box(.box(.bottom)), .diamond(.top)))
    #expect(letterless.instructions.isEmpty)
    #expect(letterless.constants[letterless.result - 2] ^ (letterless.resultComplemented ? ~0 : 0) == 0b10)
    // ¬□¬them(me) ∨ □me(them): two boxes and one conjunction, no negation instruction.
    let mixed = try program(.or(.not(.box(.not(.them))), .box(.me)))
    #expect(mixed.instructions.count == 3)
    #expect(mixed.instructions.filter(\.isBox).count == 2)
    // ↔ is three conjunctions; [3] adds the constant ¬low_3.
    let iff = try program(.iff(.box(.them, grade: 3), .box(.me)))
    #expect(iff.instructions.count == 5)
    #expect(iff.constants == [~0, ~UInt64(0b111)])
  }

  /// Negative control: a deliberately wrong box (bits 0 … z − 1 instead of 0 … z) disagrees with
  /// the interpreter on FairBot against itself, so the word comparison above can fail.
  @Test func aWrongBoxIsCaught() throws {
    let m = try Competition(AgentLibrary.fairBot, AgentLibrary.defectBot).solve()
    let failing = ~UInt64(0) & WordProgram.notLow(0)  // ψ = them(me) = DefectBot's ⊥ fails everywhere
    let right = failing ^ (failing &- 1)
    let wrong = (failing & (0 &- failing)) &- 1
    let truth: UInt64 = (0..<64).reduce(0) { $0 | (m.solution.value(m.firstVariable, atWorld: $1) ? 1 << UInt64($1) : 0) }
    #expect(right == truth && wrong != truth)
  }
}
