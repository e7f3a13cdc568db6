/// A propositional atom of a modal formula.
///
/// Agent formulas use the first three (notation of the Robust Cooperation paper, §4, and of the
/// reference implementation's agent language): `them(me)`, `me(them)` and `them(X)`. Systems of
/// equations such as the fixed-point examples p ↔ ¬□p use named variables.
public enum ModalAtom: Hashable, Sendable, Comparable {
  /// `them(me)`: [Opp(Me) = C], "the opponent cooperates with me" (b in the paper's notation).
  case opponentCooperatesWithMe
  /// `me(them)`: [Me(Opp) = C], "I cooperate with the opponent" (a in the paper's notation).
  case iCooperateWithOpponent
  /// `them(X)`: [Opp(X) = C], "the opponent cooperates with the third party X" (X of lower rank).
  case opponentCooperatesWith(String)
  /// A propositional variable of a system of equations (p, q, ...).
  case variable(String)

  /// The atom as written in formulas: `them(me)`, `me(them)`, `them(X)` or the variable's name.
  public var text: String {
    switch self {
    case .opponentCooperatesWithMe: return "them(me)"
    case .iCooperateWithOpponent: return "me(them)"
    case .opponentCooperatesWith(let name): return "them(\(name))"
    case .variable(let name): return name
    }
  }
}

/// A formula of propositional modal logic with the graded boxes of the Robust Cooperation paper.
///
/// Robust Cooperation (arXiv:1401.5577v2), §4: □φ reads "PA proves φ", ◇φ = ¬□¬φ, and
/// [k]φ := □(¬□^k⊥ → φ) reads "PA + k proves φ", where PA + k is PA with the k-fold consistency
/// statement ¬□^k⊥ added ([0] is □). ⟨k⟩φ := ¬[k]¬φ (the corrected 2015 definition of the reference
/// implementation; its 2013 `diak` was ◇(¬□^k⊥ → φ), a known bug).
///
/// Graded boxes are primitive here: on the linear Kripke chain of GL, [k]φ holds at world n iff φ
/// holds at every world m with k ≤ m < n, which is exactly what the expansion □(¬□^k⊥ → φ) gives
/// (``expandingGradedModalities`` turns one form into the other; tests check they agree).
public indirect enum ModalFormula: Hashable, Sendable {
  case top
  case bottom
  case atom(ModalAtom)
  case not(ModalFormula)
  case and(ModalFormula, ModalFormula)
  case or(ModalFormula, ModalFormula)
  case implies(ModalFormula, ModalFormula)
  case iff(ModalFormula, ModalFormula)
  /// [k]φ, "PA + k proves φ"; grade 0 is □φ, "PA proves φ".
  case box(ModalFormula, grade: Int)
  /// ⟨k⟩φ := ¬[k]¬φ; grade 0 is ◇φ.
  case diamond(ModalFormula, grade: Int)
}

// MARK: - Building formulas

extension ModalFormula {
  /// `them(me)`: the opponent cooperates with me.
  public static let them = ModalFormula.atom(.opponentCooperatesWithMe)
  /// `me(them)`: I cooperate with the opponent.
  public static let me = ModalFormula.atom(.iCooperateWithOpponent)
  /// `them(X)`: the opponent cooperates with the third party named `name`.
  public static func them(_ name: String) -> ModalFormula { .atom(.opponentCooperatesWith(name)) }
  /// The variable named `name`.
  public static func variable(_ name: String) -> ModalFormula { .atom(.variable(name)) }
  /// □φ.
  public static func box(_ formula: ModalFormula) -> ModalFormula { .box(formula, grade: 0) }
  /// ◇φ.
  public static func diamond(_ formula: ModalFormula) -> ModalFormula { .diamond(formula, grade: 0) }
  /// □^k φ: k nested boxes (φ itself for k = 0).
  public static func boxes(_ k: Int, _ formula: ModalFormula) -> ModalFormula {
    precondition(k >= 0, "boxes: k must be at least 0")
    var result = formula
    for _ in 0..<k { result = .box(result) }
    return result
  }
  /// ¬□^k⊥, Con^k: the k-fold consistency of PA (⊤ for k = 0, since ¬□^0⊥ = ¬⊥).
  public static func consistency(_ k: Int) -> ModalFormula { .not(boxes(k, .bottom)) }
  /// The conjunction of `formulas` (⊤ when empty), nested to the left.
  public static func conjunction(_ formulas: [ModalFormula]) -> ModalFormula {
    guard let first = formulas.first else { return .top }
    return formulas.dropFirst().reduce(first) { .and($0, $1) }
  }
  /// The disjunction of `formulas` (⊥ when empty), nested to the left.
  public static func disjunction(_ formulas: [ModalFormula]) -> ModalFormula {
    guard let first = formulas.first else { return .bottom }
    return formulas.dropFirst().reduce(first) { .or($0, $1) }
  }
}

// MARK: - Structure

extension ModalFormula {
  /// The immediate subformulas, left to right.
  public var children: [ModalFormula] {
    switch self {
    case .top, .bottom, .atom: return []
    case .not(let a), .box(let a, _), .diamond(let a, _): return [a]
    case .and(let a, let b), .or(let a, let b), .implies(let a, let b), .iff(let a, let b): return [a, b]
    }
  }

  /// The number of symbols: constants, atoms, connectives and modalities each count 1 (a graded box
  /// [k] counts 1 whatever k).
  public var size: Int { 1 + children.reduce(0) { $0 + $1.size } }

  /// The modal depth of the formula with graded modalities expanded: md([k]φ) = 1 + max(k, md φ),
  /// since [k]φ = □(¬□^k⊥ → φ). Boolos (1993): a letterless formula of depth d has the same truth
  /// value at every world n ≥ d of the linear chain.
  public var modalDepth: Int {
    switch self {
    case .top, .bottom, .atom: return 0
    case .not(let a): return a.modalDepth
    case .and(let a, let b), .or(let a, let b), .implies(let a, let b), .iff(let a, let b):
      return max(a.modalDepth, b.modalDepth)
    case .box(let a, let k), .diamond(let a, let k): return 1 + max(k, a.modalDepth)
    }
  }

  /// The largest grade k of a [k] or ⟨k⟩ in the formula (0 if none).
  public var largestGrade: Int {
    switch self {
    case .box(let a, let k), .diamond(let a, let k): return max(k, a.largestGrade)
    default: return children.reduce(0) { max($0, $1.largestGrade) }
    }
  }

  /// Every atom occurring in the formula, in order of first occurrence.
  public var atoms: [ModalAtom] {
    var seen = Set<ModalAtom>()
    var result: [ModalAtom] = []
    func walk(_ f: ModalFormula) {
      if case .atom(let atom) = f, seen.insert(atom).inserted { result.append(atom) }
      for child in f.children { walk(child) }
    }
    walk(self)
    return result
  }

  /// Whether the formula has no atoms (it is built from ⊤, ⊥, connectives and modalities only).
  public var isLetterless: Bool { atoms.isEmpty }

  /// The atoms with an occurrence outside every modality; empty exactly when the formula is fully
  /// modalized (Robust Cooperation, §4: every occurrence of a variable lies inside some box).
  public var unmodalizedAtoms: [ModalAtom] {
    var seen = Set<ModalAtom>()
    var result: [ModalAtom] = []
    func walk(_ f: ModalFormula) {
      switch f {
      case .atom(let atom): if seen.insert(atom).inserted { result.append(atom) }
      case .box, .diamond: return
      default: for child in f.children { walk(child) }
      }
    }
    walk(self)
    return result
  }

  /// Whether every atom occurrence lies inside some □, ◇, [k] or ⟨k⟩.
  public var isFullyModalized: Bool { unmodalizedAtoms.isEmpty }

  /// The formula with every atom replaced by `substitution(atom)`.
  public func substituting(_ substitution: (ModalAtom) -> ModalFormula) -> ModalFormula {
    switch self {
    case .top, .bottom: return self
    case .atom(let atom): return substitution(atom)
    case .not(let a): return .not(a.substituting(substitution))
    case .and(let a, let b): return .and(a.substituting(substitution), b.substituting(substitution))
    case .or(let a, let b): return .or(a.substituting(substitution), b.substituting(substitution))
    case .implies(let a, let b): return .implies(a.substituting(substitution), b.substituting(substitution))
    case .iff(let a, let b): return .iff(a.substituting(substitution), b.substituting(substitution))
    case .box(let a, let k): return .box(a.substituting(substitution), grade: k)
    case .diamond(let a, let k): return .diamond(a.substituting(substitution), grade: k)
    }
  }

  /// The same formula with [k]φ written as □(¬□^k⊥ → φ) and ⟨k⟩φ as ¬□(¬□^k⊥ → ¬φ) for k ≥ 1, and
  /// ◇φ as ¬□¬φ: only □ remains. Robust Cooperation §4's definitions, used to test that the graded
  /// boxes the evaluator treats as primitive mean what the paper defines.
  public var expandingGradedModalities: ModalFormula {
    switch self {
    case .top, .bottom, .atom: return self
    case .not(let a): return .not(a.expandingGradedModalities)
    case .and(let a, let b): return .and(a.expandingGradedModalities, b.expandingGradedModalities)
    case .or(let a, let b): return .or(a.expandingGradedModalities, b.expandingGradedModalities)
    case .implies(let a, let b): return .implies(a.expandingGradedModalities, b.expandingGradedModalities)
    case .iff(let a, let b): return .iff(a.expandingGradedModalities, b.expandingGradedModalities)
    case .box(let a, let k):
      let inner = a.expandingGradedModalities
      return k == 0 ? .box(inner) : .box(.implies(.consistency(k), inner))
    case .diamond(let a, let k):
      let inner = ModalFormula.not(a.expandingGradedModalities)
      return .not(k == 0 ? .box(inner) : .box(.implies(.consistency(k), inner)))
    }
  }
}
