/// The canonical modal agents, each with its formula and source (the notes' §1 table).
///
/// "Robust Cooperation" is Barasz, Christiano, Fallenstein, Herreshoff, LaVictoire, Yudkowsky,
/// *Robust Cooperation in the Prisoner's Dilemma: Program Equilibrium via Provability Logic*,
/// arXiv:1401.5577v2; "the post" is *In Strategic Time, Open-Source Games Are Loopy* (LessWrong,
/// 2023); "modal.hs" is the 2013 reference implementation (machine-intelligence/provability,
/// commit 9d379eb).
public enum AgentLibrary {
  private static func make(_ name: String, _ formula: ModalFormula, _ references: [ModalAgent] = []) -> ModalAgent {
    try! ModalAgent(name: name, formula: formula, references: references)
  }

  /// CooperateBot = ⊤: always cooperates. Robust Cooperation, Algorithm 1 (§2).
  public static let cooperateBot = make("CooperateBot", .top)

  /// DefectBot = ⊥: always defects. Robust Cooperation, Algorithm 2 (§2).
  public static let defectBot = make("DefectBot", .bottom)

  /// FairBot = □them(me): cooperates iff PA proves that the opponent cooperates with it.
  /// Robust Cooperation, Algorithm 4 (§3); §4: [FB(X) = C] ↔ □[X(FB) = C].
  public static let fairBot = make("FairBot", .box(.them))

  /// FairBot_k = [k]them(me): cooperates iff PA + k proves that the opponent cooperates with it.
  /// modal.hs `fairBot1` … `fairBot5` (FairBot_0 is FairBot's formula).
  public static func fairBot(_ k: Int) -> ModalAgent {
    make("FairBot_\(k)", .box(.them, grade: k))
  }

  /// PrudentBot = □them(me) ∧ [1]¬them(DefectBot): cooperates iff PA proves the opponent
  /// cooperates with it and PA + 1 proves the opponent defects against DefectBot.
  /// Robust Cooperation, Algorithm 5 and §3 ("PA ⊢ X(PB) = C and PA+1 ⊢ X(DB) = D").
  public static let prudentBot = make("PrudentBot", .and(.box(.them), .box(.not(.them("DefectBot")), grade: 1)), [defectBot])

  /// PrudentBot_k = □them(me) ∧ [k]¬them(DefectBot): the DefectBot check in PA + k.
  /// Robust Cooperation, §3 Remark (PrudentBot_2 in the notes); PrudentBot is PrudentBot_1.
  public static func prudentBot(_ k: Int) -> ModalAgent {
    make("PrudentBot_\(k)", .and(.box(.them), .box(.not(.them("DefectBot")), grade: k)), [defectBot])
  }

  /// TrollBot = □them(DefectBot): cooperates iff PA proves the opponent cooperates with DefectBot.
  /// Robust Cooperation, §5 (no modal agent dominates all others).
  public static let trollBot = make("TrollBot", .box(.them("DefectBot")), [defectBot])

  /// JustBot = □them(FairBot): cooperates iff PA proves the opponent cooperates with FairBot.
  /// Robust Cooperation, Algorithm 6 (§5); LaVictoire's notes call it MimicFairBot.
  public static let justBot = make("JustBot", .box(.them("FairBot")), [fairBot])

  /// NiceBot = □them(CooperateBot): cooperates iff PA proves the opponent cooperates with
  /// CooperateBot. modal.hs `niceBot`; the 2015 `Agents.hs` `NB`.
  public static let niceBot = make("NiceBot", .box(.them("CooperateBot")), [cooperateBot])

  /// WaitFairBot_K = ¬□^K⊥ ∧ □(¬□^K⊥ → them(me)): behaves like DefectBot to any proof system
  /// weaker than PA + K and like FairBot in PA + K. Robust Cooperation, §5 (the paper's indexing,
  /// not LaVictoire 2015's); WaitFairBot_1 is modal.hs `waitBot`.
  public static func waitFairBot(_ k: Int) -> ModalAgent {
    make("WaitFairBot_\(k)", .and(.consistency(k), .box(.implies(.consistency(k), .them))))
  }

  /// MagicBot = [1](□me(them) → them(me)). modal.hs `magicBot` (the code version; LaVictoire 2015's
  /// "iff" version □(a ↔ b) is equivalent to FairBot).
  public static let magicBot = make("MagicBot", .box(.implies(.box(.me), .them), grade: 1))

  /// ContrarianBot = ¬□them(me): tries to prove the opponent cooperates; defects if it succeeds and
  /// cooperates otherwise. The post ("Strategic Time Loops").
  public static let contrarianBot = make("ContrarianBot", .not(.box(.them)))

  /// RaifBot = ¬□¬them(me): defects only if it can prove the opponent defects, "the Bizarro version
  /// of FairBot". The post ("Crystal Ball Design"); the modal analogue of Critch's CUPOD.
  public static let raifBot = make("RaifBot", .not(.box(.not(.them))))

  /// UnfairBot = □¬them(me): cooperates iff PA proves the opponent defects against it. A LessWrong
  /// comment on the Robust Cooperation post (id pvNXkvuKGrPZpfcqq); not ContrarianBot.
  public static let unfairBot = make("UnfairBot", .box(.not(.them)))

  /// The library as shown in the matchup matrix, in this order.
  public static let standard: [ModalAgent] = [
    cooperateBot, defectBot, fairBot, fairBot(1), fairBot(2), prudentBot, prudentBot(2), trollBot, justBot, niceBot,
    waitFairBot(1), waitFairBot(2), magicBot, contrarianBot, raifBot, unfairBot,
  ]

  /// The families with a numeric parameter: `FairBot_k`, `PrudentBot_k`, `WaitFairBot_K`.
  public static let families: [(prefix: String, make: @Sendable (Int) -> ModalAgent)] = [
    ("FairBot_", fairBot), ("PrudentBot_", prudentBot), ("WaitFairBot_", waitFairBot),
  ]

  /// The largest parameter a family name may carry.
  public static let largestParameter = 10_000

  /// The library agent named `name` (`FairBot`, `PrudentBot_3`, `WaitFairBot_12`, ...), or nil.
  public static func agent(named name: String) -> ModalAgent? {
    if let agent = standard.first(where: { $0.name == name }) { return agent }
    for family in families where name.hasPrefix(family.prefix) {
      let digits = name.dropFirst(family.prefix.count)
      guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), digits.count <= 6,
        let k = Int(digits), k <= largestParameter, String(k) == digits
      else { return nil }
      return family.make(k)
    }
    return nil
  }

  /// The names the library knows, for messages.
  public static var knownNames: String {
    standard.map(\.name).joined(separator: ", ") + ", and FairBot_k, PrudentBot_k, WaitFairBot_K for k up to \(largestParameter)"
  }
}
