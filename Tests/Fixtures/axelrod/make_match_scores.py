"""axelrod's matches between every ordered pair of the eight deterministic classic strategies.

Cooperator, Defector, TitForTat, Grudger, WinStayLoseShift, TitFor2Tats, SuspiciousTitForTat and
Alternator play every ordered pair (self-play included, 64 matches) of 200 turns in axelrod's default
game Game(r=3, s=0, t=5, p=1), without noise. For each match the file records both players' total
scores, cooperation counts, the winner (index 0 or 1, null on a tie), the counts of the outcomes
CC, CD, DC, DD (first player's move first), and both move sequences as strings of C and D.

Regenerate with (axelrod 4.14.0, numpy 2.4.6, CPython 3.11.7), from the package root:
    python3 Tests/Fixtures/axelrod/make_match_scores.py > Tests/Fixtures/axelrod/match_scores.json
"""
import json
import sys

import axelrod as axl

C, D = axl.Action.C, axl.Action.D
STRATEGIES = [
    axl.Cooperator, axl.Defector, axl.TitForTat, axl.Grudger, axl.WinStayLoseShift, axl.TitFor2Tats,
    axl.SuspiciousTitForTat, axl.Alternator,
]
TURNS = 200


def main():
    game = axl.Game(r=3, s=0, t=5, p=1)
    matches = []
    for first in STRATEGIES:
        for second in STRATEGIES:
            match = axl.Match((first(), second()), turns=TURNS, game=game)
            result = match.play()
            scores = match.final_score()
            winner = axl.interaction_utils.compute_winner_index(result, game)
            counts = match.state_distribution()
            matches.append({
                "first": first.__name__,
                "second": second.__name__,
                "scores": [int(scores[0]), int(scores[1])],
                "cooperations": [int(c) for c in match.cooperation()],
                "winner": None if winner is False else int(winner),
                "outcomes": [int(counts.get(state, 0)) for state in [(C, C), (C, D), (D, C), (D, D)]],
                "first_moves": "".join(str(a) for a, _ in result),
                "second_moves": "".join(str(b) for _, b in result),
            })
    json.dump({
        "axelrod_version": axl.__version__,
        "game": {"r": 3, "s": 0, "t": 5, "p": 1},
        "turns": TURNS,
        "strategies": [s.__name__ for s in STRATEGIES],
        "display_names": [s.name for s in STRATEGIES],
        "matches": matches,
    }, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
