"""Fixation frequencies of axelrod's MoranProcess, the reference for GameTheory's MoranProcess.

Each setup is a population of deterministic strategies (axelrod class names, with their counts)
playing axelrod's default Moran process: every step each player plays a match of `turns` turns
against every other player (no noise), its fitness is the sum of its per-turn scores
(`final_score_per_turn`), one player is chosen to reproduce in proportion to fitness and one to
die uniformly among all players (the reproducing one included; mode "bd"), until one strategy has
taken over. Each setup is run `runs` times, run r with `MoranProcess(players, turns=turns,
seed=r)`, and the file records how many runs each strategy won (`winning_strategy_name`).

Regenerate with (axelrod 4.14.0, numpy 2.4.6, CPython 3.11.7), from the package root:
    python3 Tests/Fixtures/axelrod/make_moran_fixation.py > Tests/Fixtures/axelrod/moran_fixation.json
"""
import json
import sys
import warnings

import axelrod as axl

SETUPS = [
    ("tit-for-tat-v-defector", [("TitForTat", 2), ("Defector", 2)], 10),
    ("cooperator-v-defector", [("Cooperator", 3), ("Defector", 2)], 10),
    ("grudger-alternator-defector", [("Grudger", 2), ("Alternator", 1), ("Defector", 2)], 10),
    ("prober-v-fortress3", [("Prober", 3), ("Fortress3", 3)], 20),
]
RUNS = 1000


def main():
    warnings.simplefilter("ignore")
    setups = []
    for name, population, turns in SETUPS:
        players = [getattr(axl, strategy)() for strategy, count in population for _ in range(count)]
        names = {getattr(axl, strategy)().name: strategy for strategy, _ in population}
        wins = {strategy: 0 for strategy, _ in population}
        for run in range(RUNS):
            process = axl.MoranProcess([p.clone() for p in players], turns=turns, seed=run)
            process.play()
            wins[names[process.winning_strategy_name]] += 1
        setups.append({"name": name, "strategies": [s for s, _ in population], "counts": [c for _, c in population],
                       "turns": turns, "runs": RUNS, "wins": [wins[s] for s, _ in population]})
    json.dump({"axelrod_version": axl.__version__, "setups": setups}, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
