"""Trajectories per CPU second of nashpy's replicator dynamics on the Swift benchmark `game.replicator`.

The workload: nashpy.Game(A).replicator_dynamics(y0=[0.5, 0.3, 0.2], timepoints=numpy.linspace(0, 10,
1000)) with A = [[0, -1, 2], [2, 0, -1], [-1, 2, 0]] (the biased rock-paper-scissors game of
dynamics.json; scipy odeint). One untimed warm-up run, then the best of `--runs` timed runs (5 by
default) of `--count` trajectories each, in CPU time (time.process_time), as `reproduce bench
--clock cpu` times the Swift side.

Run with (nashpy 0.0.43, numpy 2.4.6, scipy 1.17.1, CPython 3.11.7), from the package root:
    python3 Tests/Fixtures/nashpy/benchmark_replicator.py
It prints one line on stdout, `nashpy trajectories/s: <number>`.
"""
import argparse
import time

import nashpy
import numpy as np

A = np.array([[0, -1, 2], [2, 0, -1], [-1, 2, 0]])
Y0 = np.array([0.5, 0.3, 0.2])
TIMES = np.linspace(0, 10, 1000)


def one_run(count):
    game = nashpy.Game(A)
    start = time.process_time()
    for _ in range(count):
        game.replicator_dynamics(y0=Y0, timepoints=TIMES)
    return time.process_time() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--count", type=int, default=40)
    arguments = parser.parse_args()
    one_run(max(1, arguments.count // 10))
    best = min(one_run(arguments.count) for _ in range(arguments.runs))
    print(f"nashpy trajectories/s: {arguments.count / best:.6g}")


if __name__ == "__main__":
    main()
