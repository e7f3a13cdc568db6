"""axelrod's mean results of stochastic and noisy matches, for statistical comparison.

Six pairings of classic strategies, each played as 1000 matches of 200 turns in the default game
(3, 0, 5, 1), match i with Match(..., seed=i). For each player the file records the mean and the sample
standard deviation (ddof=1), over the 1000 matches, of its score per turn and of its cooperation rate
(cooperations / turns), so a test can compare its own means with a two-sample z statistic.
GTFT uses axelrod's default p = min(1 - (T - R)/(R - S), (R - P)/(T - P)) = 1/3; Random plays C with
probability 0.5.

Regenerate with (axelrod 4.14.0, numpy 2.4.6, CPython 3.11.7), from the package root (about a minute):
    python3 Tests/Fixtures/axelrod/make_stochastic_means.py > Tests/Fixtures/axelrod/stochastic_means.json
"""
import json
import sys

import axelrod as axl
import numpy as np

PAIRINGS = [
    ("GTFT", "Defector", 0.0),
    ("Random", "TitForTat", 0.0),
    ("TitForTat", "TitForTat", 0.1),
    ("WinStayLoseShift", "GTFT", 0.05),
    ("Grudger", "Alternator", 0.2),
    ("Cooperator", "Defector", 0.1),
]
MATCHES = 1000
TURNS = 200


def main():
    game = axl.Game(r=3, s=0, t=5, p=1)
    rows = []
    for first, second, noise in PAIRINGS:
        scores = np.zeros((MATCHES, 2))
        cooperation = np.zeros((MATCHES, 2))
        for seed in range(MATCHES):
            players = (getattr(axl, first)(), getattr(axl, second)())
            match = axl.Match(players, turns=TURNS, game=game, noise=noise, seed=seed)
            match.play()
            scores[seed] = match.final_score_per_turn()
            cooperation[seed] = np.array(match.cooperation()) / TURNS
        rows.append({
            "first": first,
            "second": second,
            "noise": noise,
            "score_per_turn_mean": [float(x) for x in scores.mean(axis=0)],
            "score_per_turn_sd": [float(x) for x in scores.std(axis=0, ddof=1)],
            "cooperation_rate_mean": [float(x) for x in cooperation.mean(axis=0)],
            "cooperation_rate_sd": [float(x) for x in cooperation.std(axis=0, ddof=1)],
        })
    json.dump({
        "axelrod_version": axl.__version__,
        "game": {"r": 3, "s": 0, "t": 5, "p": 1},
        "turns": TURNS,
        "matches": MATCHES,
        "seeds": "0 ..< matches, one per match",
        "pairings": rows,
    }, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
