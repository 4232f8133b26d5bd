"""Turn-taking and barge-in decisions, on made-up voice-activity sequences: when a turn
starts, when the speculative transcription starts, when the turn ends (early after a
finished sentence, later after "parce que"), and what counts as an interruption."""

from __future__ import annotations

from voice.bargein import BargeIn, BargeInRule, interrupts, is_backchannel
from voice.endpoint import Endpointer, Event, TurnTaking, looks_finished
from voice.vad import FRAME_SECONDS


def frames(seconds: float) -> int:
    return round(seconds / FRAME_SECONDS)


def feed(endpointer: Endpointer, pattern: list[tuple[float, float]]) -> list[tuple[int, Event]]:
    """Push (probability, seconds) runs; return (frame, event) for every event raised."""
    events = []
    for probability, seconds in pattern:
        for _ in range(frames(seconds)):
            event = endpointer.push(probability)
            if event:
                events.append((endpointer.frame, event))
    return events


def test_silence_and_clicks_start_no_turn() -> None:
    endpointer = Endpointer()
    assert feed(endpointer, [(0.02, 2.0), (0.9, 0.064), (0.05, 1.0)]) == []


def test_a_sentence_then_silence_ends_after_the_long_silence() -> None:
    endpointer = Endpointer()
    events = feed(endpointer, [(0.02, 0.5), (0.9, 1.0), (0.03, 1.5)])
    kinds = [event for _, event in events]
    assert kinds == [Event.START, Event.PAUSE, Event.END]
    speech_end = frames(0.5) + frames(1.0)
    pause_at, end_at = events[1][0], events[2][0]
    assert (pause_at - speech_end) * FRAME_SECONDS <= 0.15  # transcription starts early
    assert abs((end_at - speech_end) * FRAME_SECONDS - 0.75) < 0.05
    # The turn's audio starts before the speech was detected (preroll).
    assert endpointer.start <= frames(0.5) - frames(0.25)


def test_a_finished_sentence_ends_the_turn_sooner() -> None:
    endpointer = Endpointer()
    feed(endpointer, [(0.9, 1.0), (0.03, 0.15)])
    assert endpointer.paused
    endpointer.mark_finished(looks_finished("Quel temps fait-il ?"))
    events = feed(endpointer, [(0.03, 1.0)])
    assert [e for _, e in events] == [Event.END]
    assert (events[0][0] - frames(1.0)) * FRAME_SECONDS <= 0.32


def test_speech_after_a_pause_resumes_the_same_turn() -> None:
    endpointer = Endpointer()
    events = feed(endpointer, [(0.9, 1.0), (0.03, 0.4), (0.9, 1.0), (0.03, 1.0)])
    assert [e for _, e in events] == [Event.START, Event.PAUSE, Event.RESUME, Event.PAUSE,
                                      Event.END]


def test_hysteresis_keeps_a_weak_syllable_inside_speech() -> None:
    endpointer = Endpointer()
    events = feed(endpointer, [(0.9, 0.5), (0.4, 0.5), (0.9, 0.5), (0.03, 1.0)])
    assert [e for _, e in events] == [Event.START, Event.PAUSE, Event.END]


def test_a_monologue_is_cut_at_the_longest_turn() -> None:
    endpointer = Endpointer(TurnTaking(max_turn=5.0))
    events = feed(endpointer, [(0.9, 7.0)])
    assert [e for _, e in events][:2] == [Event.START, Event.END]


def test_what_reads_as_a_finished_sentence() -> None:
    assert looks_finished("Quel temps fait-il ?")
    assert looks_finished("Je vous propose jeudi à 10 heures.")
    assert looks_finished("D'accord !")
    assert not looks_finished("Je vous appelle parce que.")  # Whisper's period lies
    assert not looks_finished("Nous avons deux offres, et")
    assert not looks_finished("Alors euh...")
    assert not looks_finished("")


def test_backchannels_are_not_interruptions() -> None:
    rule = BargeInRule()
    for text in ("Mmh.", "Oui.", "D'accord.", "Oui, oui, je vois.", "Ok, très bien."):
        assert is_backchannel(text), text
        assert not interrupts(text, rule), text
    assert interrupts("Non, attendez.", rule)
    assert not interrupts("Pause.", rule)  # one word: not enough to take the floor


def test_barge_in_needs_more_speech_than_a_backchannel() -> None:
    barge_in = BargeIn(BargeInRule(min_speech=0.5))
    decisions = [barge_in.push(True) for _ in range(frames(0.3))]
    decisions += [barge_in.push(False) for _ in range(frames(0.5))]  # silence adds nothing
    assert not any(decisions)
    barge_in.reset()
    decisions = [barge_in.push(True) for _ in range(frames(0.6))]
    assert decisions.index(True) == frames(0.5) - 1
