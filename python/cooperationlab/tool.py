"""The ``reproduce`` command line, called from Python through its JSON output.

Every call runs the Swift tool as a subprocess: inputs go on standard input (a game as Gambit
``.nfg`` text, agent definitions, strategy files), results come back as the JSON the tool prints
with ``--format json``. A command that fails raises :class:`ToolError` with the tool's own message
(the tool prints ``error: ...`` on standard error and exits with 2 on bad input).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from typing import Any, Dict, List, Mapping, Optional, Sequence

from .games import nfg_text
from .results import Results, load


class ToolError(RuntimeError):
    """The tool refused or failed: ``message`` is what it printed, ``exit_code`` its status."""

    def __init__(self, message: str, exit_code: int, command: List[str]):
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code
        self.command = command


def find_executable(start: Optional[str] = None) -> str:
    """The ``reproduce`` executable: ``$COOPERATIONLAB_REPRODUCE``, then ``.build/release/reproduce``
    in ``start`` or one of its parents, then ``reproduce`` on the ``PATH``."""
    explicit = os.environ.get("COOPERATIONLAB_REPRODUCE")
    if explicit:
        return explicit
    folder = os.path.abspath(start or os.getcwd())
    while True:
        candidate = os.path.join(folder, ".build", "release", "reproduce")
        if os.access(candidate, os.X_OK):
            return candidate
        parent = os.path.dirname(folder)
        if parent == folder:
            break
        folder = parent
    on_path = shutil.which("reproduce")
    if on_path:
        return on_path
    raise FileNotFoundError(
        "cannot find the reproduce tool: build it with `swift build -c release` in the repository, "
        "or set COOPERATIONLAB_REPRODUCE to its path"
    )


class Tool:
    """The ``reproduce`` tool. ``executable`` defaults to :func:`find_executable`."""

    def __init__(self, executable: Optional[str] = None, cwd: Optional[str] = None):
        self.cwd = cwd
        self.executable = executable or find_executable(cwd)

    # MARK: the one way in

    def call(self, arguments: Sequence[str], stdin: Optional[str] = None) -> str:
        """Runs ``reproduce ARGUMENTS`` and returns its standard output; raises :class:`ToolError`."""
        command = [self.executable, *[str(a) for a in arguments]]
        completed = subprocess.run(
            command, input=stdin, capture_output=True, text=True, cwd=self.cwd, check=False
        )
        if completed.returncode != 0:
            message = completed.stderr.strip() or completed.stdout.strip() or "failed with no message"
            if message.startswith("error: "):
                message = message[len("error: ") :]
            raise ToolError(message, completed.returncode, command)
        return completed.stdout

    def call_json(self, arguments: Sequence[str], stdin: Optional[str] = None) -> Any:
        return json.loads(self.call([*arguments, "--format", "json"], stdin=stdin))

    # MARK: games

    def solve(
        self,
        *payoffs: Any,
        strategies: Optional[Sequence[Sequence[str]]] = None,
        players: Optional[Sequence[str]] = None,
        method: Optional[str] = None,
        exact: bool = False,
        time_limit: Optional[float] = None,
    ) -> Dict[str, Any]:
        """Equilibria, maxmin values and Pareto-optimal profiles of a game built in memory.

        ``payoffs`` are one array per player (nested lists or numpy arrays, indexed by the players'
        strategies in order), or one ``.nfg`` text. The game goes to ``game solve -`` on standard input.
        """
        text = payoffs[0] if len(payoffs) == 1 and isinstance(payoffs[0], str) else nfg_text(
            list(payoffs), strategies=strategies, players=players
        )
        arguments = ["game", "solve", "-"]
        if method:
            arguments += ["--method", method]
        if exact:
            arguments.append("--exact")
        if time_limit is not None:
            arguments += ["--time-limit", str(time_limit)]
        return self.call_json(arguments, stdin=text)

    def dynamics(self, *payoffs: Any, method: str = "replicator", **options: Any) -> Dict[str, Any]:
        """A trajectory of ``game dynamics`` (replicator, fictitious-play, ...) as its JSON table.

        Keyword options become ``--option value`` (``initial=[0.5, 0.5]`` becomes ``--initial 0.5,0.5``).
        """
        text = payoffs[0] if len(payoffs) == 1 and isinstance(payoffs[0], str) else nfg_text(list(payoffs))
        return self.call_json(["game", "dynamics", "-", "--method", method, *_options(options)], stdin=text)

    def tournament(
        self,
        strategies: Sequence[str],
        turns: int = 200,
        repetitions: int = 10,
        noise: float = 0.0,
        seed: int = 0,
        strategy_files: Sequence[str] = (),
    ) -> Dict[str, Any]:
        """A round-robin tournament of named strategies (axelrod's names) and strategy files."""
        arguments = ["game", "tournament", "--strategies", ",".join(strategies), "--turns", turns,
                     "--repetitions", repetitions, "--noise", noise, "--seed", seed]
        for path in strategy_files:
            arguments += ["--strategy", path]
        return self.call_json(arguments)

    def moran(self, strategies: Sequence[str], counts: Sequence[int], **options: Any) -> Dict[str, Any]:
        """Fixation counts of a Moran process of strategies (``game moran``)."""
        return self.call_json(
            ["game", "moran", "--strategies", ",".join(strategies), "--counts", ",".join(map(str, counts)),
             *_options(options)]
        )

    # MARK: modal agents and haggling

    def modal_matrix(self, agents: Mapping[str, str]) -> Dict[str, Any]:
        """The matrix of moves between modal agents given as ``{name: formula}``."""
        text = "".join(f"{name} = {formula}\n" for name, formula in agents.items())
        return self.call_json(["modal", "matrix", "-"], stdin=text)

    def haggle(self, *payoffs: Any, states: int = 5, runs: int = 100, seed: Optional[int] = None) -> Dict[str, Any]:
        """Infra-Bayesian haggling on a game built in memory (``ibh haggle -``)."""
        text = payoffs[0] if len(payoffs) == 1 and isinstance(payoffs[0], str) else nfg_text(list(payoffs))
        arguments = ["ibh", "haggle", "-", "--states", states, "--runs", runs]
        if seed is not None:
            arguments += ["--seed", seed]
        return self.call_json(arguments, stdin=text)

    # MARK: runs

    def run(
        self,
        ids: Sequence[str] = (),
        output: Optional[str] = None,
        scale: Optional[str] = None,
        seed: Optional[int] = None,
        jobs: Optional[int] = None,
        settings: Optional[Mapping[str, Any]] = None,
    ) -> Results:
        """Runs papers, experiments or claims (``reproduce run``) and loads what they wrote.

        ``settings`` become ``--set KEY=VALUE``; without ``output`` the run writes into the
        repository (``cwd``), as the command line does.
        """
        arguments: List[Any] = ["run", *ids]
        for flag, value in (("--output", output), ("--scale", scale), ("--seed", seed), ("--jobs", jobs)):
            if value is not None:
                arguments += [flag, value]
        for key, value in (settings or {}).items():
            arguments += ["--set", f"{key}={value}"]
        self.call(arguments)
        return load(output or self.cwd or ".")


def _options(options: Mapping[str, Any]) -> List[str]:
    arguments: List[str] = []
    for key, value in options.items():
        flag = "--" + key.replace("_", "-")
        if isinstance(value, bool):
            if value:
                arguments.append(flag)
            continue
        if isinstance(value, (list, tuple)):
            value = ",".join(map(str, value))
        arguments += [flag, str(value)]
    return arguments
