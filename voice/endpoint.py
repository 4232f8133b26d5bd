"""Turn-taking: when the student starts and stops speaking, decided frame by frame from the
voice-activity probabilities. Pure logic (no model, no clock), so it is tested on made-up
probability sequences.

The end of a turn is where latency is won or lost: waiting a fixed 700 ms of silence is
what makes voice bots feel slow. The endpointer raises PAUSE at the first short silence so
that the final transcription starts at once, and ends the turn after `quick_silence` when
that transcription reads as a finished sentence, after `end_silence` otherwise (a student
pausing after "et…" or "parce que" is not done)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from .vad import FRAME_SECONDS


class Event(Enum):
    START = "start"  # the student started a turn
    PAUSE = "pause"  # a short silence: transcribe now, speculatively
    RESUME = "resume"  # speech again: the speculative transcription is stale
    END = "end"  # the turn is over


@dataclass
class TurnTaking:
    """Settings, in seconds (they can be changed in the configuration)."""

    speech_threshold: float = 0.5  # Silero probability that opens speech
    silence_threshold: float = 0.35  # ...and below which speech is over (hysteresis)
    min_speech: float = 0.12  # shorter bursts (a click, a breath) start no turn
    pause: float = 0.1  # silence that starts the speculative transcription
    quick_silence: float = 0.3  # enough silence after a finished sentence
    end_silence: float = 0.75  # enough silence in any case
    # Audio kept from before the speech was detected: Silero, streaming, crosses its
    # threshold up to half a second into a soft onset ("l'accident"), and Whisper needs
    # the first phoneme; leading silence costs it nothing.
    preroll: float = 0.7
    max_turn: float = 20.0  # a turn this long is cut (a monologue; Whisper's window)

    def frames(self, seconds: float) -> int:
        return max(1, round(seconds / FRAME_SECONDS))


# Words after which a French sentence is not finished, whatever the punctuation says.
CONTINUATIONS = {
    "et", "mais", "ou", "donc", "car", "parce", "que", "qu", "qui", "dont", "où", "si",
    "de", "du", "des", "le", "la", "les", "l", "un", "une", "au", "aux", "à", "pour", "avec",
    "sans", "sur", "dans", "en", "par", "chez", "vers", "entre", "comme", "quand", "alors",
    "puis", "euh", "heu", "bah", "ben", "notre", "votre", "nos", "vos", "mon", "ma", "mes",
    "ce", "cette", "ces",
}


def looks_finished(text: str) -> bool:
    """A transcript that ends like a sentence: final punctuation, not on a linking word."""
    stripped = text.strip()
    if not stripped or stripped.endswith(("...", "…", ",", "-")):
        return False
    if stripped.endswith(("?", "!")):
        return True  # "Quel temps fait-il ?" ends on a pronoun and is finished
    if not stripped.endswith("."):
        return False
    words = re.findall(r"[\w]+", stripped.lower())
    return bool(words) and words[-1] not in CONTINUATIONS


class Endpointer:
    def __init__(self, settings: TurnTaking | None = None) -> None:
        self.settings = settings or TurnTaking()
        self.reset()

    def reset(self) -> None:
        self.frame = 0  # frames seen
        self.in_turn = False
        self.speaking = False
        self.run = 0  # consecutive frames of the current state (speech or silence)
        self.start = 0  # frame where the turn's audio starts (preroll included)
        self.speech_end = 0  # frame after the last speech frame of the turn
        self.paused = False
        self.finished = False  # set by the caller when the pause's transcript reads finished

    @property
    def silence(self) -> float:
        return 0.0 if self.speaking else self.run * FRAME_SECONDS

    def mark_finished(self, finished: bool) -> None:
        self.finished = finished

    def push(self, probability: float) -> Event | None:
        s = self.settings
        self.frame += 1
        voiced = probability >= (s.silence_threshold if self.speaking else s.speech_threshold)
        if voiced != self.speaking:
            self.speaking, self.run = voiced, 1
        else:
            self.run += 1
        if not self.in_turn:
            if self.speaking and self.run >= s.frames(s.min_speech):
                self.in_turn, self.paused, self.finished = True, False, False
                self.start = max(0, self.frame - self.run - s.frames(s.preroll))
                return Event.START
            return None
        if self.speaking:
            self.speech_end = self.frame
            if (self.frame - self.start) >= s.frames(s.max_turn):
                return self._end()
            if self.paused:
                self.paused, self.finished = False, False
                return Event.RESUME
            return None
        if not self.paused and self.run >= s.frames(s.pause):
            self.paused = True
            return Event.PAUSE
        if self.run >= s.frames(s.end_silence) or (
                self.finished and self.run >= s.frames(s.quick_silence)):
            return self._end()
        return None

    def _end(self) -> Event:
        self.in_turn = self.paused = self.finished = False
        return Event.END
