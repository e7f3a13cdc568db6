# Independent implementation of two zero-memory Q-learners in the sugar-and-spice world (Numerical
# Politics §2.1), written from the book-era rule and not from the Swift code, to cross-check the
# finding that a pair does not always learn to steal.
#
# Rule: Q(a) <- (1 - alpha) Q(a) + alpha (r + gamma Q(greedy)); greedy changes only on a strict
# improvement; epsilon is multiplied by `decay` before each decision; exploring picks uniformly.
# Regenerate the fixture with:
#   python3 Tests/NumericalPoliticsTests/Fixtures/zero_memory_pair.py > Tests/NumericalPoliticsTests/Fixtures/zero_memory_pair.txt
import random
import sys
import time

WELLBEING = {(0, 0): 3, (0, 1): 0, (1, 0): 4, (1, 1): 1}  # Table 2.1; 0 = trade, 1 = steal


def run(seed, steps, start, alpha=0.01, gamma=0.99, eps0=0.25, decay=1 - 1e-5):
    rng = random.Random(seed)
    q = [[1.0, 1.0], [1.0, 1.0]]
    greedy = [start, start]
    eps = [eps0, eps0]
    for _ in range(steps):
        moves = [0, 0]
        for k in (0, 1):
            eps[k] *= decay
            moves[k] = rng.randrange(2) if rng.random() < eps[k] else greedy[k]
        for k in (0, 1):
            a = moves[k]
            r = WELLBEING[(a, moves[1 - k])]
            q[k][a] = (1 - alpha) * q[k][a] + alpha * (r + gamma * q[k][greedy[k]])
            if q[k][1 - greedy[k]] > q[k][greedy[k]]:
                greedy[k] = 1 - greedy[k]
    return greedy


if __name__ == "__main__" and "--benchmark" in sys.argv:
    # Throughput of the same loop, for the README's comparison with `reproduce bench np.zero-memory.pair`.
    best = min(_timed for _timed in (
        (lambda t0: (run(0, 1_000_000, 0), time.perf_counter() - t0)[1])(time.perf_counter()) for _ in range(3)))
    print(f"python zero-memory pair: {1_000_000 / best / 1e6:.3f} million encounters/s")
elif __name__ == "__main__":
    print("start  seed  final greedy (0 trade, 1 steal)")
    for start, name in ((0, "trade"), (1, "steal")):
        for seed in range(6):
            print(f"{name:5}  {seed:4}  {run(seed, 600_000, start)}")
