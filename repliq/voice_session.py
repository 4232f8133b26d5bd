"""The rehearsal spoken aloud: wires voice.loop (listening, recognition, synthesis,
barge-in) to the rehearsal (customer, coach, store). Used by `repliq run --audio-script`,
the terminal UI and the latency benchmark, so that all three run the same path."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

from bot.turn_record import TurnRecord
from scenarios.model import Voice
from scenarios.vocabulary import CallDirection, Channel
from voice.bargein import BargeInRule
from voice.endpoint import TurnTaking
from voice.loop import Listener, Reply, Strategy, StudentTurn, VoiceLoop, repliq_strategy
from voice.player import ClockSink, Player
from voice.source import FrameSource
from voice.speaker import Utterance
from voice.stt import Transcriber
from voice.tones import hangup, ringback
from voice.tts import VoiceHint

from .rehearsal import Rehearsal


def persona_voice(voice: Voice) -> VoiceHint:
    return VoiceHint(gender=voice.gender.value, rate=voice.rate.value,
                     pitch=voice.pitch.value, accent=voice.accent)


def vocabulary(rehearsal: Rehearsal) -> list[str]:
    """Names Whisper cannot guess: the company and the people."""
    s = rehearsal.scenario
    return [s.brief.company.name, *(sp.last_name for sp in s.speakers)]


def audio_files(paths: list[Path]) -> list[Path]:
    """The student's turns for `--audio-script`: the files given and the .wav files of the
    folders given (in alphabetical order), each checked from its header before any audio
    thread starts. Raises voice.wavcheck.AudioInputError, one French line naming the file."""
    from voice.wavcheck import AudioInputError, check_wav

    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            inside = sorted(path.glob("*.wav"))
            if not inside:
                raise AudioInputError(f"{path} : aucun fichier .wav dans ce dossier — attendu "
                                      ": un fichier .wav par réplique")
            found.extend(inside)
        else:
            found.append(path)
    for path in found:
        check_wav(path)
    return found


class Sink(Protocol):
    def start(self) -> None: ...

    def close(self) -> None: ...


@dataclass
class AudioIO:
    """Where the student's voice comes from and where the customer's goes."""

    source: FrameSource
    player: Player
    sink: Sink


def open_headset() -> AudioIO:
    """The remembered (or default) microphone and headset. Raises NoAudioDevice with a French
    sentence when there is none: the caller stays at the keyboard."""
    from voice.devices import NoAudioDevice, pick_input, pick_output
    from voice.player import DeviceSink
    from voice.source import MicrophoneSource

    from .audio_settings import load_audio_settings

    remembered = load_audio_settings()
    player = Player()
    try:
        source = MicrophoneSource(pick_input(remembered.input))
        sink = DeviceSink(player, pick_output(remembered.output))
    except NoAudioDevice:
        raise
    except Exception as error:  # PortAudio's errors vary by platform and device
        raise NoAudioDevice(f"micro ou casque inutilisable ({error}) — la session continue "
                            "au clavier.") from error
    return AudioIO(source, player, sink)


def load_transcriber(progress: Callable[[int, int], None] | None = None) -> Transcriber:
    """The speech model with the student's settings (`repliq voice reglages`); `progress`
    follows the one-time joining of the model's two parts."""
    from voice.model import prepare

    from .audio_settings import load_audio_settings

    chosen = load_audio_settings()
    folder = Path(chosen.model) if chosen.model else prepare(progress)
    return Transcriber(folder, compute_type=chosen.compute_type or "int8",
                       threads=chosen.threads or 2, beam_size=chosen.beam_size or 5)


@lru_cache(maxsize=1)
def shared_transcriber() -> Transcriber:
    """One speech model per process, kept warm between conversations."""
    return load_transcriber()


def chosen_turn_taking() -> tuple[Strategy, BargeInRule]:
    """Repliq's loop with the student's silences and barge-in threshold, if they set any."""
    from .audio_settings import load_audio_settings

    chosen = load_audio_settings()
    defaults, rule = TurnTaking(), BargeInRule()
    turn_taking = TurnTaking(end_silence=chosen.end_silence or defaults.end_silence,
                             quick_silence=min(chosen.quick_silence or defaults.quick_silence,
                                               chosen.end_silence or defaults.end_silence))
    return repliq_strategy(turn_taking), BargeInRule(chosen.barge_in or rule.min_speech,
                                                     rule.min_words)


Exchange = Callable[[TurnRecord, list[TurnRecord]], None]


class VoiceRehearsal:
    """One spoken conversation. `out` receives the customer's replies as WAV files;
    `keep_audio` (the student's permission, off by default) keeps the student's voice and
    the customer's per turn, named relative to `audio_root` in the stored turns."""

    def __init__(self, rehearsal: Rehearsal, out: Path | None = None,
                 keep_audio: Path | None = None, audio_root: Path | None = None,
                 on_exchange: Exchange | None = None) -> None:
        self.rehearsal = rehearsal
        self.out = out
        self.keep_audio = keep_audio
        self.audio_root = audio_root
        self.on_exchange = on_exchange
        self.spoken: list[tuple[TurnRecord, Utterance]] = []
        self._targets: dict[int, Path] = {}  # customer turn → its WAV file
        rehearsal.prepare_turn = self._name_audio
        self.students: list[tuple[TurnRecord, StudentTurn]] = []
        self.failure: str | None = None  # what failed, in French, if a fault ended the run
        scenario = rehearsal.scenario
        self.phone = scenario.channel == Channel.TELEPHONE
        self.outbound = self.phone and scenario.call is not None and \
            scenario.call.direction == CallDirection.SORTANT

    def _stored(self, path: Path) -> str | None:
        """The name stored with the turn: relative to the data folder's audio directory.
        A file elsewhere (--audio-out) is the user's own copy, not part of the session: the
        store links to nothing outside its folder (store/audio_paths.py)."""
        if self.audio_root is not None and path.is_relative_to(self.audio_root):
            return path.relative_to(self.audio_root).as_posix()
        return None

    def _folder(self) -> Path | None:
        folder = self.out or self.keep_audio
        if folder:
            folder.mkdir(parents=True, exist_ok=True)
        return folder

    def _name_audio(self, turn: TurnRecord) -> None:
        """Before a customer turn is committed: where its voice will be written, so that the
        stored turn links to it (the file follows a moment later)."""
        folder = self._folder()
        if not turn.is_customer or folder is None:
            return
        target = folder / f"client-{len(self._targets) + 1:02d}.wav"
        self._targets[id(turn)] = target
        turn.audio = self._stored(target)

    def _utterance(self, turn: TurnRecord) -> Utterance:
        speaker = self.rehearsal.scenario.speaker(turn.who)
        target = self._targets.get(id(turn))
        utterance = Utterance(turn.text, persona_voice(speaker.voice), self.phone, target)
        self.spoken.append((turn, utterance))
        return utterance

    def replay_opening(self) -> list[Utterance]:
        """Voice switched on before the student said anything: the ringing tone and the
        customer's first words, already shown as text, are heard too."""
        if any(t.is_student for t in self.rehearsal.turns):
            return []
        said: list[Utterance] = []
        if self.outbound:
            said.append(Utterance("", VoiceHint(), tone=(ringback(rings=1), 8_000)))
        said += [self._utterance(t) for t in self.rehearsal.turns if t.is_customer]
        return said

    def opening(self) -> list[Utterance]:
        """The ringing tone on a call the student makes, then the customer's first words."""
        said: list[Utterance] = []
        first = self.rehearsal.open()
        if self.outbound:
            said.append(Utterance("", VoiceHint(), tone=(ringback(rings=1), 8_000)))
        if first:
            said.append(self._utterance(first))
        return said

    def respond(self, heard: StudentTurn) -> Reply:
        audio = None
        if self.keep_audio is not None:
            from voice.audio import write_wav

            self.keep_audio.mkdir(parents=True, exist_ok=True)
            count = len(self.students) + 1
            path = write_wav(self.keep_audio / f"eleve-{count:02d}.wav", heard.audio, 16_000)
            audio = self._stored(path)
        student, replies = self.rehearsal.say(heard.text, asr_text=heard.text, audio=audio,
                                              cut_customer=heard.cut_customer)
        self.students.append((student, heard))
        said = [self._utterance(reply) for reply in replies]  # each in its speaker's voice
        if self.rehearsal.ended and self.phone:
            said.append(Utterance("", VoiceHint(), tone=(hangup(), 8_000)))
        if self.on_exchange:
            self.on_exchange(student, replies)
        return Reply(said, last=self.rehearsal.ended)

    def on_cut(self, utterances: list[Utterance], heard: float) -> None:
        for turn, utterance in self.spoken:
            if utterance in utterances:
                self.rehearsal.cut(turn, heard)
                return

    def finish(self) -> None:
        """Timings and engines are known once the audio has played: copy them to the
        turns (they are reported by --json)."""
        for student, heard in self.students:
            student.timings = heard.timings()
        for turn, utterance in self.spoken:
            if utterance.engine:
                turn.tts_engine = utterance.engine

    def loop(self, transcriber: Transcriber, source: FrameSource, player: Player,
             strategy: Strategy | None = None, on_event: Listener | None = None,
             hurry: bool = False) -> VoiceLoop:
        def events(name: str, data: dict[str, Any]) -> None:
            if name == "cut":
                self.on_cut(data["utterances"], data["heard"])
            if on_event:
                on_event(name, data)

        rule = None
        if strategy is None:
            strategy, rule = chosen_turn_taking()
        return VoiceLoop(transcriber, source, player, self.respond, strategy,
                         vocabulary(self.rehearsal), barge_in=rule, on_event=events,
                         hurry=hurry)


def converse_aloud(rehearsal: Rehearsal, transcriber: Transcriber, source: FrameSource,
                   out: Path | None = None, keep_audio: Path | None = None,
                   audio_root: Path | None = None, strategy: Strategy | None = None,
                   on_event: Callable[[str, dict[str, Any]], None] | None = None,
                   ) -> VoiceRehearsal:
    """A whole spoken conversation with no sound card: the customer is 'played' in real
    time into memory (and into WAV files with `out`). A fault in an audio thread ends the
    conversation early: `failure` on the result says what failed, the turns so far stay."""
    voice = VoiceRehearsal(rehearsal, out, keep_audio, audio_root)
    player = Player()
    sink = ClockSink(player, keep=False)
    sink.start()
    try:
        loop = voice.loop(transcriber, source, player, strategy, on_event)
        loop.run(voice.opening())
        voice.failure = loop.failure
    finally:
        sink.close()
        voice.finish()
    return voice
