"""End to end: the real `repliq` command in a real terminal (tmux), through a short session
to the Bilan, which must show a mark."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent


def tmux(*args: str) -> str:
    found = shutil.which("tmux")
    assert found, "tmux est introuvable : lancez scripts/test.sh en root (ou apt-get install tmux)"
    return subprocess.run([found, *args], capture_output=True, text=True, check=False).stdout


def wait_for(session: str, text: str, timeout: float = 120) -> str:
    deadline = time.time() + timeout
    screen = ""
    while time.time() < deadline:
        screen = tmux("capture-pane", "-p", "-t", session)
        if text in screen:
            return screen
        time.sleep(0.3)
    raise AssertionError(f"« {text} » n'apparaît pas à l'écran :\n{screen}")


def press_until(session: str, key: str, text: str, tries: int = 4) -> str:
    """Press a key until the screen shows `text`: a key pressed while the application is
    still drawing the previous screen may be ignored, as it would be for a person."""
    for attempt in range(tries):
        tmux("send-keys", "-t", session, key)
        try:
            return wait_for(session, text, timeout=20 if attempt < tries - 1 else 120)
        except AssertionError:
            if attempt == tries - 1:
                raise
    return ""


def test_repliq_in_a_real_terminal(tmp_path: Path) -> None:
    session = f"repliq-e2e-{os.getpid()}"
    repliq = Path(sys.executable).with_name("repliq")
    env = (f"REPLIQ_DB={tmp_path / 'e2e.db'} REPLIQ_CONFIG_DIR={tmp_path / 'config'} "
           f"REPLIQ_STUDENT='Élève Terminal' TERM=xterm-256color")
    tmux("new-session", "-d", "-s", session, "-x", "100", "-y", "30",
         f"cd {ROOT} && env {env} {repliq}")
    try:
        wait_for(session, "Un copieur pour le Cabinet")
        press_until(session, "C-s", "Préparation")
        press_until(session, "C-s", "Micro :")
        wait_for(session, "Mme Claire Martin")  # her greeting, before the student's first turn
        tmux("send-keys", "-t", session, "-l", "Combien de pages imprimez-vous par mois ?")
        time.sleep(0.5)  # typed, then Enter: a burst would read as a paste
        tmux("send-keys", "-t", session, "Enter")
        # Her reply, numbered as the scorecard cites the exchange: the student's first turn
        # (its text may wrap anywhere).
        wait_for(session, "1. Mme Claire Martin")
        screen = press_until(session, "C-f", "/ 20")
        assert "Note :" in screen
    finally:
        tmux("kill-session", "-t", session)
