"""`repliq voice devices` and `repliq voice check`: see the sound devices, and test the
headset before a session (level, playback, what the speech recognition understood). Only
wiring and printing: the audio is in voice/devices.py."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.table import Table

from .audio_settings import load_audio_settings, save_audio_settings

if TYPE_CHECKING:
    import numpy as np

    from voice.devices import AudioDevice

RATE = 16_000  # what the speech recognition expects
KEYBOARD_NOTE = ("Repliq fonctionne aussi sans micro : les entretiens se jouent au clavier, "
                 "en tapant vos répliques.")


def _fail(message: str, keyboard_note: bool = True) -> int:
    print(f"repliq : {message}", file=sys.stderr)
    if keyboard_note:
        print(KEYBOARD_NOTE, file=sys.stderr)
    return 2


def _table(title: str, devices: list[AudioDevice], kind: str, remembered: str | None) -> Table:
    from voice.devices import find

    mine = find(remembered, devices, kind)
    table = Table(title=title, title_justify="left", expand=False)
    table.add_column("N°", justify="right", no_wrap=True)
    table.add_column("Nom", overflow="fold")
    table.add_column("Canaux", justify="right", no_wrap=True)
    table.add_column("Hz", justify="right", no_wrap=True)
    table.add_column("", no_wrap=True)
    for device in devices:
        channels = device.inputs if kind == "input" else device.outputs
        if not channels:
            continue
        marks = []
        if device.default_in if kind == "input" else device.default_out:
            marks.append("par défaut")
        if mine is not None and device.index == mine.index:
            marks.append("mémorisé")
        table.add_row(str(device.index), device.name, str(channels),
                      f"{device.samplerate:g}", ", ".join(marks))
    return table


def cmd_devices(args: argparse.Namespace) -> int:
    from voice.devices import NO_DEVICE, NO_INPUT, NO_OUTPUT, NoAudioDevice, list_devices

    try:
        devices = list_devices()
    except NoAudioDevice as error:
        return _fail(str(error))
    if not devices:
        return _fail(NO_DEVICE)
    remembered = load_audio_settings()
    console = Console(highlight=False)
    if any(d.inputs for d in devices):
        console.print(_table("Micros (entrées)", devices, "input", remembered.input))
    else:
        console.print(NO_INPUT)
    console.print()
    if any(d.outputs for d in devices):
        console.print(_table("Sorties (casque, haut-parleurs)", devices, "output",
                             remembered.output))
    else:
        console.print(NO_OUTPUT)
    console.print("\nTestez votre casque : repliq voice check   (--micro N° ou NOM pour en "
                  "choisir un autre, --memoriser pour le retenir)")
    return 0


def _chosen(option: str | None, remembered: str | None, devices: list[AudioDevice],
            kind: str) -> AudioDevice:
    from voice.devices import find, pick_input_device, pick_output_device

    pick = pick_input_device if kind == "input" else pick_output_device
    what, used = ("micro", "micro utilisé") if kind == "input" else ("sortie", "sortie utilisée")
    if option is not None and find(option, devices, kind) is None:
        # Asked for by name on the command line: say it, rather than silently using another.
        fallback = pick(None, devices)
        print(f"{what} « {option} » introuvable — « repliq voice devices » liste les "
              f"périphériques ; {used} : {fallback.name}")
        return fallback
    return pick(option if option is not None else remembered, devices)


def cmd_check(args: argparse.Namespace) -> int:
    from voice.devices import (
        NO_DEVICE,
        NoAudioDevice,
        level_bar,
        level_dbfs,
        list_devices,
        peak,
        play,
        record,
        verdict,
    )

    if not 0.5 <= args.duration <= 60:
        print("repliq : durée invalide pour --duree — attendu : un nombre de secondes entre "
              "0,5 et 60 (ex. 3)", file=sys.stderr)
        return 2
    remembered = load_audio_settings()
    try:
        devices = list_devices()
        if not devices:
            raise NoAudioDevice(NO_DEVICE)
        micro = _chosen(args.micro, remembered.input, devices, "input")
    except NoAudioDevice as error:
        return _fail(str(error))
    print(f"Micro : {micro.name} (n° {micro.index})", flush=True)
    try:
        samples = record(args.duration, device=micro.index, rate=RATE,
                         on_start=lambda: print(f"Parlez maintenant… ({args.duration:g} s)",
                                                flush=True))
    except NoAudioDevice as error:
        return _fail(str(error))
    dbfs, loudest = level_dbfs(samples), peak(samples)
    print(f"Niveau : {dbfs:6.1f} dBFS  {level_bar(dbfs)}  (crête {loudest:.2f})")
    print(f"Verdict : {verdict(dbfs, loudest)}", flush=True)

    output = None
    if not args.no_playback:
        try:
            output = _chosen(args.output, remembered.output, devices, "output")
            print(f"Écoute de l'enregistrement sur : {output.name} (n° {output.index})",
                  flush=True)
            play(samples, RATE, device=output.index)
        except NoAudioDevice as error:
            # Hearing oneself is a bonus: the microphone check goes on without it.
            print(f"Lecture impossible : {error}")
            output = None
    if args.remember:
        path = save_audio_settings(input=micro.name,
                                   output=output.name if output is not None else None)
        print(f"Choix mémorisé dans {path} : micro « {micro.name} »"
              + (f", sortie « {output.name} »" if output is not None else ""))
    return _transcribe(samples)


def _transcribe(samples: np.ndarray) -> int:
    from voice.model import ModelMissing

    print("Reconnaissance vocale…", flush=True)
    try:
        text = speech_model().transcribe(samples).text.strip()
    except ModelMissing as error:
        print(f"repliq : {error}", file=sys.stderr)
        return 1
    if text:
        print(f"Reconnu : « {text} »")
    else:
        print("Reconnu : rien de reconnu (silence ou bruit)")
    return 0


class JoinProgress:
    """A progress bar shown only if the speech model has to be assembled (the first time)."""

    def __init__(self) -> None:
        self.bar: Any = None
        self.task: Any = None

    def __call__(self, done: int, total: int) -> None:
        if self.bar is None:
            from rich.progress import Progress

            self.bar = Progress(transient=True)
            self.bar.start()
            self.task = self.bar.add_task("Préparation du modèle de reconnaissance vocale "
                                          "(une seule fois)", total=total)
        self.bar.update(self.task, completed=done)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()


def speech_model():  # type: ignore[no-untyped-def]
    """The speech model with the student's settings, a progress bar the first time.
    Raises voice.model.ModelMissing."""
    from .voice_session import load_transcriber

    progress = JoinProgress()
    try:
        return load_transcriber(progress)
    finally:
        progress.close()


SETTINGS = (
    ("model", "modele", "dossier d'un autre modèle faster-whisper", str),
    ("compute_type", "calcul", "type de calcul : int8 (défaut), int8_float32, float32", str),
    ("threads", "threads", "cœurs utilisés par la reconnaissance (défaut : 2)", int),
    ("beam_size", "faisceau", "largeur de la recherche en faisceau (défaut : 5 ; 1 = plus "
                             "rapide, moins juste)", int),
    ("end_silence", "silence_fin", "secondes de silence qui terminent toujours votre tour "
                                   "(défaut : 0.75)", float),
    ("quick_silence", "silence_court", "secondes de silence qui suffisent après une phrase "
                                       "finie (défaut : 0.3)", float),
    ("barge_in", "coupure", "secondes de parole par-dessus le client pour l'interrompre "
                            "(défaut : 0.5)", float),
)


def cmd_settings(args: argparse.Namespace) -> int:
    from .audio_settings import COMPUTE_TYPES, audio_settings_path, forget_audio_settings

    changes = {name: getattr(args, flag) for name, flag, _, _ in SETTINGS
               if getattr(args, flag) is not None}
    if changes.get("compute_type") not in (None, *COMPUTE_TYPES):
        print(f"repliq : --calcul {changes['compute_type']} — attendu : "
              + ", ".join(COMPUTE_TYPES), file=sys.stderr)
        return 1
    for name in ("end_silence", "quick_silence", "barge_in"):
        if name in changes and not 0.05 <= changes[name] <= 5:
            print(f"repliq : {name} = {changes[name]} — attendu : entre 0.05 et 5 secondes",
                  file=sys.stderr)
            return 1
    for name in ("threads", "beam_size"):
        if name in changes and not 1 <= changes[name] <= 32:
            print(f"repliq : {name} = {changes[name]} — attendu : entre 1 et 32",
                  file=sys.stderr)
            return 1
    if "model" in changes and not (Path(changes["model"]) / "model.bin").is_file():
        print(f"repliq : {changes['model']} n'est pas un dossier de modèle faster-whisper "
              "(model.bin absent)", file=sys.stderr)
        return 1
    path = audio_settings_path()
    try:
        if args.reset:
            forget_audio_settings([name for name, *_ in SETTINGS])
        if changes:
            save_audio_settings(**changes)
        current = load_audio_settings()
    except OSError as error:  # reading is forgiving; this is writing (a folder, no rights)
        print(f"repliq : impossible d'enregistrer les réglages dans {path} "
              f"({error.strerror or error}) — attendu : un fichier modifiable par votre compte",
              file=sys.stderr)
        return 1
    print(f"Réglages de la voix ({path}) :")
    for name, flag, help_text, _ in SETTINGS:
        value = getattr(current, name)
        shown = "par défaut" if value is None else str(value)
        print(f"  --{flag.replace('_', '-'):<14} {shown:<12} {help_text}")
    return 0


def add_parser(commands: argparse._SubParsersAction, parser_class: type) -> None:
    voice = commands.add_parser(
        "voice", help="micro et casque : lister les périphériques, tester le son",
        description="Vérifiez votre casque avant un entretien à la voix.",
        epilog="exemples :\n  repliq voice devices\n  repliq voice check\n"
               "  repliq voice check --micro 2 --sortie \"USB Headset\" --memoriser\n\n"
               "Guide : docs/voice.md")
    sub = voice.add_subparsers(title="commandes", metavar="COMMANDE", dest="voice_command",
                               parser_class=parser_class, required=True)
    p = sub.add_parser("devices", help="lister les micros et les sorties audio",
                       description="Liste les micros et les sorties audio que voit le système, "
                                   "avec ceux par défaut et ceux mémorisés par « repliq voice "
                                   "check --memoriser ».",
                       epilog="exemple :\n  repliq voice devices")
    p.set_defaults(handler=cmd_devices)
    p = sub.add_parser("check", help="tester le micro : niveau, réécoute, reconnaissance",
                       description="Enregistre quelques secondes au micro, affiche le niveau "
                                   "et un verdict, fait réécouter l'enregistrement puis "
                                   "affiche ce que la reconnaissance vocale a compris.",
                       epilog="exemples :\n  repliq voice check\n"
                              "  repliq voice check --duree 5 --sans-lecture\n"
                              "  repliq voice check --micro \"USB Headset\" --memoriser")
    p.add_argument("--micro", metavar="NOM|N°", default=None,
                   help="micro à utiliser : son numéro ou une partie de son nom (par défaut : "
                        "celui mémorisé, sinon celui du système)")
    p.add_argument("--sortie", dest="output", metavar="NOM|N°", default=None,
                   help="casque ou haut-parleurs pour la réécoute (même forme que --micro)")
    p.add_argument("--duree", dest="duration", type=float, default=3.0, metavar="SECONDES",
                   help="durée de l'enregistrement (par défaut : 3)")
    p.add_argument("--sans-lecture", dest="no_playback", action="store_true",
                   help="ne pas réécouter l'enregistrement")
    p.add_argument("--memoriser", dest="remember", action="store_true",
                   help="retenir ce micro et cette sortie pour les prochaines séances")
    p.set_defaults(handler=cmd_check)
    p = sub.add_parser("reglages", help="réglages de la reconnaissance et des tours de parole",
                       description="Affiche et modifie les réglages de la voix, gardés d'une "
                                   "séance à l'autre. Sans option : les affiche.",
                       epilog="exemples :\n  repliq voice reglages\n"
                              "  repliq voice reglages --silence-fin 1.0   (vous faites de "
                              "longues pauses)\n"
                              "  repliq voice reglages --threads 4 --faisceau 3\n"
                              "  repliq voice reglages --defaut")
    for _, flag, help_text, kind in SETTINGS:
        p.add_argument(f"--{flag.replace('_', '-')}", dest=flag, type=kind, default=None,
                       metavar="VALEUR", help=help_text)
    p.add_argument("--defaut", dest="reset", action="store_true",
                   help="revenir aux réglages par défaut (le casque mémorisé est gardé)")
    p.set_defaults(handler=cmd_settings)
