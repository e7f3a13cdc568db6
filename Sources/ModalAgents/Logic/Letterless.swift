/// Letterless sentences: built from ⊤ and ⊥ with connectives and boxes only.
///
/// Boolos, *The Logic of Provability* (1993), on letterless sentences: every letterless φ is
/// GL-equivalent to a Boolean combination of the sentences □^n⊥; its trace {n : n ⊨ φ} on the
/// linear chain is finite or cofinite; GL ⊢ φ iff the trace is all of ω; and, PA being sound, φ* is
/// true in ℕ iff φ holds at every world n ≥ md(φ) (the trace is constant from the modal depth on).
public enum Letterless {
  /// The values of a letterless formula at worlds 0 ... `worlds − 1`.
  public static func trace(_ formula: ModalFormula, worlds: Int) -> [Bool] {
    precondition(formula.isLetterless, "Letterless.trace: \(formula) has atoms")
    let solution = try! ModalSystem([("φ", formula)]).solve()
    return (0..<worlds).map { solution.value(0, atWorld: $0) }
  }

  /// Whether GL proves the letterless `formula`: it holds at every world, which is decided by the
  /// worlds 0 ... md(φ), after which the value is constant.
  public static func isProvable(_ formula: ModalFormula) -> Bool {
    trace(formula, worlds: formula.modalDepth + 1).allSatisfy { $0 }
  }

  /// Whether the letterless `formula` is true in the standard model: its value at world md(φ).
  public static func isTrue(_ formula: ModalFormula) -> Bool {
    trace(formula, worlds: formula.modalDepth + 1).last!
  }

  /// Whether GL proves φ ↔ ψ for letterless φ and ψ: their traces agree at every world.
  public static func areEquivalent(_ a: ModalFormula, _ b: ModalFormula) -> Bool {
    isProvable(.iff(a, b))
  }

  /// A letterless formula whose trace is `trace` at worlds 0 ... count − 2 and the last entry from
  /// there on: the disjunction of the worlds where it holds, each world n written
  /// □^{n+1}⊥ ∧ ¬□^n⊥ (the last as ¬□^n⊥, "from n on"), or the negation of the same for the worlds
  /// where it fails, whichever is shorter.
  public static func normalForm(trace: [Bool]) -> ModalFormula {
    precondition(!trace.isEmpty)
    var values = trace
    while values.count > 1, values[values.count - 2] == values.last! { values.removeLast() }
    let last = values.count - 1
    func exactly(_ n: Int) -> ModalFormula {
      n == 0 ? .box(.bottom) : .and(.boxes(n + 1, .bottom), .consistency(n))
    }
    func worlds(where value: Bool) -> ModalFormula {
      var parts: [ModalFormula] = []
      for n in 0..<last where values[n] == value { parts.append(exactly(n)) }
      if values[last] == value { parts.append(last == 0 ? .top : .consistency(last)) }
      return .disjunction(parts)
    }
    let holding = worlds(where: true)
    let failing = worlds(where: false)
    return holding.size <= failing.size + 1 ? holding : .not(failing)
  }
}
