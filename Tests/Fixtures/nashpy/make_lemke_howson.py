"""Lemke-Howson equilibria computed by nashpy, the reference for GameTheory's lemkeHowson.

For each game it records, for every initial dropped label k (row actions 0..m-1, column actions
m..m+n-1, nashpy's numbering), nashpy's `Game.lemke_howson(initial_dropped_label=k)` as
[row strategy, column strategy], or {"error": "<exception class>: <message>"} when nashpy raises
(or "PathTimeout" when a path has not ended after 20 s: it cycles; or "not finite" when it returns NaN),
with "warning": true when nashpy warned (it warns on degenerate games) and "is_equilibrium": whether
its answer is a Nash equilibrium (no pure deviation gains more than 1e-9, checked with numpy). It also records nashpy's
support_enumeration and vertex_enumeration (rounded to 12 decimals) as ground truth, except for the
12x12 games (too slow in nashpy).

Games:
- "random": the 50 nondegenerate games of ../games/random_games.json (referenced by id);
- "larger": three random 12x12 games, integers 0..99, numpy default_rng(21) (payoffs included);
- "nashpy-issue-83": the nondegenerate 8x2 game of nashpy issue 83, on which nashpy's
  lemke_howson(A, B, 9) raises although the game has a unique equilibrium;
- "nashpy-issue-35": the degenerate 3x3 game of nashpy issue 35 (A = B), on which nashpy's
  lemke_howson returns vectors of the wrong length;
- "nashpy-issue-231": the degenerate zero-sum 6x6 game of nashpy issue 231 (B = -A), with the
  equilibrium (0, 0, 1/3, 0, 1/3, 1/3) for both players.

Regenerate with (Python 3.11, nashpy 0.0.43, numpy 2.x), from the package root:
    python3 -m venv /tmp/nash && /tmp/nash/bin/pip install nashpy==0.0.43
    /tmp/nash/bin/python Tests/Fixtures/nashpy/make_lemke_howson.py > Tests/Fixtures/nashpy/lemke_howson.json
"""
import json
import pathlib
import signal
import sys
import warnings

import nashpy
import numpy as np

TIMEOUT = 20  # seconds per path; a path still running then is recorded as cycling
HERE = pathlib.Path(__file__).resolve().parent
RANDOM_GAMES = HERE.parent / "games" / "random_games.json"

ISSUE_83_A = [[9.5, -7.8], [-9.6, 0.3], [-7.1, -1.4], [5.9, 7.6], [9, 0.3], [7.5, 6.9], [-3.1, 3.6], [-8.4, -3.7]]
ISSUE_83_B = [[0.2, 0.6], [0.4, 0.1], [0.9, 0], [0.4, 0.1], [0.1, 0.2], [0.2, 0.1], [0.8, 1], [0.2, 0.4]]
ISSUE_35_A = [[-1, -1, -1], [0, 0, 0], [-1, -1, -10000]]
ISSUE_231_A = [[0, -1, -1, -1, 1, -1],
               [1, 0, 1, -1, -1, -1],
               [1, -1, 0, -1, -1, 1],
               [1, 1, 1, 0, -1, -1],
               [-1, 1, 1, 1, 0, -1],
               [1, 1, -1, 1, 1, 0]]


def pair(x, y):
    return [[float(v) for v in x], [float(v) for v in y]]


class PathTimeout(Exception):
    pass


def on_alarm(signum, frame):
    raise PathTimeout(f"no answer within {TIMEOUT} s (the path cycles)")


def is_equilibrium(game, x, y):
    """Whether no pure deviation gains more than 1e-9 (numpy, independent of nashpy's algorithm)."""
    a, b = game.payoff_matrices
    return bool((a @ y).max() - x @ a @ y <= 1e-9 and (x @ b).max() - x @ b @ y <= 1e-9)


def lemke_howson_paths(game, labels):
    paths = []
    signal.signal(signal.SIGALRM, on_alarm)
    for label in range(labels):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            signal.alarm(TIMEOUT)
            try:
                x, y = game.lemke_howson(initial_dropped_label=label)
                if np.all(np.isfinite(x)) and np.all(np.isfinite(y)):
                    entry = {"label": label, "equilibrium": pair(x, y), "is_equilibrium": is_equilibrium(game, x, y)}
                else:
                    entry = {"label": label, "error": f"not finite: {x.tolist()} x {y.tolist()}"}
            except Exception as error:  # nashpy raises or cycles on some paths; the fixture records how
                entry = {"label": label, "error": f"{type(error).__name__}: {error}"}
            finally:
                signal.alarm(0)
        entry["warning"] = len(caught) > 0
        paths.append(entry)
    return paths


def record(game_id, kind, a, b, include_payoffs, note="", enumerate_all=True):
    a = np.array(a, dtype=float)
    b = np.array(b, dtype=float)
    game = nashpy.Game(a, b)
    entry = {"id": game_id, "kind": kind}
    if note:
        entry["note"] = note
    if include_payoffs:
        entry["row_payoffs"] = a.tolist()
        entry["column_payoffs"] = b.tolist()
    entry["lemke_howson"] = lemke_howson_paths(game, a.shape[0] + a.shape[1])
    if not enumerate_all:
        return entry
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        entry["support_enumeration"] = [pair(x, y) for x, y in game.support_enumeration()]
        entry["vertex_enumeration"] = [pair(np.round(x, 12) + 0.0, np.round(y, 12) + 0.0)
                                       for x, y in game.vertex_enumeration()]
    return entry


def main():
    out = []
    for game in json.loads(RANDOM_GAMES.read_text())["games"]:
        out.append(record(game["id"], "random", game["row_payoffs"], game["column_payoffs"], False))
    rng = np.random.default_rng(21)
    for index in range(3):
        a = rng.integers(0, 100, size=(12, 12))
        b = rng.integers(0, 100, size=(12, 12))
        out.append(record(f"larger-{index}", "larger", a, b, True, enumerate_all=False))
    out.append(record("nashpy-issue-83", "issue", ISSUE_83_A, ISSUE_83_B, True,
                      "nondegenerate; nashpy's lemke_howson raises for label 9"))
    out.append(record("nashpy-issue-35", "issue", ISSUE_35_A, ISSUE_35_A, True, "degenerate, A = B"))
    out.append(record("nashpy-issue-231", "issue", ISSUE_231_A, (-np.array(ISSUE_231_A)).tolist(), True,
                      "degenerate zero-sum game, B = -A"))
    versions = {"python": sys.version.split()[0], "nashpy": nashpy.__version__, "numpy": np.__version__}
    json.dump({"generator": "Tests/Fixtures/nashpy/make_lemke_howson.py", "versions": versions, "games": out},
              sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
