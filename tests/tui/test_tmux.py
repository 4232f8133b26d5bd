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


def wait_for(session: str, text: str, timeout: float = 60) -> str:
    deadline = time.time() + timeout
    screen = ""
    while time.time() < deadline:
        screen = tmux("capture-pane", "-p", "-t", session)
        if text in screen:
            return screen
        time.sleep(0.3)
    raise AssertionError(f"« {text} » n'apparaît pas à l'écran :\n{screen}")


def test_repliq_in_a_real_terminal(tmp_path: Path) -> None:
    session = f"repliq-e2e-{os.getpid()}"
    repliq = Path(sys.executable).with_name("repliq")
    env = (f"REPLIQ_DB={tmp_path / 'e2e.db'} REPLIQ_CONFIG_DIR={tmp_path / 'config'} "
           f"REPLIQ_STUDENT='Élève Terminal' TERM=xterm-256color")
    tmux("new-session", "-d", "-s", session, "-x", "100", "-y", "30",
         f"cd {ROOT} && env {env} {repliq}")
    try:
        wait_for(session, "Un copieur pour le Cabinet")
        tmux("send-keys", "-t", session, "C-s")
        wait_for(session, "Préparation")
        tmux("send-keys", "-t", session, "C-s")
        wait_for(session, "Mme Claire Martin")
        tmux("send-keys", "-t", session, "-l", "Combien de pages imprimez-vous par mois ?")
        time.sleep(0.5)  # typed, then Enter: a burst would read as a paste
        tmux("send-keys", "-t", session, "Enter")
        wait_for(session, "12 000")
        tmux("send-keys", "-t", session, "C-f")
        screen = wait_for(session, "/ 20")
        assert "Note :" in screen
    finally:
        tmux("kill-session", "-t", session)
