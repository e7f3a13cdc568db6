import GameTheory
import LabKit
import Testing

@testable import IBHaggling

/// The hypotheses as the text defines them, and the enumerated spaces.
@Suite struct HypothesisTests {
  static let C = 0
  static let D = 1

  @Test func spaceCountsMatchTheNotes() throws {
    // The notes' table (§5.2): ⊤ plus h_{p,l} with n, m ≥ 1, n + m ≤ N, all primitive loops.
    let twoByTwo = [2: 9, 3: 49, 4: 249, 5: 1_129, 6: 4_929, 7: 20_569]
    for (n, expected) in twoByTwo {
      #expect(try HypothesisSpace(actionCount: 2, observationCount: 2, options: .init(maximumStates: n)).count == expected)
      #expect(HypothesisSpace.passwordCount(actionCount: 2, observationCount: 2, maximumStates: n) == expected)
    }
    #expect(HypothesisSpace.passwordCount(actionCount: 2, observationCount: 2, maximumStates: 8) == 84_609)
    let threePlayers = [2: 17, 3: 161, 4: 1_457, 5: 12_113]
    for (n, expected) in threePlayers {
      #expect(try HypothesisSpace(actionCount: 2, observationCount: 4, options: .init(maximumStates: n)).count == expected)
    }
    #expect(HypothesisSpace.passwordCount(actionCount: 2, observationCount: 4, maximumStates: 6) == 98_945)
    #expect(HypothesisSpace.passwordCount(actionCount: 2, observationCount: 4, maximumStates: 7) == 795_761)
    // The notes' other table: n ≤ N, m ≤ L with N = L (all rotations; one per necklace).
    let lengths = [1: 9, 2: 97, 3: 1_065, 4: 9_481]
    let necklaces = [1: 9, 2: 61, 3: 421, 4: 2_701]
    for n in 1...4 {
      let bounds = HypothesisSpace.LengthBounds(password: n, loop: n)
      #expect(
        try HypothesisSpace(actionCount: 2, observationCount: 2, options: .init(maximumStates: 2 * n, lengthBounds: bounds)).count == lengths[n])
      #expect(
        try HypothesisSpace(
          actionCount: 2, observationCount: 2,
          options: .init(maximumStates: 2 * n, onePerNecklace: true, lengthBounds: bounds)
        ).count == necklaces[n])
    }
    // 3 players, binary actions, N = L = 3: 7,953 hypotheses.
    let three = HypothesisSpace.LengthBounds(password: 3, loop: 3)
    #expect(try HypothesisSpace(actionCount: 2, observationCount: 4, options: .init(maximumStates: 6, lengthBounds: three)).count == 7_953)
  }

  @Test func primitiveWordCounts() {
    // P(q, m) = Σ_{d|m} μ(d) q^{m/d}: 4, 12, 60, 240 for q = 4; Lyndon words 4, 6, 20, 60.
    #expect((1...4).map { HypothesisSpace.primitiveWords(length: $0, alphabet: 4, onePerNecklace: false).count } == [4, 12, 60, 240])
    #expect((1...4).map { HypothesisSpace.primitiveWords(length: $0, alphabet: 4, onePerNecklace: true).count } == [4, 6, 20, 60])
    #expect(HypothesisSpace.isPrimitive([0, 1, 0]))
    #expect(!HypothesisSpace.isPrimitive([0, 1, 0, 1]))
  }

  @Test func passwordTransitionsFollowTheText() throws {
    // p = (D, C), l = ((C, C), (C, D)): states s₀, s₁, l₁, l₂.
    let h = try SharpInfraRDP.password([Self.D, Self.C], loop: [(Self.C, Self.C), (Self.C, Self.D)], actionCount: 2, observationCount: 2)
    #expect(h.stateCount == 4)
    #expect(h.nextState(0, Self.D, Self.C) == 1)  // s₀ →p₁ s₁
    #expect(h.nextState(1, Self.C, Self.D) == 2)  // s₁ = s_{n−1} →p_n l₁
    #expect(h.nextState(2, Self.C, Self.C) == 3)  // l₁ → l₂ (the text's "k < m − 1" read as k < m)
    #expect(h.nextState(3, Self.C, Self.D) == 2)  // l_m → l₁
    #expect(h.nextState(2, Self.D, Self.D) == 0)  // own deviation in the deal restarts at s₀
    #expect(h.possibleObservations(state: 2, action: Self.C) == [Self.C])
    #expect(h.possibleObservations(state: 2, action: Self.D) == [Self.C, Self.D])
    #expect(h.possibleObservations(state: 0, action: Self.D) == [Self.C, Self.D])
    // No prefix overlap: typing D, D, C does not enter the password D C.
    #expect(h.state(after: [(Self.D, 0), (Self.D, 0), (Self.C, 0)]) == 0)
    #expect(h.state(after: [(Self.D, 0), (Self.C, 0)]) == 2)
    // Observations outside B falsify only in deal states.
    #expect(h.state(after: [(Self.D, 1), (Self.C, 1), (Self.C, 1)]) == nil)
    #expect(h.isResettable)
    #expect(h.isActionDriven)
  }

  @Test func simplePasswordIsTheOneStepLoopCase() throws {
    // h_p ≅ h_{p,l} with l = ((a_i, a_{−i})): the same falsifications and states on every history.
    let random = Random(seed: 7)
    for n in 1...4 {
      let p = (0..<n).map { _ in random.index(below: 2) }
      let hp = try SharpInfraRDP.simplePassword(p, paretoAction: 0, paretoObservation: 0, actionCount: 2, observationCount: 2)
      let hpl = try SharpInfraRDP.password(p, loop: [(0, 0)], actionCount: 2, observationCount: 2)
      #expect(hp.stateCount == n + 1 && hpl.stateCount == n + 1)
      for _ in 0..<200 {
        let history = (0..<12).map { _ in (action: random.index(below: 2), observation: random.index(below: 2)) }
        #expect(hp.state(after: history) == hpl.state(after: history))
      }
    }
  }

  @Test func spaceTablesAgreeWithTheDefinitions() throws {
    // Every hypothesis of a small space, tracked from its compact table, against SharpInfraRDP.state(after:).
    let space = try HypothesisSpace(actionCount: 2, observationCount: 2, options: .init(maximumStates: 5, opponentCycles: true))
    let random = Random(seed: 3)
    let histories = (0..<20).map { _ in (0..<15).map { _ in (action: random.index(below: 2), observation: random.index(below: 2)) } }
    for h in 0..<space.count {
      let rdp = space.hypothesis(h)
      for history in histories {
        var s = 0
        var alive = true
        for (a, o) in history where alive {
          let entry = space.table[(h * space.stateStride + s) * 2 + a]
          let code = Int(entry & 0xFF)
          if code != 0xFF && code != o { alive = false } else { s = Int(entry >> 8) }
        }
        #expect((alive ? s : nil) == rdp.state(after: history), "\(space.label(h))")
      }
    }
  }

  @Test func descriptionLengthsFollowTheNotes() throws {
    #expect((0...7).map { HypothesisSpace.lengthCode($0) } == [1, 3, 3, 5, 5, 5, 5, 7])
    let space = try HypothesisSpace(actionCount: 2, observationCount: 2, options: .init(maximumStates: 4))
    #expect(space.complexity(0) == 1)
    // n = 1, m = 1: E(1) + 1 + E(1) + 2 = 9 bits.
    let first = (1..<space.count).first { space.password($0).count == 1 && space.loop($0).count == 1 }!
    #expect(space.complexity(first) == 9)
  }

  @Test func exampleProcesses() throws {
    let tft = ExampleProcesses.titForTat
    #expect(tft.isDeterministic)
    #expect(tft.sharpInfraRDP == (try SharpInfraRDP.opponent(.titForTat)))
    let grim = try SharpInfraRDP.opponent(.grudger)
    #expect(!grim.isResettable)
    #expect(grim.resetPolicy()[1] == nil)
    #expect(tft.sharpInfraRDP.isResettable)
    let ε = try ExampleProcesses.epsilonDefect(0.1)
    #expect(!ε.isDeterministic)
    #expect(ε.sharpInfraRDP == .top(actionCount: 2, observationCount: 2))
    #expect(throws: LabError.self) { try SharpInfraRDP.password([], loop: [(0, 0)], actionCount: 2, observationCount: 2) }
    #expect(throws: LabError.self) { try SharpInfraRDP.password([0], loop: [], actionCount: 2, observationCount: 2) }
    #expect(throws: LabError.self) { try SharpInfraRDP.opponent(.random) }
  }
}
