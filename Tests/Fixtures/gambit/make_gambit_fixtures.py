"""Gambit (pygambit 16.7.0) as the reference for GameTheory's .nfg reader and writer and for the
extreme equilibria of degenerate games.

It writes three JSON files beside itself:

- readback.json: pygambit reads every file in written/ (the files GameTheory's writer produced;
  the Swift test GambitNFGTests.writtenFilesMatchTheCommittedOnes keeps them current) and records
  the title, description (the .nfg comment), players, strategy labels and payoffs. Payoffs are listed
  profile by profile with player 0's strategy varying SLOWEST (the Swift order), as floats of
  Gambit's exact rationals.
- pygambit_written.json: pygambit writes games of its own with Game.to_nfg() (Gambit's outcome
  version) into pygambit/, and records the same facts, for the Swift reader to match.
- enummixed.json: gambit's enummixed_solve (exact rationals; every extreme equilibrium, degenerate
  games included) on the named and degenerate games of ../nashpy/equilibria.json and on the 50 random
  games of ../games/random_games.json, each equilibrium as [row strategy, column strategy] floats.

pygambit is not installed system-wide; regenerate with (Python 3.11, pygambit 16.7.0, numpy 2.4.6),
from the package root:
    python3 -m venv --system-site-packages /tmp/gambit-venv
    /tmp/gambit-venv/bin/pip install pygambit==16.7.0
    /tmp/gambit-venv/bin/python Tests/Fixtures/gambit/make_gambit_fixtures.py
"""
import itertools
import json
import pathlib
import sys
from fractions import Fraction

import numpy as np
import pygambit as gbt

HERE = pathlib.Path(__file__).resolve().parent
FIXTURES = HERE.parent


def facts(game, name):
    counts = [len(player.strategies) for player in game.players]
    payoffs = []
    for profile in itertools.product(*[range(count) for count in counts]):
        outcome = game[tuple(profile)]  # None for the null outcome: payoffs 0
        payoffs.append([0.0 if outcome is None else float(Fraction(str(outcome[player]))) for player in game.players])
    return {
        "file": name,
        "title": game.title,
        "comment": game.description,
        "players": [player.label for player in game.players],
        "strategies": [[strategy.label for strategy in player.strategies] for player in game.players],
        "payoffs": payoffs,
    }


def dump(name, content):
    versions = {"python": sys.version.split()[0], "pygambit": gbt.__version__, "numpy": np.__version__}
    with open(HERE / name, "w") as out:
        json.dump({"generator": "Tests/Fixtures/gambit/make_gambit_fixtures.py", "versions": versions, **content}, out, indent=1)
        out.write("\n")


def readback():
    files = sorted((HERE / "written").glob("*.nfg"))
    dump("readback.json", {"files": [facts(gbt.read_nfg(str(path)), f"written/{path.name}") for path in files]})


def pygambit_written():
    games = []
    e02 = gbt.read_nfg(str(HERE / "e02.nfg"))
    games.append(("e02.nfg", e02))

    a = np.array([[3, 3], [2, 5], [0, 6]])
    b = np.array([[3, 3], [2, 6], [3, 1]])
    stengel = gbt.Game.from_arrays(a, b, title="von Stengel's degenerate 3x2 game")
    for player, label in zip(stengel.players, ["Row", "Column"]):
        player.label = label
    for strategy, label in zip(list(stengel.players)[0].strategies, ["T", "M", "B"]):
        strategy.label = label
    for strategy, label in zip(list(stengel.players)[1].strategies, ["l", "r"]):
        strategy.label = label
    games.append(("von-stengel.nfg", stengel))

    rng = np.random.default_rng(20240322)
    shape = (2, 3, 2)
    arrays = [np.array([Fraction(int(rng.integers(-9, 10)), int(rng.integers(1, 7))) for _ in range(12)],
                       dtype=object).reshape(shape) for _ in range(3)]
    three = gbt.Game.from_arrays(*arrays, title='Three players, rational payoffs, a "quoted" label')
    list(three.players)[2].label = 'the "third"'
    three.description = "written by pygambit"
    # A null outcome: this profile's payoffs become 0 for everyone.
    three.delete_outcome(three[(1, 2, 1)])
    games.append(("three-player-rational.nfg", three))

    (HERE / "pygambit").mkdir(exist_ok=True)
    entries = []
    for name, game in games:
        (HERE / "pygambit" / name).write_text(game.to_nfg())
        entries.append(facts(gbt.read_nfg(str(HERE / "pygambit" / name)), f"pygambit/{name}"))
    dump("pygambit_written.json", {"files": entries})


def enummixed():
    entries = []
    nashpy = json.loads((FIXTURES / "nashpy" / "equilibria.json").read_text())["games"]
    random_games = {g["id"]: g for g in json.loads((FIXTURES / "games" / "random_games.json").read_text())["games"]}
    for entry in nashpy:
        source = entry if entry["kind"] != "random" else random_games[entry["id"]]
        a = np.array(source["row_payoffs"], dtype=object)
        b = np.array(source["column_payoffs"], dtype=object)
        game = gbt.Game.from_arrays(a, b)
        result = gbt.nash.enummixed_solve(game, rational=True)
        equilibria = []
        for profile in result.equilibria:
            equilibria.append([[float(profile[strategy]) for strategy in player.strategies] for player in game.players])
        entries.append({"id": entry["id"], "kind": entry["kind"], "extreme_equilibria": equilibria})
    dump("enummixed.json", {"games": entries})


if __name__ == "__main__":
    readback()
    pygambit_written()
    enummixed()
