"""The reproduce tool called from Python: games built in memory, errors as exceptions."""

from fractions import Fraction

import pytest

import cooperationlab as cl


PRISONERS_DILEMMA = ([[3, 0], [5, 1]], [[3, 5], [0, 1]])
MATCHING_PENNIES = ([[1, -1], [-1, 1]], [[-1, 1], [1, -1]])


def test_nfg_text_lists_the_first_players_strategy_fastest():
    text = cl.nfg_text(list(PRISONERS_DILEMMA), strategies=[["C", "D"], ["C", "D"]])
    assert text.splitlines()[-1] == "3 3 5 0 0 5 1 1"
    assert cl.nfg_text([[[Fraction(2, 3)]], [[Fraction(1, 2)]]]).splitlines()[-1] == "2/3 1/2"


def test_nfg_text_refuses_mismatched_shapes():
    with pytest.raises(ValueError, match="shape"):
        cl.nfg_text([[[1, 2]], [[1, 2, 3]]])


def test_solve_finds_defection_in_the_prisoners_dilemma(tool):
    answer = tool.solve(*PRISONERS_DILEMMA, strategies=[["C", "D"], ["C", "D"]])
    assert answer["pureEquilibria"] == [{"profile": ["D", "D"], "payoffs": [1, 1]}]
    assert answer["mixedEquilibria"]["listsEveryEquilibrium"] is True
    assert [e["strategies"] for e in answer["mixedEquilibria"]["equilibria"]] == [[[0, 1], [0, 1]]]
    # The Pareto-optimal profiles of the dilemma: everything but mutual defection.
    assert {tuple(p["profile"]) for p in answer["paretoOptimalProfiles"]} == {("C", "C"), ("C", "D"), ("D", "C")}


def test_solve_exact_gives_one_half_in_matching_pennies(tool):
    answer = tool.solve(*MATCHING_PENNIES, exact=True)
    (equilibrium,) = answer["mixedEquilibria"]["equilibria"]
    assert equilibrium["exactStrategies"] == [["1/2", "1/2"], ["1/2", "1/2"]]
    assert equilibrium["exactPayoffs"] == ["0", "0"]


def test_lemke_howson_through_python(tool):
    answer = tool.solve(*MATCHING_PENNIES, method="lemke-howson")
    assert answer["mixedEquilibria"]["method"] == "lemke-howson"
    assert answer["mixedEquilibria"]["equilibria"][0]["strategies"] == [[0.5, 0.5], [0.5, 0.5]]


def test_a_malformed_game_raises_with_the_tools_message(tool):
    with pytest.raises(cl.ToolError) as raised:
        tool.solve("NFG 1 R \"broken\" { \"A\" }\n")
    assert raised.value.exit_code == 2
    assert "standard input" in raised.value.message


def test_tournament_ranks_defector_first_against_cooperator(tool):
    summary = tool.tournament(["Cooperator", "Defector"], turns=10, repetitions=1)
    rows = {row[1]: row for row in summary["rows"]}
    rank, mean = summary["columns"].index("Rank"), summary["columns"].index("Mean score")
    assert rows["Defector"][rank] == 1 and rows["Defector"][mean] == 5
    assert rows["Cooperator"][mean] == 0


def test_modal_matrix_from_definitions_in_memory(tool):
    # FairBot cooperates with itself (Löb's theorem) and defects against an agent that always defects.
    matrix = tool.modal_matrix({"Fair": "[] them(me)", "Defects": "F"})
    assert matrix == {"agents": ["Fair", "Defects"], "moves": [["C", "D"], ["D", "D"]]}


def test_an_unknown_agent_raises_tool_error(tool):
    with pytest.raises(cl.ToolError, match="standard input"):
        tool.modal_matrix({"Odd": "[] them(Nobody)"})


def test_run_into_a_fresh_folder_writes_results_and_documents(tool, tmp_path):
    results = tool.run(["np.sugar-and-spice"], output=str(tmp_path))
    assert results.papers == ["NumericalPolitics"]
    assert results.claim("np.table-2-1")["headline"] == "holds"
    # A fresh --output folder gets the literate document and the dashboard too.
    assert (tmp_path / "Papers" / "NumericalPolitics.md").exists()
    assert (tmp_path / "Papers" / "README.md").exists()


def test_a_bad_setting_raises_and_writes_nothing(tool, tmp_path):
    with pytest.raises(cl.ToolError) as raised:
        tool.run(["np.sugar-and-spice"], output=str(tmp_path), settings={"noSuchKey": 1})
    assert raised.value.exit_code == 2
    assert list(tmp_path.iterdir()) == []
