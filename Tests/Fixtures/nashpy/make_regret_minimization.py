"""nashpy's Game.regret_minimization (nashpy 0.0.43), beside GameTheory's RegretMatching.

nashpy 0.0.43 has Game(A, B).regret_minimization(learning_rate=0.1, iterations=100). It is not Hart
and Mas-Colell's regret matching: from uniform strategies it repeats, for each player,
    strategy <- normalise(strategy + learning_rate * max(0, utilities - strategy))
(payoffs minus probabilities), computes the column player's utilities as B @ x (not B.T @ x), and
returns, for each player, the uniform distribution over the actions of largest final probability.
This script records, for each game below and each iteration count, nashpy's answer (exactly: floats
of 0, 1/2, 1/3, 1) and whether it is a Nash equilibrium of the game (each player's expected payoff
within 1e-12 of its best pure reply). The Swift test compares it with where regret matching's
empirical play goes on the same games.

Regenerate from the package root (Python 3.11, nashpy 0.0.43, numpy 2.4.6):
    pip install nashpy==0.0.43
    python3 Tests/Fixtures/nashpy/make_regret_minimization.py > Tests/Fixtures/nashpy/regret_minimization.json
"""
import json

import nashpy
import numpy as np

GAMES = [
    # (id, A, B): A the row player's payoffs, B the column player's.
    ("prisoners-dilemma", [[3, 0], [5, 1]], [[3, 5], [0, 1]]),
    ("dominance-solvable-3x3", [[4, 3, 5], [2, 1, 3], [3, 0, 2]], [[3, 2, 1], [4, 3, 2], [1, 0, 1]]),
    ("symmetric-coordination", [[2, 0], [0, 1]], [[2, 0], [0, 1]]),
    ("matching-pennies", [[1, -1], [-1, 1]], [[-1, 1], [1, -1]]),
    ("rock-paper-scissors", [[0, -1, 1], [1, 0, -1], [-1, 1, 0]], [[0, 1, -1], [-1, 0, 1], [1, -1, 0]]),
    ("dominant-column-asymmetric", [[1, 0], [0, 2]], [[0, 3], [1, 4]]),
]
ITERATIONS = [100, 1000]


def is_equilibrium(A, B, x, y):
    A, B, x, y = np.array(A, float), np.array(B, float), np.array(x, float), np.array(y, float)
    row = A @ y
    column = B.T @ x
    return bool(row.max() - x @ row <= 1e-12 and column.max() - y @ column <= 1e-12)


def main():
    records = []
    for identifier, A, B in GAMES:
        game = nashpy.Game(np.array(A), np.array(B))
        for iterations in ITERATIONS:
            x, y = next(game.regret_minimization(learning_rate=0.1, iterations=iterations))
            x, y = [float(v) for v in x], [float(v) for v in y]
            records.append(
                {
                    "id": identifier,
                    "row_payoffs": A,
                    "column_payoffs": B,
                    "learning_rate": 0.1,
                    "iterations": iterations,
                    "strategies": [x, y],
                    "is_nash_equilibrium": is_equilibrium(A, B, x, y),
                }
            )
    print(json.dumps({"generator": f"nashpy {nashpy.__version__} Game.regret_minimization", "runs": records}, indent=1))


if __name__ == "__main__":
    main()
