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
/// after any departure (grim trigger). A pool of equilibria (a reading) is then cross-played.
struct RepeatedPrisonersDilemmaExperiment: Experiment {
  /// Which equilibria are cross-played: the text does not list them.
  enum StrategyPool: String, ParameterChoice { case all, classic, cyclic }

  /// One equilibrium candidate: a name and the two players' machines.
  struct Profile {
    let name: String
    let first: FiniteMemoryStrategy
    let second: FiniteMemoryStrategy
  }
  /// One candidate as played and checked.
  struct Checked: Sendable {
    let name: String
    let cooperation: (Double, Double)
    let payoffs: (Double, Double)
    let largestGain: Double
    let isNash: Bool
    let smallestDiscount: Double?
  }
  struct Outcome: Sendable {
    let gain: Double
    let discount: Double
    let pool: StrategyPool
    let checked: [Checked]
    /// Mutual cooperation of player 1's machine of row i against player 2's of column j.
    let matrix: [[Double]]
    /// The named profiles (Grim / Grim, AllD / AllD, 70% / 100%): equilibria at δ, and at the control's δ.
    let named: [Bool]
    let namedControl: [Bool]
    let seventy: (Double, Double)
  }

  let id = "sbc.repeated"
  let title = "Equilibria of the infinitely repeated prisoner's dilemma, and how strategies from different equilibria play each other"
  let sections = ["§1"]

  static let gain = ParameterKey<Double>("gain")
  static let discountFactor = ParameterKey<Double>("discountFactor")
  static let pool = ParameterKey<StrategyPool>("strategyPool")
  /// The control's discount factor: too impatient for the cyclic profiles.
  static let controlDiscount = 0.5

  static let repeatedClaim = Claim(
    id: "sbc.repeated-pd", source: "§1", kind: .claim,
    statement:
      "In the infinitely repeated prisoner's dilemma, mutual cooperation, mutual defection and a profile where one player cooperates 70% of the time and the other 100% are all equilibria, and strategies from different equilibria typically fail to cooperate with each other.",
    class: .empirical,
    control: Control("an impatient discount factor δ = 0.5, under which the named cooperative profiles stop being equilibria: the same check"),
    readings: [pool.erased])

  var claims: [Claim] { [Self.repeatedClaim] }

  var readings: [Reading] {
    [
      Reading(
        Self.pool,
        [
          .init(
            StrategyPool.all,
            reason: "the classic cooperative equilibria and the text's 70%/100% profile with its 50% and 90% variants, both ways round",
            source: "§1; the committed pool"),
          .init(
            StrategyPool.classic, reason: "the best-known cooperative equilibria (Grim, TFT, WSLS) and mutual defection",
            source: "Axelrod 1984; Nowak & Sigmund 1993 (WSLS)"),
          .init(
            StrategyPool.cyclic,
            reason: "the text's own kind of example: unequal cyclic profiles with grim punishment, with Grim / Grim as mutual cooperation",
            source: "§1 (\"70% … 100%\")"),
        ])
    ]
  }

  var parameters: [Parameter] {
    [
      Parameter(Self.gain, "G of Table 1.", domain: .real(lower: 1, upper: 100, lowerIncluded: false, upperIncluded: true), default: 3),
      Parameter(
        Self.discountFactor, "δ: payoffs are (1 − δ) Σ δᵗ uₜ (the text gives none; high enough for the cyclic profiles to be equilibria).",
        domain: .real(lower: 0, upper: 1, lowerIncluded: false, upperIncluded: false), default: 0.95),
      Parameter(Self.pool, "The equilibria cross-played (a reading).", default: .all),
    ]
  }

  static func cyclic(_ k: Int) throws -> [Profile] {
    let c = StageGame.Move.cooperate, d = StageGame.Move.defect
    let cycle = Array(repeating: c, count: k) + Array(repeating: d, count: 10 - k)
    let always = [StageGame.Move](repeating: c, count: 10)
    let mixed = try FiniteMemoryStrategy.pathWithGrimPunishment(name: "\(k)C\(10 - k)D-grim", own: cycle, expected: always)
    let full = try FiniteMemoryStrategy.pathWithGrimPunishment(name: "C-expecting-\(k)C\(10 - k)D-grim", own: always, expected: cycle)
    return [Profile(name: "\(k * 10)% / 100%", first: mixed, second: full), Profile(name: "100% / \(k * 10)%", first: full, second: mixed)]
  }

  static func profiles(_ pool: StrategyPool) throws -> [Profile] {
    let grim = Profile(name: "Grim / Grim", first: .grudger, second: .grudger)
    let classic = [
      Profile(name: "TFT / TFT", first: .titForTat, second: .titForTat),
      Profile(name: "WSLS / WSLS", first: .winStayLoseShift, second: .winStayLoseShift),
    ]
    let defection = Profile(name: "AllD / AllD", first: .defector, second: .defector)
    let cyclic = try [7, 5, 9].flatMap { try Self.cyclic($0) }
    switch pool {
    case .all: return [grim] + classic + [defection] + cyclic
    case .classic: return [grim] + classic + [defection]
    case .cyclic: return [grim, defection] + cyclic
    }
  }

  func simulate(in context: RunContext) throws -> Outcome {
    let (gain, delta) = (context.parameters[Self.gain], context.parameters[Self.discountFactor])
    let stage = try StageGame(reward: gain, sucker: 0, temptation: gain + 1, punishment: 1)
    let repeated = try DiscountedRepeatedGame(stage: stage, discount: delta)
    let profiles = try Self.profiles(context.parameters[Self.pool])
    let checked = try profiles.map { try Self.check($0, stage: stage, repeated: repeated) }
    let matrix = try profiles.map { row in try profiles.map { try repeated.play(row.first, $0.second).mutualCooperation } }
    let named =
      [Profile(name: "Grim / Grim", first: .grudger, second: .grudger), Profile(name: "AllD / AllD", first: .defector, second: .defector)]
      + [try Self.cyclic(7)[0]]
    let impatient = try DiscountedRepeatedGame(stage: stage, discount: Self.controlDiscount)
    return Outcome(
      gain: gain, discount: delta, pool: context.parameters[Self.pool], checked: checked, matrix: matrix,
      named: try named.map { try repeated.isNashEquilibrium($0.first, $0.second) },
      namedControl: try named.map { try impatient.isNashEquilibrium($0.first, $0.second) },
      seventy: try repeated.play(named[2].first, named[2].second).cooperation)
  }

  static func check(_ profile: Profile, stage: StageGame, repeated: DiscountedRepeatedGame) throws -> Checked {
    let play = try repeated.play(profile.first, profile.second)
    let gains = try repeated.deviationGains(profile.first, profile.second)
    // The smallest grid δ from which the profile is an equilibrium at every larger grid δ.
    var smallest: Double?
    for k in stride(from: 99, through: 1, by: -1) {
      let game = try DiscountedRepeatedGame(stage: stage, discount: Double(k) / 100)
      if try game.isNashEquilibrium(profile.first, profile.second) { smallest = Double(k) / 100 } else { break }
    }
    return Checked(
      name: profile.name, cooperation: play.cooperation, payoffs: play.payoffs, largestGain: max(gains.0, gains.1),
      isNash: gains.0 <= 1e-9 && gains.1 <= 1e-9, smallestDiscount: smallest)
  }

  /// Pairings of player 1's machine of one cooperative equilibrium with player 2's of another, and how many never reach mutual cooperation.
  static func crossPlay(_ outcome: Outcome) -> (pairs: Int, failures: Int) {
    let cooperative = outcome.checked.indices.filter {
      outcome.checked[$0].isNash && outcome.checked[$0].cooperation.0 + outcome.checked[$0].cooperation.1 > 0
    }
    var (pairs, failures) = (0, 0)
    for i in cooperative {
      for j in cooperative where i != j {
        pairs += 1
        if outcome.matrix[i][j] == 0 { failures += 1 }
      }
    }
    return (pairs, failures)
  }

  /// The claim's check: the named profiles are equilibria, the 70% / 100% profile plays (0.7, 1), and more than half the cross pairings fail.
  static func holds(named: [Bool], seventy: (Double, Double), crossPlay: (pairs: Int, failures: Int)) -> Bool {
    named.allSatisfy { $0 } && seventy == (0.7, 1) && crossPlay.pairs > 0 && 2 * crossPlay.failures > crossPlay.pairs
  }

  func judge(_ outcomes: Outcomes<Outcome>, in context: RunContext) throws -> ExperimentResult {
    let base = outcomes.base
    var cells: [VerdictMap.Cell] = []
    var lines: [String] = []
    for (cell, outcome) in outcomes.cells(of: Self.repeatedClaim) {
      let cross = Self.crossPlay(outcome)
      let fraction = cross.pairs > 0 ? Double(cross.failures) / Double(cross.pairs) : 0
      cells.append(
        VerdictMap.Cell(
          reading: cell.readingSetting, verdict: .checking(Self.holds(named: outcome.named, seventy: outcome.seventy, crossPlay: cross)),
          estimate: fraction, n: cross.pairs))
      lines.append("pool \(outcome.pool.rawValue): \(cross.failures) of \(cross.pairs) cross pairings never cooperate")
    }
    let cross = Self.crossPlay(base)
    let control = Headline.checking(Self.holds(named: base.namedControl, seventy: base.seventy, crossPlay: cross))
    func f(_ x: Double, _ digits: Int = 4) -> String { DecimalFormat.compact(x, significant: digits) }
    let evidence = Evidence(
      summary:
        "At G = \(f(base.gain)) and δ = \(f(base.discount)): mutual cooperation (Grim / Grim) \(base.named[0] ? "is" : "is not"), mutual defection \(base.named[1] ? "is" : "is not") and the 70% / 100% profile (P1 cooperates \(f(base.seventy.0)), P2 \(f(base.seventy.1)) of the time) \(base.named[2] ? "is" : "is not") a Nash equilibrium against every strategy of the repeated game. Cross-play of player 1's strategy from one cooperative equilibrium with player 2's from another: "
        + lines.joined(separator: "; ")
        + ". At the control's δ = \(f(Self.controlDiscount)) the named profiles are equilibria: \(base.namedControl.map { $0 ? "yes" : "no" }.joined(separator: ", ")).",
      measurements: [
        .init("named profiles are equilibria", base.named.allSatisfy { $0 }), .init("cross pairings (base pool)", cross.pairs),
        .init("pairings that never cooperate (base pool)", cross.failures),
      ],
      tolerance:
        "a Nash equilibrium when the best response (value iteration to 1e-13) gains at most 1e-9; \"typically\" means more than half of the pairings between different cooperative equilibria of the pool",
      sampleSize: cross.pairs)
    return ExperimentResult(
      tables: [equilibriumTable(base), crossTable(base)],
      figures: [
        Figure(
          id: "sbc.repeated-cross-play", title: "Repeated prisoner's dilemma: strategies from different equilibria against each other",
          svg: heatmap(base)
        ).captioned(
          "A strategy X / Y is the strategy player 1 (P1) or player 2 (P2) plays in the equilibrium profile (X, Y); Grim is grim trigger, TFT tit-for-tat, WSLS win-stay lose-shift, AllD always defect, and p% the cyclic strategy that cooperates in p% of rounds. Each cell is the long-run rate of mutual cooperation when the row's strategy meets the column's."
        )
      ],
      claims: [
        ClaimResult(
          Self.repeatedClaim, map: VerdictMap(design: Self.repeatedClaim.design, cells: cells),
          control: ControlResult(Self.repeatedClaim.control!, verdict: control), evidence: evidence)
      ])
  }

  func equilibriumTable(_ base: Outcome) -> Table {
    func f(_ x: Double, _ digits: Int = 4) -> String { DecimalFormat.compact(x, significant: digits) }
    var table = Table(
      id: "sbc.repeated.equilibria", title: "Candidate equilibria of the repeated Table 1 game at G = \(f(base.gain)), δ = \(f(base.discount))",
      columns: [
        "profile", "P1 cooperates", "P2 cooperates", "payoffs", "largest deviation gain (0: the path is a best response)", "Nash equilibrium",
        "smallest δ (0.01 grid)",
      ])
    for c in base.checked {
      table.append([
        .text(c.name), .real(c.cooperation.0, digits: 2), .real(c.cooperation.1, digits: 2), .text("(\(f(c.payoffs.0)), \(f(c.payoffs.1)))"),
        .real(c.largestGain, digits: 9), .text(c.isNash ? "yes" : "no"),
        .text(c.smallestDiscount.map { DecimalFormat.fixed($0, digits: 2) } ?? "none ≤ 0.99"),
      ])
    }
    return table
  }

  func crossTable(_ base: Outcome) -> Table {
    var table = Table(
      id: "sbc.repeated.cross-play", title: "Long-run frequency of mutual cooperation: player 1's strategy (row) against player 2's (column)",
      columns: ["P1 from \\ P2 from"] + base.checked.map(\.name))
    for (i, row) in base.matrix.enumerated() { table.append([.text(base.checked[i].name)] + row.map { .real($0, digits: 2) }) }
    return table
  }

  func heatmap(_ base: Outcome) -> String {
    var heatmap = Heatmap(
      title: "Repeated PD: mutual cooperation when strategies from different equilibria meet",
      rows: base.checked.map { "P1 of " + $0.name }, columns: base.checked.map { "P2 of " + $0.name }, values: base.matrix,
      xLabel: "player 2's strategy, from the equilibrium", yLabel: "player 1's strategy", cellLabelDigits: 1, width: 720, height: 560)
    heatmap.valueRange = 0...1
    heatmap.colourBarLabel = "long-run mutual cooperation"
    return heatmap.svg()
  }
}
