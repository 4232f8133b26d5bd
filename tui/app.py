"""The Textual application: `repliq` with no argument opens it on the Accueil screen."""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from repliq import settings
from repliq.errors import known_exit_code
from repliq.voice_session import AudioIO, open_headset
from scenarios.catalog import DEFAULT_SCENARIO

from .screens.accueil import AccueilScreen

log = logging.getLogger("repliq")


class RepliqApp(App[None]):
    """Repliq — entraînement aux situations commerciales du BTS NDRC."""

    TITLE = "Repliq"
    SUB_TITLE = "Entraînement BTS NDRC"
    CSS_PATH = "repliq.tcss"
    BINDINGS = [
        Binding("ctrl+q", "quit_safely", "Quitter", priority=True),
        Binding("ctrl+t", "toggle_theme", "Thème clair/sombre"),
    ]

    def __init__(self, db: Path | None = None, scenario: str = DEFAULT_SCENARIO,
                 dirs: list[Path] | None = None, preload: bool = True,
                 live_clock: bool = True, seed: int | None = None,
                 audio_io: Callable[[], AudioIO] | None = None) -> None:
        super().__init__()
        # The microphone and headset; tests pass WAV files and a real-time clock instead.
        self.audio_io = audio_io or open_headset
        self.db_path = db
        self.default_scenario = scenario
        self.scenario_dirs = dirs
        self.preload = preload
        # Snapshots need a still picture: no ticking timers, no wall-clock times, a fixed
        # seed for the customer's wording.
        self.live_clock = live_clock
        self.seed = seed
        self.engine_ready = False

    def on_mount(self) -> None:
        self.push_screen(AccueilScreen())

    def start_preload(self) -> None:
        """Once Accueil is usable: train the understanding engine in the background."""
        if self.preload and not self.engine_ready:
            self.load_engine()

    @work(thread=True, exclusive=True, group="engine")
    def load_engine(self) -> None:
        """Train the act classifier in the background: the first turn is then immediate."""
        from bot.engine import act_classifier

        act_classifier()
        self.engine_ready = True

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Every action of the current screen is also in the command palette (Ctrl+P), in
        French, beside Textual's own commands."""
        for binding in screen.BINDINGS:
            if isinstance(binding, Binding) and binding.show and binding.description:
                yield SystemCommand(binding.tooltip or binding.description,
                                    f"Raccourci : {binding.key}",
                                    partial(screen.run_action, binding.action))
        yield SystemCommand("Thème clair ou sombre", "Raccourci : ctrl+t",
                            self.action_toggle_theme)
        yield SystemCommand("Quitter", "Raccourci : ctrl+q", self.action_quit_safely)
        yield from super().get_system_commands(screen)

    def action_toggle_theme(self) -> None:
        self.theme = "textual-light" if self.theme == "textual-dark" else "textual-dark"

    def action_quit_safely(self) -> None:
        screen = self.screen
        confirm = getattr(screen, "confirm_quit", None)
        if confirm is not None:
            confirm()
        else:
            self.exit()

    def _handle_exception(self, error: Exception) -> None:
        # A traceback never reaches the screen: it goes to the log file, the user gets a
        # French notification and can go on.
        log.error("".join(traceback.format_exception(error)))
        if known_exit_code(error) is not None:
            # A store that cannot be read or written, a refused file: its own French
            # explanation says what to do (e.g. « repliq sessions reparer »).
            self.notify(str(error), title="Impossible", severity="error", timeout=15)
            return
        try:
            self.notify(f"Une erreur est survenue ({type(error).__name__}). Le détail est dans "
                        f"{settings.log_path()}.", title="Erreur", severity="error", timeout=10)
        except Exception:  # pragma: no cover - the app is already broken
            super()._handle_exception(error)


def configure_logging() -> Path:
    path = settings.log_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    logging.basicConfig(filename=path, level=logging.INFO,
                        format="%(asctime)s %(levelname)s %(name)s %(message)s")
    return path


def run(db: Path | None = None, scenario: str = DEFAULT_SCENARIO) -> int:
    configure_logging()
    RepliqApp(db=db, scenario=scenario).run()
    return 0
