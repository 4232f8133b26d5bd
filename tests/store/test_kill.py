"""A process killed at any moment (SIGKILL: no cleanup, no atexit) never damages the base and
never loses a turn it had reported as committed. The writer prints each turn's number only
after `Recorder.turn` returned, so a reported turn is one SQLite has committed; a turn
committed but not yet reported may also be there, nothing else."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import IO

from store.db import open_db
from store.sessions import session_record

ROOT = Path(__file__).resolve().parent.parent.parent

WRITER = """
import os
import sys
from pathlib import Path
from bot.turn_record import Role, TurnRecord
from store.sessions import Recorder

def say(text):  # one write per line: a kill cannot leave half of a line in the pipe
    os.write(1, (text + "\\n").encode("utf-8"))

path, tag = Path(sys.argv[1]), sys.argv[2]
recorder = Recorder.start(path, student="Élève " + tag, scenario_id="e4-copieur-cabinet",
                          title="Mesure", version="1", yaml="id: mesure\\n" * 400,
                          variant=None, seed=0, mode="entrainement",
                          on_warning=lambda line: say("WARN " + line))
say("SESSION " + recorder.id)
state = {"mood": 50, "patience": 60, "facts": {f"fait-{i}": "x" * 40 for i in range(40)}}
for number in range(1, 100_000):
    recorder.turn(TurnRecord(role=Role.STUDENT if number % 2 else Role.CUSTOMER, who="client",
                             text=f"{tag} réplique {number}", acts=["question_ouverte"],
                             state=state))
    say(f"COMMITTED {number}")
"""


def _integrity(path: Path) -> list[tuple[str, ...]]:
    connection = sqlite3.connect(path)
    try:
        return [tuple(row) for row in connection.execute("PRAGMA integrity_check")]
    finally:
        connection.close()


def _stored_numbers(path: Path, session_id: str) -> list[int]:
    connection = sqlite3.connect(path)
    try:
        return [n for (n,) in connection.execute(
            "SELECT number FROM turns WHERE session_id = ? ORDER BY number", [session_id])]
    finally:
        connection.close()


def test_twenty_four_sigkills_at_random_moments_lose_no_reported_turn(tmp_path: Path) -> None:
    """24 writers killed at random moments (some while the base is being created or
    migrated, most in the middle of a turn's commit or of a WAL checkpoint): after each,
    `PRAGMA integrity_check` says ok and every reported turn is there, in order."""
    seed = int(os.environ.get("REPLIQ_KILL_SEED", time.time_ns() % 1_000_000))
    rng = random.Random(seed)
    path = tmp_path / "tuee.db"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    started = time.monotonic()
    for kill in range(24):
        process = subprocess.Popen([sys.executable, "-c", WRITER, str(path), f"k{kill}"],
                                   cwd=ROOT, env=env, stdout=subprocess.PIPE,
                                   stderr=subprocess.DEVNULL, text=True)
        assert process.stdout is not None
        lines: list[str] = []
        recording = threading.Event()

        def read(out: IO[str] = process.stdout, lines: list[str] = lines,
                 recording: threading.Event = recording) -> None:
            for line in out:
                lines.append(line)
                if line.startswith("SESSION"):
                    recording.set()

        reader = threading.Thread(target=read)
        reader.start()
        if kill % 6 == 0:  # from launch: may land while the base is created or migrated
            time.sleep(rng.uniform(0.05, 0.8))
        else:  # while turns are being committed
            recording.wait(timeout=20)
            time.sleep(rng.uniform(0, 0.4))
        process.send_signal(signal.SIGKILL)
        process.wait()
        reader.join()
        lines = [line for line in lines if line.endswith("\n")]
        context = f"graine {seed}, arrêt n° {kill + 1}"
        assert _integrity(path) == [("ok",)], context
        assert not [line for line in lines if line.startswith("WARN")], (context, lines)
        session = next((line.split()[1] for line in lines if line.startswith("SESSION")), None)
        reported = [int(line.split()[1]) for line in lines if line.startswith("COMMITTED")]
        if session is None:
            continue
        stored = _stored_numbers(path, session)
        assert stored == list(range(1, len(stored) + 1)), context  # in order, no gap
        assert len(stored) >= len(reported), context
        assert len(stored) <= len(reported) + 1, context  # at most the turn being reported
    elapsed = time.monotonic() - started
    db = open_db(path)  # the next process opens it as usual (quick check, migrations)
    assert db.execute("SELECT count(*) FROM sessions").fetchone()[0] >= 1
    assert elapsed < 60, f"{elapsed:.0f} s"


def test_real_repliq_run_killed_mid_conversation(tmp_path: Path) -> None:
    """Three `repliq run` sessions typed at the same time into one base, each killed after a
    random number of exchanges: every student line the customer had answered is stored."""
    seed = int(os.environ.get("REPLIQ_KILL_SEED", time.time_ns() % 1_000_000))
    rng = random.Random(seed)
    path = tmp_path / "classe.db"
    open_db(path)  # created and migrated once, as on a teacher's machine
    env = {**os.environ, "REPLIQ_DB": str(path), "PYTHONUNBUFFERED": "1"}
    lines = ["Bonjour madame Martin.", "Je suis Léa Morel, de Bureau Plus.",
             "Combien de pages imprimez-vous par mois ?",
             "Qui utilise le copieur au cabinet ?", "Quel est votre budget mensuel ?"]
    runs = []
    for index in range(3):
        process = subprocess.Popen(
            [sys.executable, "-m", "repliq", "run", "e4-copieur-cabinet", "--eleve",
             f"Élève {index}"], cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL, text=True, env=env)
        assert process.stdin is not None
        for line in lines:
            process.stdin.write(line + "\n")
        process.stdin.flush()
        runs.append((process, rng.randint(1, len(lines))))

    def watch(process: subprocess.Popen[str], answers: int, seen: list[int]) -> None:
        # The opening greeting, then one reply per line: kill after `answers` replies.
        assert process.stdout is not None
        count = 0
        deadline = time.monotonic() + 60
        while count < answers + 1 and time.monotonic() < deadline:
            text = process.stdout.readline()
            if not text:
                break
            count += text.count("Mme Claire Martin :")
        time.sleep(rng.uniform(0, 0.2))
        process.send_signal(signal.SIGKILL)
        process.wait()
        seen.append(count)

    counts: list[list[int]] = [[] for _ in runs]
    watchers = [threading.Thread(target=watch, args=(process, answers, seen))
                for (process, answers), seen in zip(runs, counts, strict=True)]
    for watcher in watchers:
        watcher.start()
    for watcher in watchers:
        watcher.join()
    assert _integrity(path) == [("ok",)], f"graine {seed}"
    db = open_db(path)
    for index, seen in enumerate(counts):
        row = db.execute("SELECT s.id FROM sessions s JOIN students st ON st.id = "
                         "s.student_id WHERE st.name = ?", [f"Élève {index}"]).fetchone()
        assert row is not None, f"graine {seed}"
        said = [t.text for t in session_record(db, row[0])["turns"] if t.is_student]
        answered = max(seen[0] - 1, 0)  # replies printed after the opening greeting
        assert said[:answered] == lines[:answered], (f"graine {seed}", said, seen)
