"""Turns per second of axelrod on the tournament of the Swift benchmark `game.tournament.deterministic`.

The tournament: the eight deterministic classic strategies (Cooperator, Defector, TitForTat, Grudger,
WinStayLoseShift, TitFor2Tats, SuspiciousTitForTat, Alternator), round robin with self-play (36
matches), 200 turns, 10 repetitions, default game (3, 0, 5, 1), no noise: 72,000 turns. It is played
with `Tournament.play(processes=None, progress_bar=False)`, which builds the ResultSet, as the Swift
benchmark builds its TournamentResult. One untimed warm-up run, then the best of `--runs` timed runs
(5 by default), as LabKit's Benchmark.measure does.

Serial means processes=None in axelrod 4.14.0: `play(processes=1)` goes to `_run_parallel`, whose
`_n_workers(1)` falls back to cpu_count() worker processes (it accepts only 2 <= processes <=
cpu_count()), and costs seconds of process start-up.

Turns are counted as pairs x repetitions x turns even though axelrod plays each deterministic pair
once and answers the other 9 repetitions from its DeterministicCache; the Swift benchmark simulates
every one. The count therefore flatters axelrod, and the ratio against it is conservative.

Run with (axelrod 4.14.0, numpy 2.4.6, CPython 3.11.7), from the package root:
    python3 Tests/Fixtures/axelrod/benchmark_axelrod.py
It prints one line on stdout, `axelrod turns/s: <number>`; details go to stderr.
"""
import argparse
import sys
import time
import warnings

import axelrod as axl

STRATEGIES = [
    axl.Cooperator, axl.Defector, axl.TitForTat, axl.Grudger, axl.WinStayLoseShift, axl.TitFor2Tats,
    axl.SuspiciousTitForTat, axl.Alternator,
]
TURNS = 200
REPETITIONS = 10


def one_run():
    players = [s() for s in STRATEGIES]
    tournament = axl.Tournament(players, game=axl.Game(r=3, s=0, t=5, p=1), turns=TURNS, repetitions=REPETITIONS)
    start = time.perf_counter()
    tournament.play(processes=None, progress_bar=False)
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="timed runs; the best is reported")
    runs = parser.parse_args().runs
    warnings.simplefilter("ignore")
    n = len(STRATEGIES)
    turns = n * (n + 1) // 2 * REPETITIONS * TURNS
    one_run()  # warm-up: imports, dask start-up
    times = [one_run() for _ in range(max(1, runs))]
    best = min(times)
    print(f"axelrod {axl.__version__}, Python {sys.version.split()[0]}: {turns} turns per tournament, "
          f"runs {', '.join(f'{t:.3f}' for t in times)} s", file=sys.stderr)
    print(f"axelrod turns/s: {turns / best:.0f}")


if __name__ == "__main__":
    main()
