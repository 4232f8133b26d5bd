"""Barge-in: the student speaks while the customer is talking. A real interruption stops
the customer at once; a backchannel ("mmh", "oui", "d'accord") is what listeners do and
must not cut anybody off. Voice-agent frameworks (pipecat's minimum-words strategy) decide
on the words; waiting for a transcription would be too slow to stop within 200 ms, so the
first test is the length of the overlapping speech, and the words decide only for short
overlaps that are not backchannels ("non, attendez")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .vad import FRAME_SECONDS

BACKCHANNELS = {
    "mmh", "mh", "mm", "hum", "hm", "hmm", "humhum", "oui", "ouais", "ok", "okay", "d",
    "accord", "daccord", "bien", "sûr", "très", "ah", "oh", "je", "vois", "entendu", "voilà",
    "exactement", "effectivement", "tout", "à", "fait", "bon", "euh", "merci", "si", "certes",
}


@dataclass
class BargeInRule:
    min_speech: float = 0.5  # longer than a backchannel: the student wants the floor
    min_words: int = 2  # a shorter overlap still interrupts with this many real words


def is_backchannel(text: str) -> bool:
    words = re.findall(r"\w+", text.lower())
    return all(word in BACKCHANNELS for word in words)


def interrupts(text: str, rule: BargeInRule) -> bool:
    """Whether a short overlap, once transcribed, was an interruption after all."""
    words = re.findall(r"\w+", text.lower())
    return len(words) >= rule.min_words and not is_backchannel(text)


class BargeIn:
    """Counts the student's speech while the customer is audible."""

    def __init__(self, rule: BargeInRule | None = None) -> None:
        self.rule = rule or BargeInRule()
        self.overlap = 0

    def reset(self) -> None:
        self.overlap = 0

    def push(self, speaking: bool) -> bool:
        """One frame of the student's turn while the customer speaks; True when it is time
        to stop the customer. Only voiced frames count: the silence after a short "oui"
        must not add up to an interruption."""
        self.overlap += speaking
        return self.overlap * FRAME_SECONDS >= self.rule.min_speech
