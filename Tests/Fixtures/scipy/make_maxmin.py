"""Security values of the shared random bimatrix games, computed with scipy's HiGHS, for the GameTheory tests.

For every game of Tests/Fixtures/games/random_games.json and each player i (0 = row, 1 = column):
- "maxmin": von Neumann's LP  max v  s.t.  sum_a s_a r_i(a, b) >= v for every pure action b of the
  other player, sum_a s_a = 1, s >= 0  (scipy.optimize.linprog, method "highs");
- "strategy": that maxmin strategy (HiGHS's basic solution, rounded to 12 decimals) when it is unique,
  else null. Uniqueness: with v fixed at the value minus 1e-9, each probability s_a is minimised and
  maximised over the (relaxed) optimal face; the strategy is unique when every range is below 1e-6;
- "minimax": the separate LP  min t  s.t.  sum_b y_b r_i(a, b) <= t for every action a of i,
  y a distribution over the other player's actions (equal to maxmin by the minimax theorem);
- "pure_maxmin": max_a min_b r_i(a, b).
Values are rounded to 12 significant digits.

Regenerate with (scipy 1.17.1, numpy 2.4.6, Python 3):
    python3 Tests/Fixtures/scipy/make_maxmin.py > Tests/Fixtures/scipy/maxmin.json
"""
import json
import pathlib

import numpy as np
import scipy
from scipy.optimize import linprog

GAMES = pathlib.Path(__file__).resolve().parent.parent / "games" / "random_games.json"


def own_rows(game, player):
    """Player's payoff matrix with the player's own actions as rows."""
    if player == 0:
        return np.array(game["row_payoffs"], dtype=float)
    return np.array(game["column_payoffs"], dtype=float).T


def maxmin(m):
    """max_s min_b s^T m[:, b]; variables (s_1..s_n, v)."""
    n, k = m.shape
    c = np.zeros(n + 1)
    c[-1] = -1.0
    a_ub = np.hstack([-m.T, np.ones((k, 1))])  # v - s^T m[:, b] <= 0
    a_eq = np.hstack([np.ones((1, n)), np.zeros((1, 1))])
    bounds = [(0, None)] * n + [(None, None)]
    result = linprog(c, A_ub=a_ub, b_ub=np.zeros(k), A_eq=a_eq, b_eq=[1.0], bounds=bounds, method="highs")
    assert result.status == 0, result.message
    return -result.fun, result.x[:n]


def is_unique(m, value):
    n, k = m.shape
    ranges = []
    for action in range(n):
        ends = []
        for sign in (1.0, -1.0):
            c = np.zeros(n)
            c[action] = sign
            result = linprog(c, A_ub=-m.T, b_ub=-np.full(k, value - 1e-9), A_eq=np.ones((1, n)), b_eq=[1.0],
                             bounds=[(0, None)] * n, method="highs")
            assert result.status == 0, result.message
            ends.append(result.x[action])
        ranges.append(ends)
    return all(abs(high - low) < 1e-6 for low, high in ranges)


def minimax(m):
    """min_y max_a m[a, :] y; variables (y_1..y_k, t)."""
    n, k = m.shape
    c = np.zeros(k + 1)
    c[-1] = 1.0
    a_ub = np.hstack([m, -np.ones((n, 1))])  # m[a, :] y - t <= 0
    a_eq = np.hstack([np.ones((1, k)), np.zeros((1, 1))])
    result = linprog(c, A_ub=a_ub, b_ub=np.zeros(n), A_eq=a_eq, b_eq=[1.0], bounds=[(0, None)] * k + [(None, None)],
                     method="highs")
    assert result.status == 0, result.message
    return result.fun


def significant(x):
    return float(f"{x:.12g}") + 0.0


games = json.loads(GAMES.read_text())["games"]
out = []
for game in games:
    players = []
    for player in (0, 1):
        m = own_rows(game, player)
        value, strategy = maxmin(m)
        players.append({
            "player": player,
            "maxmin": significant(value),
            "strategy": [round(p, 12) + 0.0 for p in strategy] if is_unique(m, value) else None,
            "minimax": significant(minimax(m)),
            "pure_maxmin": significant(m.min(axis=1).max()),
        })
    out.append({"id": game["id"], "players": players})
print(json.dumps({"generator": f"scipy {scipy.__version__} linprog(method='highs'), numpy {np.__version__}",
                  "games": out}, indent=1))
