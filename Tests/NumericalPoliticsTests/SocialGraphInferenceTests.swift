import Foundation
import LabKit
import Testing

@testable import NumericalPolitics

/// Chapter 3 (§3.1–§3.1.2): the public buffer's empirical policy, the conformist/deviant model and the
/// `np.ch3-inference` experiment.
@Suite struct SocialGraphInferenceTests {
  // MARK: - The prior P(Δ) and the LabKit candidates

  @Test func deviantPriorHasTheBetaMoments() throws {
    // n = 4: mean 2/7, variance 2·5/(7²·8) = 10/392, mode 1/5; P(0.3) = 5·6·0.3·0.7⁴ = 2.1609.
    let prior = try DeviantPrior(shape: 4)
    #expect(abs(prior.mean - 2.0 / 7) < 1e-15)
    #expect(abs(prior.variance - 10.0 / 392) < 1e-15)
    #expect(prior.mode == 0.2)
    #expect(abs(prior.density(0.3) - 2.1609) < 1e-12)
    #expect(abs(prior.beta.density(0.3) - 2.1609) < 1e-12)
    #expect(abs(prior.logDensity(0.3) - log(2.1609)) < 1e-12)
    #expect(prior.posteriorMode(deviants: 3, players: 10) == 4.0 / 15)
    let integral = try Quadrature.integrate(over: 0...1) { prior.density($0) }
    #expect(abs(integral.value - 1) < 1e-12)
    let mean = try Quadrature.integrate(over: 0...1) { $0 * prior.density($0) }
    #expect(abs(mean.value - 2.0 / 7) < 1e-12)
  }

  @Test func quadratureAndDirichletGiveKnownValues() throws {
    #expect(abs(try Quadrature.integrate(over: 0...1) { $0 * $0 }.value - 1.0 / 3) < 1e-14)
    // An integrable end-point singularity: ∫₀¹ x^(−1/2) dx = 2.
    #expect(abs(try Quadrature.integrate(over: 0...1) { 1 / $0.squareRoot() }.value - 2) < 1e-10)
    let random = Random(seed: 7)
    for _ in 0..<100 {
      let theta = random.dirichlet([1, 2, 3, 0.5])
      #expect(theta.count == 4 && theta.allSatisfy { $0 >= 0 } && abs(theta.reduce(0, +) - 1) < 1e-12)
    }
    // The mean of Dirichlet(1, 3) is (1/4, 3/4): 20,000 draws, 5 standard errors (sd of Beta(1, 3) = 0.19).
    let draws: [Double] = (0..<20_000).map { _ in random.dirichlet([1, 3])[0] }
    let sampleMean: Double = draws.reduce(0, +) / 20_000
    let allowed: Double = 5 * 0.194 / 20_000.0.squareRoot()
    #expect(abs(sampleMean - 0.25) < allowed)
  }

  @Test func badInputIsRejectedWithItsPlace() throws {
    #expect(throws: LabError.self) { try DeviantPrior(shape: -1) }
    #expect(throws: LabError.self) { try BetaDistribution(0, 1) }
    #expect(throws: LabError.self) { try Quadrature.integrate(over: 0...Double.infinity) { $0 } }
    #expect(throws: LabError.self) { try Quadrature.integrate(over: 0...1, relativeTolerance: 0) { $0 } }
    let tooLong = [EncounterMove](repeating: .sayOne, count: 9)
    do {
      _ = try NormInference.checkedEstimate([[.goodbye], tooLong], maximumMoves: 8, priorShape: 2)
      Issue.record("a 9-move history was accepted")
    } catch let error as LabError {
      #expect(error.description.contains("history 1") && error.description.contains("9 moves"))
    }
    #expect(throws: LabError.self) { try NormInference.checkedEstimate([[]], maximumMoves: 8, priorShape: 2) }
    #expect(throws: LabError.self) { try NormInference.checkedEstimate([[.goodbye]], maximumMoves: 8, priorShape: -0.5) }
    #expect(EncounterPlay.problem(with: [.goodbye, .sayOne], maximumMoves: 8) != nil)  // ended at move 1
    #expect(EncounterPlay.problem(with: [.sayOne, .goodbye, .goodbye], maximumMoves: 8) == nil)
    #expect(throws: LabError.self) { try Chapter3InferenceExperiment().run(scale: .smoke, overrides: ["priorShape": "-1"]) }
  }

  // MARK: - The empirical policy

  @Test func empiricalPolicyCountsAndSmoothsAHandMadeBuffer() {
    var empirical = EmpiricalPolicy(maximumMoves: 8)
    empirical.record([.sayOne, .giveCorn, .giveLabour, .goodbye, .goodbye])
    empirical.record([.sayOne, .goodbye, .goodbye][...])
    empirical.record([.goodbye])
    let root = HistoryCode(position: 0, last: nil)
    let afterHello = HistoryCode(position: 1, last: .sayOne)
    #expect(empirical.historyCount == 3)
    #expect(empirical.count(at: root) == 3)
    #expect(empirical.count(at: afterHello) == 2)
    #expect(empirical.count(at: HistoryCode(position: 2, last: .goodbye)) == 1)
    // Add-½: root has say 1 twice, goodbye once: (2 + ½)/(3 + 7/2) = 5/13; unseen move ½/(13/2) = 1/13.
    #expect(abs(empirical.probability(of: .sayOne, at: root) - 5.0 / 13) < 1e-15)
    #expect(abs(empirical.probability(of: .hit, at: root) - 1.0 / 13) < 1e-15)
    #expect(abs(empirical.probability(of: .giveCorn, at: afterHello) - 1.5 / 5.5) < 1e-15)
    #expect(empirical.probability(of: .hit, at: HistoryCode(position: 5, last: .hit)) == 1.0 / 7)  // never visited
    let policy = empirical.policy()
    #expect(policy.probability(of: .sayOne, at: root) == empirical.probability(of: .sayOne, at: root))
    #expect(abs(policy.distribution(at: afterHello).reduce(0, +) - 1) < 1e-15)
    var raw = EmpiricalPolicy(maximumMoves: 8, smoothing: 0)
    raw.record([.sayOne, .goodbye, .goodbye])
    raw.record([.goodbye])
    raw.record([.sayOne, .sayOne, .goodbye, .goodbye])
    #expect(raw.probability(of: .sayOne, at: root) == 2.0 / 3)
    #expect(raw.probability(of: .goodbye, at: afterHello) == 0.5)
    raw.removeAll()
    #expect(raw.historyCount == 0 && raw.count(at: root) == 0 && raw.probability(of: .sayOne, at: root) == 1.0 / 7)
  }

  @Test func nodeVisitsOfTheTradeNormByHand() {
    let norm = TradeNorm.policy(maximumMoves: 8)
    let reach = NodeVisits.reach(norm, norm, maximumMoves: 8)
    // Position 0: say 1 0.7, say 0 0.1, goodbye 0.2 (which ends the encounter).
    #expect(abs(reach[HistoryCode(position: 1, last: .sayOne).index] - 0.7) < 1e-15)
    #expect(abs(reach[HistoryCode(position: 1, last: .sayZero).index] - 0.1) < 1e-15)
    #expect(reach[HistoryCode(position: 1, last: .goodbye).index] == 0)
    // (2, give corn) = 0.7 · 0.6; (2, goodbye) = 0.7 · 0.2 + 0.1 · 0.8 (a first goodbye does not end it).
    #expect(abs(reach[HistoryCode(position: 2, last: .giveCorn).index] - 0.42) < 1e-15)
    #expect(abs(reach[HistoryCode(position: 2, last: .goodbye).index] - 0.22) < 1e-15)
    // A population of one policy behaves as that policy wherever it goes.
    let single = NodeVisits.populationBehaviour([norm], weights: [1], maximumMoves: 8)
    #expect(NodeVisits.weightedTotalVariation(single.behaviour, norm, weights: single.visits) < 1e-15)
  }

  // MARK: - The uninformative prior

  @Test func independentNodePriorIsExactlyUninformativeAndTheControlIsNot() {
    for history in UninformativePrior.openHistories(upTo: 3, maximumMoves: 8) {
      #expect(UninformativePrior.exactPredictive(history, kind: .independentNodes).allSatisfy { $0 == 1.0 / 7 })
    }
    // Control, H = (say 1, say 1, say 1): the next mover (position 3, the initiator) said 1 once before,
    // so the Dirichlet(1) posterior of its one row is Dirichlet(2, 1, …) and P(say 1 | H) = 2/8.
    let control = UninformativePrior.exactPredictive([.sayOne, .sayOne, .sayOne], kind: .stationary)
    #expect(control[EncounterMove.sayOne.rawValue] == 0.25 && control[EncounterMove.hit.rawValue] == 0.125)
  }

  @Test func monteCarloDetectsTheStationaryControl() {
    let history = [EncounterMove](repeating: .sayOne, count: 7)  // the initiator said 1 three times: exact 4/10
    let z = UninformativePrior.bonferroniQuantile(level: 0.99, comparisons: 14)
    let random = Random(seed: 11)
    let uninformative = UninformativePrior.monteCarlo([history], kind: .independentNodes, samples: 5000, maximumMoves: 8, random: random)[0]
    let control = UninformativePrior.monteCarlo([history], kind: .stationary, samples: 5000, maximumMoves: 8, random: random)[0]
    for k in 0..<7 { #expect(abs(uninformative.predictive[k] - 1.0 / 7) <= z * uninformative.standardErrors[k]) }
    let hello = EncounterMove.sayOne.rawValue
    #expect(abs(control.predictive[hello] - 1.0 / 7) > z * control.standardErrors[hello])
    #expect(abs(control.predictive[hello] - 0.4) <= z * control.standardErrors[hello])
  }

  // MARK: - Separation of the posterior

  @Test func posteriorSeparatesOnAHandCheckedTwoByTwoInstance() {
    // One state each (k = 1), H = (say 1, give corn). First mover: π_x1(say 1 | root) = 1/2, π_x2 = 1/4,
    // prior ½, ½ → P(x1 | H) = (½·½)/(½·½ + ½·¼) = 2/3. Initiator: π_y1(give corn | (1, say 1)) = 0.6,
    // π_y2 = 0.2, prior ¼, ¾ → P(y1 | H) = (¼·0.6)/(¼·0.6 + ¾·0.2) = 1/2. Joint P(x1, y1 | H) = 1/3.
    func policy(_ p: Double, of move: EncounterMove, at code: HistoryCode) -> PosteriorSeparation.StatefulPolicy {
      var table = TabularPolicy(uniformWithMaximumMoves: 8)
      var row = [Double](repeating: (1 - p) / 6, count: 7)
      row[move.rawValue] = p
      table.setDistribution(row, at: code)
      return .init(maximumMoves: 8, probabilities: table.probabilities)
    }
    let root = HistoryCode(position: 0, last: nil)
    let reply = HistoryCode(position: 1, last: .sayOne)
    let hunger = PosteriorSeparation.Hunger(states: 1)
    let instance = PosteriorSeparation(
      first: .init(
        policies: [policy(0.5, of: .sayOne, at: root), policy(0.25, of: .sayOne, at: root)], policyPrior: [0.5, 0.5], hunger: hunger, statePrior: [1]),
      second: .init(
        policies: [policy(0.6, of: .giveCorn, at: reply), policy(0.2, of: .giveCorn, at: reply)], policyPrior: [0.25, 0.75], hunger: hunger,
        statePrior: [1]),
      history: [.sayOne, .giveCorn])
    let x = instance.playerPosterior(parity: 0)
    let y = instance.playerPosterior(parity: 1)
    let joint = instance.jointPosterior()
    #expect(abs(x[0] - 2.0 / 3) < 1e-15 && abs(y[0] - 0.5) < 1e-15)
    #expect(abs(joint[0] - 1.0 / 3) < 1e-15 && abs(joint[1] - 1.0 / 3) < 1e-15)
    #expect(instance.check().maximumDifference < 1e-15)
  }

  @Test func hungerFollowsTheOtherPlayersMoves() {
    let hunger = PosteriorSeparation.Hunger(states: 3)
    let history: [EncounterMove] = [.hit, .hit, .hit, .giveCorn, .hit, .sayOne]
    // The initiator (odd positions) receives hits at 0, 2, 4: 0 → 1 → 2 → 2 (capped).
    #expect(hunger.state(before: 5, of: history, start: 0) == 2)
    // The first mover receives hit (1) then corn (3): 1 → 2 → 1.
    #expect(hunger.state(before: 4, of: history, start: 1) == 1)
  }

  // MARK: - Norm inference

  @Test func emptyBufferGivesTheUniformPolicyAndThePriorMode() {
    let estimate = NormInference.estimate([], maximumMoves: 8, priorShape: 4)
    #expect(estimate.norm == TabularPolicy(uniformWithMaximumMoves: 8))
    #expect(estimate.deviantFraction == 0.2)
  }

  @Test func emRecoversAKnownDeviantFractionOnABigBuffer() {
    let norm = TradeNorm.policy(maximumMoves: 8)
    let buffer = ConformistDeviantBuffer.generate(norm: norm, deviantFraction: 0.2, size: 20_000, maximumMoves: 8, random: Random(seed: 3))
    let estimate = NormInference.estimate(buffer.histories, maximumMoves: 8, priorShape: 4)
    #expect(abs(estimate.deviantFraction - 0.2) < 0.015, "Δ̂ = \(estimate.deviantFraction)")
    let visits = NodeVisits.reach(norm, norm, maximumMoves: 8)
    #expect(NodeVisits.weightedTotalVariation(estimate.norm, norm, weights: visits) < 0.03)
    // The EM's log posterior is the model's, and no nearby Δ is better at π̂_n.
    let at = NormInference.logPosterior(buffer.histories, norm: estimate.norm, deviantFraction: estimate.deviantFraction, priorShape: 4)
    #expect(abs(at - estimate.logPosterior) < 1e-6 * abs(at))
    for d in [-0.01, 0.01] {
      #expect(NormInference.logPosterior(buffer.histories, norm: estimate.norm, deviantFraction: estimate.deviantFraction + d, priorShape: 4) < at)
    }
    // The posterior density of Δ integrates to 1 on its grid and peaks near the truth.
    let grid = (0...1000).map { Double($0) / 1000 }
    let density = NormInference.deviantPosterior(buffer.histories, norm: estimate.norm, priorShape: 4, grid: grid)
    var area = 0.0
    for i in 1..<grid.count { area += 0.001 * (density[i] + density[i - 1]) / 2 }
    #expect(abs(area - 1) < 1e-12)
    #expect(abs(grid[density.indices.max { density[$0] < density[$1] }!] - 0.2) < 0.015)
  }

  @Test func bufferWithoutDeviantsFollowsTheNorm() {
    let norm = TradeNorm.policy(maximumMoves: 8)
    let buffer = ConformistDeviantBuffer.generate(norm: norm, deviantFraction: 0, size: 500, maximumMoves: 8, random: Random(seed: 5))
    #expect(buffer.deviantHalves == 0)
    for history in buffer.histories {
      #expect(EncounterPlay.problem(with: history, maximumMoves: 8) == nil)
      for (i, move) in history.enumerated() {
        #expect(norm.probability(of: move, at: HistoryCode(position: i, last: i > 0 ? history[i - 1] : nil)) > 0)
      }
    }
  }

  // MARK: - The experiment

  @Test func smokeScaleExperimentHoldsEveryClaimWithFlippingControlsWhateverTheJobs() throws {
    let experiment = Chapter3InferenceExperiment()
    #expect(experiment.declarationProblems.isEmpty, "\(experiment.declarationProblems)")
    let result = try experiment.run(scale: .smoke, seed: 1, jobs: 2)
    #expect(
      result.claims.map(\.claim.id) == [
        "np.ch3.prior", "np.ch3.uninformative-prior", "np.ch3.posterior-separates", "np.ch3.norm-inference", "np.ch3.empirical-policy",
      ])
    #expect(result.claims.map(\.headline) == Array(repeating: .holds, count: 5), "\(result.claims.map(\.evidence.summary))")
    for claim in result.claims {
      #expect(claim.control?.flipped == true, "\(claim.claim.id): \(claim.evidence.summary)")
    }
    #expect(result.claims.prefix(3).allSatisfy { $0.claim.claimClass?.name == "consistency" })
    #expect(
      result.figures.map(\.id) == [
        "np.ch3.deviant-posterior", "np.ch3.norm-deviant-error", "np.ch3.norm-policy-error", "np.ch3.empirical-policy-error",
      ])
    #expect(result.tables.allSatisfy { $0.id.hasPrefix("np.ch3.") })
    let serial = try experiment.run(scale: .smoke, seed: 1, jobs: 1)
    #expect(serial.tables == result.tables && serial.figures == result.figures && serial.claims == result.claims)
  }

  @Test func aCoupledPriorBreaksTheSeparation() {
    let instance = PosteriorSeparation.random(policies: 3, states: 2, maximumMoves: 8, random: Random(seed: 9))
    #expect(instance.check().maximumDifference < 1e-12)
    #expect(instance.check(coupling: 1).maximumDifference > 1e-6)
  }
}
