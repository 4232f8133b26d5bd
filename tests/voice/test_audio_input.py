"""Audio input is bounded and failures end the run cleanly: broken or absurd WAV files given
to `repliq run --audio-script` are refused from their header, in one French line naming the
file, before any thread starts (exit 1, no traceback, no session left behind); the resampler
and the loader refuse absurd rates themselves; a fault in an audio thread (the WAV source,
the synthesis, the player's sink) ends the run with a French message and keeps the turns
already taken."""

from __future__ import annotations

import os
import struct
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import soundfile

from bot.engine import start_conversation
from repliq.cli import main
from repliq.rehearsal import Rehearsal
from repliq.voice_session import VoiceRehearsal, converse_aloud
from scenarios.catalog import find
from scenarios.validate import load_scenario
from store.db import open_db
from store.sessions import list_sessions, session_record
from voice.audio import resample, write_wav
from voice.player import ClockSink, Player
from voice.source import WavSource
from voice.stt import Transcriber, load_wav
from voice.wavcheck import MAX_TURN_SECONDS, AudioInputError, check_wav

from ..conftest import ROOT

SPEECH = ROOT.parent / "shared" / "speech-fr"
REPLIQ = Path(sys.executable).parent / "repliq"
SCENARIO = "tel-prospection-fidelix"


@pytest.fixture(autouse=True)
def config_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Settings and the log file of these runs stay in the test's folder."""
    monkeypatch.setenv("REPLIQ_CONFIG_DIR", str(tmp_path / "config"))
    return tmp_path / "config"


@pytest.fixture(scope="module")
def transcriber() -> Transcriber:
    return Transcriber()


def good_wav(path: Path, seconds: float = 1.0) -> Path:
    tone = 0.3 * np.sin(np.arange(int(16_000 * seconds)) * 0.1)
    return write_wav(path, tone.astype(np.float32), 16_000)


def patched(path: Path, *fields: tuple[int, str, int]) -> Path:
    """A good WAV whose canonical 44-byte header has fields (offset, format, value)
    rewritten."""
    data = bytearray(good_wav(path).read_bytes())
    for offset, fmt, value in fields:
        data[offset:offset + struct.calcsize(fmt)] = struct.pack(fmt, value)
    path.write_bytes(bytes(data))
    return path


def text_file(path: Path) -> Path:
    path.write_text("Bonjour, ceci n'est pas un enregistrement.\n", encoding="utf-8")
    return path


def header_cut(path: Path) -> Path:
    path.write_bytes(good_wav(path).read_bytes()[:30])  # cut inside the header
    return path


def data_cut(path: Path) -> Path:
    data = good_wav(path).read_bytes()
    path.write_bytes(data[:len(data) // 2])  # header intact, half the sound missing
    return path


def one_hertz(path: Path) -> Path:
    return patched(path, (24, "<I", 1), (28, "<I", 2))  # sample rate, byte rate to match


def no_channel(path: Path) -> Path:
    return patched(path, (22, "<H", 0))


def many_channels(path: Path) -> Path:
    return patched(path, (22, "<H", 200))


def no_sound(path: Path) -> Path:
    soundfile.write(path, np.zeros(0, np.float32), 16_000)
    return path


def zero_bytes(path: Path) -> Path:
    path.write_bytes(b"")
    return path


def too_long(path: Path) -> Path:
    # 2 min 01 s at 8 kHz, 8 bits: under 1 MB on disk, over the limit by its header.
    soundfile.write(path, np.zeros(8_000 * 121, np.float32), 8_000, subtype="PCM_U8")
    return path


BROKEN: dict[str, tuple[Callable[[Path], Path], str, str]] = {
    "texte": (text_file, "ce n'est pas un fichier son", "attendu : un enregistrement WAV"),
    "en-tete-coupe": (header_cut, "abîmé ou tronqué", "attendu : un enregistrement WAV"),
    "son-coupe": (data_cut, "fichier tronqué (l'en-tête annonce 32 000 octets",
                  "attendu : un enregistrement WAV complet"),
    "1-hz": (one_hertz, "fréquence d'échantillonnage de 1 Hz",
             "attendu : entre 8 000 et 192 000 Hz"),
    "0-canal": (no_channel, "0 canal", "attendu : 1 (mono) à 8 canaux"),
    "200-canaux": (many_channels, "200 canaux", "attendu : 1 (mono) à 8 canaux"),
    "vide": (no_sound, "fichier vide", "attendu : l'enregistrement d'une réplique"),
    "0-octet": (zero_bytes, "fichier vide (0 octet)", "attendu : un enregistrement WAV"),
    "trop-long": (too_long, "2 min 01 s d'audio", "attendu : 2 min 00 s au plus par fichier"),
}


@pytest.mark.parametrize("name", list(BROKEN))
def test_a_broken_wav_is_refused_in_one_french_line_before_any_thread(
        name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make, problem, expected = BROKEN[name]
    good = good_wav(tmp_path / "01.wav")
    broken = make(tmp_path / f"02-{name}.wav")
    started = time.monotonic()
    assert main(["run", SCENARIO, "--audio-script", str(good), str(broken)]) == 1
    assert time.monotonic() - started < 5  # from the header: no model, no audio played
    out = capsys.readouterr()
    message = out.err.rstrip("\n")
    assert message.startswith(f"repliq : {broken} : ")
    assert problem in message and expected in message and "\n" not in message
    assert out.out == ""
    assert list_sessions(open_db(Path(os.environ["REPLIQ_DB"]))) == []  # nothing half-kept


def test_missing_files_and_empty_folders_are_refused(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run", SCENARIO, "--no-save", "--audio-script",
                 str(tmp_path / "absent.wav")]) == 1
    assert "absent.wav : fichier introuvable — attendu" in capsys.readouterr().err
    (tmp_path / "vide").mkdir()
    assert main(["run", SCENARIO, "--no-save", "--audio-script", str(tmp_path / "vide")]) == 1
    assert "aucun fichier .wav dans ce dossier" in capsys.readouterr().err


@pytest.mark.parametrize("make", [text_file, one_hertz])
def test_the_command_exits_1_at_once_with_only_the_message(make: Callable[[Path], Path],
                                                           tmp_path: Path) -> None:
    """A text file named .wav used to leave the run waiting forever, a 1 Hz header to stream
    4 h 26 of audio: now a subprocess answers within seconds."""
    broken = make(tmp_path / "reponse.wav")
    done = subprocess.run([str(REPLIQ), "run", SCENARIO, "--audio-script", str(broken)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert done.stderr.startswith(f"repliq : {broken} : ")


def test_real_speech_passes_the_check() -> None:
    for clip in sorted(SPEECH.glob("*.wav")):
        check_wav(clip)  # none raises


def test_the_limits_are_those_the_guide_gives() -> None:
    guide = (ROOT / "docs" / "voice.md").read_text(encoding="utf-8")
    assert MAX_TURN_SECONDS == 120 and "2 minutes" in guide
    assert "8 000 et 192 000 Hz" in guide


def test_the_resampler_and_the_loader_refuse_absurd_rates(tmp_path: Path) -> None:
    started = time.monotonic()
    with pytest.raises(AudioInputError, match="1 Hz à 16000 Hz refusée"):
        resample(np.zeros(16_000, np.float32), 1, 16_000)
    with pytest.raises(AudioInputError, match="fréquence d'échantillonnage de 1 Hz"):
        load_wav(one_hertz(tmp_path / "1hz.wav"))
    assert time.monotonic() - started < 2  # refused before any allocation
    assert len(resample(np.zeros(8_000, np.float32), 8_000, 48_000)) == 48_000


def test_many_channels_are_mixed_down_to_the_same_signal(tmp_path: Path) -> None:
    tone = 0.3 * np.sin(np.arange(44_100) * 0.05).astype(np.float32)
    soundfile.write(tmp_path / "stereo.wav", np.stack([tone, tone], axis=1), 44_100)
    mono = load_wav(tmp_path / "stereo.wav")
    assert len(mono) == 16_000 and mono.dtype == np.float32
    assert 0.2 < float(np.abs(mono).max()) < 0.31


def test_a_synthesis_failure_ends_the_run_and_keeps_the_turns(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str],
        config_dir: Path) -> None:
    """The injected fault: the synthesis engine dies once the student has spoken."""
    import voice.speaker

    turns = tmp_path / "tours"
    turns.mkdir()
    for index, clip in enumerate(["stp_fr_quel_temps_fait_il.wav",
                                  "stp_fr_combien_fait_il.wav"], start=1):
        (turns / f"{index:02d}.wav").write_bytes((SPEECH / clip).read_bytes())
    spoken = {"student": False}
    respond, synthesize = VoiceRehearsal.respond, voice.speaker.synthesize

    def student_spoke(self: VoiceRehearsal, heard: Any) -> Any:
        spoken["student"] = True
        return respond(self, heard)

    def engine(text: str, hint: Any, target: Path) -> Any:
        if spoken["student"]:
            raise RuntimeError("moteur de synthèse arrêté")
        return synthesize(text, hint, target)

    monkeypatch.setattr(VoiceRehearsal, "respond", student_spoke)
    monkeypatch.setattr(voice.speaker, "synthesize", engine)
    started = time.monotonic()
    with pytest.raises(SystemExit) as ended:
        main(["run", SCENARIO, "--audio-script", str(turns)])
    assert time.monotonic() - started < 60
    message = str(ended.value.code)
    log = config_dir / "repliq.log"
    assert message == ("repliq : synthèse vocale en échec (RuntimeError : moteur de synthèse "
                       "arrêté) — entretien arrêté ; répliques déjà dites : 1, gardées, séance "
                       f"interrompue ; détail dans {log}")
    out = capfd.readouterr()
    assert "Vous : " in out.out and "Séance enregistrée : " in out.out
    assert "Traceback" not in out.out + out.err
    assert "RuntimeError: moteur de synthèse arrêté" in log.read_text("utf-8")
    db = open_db(Path(os.environ["REPLIQ_DB"]))
    session = list_sessions(db)[0]
    assert session.status == "interrompue"
    students = [t for t in session_record(db, session.id)["turns"] if t.is_student]
    assert len(students) == 1 and "temps" in students[0].text.lower()  # 02.wav unplayed


def test_a_wav_that_becomes_unreadable_mid_run_ends_it(transcriber: Transcriber,
                                                       tmp_path: Path) -> None:
    """No fault injected: the second file is overwritten while the first is answered."""
    first, second = tmp_path / "01.wav", tmp_path / "02.wav"
    first.write_bytes((SPEECH / "stp_fr_quel_temps_fait_il.wav").read_bytes())
    second.write_bytes((SPEECH / "stp_fr_combien_fait_il.wav").read_bytes())

    def on_event(name: str, data: dict[str, Any]) -> None:
        if name == "student":
            text_file(second)

    rehearsal = Rehearsal(start_conversation(load_scenario(find(SCENARIO))))
    started = time.monotonic()
    voice = converse_aloud(rehearsal, transcriber, WavSource([first, second], gap=0.5),
                           on_event=on_event)
    assert time.monotonic() - started < 60
    assert voice.failure is not None
    assert voice.failure.startswith(f"lecture de l'audio impossible : {second} : ce n'est "
                                    "pas un fichier son")
    students = [t for t in rehearsal.turns if t.is_student]
    assert len(students) == 1 and "temps" in (students[0].asr_text or "").lower()


class BrokenSpeaker(Player):
    """A sound card whose driver fails once the customer starts talking."""

    def read(self, count: int) -> np.ndarray:
        block = super().read(count)
        if block.any():
            raise OSError("carte son disparue")
        return block


def test_a_failing_sink_ends_the_run_instead_of_waiting(tmp_path: Path) -> None:
    silence = write_wav(tmp_path / "silence.wav", np.zeros(16_000 * 30, np.float32), 16_000)
    rehearsal = Rehearsal(start_conversation(load_scenario(find(SCENARIO))))
    voice = VoiceRehearsal(rehearsal)
    player = BrokenSpeaker()
    sink = ClockSink(player, keep=False)
    sink.start()
    events: list[tuple[str, dict[str, Any]]] = []
    # No student speech ever reaches recognition: a model is not needed.
    loop = voice.loop(None, WavSource([silence]), player,  # type: ignore[arg-type]
                      on_event=lambda name, data: events.append((name, data)))
    started = time.monotonic()
    try:
        loop.run(voice.opening())
    finally:
        sink.close()
    assert time.monotonic() - started < 15  # not the 30 s of the file
    assert loop.failure == "lecture du son du client en échec (OSError : carte son disparue)"
    assert loop.closed_reason == loop.failure
    assert ("closed", {"reason": loop.failure}) in events
    assert rehearsal.turns and rehearsal.turns[0].is_customer
