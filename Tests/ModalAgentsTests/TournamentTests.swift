import Testing

@testable import ModalAgents

@Suite struct TournamentTests {
  @Test func enumerationCountsAndProperties() {
    let bySize = RankZeroEnumerator.formulasBySize(upTo: 6)
    #expect(bySize.map(\.count) == [2, 6, 14, 58, 242, 1038])
    for (index, formulas) in bySize.enumerated() {
      #expect(formulas.allSatisfy { $0.size == index + 1 && $0.isFullyModalized })
      #expect(Set(formulas).count == formulas.count)
    }
    let all = bySize.flatMap { $0 }
    // No double negation, no φ ∧ φ, and only one order of each commutative pair.
    for f in all {
      if case .not(.not) = f { Issue.record("double negation \(f)") }
      if case .and(let a, let b) = f, a == b { Issue.record("\(f)") }
    }
    let set = Set(all)
    for f in all {
      if case .and(let a, let b) = f, a.size == b.size, set.contains(.and(b, a)) { Issue.record("both orders of \(f)") }
    }
    #expect(
      Array(all.prefix(12)).map(\.description) == [
        "⊤", "⊥", "¬⊤", "¬⊥", "□⊤", "□⊥", "□me(them)", "□them(me)", "¬□⊤", "¬□⊥", "¬□me(them)", "¬□them(me)",
      ])
    #expect(RankZeroEnumerator.firstAgents(1000).count == 1000)
    #expect(RankZeroEnumerator.firstAgents(1000).last!.name == "E1000")
  }

  @Test func fastTournamentAgreesWithTheWorldByWorldEvaluator() throws {
    let L = AgentLibrary.self
    // The first 120 enumerated agents, the rank-0 library, and agents near and beyond the 64-world window.
    let agents =
      Array(RankZeroEnumerator.firstAgents(120)) + L.standard.filter { $0.rank == 0 }
      + [L.waitFairBot(20), L.waitFairBot(61), L.waitFairBot(70), L.fairBot(62), L.fairBot(63), L.fairBot(80)]
    let tournament = try RankZeroTournament(agents)
    let n = agents.count
    // WaitFairBot_61 settles by world 62; WaitFairBot_70 and grades above 62 do not fit the window.
    #expect(tournament.settlesInWindow(n - 5, n - 5))
    #expect(!tournament.settlesInWindow(n - 4, n - 4))
    #expect(tournament.settlesInWindow(n - 3, 0))
    #expect(!tournament.settlesInWindow(n - 2, 0) && !tournament.settlesInWindow(0, n - 1))
    let matrix = tournament.matrix()
    for i in agents.indices {
      for j in agents.indices {
        let m = try Competition(agents[i], agents[j]).solve()
        #expect(matrix[i][j] == (m.firstMove == .cooperate), "\(agents[i]) vs \(agents[j])")
        if (i * 31 + j) % 7 == 0 {
          let o = tournament.outcome(i, j)
          #expect(o.first == m.solution.value(m.firstVariable) && o.second == m.solution.value(m.secondVariable))
          #expect(o.firstProvable == m.solution.isProvable(m.firstVariable))
          #expect(o.secondProvable == m.solution.isProvable(m.secondVariable))
        }
      }
    }
  }

  @Test func benchmarkPopulationSampleAgreesAndCounts() throws {
    let agents = RankZeroEnumerator.firstAgents(1000)
    let tournament = try RankZeroTournament(agents)
    // A deterministic sample of 4000 ordered pairs of the benchmark's 10^6.
    for k in 0..<4000 {
      let i = (k * 7919) % 1000
      let j = (k * 104_729 + 13) % 1000
      let (a, b) = tournament.play(i, j)
      let m = try Competition(agents[i], agents[j]).solve()
      #expect(a == (m.firstMove == .cooperate) && b == (m.secondMove == .cooperate), "\(agents[i].formula) vs \(agents[j].formula)")
    }
    // Every pair of the first 200 is decided inside the 64-world window (no fallback).
    for i in 0..<200 {
      for j in 0..<200 { #expect(tournament.settlesInWindow(i, j)) }
    }
    // The benchmark's unit of work wraps around the ordered pairs.
    #expect(tournament.playOrderedPairs(0) == 0)
    #expect(tournament.playOrderedPairs(1000) == tournament.playOrderedPairs(1000))
    // All 10^6 ordered pairs, summing 2 × [first cooperates] + [second cooperates]: the reference
    // Haskell program (machine-intelligence/provability, the 2013 modal.hs's `compete`, run on the
    // same 1000 formulas in the same order when it was timed beside the benchmark; README,
    // Benchmarks) gave the same sum.
    #expect(tournament.playOrderedPairs(1_000_000) == 1_490_496)
  }

  @Test func tournamentTakesRankZeroAgentsOnly() {
    #expect(throws: ModalDefinitionError.self) { try RankZeroTournament([AgentLibrary.fairBot, AgentLibrary.prudentBot]) }
  }
}
