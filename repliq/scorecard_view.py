"""The scorecard in the terminal: a table with levels in words and colours (the level is
always written, never conveyed by colour alone), evidence and advice."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from scoring.grader import Scorecard, out_of_20
from scoring.rubric import Level, rubric

COLOURS = {Level.TI: "bold red", Level.I: "dark_orange", Level.S: "green",
           Level.TS: "bold green"}


def show(card: Scorecard, console: Console | None = None) -> None:
    console = console or Console()
    names = rubric().level_names
    table = Table(title=f"Bilan — {card.scenario}", show_lines=False, expand=False)
    table.add_column("Critère du référentiel", overflow="fold", ratio=3)
    table.add_column("Niveau", no_wrap=True)
    table.add_column("/20", justify="right", no_wrap=True)
    table.add_column("Poids", justify="right", no_wrap=True)
    for result in card.criteria:
        level = result.level
        table.add_row(result.label, Text(f"{level.value} · {names[level]}",
                                         style=COLOURS[level]),
                      f"{out_of_20(result.score):g}", f"{result.weight:g}")
    console.print(table)
    console.print(Text(f"Note : {card.total:g} / 20", style="bold"))
    for result in card.criteria:
        console.print(Text(f"\n{result.label} — {result.level.value}", style="bold"))
        for item in result.evidence:
            sign = "+" if item.positive else "−"
            where = f" — tour {item.turn} : « {item.quote} »" if item.turn else ""
            console.print(f"  {sign} {item.note}{where}", highlight=False)
        if result.advice:
            console.print(f"  → {result.advice}", highlight=False)
    if card.strengths:
        console.print(Text("\nPoints forts", style="bold"))
        for strength in card.strengths:
            console.print(f"  • {strength}", highlight=False)
    if card.priorities:
        console.print(Text("\nPriorités", style="bold"))
        for priority in card.priorities:
            console.print(f"  • {priority}", highlight=False)
