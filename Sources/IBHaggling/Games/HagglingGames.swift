import GameTheory
import LabKit

/// The games of the text that GameTheory does not already name. Two-player classics (prisoner's
/// dilemma, stag hunt, Schelling pub) come from GameTheory's constructors.
public enum HagglingGames {
  /// The prisoner's dilemma with the payoffs (R, S, T, P) = (2, 0, 3, 1) by default. The text's matrix
  /// was an image and is lost; these numbers fit everything it says: the violet outcome (1, 2.5) is the
  /// average of (C, C) = (2, 2) and (C, D) = (0, 3); "reward 3 most of the time" from exploitation gives
  /// T = 3; (1, 1) is mutual defection and ⊤'s value; the Grim remark ("never … a reward bigger than 1")
  /// gives max(S, P) = 1; and the feasible set conv{(1,1), (3,0), (2,2), (0,3)} is a rhombus (four sides
  /// of length √5), as the text calls it. Actions "C" and "D".
  public static func prisonersDilemma(reward: Double = 2, sucker: Double = 0, temptation: Double = 3, punishment: Double = 1) -> NormalFormGame {
    .prisonersDilemma(reward: reward, sucker: sucker, temptation: temptation, punishment: punishment, actions: ["C", "D"])
  }

  /// A generalised stag hunt of `players` hunters (§Generalised stag hunt): each hunts stag or hare;
  /// a hare pays `hare` whatever the others do, a stag pays `stag` only when every hunter hunts stag
  /// (`failure` otherwise). With stag > hare > failure the unique Pareto-optimal profile is all stag.
  /// For two players and the defaults it is GameTheory's stag hunt (OpenSpiel's `matrix_sh`).
  public static func stagHunt(players: Int = 2, stag: Double = 2, hare: Double = 1, failure: Double = 0) -> NormalFormGame {
    precondition(players >= 1, "stagHunt: at least one player")
    return NormalFormGame(actions: Array(repeating: ["stag", "hare"], count: players)) { profile in
      let all = profile.allSatisfy { $0 == 0 }
      return profile.map { $0 == 1 ? hare : (all ? stag : failure) }
    }
  }

  /// The cake-splitting game (§Multiplayer games): each of three players names one of the other two.
  /// If two players name each other they get `pair` each and the third gets 0; if no two do, everyone
  /// gets `alone`. The text's fractions were lost in extraction ("512", "13"); they are 5/12 and 1/3
  /// (so that 2/3 · 5/12 + 1/3 · 0 = 5/18 < 1/3, as the text computes).
  ///
  /// Player i's action 0 names the lower-numbered other player, action 1 the higher-numbered one.
  /// Actions are named after the player named ("→1", "→2", "→3").
  public static func cakeSplitting(pair: Double = 5.0 / 12.0, alone: Double = 1.0 / 3.0) -> NormalFormGame {
    let names = (0..<3).map { i in (0..<3).filter { $0 != i }.map { "→\($0 + 1)" } }
    return NormalFormGame(playerNames: ["player 1", "player 2", "player 3"], actions: names) { profile in
      let target = (0..<3).map { i in (0..<3).filter { $0 != i }[profile[i]] }
      for i in 0..<3 where target[target[i]] == i {
        let j = target[i]
        return (0..<3).map { $0 == i || $0 == j ? pair : 0 }
      }
      return [alone, alone, alone]
    }
  }

  /// The three-player demand game (§Multiplayer games): Alice, Bob and Charlie each ask for 1, 2 or 3.
  /// Asking (3, 3, 1) or (1, 1, 3) gets what was asked; when Alice and Bob both ask 2 they get 2 each
  /// and Charlie 0, whatever Charlie asks; otherwise everyone gets 0.
  public static func threePlayerDemands() -> NormalFormGame {
    NormalFormGame(playerNames: ["Alice", "Bob", "Charlie"], actions: Array(repeating: ["1", "2", "3"], count: 3)) { profile in
      let ask = profile.map { Double($0 + 1) }
      if ask == [3, 3, 1] || ask == [1, 1, 3] { return ask }
      if ask[0] == 2 && ask[1] == 2 { return [2, 2, 0] }
      return [0, 0, 0]
    }
  }
}
