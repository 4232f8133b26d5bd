"""`repliq voice devices` and `repliq voice check`: see the sound devices, and test the
headset before a session (level, playback, what the speech recognition understood). Only
wiring and printing: the audio is in voice/devices.py."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

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
        from voice.stt import Transcriber

        text = Transcriber().transcribe(samples).text.strip()
    except ModelMissing as error:
        print(f"repliq : {error}", file=sys.stderr)
        return 1
    if text:
        print(f"Reconnu : « {text} »")
    else:
        print("Reconnu : rien de reconnu (silence ou bruit)")
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
