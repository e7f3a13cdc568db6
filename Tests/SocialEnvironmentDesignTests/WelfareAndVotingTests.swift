import Foundation
import LabKit
import Testing

@testable import SocialEnvironmentDesign

@Test func welfareObjectivesByHand() throws {
  let returns: [Double] = [1, 2, 3]
  #expect(WelfareObjective.utilitarian.value(returns) == 6)
  #expect(WelfareObjective.egalitarian.value(returns) == 1)
  #expect(abs(WelfareObjective.nashWelfare.value(returns) - pow(6, 1.0 / 3)) < 1e-12)
  #expect(WelfareObjective.nashWelfare.value([0, 5]) == 0)
  #expect(try WelfareObjective.interpolated(0.5).value(returns) == 3.5)
  #expect(try WelfareObjective.interpolated(1).value(returns) == 6)
  #expect(try WelfareObjective.interpolated(0).value(returns) == 1)
  #expect(throws: LabError.self) { try WelfareObjective.interpolated(1.5) }
}

@Test func perolatMetricsByHand() {
  #expect(abs(SocialOutcomeMetrics.gini([0, 0, 3]) - 2.0 / 3) < 1e-12)
  #expect(abs(SocialOutcomeMetrics.normalisedGini([0, 0, 3]) - 1) < 1e-12)
  #expect(SocialOutcomeMetrics.gini([2, 2, 2]) == 0)
  #expect(SocialOutcomeMetrics.equality([0, 0, 0]) == 1)
  #expect(SocialOutcomeMetrics.efficiency(returns: [10, 20], steps: 100) == 0.3)
  // Player 0 rewarded at steps 2 and 4 (mean 3); player 1 never (counts as T = 10).
  #expect(SocialOutcomeMetrics.sustainability(rewardTimeSums: [6, 0], rewardCounts: [2, 0], steps: 10) == 6.5)
  #expect(SocialOutcomeMetrics.peace(agents: 7, steps: 100) == 7)
}

@Test func votingRulesByHand() throws {
  #expect(abs(try VotingRule.meanSelfishness.eta(reports: [0.2, 0.4, 0.9]) - 0.5) < 1e-12)
  #expect(try VotingRule.medianSelfishness.eta(reports: [0.2, 0.4, 0.9]) == 0.4)
  #expect(try VotingRule.medianSelfishness.eta(reports: [0.2, 0.4, 0.6, 0.9]) == 0.5)
  // Borda: two voters at 0.1 give scores (4, 3, 2, 1, 0) each, one at 0.9 gives (0, 1, 2, 3, 4).
  #expect(try VotingRule.borda.eta(reports: [0.1, 0.1, 0.9]) == 0)
  #expect(try VotingRule.borda.eta(reports: [0.9, 0.9, 0.1]) == 1)
  #expect(try VotingRule.codeBinaryMajority.eta(reports: [0.1], codeVotes: [0.6, 0.7]) == 0)
  #expect(try VotingRule.codeBinaryMajority.eta(reports: [0.9], codeVotes: [0.2]) == 1)
  #expect(throws: LabError.self) { try VotingRule.meanSelfishness.eta(reports: [1.2]) }
  #expect(throws: LabError.self) { try VotingRule.codeBinaryMajority.eta(reports: [0.5]) }
}

@Test func theMedianIsStrategyProofAndTheMeanIsNot() throws {
  let random = Random(seed: 7)
  var meanManipulable = 0
  for _ in 0..<40 {
    let sigma = (0..<7).map { _ in Double(random.index(below: 101)) / 100 }
    #expect(try VotingRule.medianSelfishness.manipulators(selfishness: sigma) == 0)
    if try VotingRule.meanSelfishness.manipulators(selfishness: sigma) > 0 { meanManipulable += 1 }
  }
  #expect(meanManipulable > 30)
  // A voter at σ = 1 among truthful others at 0.5 reports 1 already; one at 0.6 overstates to pull the mean up.
  let reports = try VotingRule.meanSelfishness.reports(selfishness: [0.6, 0.5, 0.5], reporting: .strategic)
  #expect(reports[0] == 0.8)
}
