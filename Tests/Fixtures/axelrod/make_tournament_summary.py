"""axelrod's round-robin tournament of the eight deterministic classic strategies, summarised.

Tournament(players, turns=200, repetitions=1) in the default game (3, 0, 5, 1), without noise, played
serially (processes=None); then ResultSet.summarise() and the per-player measures it is built from.
The file records, per player in tournament order: the summary row (Rank counted from 0, Name,
Median_score, Cooperation_rating, Wins, Initial_C_rate), the normalised scores and wins of each
repetition, and the payoff matrix (mean score per turn of row player against column player).
Floats are written with repr, so they read back exactly.

Regenerate with (axelrod 4.14.0, numpy 2.4.6, CPython 3.11.7), from the package root:
    python3 Tests/Fixtures/axelrod/make_tournament_summary.py > Tests/Fixtures/axelrod/tournament_summary.json
"""
import json
import sys
import warnings

import axelrod as axl

STRATEGIES = [
    axl.Cooperator, axl.Defector, axl.TitForTat, axl.Grudger, axl.WinStayLoseShift, axl.TitFor2Tats,
    axl.SuspiciousTitForTat, axl.Alternator,
]


def main():
    warnings.simplefilter("ignore")
    players = [s() for s in STRATEGIES]
    tournament = axl.Tournament(players, game=axl.Game(r=3, s=0, t=5, p=1), turns=200, repetitions=1)
    results = tournament.play(processes=None, progress_bar=False)
    summary = {row.Original_index: row for row in results.summarise()}
    rows = []
    for index, strategy in enumerate(STRATEGIES):
        row = summary[index]
        rows.append({
            "strategy": strategy.__name__,
            "name": row.Name,
            "rank": int(row.Rank),
            "median_score": float(row.Median_score),
            "cooperation_rating": float(row.Cooperation_rating),
            "wins": float(row.Wins),
            "initial_c_rate": float(row.Initial_C_rate),
            "normalised_scores": [float(x) for x in results.normalised_scores[index]],
            "repetition_wins": [int(x) for x in results.wins[index]],
        })
    json.dump({
        "axelrod_version": axl.__version__,
        "game": {"r": 3, "s": 0, "t": 5, "p": 1},
        "turns": 200,
        "repetitions": 1,
        "ranked_names": list(results.ranked_names),
        "players": rows,
        "payoff_matrix": [[float(x) for x in row] for row in results.payoff_matrix],
    }, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
