"""A whole conversation played headlessly from WAV files through recognition, the customer
and synthesis, as `repliq run --audio-script` does: real French speech in, the customer's
voice out, timings that follow the turn."""

from __future__ import annotations

import json
import wave
from pathlib import Path

import numpy as np

from repliq.cli import main
from voice.audio import write_wav

from ..conftest import ROOT

SPEECH = ROOT.parent / "shared" / "speech-fr"
CLIPS = ["stp_fr_quel_temps_fait_il.wav", "stp_fr_combien_fait_il.wav",
         "fleurs_fr_000.wav"]


def test_voice_conversation_from_wav_files(tmp_path: Path) -> None:
    turns = tmp_path / "tours"
    turns.mkdir()
    for index, name in enumerate(CLIPS, start=1):
        (turns / f"{index:02d}.wav").write_bytes((SPEECH / name).read_bytes())
    write_wav(turns / "04.wav", np.zeros(16_000 * 2, dtype=np.float32), 16_000)  # silence
    out, record_path = tmp_path / "client", tmp_path / "appel.json"
    assert main(["run", "tel-prospection-fidelix", "--no-save", "--audio-script", str(turns),
                 "--audio-out", str(out), "--json", str(record_path)]) == 0
    record = json.loads(record_path.read_text(encoding="utf-8"))
    students = [t for t in record["turns"] if t["speaker"] == "student"]
    # The silent file gives no turn; the long read clip may end in two turns at its pause
    # (on a loaded machine the endpoint cut it in two). Every turn holds words.
    assert 1 <= len(students) <= len(CLIPS) + 1, [t["asr_text"] for t in students]
    assert all(t["asr_text"].strip() for t in students)
    assert "temps" in students[0]["asr_text"].lower()
    for turn in students:
        timing = turn["timings"]
        assert timing["speech_end"] <= timing["transcript_ready"]
        if timing["first_audio"] is not None:
            assert timing["transcript_ready"] <= timing["first_audio"]
    replies = sorted(out.glob("client-*.wav"))
    assert replies
    with wave.open(str(replies[0]), "rb") as first:
        assert first.getframerate() == 8_000  # a phone scenario sounds like a phone
        assert first.getnframes() > 8_000 * 0.5


def test_kept_audio_is_stored_with_the_session_and_deleted_with_it(tmp_path: Path) -> None:
    from store.db import audio_dir, open_db
    from store.sessions import list_sessions, session_record

    base = tmp_path / "seances.db"
    assert main(["run", "tel-prospection-fidelix", "--base", str(base), "--audio-script",
                 str(SPEECH / "stp_fr_quel_temps_fait_il.wav"), "--garder-audio"]) == 0
    db = open_db(base)
    session = list_sessions(db)[0].id
    turns = session_record(db, session)["turns"]
    student = next(t for t in turns if t.is_student)
    root = audio_dir(base)
    assert student.audio is not None
    kept = root / student.audio
    assert kept.is_file() and not Path(student.audio).is_absolute()
    with wave.open(str(kept), "rb") as heard:
        assert heard.getnframes() / heard.getframerate() > 1.0  # the student's sentence
    assert all(t.audio and (root / t.audio).is_file() for t in turns if t.is_customer)
    assert main(["sessions", "delete", session[:8], "--base", str(base)]) == 0
    assert not kept.exists() and not kept.parent.exists()


def test_audio_is_not_kept_unless_asked(tmp_path: Path) -> None:
    from store.db import audio_dir

    base = tmp_path / "seances.db"
    assert main(["run", "tel-prospection-fidelix", "--base", str(base), "--audio-script",
                 str(SPEECH / "stp_fr_quel_temps_fait_il.wav")]) == 0
    assert not audio_dir(base).exists()
