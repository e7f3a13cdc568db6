"""nashpy's learning and evolutionary dynamics, the reference for GameTheory's Dynamics folder.

- "replicator": nashpy's Game(A).replicator_dynamics(y0, timepoints) (scipy odeint, LSODA) for three
  symmetric games, at timepoints numpy.linspace(0, 10, 101); every state is recorded.
- "asymmetric_replicator": Game(A, B).asymmetric_replicator_dynamics(x0, y0, timepoints) for two
  bimatrix games, same timepoints; both populations' states.
- "fictitious_play": Game(A, B).fictitious_play(iterations=200, play_counts=initial) for three
  games with payoffs drawn uniformly from [-1, 2) (numpy default_rng(2024), full precision) and non-zero initial counts; every count vector. nashpy breaks ties
  at random; the script replays each path and asserts that no iteration had a tie, so the paths do
  not depend on numpy's generator and must be matched exactly.
- "stochastic_fictitious_play": Game(A, B).stochastic_fictitious_play(iterations=200, etha,
  epsilon_bar) for two games, 1000 runs each (numpy.random.seed(run) before run `run`); for every
  action of each player, the mean and sample standard deviation over the runs of its empirical
  frequency after the last iteration. Single paths depend on numpy's generator; the Swift tests
  compare means.

Regenerate with (Python 3.11, nashpy 0.0.43, numpy 2.4.6, scipy 1.17.1), from the package root:
    python3 Tests/Fixtures/nashpy/make_dynamics.py > Tests/Fixtures/nashpy/dynamics.json
"""
import json
import sys

import nashpy
import numpy as np

TIMES = np.linspace(0, 10, 101)

REPLICATOR = [
    ("rock-paper-scissors-biased", [[0, -1, 2], [2, 0, -1], [-1, 2, 0]], [0.5, 0.3, 0.2]),
    ("hawk-dove", [[0, 3], [1, 2]], [0.9, 0.1]),
    ("four-strategies", [[1, 2.5, 0, 3], [0.5, 1, 4, 0], [2, 0, 1, 1.5], [3, 1, 0.5, 2]], [0.1, 0.2, 0.3, 0.4]),
]
ASYMMETRIC = [
    ("matching-pennies-skewed", [[2, -1], [-1, 1]], [[-1, 1], [1, -1]], [0.3, 0.7], [0.6, 0.4]),
    ("two-by-three", [[3, 0, 1], [1, 2, 0.5]], [[1, 2, 0], [0, 1, 3]], [0.5, 0.5], [0.2, 0.3, 0.5]),
]
_RNG = np.random.default_rng(2024)  # full-precision payoffs: no exact ties between sums of counts
FICTITIOUS = [
    ("two-by-two-random", _RNG.uniform(-1, 2, (2, 2)).tolist(), _RNG.uniform(-1, 2, (2, 2)).tolist(), [[1, 0], [0, 1]]),
    ("three-by-three-random", _RNG.uniform(-1, 2, (3, 3)).tolist(), _RNG.uniform(-1, 2, (3, 3)).tolist(), [[1, 0, 0], [0, 1, 0]]),
    ("three-by-two-random", _RNG.uniform(-1, 2, (3, 2)).tolist(), _RNG.uniform(-1, 2, (3, 2)).tolist(), [[0, 1, 0], [1, 0]]),
]
STOCHASTIC = [
    ("matching-pennies-skewed", [[2, -1], [-1, 1]], [[-1, 1], [1, -1]], 0.1, 0.01),
    ("rock-paper-scissors", [[0, -1, 1], [1, 0, -1], [-1, 1, 0]], [[0, 1, -1], [-1, 0, 1], [1, -1, 0]], 0.5, 0.1),
]
SFP_RUNS = 1000
SFP_ITERATIONS = 200


def has_tie(matrix, counts):
    utilities = np.asarray(matrix, dtype=float) @ np.asarray(counts, dtype=float)
    return int(np.sum(utilities == np.max(utilities))) > 1


def fictitious(name, a, b, initial):
    game = nashpy.Game(np.array(a), np.array(b))
    counts = [[c.tolist() for c in step] for step in game.fictitious_play(iterations=200, play_counts=[np.array(c) for c in initial])]
    for row, column in counts[:-1]:
        assert not has_tie(a, column) and not has_tie(np.array(b).T, row), f"tie in {name}"
    return {"name": name, "row_payoffs": a, "column_payoffs": b, "initial_counts": initial, "iterations": 200,
            "row_counts": [step[0] for step in counts], "column_counts": [step[1] for step in counts]}


def stochastic(name, a, b, etha, epsilon_bar):
    game = nashpy.Game(np.array(a), np.array(b))
    finals = []
    for run in range(SFP_RUNS):
        np.random.seed(run)
        *_, (counts, _) = game.stochastic_fictitious_play(iterations=SFP_ITERATIONS, etha=etha, epsilon_bar=epsilon_bar)
        finals.append(np.concatenate([counts[0] / np.sum(counts[0]), counts[1] / np.sum(counts[1])]))
    finals = np.array(finals)
    rows = len(a)
    return {"name": name, "row_payoffs": a, "column_payoffs": b, "etha": etha, "epsilon_bar": epsilon_bar,
            "iterations": SFP_ITERATIONS, "runs": SFP_RUNS,
            "row_mean": finals.mean(axis=0)[:rows].tolist(), "column_mean": finals.mean(axis=0)[rows:].tolist(),
            "row_sd": finals.std(axis=0, ddof=1)[:rows].tolist(), "column_sd": finals.std(axis=0, ddof=1)[rows:].tolist()}


def main():
    replicator = [{"name": name, "payoffs": a, "initial": y0, "times": TIMES.tolist(),
                   "states": nashpy.Game(np.array(a)).replicator_dynamics(y0=np.array(y0), timepoints=TIMES).tolist()}
                  for name, a, y0 in REPLICATOR]
    asymmetric = []
    for name, a, b, x0, y0 in ASYMMETRIC:
        xs, ys = nashpy.Game(np.array(a), np.array(b)).asymmetric_replicator_dynamics(
            x0=np.array(x0), y0=np.array(y0), timepoints=TIMES)
        asymmetric.append({"name": name, "row_payoffs": a, "column_payoffs": b, "row_initial": x0, "column_initial": y0,
                           "times": TIMES.tolist(), "row_states": xs.tolist(), "column_states": ys.tolist()})
    json.dump({
        "nashpy_version": nashpy.__version__,
        "replicator": replicator,
        "asymmetric_replicator": asymmetric,
        "fictitious_play": [fictitious(*entry) for entry in FICTITIOUS],
        "stochastic_fictitious_play": [stochastic(*entry) for entry in STOCHASTIC],
    }, sys.stdout, indent=0)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
