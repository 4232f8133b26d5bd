"""A complete text session in the Textual application for each built-in scenario, driven
with the pilot as a student would: Accueil → Préparation → Entretien → Compte rendu (phone
calls) → Bilan → Historique → Relecture, checking what the user sees at each step."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, OptionList, Static

from repliq.run_cmd import script_lines
from scenarios.catalog import BUILTIN_DIR
from tui.app import RepliqApp
from tui.screens.accueil import AccueilScreen
from tui.screens.bilan import BilanScreen
from tui.screens.compte_rendu import CompteRenduScreen
from tui.screens.entretien import EntretienScreen
from tui.screens.historique import HistoriqueScreen
from tui.screens.preparation import PreparationScreen
from tui.screens.relecture import RelectureScreen

DIALOGUES = Path(__file__).resolve().parent.parent / "data" / "dialogues"
SCENARIOS = sorted(p.stem for p in BUILTIN_DIR.glob("*.yaml"))


@pytest.fixture(autouse=True)
def config_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REPLIQ_CONFIG_DIR", str(tmp_path / "config"))


async def settle(app: RepliqApp, pilot) -> None:  # type: ignore[no-untyped-def]
    await app.workers.wait_for_complete()
    await pilot.pause()


@pytest.mark.parametrize("scenario_id", SCENARIOS)
async def test_complete_session(scenario_id: str, tmp_path: Path) -> None:
    app = RepliqApp(db=tmp_path / "tui.db", preload=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, AccueilScreen)
        app.screen.query_one("#student", Input).value = "Léa Morel"
        options = app.screen.query_one("#scenarios", OptionList)
        options.highlighted = options.get_option_index(scenario_id)
        await pilot.pause()
        preview = str(app.screen.query_one("#preview", Static).render())
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PreparationScreen)
        brief = str(app.screen.query_one("#brief", Static).render())
        assert "OBJECTIF" in brief and "Préparation" in str(
            app.screen.query_one("#countdown").render())
        assert preview.splitlines()[0] in brief
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, EntretienScreen)
        for line in script_lines(DIALOGUES / f"{scenario_id}.bon.txt"):
            if app.screen.rehearsal.ended:  # type: ignore[union-attr]
                break
            app.screen.query_one("#say", Input).value = line
            await pilot.press("enter")
            await settle(app, pilot)
        bubbles = [b.text for b in app.screen.query(".bubble")]
        assert len(bubbles) >= 10
        assert "/100" in str(app.screen.query_one("#mood Label").render())
        await pilot.press("ctrl+f")
        await settle(app, pilot)
        if isinstance(app.screen, CompteRenduScreen):
            for key, value in (("contact", "M. Client, gérant, Entreprise"),
                               ("besoin", "besoin découvert pendant l'appel"),
                               ("objections", "pas le temps ; le prix"),
                               ("resultat", "rendez-vous fixé"),
                               ("action", "démonstration prévue avec le commercial"),
                               ("date", "mardi 14 h")):
                app.screen.query_one(f"#cr-{key}", Input).value = value
            await pilot.press("ctrl+s")
            await settle(app, pilot)
        assert isinstance(app.screen, BilanScreen)
        mark = str(app.screen.query_one("#mark", Static).render())
        assert "/ 20" in mark and "réussite" in mark
        grid = app.screen.query_one("#grid", DataTable)
        assert grid.row_count >= 4
        await pilot.press("h")
        await settle(app, pilot)
        assert isinstance(app.screen, HistoriqueScreen)
        table = app.screen.query_one("#sessions", DataTable)
        assert table.row_count == 1
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, RelectureScreen)
        transcript = [b.text for b in app.screen.query("#transcript .bubble")]
        assert transcript[:len(bubbles)] == bubbles[:len(transcript)]


async def test_quitting_mid_session_asks_and_keeps_the_turns(tmp_path: Path) -> None:
    from store.db import open_db
    from store.sessions import list_sessions, session_record

    app = RepliqApp(db=tmp_path / "quit.db", preload=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        app.screen.query_one("#say", Input).value = "Bonjour madame Martin."
        await pilot.press("enter")
        await settle(app, pilot)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert "gardées" in str(app.screen.query_one("#question").render())
        await pilot.press("o")
        await pilot.pause()
    db = open_db(tmp_path / "quit.db")
    [session] = list_sessions(db)
    assert session.status == "interrompue"
    texts = [t.text for t in session_record(db, session.id)["turns"]]
    assert "Bonjour madame Martin." in texts


async def test_every_screen_action_is_in_the_command_palette(tmp_path: Path) -> None:
    app = RepliqApp(db=tmp_path / "palette.db", preload=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert {"Commencer", "Historique", "Enseignant", "Quitter",
                "Thème clair ou sombre"} <= set(titles)
        await pilot.press("ctrl+t")
        assert app.theme == "textual-light"
