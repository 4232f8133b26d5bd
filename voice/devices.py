"""Sound devices (sounddevice / PortAudio): listing, choosing, a short recording, playback, and
the level of a recording. Every PortAudio failure becomes `NoAudioDevice` with a French
sentence the student can act on, because a missing headset must never end a session: Repliq
falls back to the keyboard."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType

import numpy as np

from .audio import resample

KEYBOARD = "la session continue au clavier."
NO_PORTAUDIO = ("aucun périphérique audio : PortAudio est absent (sudo apt-get install "
                f"libportaudio2) — {KEYBOARD}")
NO_SOUNDDEVICE = ("aucun périphérique audio : le paquet Python sounddevice n'est pas installé "
                  f"(scripts/setup.sh l'installe) — {KEYBOARD}")
NO_DEVICE = ("aucun périphérique audio détecté — branchez un casque et vérifiez le son du "
             f"système, {KEYBOARD}")
NO_INPUT = ("aucun micro détecté — branchez un casque avec micro (ou activez le micro dans les "
            f"réglages du système), {KEYBOARD}")
NO_OUTPUT = ("aucune sortie audio détectée — branchez un casque ou des haut-parleurs, "
             f"{KEYBOARD}")
SILENCE_DBFS = -120.0
METER_FLOOR = -60.0  # the meter's left end: quieter than this is silence to a microphone


class NoAudioDevice(RuntimeError):
    """No usable sound device; the message is one French line for the student."""


@dataclass(frozen=True)
class AudioDevice:
    index: int
    name: str
    inputs: int
    outputs: int
    default_in: bool
    default_out: bool
    samplerate: float


def _sounddevice() -> ModuleType:
    # Imported here, not at the top: importing sounddevice raises OSError when libportaudio2
    # is missing, and that must be a message, not a crash of everything importing voice/.
    try:
        import sounddevice
    except OSError as error:
        raise NoAudioDevice(NO_PORTAUDIO) from error
    except ImportError as error:
        raise NoAudioDevice(NO_SOUNDDEVICE) from error
    return sounddevice


def _failure(error: Exception) -> NoAudioDevice:
    return NoAudioDevice(f"périphérique audio inutilisable ({error}) — {KEYBOARD}")


def list_devices() -> list[AudioDevice]:
    """Every device PortAudio sees, in its order; empty when there is none."""
    sd = _sounddevice()
    try:
        raw = list(sd.query_devices())
        default_in, default_out = (int(i) for i in sd.default.device)
    except (OSError, ValueError, TypeError, sd.PortAudioError) as error:
        raise _failure(error) from error
    return [AudioDevice(index=int(d["index"]), name=str(d["name"]),
                        inputs=int(d["max_input_channels"]),
                        outputs=int(d["max_output_channels"]),
                        default_in=int(d["index"]) == default_in,
                        default_out=int(d["index"]) == default_out,
                        samplerate=float(d["default_samplerate"])) for d in raw]


def find(preferred: str | int | None, devices: list[AudioDevice],
         kind: str) -> AudioDevice | None:
    """The device of this kind ("input" or "output") that `preferred` names: an index, or a
    name (exact, then case-insensitive part of it, as names carry driver suffixes)."""
    usable = [d for d in devices if (d.inputs if kind == "input" else d.outputs) > 0]
    if preferred is None or preferred == "":
        return None
    text = str(preferred).strip()
    if text.isdigit():
        return next((d for d in usable if d.index == int(text)), None)
    exact = [d for d in usable if d.name == text]
    if exact:
        return exact[0]
    return next((d for d in usable if text.casefold() in d.name.casefold()), None)


def _pick(preferred: str | int | None, kind: str,
          devices: list[AudioDevice] | None) -> AudioDevice:
    devices = list_devices() if devices is None else devices
    if not devices:
        raise NoAudioDevice(NO_DEVICE)
    chosen = find(preferred, devices, kind)
    if chosen is not None:
        return chosen
    # A remembered headset that is unplugged today: the system's default, then any device.
    is_default = (lambda d: d.default_in) if kind == "input" else (lambda d: d.default_out)
    usable = [d for d in devices if (d.inputs if kind == "input" else d.outputs) > 0]
    fallback = next((d for d in usable if is_default(d)), usable[0] if usable else None)
    if fallback is None:
        raise NoAudioDevice(NO_INPUT if kind == "input" else NO_OUTPUT)
    return fallback


def pick_input_device(preferred: str | int | None = None,
                      devices: list[AudioDevice] | None = None) -> AudioDevice:
    return _pick(preferred, "input", devices)


def pick_output_device(preferred: str | int | None = None,
                       devices: list[AudioDevice] | None = None) -> AudioDevice:
    return _pick(preferred, "output", devices)


def pick_input(preferred: str | int | None = None,
               devices: list[AudioDevice] | None = None) -> int:
    """The index of the microphone to use: `preferred` if it is there, else the default."""
    return pick_input_device(preferred, devices).index


def pick_output(preferred: str | int | None = None,
                devices: list[AudioDevice] | None = None) -> int:
    """The index of the headset or speakers to use: `preferred` if there, else the default."""
    return pick_output_device(preferred, devices).index


def _device_rate(sd: ModuleType, device: int | None, rate: int, kind: str) -> int:
    """`rate` if the device takes it, else its own rate (a raw hardware device often refuses
    16 kHz: the audio is converted on our side)."""
    check = sd.check_input_settings if kind == "input" else sd.check_output_settings
    try:
        check(device=device, samplerate=rate, channels=1, dtype="float32")
    except sd.PortAudioError:
        return int(sd.query_devices(device, kind=kind)["default_samplerate"])
    return rate


def record(seconds: float, device: int | None = None, rate: int = 16000,
           on_start: Callable[[], None] | None = None) -> np.ndarray:
    """`seconds` of mono float32 audio from the microphone at `rate` Hz (blocking).
    `on_start` runs once the microphone is open: "speak now" said earlier loses the first
    syllable to the time a device takes to open."""
    sd = _sounddevice()
    try:
        capture = _device_rate(sd, device, rate, "input")
        frames = sd.rec(round(seconds * capture), samplerate=capture, channels=1,
                        dtype="float32", device=device)
        try:
            if on_start is not None:
                on_start()
            sd.wait()
        finally:
            sd.stop()  # Ctrl+C while recording must not leave the microphone open
    except (OSError, ValueError, sd.PortAudioError) as error:
        raise _failure(error) from error
    return resample(np.ascontiguousarray(frames[:, 0]), capture, rate)


def play(samples: np.ndarray, rate: int, device: int | None = None) -> None:
    """Play mono samples and return when they have been heard."""
    sd = _sounddevice()
    try:
        output = _device_rate(sd, device, rate, "output")
        data = resample(np.asarray(samples, dtype=np.float32), rate, output)
        sd.play(data, samplerate=output, device=device, blocking=True)
    except (OSError, ValueError, sd.PortAudioError) as error:
        raise _failure(error) from error


def level_dbfs(samples: np.ndarray) -> float:
    """RMS level in dBFS (0 = full scale); silence and empty input give -120, never -inf."""
    if len(samples) == 0:
        return SILENCE_DBFS
    rms = float(np.sqrt(np.mean(np.square(samples, dtype=np.float64))))
    if rms <= 0.0:
        return SILENCE_DBFS
    return max(SILENCE_DBFS, 20.0 * math.log10(rms))


def peak(samples: np.ndarray) -> float:
    return float(np.abs(samples).max()) if len(samples) else 0.0


def level_bar(dbfs: float, width: int = 30) -> str:
    """A text meter from -60 dBFS (empty) to 0 dBFS (full)."""
    fraction = min(1.0, max(0.0, (dbfs - METER_FLOOR) / -METER_FLOOR))
    filled = round(fraction * width)
    return "█" * filled + "·" * (width - filled)


def verdict(dbfs: float, loudest: float) -> str:
    """What the student should do about the level, in French."""
    if loudest >= 0.99:
        return "saturé : éloignez le micro ou baissez son volume"
    if dbfs < -45.0:
        return "trop faible : rapprochez le micro"
    return "bon niveau"
