import GameTheory
import LabKit
import Testing

@testable import IBHaggling

/// Step 2's fast tracking (member-ordered tables, parked password phases, the shared last attempt)
/// against the definitions: each hypothesis materialised as a ``SharpInfraRDP`` and run through the
/// history, and the prior conditioned on the best group drawn with `Random.categorical`.
@Suite struct TrackingTests {
  /// Literal and relaxed PD spaces and the 3-player cake-splitting space, with every second member
  /// left out (so that member order and hypothesis id differ).
  static func specs() throws -> [HagglerSpec] {
    let pd = HagglingGames.prisonersDilemma()
    let cake = HagglingGames.cakeSplitting()
    var specs: [HagglerSpec] = []
    for (game, options) in [
      (pd, HypothesisSpace.Options(maximumStates: 5, opponentCycles: true)),
      (pd, HypothesisSpace.Options(maximumStates: 4, relaxedRewards: try AgentView(game: pd, player: 0).reward)),
      (cake, HypothesisSpace.Options(maximumStates: 4)),
    ] {
      let view = try AgentView(game: game, player: 0)
      let space = try HypothesisSpace(actionCount: view.actionCount, observationCount: view.observationCount, options: options)
      let valuation = try HypothesisValuation(space: space, view: view)
      specs.append(HagglerSpec(valuation: valuation, view: view))
      specs.append(HagglerSpec(valuation: valuation, view: view) { $0 % 2 == 1 })
    }
    return specs
  }

  @Test func memberTablesAreTheSpaceRowsInMemberOrder() throws {
    for spec in try Self.specs() {
      let space = spec.valuation.space
      let width = space.stateStride * space.actionCount
      #expect(spec.tables.rowWidth == width)
      #expect(spec.tables.rows.count == spec.count * width)
      for (k, h) in spec.members.enumerated() {
        #expect(Array(spec.tables.rows[k * width..<(k + 1) * width]) == Array(space.table[Int(h) * width..<(Int(h) + 1) * width]))
        #expect(spec.tables.passwords[k] == space.passwordIDs[Int(h)])
      }
    }
  }

  @Test func selectionEqualsTheDefinitionOnRandomHistories() throws {
    let random = Random(seed: 31)
    for spec in try Self.specs() {
      let space = spec.valuation.space
      let hypotheses = spec.members.map { space.hypothesis(Int($0)) }
      for trial in 0..<4 {
        // One observation only in the first two trials, so that some deals hold for a while.
        let history = (0..<80).map { _ in
          (action: random.index(below: space.actionCount), observation: random.index(below: trial < 2 ? 1 : space.observationCount))
        }
        var agent = HagglerState(spec: spec, capacity: history.count)
        for now in stride(from: 0, through: history.count, by: 1 + trial * 3) {
          agent.actions = history[..<now].map { UInt8($0.action) }
          agent.observations = history[..<now].map { UInt8($0.observation) }
          let expected = Self.reference(spec, hypotheses, Array(history[..<now]), seed: UInt32(100 * trial + now))
          let chosen = agent.select(now: now, random: Random(seed: UInt32(100 * trial + now)))
          #expect(chosen == expected.chosen)
          #expect(Int(agent.state[chosen]) == expected.states[chosen])
          #expect(agent.action == spec.valuation.action(Int(spec.members[chosen]), state: expected.states[chosen]!))
        }
        // Every member brought up to date (parked ones too) is where the definition puts it.
        agent.actions = history.map { UInt8($0.action) }
        agent.observations = history.map { UInt8($0.observation) }
        let reference = Self.reference(spec, hypotheses, history, seed: 0)
        for k in 0..<spec.count {
          let alive = agent.catchUp(k, to: history.count)
          #expect((alive ? Int(agent.state[k]) : nil) == reference.states[k])
        }
      }
    }
  }

  /// Each member's state after `history` by its materialised hypothesis (nil: falsified), and the
  /// member step 2 draws: the prior on the best group with a consistent member, one categorical draw.
  static func reference(
    _ spec: HagglerSpec, _ hypotheses: [SharpInfraRDP], _ history: [(action: Int, observation: Int)], seed: UInt32
  ) -> (chosen: Int, states: [Int?]) {
    let states = hypotheses.map { $0.state(after: history) }
    for g in 0..<spec.groupStarts.count - 1 {
      let alive = (Int(spec.groupStarts[g])..<Int(spec.groupStarts[g + 1])).filter { states[$0] != nil }
      if !alive.isEmpty { return (alive[Random(seed: seed).categorical(alive.map { spec.weights[$0] })], states) }
    }
    preconditionFailure("⊤ is never falsified")
  }
}
