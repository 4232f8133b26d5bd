"""The class report: one row per student, one column per criterion (latest level and its
trend), number of sessions and average mark; in HTML, a progress chart per student."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

from .exchange import csv_document, csv_number, csv_text
from .html import environment

RANK = {"TI": 0, "I": 1, "S": 2, "TS": 3}


@dataclass
class StudentRow:
    name: str
    sessions: int
    average: float | None
    marks: list[tuple[str, float]] = field(default_factory=list)  # (date, mark)
    latest: dict[str, str] = field(default_factory=dict)  # criterion -> level
    trend: dict[str, str] = field(default_factory=dict)  # criterion -> ↗ ↘ →


def build(db: Database) -> tuple[list[str], dict[str, str], list[StudentRow]]:
    """(criterion ids, their labels, one row per student)."""
    labels = dict(db.execute("select distinct criterion, label from criteria_results "
                             "order by criterion").fetchall())
    rows = []
    for student_id, name in db.execute("select id, name from students order by name"):
        sessions = db.execute("select id, started_at, mark from sessions where student_id = ? "
                              "order by started_at", [student_id]).fetchall()
        # Rows written before imports were checked may hold anything: only real marks count.
        marks = [(str(started or "")[:10], float(mark)) for _, started, mark in sessions
                 if isinstance(mark, int | float) and math.isfinite(mark) and 0 <= mark <= 20]
        row = StudentRow(name, len(sessions),
                         round(sum(m for _, m in marks) / len(marks), 1) if marks else None,
                         marks)
        for criterion in labels:
            levels = [level for (level,) in db.execute(
                "select c.level from criteria_results c join sessions s on s.id = "
                "c.session_id where s.student_id = ? and c.criterion = ? order by "
                "s.started_at", [student_id, criterion]) if level in RANK]
            if levels:
                row.latest[criterion] = levels[-1]
                if len(levels) >= 2:
                    delta = RANK[levels[-1]] - RANK[levels[-2]]
                    row.trend[criterion] = "↗" if delta > 0 else "↘" if delta < 0 else "→"
        rows.append(row)
    return list(labels), labels, rows


def to_csv(db: Database) -> str:
    """For a French spreadsheet: ';' separator, decimal comma, UTF-8 with BOM, every text
    cell neutralised against formulas (see store/exchange.py)."""
    criteria, labels, rows = build(db)
    table = [["eleve", "seances", "moyenne_sur_20",
              *[csv_text(f"{c} ({labels[c]})") for c in criteria]]]
    for row in rows:
        table.append([csv_text(row.name), csv_number(row.sessions), csv_number(row.average),
                      *[csv_text((row.latest.get(c, "") + (" " + row.trend[c] if c in row.trend
                                                             else "")).strip())
                        for c in criteria]])
    return csv_document(table)


def _chart(marks: list[tuple[str, float]]) -> dict[str, Any] | None:
    """An inline SVG line of the marks over time (no script, no external resource)."""
    if not marks:
        return None
    width, height, pad = 240, 60, 6
    step = (width - 2 * pad) / max(1, len(marks) - 1)
    points = [(pad + i * step, height - pad - mark / 20 * (height - 2 * pad))
              for i, (_, mark) in enumerate(marks)]
    return {"width": width, "height": height,
            "points": " ".join(f"{x:.1f},{y:.1f}" for x, y in points),
            "dots": [{"x": f"{x:.1f}", "y": f"{y:.1f}", "date": d, "mark": f"{m:g}"}
                     for (x, y), (d, m) in zip(points, marks, strict=True)]}


def to_html(db: Database) -> str:
    criteria, labels, rows = build(db)
    view = [{"name": row.name, "sessions": row.sessions,
             "average": "—" if row.average is None else f"{row.average:g}",
             "chart": _chart(row.marks),
             "cells": [{"level": row.latest.get(c, ""), "trend": row.trend.get(c, "")}
                       for c in criteria]} for row in rows]
    return environment().get_template("class_report.html.j2").render(
        criteria=[{"id": c, "label": labels[c]} for c in criteria], rows=view)
