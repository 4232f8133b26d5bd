"""The Entretien screen by voice, driven with the pilot: real French speech streamed at
real-time pace stands in for the headset's microphone (a real-time clock for its
earphones), through the same loop as the microphone. No device, or a device lost
mid-session, leaves the student at the keyboard with a French explanation and nothing lost."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input, Label, OptionList, ProgressBar

from repliq.voice_session import AudioIO
from store.db import audio_dir, open_db
from store.sessions import list_sessions, session_record
from tui.app import RepliqApp
from tui.screens.entretien import EntretienScreen
from voice.devices import NO_INPUT, NoAudioDevice
from voice.player import ClockSink, Player
from voice.source import WavSource
from voice.stt import load_wav

from ..conftest import ROOT

SPEECH = ROOT.parent / "shared" / "speech-fr"


@pytest.fixture(autouse=True)
def config_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REPLIQ_CONFIG_DIR", str(tmp_path / "config"))


def headset(*clips: str, source_class: type[WavSource] = WavSource):  # type: ignore[no-untyped-def]
    def open_audio() -> AudioIO:
        player = Player()
        return AudioIO(source_class([SPEECH / c for c in clips], gap=1.0), player,
                       ClockSink(player, keep=False))

    return open_audio


async def open_entretien(app: RepliqApp, pilot, scenario: str) -> EntretienScreen:  # type: ignore[no-untyped-def]
    await app.workers.wait_for_complete()
    await pilot.pause()
    app.screen.query_one("#student", Input).value = "Inès Voix"
    options = app.screen.query_one("#scenarios", OptionList)
    options.highlighted = options.get_option_index(scenario)
    await pilot.pause()
    await pilot.press("ctrl+s")
    await pilot.pause()
    await pilot.press("ctrl+s")
    await pilot.pause()
    for _ in range(100):
        if isinstance(app.screen, EntretienScreen) and app.screen.rehearsal is not None:
            break
        await pilot.pause(0.1)
    assert isinstance(app.screen, EntretienScreen)
    return app.screen


async def wait_for(pilot, condition, seconds: float = 60.0) -> None:  # type: ignore[no-untyped-def]
    for _ in range(int(seconds * 10)):
        if condition():
            return
        await pilot.pause(0.1)
    raise AssertionError("condition not met in time")


def student_bubbles(screen: EntretienScreen) -> list[str]:
    return [b.text for b in screen.query(".bubble.student")]


async def test_a_phone_call_by_voice(tmp_path: Path) -> None:
    app = RepliqApp(db=tmp_path / "voix.db", preload=False,
                    audio_io=headset("stp_fr_quel_temps_fait_il.wav", "fleurs_fr_000.wav"))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_entretien(app, pilot, "tel-prospection-fidelix")
        customer_lines = len(screen.query(".bubble")) - len(student_bubbles(screen))
        await pilot.press("f5")  # the student agrees to keep their voice
        await pilot.press("f2")
        levels: list[float] = []
        states: set[str] = set()
        partials: set[str] = set()

        def heard_two() -> bool:
            levels.append(screen.query_one("#mic-level", ProgressBar).progress)
            states.add(str(screen.query_one("#mic-state", Label).render()))
            partials.add(str(screen.query_one("#mic-partial", Label).render()))
            return len(student_bubbles(screen)) >= 2 and not screen.busy

        await wait_for(pilot, heard_two, 90)
        said = student_bubbles(screen)
        assert "temps" in said[0].lower() and "accident" in said[1].lower()
        assert len(screen.query(".bubble")) - len(said) > customer_lines  # answered aloud
        assert any("vous parlez" in s for s in states)
        assert any("le client parle" in s for s in states)
        assert max(levels) > 20  # the meter moved with the voice (dB above −60 dBFS)
        # While the long sentence was spoken, what was understood so far was shown.
        assert any(p.startswith("« ") and len(p.split()) >= 4 for p in partials), partials
        await pilot.press("f2")
        await wait_for(pilot, lambda: screen.voice_loop is None, 10)
        assert "coupé" in str(screen.query_one("#mic-state", Label).render())
        session_id = screen.recorder.id  # type: ignore[union-attr]
    record = session_record(open_db(tmp_path / "voix.db"), session_id)
    spoken = [t for t in record["turns"] if t.is_student]
    assert "temps" in spoken[0].text.lower()
    assert spoken[0].audio is not None
    kept = audio_dir(tmp_path / "voix.db") / spoken[0].audio
    assert kept.is_file() and kept.stat().st_size > 16_000  # the student's own voice


async def test_no_microphone_keeps_the_keyboard(tmp_path: Path) -> None:
    def no_device() -> AudioIO:
        raise NoAudioDevice(NO_INPUT)

    app = RepliqApp(db=tmp_path / "sans-micro.db", preload=False, audio_io=no_device)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_entretien(app, pilot, "tel-prospection-fidelix")
        await pilot.press("f2")
        await wait_for(pilot, lambda: any("aucun micro" in str(n.message)
                                          for n in app._notifications), 20)
        assert "coupé" in str(screen.query_one("#mic-state", Label).render())
        before = len(screen.query(".bubble"))
        screen.query_one("#say", Input).value = "Bonjour, Julien Morel de la société Fidelix."
        await pilot.press("enter")
        await wait_for(pilot, lambda: len(screen.query(".bubble")) >= before + 2, 20)


class Unplugged(WavSource):
    """A headset pulled out after the first sentence."""

    def _run(self) -> None:
        clock = self.silence(self.lead, time.monotonic())
        self.turn_started.append(clock)
        clock = self._stream(load_wav(self.files[0]), clock)
        self.silence(2.0, clock)
        self.error = "le micro a été débranché"
        self.frames.put(None)


async def test_a_microphone_lost_mid_session_falls_back_to_text(tmp_path: Path) -> None:
    app = RepliqApp(db=tmp_path / "perdu.db", preload=False,
                    audio_io=headset("stp_fr_quelle_heure_est_il.wav", source_class=Unplugged))
    # Every notice shown, kept: on a loaded machine the 8-second notice could be gone by the
    # time the transcribed sentence reaches the chat (a CI run failed on that, not on the app).
    shown: list[str] = []
    show = app.notify

    def notify(message: str, *args: Any, **kwargs: Any) -> None:
        shown.append(str(message))
        show(message, *args, **kwargs)

    app.notify = notify  # type: ignore[method-assign]
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_entretien(app, pilot, "e4-copieur-cabinet")
        await pilot.press("f2")
        await wait_for(pilot, lambda: screen.voice_loop is None and
                       len(student_bubbles(screen)) == 1, 60)
        assert any("Micro perdu" in message and "débranché" in message for message in shown)
        screen.query_one("#say", Input).value = "Pouvez-vous me parler de votre équipe ?"
        await pilot.press("enter")
        await wait_for(pilot, lambda: len(student_bubbles(screen)) == 2 and not screen.busy)
    db = open_db(tmp_path / "perdu.db")
    record = session_record(db, list_sessions(db)[0].id)
    assert [t.is_student for t in record["turns"]].count(True) == 2


async def test_kept_audio_is_heard_again_in_relecture(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from repliq.cli import main
    from tui.screens.relecture import RelectureScreen
    from tui.widgets.chat import Bubble
    from voice import devices

    base = tmp_path / "relecture.db"
    assert main(["run", "tel-prospection-fidelix", "--base", str(base), "--audio-script",
                 str(SPEECH / "stp_fr_quel_temps_fait_il.wav"), "--garder-audio"]) == 0
    session = list_sessions(open_db(base))[0].id
    heard: list[int] = []
    # The sound card is the one thing replaced: what would have been played is recorded.
    monkeypatch.setattr(devices, "play", lambda samples, rate, device=None:
                        heard.append(len(samples)))
    app = RepliqApp(db=base, preload=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await app.push_screen(RelectureScreen(session))
        await pilot.pause()
        audible = [b for b in app.screen.query(Bubble) if b.audio]
        student = next(b for b in audible if "student" in b.classes)
        assert "♪" in str(student.render())
        student.focus()
        await pilot.press("l")
        await app.workers.wait_for_complete()
        assert heard and heard[0] > 16_000  # more than a second of the student's voice
