import GameTheory
import LabKit

/// The introduction's motivating example (§1): "in the infinitely repeated Prisoner's Dilemma, mutual
/// cooperation is played in some equilibria, but so is mutual defection, and so is the strategy profile
/// in which one player cooperates 70% of the time while the other cooperates 100% of the time. Moreover,
/// the strategies from different equilibria typically do not cooperate with each other."
///
/// Reconstruction: the Table 1 game repeated infinitely with discount factor δ (normalised discounted
/// payoffs); strategies are deterministic finite machines; a profile is a Nash equilibrium when neither
/// player gains by any strategy of the repeated game (``DiscountedRepeatedGame``). The 70%/100% profile
/// follows the cycle CCCCCCCDDD for one player and C for the other, both switching to defection for ever
/// after any departure (grim trigger). A fixed list of equilibria is then cross-played.
public struct RepeatedPrisonersDilemmaExperiment: Experiment {
  public init() {}

  public let id = "sbc.repeated"
  public let title = "Equilibria of the infinitely repeated prisoner's dilemma, and how strategies from different equilibria play each other"
  public let sections = ["§1"]

  public static let repeatedClaim = Claim(
    id: "sbc.repeated-pd", source: "§1", kind: .claim,
    statement: "In the infinitely repeated prisoner's dilemma, mutual cooperation, mutual defection and a profile where one player cooperates 70% of the time and the other 100% are all equilibria, and strategies from different equilibria typically fail to cooperate with each other.")

  public var claims: [Claim] { [Self.repeatedClaim] }

  public var parameters: [Parameter] {
    [
      Parameter("gain", "G of Table 1.", domain: .real(lower: 1, upper: 100, lowerIncluded: false, upperIncluded: true), default: .real(3)),
      Parameter("discountFactor", "δ: payoffs are (1 − δ) Σ δᵗ uₜ (the text gives none; high enough for the cyclic profiles to be equilibria).",
                domain: .real(lower: 0, upper: 1, lowerIncluded: false, upperIncluded: false), default: .real(0.95)),
    ]
  }

  /// One equilibrium candidate: a name and the two players' machines.
  struct Profile {
    let name: String
    let first: FiniteMemoryStrategy
    let second: FiniteMemoryStrategy
  }

  static func profiles() throws -> [Profile] {
    let c = StageGame.Move.cooperate, d = StageGame.Move.defect
    func cycle(_ k: Int) -> [StageGame.Move] { Array(repeating: c, count: k) + Array(repeating: d, count: 10 - k) }
    let always = [StageGame.Move](repeating: c, count: 10)
    var list = [
      Profile(name: "Grim / Grim", first: .grudger, second: .grudger),
      Profile(name: "TFT / TFT", first: .titForTat, second: .titForTat),
      Profile(name: "WSLS / WSLS", first: .winStayLoseShift, second: .winStayLoseShift),
      Profile(name: "AllD / AllD", first: .defector, second: .defector),
    ]
    for k in [7, 5, 9] {
      list.append(Profile(name: "\(k * 10)% / 100%",
                          first: try .pathWithGrimPunishment(name: "\(k)C\(10 - k)D-grim", own: cycle(k), expected: always),
                          second: try .pathWithGrimPunishment(name: "C-expecting-\(k)C\(10 - k)D-grim", own: always, expected: cycle(k))))
      list.append(Profile(name: "100% / \(k * 10)%",
                          first: try .pathWithGrimPunishment(name: "C-expecting-\(k)C\(10 - k)D-grim", own: always, expected: cycle(k)),
                          second: try .pathWithGrimPunishment(name: "\(k)C\(10 - k)D-grim", own: cycle(k), expected: always)))
    }
    return list
  }

  public func simulate(in context: RunContext) throws -> ExperimentResult {
    let gain = context.parameters.real("gain")
    let delta = context.parameters.real("discountFactor")
    let stage = try StageGame(reward: gain, sucker: 0, temptation: gain + 1, punishment: 1)
    let repeated = try DiscountedRepeatedGame(stage: stage, discount: delta)
    let profiles = try Self.profiles()
    func f(_ x: Double, _ digits: Int = 4) -> String { DecimalFormat.compact(x, significant: digits) }

    var table = Table(id: "sbc.repeated.equilibria", title: "Candidate equilibria of the repeated Table 1 game at G = \(f(gain)), δ = \(f(delta))",
                      columns: ["profile", "P1 cooperates", "P2 cooperates", "payoffs", "largest deviation gain (0: the path is a best response)", "Nash equilibrium", "smallest δ (0.01 grid)"])
    var equilibrium: [String: Bool] = [:]
    var plays: [DiscountedRepeatedGame.Play] = []
    for profile in profiles {
      let play = try repeated.play(profile.first, profile.second)
      plays.append(play)
      let gains = try repeated.deviationGains(profile.first, profile.second)
      let isNash = gains.0 <= 1e-9 && gains.1 <= 1e-9
      equilibrium[profile.name] = isNash
      // The smallest grid δ from which the profile is an equilibrium at every larger grid δ.
      var smallest: Double?
      for k in stride(from: 99, through: 1, by: -1) {
        let game = try DiscountedRepeatedGame(stage: stage, discount: Double(k) / 100)
        if try game.isNashEquilibrium(profile.first, profile.second) { smallest = Double(k) / 100 } else { break }
      }
      table.append([.text(profile.name), .real(play.cooperation.0, digits: 2), .real(play.cooperation.1, digits: 2),
                    .text("(\(f(play.payoffs.0)), \(f(play.payoffs.1)))"), .real(max(gains.0, gains.1), digits: 9), .text(isNash ? "yes" : "no"),
                    .text(smallest.map { DecimalFormat.fixed($0, digits: 2) } ?? "none ≤ 0.99")])
    }

    // Cross-play: player 1's machine of one equilibrium against player 2's machine of another.
    let cooperative = profiles.indices.filter { equilibrium[profiles[$0].name] == true && plays[$0].cooperation.0 + plays[$0].cooperation.1 > 0 }
    var matrix: [[Double]] = []
    var failures = 0
    var pairs = 0
    for i in profiles.indices {
      var row: [Double] = []
      for j in profiles.indices {
        let play = try repeated.play(profiles[i].first, profiles[j].second)
        row.append(play.mutualCooperation)
        if i != j && cooperative.contains(i) && cooperative.contains(j) {
          pairs += 1
          if play.mutualCooperation == 0 { failures += 1 }
        }
      }
      matrix.append(row)
    }
    var crossTable = Table(id: "sbc.repeated.cross-play", title: "Long-run frequency of mutual cooperation: player 1's strategy (row) against player 2's (column)",
                           columns: ["P1 from \\ P2 from"] + profiles.map(\.name))
    for (i, row) in matrix.enumerated() { crossTable.append([.text(profiles[i].name)] + row.map { .real($0, digits: 2) }) }
    var heatmap = Heatmap(title: "Repeated PD: mutual cooperation when strategies from different equilibria meet",
                          rows: profiles.map { "P1 of " + $0.name }, columns: profiles.map { "P2 of " + $0.name }, values: matrix,
                          xLabel: "player 2's strategy, from the equilibrium", yLabel: "player 1's strategy", cellLabelDigits: 1, width: 720, height: 560)
    heatmap.valueRange = 0...1
    heatmap.colourBarLabel = "long-run mutual cooperation"

    let named = ["Grim / Grim", "AllD / AllD", "70% / 100%"].map { equilibrium[$0] == true }
    let seventy = profiles.firstIndex { $0.name == "70% / 100%" }!
    let fraction = pairs > 0 ? Double(failures) / Double(pairs) : 0
    let holds = named.allSatisfy { $0 } && plays[seventy].cooperation == (0.7, 1) && fraction > 0.5
    let evidence = Evidence(
      summary: "At G = \(f(gain)) and δ = \(f(delta)): mutual cooperation (Grim / Grim) \(named[0] ? "is" : "is not"), mutual defection \(named[1] ? "is" : "is not") and the 70% / 100% profile (P1 cooperates \(f(plays[seventy].cooperation.0)), P2 \(f(plays[seventy].cooperation.1)) of the time) \(named[2] ? "is" : "is not") a Nash equilibrium against every strategy of the repeated game. Of the \(pairs) pairings of player 1's strategy from one cooperative equilibrium with player 2's from another, \(failures) (\(f(fraction * 100, 3))%) never reach mutual cooperation in the long run.",
      measurements: [.init("named profiles are equilibria", named.allSatisfy { $0 }), .init("cross pairings", pairs), .init("pairings that never cooperate", failures),
                     .init("fraction failing", fraction)],
      tolerance: "a Nash equilibrium when the best response (value iteration to 1e-13) gains at most 1e-9; \"typically\" means more than half of the pairings between different cooperative equilibria",
      sampleSize: pairs)
    return ExperimentResult(tables: [table, crossTable],
                            figures: [Figure(id: "sbc.repeated-cross-play", title: "Repeated prisoner's dilemma: strategies from different equilibria against each other", svg: heatmap.svg())],
                            claims: [ClaimResult(Self.repeatedClaim, .checking(holds), evidence)])
  }
}
