"""CPU time per equilibrium of nashpy's lemke_howson on the games of the Swift benchmarks
`game.lemke-howson.15x15` and `game.lemke-howson.50x50` (Sources/GameTheory/Equilibria/LemkeHowson+Benchmarks.swift).

The games, bit for bit the Swift ones: payoffs from the Park-Miller generator x -> 48271 x mod (2^31 - 1),
seed 1, payoff x / (2^31 - 1), one stream for all games, each game its row player's matrix then its
column player's, row-major; 100 games of 15x15, then (a new stream) 20 games of 50x50. One path per
game, initial_dropped_label=0, as the Swift benchmark. One untimed warm-up pass, then the best of
`--runs` timed passes (3 by default), timed with time.process_time() (CPU time of this process).

Run with (nashpy 0.0.43, numpy 2.4.6, CPython 3.11.7), from the package root:
    python3 Tests/Fixtures/nashpy/benchmark_lemke_howson.py
It prints `nashpy lemke-howson 15x15 equilibria/s: <number>` and the same for 50x50 on stdout.
"""
import argparse
import time
import warnings

import nashpy
import numpy as np

MODULUS = 2_147_483_647


def park_miller_games(size, count):
    state = 1
    games = []
    for _ in range(count):
        values = []
        for _ in range(2 * size * size):
            state = state * 48271 % MODULUS
            values.append(state / MODULUS)
        a = np.array(values[: size * size]).reshape(size, size)
        b = np.array(values[size * size:]).reshape(size, size)
        games.append(nashpy.Game(a, b))
    return games


def one_pass(games):
    start = time.process_time()
    checksum = 0.0
    for game in games:
        x, y = game.lemke_howson(initial_dropped_label=0)
        checksum += float(x @ game.payoff_matrices[0] @ y)
    return time.process_time() - start, checksum


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    for size, count in ((15, 100), (50, 20)):
        games = park_miller_games(size, count)
        one_pass(games)
        best = min(one_pass(games)[0] for _ in range(args.runs))
        print(f"nashpy lemke-howson {size}x{size} equilibria/s: {count / best:.6g}")


if __name__ == "__main__":
    main()
