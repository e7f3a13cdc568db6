"""Gambit's simplicial subdivision (pygambit 16.7.0, simpdiv_solve) as the reference for GameTheory's
n-player equilibria (NormalFormGame.simplicialSubdivision, `game solve --method simpdiv`).

For each game below it writes the game as games/NAME.nfg (Game.to_nfg()) and records in simpdiv.json:
- "simpdiv": simpdiv_solve from Gambit's default start (every player on its first strategy) with the
  default maxregret (1/10^7 of the payoff range: pygambit 16.7.0's code passes
  Rational(1, 10000000) when maxregret is None, although its docstring says 1e-8) and refine 2: the profile as exact fractions (strings)
  and floats, one list per player, and its largest regret (max_regret(), absolute);
- "allEquilibria": for games with two strategies per player, enumpoly_solve's list (every isolated
  equilibrium, floats, maxregret 1e-4 of the range), so a test can say which equilibrium was found and
  whether it is the only one;
- "payoffRange": max_payoff - min_payoff.
Payoffs are integers 0..9 drawn with numpy's default_rng(seed) per game (seeds below), plus Jordan's
3-player cyclic matching-pennies game (J. S. Jordan 1993, "Three problems in learning mixed-strategy
Nash equilibria", Games and Economic Behavior 5: its only equilibrium is (1/2, 1/2, 1/2)).

Regenerate from the package root (Python 3.11, pygambit 16.7.0, numpy 2.4.6):
    pip install pygambit==16.7.0
    python3 Tests/Fixtures/pygambit/make_simpdiv.py
"""
import json
import pathlib
from fractions import Fraction

import numpy as np
import pygambit as gbt

HERE = pathlib.Path(__file__).resolve().parent
GAMES = [
    ("random-2x2x2-seed1", (2, 2, 2), 1),
    ("random-2x2x2-seed2", (2, 2, 2), 2),
    ("random-2x2x2-seed3", (2, 2, 2), 3),
    ("random-2x2x2-seed4", (2, 2, 2), 4),
    ("random-3x3x3-seed5", (3, 3, 3), 5),
    ("random-2x3x4-seed6", (2, 3, 4), 6),
    ("random-4x4x4-seed7", (4, 4, 4), 7),
    ("random-2x2x2x2-seed8", (2, 2, 2, 2), 8),
    ("random-3x2x3x2-seed9", (3, 2, 3, 2), 9),
]


def jordan():
    """Player 1 gains by matching player 2, player 2 by matching player 3, player 3 by mismatching player 1."""
    shape = (2, 2, 2)
    arrays = [np.zeros(shape, dtype=int) for _ in range(3)]
    for a in range(2):
        for b in range(2):
            for c in range(2):
                arrays[0][a, b, c] = 1 if a == b else -1
                arrays[1][a, b, c] = 1 if b == c else -1
                arrays[2][a, b, c] = 1 if c != a else -1
    return arrays


def profile_lists(profile, game):
    exact = [[str(Fraction(str(profile[strategy]))) for strategy in player.strategies] for player in game.players]
    floats = [[float(Fraction(value)) for value in player] for player in exact]
    return exact, floats


def record(name, arrays):
    game = gbt.Game.from_arrays(*[array.astype(int) for array in arrays], title=name)
    (HERE / "games").mkdir(exist_ok=True)
    (HERE / "games" / f"{name}.nfg").write_text(game.to_nfg())
    result = gbt.nash.simpdiv_solve(game.mixed_strategy_profile(rational=True, data=[[1] + [0] * (len(p.strategies) - 1) for p in game.players]))
    profile = result.equilibria[0]
    exact, floats = profile_lists(profile, game)
    entry = {
        "name": name,
        "file": f"games/{name}.nfg",
        "payoffRange": float(Fraction(str(game.max_payoff)) - Fraction(str(game.min_payoff))),
        "simpdiv": {"exact": exact, "strategies": floats, "regret": float(Fraction(str(profile.max_regret())))},
    }
    if all(len(player.strategies) == 2 for player in game.players):
        everything = gbt.nash.enumpoly_solve(game, use_strategic=True)
        entry["allEquilibria"] = [
            [[float(eq[strategy]) for strategy in player.strategies] for player in game.players] for eq in everything.equilibria
        ]
    return entry


def main():
    entries = []
    for name, shape, seed in GAMES:
        rng = np.random.default_rng(seed)
        arrays = [rng.integers(0, 10, size=shape) for _ in shape]
        entries.append(record(name, arrays))
    entries.append(record("jordan-3-player", jordan()))
    document = {"generator": f"pygambit {gbt.__version__}, simpdiv_solve (maxregret 1e-7, refine 2), enumpoly_solve", "games": entries}
    (HERE / "simpdiv.json").write_text(json.dumps(document, indent=1) + "\n")


if __name__ == "__main__":
    main()
