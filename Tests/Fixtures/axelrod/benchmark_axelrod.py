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

Engine to engine (`--engine`): the same matches played directly with `axl.Match.play()`, a fresh
Match (and so a fresh DeterministicCache) for every match of every repetition, so every turn is
simulated, as in the Swift engine, and no ResultSet is built. `--noisy` switches to the tournament of
`game.tournament.noisy`: the ten classics (the eight above, Random, GTFT), noise 0.05, 55 matches.
`--clock cpu` times with CPU time (time.process_time), for side-by-side runs with `reproduce bench
--clock cpu` on a busy machine.

Run with (axelrod 4.14.0, numpy 2.4.6, CPython 3.11.7), from the package root:
    python3 Tests/Fixtures/axelrod/benchmark_axelrod.py [--engine] [--noisy] [--clock cpu]
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
NOISY_STRATEGIES = STRATEGIES + [axl.Random, axl.GTFT]
TURNS = 200
REPETITIONS = 10
NOISE = 0.05


def one_run(strategies, noise, clock):
    players = [s() for s in strategies]
    tournament = axl.Tournament(players, game=axl.Game(r=3, s=0, t=5, p=1), turns=TURNS, repetitions=REPETITIONS,
                                noise=noise, seed=1 if noise else None)
    start = clock()
    tournament.play(processes=None, progress_bar=False)
    return clock() - start


def one_engine_run(strategies, noise, clock):
    """Every match of the round robin (self-play included), every repetition, with axl.Match."""
    game = axl.Game(r=3, s=0, t=5, p=1)
    n = len(strategies)
    pairs = [(i, j) for i in range(n) for j in range(i, n)]
    start = clock()
    for repetition in range(REPETITIONS):
        for i, j in pairs:
            match = axl.Match((strategies[i](), strategies[j]()), turns=TURNS, game=game, noise=noise,
                              deterministic_cache=axl.DeterministicCache(), seed=repetition * 1000 + i * n + j)
            match.play()
    return clock() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="timed runs; the best is reported")
    parser.add_argument("--engine", action="store_true", help="time axl.Match.play() alone (engine to engine)")
    parser.add_argument("--noisy", action="store_true", help="the ten classics with noise 0.05")
    parser.add_argument("--clock", choices=["wall", "cpu"], default="wall", help="wall or CPU time")
    arguments = parser.parse_args()
    warnings.simplefilter("ignore")
    strategies = NOISY_STRATEGIES if arguments.noisy else STRATEGIES
    noise = NOISE if arguments.noisy else 0
    clock = time.process_time if arguments.clock == "cpu" else time.perf_counter
    run = one_engine_run if arguments.engine else one_run
    n = len(strategies)
    turns = n * (n + 1) // 2 * REPETITIONS * TURNS
    run(strategies, noise, clock)  # warm-up: imports, dask start-up
    times = [run(strategies, noise, clock) for _ in range(max(1, arguments.runs))]
    best = min(times)
    print(f"axelrod {axl.__version__}, Python {sys.version.split()[0]}: {turns} turns per "
          f"{'round of matches' if arguments.engine else 'tournament'}, {arguments.clock} clock, "
          f"runs {', '.join(f'{t:.3f}' for t in times)} s", file=sys.stderr)
    print(f"axelrod turns/s: {turns / best:.0f}")


if __name__ == "__main__":
    main()
