"""Runs to fixation per CPU second of axelrod's MoranProcess on the Swift benchmark `game.moran`.

The workload: axelrod.MoranProcess([TitForTat(), TitForTat(), Defector(), Defector()], turns=10,
seed=r).play() for r = 0, 1, 2, ... (one run to fixation per process, each process with its own
deterministic cache, as the Swift benchmark plays the matches afresh each run). One untimed warm-up
run, then the best of `--runs` timed runs (5 by default) of `--count` processes each, in CPU time
(time.process_time), as `reproduce bench --clock cpu` times the Swift side.

Run with (axelrod 4.14.0, numpy 2.4.6, CPython 3.11.7), from the package root:
    python3 Tests/Fixtures/axelrod/benchmark_moran.py
It prints one line on stdout, `axelrod runs/s: <number>`.
"""
import argparse
import time
import warnings

import axelrod as axl


def one_run(count):
    start = time.process_time()
    for seed in range(count):
        players = [axl.TitForTat(), axl.TitForTat(), axl.Defector(), axl.Defector()]
        axl.MoranProcess(players, turns=10, seed=seed).play()
    return time.process_time() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--count", type=int, default=100)
    arguments = parser.parse_args()
    warnings.simplefilter("ignore")
    one_run(max(1, arguments.count // 10))
    best = min(one_run(arguments.count) for _ in range(arguments.runs))
    print(f"axelrod runs/s: {arguments.count / best:.6g}")


if __name__ == "__main__":
    main()
