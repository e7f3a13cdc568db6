import GameTheory
import LabKit
import Testing

@testable import SimilarityCooperation

@Suite struct DiffMetaGameTests {
  static let pd = NormalFormGame.prisonersDilemma(donation: 3)
  static let cooperate = MixedStrategy.pure(0, count: 2)
  static let defect = MixedStrategy.pure(1, count: 2)

  @Test func stepPoliciesCooperateUpToAndIncludingTheirThreshold() throws {
    let policy = StepPolicy.threshold(0.5)
    #expect(policy.action(at: 0.5) == Self.cooperate)
    #expect(policy.action(at: 0.5000001) == Self.defect)
    #expect(policy.action(at: -3) == Self.cooperate)
    let three = try StepPolicy(breakpoints: [0, 1], actions: [Self.cooperate, try MixedStrategy([0.5, 0.5]), Self.defect])
    #expect(
      three.interval(of: -1) == 0 && three.interval(of: 0) == 0 && three.interval(of: 0.3) == 1 && three.interval(of: 1) == 1
        && three.interval(of: 2) == 2)
    #expect(StepPolicy.threshold(-.infinity) == .constant(Self.defect) && StepPolicy.threshold(.infinity) == .constant(Self.cooperate))
    // Labels do not take part in identity.
    #expect(StepPolicy.threshold(0.5) == StepPolicy.threshold(0.5, below: Self.cooperate, above: Self.defect, label: "other"))
  }

  @Test func badPoliciesAreRefusedWithTheirPlace() {
    #expect(throws: LabError.self) { try StepPolicy(breakpoints: [1, 0], actions: [Self.cooperate, Self.defect, Self.defect]) }
    #expect(throws: LabError.self) { try StepPolicy(breakpoints: [0], actions: [Self.cooperate]) }
    #expect(throws: LabError.self) { try StepPolicy(breakpoints: [.nan], actions: [Self.cooperate, Self.defect]) }
    #expect(throws: LabError.self) { try StepPolicy(breakpoints: [], actions: [MixedStrategy.pure(0, count: 3)]).validatedAgainst(Self.pd) }
  }

  @Test func atomsGiveExactUtilities() throws {
    // Observations (0, 1) with probability 1/4 and (1, 0) with 3/4; thresholds at 1/2.
    let diff = DiffFunction<StepPolicy>(name: "fixed") { _, _ in .atoms([.init(0, 1, probability: 0.25), .init(1, 0, probability: 0.75)]) }
    let meta = try DiffMetaGame(game: Self.pd, diff: diff)
    let policy = StepPolicy.threshold(0.5)
    let outcome = try meta.outcome(policy, policy)
    // (C, D) with 1/4, (D, C) with 3/4.
    #expect(outcome.probabilities == [[0, 0.25], [0.75, 0]])
    let utilities = try meta.utilities(policy, policy)
    #expect(utilities == [0.25 * 0 + 0.75 * 4, 0.25 * 4 + 0.75 * 0])
    // Payoffs follow the donation identity G·p_other + 1 − p_self.
    #expect(abs(utilities[0] - (3 * 0.75 + 1 - 0.25)) < 1e-15)
  }

  @Test func deviationsAreCheckedAgainstTheStatedClass() throws {
    // A diff that rewards copying: identical policies observe 0, others 1. Thresholds at 1/2 then make
    // "cooperate with copies" an equilibrium against constant policies and other thresholds.
    let diff = DiffFunction<StepPolicy>(name: "0 for copies") { a, b in a == b ? .point(0, 0) : .point(1, 1) }
    let meta = try DiffMetaGame(game: Self.pd, diff: diff)
    let policy = StepPolicy.threshold(0.5)
    let constants = DeviationClass<StepPolicy>.constantPureActions(Self.pd) { _, action in .constant(.pure(action, count: 2)) }
    #expect(try meta.isNashEquilibrium((policy, policy), against: constants))
    let gains = try meta.deviationGains((policy, policy), against: constants)
    #expect(gains.allSatisfy { $0.gain == 0 && $0.deviation == nil })
    // Against always-cooperate, defecting gains 1.
    let cooperator = StepPolicy.constant(Self.cooperate)
    let exploit = try meta.deviationGains((cooperator, cooperator), against: constants)
    #expect(exploit[0].gain == 1 && exploit[0].deviation == .constant(Self.defect))
  }

  @Test func samplersAreOnlySimulated() throws {
    let diff = DiffFunction<StepPolicy>(name: "sampler") { _, _ in .sampled { random in (random.uniform(), random.uniform()) } }
    let meta = try DiffMetaGame(game: Self.pd, diff: diff)
    let policy = StepPolicy.threshold(0.25)
    #expect(throws: LabError.self) { try meta.utilities(policy, policy) }
    let estimate = try meta.simulate(policy, policy, samples: 100_000, random: Random(seed: 2), level: 0.999)
    #expect(estimate.firstActionFrequencies[0].contains(0.25) && estimate.utilities[0].contains(3 * 0.25 + 1 - 0.25))
  }

  @Test func metaGamesNeedTwoPlayersAndFittingPolicies() throws {
    let diff = DiffFunction<StepPolicy>(name: "zero") { _, _ in .point(0, 0) }
    #expect(throws: LabError.self) { try DiffMetaGame(game: .random(actionCounts: [2, 2, 2], seed: 1), diff: diff) }
    let meta = try DiffMetaGame(game: Self.pd, diff: diff)
    #expect(throws: LabError.self) { try meta.utilities(.constant(.pure(0, count: 3)), .constant(Self.cooperate)) }
    let bad = DiffFunction<StepPolicy>(name: "bad") { _, _ in .atoms([.init(0, 0, probability: 0.5)]) }
    #expect(throws: LabError.self) { try DiffMetaGame(game: Self.pd, diff: bad).utilities(.constant(Self.cooperate), .constant(Self.cooperate)) }
  }
}

extension StepPolicy {
  /// For the test above: a policy over the wrong number of actions is refused when used in a meta game.
  fileprivate func validatedAgainst(_ game: NormalFormGame) throws {
    let meta = try DiffMetaGame(game: game, diff: DiffFunction<StepPolicy>(name: "zero") { _, _ in .point(0, 0) })
    _ = try meta.utilities(self, .constant(.pure(0, count: 2)))
  }
}
