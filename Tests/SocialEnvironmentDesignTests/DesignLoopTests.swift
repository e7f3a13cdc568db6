import Foundation
import Testing

@testable import LabKit
@testable import SocialEnvironmentDesign

/// The design loop of `sed.principal-improves`: tax periods settled with redistribution, the PPO
/// principal, the negative control and determinism.
@Suite struct DesignLoopTests {
  /// Rates (0.1, 0.2, 0.3) on τ = (0, 10, 20, 10000): T(5) = 0.5, T(15) = 1 + 1 = 2, T(25) = 1 + 2 + 1.5 = 4.5,
  /// T(0) = 0 (notes §7.2's vectors); collected 7, equal share 7/4 = 1.75.
  @Test func handComputedBracketsWithAndWithoutRedistribution() {
    let apples: [Double] = [5, 15, 25, 0]
    let shared = PeriodSettlement(apples: apples, rates: [0.1, 0.2, 0.3], redistribution: .equalShares)
    #expect(shared.taxes == [0.5, 2, 4.5, 0])
    #expect(shared.collected == 7 && shared.share == 1.75)
    #expect(shared.postTax == [6.25, 14.75, 22.25, 1.75])
    let kept = PeriodSettlement(apples: apples, rates: [0.1, 0.2, 0.3], redistribution: .none)
    #expect(kept.share == 0 && kept.postTax == [4.5, 13, 20.5, 0])
    // (0.5, 0.25, 1): T(30) = 5 + 2.5 + 10 = 17.5; T(12) = 5 + 0.5 = 5.5.
    #expect(PeriodSettlement(apples: [30, 12], rates: [0.5, 0.25, 1], redistribution: .none).taxes == [17.5, 5.5])
    // (1, 1, 1) takes everything; shared, everyone ends with the mean.
    #expect(PeriodSettlement(apples: [12, 3], rates: [1, 1, 1], redistribution: .none).postTax == [0, 0])
    #expect(PeriodSettlement(apples: [12, 3], rates: [1, 1, 1], redistribution: .equalShares).postTax == [7.5, 7.5])
  }

  /// Σ post-tax = Σ pre-tax for every schedule on the rate grid's corners and random integer incomes.
  @Test func redistributionConservesApples() {
    let random = Random(seed: 11)
    for _ in 0..<500 {
      let apples = (0..<7).map { _ in Double(Int(random.uniform() * 40)) }
      let rates = (0..<3).map { _ in RateGrid.levels[Int(random.uniform() * 11)] }
      let s = PeriodSettlement(apples: apples, rates: rates, redistribution: .equalShares)
      #expect(abs(s.postTax.reduce(0, +) - apples.reduce(0, +)) < 1e-9)
      #expect(abs(s.collected - s.taxes.reduce(0, +)) < 1e-12)
    }
  }

  static func settings(rounds: Int = 2, reset: OrchardReset = .everyHorizon, redistribution: RedistributionMode = .equalShares) -> DesignLoopSettings
  {
    var s = DesignLoopSettings(rounds: rounds, reset: reset)
    s.roundLength = 200
    s.redistribution = redistribution
    s.players.hyperparameters.learningRate = 3e-3
    return s
  }

  static func run(_ principal: any DesignPrincipal, _ settings: DesignLoopSettings, eta: Double = 0.5) throws -> [DesignRound] {
    var p = principal
    let types = PlayerType.uniform(7, Random(seed: 5))
    return try DesignLoop.run(
      configuration: AppleGameConfiguration(), types: types, eta: eta, settings: settings, principal: &p, random: Random(seed: 6),
      principalRandom: Random(seed: 7))
  }

  /// In the loop, every round conserves apples under equal shares, the objective is O_η on post-tax
  /// apples, and a schedule of zeros reproduces no tax exactly (the players' stream is the principal's
  /// only difference).
  @Test func loopConservesAndPairsStreams() throws {
    let flat = try Self.run(ScheduledPrincipal(FixedPrincipal([0.5, 0.5, 0.5], name: "flat")), Self.settings())
    for round in flat {
      #expect(abs(round.postTax.reduce(0, +) - round.apples.reduce(0, +)) < 1e-9)
      #expect(abs(round.objective - WelfareObjective.interpolation(eta: 0.5).value(round.postTax)) < 1e-12)
      #expect(round.meanRates == [0.5, 0.5, 0.5])
    }
    #expect(flat.contains { $0.collected > 0 })
    let none = try Self.run(ScheduledPrincipal(NoTaxPrincipal()), Self.settings())
    let zeros = try Self.run(ScheduledPrincipal(FixedPrincipal([0, 0, 0], name: "zeros")), Self.settings())
    #expect(none == zeros)
    #expect(none.allSatisfy { $0.apples == $0.postTax && $0.collected == 0 })
  }

  /// The control's lever reversed: (1, 1, 1) without redistribution leaves 0 post-tax apples in every
  /// round though apples are collected, so O_η after tax is 0 (before tax it is not).
  @Test func controlTaxesEverythingAway() throws {
    let rounds = try Self.run(
      ScheduledPrincipal(FixedPrincipal([1, 1, 1], name: "all")), Self.settings(reset: .everyRound, redistribution: .none))
    #expect(rounds.allSatisfy { $0.postTax.allSatisfy { $0 == 0 } && $0.objective == 0 })
    #expect(rounds.contains { $0.apples.reduce(0, +) > 0 })
  }

  /// The PPO principal on a tiny case: 10 periods a round, each rewarded with the sum of the three
  /// rates set (γ = 0, so a period's advantage is its own reward minus V). After 60 rounds its
  /// probability of the top level exceeds the initial ≈ 1/11 several times over, and the mean rate
  /// rises well above the initial ≈ 0.5.
  @Test func ppoPrincipalLearnsToRaiseRatesWhenRewarded() throws {
    var principal = try PPOPrincipal(players: 2, periods: 10, rounds: 60, learningRate: 0.01, gamma: 0, random: Random(seed: 3))
    let random = Random(seed: 4)
    let observation: [Double] = [0, 0, 1, 0]
    func meanTop() -> (rate: Double, top: Double) {
      let output = principal.learner.policy.network.forward(PPOPrincipal.rows(observation), rows: 3).output
      var rate = 0.0, top = 0.0
      for b in 0..<3 {
        let logits = Array(output[(b * 12)..<(b * 12 + 11)])
        let m = logits.max()!
        let e = logits.map { Foundation.exp($0 - m) }
        let s = e.reduce(0, +)
        rate += zip(e, RateGrid.levels).reduce(0) { $0 + $1.0 / s * $1.1 } / 3
        top += e[10] / s / 3
      }
      return (rate, top)
    }
    let before = meanTop()
    #expect(abs(before.rate - 0.5) < 0.1)
    for _ in 0..<60 {
      for _ in 0..<10 {
        let rates = principal.decide(observation: observation, random: random)
        #expect(rates.count == 3 && rates.allSatisfy { RateGrid.levels.contains($0) })
        principal.reward(rates.reduce(0, +))
      }
      principal.finishRound(objective: 0, random: random)
    }
    let after = meanTop()
    #expect(after.rate > before.rate + 0.2, "mean rate \(before.rate) → \(after.rate)")
    #expect(after.top > 3 * before.top, "P(top level) \(before.top) → \(after.top)")
    #expect(principal.learner.updates == 60)
  }

  /// Same seed, same rounds, whatever the jobs; the control flips the verdict (it fails) at smoke scale.
  @Test func principalsDeterministicAcrossJobsAndControlFails() throws {
    let experiment = PrincipalsExperiment()
    let parameters = try Parameters(experiment.parameters, scale: .smoke)
    let one = try experiment.simulate(in: RunContext(experimentID: experiment.id, scale: .smoke, seed: 1, parameters: parameters, jobs: 1))
    let two = try experiment.simulate(in: RunContext(experimentID: experiment.id, scale: .smoke, seed: 1, parameters: parameters, jobs: 2))
    #expect(one.runs == two.runs && one.control == two.control)
    #expect(one.control!.allSatisfy { $0.allSatisfy { $0.objective == 0 } })
    let control = try PrincipalsExperiment.controlDifference(one)
    #expect(Headline.comparing(control, .above(0)) == .fails, "control interval \(control.lower) … \(control.upper)")
  }
}
