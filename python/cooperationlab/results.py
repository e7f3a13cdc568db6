"""Every paper's results (``Reproduce/<Paper>/results.json``) as pandas data frames.

The layout of ``results.json`` is described by ``results.schema.json`` in this package (JSON
Schema, draft 2020-12): per paper ``{"paper", "source", "scale", "seed", "experiments"}``, per
experiment ``{"id", "title", "sections", "parameters", "claims", "tables", "figures"}``.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from typing import Any, Dict, Iterable, List, Optional

import pandas as pd

PAPERS = (
    "NumericalPolitics",
    "IBHaggling",
    "SimilarityCooperation",
    "SocialEnvironmentDesign",
    "ModalAgents",
)


@dataclass(frozen=True)
class Paper:
    """One paper's results.json, parsed."""

    id: str
    source: str
    scale: str
    seed: int
    experiments: List[Dict[str, Any]]


class Results:
    """The results of every paper under an output root (a repository checkout, or a ``--output`` folder)."""

    def __init__(self, papers: Iterable[Paper], root: str):
        self.root = root
        self._papers = {paper.id: paper for paper in papers}

    @property
    def papers(self) -> List[str]:
        """The ids of the papers that have results, in the catalog's order."""
        return list(self._papers)

    def paper(self, paper_id: str) -> Paper:
        try:
            return self._papers[paper_id]
        except KeyError:
            raise KeyError(f"no results for paper {paper_id!r}; there are: {', '.join(self._papers)}") from None

    # MARK: experiments and claims

    def _experiments(self):
        for paper in self._papers.values():
            for experiment in paper.experiments:
                yield paper, experiment

    def _claims(self):
        for paper, experiment in self._experiments():
            for claim in experiment["claims"]:
                yield paper, experiment, claim

    def experiments(self) -> pd.DataFrame:
        """One row per experiment: paper, experiment, title, sections, claims, tables, figures (counts)."""
        rows = [
            {
                "paper": paper.id,
                "experiment": e["id"],
                "title": e["title"],
                "sections": "; ".join(e["sections"]),
                "claims": len(e["claims"]),
                "tables": len(e["tables"]),
                "figures": len(e["figures"]),
            }
            for paper, e in self._experiments()
        ]
        return pd.DataFrame(rows, columns=["paper", "experiment", "title", "sections", "claims", "tables", "figures"])

    def parameters(self, experiment_id: str) -> Dict[str, Any]:
        """The resolved parameters an experiment ran with."""
        return dict(self._experiment(experiment_id)["parameters"])

    def _experiment(self, experiment_id: str) -> Dict[str, Any]:
        for _, experiment in self._experiments():
            if experiment["id"] == experiment_id:
                return experiment
        raise KeyError(_unknown("experiment", experiment_id, [e["id"] for _, e in self._experiments()]))

    def claims(self) -> pd.DataFrame:
        """One row per claim, with its class, headline (holds, depends, fails, inconclusive), control and evidence."""
        rows = []
        for paper, experiment, c in self._claims():
            control = c.get("control") or {}
            rows.append(
                {
                    "paper": paper.id,
                    "experiment": experiment["id"],
                    "claim": c["id"],
                    "kind": c["kind"],
                    "source": c["source"],
                    "class": c["class"],
                    "headline": c["headline"],
                    "where": c["where"],
                    "verdict": c["verdict"],
                    "design": c["design"],
                    "control": control.get("description"),
                    "control_expected": control.get("expected"),
                    "control_verdict": control.get("verdict"),
                    "statement": c["statement"],
                    "evidence": c["evidence"],
                    "scale": paper.scale,
                }
            )
        return pd.DataFrame(rows)

    def claim(self, claim_id: str) -> Dict[str, Any]:
        """A claim's whole record from results.json, as a dict."""
        for _, _, c in self._claims():
            if c["id"] == claim_id:
                return c
        raise KeyError(_unknown("claim", claim_id, [c["id"] for _, _, c in self._claims()]))

    def readings(self, claim_id: Optional[str] = None) -> pd.DataFrame:
        """The verdict maps: one row per (claim, reading, size) cell.

        Columns ``reading.<name>`` and ``size.<name>`` hold the cell's setting; ``estimate``,
        ``lower``, ``upper`` (the interval, when there is one), ``n`` and the cell's ``verdict``.
        """
        rows = []
        for paper, _, c in self._claims():
            if claim_id is not None and c["id"] != claim_id:
                continue
            for cell in c["readings"]:
                row = {"paper": paper.id, "claim": c["id"]}
                row.update({f"reading.{k}": v for k, v in cell["reading"].items()})
                row.update({f"size.{k}": v for k, v in cell["size"].items()})
                lower, upper = _interval(cell.get("interval"))
                row.update(
                    {
                        "verdict": cell["verdict"],
                        "estimate": cell.get("estimate"),
                        "lower": lower,
                        "upper": upper,
                        "n": cell.get("n"),
                    }
                )
                rows.append(row)
        if claim_id is not None and not rows:
            self.claim(claim_id)  # raises for an unknown id
        return pd.DataFrame(rows)

    def trends(self, claim_id: Optional[str] = None) -> pd.DataFrame:
        """The trends over sizes that limit claims are judged on: one row per (claim, reading, size)."""
        rows = []
        for paper, _, c in self._claims():
            if claim_id is not None and c["id"] != claim_id:
                continue
            for trend in c["trends"]:
                row = {"paper": paper.id, "claim": c["id"]}
                row.update({f"reading.{k}": v for k, v in trend["reading"].items()})
                lower, upper = _interval(trend.get("interval"))
                row.update(
                    {
                        "size": trend["size"],
                        "sizes": trend["sizes"],
                        "means": trend["means"],
                        "statistic": trend["statistic"],
                        "estimate": trend["estimate"],
                        "lower": lower,
                        "upper": upper,
                        "bar": trend["bar"],
                        "verdict": trend["verdict"],
                        "n": trend["n"],
                    }
                )
                rows.append(row)
        return pd.DataFrame(rows)

    # MARK: tables

    def _tables(self):
        for paper, experiment in self._experiments():
            for table in experiment["tables"]:
                yield paper, experiment, table

    def table_ids(self) -> List[str]:
        return [t["id"] for _, _, t in self._tables()]

    def table(self, table_id: str) -> pd.DataFrame:
        """A results table with typed columns.

        Numbers are numbers. A cell that is an interval ``{"estimate", "lower", "upper"}`` becomes
        three columns (``name``, ``name.lower``, ``name.upper``); a count ``{"successes", "trials",
        "lower", "upper"}`` four (``name``, ``name.trials``, ``name.lower``, ``name.upper``). The table's title is in ``frame.attrs["title"]``.
        """
        for _, _, t in self._tables():
            if t["id"] == table_id:
                frame = _typed_frame(t["columns"], t["rows"])
                frame.attrs["title"] = t["title"]
                frame.attrs["id"] = t["id"]
                return frame
        raise KeyError(_unknown("table", table_id, self.table_ids()))

    def tables(self) -> Dict[str, pd.DataFrame]:
        return {table_id: self.table(table_id) for table_id in self.table_ids()}

    # MARK: figures

    def _figures(self):
        for paper, experiment in self._experiments():
            for figure in experiment["figures"]:
                yield paper, experiment, figure

    def figures(self) -> pd.DataFrame:
        """One row per figure: paper, experiment, figure id, title, caption (defines the figure's symbols; may be
        empty), kind (chart, bars, heatmap, ...), path."""
        rows = []
        for paper, experiment, f in self._figures():
            data = f.get("data") or {}
            rows.append(
                {
                    "paper": paper.id,
                    "experiment": experiment["id"],
                    "figure": _figure_id(f["path"]),
                    "title": f["title"],
                    "caption": f.get("caption", ""),
                    "kind": data.get("kind"),
                    "path": f["path"],
                }
            )
        return pd.DataFrame(rows, columns=["paper", "experiment", "figure", "title", "caption", "kind", "path"])

    def figure_data(self, figure_id: str) -> Dict[str, Any]:
        """A figure's data exactly as results.json stores it (axes, series, categories or cells)."""
        for _, _, f in self._figures():
            if _figure_id(f["path"]) == figure_id:
                if f.get("data") is None:
                    raise ValueError(f"figure {figure_id!r} is a drawing, not a plot: it has no data")
                return f["data"]
        raise KeyError(_unknown("figure", figure_id, [_figure_id(f["path"]) for _, _, f in self._figures()]))

    def figure(self, figure_id: str) -> pd.DataFrame:
        """The numbers behind a figure, one row per point (long form, ready for seaborn or matplotlib).

        Charts: ``series``, ``kind`` (line, scatter, band, errorBars, bins, reference, ...), ``x``,
        ``y`` and, where the series has them, ``lower``/``upper``. Bar charts: ``series``,
        ``category``, ``value``, ``lower``, ``upper``. Heatmaps: ``row``, ``column``, ``value``.
        Axis labels are in ``frame.attrs`` (``x_label``, ``y_label``, ``title``).
        """
        data = self.figure_data(figure_id)
        frame = _figure_frame(data)
        frame.attrs["title"] = data.get("title", "")
        for axis in ("x", "y"):
            if isinstance(data.get(axis), dict):
                frame.attrs[f"{axis}_label"] = data[axis].get("label", "")
        if data["kind"] == "bars":
            frame.attrs["x_label"] = data.get("xLabel", "")
        if data["kind"] == "heatmap":
            frame.attrs["x_label"] = data.get("xLabel", "")
            frame.attrs["y_label"] = data.get("yLabel", "")
        return frame


def load(root: str = ".") -> Results:
    """The results of every paper written under ``root`` (``Reproduce/<Paper>/results.json``)."""
    papers = []
    for paper_id in PAPERS:
        path = os.path.join(root, "Reproduce", paper_id, "results.json")
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
        papers.append(Paper(data["paper"], data["source"], data["scale"], data["seed"], data["experiments"]))
    if not papers:
        raise FileNotFoundError(f"no Reproduce/<Paper>/results.json under {os.path.abspath(root)}")
    return Results(papers, root)


# MARK: helpers


def _unknown(what: str, identifier: str, known: List[str]) -> str:
    import difflib

    close = difflib.get_close_matches(identifier, known, n=3)
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    return f"unknown {what} {identifier!r}{hint}"


def _interval(value):
    if isinstance(value, list) and len(value) == 2:
        return value[0], value[1]
    return None, None


def _figure_id(path: str) -> str:
    name = os.path.basename(path)
    return name.rsplit(".", 1)[0]


def _typed_frame(columns: List[str], rows: List[List[Any]]) -> pd.DataFrame:
    records = []
    for row in rows:
        record: Dict[str, Any] = {}
        for name, cell in zip(columns, row):
            if isinstance(cell, dict) and "estimate" in cell:
                record[name] = cell["estimate"]
                record[f"{name}.lower"] = cell.get("lower")
                record[f"{name}.upper"] = cell.get("upper")
            elif isinstance(cell, dict) and "successes" in cell:
                record[name] = cell["successes"]
                record[f"{name}.trials"] = cell.get("trials")
                record[f"{name}.lower"] = cell.get("lower")
                record[f"{name}.upper"] = cell.get("upper")
            else:
                record[name] = cell
        records.append(record)
    frame = pd.DataFrame(records)
    if frame.empty:
        return pd.DataFrame(columns=columns)
    # Object columns holding only numbers (None for a missing value) become float or int columns.
    return frame.infer_objects()


def _figure_frame(data: Dict[str, Any]) -> pd.DataFrame:
    kind = data["kind"]
    rows: List[Dict[str, Any]] = []
    if kind in ("chart", "histogram"):
        for index, s in enumerate(data["series"]):
            name = s.get("name") or f"{s['kind']} {index + 1}"
            rows.extend(_series_rows(name, s))
        columns = ["series", "kind", "x", "y", "lower", "upper"]
    elif kind == "bars":
        for s in data["series"]:
            for i, category in enumerate(data["categories"]):
                if i >= len(s["values"]):
                    break
                rows.append(
                    {
                        "series": s.get("name"),
                        "category": category,
                        "value": s["values"][i],
                        "lower": (s.get("lower") or [None] * (i + 1))[i] if s.get("lower") else None,
                        "upper": (s.get("upper") or [None] * (i + 1))[i] if s.get("upper") else None,
                    }
                )
        columns = ["series", "category", "value", "lower", "upper"]
    elif kind == "heatmap":
        for r, row_name in enumerate(data["rows"]):
            for c, column_name in enumerate(data["columns"]):
                rows.append({"row": row_name, "column": column_name, "value": data["values"][r][c]})
        columns = ["row", "column", "value"]
    else:
        raise ValueError(f"unknown figure kind {kind!r}")
    return pd.DataFrame(rows, columns=columns)


def _series_rows(name: str, s: Dict[str, Any]) -> List[Dict[str, Any]]:
    kind = s["kind"]
    if kind in ("line", "scatter", "polygon"):
        return [{"series": name, "kind": kind, "x": x, "y": y} for x, y in zip(s["x"], s["y"])]
    if kind == "band":
        return [
            {"series": name, "kind": kind, "x": x, "lower": lo, "upper": up}
            for x, lo, up in zip(s["x"], s["lower"], s["upper"])
        ]
    if kind == "errorBars":
        return [
            {"series": name, "kind": kind, "x": x, "y": y, "lower": lo, "upper": up}
            for x, y, lo, up in zip(s["x"], s["y"], s["lower"], s["upper"])
        ]
    if kind == "bins":
        edges, counts = s["edges"], s["counts"]
        return [
            {"series": name, "kind": kind, "x": edges[i], "y": counts[i], "lower": edges[i], "upper": edges[i + 1]}
            for i in range(len(counts))
        ]
    if kind == "reference":
        key = "x" if s["axis"] == "x" else "y"
        return [{"series": name, "kind": kind, key: s["value"]}]
    if kind == "text":
        return [{"series": s["text"], "kind": kind, "x": s["x"], "y": s["y"]}]
    return []
