"""The shared set of random bimatrix games the GameTheory fixtures are computed on.

Fifty games, sizes from 2x2 to 5x5 (rows and columns drawn independently from 2..5), integer payoffs
drawn uniformly from 0..99 with numpy's seeded generator. A game is kept only if it is
non-degenerate: no mixed strategy with k actions in its support has more than k pure best
responses, decided by one scipy feasibility problem per pair of supports (`degeneracy_witness` of
../nashpy/make_equilibria.py). As a second check, nashpy's support enumeration and vertex
enumeration must find the same equilibria, an odd number of them, all with supports of equal size.
(An earlier version used only the second check, which let a game with tied best replies through.)

Regenerate with (numpy 2.4.6, nashpy 0.0.43, scipy 1.17.1):
    python3 Tests/Fixtures/games/make_random_games.py > Tests/Fixtures/games/random_games.json
"""
import importlib.util
import json
import pathlib
import warnings

import nashpy
import numpy as np

warnings.simplefilter("ignore")

_spec = importlib.util.spec_from_file_location(
    "make_equilibria", pathlib.Path(__file__).resolve().parent.parent / "nashpy" / "make_equilibria.py")
_make_equilibria = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_make_equilibria)
degeneracy_witness = _make_equilibria.degeneracy_witness


def canonical(equilibria):
    return sorted(tuple(np.round(np.concatenate(e), 9)) for e in equilibria)


def looks_nondegenerate(a, b):
    if degeneracy_witness(np.array(a, dtype=float), np.array(b, dtype=float)) is not None:
        return False
    game = nashpy.Game(a, b)
    support = list(game.support_enumeration())
    vertex = list(game.vertex_enumeration())
    if len(support) % 2 == 0 or canonical(support) != canonical(vertex):
        return False
    return all(np.count_nonzero(x > 1e-12) == np.count_nonzero(y > 1e-12) for x, y in support)


rng = np.random.default_rng(20240322)
games = []
while len(games) < 50:
    rows, columns = rng.integers(2, 6, size=2)
    a = rng.integers(0, 100, size=(rows, columns))
    b = rng.integers(0, 100, size=(rows, columns))
    if looks_nondegenerate(a, b):
        games.append({"id": f"random-{len(games):02d}", "rows": int(rows), "columns": int(columns),
                      "row_payoffs": a.tolist(), "column_payoffs": b.tolist()})
print(json.dumps({"generator": "numpy default_rng(20240322), integers 0..99", "games": games}, indent=1))
