"""Independent values of the password hypotheses of "Infra-Bayesian haggling", for the Swift tests.

Written from the text's definitions only (nothing is shared with the Swift module):

* h_{p,l}: S = {s0 .. s_{n-1}, l1 .. lm}; B(l_k, a_k) = {o_k}, otherwise O; T advances along the
  password and the deal loop on the designated action and goes to s0 on anything else (the text's
  "k < m - 1" read as k < m).
* V(h, gamma): plain robust value iteration V(s) = max_a min_{o in B(s,a)} (1-g) r(a,o) + g V(T(s,a,o)),
  iterated until the change is below 1e-15.
* lim V(h, gamma): brute force over every stationary policy of the agent and every stationary
  (positional) reply of Murphy: the mean reward of the cycle reached from s0, as an exact fraction;
  max over policies of min over replies.
* The number of hypotheses: 1 (top) + every (p, l) with n, m >= 1, n + m <= N and l not a power of a
  shorter word, counted by enumeration.

Game: the prisoner's dilemma with (R, S, T, P) = (2, 0, 3, 1), C = 0, D = 1, row player's rewards.

Command (Python 3.11.7, standard library only):
    python3 Tests/Fixtures/ib-haggling/make_hypothesis_values.py > Tests/Fixtures/ib-haggling/hypothesis_values.json
"""
import itertools
import json
from fractions import Fraction

REWARD = [[2, 0], [3, 1]]  # REWARD[a][o]
A, O = 2, 2
GAMMA = 0.9


def primitive(word):
    m = len(word)
    return all(word != word[:d] * (m // d) for d in range(1, m) if m % d == 0)


def hypothesis(p, loop):
    """(states, B, T) with B[s][a] a set and T[s][a] the next state (T ignores o)."""
    n, m = len(p), len(loop)
    states = n + m
    B = [[set(range(O)) for _ in range(A)] for _ in range(states)]
    T = [[0 for _ in range(A)] for _ in range(states)]
    for k in range(n):
        T[k][p[k]] = k + 1 if k < n - 1 else n
    for k in range(m):
        a, o = loop[k]
        B[n + k][a] = {o}
        T[n + k][a] = n + k + 1 if k < m - 1 else n
    return states, B, T


def discounted(h):
    states, B, T = h
    v = [0.0] * states
    while True:
        w = [max(min((1 - GAMMA) * REWARD[a][o] + GAMMA * v[T[s][a]] for o in B[s][a]) for a in range(A)) for s in range(states)]
        if max(abs(x - y) for x, y in zip(v, w)) < 1e-15:
            return w
        v = w


def limit(h):
    states, B, T = h
    best = None
    for policy in itertools.product(range(A), repeat=states):
        choices = [sorted(B[s][policy[s]]) for s in range(states)]
        worst = None
        for reply in itertools.product(*choices):
            seen, path, s = {}, [], 0
            while s not in seen:
                seen[s] = len(path)
                path.append(REWARD[policy[s]][reply[s]])
                s = T[s][policy[s]]
            cycle = path[seen[s]:]
            mean = Fraction(sum(cycle), len(cycle))
            worst = mean if worst is None or mean < worst else worst
        best = worst if best is None or worst > best else best
    return best


def main():
    letters = [(a, o) for a in range(A) for o in range(O)]
    counts = {}
    for N in range(2, 7):
        total = 1
        for n in range(1, N):
            for m in range(1, N - n + 1):
                loops = [l for l in itertools.product(letters, repeat=m) if primitive(list(l))]
                total += (A ** n) * len(loops)
        counts[str(N)] = total
    values = []
    for N in range(2, 5):
        for n in range(1, N):
            m = N - n
            for p in itertools.product(range(A), repeat=n):
                for loop in itertools.product(letters, repeat=m):
                    if not primitive(list(loop)):
                        continue
                    h = hypothesis(list(p), list(loop))
                    lim = limit(h)
                    values.append({
                        "password": list(p), "loop": [list(x) for x in loop],
                        "discounted": discounted(h)[0], "limit": [lim.numerator, lim.denominator],
                    })
    print(json.dumps({"game": "PD (R, S, T, P) = (2, 0, 3, 1), row player", "gamma": GAMMA, "counts_2x2": counts, "hypotheses": values}, separators=(",", ":")))


main()
