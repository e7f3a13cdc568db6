"""Games built in memory, written as Gambit ``.nfg`` text (the payoff version) for the tool."""

from __future__ import annotations

import itertools
import numbers
from fractions import Fraction
from typing import Any, List, Optional, Sequence

import numpy as np


def nfg_text(
    payoffs: List[Any],
    strategies: Optional[Sequence[Sequence[str]]] = None,
    players: Optional[Sequence[str]] = None,
    title: str = "from Python",
) -> str:
    """The ``.nfg`` text of the game whose player i gets ``payoffs[i][s1][s2]...[sn]``.

    Every array has the same shape (one axis per player, one entry per strategy). Integers and
    :class:`fractions.Fraction` values are written exactly (``2/3``), other numbers with ``repr``.
    """
    if not payoffs:
        raise ValueError("a game needs at least one payoff array")
    arrays = [np.asarray(p, dtype=object) for p in payoffs]
    shape = arrays[0].shape
    if len(arrays) != len(shape):
        raise ValueError(f"{len(arrays)} payoff arrays for a game of {len(shape)} players (array shape {shape})")
    for index, array in enumerate(arrays):
        if array.shape != shape:
            raise ValueError(f"payoff array {index + 1} has shape {array.shape}, the first has {shape}")
    names = list(players) if players else [f"Player {i + 1}" for i in range(len(shape))]
    labels = [list(s) for s in strategies] if strategies else [[str(k + 1) for k in range(n)] for n in shape]
    if len(names) != len(shape) or [len(s) for s in labels] != list(shape):
        raise ValueError("players and strategies must match the payoff arrays' shape")
    out = f'NFG 1 R "{_escape(title)}" {{ ' + " ".join(f'"{_escape(n)}"' for n in names) + " }\n"
    out += "{ " + " ".join("{ " + " ".join(f'"{_escape(s)}"' for s in row) + " }" for row in labels) + " }\n\n"
    values = []
    # Gambit lists profiles with the first player's strategy changing fastest.
    for profile in itertools.product(*[range(n) for n in reversed(shape)]):
        index = tuple(reversed(profile))
        values.extend(_number(array[index]) for array in arrays)
    return out + " ".join(values) + "\n"


def _number(value: Any) -> str:
    if isinstance(value, Fraction):
        return str(value) if value.denominator != 1 else str(value.numerator)
    if isinstance(value, numbers.Integral) or (isinstance(value, float) and value.is_integer() and abs(value) < 2**53):
        return str(int(value))
    if isinstance(value, numbers.Real):
        return repr(float(value))
    raise TypeError(f"payoff {value!r} is not a number")


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')
