/// Every fully modalized rank-0 formula up to a size, for the universally quantified claims.
///
/// The language: ⊤, ⊥, the atoms me(them) and them(me), ¬, ∧, ∨ and □ (→, ↔, ◇ and graded boxes are
/// not separate symbols: they are expressible with these, at a larger size). The size of a formula
/// is its number of symbols (``ModalFormula/size``). Three syntactic redundancies are left out:
/// double negation ¬¬φ, the second order of a commutative pair (φ ∧ ψ and ψ ∧ φ are one formula),
/// and φ ∧ φ, φ ∨ φ. Every other formula of the language whose atoms all lie under a box is
/// produced exactly once.
///
/// Order: by size; within a size, negations, then boxes, then for each split i + j = size − 1 with
/// i ≤ j, conjunctions then disjunctions, the left operand varying slowest; operands in the order
/// they were produced. `Tests/Fixtures/modal/independent_evaluator.py` implements the same rules
/// independently, and a test compares the counts.
public enum RankZeroEnumerator {
  /// The fully modalized formulas of each size 1 … `maximumSize` (index 0 holds size 1).
  public static func formulasBySize(upTo maximumSize: Int) -> [[ModalFormula]] {
    precondition(maximumSize >= 1, "RankZeroEnumerator: size at least 1")
    var any: [[ModalFormula]] = [[.top, .bottom, .me, .them]]  // every formula, atoms anywhere
    var modalized: [[ModalFormula]] = [[.top, .bottom]]  // atoms only under boxes
    func isNegation(_ f: ModalFormula) -> Bool { if case .not = f { return true }; return false }
    func binaries(_ lists: [[ModalFormula]], size: Int, into out: inout [ModalFormula]) {
      for i in 1...((size - 1) / 2) where i <= size - 1 - i {
        let j = size - 1 - i
        let left = lists[i - 1]
        let right = lists[j - 1]
        for make in [ModalFormula.and, ModalFormula.or] {
          for a in left.indices {
            for b in (i == j ? a + 1 : 0)..<right.count { out.append(make(left[a], right[b])) }
          }
        }
      }
    }
    if maximumSize == 1 { return modalized }
    for size in 2...maximumSize {
      var g: [ModalFormula] = []
      var f: [ModalFormula] = []
      if size < maximumSize {  // the unrestricted formulas are needed only below the largest size
        g += any[size - 2].filter { !isNegation($0) }.map { .not($0) }
        g += any[size - 2].map { .box($0) }
        if size >= 3 { binaries(any, size: size, into: &g) }
      }
      f += modalized[size - 2].filter { !isNegation($0) }.map { .not($0) }
      f += any[size - 2].map { .box($0) }
      if size >= 3 { binaries(modalized, size: size, into: &f) }
      any.append(g)
      modalized.append(f)
    }
    return modalized
  }

  /// Every fully modalized rank-0 formula of size at most `maximumSize`, in enumeration order.
  public static func formulas(upTo maximumSize: Int) -> [ModalFormula] {
    formulasBySize(upTo: maximumSize).flatMap { $0 }
  }

  /// The formulas as agents named `E1`, `E2`, … in enumeration order.
  public static func agents(upTo maximumSize: Int) -> [ModalAgent] {
    agents(formulas(upTo: maximumSize))
  }

  /// `formulas` as agents named `E1`, `E2`, ….
  public static func agents(_ formulas: [ModalFormula]) -> [ModalAgent] {
    formulas.enumerated().map { try! ModalAgent(name: "E\($0.offset + 1)", formula: $0.element) }
  }

  /// The first `count` enumerated agents (the benchmark's population), taking sizes until enough.
  public static func firstAgents(_ count: Int) -> [ModalAgent] {
    var size = 1
    var formulas = self.formulas(upTo: size)
    while formulas.count < count {
      size += 1
      formulas = self.formulas(upTo: size)
    }
    return agents(Array(formulas.prefix(count)))
  }
}
