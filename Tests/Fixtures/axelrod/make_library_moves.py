"""axelrod's own moves for every strategy of GameTheory's StrategyLibrary, against a set of opponents.

Each library strategy (named by its axelrod class) plays 100 turns against each opponent below and
against itself, in axelrod's default game without noise; the file records both move sequences of
every match, as strings of C and D. The opponents: the eight deterministic classics (Cooperator,
Defector, TitForTat, Grudger, WinStayLoseShift, TitFor2Tats, SuspiciousTitForTat, Alternator) and
axelrod `Cycler`s on six fixed sequences chosen to exercise grudges, probes and handshakes (isolated
and repeated defections, long runs of C and of D). Every library strategy is deterministic, so the
moves are axelrod's definition of the strategy, compared move by move in
`Tests/GameTheoryTests/Strategies/StrategyLibraryFixtureTests.swift`.

Regenerate with (axelrod 4.14.0, numpy 2.4.6, CPython 3.11.7), from the package root:
    python3 Tests/Fixtures/axelrod/make_library_moves.py > Tests/Fixtures/axelrod/library_moves.json
"""
import json
import sys

import axelrod as axl

LIBRARY = [
    # classics
    "Cooperator", "Defector", "TitForTat", "Grudger", "WinStayLoseShift", "TitFor2Tats", "SuspiciousTitForTat",
    "Alternator",
    # cyclers
    "CyclerDC", "CyclerCCD", "CyclerDDC", "CyclerCCCD", "CyclerCCCCCD", "CyclerCCCDCD",
    # grudgers
    "ForgetfulGrudger", "OppositeGrudger", "Aggravater", "SoftGrudger", "GrudgerAlternator", "EasyGo", "SpitefulCC",
    # tit for tats
    "TwoTitsForTat", "Bully", "AntiTitForTat", "HardTitForTat", "HardTitFor2Tats", "SpitefulTitForTat",
    "SlowTitForTwoTats2", "NTitsForMTats", "Resurrection", "DoubleResurrection",
    # probers
    "Prober", "Prober2", "Prober3", "HardProber", "CollectiveStrategy", "Detective", "Handshake",
    # finite-state machines
    "Fortress3", "Fortress4", "Predator", "Pun1", "Raider", "Ripoff", "UsuallyCooperates", "UsuallyDefects",
    "SolutionB1", "SolutionB5", "Thumper", "EvolvedFSM4", "EvolvedFSM6", "EvolvedFSM16", "EvolvedFSM16Noise05",
    "TF1", "TF2", "TF3",
    # others
    "Appeaser", "OnceBitten", "FoolMeOnce", "WinShiftLoseStay", "AON2", "DelayedAON1", "FirstByDavis",
]
CLASSICS = [
    "Cooperator", "Defector", "TitForTat", "Grudger", "WinStayLoseShift", "TitFor2Tats", "SuspiciousTitForTat",
    "Alternator",
]
CYCLES = ["CCD", "DDC", "CDDCCCD", "CCCCCCCCCCCD", "DDDDDC", "CCDDDCDCCCCCCDDDDDDDDDDDDC"]
TURNS = 100


def opponents():
    yield from ((name, getattr(axl, name)) for name in CLASSICS)
    for cycle in CYCLES:
        yield f"Cycler:{cycle}", (lambda c=cycle: axl.Cycler(c))


def play(first, second):
    match = axl.Match((first, second), turns=TURNS, game=axl.Game(r=3, s=0, t=5, p=1))
    result = match.play()
    return "".join(str(a) for a, _ in result), "".join(str(b) for _, b in result)


def main():
    matches = []
    for name in LIBRARY:
        strategy = getattr(axl, name)
        assert not strategy().classifier["stochastic"], name
        for opponent_name, opponent in list(opponents()) + [("self", strategy)]:
            moves, opponent_moves = play(strategy(), opponent())
            matches.append([name, opponent_name, moves, opponent_moves])
    json.dump({
        "axelrod_version": axl.__version__,
        "turns": TURNS,
        "strategies": LIBRARY,
        "display_names": [getattr(axl, name)().name for name in LIBRARY],
        "matches": matches,
    }, sys.stdout, indent=0)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
