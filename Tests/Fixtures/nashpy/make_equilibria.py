"""Nash equilibria computed by nashpy, the reference for GameTheory's support enumeration.

For every game of ../games/random_games.json (50 random bimatrix games, 2x2 to 5x5, integer payoffs
0..99), for the named games (prisoner's dilemma, stag hunt, battle of the sexes, chicken, matching
pennies, coordination) and for four degenerate games, it records:

- "support_enumeration": nashpy's Game.support_enumeration() with its default arguments, in nashpy's
  order, each equilibrium as [row strategy, column strategy];
- "even_count_warning": whether nashpy warned that it found an even number of equilibria (its only
  degeneracy signal);
- "vertex_enumeration": nashpy's Game.vertex_enumeration(), rounded to 12 decimals (for comparison);
- "degenerate": whether the game is degenerate by the definition (some mixed strategy with k actions
  in its support has more than k pure best responses), decided independently of nashpy by one
  linear feasibility problem per pair (S, T), |S| = k, |T| = k + 1, solved with scipy's HiGHS:
  is there a strategy supported in S to which every action of T is a best response?
  "degeneracy_witness" gives the first such (player, S, T), players and actions numbered from 0.

Random games are referenced by id; the others carry their payoff matrices ("row_payoffs",
"column_payoffs"). The named games use the defaults of the Swift constructors, which the tests check
against these matrices.

Regenerate with (Python 3.11, nashpy 0.0.43, numpy 2.4.6, scipy 1.17.1), from the package root:
    python3 Tests/Fixtures/nashpy/make_equilibria.py > Tests/Fixtures/nashpy/equilibria.json
"""
import itertools
import json
import pathlib
import sys
import warnings

import nashpy
import numpy as np
import scipy
from scipy.optimize import linprog

HERE = pathlib.Path(__file__).resolve().parent
RANDOM_GAMES = HERE.parent / "games" / "random_games.json"

NAMED = [
    # id, row payoffs, column payoffs, note
    ("prisoners-dilemma", [[3, 0], [5, 1]], [[3, 5], [0, 1]],
     "prisonersDilemma(reward: 3, sucker: 0, temptation: 5, punishment: 1)"),
    ("donation-pd-g3", [[3, 0], [4, 1]], [[3, 4], [0, 1]], "prisonersDilemma(donation: 3)"),
    ("stag-hunt", [[2, 0], [1, 1]], [[2, 1], [0, 1]], "stagHunt() (OpenSpiel matrix_sh)"),
    ("battle-of-the-sexes", [[2, 0], [0, 1]], [[1, 0], [0, 2]], "battleOfTheSexes() and schellingPub()"),
    ("chicken", [[0, -1], [1, -10]], [[0, 1], [-1, -10]], "chicken()"),
    ("matching-pennies", [[1, -1], [-1, 1]], [[-1, 1], [1, -1]], "matchingPennies()"),
    ("coordination", [[1, 0], [0, 1]], [[1, 0], [0, 1]], "coordination()"),
    ("coordination-2-1", [[2, 0], [0, 1]], [[2, 0], [0, 1]], "coordination(payoffs: [2, 1])"),
    ("coordination-3", [[1, 0, 0], [0, 1, 0], [0, 0, 1]], [[1, 0, 0], [0, 1, 0], [0, 0, 1]],
     "coordination(payoffs: [1, 1, 1])"),
]

DEGENERATE = [
    ("nashpy-docs-degenerate", [[0, -1, 1], [-1, 0, 1], [-1, 0, 1]], [[0, 1, -1], [1, 0, -1], [1, 0, -1]],
     "nashpy docs, how-to 'handle degenerate games': zero-sum game A, B = -A"),
    ("gambit-e02", [[1, 1], [0, 0], [0, 2]], [[1, 1], [2, 3], [2, 0]],
     "Gambit's e02.nfg (Selten 1975, Figure 2), the .nfg format documentation's example"),
    ("von-stengel-3x2", [[3, 3], [2, 5], [0, 6]], [[3, 3], [2, 6], [3, 1]],
     "von Stengel's degenerate example (also the lrsnash example of QuantEcon's docs)"),
    ("nashpy-issue-222", [[-3, 3], [-3, 5]], [[2, 7], [4, 2]],
     "nashpy GitHub issue 222: a continuum (p, 1-p) x (1, 0), p in [0, 2/7]"),
]


def strategies(equilibria):
    return [[[float(v) for v in x], [float(v) for v in y]] for x, y in equilibria]


def degeneracy_witness(a, b):
    """The first (player, S, T) with a strategy of `player` supported in S (|S| = k) to which all of T
    (|T| = k + 1) are best responses, or None."""
    for player, own_count, other_count in ((0, a.shape[0], a.shape[1]), (1, a.shape[1], a.shape[0])):
        # other_payoff[s][t]: the other player's payoff when `player` plays s and the other plays t.
        other_payoff = b if player == 0 else a.T
        for k in range(1, min(own_count, other_count - 1) + 1):
            for s in itertools.combinations(range(own_count), k):
                for t in itertools.combinations(range(other_count), k + 1):
                    # variables: x_s (k of them), u
                    a_eq, b_eq, a_ub, b_ub = [], [], [], []
                    for column in range(other_count):
                        row = [other_payoff[i][column] for i in s] + [-1]
                        (a_eq if column in t else a_ub).append(row)
                        (b_eq if column in t else b_ub).append(0)
                    a_eq.append([1] * k + [0])
                    b_eq.append(1)
                    result = linprog(np.zeros(k + 1), A_ub=a_ub or None, b_ub=b_ub or None, A_eq=a_eq, b_eq=b_eq,
                                     bounds=[(0, None)] * k + [(None, None)], method="highs")
                    if result.status == 0:
                        return {"player": player, "support_within": list(s), "best_responses": list(t)}
    return None


def record(game_id, a, b, extra):
    a = np.array(a, dtype=float)
    b = np.array(b, dtype=float)
    game = nashpy.Game(a, b)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        support = list(game.support_enumeration())
    even_warning = any("even number" in str(w.message) for w in caught)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        vertex = [[list(np.round(x, 12) + 0.0), list(np.round(y, 12) + 0.0)] for x, y in game.vertex_enumeration()]
    witness = degeneracy_witness(a, b)
    entry = {"id": game_id}
    entry.update(extra)
    entry.update({
        "support_enumeration": strategies(support),
        "even_count_warning": even_warning,
        "vertex_enumeration": [[[float(v) for v in x], [float(v) for v in y]] for x, y in vertex],
        "degenerate": witness is not None,
        "degeneracy_witness": witness,
    })
    return entry


def main():
    games = json.loads(RANDOM_GAMES.read_text())["games"]
    out = []
    for game in games:
        out.append(record(game["id"], game["row_payoffs"], game["column_payoffs"], {"kind": "random"}))
    for game_id, a, b, note in NAMED:
        out.append(record(game_id, a, b, {"kind": "named", "note": note, "row_payoffs": a, "column_payoffs": b}))
    for game_id, a, b, note in DEGENERATE:
        out.append(record(game_id, a, b, {"kind": "degenerate", "note": note, "row_payoffs": a, "column_payoffs": b}))
    versions = {"python": sys.version.split()[0], "nashpy": nashpy.__version__, "numpy": np.__version__,
                "scipy": scipy.__version__}
    json.dump({"generator": "Tests/Fixtures/nashpy/make_equilibria.py", "versions": versions, "games": out},
              sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
