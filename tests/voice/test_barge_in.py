"""Barge-in with real speech and the real models: while the customer talks, a student who
starts a real sentence stops the customer within 200 ms of the decision and the rehearsal
records that the reply was cut; a single short word does not cut the customer off."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from bot.engine import start_conversation
from bot.turn_record import Role, TurnRecord
from repliq.rehearsal import Rehearsal
from repliq.voice_session import VoiceRehearsal
from scenarios.catalog import find
from scenarios.validate import load_scenario
from voice.loop import Reply, StudentTurn, VoiceLoop
from voice.player import ClockSink, Player
from voice.source import WavSource
from voice.speaker import Utterance
from voice.stt import Transcriber, load_wav
from voice.tts import VoiceHint
from voice.vad import FRAME_SECONDS, StreamingVad, frames

from ..conftest import ROOT

SPEECH = ROOT.parent / "shared" / "speech-fr"
LONG_REPLY = ("Alors, je vais vous expliquer notre situation en détail. Nous travaillons avec "
              "le même fournisseur depuis huit ans, et franchement nous en sommes contents. "
              "Le service est bon, les prix sont corrects, et je ne vois pas pourquoi nous "
              "changerions maintenant.")


class EagerStudent(WavSource):
    """A student who does not wait for the customer to finish."""

    def hold(self) -> None:
        pass


@pytest.fixture(scope="module")
def transcriber() -> Transcriber:
    return Transcriber()


def speech_onset(path: Path) -> float:
    vad = StreamingVad()
    for index, frame in enumerate(frames(load_wav(path))):
        if vad(frame) >= 0.5:
            return index * FRAME_SECONDS
    raise AssertionError("no speech in the clip")


def talk_over(transcriber: Transcriber, clip: str, opening: list[Utterance],
              respond: Any = None, voice: VoiceRehearsal | None = None
              ) -> tuple[VoiceLoop, WavSource, list[tuple[float, bool]], list[tuple]]:
    player = Player()
    played: list[tuple[float, bool]] = []
    read = player.read

    def logged(count: int) -> np.ndarray:
        block = read(count)
        played.append((time.monotonic(), bool(np.abs(block).max() > 1e-4)))
        return block

    player.read = logged  # type: ignore[method-assign]
    sink = ClockSink(player, keep=False)
    sink.start()
    events: list[tuple] = []
    source = EagerStudent([SPEECH / clip], gap=1.0, lead=1.0)
    def listen(name: str, data: dict[str, Any]) -> None:
        events.append((time.monotonic(), name, data))

    loop = voice.loop(transcriber, source, player, on_event=listen) if voice else \
        VoiceLoop(transcriber, source, player, respond, on_event=listen)
    loop.run(opening)
    sink.close()
    return loop, source, played, events


def test_speaking_over_the_customer_stops_them_within_200_ms(transcriber: Transcriber
                                                              ) -> None:
    scenario = load_scenario(find("tel-prospection-fidelix"))
    voice = VoiceRehearsal(Rehearsal(start_conversation(scenario)))
    said = TurnRecord(role=Role.CUSTOMER, who=scenario.first_speaker, text=LONG_REPLY)
    player_loop, source, played, events = talk_over(
        transcriber, "fleurs_fr_000.wav", [voice._utterance(said)], voice=voice)
    # The long reply is cut once. (The clip goes on in a second sentence: when the first is
    # answered before it ends, as on an idle machine, that answer is cut too; that is the
    # student speaking over the customer again, not a second cut of this reply.)
    cuts = [(moment, data) for moment, name, data in events if name == "cut"
            and any(u.text == LONG_REPLY for u in data["utterances"])]
    assert len(cuts) == 1, [name for _, name, _ in events]
    cut_at, data = cuts[0]
    onset = source.turn_started[0] + speech_onset(SPEECH / "fleurs_fr_000.wav")
    assert 0.3 < cut_at - onset < 1.0  # more than a backchannel, well before the sentence ends
    # Silent from 200 ms after the decision until the student's turn is answered.
    answered = player_loop.turns[0].transcript_ready
    assert not [m for m, sounding in played if sounding and cut_at + 0.2 < m < answered]
    assert any(sounding for m, sounding in played if cut_at - 0.5 < m < cut_at)
    assert 0.5 < data["heard"] < 10
    # The rehearsal knows: the customer's turn was heard for that long, and the student's
    # sentence went through as a turn that cut the customer.
    assert said.cut_after == round(data["heard"], 2)
    assert player_loop.turns and player_loop.turns[0].cut_customer
    assert "accident" in player_loop.turns[0].text.lower()


def test_a_short_word_over_the_customer_does_not_cut_them(transcriber: Transcriber) -> None:
    answered: list[str] = []

    def respond(turn: StudentTurn) -> Reply:
        answered.append(turn.text)
        return Reply([])

    _, source, played, events = talk_over(
        transcriber, "stp_fr_pause.wav", [Utterance(LONG_REPLY, VoiceHint(gender="homme"))],
        respond)
    names = [name for _, name, _ in events]
    assert "cut" not in names
    assert answered == []  # not a turn: the customer goes on
    ignored = [data for _, name, data in events if name == "ignored"]
    assert ignored and ignored[0]["why"] == "trop bref pour couper la parole"
    speech_over = source.turn_started[0] + 1.5
    assert any(sounding for moment, sounding in played if moment > speech_over + 1.0)
