"""Independent values for the SimilarityCooperation tests, computed with numpy and scipy.

Everything here is re-derived from the definitions, without the Swift code:

1. `profile_maps`: which threshold profiles (theta1, theta2) of the Table 1 prisoner's dilemma are Nash
   equilibria among threshold policies, for diff = |theta1 - theta2| + N with N drawn independently for
   each player. Player i cooperates with probability F(theta_i - |theta1 - theta2|); payoffs are
   u_i = G p_other + 1 - p_self. A profile is an equilibrium when no deviation t of either player gains
   more than 1e-9; deviations are scanned on a dense grid (step 1e-4 times the noise scale, over the
   opponent's threshold -/+ 8 scales) plus every point where the payoff can have a kink (for uniform
   noise: t = e, (theta + e) / 2, 2 theta - e for the support ends e, and t = theta), and never
   cooperating (t = -inf). Grids: uniform U[0, 1] noise, profiles on [-0.5, 1.5]^2 with step 0.1,
   G in {1.5, 2, 2.5, 3}; Gaussian N(0, 1) noise, profiles on [-2, 2]^2 with step 0.25, G in {2, 3}
   (tolerance 1e-12 for the Gaussian maps, as the Swift experiment uses at the critical gain).
2. `gaussian_frontier`: the largest theta with (theta, theta) a symmetric 1e-12-equilibrium, N(0, 1)
   noise, for several G: bisection between 0 and 6 on the gain of the best deviation, the best
   deviation found by a dense scan (step 1e-3) refined with scipy.optimize.minimize_scalar (bounded,
   xatol 1e-12) around the best grid points.
3. `repeated`: the infinitely repeated Table 1 game (G = 3, discount 0.95, normalised discounted
   payoffs) between deterministic automata written here from scratch (grim trigger, tit for tat,
   win-stay lose-shift, always defect, and cyclic paths with grim punishment): on-path payoffs by
   solving the linear system of the joint automaton, best-response values against each machine by
   value iteration on its states (to 1e-14).

Regenerate with (Python 3.11.7, numpy 2.4.6, scipy 1.17.1; about two minutes):
    python3 Tests/Fixtures/similarity-cooperation/make_threshold_fixture.py > Tests/Fixtures/similarity-cooperation/threshold_fixture.json
"""
import json
import math

import numpy as np
from scipy import optimize, stats


def cdf_uniform(x):
    return np.clip(x, 0.0, 1.0)


def cdf_gaussian(x):
    return stats.norm.cdf(x)


def payoff(cdf, gain, own, other):
    """Player 1's payoff for threshold `own` against `other` (arrays allowed for `own`)."""
    own = np.asarray(own, dtype=float)
    d = np.abs(own - other)
    p_own = np.where(np.isneginf(own), 0.0, cdf(own - d))
    p_other = np.where(np.isneginf(own), 0.0, cdf(other - d))
    return gain * p_other + 1 - p_own


def best_deviation(cdf, gain, other, scale, kinks):
    grid = np.arange(other - 8 * scale, other + 8 * scale, 1e-4 * scale)
    extra = [other, -math.inf]
    for e in kinks:
        extra += [e, (other + e) / 2, 2 * other - e]
    candidates = np.concatenate([grid, np.array(extra)])
    values = payoff(cdf, gain, candidates, other)
    return float(np.max(values))


def is_equilibrium(cdf, gain, t1, t2, scale, kinks, tolerance):
    current1 = float(payoff(cdf, gain, t1, t2))
    current2 = float(payoff(cdf, gain, t2, t1))
    gain1 = best_deviation(cdf, gain, t2, scale, kinks) - current1
    gain2 = best_deviation(cdf, gain, t1, scale, kinks) - current2
    return gain1 <= tolerance and gain2 <= tolerance


def profile_map(cdf, gain, grid, scale, kinks, tolerance):
    result = []
    for t1 in grid:
        for t2 in grid:
            if is_equilibrium(cdf, gain, t1, t2, scale, kinks, tolerance):
                result.append([round(t1, 10), round(t2, 10)])
    return result


def symmetric_gain(gain, theta):
    """The gain of player 1's best deviation from (theta, theta), N(0, 1) noise."""
    current = float(payoff(cdf_gaussian, gain, theta, theta))
    grid = np.arange(theta - 9, theta + 9, 1e-3)
    values = payoff(cdf_gaussian, gain, grid, theta)
    best = float(np.max(values))
    for k in np.argsort(values)[-5:]:
        a, b = grid[max(k - 1, 0)], grid[min(k + 1, len(grid) - 1)]
        r = optimize.minimize_scalar(lambda t: -float(payoff(cdf_gaussian, gain, t, theta)), bounds=(a, b), method="bounded",
                                     options={"xatol": 1e-12})
        best = max(best, -r.fun)
    return best - current


def gaussian_frontier(gain, tolerance=1e-12):
    grid = np.arange(-4, 6.0001, 0.05)
    ok = [symmetric_gain(gain, t) <= tolerance for t in grid]
    if not any(ok):
        return None
    k = max(i for i, v in enumerate(ok) if v)
    low, high = grid[k], grid[min(k + 1, len(grid) - 1)]
    for _ in range(40):
        mid = (low + high) / 2
        if symmetric_gain(gain, mid) <= tolerance:
            low = mid
        else:
            high = mid
    return {"gain": gain, "theta": float(low), "cooperation": float(stats.norm.cdf(low))}


# --- Repeated game ----------------------------------------------------------------------------------

C, D = 0, 1


class Machine:
    """Deterministic automaton: move[s], next[s][(own, other)]."""

    def __init__(self, name, moves, transition, initial=0):
        self.name, self.moves, self.transition, self.initial = name, moves, transition, initial


def grim():
    return Machine("grim", [C, D], lambda s, own, other: 1 if (s == 1 or other == D) else 0)


def tit_for_tat():
    return Machine("tft", [C, D], lambda s, own, other: 0 if other == C else 1)


def win_stay_lose_shift():
    return Machine("wsls", [C, D], lambda s, own, other: 0 if own == other else 1)


def always_defect():
    return Machine("alld", [D], lambda s, own, other: 0)


def path_machine(own_path, expected):
    n = len(own_path)
    moves = list(own_path) + [D]

    def transition(s, own, other):
        if s == n:
            return n
        return (s + 1) % n if (own == own_path[s] and other == expected[s]) else n
    return Machine("path", moves, transition)


def stage(gain):
    # payoffs[(a1, a2)] = (u1, u2)
    return {(C, C): (gain, gain), (C, D): (0, gain + 1), (D, C): (gain + 1, 0), (D, D): (1, 1)}


def on_path(first, second, gain, delta):
    pay = stage(gain)
    states, index, outcomes = [], {}, []
    s = (first.initial, second.initial)
    while s not in index:
        index[s] = len(states)
        states.append(s)
        a, b = first.moves[s[0]], second.moves[s[1]]
        outcomes.append((a, b))
        s = (first.transition(s[0], a, b), second.transition(s[1], b, a))
    # Linear system over the visited states: V = (1 - delta) u + delta V[next].
    n = len(states)
    result = []
    for player in (0, 1):
        m = np.eye(n)
        rhs = np.zeros(n)
        for k in range(n):
            nxt = index[states[k + 1]] if k + 1 < n else index[s]
            m[k, nxt] -= delta
            rhs[k] = (1 - delta) * pay[outcomes[k]][player]
        result.append(float(np.linalg.solve(m, rhs)[0]))
    return result


def best_response_value(opponent, player, gain, delta, state_count):
    pay = stage(gain)
    v = np.zeros(state_count)
    for _ in range(100000):
        new = np.zeros(state_count)
        for s in range(state_count):
            theirs = opponent.moves[s]
            best = -math.inf
            for mine in (C, D):
                outcome = (mine, theirs) if player == 0 else (theirs, mine)
                t = opponent.transition(s, theirs, mine)
                best = max(best, (1 - delta) * pay[outcome][player] + delta * v[t])
            new[s] = best
        change = float(np.max(np.abs(new - v)))
        v = new
        if change < 1e-14:
            break
    return float(v[opponent.initial])


def repeated(gain=3.0, delta=0.95):
    def cycle(k):
        return [C] * k + [D] * (10 - k)
    always = [C] * 10
    profiles = [("Grim / Grim", grim(), grim(), 2, 2), ("TFT / TFT", tit_for_tat(), tit_for_tat(), 2, 2),
                ("WSLS / WSLS", win_stay_lose_shift(), win_stay_lose_shift(), 2, 2),
                ("AllD / AllD", always_defect(), always_defect(), 1, 1)]
    for k in (7, 5, 9):
        profiles.append((f"{k * 10}% / 100%", path_machine(cycle(k), always), path_machine(always, cycle(k)), 11, 11))
        profiles.append((f"100% / {k * 10}%", path_machine(always, cycle(k)), path_machine(cycle(k), always), 11, 11))
    rows = []
    for name, first, second, n1, n2 in profiles:
        values = on_path(first, second, gain, delta)
        best1 = best_response_value(second, 0, gain, delta, n2)
        best2 = best_response_value(first, 1, gain, delta, n1)
        rows.append({"profile": name, "payoffs": values, "deviation_gains": [best1 - values[0], best2 - values[1]]})
    return {"gain": gain, "discount": delta, "profiles": rows}


def main():
    uniform_grid = [round(-0.5 + 0.1 * k, 10) for k in range(21)]
    gaussian_grid = [round(-2 + 0.25 * k, 10) for k in range(17)]
    maps = []
    for gain in (1.5, 2.0, 2.5, 3.0):
        maps.append({"noise": "uniform", "scale": 1.0, "gain": gain, "tolerance": 1e-9, "grid": uniform_grid,
                     "equilibria": profile_map(cdf_uniform, gain, uniform_grid, 1.0, [0.0, 1.0], 1e-9)})
    for gain in (2.0, 3.0):
        maps.append({"noise": "gaussian", "scale": 1.0, "gain": gain, "tolerance": 1e-12, "grid": gaussian_grid,
                     "equilibria": profile_map(cdf_gaussian, gain, gaussian_grid, 1.0, [], 1e-12)})
    frontier = [gaussian_frontier(g) for g in (2.5, 3.0, 4.0, 6.0)]
    print(json.dumps({"profile_maps": maps, "gaussian_frontier": frontier, "repeated": repeated()}, indent=1))


if __name__ == "__main__":
    main()
