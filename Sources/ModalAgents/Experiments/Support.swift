import Foundation
import GameTheory
import LabKit

/// The Prisoner's Dilemma the experiments score matchups with. Neither the post nor the Robust
/// Cooperation paper fixes numbers; the defaults are Axelrod's T = 5, R = 3, P = 1, S = 0, and every
/// conclusion drawn from them uses only T > R > P > S.
enum PrisonersDilemmaPayoffs {
  static let parameters: [Parameter] = [
    Parameter("temptation", "PD payoff T for defecting against a cooperator (the texts give no numbers; Axelrod's 5).", domain: .real(-1000...1000), default: .real(5)),
    Parameter("reward", "PD payoff R for mutual cooperation (Axelrod's 3).", domain: .real(-1000...1000), default: .real(3)),
    Parameter("punishment", "PD payoff P for mutual defection (Axelrod's 1).", domain: .real(-1000...1000), default: .real(1)),
    Parameter("sucker", "PD payoff S for cooperating with a defector (Axelrod's 0).", domain: .real(-1000...1000), default: .real(0)),
  ]

  /// The game with the run's payoffs, actions ["C", "D"].
  static func game(_ parameters: Parameters) -> NormalFormGame {
    .prisonersDilemma(reward: parameters.real("reward"), sucker: parameters.real("sucker"),
                      temptation: parameters.real("temptation"), punishment: parameters.real("punishment"), actions: ["C", "D"])
  }
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
let moveColours = ColourScale(stops: [Colour(hex: 0xD55E00), Colour(hex: 0x0072B2)])
