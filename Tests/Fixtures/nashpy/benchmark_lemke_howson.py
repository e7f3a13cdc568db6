"""CPU time per equilibrium of nashpy's lemke_howson on the games of the Swift benchmarks
`game.lemke-howson.15x15` and `game.lemke-howson.50x50` (Sources/GameTheory/Equilibria/LemkeHowson+Benchmarks.swift).

The games, bit for bit the Swift ones: payoffs from the Park-Miller generator x -> 48271 x mod (2^31 - 1),
seed 1, payoff x / (2^31 - 1), one stream for all games, each game its row player's matrix then its
column player's, row-major; 100 games of 15x15, then (a new stream) 20 games of 50x50. One path per
game, initial_dropped_label=0, as the Swift benchmark. A first untimed pass leaves out the games on
which nashpy's path does not end within 10 s (it cycles) or returns NaN or vectors of the wrong
length (as in nashpy issue 35), and says how many; then the
best of `--runs` timed passes (3 by default) over the rest, timed with time.process_time() (CPU time
of this process).

Run with (nashpy 0.0.43, numpy 2.4.6, CPython 3.11.7), from the package root:
    python3 Tests/Fixtures/nashpy/benchmark_lemke_howson.py
It prints `nashpy lemke-howson 15x15 equilibria/s: <number>` and the same for 50x50 on stdout.
"""
import argparse
import signal
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


class PathTimeout(Exception):
    pass


def on_alarm(signum, frame):
    raise PathTimeout()


def finishing(games, seconds=10):
    """The games whose label-0 path nashpy ends within `seconds` (the others cycle: see
    make_lemke_howson.py), and how many were left out."""
    signal.signal(signal.SIGALRM, on_alarm)
    kept = []
    for game in games:
        signal.alarm(seconds)
        try:
            x, y = game.lemke_howson(initial_dropped_label=0)
            rows, columns = game.payoff_matrices[0].shape
            if x.shape == (rows,) and y.shape == (columns,) and np.all(np.isfinite(x)) and np.all(np.isfinite(y)):
                kept.append(game)
        except Exception:
            pass
        finally:
            signal.alarm(0)
    return kept, len(games) - len(kept)


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
        games, left_out = finishing(park_miller_games(size, count))
        best = min(one_pass(games)[0] for _ in range(args.runs))
        print(f"nashpy lemke-howson {size}x{size} equilibria/s: {len(games) / best:.6g}"
              f" ({left_out} of {count} games left out: no answer within 10 s, NaN or wrong length)")


if __name__ == "__main__":
    main()
