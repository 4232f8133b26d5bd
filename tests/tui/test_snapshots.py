"""Snapshots of every screen at 80×24 and 120×40 (pytest-textual-snapshot). Regenerate
after an intended change with: .venv/bin/python -m pytest tests/tui --snapshot-update"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from tui.app import RepliqApp

SIZES = [(80, 24), (120, 40)]
SCREENS = ["accueil", "preparation", "entretien", "compte_rendu", "bilan", "historique",
           "relecture", "enseignant"]
LINES = ["Bonjour madame Martin, je suis Léa Morel, de Bureau Plus.",
         "Combien de pages imprimez-vous par mois ?",
         "Si je comprends bien, vous imprimez beaucoup."]


@pytest.fixture(autouse=True)
def still_world(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REPLIQ_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("REPLIQ_SCENARIOS_DIR", "/tmp/repliq-snapshots/scenarios")
    monkeypatch.setattr("store.sessions.now", lambda: "2026-11-23T09:00:00+00:00")


def navigate(screen: str):  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await go(pilot)
        # The text cursor blinks every half second: on a loaded machine the picture was taken
        # in its off phase (a clean-clone CI run). Held steady, it is always drawn.
        for field in pilot.app.screen.query(Input):
            field.cursor_blink = False
        await pilot.pause()

    async def go(pilot) -> None:  # type: ignore[no-untyped-def]
        app = pilot.app
        await app.workers.wait_for_complete()
        await pilot.pause()
        if screen == "accueil":
            return
        if screen == "enseignant":
            await pilot.press("f3")
            await pilot.pause()
            return
        if screen == "compte_rendu":
            options = app.screen.query_one("#scenarios")
            options.highlighted = options.get_option_index("tel-prospection-fidelix")
            await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        if screen == "preparation":
            return
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        for line in LINES[:2] if screen == "compte_rendu" else LINES:
            app.screen.query_one("#say", Input).value = line
            await pilot.press("enter")
            await app.workers.wait_for_complete()
            await pilot.pause()
        if screen == "entretien":
            return
        await pilot.press("ctrl+f")
        await app.workers.wait_for_complete()
        await pilot.pause()
        if screen == "compte_rendu":
            return
        if screen == "historique" or screen == "relecture":
            await pilot.press("h")
            await app.workers.wait_for_complete()
            await pilot.pause()
            if screen == "relecture":
                await pilot.press("enter")
                await pilot.pause()
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
@pytest.mark.parametrize("screen", SCREENS)
def test_screen(snap_compare, screen: str, size: tuple[int, int], tmp_path: Path) -> None:
    app = RepliqApp(db=tmp_path / "snap.db", preload=False, live_clock=False, seed=1)
    assert snap_compare(app, terminal_size=size, run_before=navigate(screen))
