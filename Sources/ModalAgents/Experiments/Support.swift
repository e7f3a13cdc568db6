import Foundation
import GameTheory
import LabKit

/// The Prisoner's Dilemma the experiments score matchups with. Neither the post nor the Robust
/// Cooperation paper fixes numbers; the defaults are Axelrod's T = 5, R = 3, P = 1, S = 0, and every
/// conclusion drawn from them uses only T > R > P > S.
enum PrisonersDilemmaPayoffs {
  static let temptation = ParameterKey<Double>("temptation")
  static let reward = ParameterKey<Double>("reward")
  static let punishment = ParameterKey<Double>("punishment")
  static let sucker = ParameterKey<Double>("sucker")

  static let parameters: [Parameter] = [
    Parameter(
      temptation, "PD payoff T for defecting against a cooperator (the texts give no numbers; Axelrod's 5).", domain: .real(-1000...1000),
      default: 5.0),
    Parameter(reward, "PD payoff R for mutual cooperation (Axelrod's 3).", domain: .real(-1000...1000), default: 3.0),
    Parameter(punishment, "PD payoff P for mutual defection (Axelrod's 1).", domain: .real(-1000...1000), default: 1.0),
    Parameter(sucker, "PD payoff S for cooperating with a defector (Axelrod's 0).", domain: .real(-1000...1000), default: 0.0),
  ]

  /// The game with the run's payoffs, actions ["C", "D"].
  static func game(_ parameters: Parameters) -> NormalFormGame {
    .prisonersDilemma(
      reward: parameters[reward], sucker: parameters[sucker],
      temptation: parameters[temptation], punishment: parameters[punishment], actions: ["C", "D"])
  }
}

/// Which agents "any modal agent" ranges over in the exploitability, program-equilibrium and
/// WaitFairBot checks: an open choice of the texts, which prove their statements for every modal
/// agent but can be checked only on a finite space.
enum OpponentSpace: String, ParameterChoice {
  /// The agents the texts name (the library, ranks 0 and 1).
  case library
  /// Every fully modalized rank-0 agent up to `enumerationSize` symbols.
  case rankZero

  static let key = ParameterKey<OpponentSpace>("opponentSpace")

  static let parameter = Parameter(
    key,
    "Which agents the universal statements (no agent exploits X; every agent that defects against DefectBot …) are checked over: the library of named agents or every enumerated rank-0 agent.",
    default: .rankZero)

  static let reading = Reading(
    key,
    [
      .init(
        OpponentSpace.rankZero,
        reason: "the texts' theorems quantify over all modal agents; the rank-0 ones can be enumerated exhaustively up to a size",
        source: "Robust Cooperation §4 (rank-0 agents, Thm 4.10)"),
      .init(
        OpponentSpace.library,
        reason:
          "the agents the texts actually play against each other, including the rank-1 agents (PrudentBot, TrollBot, JustBot) no rank-0 enumeration contains",
        source: "Robust Cooperation §3, §5; the post"),
    ])
}

/// Move-level helpers on the games of ``PrisonersDilemmaPayoffs`` (only `payoff(_:_:)`, `profiles` and
/// `pureNashEquilibria()` of `NormalFormGame` are used).
extension NormalFormGame {
  /// The payoff of a player who plays `mine` against `theirs` (row player of a symmetric game).
  func payoff(of mine: Move, against theirs: Move) -> Double { payoff(0, [mine.actionIndex, theirs.actionIndex]) }

  /// Whether the pure profile is a Nash equilibrium, from `pureNashEquilibria()`.
  func isNashEquilibrium(_ profile: [Int]) -> Bool { pureNashEquilibria().contains(profile) }
}

/// The action names of the games of ``PrisonersDilemmaPayoffs``, cooperate first.
let moveNames = ["C", "D"]

extension AgentLibrary {
  /// Short names for table columns and figure labels (the notes' abbreviations).
  static func abbreviation(_ name: String) -> String {
    let fixed = [
      "CooperateBot": "CB", "DefectBot": "DB", "FairBot": "FB", "PrudentBot": "PB", "TrollBot": "TB", "JustBot": "JB",
      "NiceBot": "NB", "MagicBot": "MB", "ContrarianBot": "CtB", "RaifBot": "RB", "UnfairBot": "UB",
    ]
    if let short = fixed[name] { return short }
    for (prefix, short) in [("FairBot_", "FB"), ("PrudentBot_", "PB"), ("WaitFairBot_", "WFB")] where name.hasPrefix(prefix) {
      return short + name.dropFirst(prefix.count)
    }
    return name
  }
}

/// "0–3, 5" for a sorted list of integers.
func rangesText(_ values: [Int]) -> String {
  guard !values.isEmpty else { return "none" }
  var parts: [String] = []
  var start = values[0]
  var previous = values[0]
  for value in values.dropFirst() + [Int.min] {
    if value == previous + 1 {
      previous = value
      continue
    }
    parts.append(start == previous ? "\(start)" : "\(start)–\(previous)")
    start = value
    previous = value
  }
  return parts.joined(separator: ", ")
}

/// The two colours of move heatmaps: Okabe–Ito vermillion for defect (0), blue for cooperate (1).
/// A move is categorical: cooperate (1, blue) or defect (0, vermillion), shown with a legend of
/// the two, not a continuous colour bar.
let moveCategories = [
  HeatmapCategory(value: 1, name: "C: cooperates", colour: Colour(hex: 0x0072B2)),
  HeatmapCategory(value: 0, name: "D: defects", colour: Colour(hex: 0xD55E00)),
]
